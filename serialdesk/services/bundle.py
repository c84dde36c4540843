"""The Services bundle: every service bound to one actor (built by bootstrap; used by workflows, GUI, CLI)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from serialdesk.domain.roles import Actor

if TYPE_CHECKING:  # bootstrap imports each service when it is first used
    from serialdesk.services.assembly import AssemblyService
    from serialdesk.services.audit import AuditService
    from serialdesk.services.catalogue import CatalogueService
    from serialdesk.services.changes import ChangeService
    from serialdesk.services.customers import CustomerRecordService
    from serialdesk.services.drafts import DraftService
    from serialdesk.services.exchange import ExportService, ImportService
    from serialdesk.services.labelling import LabelService
    from serialdesk.services.lookup import LookupService
    from serialdesk.services.maintenance import MaintenanceService
    from serialdesk.services.product_settings import ProductSettingsService
    from serialdesk.services.recall import RecallService
    from serialdesk.services.receipts import JobSheetService, ReceiptService
    from serialdesk.services.receiving import ReceivingService
    from serialdesk.services.reorder import ReorderService
    from serialdesk.services.reports import ReportService
    from serialdesk.services.revenue import RevenueService
    from serialdesk.services.rma import RmaService
    from serialdesk.services.sales import SalesService
    from serialdesk.services.scanning import ScanService
    from serialdesk.services.service_desk import ServiceDeskService
    from serialdesk.services.shop import ShopService
    from serialdesk.services.stock_moves import StockMoveService
    from serialdesk.services.users import UserService


@dataclass(frozen=True)
class Services:
    """Every service, bound to one actor. The GUI and the CLI talk to these and nothing else."""

    actor: Actor
    users: UserService
    catalogue: CatalogueService
    receiving: ReceivingService
    sales: SalesService
    lookup: LookupService
    reports: ReportService
    service_desk: ServiceDeskService
    recalls: RecallService
    customers: CustomerRecordService
    export: ExportService
    imports: ImportService
    labels: LabelService
    scans: ScanService
    maintenance: MaintenanceService
    stock_moves: StockMoveService
    drafts: DraftService
    audit: AuditService
    changes: ChangeService  # what this app's commits changed, and what changed elsewhere
    assembly: AssemblyService

    # Issue 17, built from the reports service's own unit of work, actor and clock (no new constructor argument).
    @property
    def reorder(self) -> ReorderService:
        from serialdesk.services.reorder import ReorderService

        return ReorderService(self.reports.uows, self.actor, self.reports.clock)

    @property
    def revenue(self) -> RevenueService:
        from serialdesk.services.revenue import RevenueService

        return RevenueService(self.reports.uows, self.actor, self.reports.clock)

    @property
    def product_settings(self) -> ProductSettingsService:
        from serialdesk.services.product_settings import ProductSettingsService

        return ProductSettingsService(self.reports.uows, self.actor, self.reports.clock)

    @property
    def rma(self) -> RmaService:
        """Claims on the supplier's warranty (issue 15), for the same person."""
        from serialdesk.services.rma import RmaService

        return RmaService(self.lookup.uows, self.actor, self.lookup.clock)

    # Issue 18 (paperwork): built from the sales service's unit of work, so bootstrap need not change.
    @property
    def shop(self) -> ShopService:
        from serialdesk.services.shop import ShopService

        return ShopService(self.sales.uows, self.actor, self.sales.clock)

    @property
    def receipts(self) -> ReceiptService:
        from serialdesk.services.receipts import ReceiptService

        return ReceiptService(self.sales.uows, self.actor, self.sales.clock)

    @property
    def job_sheets(self) -> JobSheetService:
        from serialdesk.services.receipts import JobSheetService

        return JobSheetService(self.sales.uows, self.actor, self.sales.clock)
