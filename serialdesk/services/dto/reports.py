"""Values of the manager's reports: turnover, aging, supplier quality."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


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
