"""Builds everything once: engine, units of work, and the services bound to the person at the station."""

from __future__ import annotations

import gc
import importlib
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from serialdesk.config import Settings
from serialdesk.db.engine import make_engine
from serialdesk.db.migrate import current_revision, head_revision, upgrade
from serialdesk.db.uow import UnitOfWorkFactory
from serialdesk.domain.errors import DomainError
from serialdesk.domain.roles import Actor
from serialdesk.services import users
from serialdesk.services.bundle import Services
from serialdesk.services.common import system_clock

# Each service is imported and built the first time it is used (the counter window paints before most of them
# are needed; importing all of them costs the cold start ~0.05 s). One line per field of services.bundle.Services.
SERVICE_CLASSES = {
    "users": ("serialdesk.services.users", "UserService"),
    "catalogue": ("serialdesk.services.catalogue", "CatalogueService"),
    "receiving": ("serialdesk.services.receiving", "ReceivingService"),
    "sales": ("serialdesk.services.sales", "SalesService"),
    "lookup": ("serialdesk.services.lookup", "LookupService"),
    "reports": ("serialdesk.services.reports", "ReportService"),
    "service_desk": ("serialdesk.services.service_desk", "ServiceDeskService"),
    "recalls": ("serialdesk.services.recall", "RecallService"),
    "customers": ("serialdesk.services.customers", "CustomerRecordService"),
    "export": ("serialdesk.services.exchange", "ExportService"),
    "imports": ("serialdesk.services.imports", "ImportService"),
    "labels": ("serialdesk.services.labelling", "LabelService"),
    "scans": ("serialdesk.services.scanning", "ScanService"),
    "maintenance": ("serialdesk.services.maintenance", "MaintenanceService"),
    "stock_moves": ("serialdesk.services.stock_moves", "StockMoveService"),
    "drafts": ("serialdesk.services.drafts", "DraftService"),
    "audit": ("serialdesk.services.audit", "AuditService"),
    "changes": ("serialdesk.services.changes", "ChangeService"),
    "assembly": ("serialdesk.services.assembly", "AssemblyService"),
}


class LazyServices(Services):
    """The Services bundle whose services are imported and built on first use, once each (thread-safe: the
    GUI's worker thread and the GUI thread may ask for the same service at the same moment)."""

    def __init__(self, actor: Actor, uows: UnitOfWorkFactory, clock: Callable[[], datetime]) -> None:
        object.__setattr__(self, "actor", actor)
        object.__setattr__(self, "_args", (uows, actor, clock))
        object.__setattr__(self, "_lock", threading.Lock())

    def __getattr__(self, name: str) -> Any:  # only for attributes not set yet: the services
        where = SERVICE_CLASSES.get(name)
        if where is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        with self._lock:
            if name not in self.__dict__:
                service = getattr(importlib.import_module(where[0]), where[1])(*self._args)
                object.__setattr__(self, name, service)
        return self.__dict__[name]

_SETTLED = threading.Event()


def settle_heap() -> None:
    """For a process that stays open (the desktop app, once its window is up): collect, then move everything
    alive into Python's permanent generation (``gc.freeze``), once per process. Its full collections then walk
    only what the session allocates since: before, a full collection walked the whole heap of modules, mappers
    and widgets — 50–70 ms, in about one call of twenty of a 500-unit where-used or a lot's recall at 1M units,
    which was the whole of their p95 tail. Objects freed by their reference counts are freed as before; only
    cyclic garbage among the frozen objects (made before this call) is never collected."""
    if _SETTLED.is_set():
        return
    _SETTLED.set()
    gc.collect()
    gc.freeze()


class App:
    def __init__(self, settings: Settings, clock: Callable[[], datetime] = system_clock) -> None:
        self.settings = settings
        self.clock = clock
        self.engine = make_engine(settings.db_url)
        self.uows = UnitOfWorkFactory(self.engine)

    def init_schema(self, admin_pin: str | None = None) -> bool:
        """Create or upgrade the schema; create ``admin`` on an empty database. True if admin was created."""
        try:
            upgrade(self.engine)
        except OperationalError as exc:
            raise DomainError(f"Cannot open the database: {exc.orig}", code="db_unavailable") from None
        return users.create_admin(self.uows, admin_pin, self.settings.station)

    def has_users(self) -> bool:
        """Whether this database already has accounts (then changing it needs someone to sign in)."""
        return users.has_users(self.uows)

    def schema_revision(self) -> str | None:
        """The schema revision now (None: no schema, or the database cannot be opened — init will say why)."""
        try:
            return current_revision(self.engine)
        except SQLAlchemyError:
            return None

    def require_schema(self) -> None:
        try:
            current = current_revision(self.engine)
        except OperationalError as exc:
            raise DomainError(f"Cannot open the database: {exc.orig}", code="db_unavailable") from None
        if current is None:
            raise DomainError("This database is not set up yet: run `serialdesk init` first.", code="no_schema")
        if current != head_revision():
            raise DomainError("This database is from an older version: run `serialdesk init` to upgrade it.",
                              code="old_schema")

    def actor(self, name: str | None = None) -> Actor:
        return self._here(users.load_actor(self.uows, name or self.settings.user, self.settings.station))

    def login(self, name: str, pin: str) -> Actor:
        return self._here(users.authenticate(self.uows, name, pin, self.settings.station, first_pin=True,
                                             now=self.clock()))

    def _here(self, actor: Actor) -> Actor:
        """The person at this station, with the station's place for what it receives (its settings)."""
        return replace(actor, location=self.settings.location or "")

    def services(self, actor: Actor) -> Services:
        return LazyServices(actor, self.uows, self.clock)

    def close(self) -> None:
        self.uows.statistics.wait()  # a renewal of PostgreSQL's statistics in progress finishes first
        self.engine.dispose()
