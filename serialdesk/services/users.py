"""Station users: PINs hashed with argon2, roles checked here (not only in the GUI)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from serialdesk.db.models import Event, User
from serialdesk.db.uow import UnitOfWorkFactory
from serialdesk.domain.errors import DomainError, NotFound, PermissionDenied
from serialdesk.domain.roles import Action, Actor, Role, parse_role
from serialdesk.services.common import Service
from serialdesk.services.dto import UserView

# Moderate cost: a PIN check at the counter should take well under a second on a shop PC.
_hasher = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,59}")


def _clean_pin(pin: str) -> str:
    if not (pin.isdigit() and 4 <= len(pin) <= 12):
        raise DomainError("A PIN is 4 to 12 digits.", code="bad_pin_format")
    return pin


def _view(user: User) -> UserView:
    return UserView(user.name, user.role, user.pin_hash is not None, user.active)


def load_actor(uows: UnitOfWorkFactory, name: str, station: str = "") -> Actor:
    """The actor for a user name (CLI: whoever reaches the database is trusted, but roles apply)."""
    with uows.reading() as uow:
        user = uow.session.scalar(select(User).where(func.lower(User.name) == name.strip().lower()))
        if user is None or not user.active:
            raise NotFound(f"There is no active user '{name}'.", code="unknown_user")
        return Actor(user.name, Role(user.role), station)


def create_admin(uows: UnitOfWorkFactory, pin: str | None) -> bool:
    """Create the manager account ``admin`` on an empty user table; False when users already exist."""
    with uows() as uow:
        if uow.session.scalar(select(func.count(User.id))):
            return False
        pin_hash = _hasher.hash(_clean_pin(pin)) if pin else None
        uow.session.add(User(name="admin", role=Role.MANAGER.value, pin_hash=pin_hash))
        uow.commit()
        return True


LOCK_AFTER_FAILURES = 3
LOCK_SECONDS = 60


def authenticate(uows: UnitOfWorkFactory, name: str, pin: str, station: str = "", *,
                 first_pin: bool = False, now: datetime | None = None) -> Actor:
    """Check a PIN at login; a wrong PIN or an unknown user get the same answer.

    Three wrong PINs for a user within a minute lock that user out for a minute; every failure is audited.
    With ``first_pin`` an account whose PIN was never set (``init`` without ``--admin-pin``) takes the PIN typed
    at its first sign-in as its PIN, as DESIGN §5 promises.
    """
    moment = now or datetime.now(UTC)
    with uows() as uow:
        s = uow.session
        user = s.scalar(select(User).where(func.lower(User.name) == name.strip().lower()))
        if user is None or not user.active or (user.pin_hash is None and not first_pin):
            raise PermissionDenied("Wrong user name or PIN.", code="bad_login")
        failures = s.scalars(select(Event.at).where(
            Event.kind == "login_failed", Event.by_user == user.name,
            Event.at > moment - timedelta(seconds=LOCK_SECONDS)).order_by(Event.at)).all()
        if len(failures) >= LOCK_AFTER_FAILURES:
            wait = int((failures[-1] + timedelta(seconds=LOCK_SECONDS) - moment).total_seconds()) + 1
            raise PermissionDenied(f"Too many wrong PINs for {user.name}: try again in {wait} seconds.",
                                   code="login_locked")
        if user.pin_hash is None:
            user.pin_hash = _hasher.hash(_clean_pin(pin))
            s.add(Event(kind="pin_set_at_first_login", by_user=user.name, station=station, at=moment,
                        data={"user": user.name}))
            uow.commit()
            return Actor(user.name, Role(user.role), station)
        try:
            _hasher.verify(user.pin_hash, pin)
        except (VerificationError, InvalidHashError):
            s.add(Event(kind="login_failed", by_user=user.name, station=station, at=moment, data={}))
            uow.commit()
            raise PermissionDenied("Wrong user name or PIN.", code="bad_login") from None
        return Actor(user.name, Role(user.role), station)


class UserService(Service):
    def add_user(self, name: str, role: str, pin: str) -> UserView:
        """Add a station user. Managers only; the name must be free."""
        self.actor.require(Action.MANAGE_USERS)
        if not _NAME.fullmatch(name.strip()):
            raise DomainError(
                f"'{name}' is not a usable user name (letters, digits, . _ -, at most 60).", code="bad_user_name"
            )
        user = User(name=name.strip(), role=parse_role(role).value, pin_hash=_hasher.hash(_clean_pin(pin)))
        with self.uows() as uow:
            self._require_free(uow.session, user.name)
            uow.session.add(user)
            uow.session.flush()
            self.record(uow.session, kind="user_added", data={"user": user.name, "role": user.role})
            uow.commit()
            return _view(user)

    def set_pin(self, name: str, pin: str) -> UserView:
        """Change a PIN: your own, or anyone's as a manager."""
        if name.lower() != self.actor.name.lower():
            self.actor.require(Action.MANAGE_USERS)
        with self.uows() as uow:
            user = uow.session.scalar(select(User).where(func.lower(User.name) == name.lower()))
            if user is None:
                raise NotFound(f"There is no user '{name}'.", code="unknown_user")
            user.pin_hash = _hasher.hash(_clean_pin(pin))
            self.record(uow.session, kind="pin_changed", data={"user": user.name})
            uow.commit()
            return _view(user)

    def list_users(self) -> list[UserView]:
        self.actor.require(Action.MANAGE_USERS)
        with self.uows.reading() as uow:
            return [_view(u) for u in uow.session.scalars(select(User).order_by(User.name))]

    @staticmethod
    def _require_free(session: Session, name: str) -> None:
        if session.scalar(select(User.id).where(func.lower(User.name) == name.lower())) is not None:
            raise DomainError(f"There is already a user called '{name}'.", code="user_exists")
