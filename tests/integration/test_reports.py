"""The manager's reports — turnover, aging, supplier quality — on a SQLite file and on PostgreSQL.

Each test builds a small shop with known dates and costs and works out the expected figures itself, with its
own plain arithmetic over the story (a day-by-day loop), then compares them exactly with the report.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from sqlalchemy import select, update

from serialdesk.bootstrap import App, Services
from serialdesk.db.models import Event, Item, ServiceTicket
from serialdesk.domain.errors import DomainError, PermissionDenied
from serialdesk.services import summaries
from tests.conftest import Clock

DRL, SAW = "DRL-18V", "SAW-190"  # cost 80.00 and 50.00
COST = {DRL: 80, SAW: 50}
MAKITA, BOSCH = "Makita Europe", "Bosch Nordic"


def at(month: int, day: int, hour: int = 12, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, second, tzinfo=UTC)


def rounded(value: Fraction, places: str) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal(places), ROUND_HALF_UP)


# What the story below does to the books: (when, SKU, change of stock value at cost, change of COGS).
MOVES: list[tuple[datetime, str, int, int]] = [
    (at(1, 10, 9), DRL, 4 * 80, 0),  # A1..A4 received, lot L1
    (at(1, 20), SAW, 3 * 50, 0),  # S1..S3 received, lot B7
    (at(2, 1, 9), SAW, 50, 0),  # S4 received without a lot
    (at(2, 1, 14), DRL, -80, 80),  # A1 sold
    (at(2, 5, 8), DRL, 80, 0),  # A5 received ...
    (at(2, 5, 17), DRL, -80, 80),  # ... and sold the same day
    (at(2, 10), SAW, -50, 50),  # S1 sold
    (at(2, 15, 11), DRL, 80, -80),  # A1 returned to stock: back in the stock value, out of COGS
    (at(2, 20), DRL, -80, 80),  # A2 sold
    (at(2, 25), DRL, 0, 0),  # A2 returned to quarantine: not stock, and the sale's cost stays spent
    (at(3, 1, 23, 59, 59), SAW, -50, 50),  # S2 sold a second before midnight UTC
    (at(3, 2, 0, 0, 0), DRL, -80, 80),  # A3 sold at midnight UTC: a 2 March move
    (at(3, 5), DRL, -80, 80),  # A1 sold again ...
    (at(3, 8), DRL, 80, -80),  # ... and returned to stock again
]


@pytest.fixture
def story(shop: Services, app: App, clock: Clock) -> Services:
    """Two suppliers, two products; the sales and returns of MOVES; service tickets for supplier quality."""
    clock.now = at(3, 31)
    shop.catalogue.add_product(SAW, "Circular saw", cost="50.00", price="99.00", warranty_months=12)
    shop.catalogue.add_supplier(BOSCH)
    receive, sell, back = shop.receiving.receive_units, shop.sales.sell_items, shop.sales.return_item
    receive(supplier=MAKITA, sku=DRL, lot="L1", serials=["A1", "A2", "A3", "A4"], at=at(1, 10, 9))
    receive(supplier=BOSCH, sku=SAW, lot="B7", serials=["S1", "S2", "S3"], at=at(1, 20))
    receive(supplier=BOSCH, sku=SAW, serials=["S4"], at=at(2, 1, 9))
    sell("Jane Smith", ["A1"], at=at(2, 1, 14))
    receive(supplier=MAKITA, sku=DRL, lot="L2", serials=["A5"], at=at(2, 5, 8))
    sell("Jane Smith", ["A5"], at=at(2, 5, 17))
    sell("Jane Smith", ["S1"], at=at(2, 10))
    back("A1", to="stock", reason="unopened", at=at(2, 15, 11))
    sell("Jane Smith", ["A2"], at=at(2, 20))
    back("A2", to="quarantine", reason="does not power on", at=at(2, 25))
    sell("Jane Smith", ["S2"], at=at(3, 1, 23, 59, 59))
    sell("Jane Smith", ["A3"], at=at(3, 2, 0, 0, 0))
    sell("Jane Smith", ["A1"], at=at(3, 5))
    back("A1", to="stock", reason="changed mind", at=at(3, 8))
    # Warranty repairs: A3 twice (one unit), S1 once; a paid repair of S2 is no warranty repair.
    _tickets(app, [("A3", True), ("A3", True), ("S1", True), ("S2", False)])
    return shop


def _tickets(app: App, tickets: list[tuple[str, bool]]) -> None:
    with app.uows() as uow:
        for serial, claim in tickets:
            item_id = uow.session.scalar(select(Item.id).where(Item.serial == serial))
            uow.session.add(ServiceTicket(item_id=item_id, problem="stops after a minute", status="closed",
                                          warranty_claim=claim, opened_by="admin", opened_at=at(3, 20)))
        uow.commit()
    with app.uows() as uow:  # written around the services (no events), as an import would: summaries rebuilt
        summaries.rebuild(uow.session)
        uow.commit()


# ---- the story's books, worked out by hand ------------------------------------------------------------------


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def closing_value(day: date, sku: str | None = None) -> int:
    """Stock value at cost at the end of ``day`` (UTC): every move on or before that day."""
    return sum(v for when, s, v, _ in MOVES if when.date() <= day and sku in (None, s))


def cogs(first: date, last: date, sku: str | None = None) -> int:
    return sum(c for when, s, _, c in MOVES if first <= when.date() <= last and sku in (None, s))


def money(amount: int | Fraction) -> Decimal:
    return rounded(Fraction(amount), "0.01")


# ---- turnover ----------------------------------------------------------------------------------------------

FIRST, LAST = date(2026, 2, 1), date(2026, 3, 10)


def test_turnover_is_cogs_over_the_mean_of_the_daily_closing_values(story: Services) -> None:
    report = story.reports.turnover(FIRST, LAST)
    closings = [closing_value(d) for d in days(FIRST, LAST)]
    average = Fraction(sum(closings), len(closings))
    sold = cogs(FIRST, LAST)
    assert (report.first_day, report.last_day, report.days) == (FIRST, LAST, 38)
    assert [(v.day, v.closing_value) for v in report.daily] == [(d, money(closing_value(d)))
                                                              for d in days(FIRST, LAST)]
    assert (report.opening_value, report.closing_value) == (Decimal("470.00"), money(closings[-1]))
    assert report.cogs == Decimal("340.00") == money(sold)
    assert report.average_inventory == money(average)
    assert report.turnover == rounded(sold / average, "0.01")
    assert report.days_of_inventory == rounded(38 / (sold / average), "0.1")


def test_turnover_per_product_adds_up_to_the_whole_shop(story: Services) -> None:
    report = story.reports.turnover(FIRST, LAST)
    assert [p.sku for p in report.products] == [DRL, SAW]
    for line in report.products:
        closings = [closing_value(d, line.sku) for d in days(FIRST, LAST)]
        average, sold = Fraction(sum(closings), len(closings)), cogs(FIRST, LAST, line.sku)
        assert line.opening_value == money(closing_value(FIRST - timedelta(days=1), line.sku))
        assert (line.closing_value, line.cogs) == (money(closings[-1]), money(sold))
        assert line.average_inventory == money(average)
        assert line.turnover == rounded(sold / average, "0.01")
        assert line.days_of_inventory == rounded(38 / (sold / average), "0.1")
    assert sum(p.cogs for p in report.products) == report.cogs


def test_the_monthly_series_splits_the_period_at_calendar_months(story: Services) -> None:
    months = story.reports.turnover(FIRST, LAST).months
    assert [(m.month, m.first_day, m.last_day, m.days) for m in months] == [
        ("2026-02", date(2026, 2, 1), date(2026, 2, 28), 28), ("2026-03", date(2026, 3, 1), LAST, 10)]
    for m in months:
        closings = [closing_value(d) for d in days(m.first_day, m.last_day)]
        assert m.cogs == money(cogs(m.first_day, m.last_day))
        assert m.average_inventory == money(Fraction(sum(closings), len(closings)))


def test_a_unit_received_and_sold_the_same_day_is_cost_sold_but_never_stock(shop: Services, clock: Clock) -> None:
    clock.now = at(5, 1)
    shop.receiving.receive_units(supplier=MAKITA, sku=DRL, serials=["X1"], at=at(4, 7, 8))
    shop.sales.sell_items("Jane Smith", ["X1"], at=at(4, 7, 16))
    report = shop.reports.turnover(date(2026, 4, 1), date(2026, 4, 30))
    assert report.cogs == Decimal("80.00")
    assert {v.closing_value for v in report.daily} == {Decimal("0.00")}
    assert (report.average_inventory, report.turnover, report.days_of_inventory) == (Decimal("0.00"), None, None)


def test_a_return_to_quarantine_leaves_stock_value_and_cogs_alone(story: Services) -> None:
    day_before, day = story.reports.turnover(date(2026, 2, 24), date(2026, 2, 25)).daily
    assert day.closing_value == day_before.closing_value == money(closing_value(date(2026, 2, 24)))
    assert story.reports.turnover(date(2026, 2, 25), date(2026, 2, 25)).cogs == Decimal("0.00")


def test_a_return_to_stock_adds_the_unit_back_and_takes_its_cost_out_of_cogs(story: Services) -> None:
    report = story.reports.turnover(date(2026, 2, 15), date(2026, 2, 15))
    assert report.cogs == Decimal("-80.00")  # a return with no sale in the period: net, more came back
    assert report.closing_value - report.opening_value == Decimal("80.00")
    assert report.turnover is not None and report.turnover < 0 and report.days_of_inventory is None


def test_days_are_utc_days_to_the_second(story: Services) -> None:
    assert story.reports.turnover(date(2026, 3, 1), date(2026, 3, 1)).cogs == Decimal("50.00")  # S2, 23:59:59
    assert story.reports.turnover(date(2026, 3, 2), date(2026, 3, 2)).cogs == Decimal("80.00")  # A3, 00:00:00


def test_a_period_before_any_history_is_all_zeros(story: Services) -> None:
    report = story.reports.turnover(date(2025, 1, 1), date(2025, 12, 31))
    assert (report.days, report.cogs, report.opening_value, report.closing_value, report.average_inventory) == (
        365, Decimal("0.00"), Decimal("0.00"), Decimal("0.00"), Decimal("0.00"))
    assert (report.turnover, report.days_of_inventory, report.products) == (None, None, ())
    assert len(report.months) == 12 and {m.cogs for m in report.months} == {Decimal("0.00")}


def test_without_dates_the_period_is_the_365_days_up_to_today(story: Services) -> None:
    report = story.reports.turnover()
    assert (report.first_day, report.last_day, report.days) == (date(2025, 4, 1), date(2026, 3, 31), 365)
    assert report.cogs == money(cogs(date(2025, 4, 1), date(2026, 3, 31)))


@pytest.mark.parametrize("report", ["turnover", "supplier_quality"])
def test_a_period_that_ends_before_it_starts_is_refused(story: Services, report: str) -> None:
    run: Callable[[date, date], object] = getattr(story.reports, report)
    message = r"^The period ends \(1 Feb 2026\) before it starts \(10 Mar 2026\)\.$"
    with pytest.raises(DomainError, match=message) as err:
        run(date(2026, 3, 10), date(2026, 2, 1))
    assert err.value.code == "period_reversed"


# ---- aging -------------------------------------------------------------------------------------------------

TODAY = date(2026, 7, 1)


def ago(n: int, hour: int = 23, minute: int = 30) -> datetime:
    return datetime.combine(TODAY - timedelta(days=n), time(hour, minute), UTC)


@pytest.fixture
def aged(shop: Services, app: App, clock: Clock) -> Services:
    """DRL units that entered stock 0, 30, 31, 90, 91, 180 and 181 days ago; SAW units with longer stories."""
    clock.now = datetime.combine(TODAY, time(8, 0), UTC)
    shop.catalogue.add_product(SAW, "Circular saw", cost="50.00", price="99.00")
    shop.receiving.receive_units(supplier=MAKITA, sku=DRL, serials=["D0"], at=ago(0, hour=0, minute=5))
    for n in (30, 31, 90, 91, 180, 181):  # 23:30 that day: whole calendar days, not 24-hour spans, count
        shop.receiving.receive_units(supplier=MAKITA, sku=DRL, serials=[f"D{n}"], at=ago(n))
    shop.receiving.receive_units(supplier=MAKITA, sku=SAW, serials=["BACK", "OLD", "GONE", "BAD"], at=ago(200))
    shop.sales.sell_items("Jane Smith", ["BACK", "GONE", "BAD"], at=ago(150))
    shop.sales.return_item("BACK", to="stock", reason="unopened", at=ago(10))  # its age starts again
    shop.sales.return_item("BAD", to="quarantine", reason="broken", at=ago(10))  # not stock
    with app.uows() as uow:  # OLD's receipt from before the ledger recorded status moves: use received_at
        old = select(Item.id).where(Item.serial == "OLD").scalar_subquery()
        uow.session.execute(update(Event).where(Event.item_id == old).values(status_from=None, status_to=None))
        uow.commit()
    return shop


IN_STOCK_AGES = {DRL: [0, 30, 31, 90, 91, 180, 181], SAW: [10, 200]}


def band_of(d: int) -> str:
    if d <= 30:
        return "0-30"
    if d <= 90:
        return "31-90"
    return "91-180" if d <= 180 else "180+"


def test_aging_puts_each_unit_in_stock_in_its_band_by_whole_days(aged: Services) -> None:
    report = aged.reports.aging()
    assert report.as_of == TODAY
    for line in report.products:
        ages = IN_STOCK_AGES[line.sku]
        for band in line.bands:
            units = sum(band_of(d) == band.label for d in ages)
            assert (band.units, band.value_at_cost) == (units, money(units * COST[line.sku])), band.label
        assert line.units == len(ages) and line.value_at_cost == money(len(ages) * COST[line.sku])
        assert (line.mean_days, line.max_days) == (rounded(Fraction(sum(ages), len(ages)), "0.1"), max(ages))
    assert [p.sku for p in report.products] == [DRL, SAW]


def test_aging_bands_are_0_30_31_90_91_180_and_over_180(aged: Services) -> None:
    report = aged.reports.aging()
    assert [(b.label, b.min_days, b.max_days, b.units) for b in report.products[0].bands] == [
        ("0-30", 0, 30, 2), ("31-90", 31, 90, 2), ("91-180", 91, 180, 2), ("180+", 181, None, 1)]
    assert [(b.units, b.value_at_cost) for b in report.bands] == [
        (3, Decimal("210.00")), (2, Decimal("160.00")), (2, Decimal("160.00")), (2, Decimal("130.00"))]
    every = IN_STOCK_AGES[DRL] + IN_STOCK_AGES[SAW]
    assert (report.units, report.value_at_cost) == (9, Decimal("660.00"))
    assert (report.mean_days, report.max_days) == (rounded(Fraction(sum(every), len(every)), "0.1"), 200)


def test_aging_of_an_empty_stock_is_empty(shop: Services) -> None:
    report = shop.reports.aging()
    assert (report.units, report.value_at_cost, report.mean_days, report.max_days, report.products) == (
        0, Decimal("0.00"), None, None, ())
    assert [b.units for b in report.bands] == [0, 0, 0, 0]


# ---- supplier quality --------------------------------------------------------------------------------------


def quality(received: int, returned: int, repaired: int) -> tuple[int, int, int, Decimal, Decimal]:
    return (received, returned, repaired, rounded(Fraction(returned, received), "0.0001"),
            rounded(Fraction(repaired, received), "0.0001"))


def test_supplier_quality_counts_returned_and_warranty_repaired_units_per_supplier_and_lot(story: Services) -> None:
    report = story.reports.supplier_quality()
    assert (report.first_day, report.last_day) == (None, None)
    got = {(s.name, s.number): (s.received, s.returned, s.repaired_under_warranty, s.return_rate,
                                s.warranty_repair_rate) for s in report.suppliers}
    # Makita: A1..A5; A1 (twice) and A2 came back; A3 had two warranty repairs. Bosch: S1..S4; S1 repaired.
    assert got == {(BOSCH, "V-0002"): quality(4, 0, 1), (MAKITA, "V-0001"): quality(5, 2, 1)}
    assert [s.name for s in report.suppliers] == [BOSCH, MAKITA]
    lots = {(s.name, q.sku, q.lot): (q.received, q.returned, q.repaired_under_warranty, q.return_rate,
                                     q.warranty_repair_rate) for s in report.suppliers for q in s.lots}
    assert lots == {(MAKITA, DRL, "L1"): quality(4, 2, 1), (MAKITA, DRL, "L2"): quality(1, 0, 0),
                    (BOSCH, SAW, "B7"): quality(3, 0, 1), (BOSCH, SAW, None): quality(1, 0, 0)}
    assert report.suppliers[1].return_rate == Decimal("0.4000")
    assert report.suppliers[0].lots[1].warranty_repair_rate == Decimal("0.3333")


@pytest.mark.parametrize(("first", "last", "lots"), [
    (date(2026, 1, 15), date(2026, 1, 31), {(BOSCH, "B7"): 3}),
    (None, date(2026, 1, 10), {(MAKITA, "L1"): 4}),
    (date(2026, 2, 1), None, {(BOSCH, None): 1, (MAKITA, "L2"): 1}),
    (date(2025, 1, 1), date(2025, 12, 31), {}),
])
def test_supplier_quality_may_be_limited_to_units_received_in_a_period(
        story: Services, first: date | None, last: date | None, lots: dict[tuple[str, str | None], int]) -> None:
    report = story.reports.supplier_quality(first, last)
    assert (report.first_day, report.last_day) == (first, last)
    assert {(s.name, q.lot): q.received for s in report.suppliers for q in s.lots} == lots


# ---- who may see them --------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["clerk", "counter", "technician"])
def test_only_managers_see_these_reports(shop: Services, as_user: Callable[[str, str], Services], role: str) -> None:
    other = as_user("someone", role)
    for report in (other.reports.turnover, other.reports.aging, other.reports.supplier_quality):
        with pytest.raises(PermissionDenied, match="may not see reports"):
            report()
