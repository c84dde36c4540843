"""The buyer's arithmetic (issue 17), apart from the database: demand rates, safety stock, reorder point,
suggested quantity, days of cover and the flag. Plain Python so every formula is unit-tested on its own;
docs/reports.md gives the same formulas with a worked example."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from statistics import NormalDist, pstdev

from serialdesk.domain.errors import DomainError

DEFAULT_LEAD_TIME_DAYS = 14  # no PO received yet and no product setting
DEFAULT_SERVICE_LEVEL = Decimal("0.95")  # the chance of not running out while waiting for a delivery
DEFAULT_TARGET_COVER_DAYS = 30  # an order brings stock up to the lead time plus this many days of demand
SLOW_COVER_DAYS = 180  # more stock than this many days of demand: a slow mover
WINDOW_SHORT, WINDOW_LONG = 30, 90
TREND_UP, TREND_DOWN = Decimal("1.25"), Decimal("0.75")
RATE_PLACES = Decimal("0.01")

REORDER, OK, SLOW, DEAD, NO_DEMAND = "reorder", "ok", "slow_mover", "dead_stock", "no_demand"
DO_NOT_REORDER = frozenset({SLOW, DEAD})


def _q(value: float | Decimal) -> Decimal:
    return Decimal(str(value)).quantize(RATE_PLACES, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Demand:
    """Units sold per day over the last 30 and 90 days, the blend used for planning, and the daily spread."""

    per_day_30: Decimal
    per_day_90: Decimal
    daily: float  # the planning rate: (2 × the 30-day rate + the 90-day rate) ÷ 3
    sigma: float  # population standard deviation of the 90 daily counts
    sold_90: int

    @property
    def trend(self) -> str:
        """'rising' when the last 30 days sell 25 % above the 90-day rate, 'falling' 25 % below, else 'steady'."""
        if self.per_day_90 == 0:
            return "new" if self.per_day_30 > 0 else "none"
        ratio = self.per_day_30 / self.per_day_90
        return "rising" if ratio >= TREND_UP else "falling" if ratio <= TREND_DOWN else "steady"


def demand_of(daily_counts: Sequence[int]) -> Demand:
    """``daily_counts``: units sold (and parts used) on each of the last 90 days, oldest first (quiet days as 0)."""
    if len(daily_counts) != WINDOW_LONG:
        raise ValueError(f"need {WINDOW_LONG} daily counts, got {len(daily_counts)}")
    sold_30, sold_90 = sum(daily_counts[-WINDOW_SHORT:]), sum(daily_counts)
    rate_30, rate_90 = sold_30 / WINDOW_SHORT, sold_90 / WINDOW_LONG
    return Demand(_q(rate_30), _q(rate_90), (2 * rate_30 + rate_90) / 3, pstdev(daily_counts), sold_90)


def z_of(service_level: Decimal | float) -> float:
    """The standard normal quantile of the service level (0.95 → 1.645)."""
    level = float(service_level)
    if not 0.5 <= level < 1:
        raise DomainError(f"A service level is a share between 0.5 and 0.999 (e.g. 0.95 for 95 %), not "
                          f"{service_level}.", code="bad_service_level")
    return NormalDist().inv_cdf(level)


def safety_stock(sigma_daily: float, lead_time_days: float, service_level: Decimal | float) -> int:
    """z · σ_daily · √L, rounded up to whole units."""
    return math.ceil(round(z_of(service_level) * sigma_daily * math.sqrt(max(lead_time_days, 0)), 6))


def reorder_point(daily: float, lead_time_days: float, safety: int) -> int:
    """Lead-time demand plus safety stock: d · L + SS, rounded up to whole units."""
    return math.ceil(round(daily * lead_time_days, 6)) + safety


def round_up_to_pack(quantity: int, pack_size: int) -> int:
    """The smallest whole number of packs holding at least ``quantity`` units."""
    if quantity <= 0:
        return 0
    pack = max(1, pack_size)
    return -(-quantity // pack) * pack


def suggested_quantity(daily: float, lead_time_days: float, safety: int, position: int, point: int,
                       cover_days: int, pack_size: int) -> int:
    """When the stock position (on hand + on order) is at or below the reorder point: enough to bring it to
    d · (L + cover) + SS, rounded up to the pack size; else 0."""
    if daily <= 0 or position > point:
        return 0
    target = math.ceil(round(daily * (lead_time_days + cover_days), 6)) + safety
    return round_up_to_pack(target - position, pack_size)


def days_of_cover(on_hand: int, daily: float) -> Decimal | None:
    """How many days the stock on hand lasts at the planning rate (None when nothing sells)."""
    if daily <= 0:
        return None
    return Decimal(on_hand / daily).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def flag_of(on_hand: int, position: int, point: int, demand: Demand) -> str:
    """dead_stock: stock, nothing sold or used in 90 days; slow_mover: more than 180 days of cover; reorder: the
    position is at or below the reorder point; no_demand: nothing in stock and nothing sold or used; else ok."""
    if demand.sold_90 == 0:
        return DEAD if on_hand > 0 else NO_DEMAND
    if on_hand / demand.daily > SLOW_COVER_DAYS:
        return SLOW
    return REORDER if position <= point else OK


URGENCY = {REORDER: 0, OK: 1, SLOW: 2, DEAD: 3, NO_DEMAND: 4}


def urgency_key(flag: str, cover: Decimal | None, lead_time_days: int, sku: str) -> tuple[int, float, str]:
    """Most urgent first: reorder before ok before slow/dead; within a flag, the fewest days of cover left
    beyond the lead time (cover − L: below 0 the shelf is empty before a delivery could come)."""
    slack = float(cover) - lead_time_days if cover is not None else math.inf
    return URGENCY[flag], slack, sku
