"""Issue 12 finding 2 on SQLite and PostgreSQL: a unit's history is one ordered sequence. A move dated into the
past before a later move is refused; `check` finds every kind of broken history written behind the services'
back (direct SQL), per unit, and stays green for what the services wrote."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import insert, text

from serialdesk.bootstrap import App, Services
from serialdesk.db.models import Event
from serialdesk.domain.errors import DomainError


def d(month: int, day: int, year: int = 2026) -> datetime:
    return datetime(year, month, day, 12, tzinfo=UTC)


@pytest.fixture
def story(shop: Services, clock) -> Services:  # type: ignore[no-untyped-def]
    """ORD1 received 1 Jan, sold 1 Feb (S-0001), returned to stock 1 Mar; today is 3 Mar."""
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["ORD1", "ORD2"], at=d(1, 1))
    shop.sales.sell_items("Jane Smith", ["ORD1"], at=d(2, 1))
    shop.sales.return_item("ORD1", to="stock", reason="unwanted gift", at=d(3, 1))
    return shop


def test_a_sale_dated_before_the_units_latest_move_is_refused_naming_that_move(story: Services) -> None:
    with pytest.raises(DomainError) as err:
        story.sales.sell_items("Jane Smith", ["ORD1"], at=d(2, 15))
    assert err.value.message == ("ORD1 was returned on 1 Mar 2026 (return of S-0001); a sale dated 15 Feb 2026 "
                                 "would come before that.")
    passport = story.lookup.passport("ORD1")
    assert [e.kind for e in passport.events] == ["received", "sold", "returned"] and passport.status == "in_stock"
    report = story.reports.turnover(date(2026, 2, 16), date(2026, 2, 28))
    assert report.opening_value == Decimal("80.00")  # ORD2 only; ORD1 was with the customer
    assert story.maintenance.check() == []


def test_a_move_between_neighbours_or_after_the_last_is_accepted(story: Services) -> None:
    story.sales.sell_items("Jane Smith", ["ORD2"], at=d(1, 20))  # ORD2's only move was on 1 Jan
    story.sales.sell_items("Jane Smith", ["ORD1"], at=d(3, 2))
    assert story.lookup.passport("ORD1").status == "sold"
    assert story.maintenance.check() == []


def test_a_sale_of_several_units_is_refused_whole_when_one_does_not_fit(story: Services) -> None:
    with pytest.raises(DomainError, match="ORD1 was returned on 1 Mar 2026"):
        story.sales.sell_items("Jane Smith", ["ORD2", "ORD1"], at=d(2, 20))
    assert story.lookup.passport("ORD2").status == "in_stock"


def test_posting_a_draft_before_its_scans_is_refused(shop: Services, clock) -> None:  # type: ignore[no-untyped-def]
    draft = shop.receiving.open_receipt(supplier="Makita Europe")
    shop.receiving.add_scan(draft.id, "DRL-18V", "P1")
    with pytest.raises(DomainError, match=r"P1 was scanned onto a draft receipt on 3 Mar 2026 10:00 .*; posting the "
                                          r"receipt dated 3 Mar 2026 09:00 would come before that"):
        shop.receiving.post_receipt(draft.id, at=datetime(2026, 3, 3, 9, tzinfo=UTC))
    shop.receiving.post_receipt(draft.id)
    assert shop.maintenance.check() == []


# ---- `check` finds histories broken behind the services' back ------------------------------------------------


def _event(app: App, item_serial: str, kind: str, at: datetime, status_from: str | None, status_to: str | None,
           ) -> None:
    with app.engine.begin() as conn:
        item_id, product_id = conn.execute(text("SELECT id, product_id FROM items WHERE serial = :s"),
                                           {"s": item_serial}).one()
        conn.execute(insert(Event).values(at=at, kind=kind, item_id=item_id, product_id=product_id,
                                          serial=item_serial, by_user="sql", station="", status_from=status_from,
                                          status_to=status_to, data={}))


def _sql(app: App, statement: str) -> None:
    with app.engine.begin() as conn:
        conn.execute(text(statement))


def _sale_squeezed_in(app: App) -> None:  # what the old code accepted: a second sale before the return
    _event(app, "ORD1", "sold", d(2, 15), "in_stock", "sold")


def _chain_broken(app: App) -> None:
    _sql(app, "UPDATE events SET status_from = 'in_service' WHERE kind = 'returned'")


def _double_sale(app: App) -> None:  # each move chains, yet the unit is sold twice without a return
    _event(app, "ORD1", "sold", d(2, 10), "sold", "sold")


def _event_before_arrival(app: App) -> None:
    _event(app, "ORD1", "work_logged", d(12, 1, 2025), None, None)


def _never_came_in(app: App) -> None:
    _sql(app, "DELETE FROM events WHERE kind = 'received' AND serial = 'ORD1'")


def _status_disagrees(app: App) -> None:  # the latest move written is 'returned' (to stock) of 1 Mar …
    _sql(app, "UPDATE items SET status = 'sold' WHERE serial = 'ORD1'")
    _event(app, "ORD1", "sold", d(3, 5), "in_stock", "sold")
    _sql(app, "UPDATE events SET at = '2026-03-06 12:00:00' WHERE kind = 'returned'")  # … moved after the sale


@pytest.mark.parametrize(("breakage", "finding"), [
    (_sale_squeezed_in, "'sold' on 15 Feb 2026 12:00 moves it from in stock, but after 'sold' on 1 Feb 2026 12:00 "
                        "it was sold"),
    (_chain_broken, "'returned' on 1 Mar 2026 12:00 moves it from in service, but after 'sold' on 1 Feb 2026 12:00 "
                    "it was sold"),
    (_double_sale, "sold on 1 Feb 2026 12:00 and again on 10 Feb 2026 12:00 without a return between"),
    (_event_before_arrival, "'work logged' on 1 Dec 2025 12:00 comes before the unit came in (1 Jan 2026 12:00)"),
    (_never_came_in, "its history starts with 'sold' on 1 Feb 2026 12:00 moving it from in stock, but it never "
                     "came in"),
    (_status_disagrees, "it is sold, but its latest move ('returned' on 6 Mar 2026 12:00) left it in stock"),
])
def test_check_finds_each_kind_of_broken_history_per_unit(story: Services, app: App, breakage, finding) -> None:  # type: ignore[no-untyped-def]
    assert story.maintenance.check() == []
    breakage(app)
    problems = story.maintenance.check()
    assert f"history: unit DRL-18V:ORD1: {finding}" in problems, problems
    assert not any("ORD2" in p for p in problems)
