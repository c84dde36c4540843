"""Builds everything once: engine, units of work, and the services bound to the person at the station."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from serialdesk.config import Settings
from serialdesk.db.engine import make_engine
from serialdesk.db.migrate import current_revision, head_revision, upgrade
from serialdesk.db.uow import UnitOfWorkFactory
from serialdesk.domain.errors import DomainError
from serialdesk.domain.roles import Actor
from serialdesk.services import users
from serialdesk.services.assembly import AssemblyService
from serialdesk.services.audit import AuditService
from serialdesk.services.bundle import Services
from serialdesk.services.catalogue import CatalogueService
from serialdesk.services.changes import ChangeService
from serialdesk.services.common import system_clock
from serialdesk.services.customers import CustomerRecordService
from serialdesk.services.drafts import DraftService
from serialdesk.services.exchange import ExportService, ImportService
from serialdesk.services.labelling import LabelService
from serialdesk.services.lookup import LookupService
from serialdesk.services.maintenance import MaintenanceService
from serialdesk.services.recall import RecallService
from serialdesk.services.receiving import ReceivingService
from serialdesk.services.reports import ReportService
from serialdesk.services.sales import SalesService
from serialdesk.services.scanning import ScanService
from serialdesk.services.service_desk import ServiceDeskService
from serialdesk.services.stock_moves import StockMoveService
from serialdesk.services.users import UserService


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
        args = (self.uows, actor, self.clock)
        return Services(actor, UserService(*args), CatalogueService(*args), ReceivingService(*args),
                        SalesService(*args), LookupService(*args), ReportService(*args), ServiceDeskService(*args),
                        RecallService(*args), CustomerRecordService(*args), ExportService(*args), ImportService(*args),
                        LabelService(*args), ScanService(*args),
                        MaintenanceService(*args), StockMoveService(*args), DraftService(*args),
                        AuditService(*args), ChangeService(*args), AssemblyService(*args))

    def close(self) -> None:
        self.engine.dispose()
