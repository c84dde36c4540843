"""The buyer's formulas (domain.reorder), each on its own; the worked example is the one in docs/reports.md."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest

from serialdesk.domain import reorder as f
from serialdesk.domain.errors import DomainError


def test_the_worked_example_of_the_docs() -> None:
    # 2 a day, σ = 1 a day, 14 days' lead time, 95 % service level, 10 on hand, nothing on order, packs of 10.
    z = f.z_of(Decimal("0.95"))
    assert round(z, 3) == 1.645
    safety = f.safety_stock(1.0, 14, Decimal("0.95"))
    assert safety == math.ceil(1.6448536 * math.sqrt(14)) == 7  # 6.15 rounded up
    point = f.reorder_point(2.0, 14, safety)
    assert point == 28 + 7 == 35
    # target = 2 × (14 + 30) + 7 = 95; 95 − 10 = 85, in packs of 10 → 90
    assert f.suggested_quantity(2.0, 14, safety, 10, point, 30, 10) == 90
    assert f.suggested_quantity(2.0, 14, safety, 10, point, 30, 1) == 85
    assert f.days_of_cover(10, 2.0) == Decimal("5.0")


def test_nothing_is_suggested_above_the_reorder_point_or_without_demand() -> None:
    assert f.suggested_quantity(2.0, 14, 7, 36, 35, 30, 1) == 0
    assert f.suggested_quantity(2.0, 14, 7, 35, 35, 30, 1) == 95 - 35  # at the point: order
    assert f.suggested_quantity(0.0, 14, 0, 0, 0, 30, 1) == 0


@pytest.mark.parametrize(("qty", "pack", "expected"), [(0, 10, 0), (-3, 10, 0), (1, 10, 10), (10, 10, 10),
                                                       (11, 10, 20), (7, 1, 7), (7, 0, 7)])
def test_quantities_round_up_to_whole_packs(qty: int, pack: int, expected: int) -> None:
    assert f.round_up_to_pack(qty, pack) == expected


def test_demand_over_30_and_90_days_blends_two_thirds_the_last_month() -> None:
    counts = [0] * 60 + [1] * 30  # nothing for two months, then 1 a day
    d = f.demand_of(counts)
    assert (d.per_day_30, d.per_day_90, d.sold_90) == (Decimal("1.00"), Decimal("0.33"), 30)
    assert d.daily == pytest.approx((2 * 1 + 30 / 90) / 3)
    assert d.trend == "rising"
    assert d.sigma == pytest.approx(math.sqrt(1 / 3 * 2 / 3))  # a 0/1 series with p = 1/3
    assert f.demand_of([2] * 90).trend == "steady"
    assert f.demand_of([2] * 60 + [0] * 30).trend == "falling"
    assert f.demand_of([0] * 90).trend == "none"
    with pytest.raises(ValueError):
        f.demand_of([1] * 30)


def test_a_steady_seller_needs_no_safety_stock() -> None:
    d = f.demand_of([2] * 90)
    assert d.sigma == 0 and f.safety_stock(d.sigma, 14, Decimal("0.99")) == 0


def test_a_higher_service_level_keeps_more_safety_stock() -> None:
    levels = [f.safety_stock(2.0, 9, Decimal(p)) for p in ("0.5", "0.9", "0.95", "0.99")]
    assert levels == [0, 8, 10, 14] and levels == sorted(levels)  # z = 0, 1.28, 1.64, 2.33 × 2 × 3


@pytest.mark.parametrize("level", ["0.4", "1", "1.5"])
def test_a_service_level_outside_half_to_almost_one_is_refused(level: str) -> None:
    with pytest.raises(DomainError, match="service level"):
        f.z_of(Decimal(level))


def test_flags_dead_slow_reorder_ok() -> None:
    none, steady = f.demand_of([0] * 90), f.demand_of([1] * 90)
    assert f.flag_of(5, 5, 0, none) == f.DEAD
    assert f.flag_of(0, 0, 0, none) == f.NO_DEMAND
    assert f.flag_of(181, 181, 20, steady) == f.SLOW
    assert f.flag_of(180, 180, 20, steady) == f.OK
    assert f.flag_of(5, 20, 20, steady) == f.REORDER
    assert f.flag_of(5, 21, 20, steady) == f.OK
    assert {f.SLOW, f.DEAD} == f.DO_NOT_REORDER


def test_the_most_urgent_comes_first() -> None:
    rows = [(f.OK, Decimal("40"), 14, "B"), (f.REORDER, Decimal("20"), 14, "C"), (f.REORDER, Decimal("5"), 14, "A"),
            (f.DEAD, None, 14, "D"), (f.REORDER, Decimal("5"), 3, "E"), (f.REORDER, None, 14, "F")]
    assert [r[3] for r in sorted(rows, key=lambda r: f.urgency_key(*r))] == ["A", "E", "C", "F", "B", "D"]
