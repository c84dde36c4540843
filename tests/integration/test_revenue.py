"""Revenue and margin (issue 17) on a SQLite file and on PostgreSQL, checked against figures worked out here
from a written-down list of moves (as the turnover test does): by product, supplier, local day, ISO week and
month, returns deducted, in the shop's local days (Europe/Copenhagen here, across the March DST change)."""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from serialdesk.bootstrap import Services
from serialdesk.domain.errors import DomainError, PermissionDenied
from serialdesk.services.revenue import stretches
from tests.conftest import Clock

DRL, SAW = "DRL-18V", "SAW-190"
MAKITA, BOSCH = "Makita Europe", "Bosch Nordic"
COST = {DRL: Decimal("80.00"), SAW: Decimal("50.00")}
SUPPLIER = {DRL: MAKITA, SAW: BOSCH}
ZONE = ZoneInfo("Europe/Copenhagen")


def at(month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


# (when, what, SKU, serial, price refunded or taken, where a return goes)
MOVES: list[tuple[datetime, str, str, str, Decimal, str | None]] = [
    (at(2, 1, 14), "sell", DRL, "A1", Decimal("129.90"), None),
    (at(2, 1, 23, 30), "sell", SAW, "S1", Decimal("99.00"), None),  # 00:30 on 2 Feb in Copenhagen
    (at(2, 10), "sell", DRL, "A2", Decimal("119.00"), None),
    (at(2, 15, 11), "return", DRL, "A1", Decimal("129.90"), "stock"),
    (at(2, 20), "sell", SAW, "S2", Decimal("89.10"), None),
    (at(2, 25), "return", SAW, "S2", Decimal("89.10"), "quarantine"),  # refunded; the cost stays spent
    (at(3, 1, 23, 15), "sell", DRL, "A1", Decimal("125.00"), None),  # local 2 Mar (Monday: week 10)
    (at(3, 28, 22, 30), "sell", DRL, "A3", Decimal("129.90"), None),  # 23:30 on 28 Mar, before DST
    (at(3, 29, 22, 30), "sell", SAW, "S3", Decimal("99.00"), None),  # 00:30 on 30 Mar, after DST (UTC+2)
    (at(4, 2), "return", DRL, "A3", Decimal("129.90"), "scrap"),
]


@pytest.fixture(autouse=True)
def copenhagen(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Copenhagen")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def sales(shop: Services, clock: Clock) -> Services:
    clock.now = at(4, 10)
    shop.catalogue.add_product(SAW, "Circular saw", cost="50.00", price="99.00")
    shop.catalogue.add_supplier(BOSCH)
    shop.receiving.receive_units(supplier=MAKITA, sku=DRL, serials=["A1", "A2", "A3"], at=at(1, 10))
    shop.receiving.receive_units(supplier=BOSCH, sku=SAW, serials=["S1", "S2", "S3"], at=at(1, 10))
    for when, what, sku, serial, price, to in MOVES:
        if what == "sell":
            shop.sales.sell_items("Jane Smith", [f"{sku}:{serial}"], at=when, prices=[price])
        else:
            shop.sales.return_item(serial, sku=sku, to=to or "stock", reason="test", at=when)
    return shop


def expected(first: date, last: date, key) -> dict[str, tuple[int, Decimal, Decimal]]:  # type: ignore[no-untyped-def]
    """(units, revenue, cost) per group, from MOVES alone."""
    out: dict[str, list] = defaultdict(lambda: [0, Decimal("0.00"), Decimal("0.00")])
    for when, what, sku, _serial, price, to in MOVES:
        local = when.astimezone(ZONE).date()
        if not first <= local <= last:
            continue
        row = out[key(sku, local)]
        sign = 1 if what == "sell" else -1
        row[0] += sign
        row[1] += sign * price
        if what == "sell" or to == "stock":
            row[2] += sign * COST[sku]
    return {k: (u, r, c) for k, (u, r, c) in out.items()}


def figures(report) -> dict[str, tuple[int, Decimal, Decimal]]:  # type: ignore[no-untyped-def]
    return {row.key: (row.units, row.revenue, row.cost) for row in report.rows if row.units_sold or row.units_returned}


FEB1, APR10 = date(2026, 2, 1), date(2026, 4, 10)


def test_revenue_by_product_reconciles_with_the_moves(sales: Services) -> None:
    report = sales.revenue.revenue(FEB1, APR10, "product")
    assert figures(report) == expected(FEB1, APR10, lambda sku, d: sku)
    drill = next(r for r in report.rows if r.key == DRL)
    # sold 129.90 + 119.00 + 125.00 + 129.90, returned 129.90 (to stock) and 129.90 (scrapped)
    assert (drill.gross_revenue, drill.returns, drill.revenue) == (Decimal("503.80"), Decimal("259.80"),
                                                                  Decimal("244.00"))
    assert (drill.cost, drill.margin) == (Decimal("240.00"), Decimal("4.00"))  # 4 × 80 − 80 back to stock
    assert drill.margin_rate == Decimal("0.0164")
    assert report.total.revenue == sum(r.revenue for r in report.rows)
    assert report.total.margin == report.total.revenue - report.total.cost


def test_revenue_by_supplier(sales: Services) -> None:
    report = sales.revenue.revenue(FEB1, APR10, "supplier")
    assert figures(report) == expected(FEB1, APR10, lambda sku, d: SUPPLIER[sku])


@pytest.mark.parametrize("by", ["day", "week", "month"])
def test_revenue_per_local_day_week_and_month(sales: Services, by: str) -> None:
    def key(_sku: str, d: date) -> str:
        if by == "day":
            return d.isoformat()
        if by == "week":
            return f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}"
        return f"{d:%Y-%m}"

    report = sales.revenue.revenue(FEB1, APR10, by)
    assert figures(report) == expected(FEB1, APR10, key)
    keys = [r.key for r in report.rows]
    assert keys == sorted(keys) and len(keys) == len(set(keys))  # every period, in order, quiet ones too
    if by == "day":
        assert len(keys) == (APR10 - FEB1).days + 1
        got = {r.key: r for r in report.rows}
        assert got["2026-02-02"].units == 1 and got["2026-02-01"].units == 1  # the 23:30 UTC sale is 2 Feb
        assert got["2026-03-28"].units == 1 and got["2026-03-30"].units == 1 and got["2026-03-29"].units == 0


def test_a_period_cut_at_local_midnight(sales: Services) -> None:
    # 2 Feb local starts at 23:00 UTC on 1 Feb: the saw sold at 23:30 UTC is in, the drill at 14:00 UTC is not
    report = sales.revenue.revenue(date(2026, 2, 2), date(2026, 2, 2), "product")
    assert figures(report) == {SAW: (1, Decimal("99.00"), Decimal("50.00"))}


def test_the_stretches_of_a_period_split_at_the_dst_change() -> None:
    spans = stretches(date(2026, 3, 28), date(2026, 3, 30))
    assert [(a.isoformat(), b.isoformat(), m) for a, b, m in spans] == [
        ("2026-03-27T23:00:00+00:00", "2026-03-29T01:00:00+00:00", 60),
        ("2026-03-29T01:00:00+00:00", "2026-03-30T22:00:00+00:00", 120)]


def test_without_dates_the_last_30_local_days(sales: Services) -> None:
    report = sales.revenue.revenue(by="product")
    assert (report.first_day, report.last_day) == (date(2026, 3, 12), date(2026, 4, 10))
    assert figures(report) == expected(date(2026, 3, 12), date(2026, 4, 10), lambda sku, d: sku)


def test_bad_requests_are_refused_in_words(sales: Services, as_user) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError, match=r"ends .* before it starts"):
        sales.revenue.revenue(APR10, FEB1)
    with pytest.raises(DomainError, match="not a grouping"):
        sales.revenue.revenue(by="colour")
    with pytest.raises(PermissionDenied):
        as_user("clerk9", "clerk").revenue.revenue()


def test_an_empty_period_is_zeros(sales: Services) -> None:
    report = sales.revenue.revenue(date(2025, 1, 1), date(2025, 1, 31), "month")
    assert [(r.key, r.revenue, r.cost, r.margin) for r in report.rows] == [("2025-01", 0, 0, 0)]
    assert report.total.margin_rate is None and os.environ["TZ"] == "Europe/Copenhagen"


def test_a_day_outside_the_records_is_refused_in_words(sales: Services) -> None:
    with pytest.raises(DomainError, match="outside the shop's records"):
        sales.revenue.revenue(date(1, 1, 1), date(2026, 1, 1))
