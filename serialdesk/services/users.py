"""Station users: PINs hashed with argon2, roles checked here (not only in the GUI)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, inspect, select
from sqlalchemy.exc import SQLAlchemyError
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


def has_users(uows: UnitOfWorkFactory) -> bool:
    """Whether anyone can sign in to this database yet (False too when it has no schema at all)."""
    try:
        if not inspect(uows.engine).has_table(User.__tablename__):
            return False
        with uows.reading() as uow:
            return bool(uow.session.scalar(select(func.count(User.id))))
    except SQLAlchemyError:  # not a database at all (damaged): init says what it can do about it
        return False


def create_admin(uows: UnitOfWorkFactory, pin: str | None, station: str = "") -> bool:
    """Create the manager account ``admin`` on an empty user table (audited); False when users already exist."""
    with uows() as uow:
        if uow.session.scalar(select(func.count(User.id))):
            return False
        pin_hash = _hasher.hash(_clean_pin(pin)) if pin else None
        uow.session.add(User(name="admin", role=Role.MANAGER.value, pin_hash=pin_hash))
        uow.session.add(Event(kind="user_added", by_user="admin", station=station,
                              data={"user": "admin", "role": Role.MANAGER.value, "by": "init",
                                    "pin": "set" if pin_hash else "at first sign-in"}))
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
        """Change a PIN: your own, or anyone's as a manager. Refusals: bad_pin_format, unknown_user."""
        if name.strip().lower() != self.actor.name.lower():
            self.actor.require(Action.MANAGE_USERS)
        pin_hash = _hasher.hash(_clean_pin(pin))
        with self.uows() as uow:
            user = _user(uow.session, name)
            user.pin_hash = pin_hash
            self.record(uow.session, kind="pin_changed", data={"user": user.name})
            uow.commit()
            return _view(user)

    def set_role(self, name: str, role: str) -> UserView:
        """Give a user another role. Managers only; the last active manager keeps the role (last_manager)."""
        self.actor.require(Action.MANAGE_USERS)
        new = parse_role(role)
        with self.uows() as uow:
            user = _user(uow.session, name)
            old = user.role
            if old == new.value:
                return _view(user)
            if old == Role.MANAGER.value and user.active:
                _keep_a_manager(uow.session, user, "demoted")
            user.role = new.value
            self.record(uow.session, kind="user_changed", data={"user": user.name, "role_from": old,
                                                                  "role_to": new.value})
            uow.commit()
            return _view(user)

    def set_active(self, name: str, active: bool) -> UserView:
        """Deactivate a user (they can no longer sign in, GUI or CLI) or let them in again. Managers only; the
        last active manager cannot be deactivated (last_manager)."""
        self.actor.require(Action.MANAGE_USERS)
        with self.uows() as uow:
            user = _user(uow.session, name)
            if user.active == active:
                return _view(user)
            if not active and user.role == Role.MANAGER.value:
                _keep_a_manager(uow.session, user, "deactivated")
            user.active = active
            self.record(uow.session, kind="user_activated" if active else "user_deactivated",
                        data={"user": user.name, "role": user.role})
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


def _user(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(func.lower(User.name) == name.strip().lower()))
    if user is None:
        raise NotFound(f"There is no user '{name}'.", code="unknown_user")
    return user


def _keep_a_manager(session: Session, leaving: User, how: str) -> None:
    """Refuse to leave the shop without an active manager. The managers' rows are locked (PostgreSQL) so two
    managers demoting each other at once cannot both succeed; SQLite writers are serialised already."""
    managers = session.scalars(select(User.id).where(User.role == Role.MANAGER.value, User.active.is_(True))
                               .with_for_update()).all()
    if [m for m in managers if m != leaving.id] == []:
        raise DomainError(f"{leaving.name} is the last active manager and cannot be {how}: make another user "
                          "a manager first.", code="last_manager")
