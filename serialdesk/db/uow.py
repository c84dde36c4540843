"""Unit of work: one user action = one service call = one transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from serialdesk.db import changes as watch
from serialdesk.db.engine import READ_ONLY, journal_guard
from serialdesk.db.journal import JournalLost
from serialdesk.db.statistics import StatisticsRenewal, asked_after_commit
from serialdesk.domain.changes import Changes
from serialdesk.domain.errors import DomainError

Listener = Callable[[Changes], None]

RECONNECTED = "db_reconnected"
log = logging.getLogger(__name__)


def unavailable(exc: DBAPIError) -> DomainError:
    """A database that is busy or out of reach, in the clerk's words (nothing of the action was saved)."""
    text = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    if "locked" in text or "busy" in text:
        return DomainError("The database is busy (another station is saving); nothing was saved — try again.",
                           code="db_busy")
    return DomainError(f"The database cannot be reached ({text}); nothing was saved — try again when the "
                       "connection is back.", code="db_unavailable")


def lost_after_commit(exc: DBAPIError) -> DomainError:
    """The action was committed; only reading its result back failed."""
    text = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    return DomainError(f"It was saved, but the database stopped answering before the result could be shown "
                       f"({text}); look it up again to see it.", code="saved_not_shown")


def unknown_outcome(exc: DBAPIError) -> DomainError:
    """The connection broke during COMMIT itself: the database may or may not have taken it. Still coded
    ``db_unavailable``: a scan waiting on this computer is sent again, and refused as already there if it is."""
    text = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    return DomainError(f"The database stopped answering while saving ({text}); it may or may not have been "
                       "saved — look it up before you try again.", code="db_unavailable")


def reconnected(exc: JournalLost) -> DomainError:
    """Another program in this process opened the database file; the connection was renewed, nothing saved."""
    return DomainError(f"The connection to the database was renewed ({exc}); nothing of this action was saved "
                       "— it is tried again.", code=RECONNECTED)


class UnitOfWork:
    """``with uow: ...; uow.commit()`` — anything not committed is rolled back on exit.

    A writing unit of work watches what its session writes; after COMMIT, ``changes`` says what changed (the
    kinds of the tables written) and every listener of its factory is told. A reading one changes nothing."""

    def __init__(self, factory: sessionmaker[Session], reconnect: Callable[[], None] | None = None,
                 listeners: list[Listener] | None = None, *, writes: bool = True,
                 statistics: StatisticsRenewal | None = None) -> None:
        self._factory = factory
        self._statistics = statistics
        self._reconnect = reconnect
        self._listeners = listeners if listeners is not None else []
        self._writes = writes
        self._session: Session | None = None
        self.committed = False  # True once COMMIT returned: later failures must not say "nothing was saved"
        self.changes = Changes()  # what the last commit changed (nothing until one succeeded)

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("unit of work used outside its 'with' block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = self._factory()
        self.committed = False
        self.changes = Changes()
        if self._writes:
            watch.start(self._session)
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
        if isinstance(exc, JournalLost):
            if self._reconnect is not None:
                self._reconnect()
            raise reconnected(exc) from exc
        if isinstance(exc, OperationalError | InterfaceError):
            raise (lost_after_commit(exc) if self.committed else unavailable(exc)) from exc

    def commit(self) -> None:
        self.session.flush()  # a failure here: nothing was saved
        changed = watch.written(self.session)
        try:
            self.session.commit()
        except (OperationalError, InterfaceError) as exc:
            raise unknown_outcome(exc) from exc
        self.committed = True
        self.changes = self.changes | changed
        watch.forget(self.session)  # a second commit in the same block reports only its own writes
        renew = asked_after_commit(self.session)
        if renew and self._statistics is not None:
            self._statistics.renew(renew)  # PostgreSQL's ANALYZE, in the background: the data is saved already
        if changed:
            for listener in list(self._listeners):
                try:
                    listener(changed)
                except Exception:  # saved already: a listener's trouble must not make it look unsaved
                    log.exception("a commit listener failed")


class UnitOfWorkFactory:
    """Makes units of work on one engine; ``reading()`` ones never take SQLite's write lock."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.guard = journal_guard(engine)
        self._write = sessionmaker(engine, expire_on_commit=False)
        self._read = sessionmaker(engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)
        # PostgreSQL at READ COMMITTED gives each statement its own snapshot inside a transaction too: for plain
        # SELECTs its BEGIN and ROLLBACK are only two more round trips. SQLite keeps its one snapshot per read.
        self._glance = self._read if engine.dialect.name == "sqlite" else sessionmaker(
            engine.execution_options(**{READ_ONLY: True}, isolation_level="AUTOCOMMIT"), expire_on_commit=False)
        self._listeners: list[Listener] = []
        self.statistics = StatisticsRenewal(engine)

    def on_commit(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(changes)`` after every commit that changed something (on the committing thread).
        Returns a function that stops it. A listener must not raise: the data is saved by then."""
        self._listeners.append(listener)

        def stop() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return stop

    def reconnect(self) -> None:
        """Close every connection (the journal they hold is lost) and forget the journal once the ones other
        threads are using are back; the next connection opens the files every station sees."""
        self.engine.dispose()
        if self.guard is not None:
            self.guard.renew()

    def __call__(self) -> UnitOfWork:
        return UnitOfWork(self._write, self.reconnect, self._listeners, statistics=self.statistics)

    def reading(self) -> UnitOfWork:
        return UnitOfWork(self._read, self.reconnect, writes=False)

    def glancing(self) -> UnitOfWork:
        """A reading unit of work for scan-time answers made of plain SELECTs that need no common snapshot (a
        passport): on PostgreSQL no transaction is opened (autocommit: no BEGIN/ROLLBACK round trips), which at
        READ COMMITTED reads exactly what a transaction would. No SET LOCAL, no server-side cursors in it."""
        return UnitOfWork(self._glance, self.reconnect, writes=False)
