"""Values of after-sales and traceability: tickets, recalls, the customer record, exports, labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from serialdesk.services.dto.counter import PartyView
from serialdesk.services.dto.genealogy import UnitRef


@dataclass(frozen=True)
class WorkLogView:
    at: datetime
    by: str
    minutes: int
    text: str


@dataclass(frozen=True)
class PartSwapView:
    at: datetime
    by: str
    removed: str  # SKU:SERIAL
    fitted: str


@dataclass(frozen=True)
class TicketView:
    id: int
    number: str
    sku: str
    serial: str
    status: str
    problem: str
    customer: PartyView | None
    sold_by_us: bool
    warranty_claim: bool
    warranty_override_by: str | None
    opened_by: str
    opened_at: datetime
    closed_at: datetime | None
    resolution: str | None
    minutes: int
    work: tuple[WorkLogView, ...] = ()
    swaps: tuple[PartSwapView, ...] = ()
    # The supplier's warranty to us on the unit (issue 15): while it runs, the unit may go back to the supplier.
    supplier_warranty_until: datetime | None = None
    supplier_warranty_days_left: int | None = None
    supplier_warranty: str = ""  # the sentence to show
    rma_possible: bool = False
    accessories: str | None = None  # handed in with the unit (issue 18: on the job sheet)
    estimate: Decimal | None = None
    charge: Decimal | None = None  # what the customer pays at hand-back


@dataclass(frozen=True)
class RecallCriteria:
    """Which units a recall covers: one product plus any combination of the narrower criteria."""

    sku: str
    lots: tuple[str, ...] = ()
    serial_from: str | None = None
    serial_to: str | None = None
    supplier: str | None = None
    received_from: date | None = None
    received_to: date | None = None
    sold_from: date | None = None
    sold_to: date | None = None


@dataclass(frozen=True)
class RecallUnit:
    item_id: int
    sku: str
    serial: str
    lot: str | None
    supplier: str | None
    received_at: datetime | None
    status_at_recall: str
    status: str
    location: str | None
    customer: PartyView | None
    contacted_at: datetime | None = None
    resolution: str | None = None
    sold_at: datetime | None = None
    note: str | None = None
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    # A part sitting in another unit: the hosts, innermost first; the last is the unit the customer holds.
    within: tuple[UnitRef, ...] = ()
    host: UnitRef | None = field(init=False, default=None)  # the outermost of ``within``: what the customer holds

    def __post_init__(self) -> None:
        object.__setattr__(self, "host", self.within[-1] if self.within else None)


@dataclass(frozen=True)
class RecallView:
    id: int | None  # None for a preview that was not saved
    number: str | None
    sku: str
    product: str
    reason: str
    criteria: dict[str, Any]
    created_by: str
    created_at: datetime | None
    units: tuple[RecallUnit, ...]
    counts: dict[str, int]  # by status at the time of the recall, plus "total" and "customers"
    # A preview: open recalls already holding some of these units ("RC-0001 (reason)"), and how many units.
    overlaps: tuple[str, ...] = ()
    overlapping_units: int = 0


@dataclass(frozen=True)
class OwnedUnit:
    """One unit a customer bought, as the customer record shows it."""

    sku: str
    product: str
    serial: str
    sale: str
    sold_at: datetime
    price: Decimal
    status: str
    still_owned: bool  # False once returned (or resold to someone else)
    warranty_until: datetime | None
    warranty_status: str
    warranty_days_left: int | None
    returned: bool = False  # the customer brought this sale line back (its price is refunded, not spent)
    parts: tuple[str, ...] = ()  # the parts sitting in it now, as SKU:SERIAL (units built or repaired from parts)


@dataclass(frozen=True)
class CustomerRecord:
    customer: PartyView
    units: tuple[OwnedUnit, ...]
    tickets: tuple[TicketView, ...]
    total_spent: Decimal  # every sale line, returned ones included (gross)
    units_bought: int = 0
    units_returned: int = 0
    returned_value: Decimal = Decimal("0.00")
    net_spent: Decimal = Decimal("0.00")  # total_spent minus what was returned


@dataclass(frozen=True)
class ItemRow:
    """One unit as exported to CSV."""

    sku: str
    serial: str
    lot: str | None
    status: str
    serial_source: str
    cost: Decimal
    supplier: str | None
    received_at: datetime | None
    location: str | None
    # Who holds a unit sold by us (sold, in service, recalled): the sale as the passport shows it.
    customer: str | None = None  # C-0001
    sold_at: datetime | None = None
    price: Decimal | None = None
    warranty_until: datetime | None = None


@dataclass(frozen=True)
class LabelSource:
    """What goes on one unit's label."""

    serial: str
    sku: str
    name: str
    lot: str | None
    price: Decimal
    gtin: str | None
