"""What services hand out: frozen values, safe to pass to another thread, a screen or JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any


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


@dataclass(frozen=True)
class EventView:
    at: datetime
    kind: str
    by: str
    station: str
    ref: str | None
    summary: str
    data: dict[str, Any] = field(default_factory=dict)


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


# ---- manager's reports: turnover, aging, supplier quality ----------------------------------------------------


@dataclass(frozen=True)
class DailyStockValue:
    day: date  # a UTC day
    closing_value: Decimal  # cost of the units in stock at the end of the day


@dataclass(frozen=True)
class TurnoverMonth:
    """One calendar month of the period (cut to the period), for a chart."""

    month: str  # "2026-02"
    first_day: date
    last_day: date
    days: int
    cogs: Decimal
    average_inventory: Decimal


@dataclass(frozen=True)
class ProductTurnover:
    sku: str
    name: str
    opening_value: Decimal  # in stock at the start of the first day
    closing_value: Decimal  # in stock at the end of the last day
    cogs: Decimal
    average_inventory: Decimal
    turnover: Decimal | None  # None: no stock during the period
    days_of_inventory: Decimal | None  # None: nothing sold (net) during the period


@dataclass(frozen=True)
class TurnoverReport:
    first_day: date
    last_day: date
    days: int
    opening_value: Decimal
    closing_value: Decimal
    cogs: Decimal
    average_inventory: Decimal
    turnover: Decimal | None
    days_of_inventory: Decimal | None
    products: tuple[ProductTurnover, ...]
    months: tuple[TurnoverMonth, ...]
    daily: tuple[DailyStockValue, ...]


@dataclass(frozen=True)
class AgingBand:
    label: str  # "0-30", "31-90", "91-180", "180+"
    min_days: int
    max_days: int | None  # None: no upper end
    units: int
    value_at_cost: Decimal


@dataclass(frozen=True)
class ProductAging:
    sku: str
    name: str
    units: int
    value_at_cost: Decimal
    mean_days: Decimal | None
    max_days: int | None
    bands: tuple[AgingBand, ...]


@dataclass(frozen=True)
class AgingReport:
    as_of: date  # today, as a UTC day
    units: int
    value_at_cost: Decimal
    mean_days: Decimal | None
    max_days: int | None
    bands: tuple[AgingBand, ...]
    products: tuple[ProductAging, ...]


@dataclass(frozen=True)
class LotQuality:
    sku: str
    lot: str | None  # None: units received without a lot
    received: int
    returned: int  # units returned by a customer at least once
    repaired_under_warranty: int  # units with at least one warranty-claim service ticket
    return_rate: Decimal  # returned / received, 4 places (0.0250 = 2.5 %)
    warranty_repair_rate: Decimal


@dataclass(frozen=True)
class SupplierQuality:
    number: str
    name: str
    received: int
    returned: int
    repaired_under_warranty: int
    return_rate: Decimal
    warranty_repair_rate: Decimal
    lots: tuple[LotQuality, ...]


@dataclass(frozen=True)
class SupplierQualityReport:
    first_day: date | None  # received-date filter, None: open
    last_day: date | None
    suppliers: tuple[SupplierQuality, ...]


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


@dataclass(frozen=True)
class CustomerRecord:
    customer: PartyView
    units: tuple[OwnedUnit, ...]
    tickets: tuple[TicketView, ...]
    total_spent: Decimal


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


@dataclass(frozen=True)
class LabelSource:
    """What goes on one unit's label."""

    serial: str
    sku: str
    name: str
    lot: str | None
    price: Decimal
    gtin: str | None
