"""Unit of work: one user action = one service call = one transaction."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from serialdesk.db.engine import READ_ONLY
from serialdesk.domain.errors import DomainError


def unavailable(exc: DBAPIError) -> DomainError:
    """A database that is busy or out of reach, in the clerk's words (nothing of the action was saved)."""
    text = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    if "locked" in text or "busy" in text:
        return DomainError("The database is busy (another station is saving); nothing was saved — try again.",
                           code="db_busy")
    return DomainError(f"The database cannot be reached ({text}); nothing was saved — try again when the "
                       "connection is back.", code="db_unavailable")


class UnitOfWork:
    """``with uow: ...; uow.commit()`` — anything not committed is rolled back on exit."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("unit of work used outside its 'with' block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = self._factory()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._session is not None
        try:
            self._session.rollback()
        except DBAPIError:
            pass  # the connection is gone: nothing was committed, the error below says why
        finally:
            self._session.close()
            self._session = None
        if isinstance(exc, OperationalError | InterfaceError):
            raise unavailable(exc) from exc

    def commit(self) -> None:
        self.session.commit()


class UnitOfWorkFactory:
    """Makes units of work on one engine; ``reading()`` ones never take SQLite's write lock."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._write = sessionmaker(engine, expire_on_commit=False)
        self._read = sessionmaker(engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)

    def __call__(self) -> UnitOfWork:
        return UnitOfWork(self._write)

    def reading(self) -> UnitOfWork:
        return UnitOfWork(self._read)
