"""Values of the counter: users, catalogue, receipts, sales, returns, the unit passport, stock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from serialdesk.services.dto.aftersales import TicketView
    from serialdesk.services.dto.genealogy import FitmentView, PartNode, UnitRef
    from serialdesk.services.dto.rma import RmaView
    from serialdesk.services.dto.supply import LocationVisit


@dataclass(frozen=True)
class UserView:
    name: str
    role: str
    has_pin: bool
    active: bool


@dataclass(frozen=True)
class ProductView:
    id: int
    sku: str
    name: str
    gtin: str | None
    cost: Decimal
    price: Decimal
    warranty_months: int
    serial_pattern: str | None
    serial_source: str
    serial_regex: str | None
    serial_case: str
    supplier_warranty_months: int = 0
    repair_extension_months: int = 0
    serial_gs1_safe: bool = False  # serials must fit GS1 AI (21); others are refused at receiving


@dataclass(frozen=True)
class ProductPartView:
    """A part a product takes (``product slot``): swaps fit only parts of these products."""

    sku: str
    part_sku: str
    part_name: str
    count: int


@dataclass(frozen=True)
class PartyView:
    """A supplier or a customer."""

    id: int
    number: str
    name: str
    phone: str | None = None
    email: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class ScannedUnit:
    item_id: int
    sku: str
    serial: str
    lot: str | None
    serial_source: str
    scanned_at: datetime


@dataclass(frozen=True)
class ReceiptView:
    id: int
    number: str
    status: str
    supplier: str | None
    created_by: str
    station: str
    created_at: datetime
    posted_at: datetime | None
    count: int
    units: tuple[ScannedUnit, ...] = ()
    missing: tuple[str, ...] = ()  # expected serials that were not received
    unexpected: tuple[str, ...] = ()  # received serials that were not expected


@dataclass(frozen=True)
class ScanAccepted:
    receipt: str
    unit: ScannedUnit
    count: int


@dataclass(frozen=True)
class SaleLineView:
    sku: str
    name: str
    serial: str
    price: Decimal
    warranty_until: datetime | None


@dataclass(frozen=True)
class SaleView:
    id: int
    number: str
    customer: PartyView
    sold_by: str
    sold_at: datetime
    lines: tuple[SaleLineView, ...]
    total: Decimal
    receipt_number: str | None = None  # SR-000001: the receipt's gapless number (issue 18)


@dataclass(frozen=True)
class ReturnView:
    id: int
    sku: str
    serial: str
    sale: str
    customer: str
    disposition: str
    status: str
    reason: str
    at: datetime
    note: str | None = None  # e.g. why the unit went to quarantine rather than where it was sent
    credit_number: str | None = None  # CN-000001: its credit receipt's number (issue 18)


@dataclass(frozen=True)
class RecallHold:
    """An open recall line that keeps a unit off sale and out of stock until it is resolved."""

    recall_id: int
    recall: str  # RC-0001
    reason: str
    since: datetime
    resolution: str | None = None  # replaced/refunded still hold; None: not dealt with yet
    part: str | None = None  # SKU:SERIAL of the part the line is on, when it holds the unit it sits in


@dataclass(frozen=True)
class EventView:
    at: datetime
    kind: str
    by: str
    station: str
    ref: str | None
    summary: str
    data: dict[str, Any] = field(default_factory=dict)
    # When it was written (database clock), given only for a back-dated event: claimed well before it was entered.
    recorded_at: datetime | None = None
    backdated: bool = False


@dataclass(frozen=True)
class ItemPassport:
    """Everything about one unit, from supplier to today."""

    item_id: int
    sku: str
    product: str
    serial: str
    serial_source: str
    status: str
    lot: str | None
    supplier: str | None
    received_at: datetime | None
    cost: Decimal
    location: str | None
    customer: PartyView | None
    sold_at: datetime | None
    sale: str | None
    price: Decimal | None
    warranty_until: datetime | None
    warranty_status: str
    warranty_days_left: int | None
    events: tuple[EventView, ...]
    tickets: tuple[TicketView, ...] = ()
    sold_by_us: bool = True  # False: a customer's unit we only know from the service desk
    supplier_warranty_until: datetime | None = None
    supplier_warranty_status: str = "none"
    supplier_warranty_days_left: int | None = None
    recall_holds: tuple[RecallHold, ...] = ()
    hold: str | None = None  # the holds in one sentence a clerk cannot miss; None: no hold
    # The genealogy: the parts sitting in it (a tree), the units it sits in (innermost first), and every unit it
    # sat in as a part (oldest first; the current one without ``removed_at``).
    parts: tuple[PartNode, ...] = ()
    within: tuple[UnitRef, ...] = ()
    fitted_history: tuple[FitmentView, ...] = ()
    journey: tuple[LocationVisit, ...] = ()  # where it has been (issue 15), oldest first
    rmas: tuple[RmaView, ...] = ()  # claims on the supplier's warranty: on this unit, or that it replaced


@dataclass(frozen=True)
class StockLine:
    sku: str
    name: str
    lot: str | None
    in_stock: int
    value_at_cost: Decimal


@dataclass(frozen=True)
class StockReport:
    lines: tuple[StockLine, ...]
    total_units: int
    total_value: Decimal
    by_status: dict[str, int]


@dataclass(frozen=True)
class LotView:
    sku: str
    code: str
    units: int  # units received in this lot (posted receipts)
    received_at: datetime | None
