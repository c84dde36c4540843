"""Values of the buyer's reports (issue 17): reorder advice, revenue and margin, and a product's buying settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class ProductSettings:
    """A product as ``product add|set`` leaves it, with its buying settings."""

    sku: str
    name: str
    gtin: str | None
    cost: Decimal
    price: Decimal
    warranty_months: int
    supplier_warranty_months: int
    repair_extension_months: int
    lead_time_days: int | None  # None: measured from POs, else the default
    pack_size: int
    service_level: Decimal | None  # None: the default (0.95)
    changed: tuple[str, ...] = ()  # what ``product set`` changed, in the order given


@dataclass(frozen=True)
class ReorderLine:
    """One product's advice (JSON keys of ``report reorder --json``)."""

    sku: str
    name: str
    supplier: str | None
    location: str | None  # None: every location together
    on_hand: int
    on_order: int
    sold_30: int
    sold_90: int
    per_day_30: Decimal
    per_day_90: Decimal
    daily_demand: Decimal  # (2 × per_day_30 + per_day_90) ÷ 3, of units sold and parts used
    trend: str  # rising|steady|falling|new|none
    sigma_daily: Decimal
    lead_time_days: int
    lead_time_source: str  # measured|product|default
    service_level: Decimal
    safety_stock: int
    reorder_point: int
    days_of_cover: Decimal | None  # on hand ÷ daily demand; None when nothing sells
    suggested_qty: int
    pack_size: int
    unit_cost: Decimal
    flag: str  # reorder|ok|slow_mover|dead_stock|no_demand
    advice: str  # in the buyer's words, e.g. "do not reorder: nothing sold in 90 days"
    turnover: Decimal | None  # over the last 365 days (report turnover)
    mean_days_in_stock: Decimal | None  # report aging
    max_days_in_stock: int | None
    used_30: int = 0  # parts fitted into units here (builds, repairs) in the last 30 / 90 days: demand too
    used_90: int = 0
    built_here: bool = False  # takes parts and comes from no supplier: built, not bought (never on a draft PO)


@dataclass(frozen=True)
class ReorderReport:
    as_of: date
    location: str | None
    target_cover_days: int
    lines: tuple[ReorderLine, ...]  # most urgent first

    @property
    def to_order(self) -> tuple[ReorderLine, ...]:
        return tuple(ln for ln in self.lines if ln.suggested_qty > 0)


@dataclass(frozen=True)
class DraftOrder:
    number: str
    supplier: str
    lines: tuple[tuple[str, int], ...]  # (sku, quantity)
    total_cost: Decimal


@dataclass(frozen=True)
class DraftOrders:
    orders: tuple[DraftOrder, ...]
    skipped: tuple[str, ...]  # suggestions without a supplier to order from, in words


@dataclass(frozen=True)
class RevenueRow:
    """One group of ``report revenue`` (a product, a supplier, or a local day/week/month)."""

    key: str  # SKU, supplier name, "2026-03-03", "2026-W10" or "2026-03"
    label: str
    units_sold: int
    units_returned: int
    units: int  # sold − returned
    gross_revenue: Decimal
    returns: Decimal  # refunded: the price of the returned lines
    revenue: Decimal  # gross − returns
    cost: Decimal  # cost of units sold − cost of units returned to stock
    margin: Decimal  # revenue − cost
    margin_rate: Decimal | None  # margin ÷ revenue (4 places); None without revenue


@dataclass(frozen=True)
class RevenueReport:
    first_day: date  # the shop's local days, both included
    last_day: date
    by: str  # product|supplier|month|week|day
    rows: tuple[RevenueRow, ...]
    total: RevenueRow
