"""Issue 12 findings 3 and 8 and the search escape, on SQLite and PostgreSQL: no date in the future, back-dated
entries visible, no control characters in names and notes, search text taken literally, returns counted apart."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from serialdesk.bootstrap import Services
from serialdesk.domain.errors import DomainError
from serialdesk.services.dto import RecallCriteria


def test_dates_in_the_future_are_refused_for_receipt_sale_and_return(shop: Services, clock) -> None:  # type: ignore[no-untyped-def]
    clock.now = datetime(2026, 12, 1, 10, tzinfo=UTC)
    with pytest.raises(DomainError, match=r"A receipt dated 1 Jan 2030 would be in the future"):
        shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["F1"],
                                     at=datetime(2030, 1, 1, tzinfo=UTC))
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["F1"])
    with pytest.raises(DomainError, match=r"A sale dated 5 May 2031 would be in the future") as err:
        shop.sales.sell_items("Jane Smith", ["F1"], at=datetime(2031, 5, 5, tzinfo=UTC))
    assert err.value.code == "date_in_future"
    # A station clock a few minutes ahead is no lie: up to 5 minutes are accepted.
    shop.sales.sell_items("Jane Smith", ["F1"], at=clock.now + timedelta(minutes=4))
    clock.advance(minutes=10)
    with pytest.raises(DomainError, match=r"A return dated 1 Jan 2035 would be in the future"):
        shop.sales.return_item("F1", to="stock", reason="x", at=datetime(2035, 1, 1, tzinfo=UTC))
    with pytest.raises(DomainError, match=r"A service ticket dated .* would be in the future"):
        shop.service_desk.open_ticket("F1", "noise", at=clock.now + timedelta(hours=1))
    passport = shop.lookup.passport("F1")
    assert passport.status == "sold" and passport.warranty_until is not None
    assert passport.warranty_until.year == 2028
    assert shop.maintenance.check() == []


def test_a_back_dated_entry_is_marked_with_when_it_was_entered(shop: Services, clock) -> None:  # type: ignore[no-untyped-def]
    clock.now = datetime.now(UTC)  # the database clock stamps recorded_at: run the service clock beside it
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["B1"],
                                 at=clock.now - timedelta(days=3))
    shop.sales.sell_items("Jane Smith", ["B1"])
    received, sold = shop.lookup.passport("B1").events
    assert received.backdated and received.recorded_at is not None
    assert abs(received.recorded_at - clock.now) < timedelta(minutes=2)
    assert not sold.backdated and sold.recorded_at is None


def test_control_characters_are_refused_in_names_and_notes_naming_the_field(shop: Services) -> None:
    cases = [
        (lambda: shop.catalogue.add_customer("X\x07Y"), "The customer name contains a control character (U+0007)"),
        (lambda: shop.catalogue.add_customer("Ann", phone="+45\x1b[2J"), "The phone number contains a control"),
        (lambda: shop.catalogue.add_customer("Ann", email="a@b.c\x00"), "The e-mail address contains a control"),
        (lambda: shop.catalogue.add_supplier("Acme\u202eevil"), "The supplier name contains a control"),
        (lambda: shop.catalogue.add_product("P-1", "Drill\x08"), "The product name contains a control"),
        (lambda: shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["N1"],
                                              note="ok\x07"), "The receipt note contains a control"),
    ]
    for attempt, message in cases:
        with pytest.raises(DomainError, match=re.escape(message)) as err:
            attempt()
        assert err.value.code == "control_character"
    assert shop.catalogue.find_customers("Y") == [] and shop.catalogue.find_customers("Ann") == []
    with pytest.raises(DomainError, match="The address contains a control character"):
        shop.catalogue.add_customer("Ann", address="1 High St\tLeeds")
    # A multi-line field keeps its line breaks.
    assert shop.catalogue.add_customer("Ann", address="1 High St\nLeeds").address == "1 High St\nLeeds"


def test_control_characters_are_refused_in_problems_resolutions_and_reasons(shop: Services) -> None:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["R1", "R2"])
    with pytest.raises(DomainError, match="The reason contains a control"):
        shop.stock_moves.quarantine("R2", "dented\x1b")
    shop.sales.sell_items("Jane Smith", ["R1"])
    with pytest.raises(DomainError, match="The reason contains a control"):
        shop.sales.return_item("R1", to="stock", reason="x\x7f")
    with pytest.raises(DomainError, match="The problem contains a control"):
        shop.service_desk.open_ticket("R1", "noise\x00")
    ticket = shop.service_desk.open_ticket("R1", "noise\non load")
    with pytest.raises(DomainError, match="The work-log text contains a control"):
        shop.service_desk.log_work(ticket.id, "fixed\x07")
    with pytest.raises(DomainError, match="The resolution contains a control"):
        shop.service_desk.close_ticket(ticket.id, "done\x07")
    with pytest.raises(DomainError, match="The reason for the recall contains a control"):
        shop.recalls.start_recall(RecallCriteria("DRL-18V"), "hot\x07")
    assert shop.lookup.passport("R2").status == "in_stock"


def test_customer_search_takes_percent_and_underscore_literally(shop: Services) -> None:
    shop.catalogue.add_customer("Tom Olsen")
    shop.catalogue.add_customer("Shop 100% Ltd")
    shop.catalogue.add_customer("snake_case Inc")
    assert [c.name for c in shop.catalogue.find_customers("%")] == ["Shop 100% Ltd"]
    assert [c.name for c in shop.catalogue.find_customers("_")] == ["snake_case Inc"]
    assert shop.catalogue.find_customers("!") == []
    assert [c.name for c in shop.catalogue.find_customers("olsen")] == ["Tom Olsen"]


def test_the_customer_record_counts_returned_units_apart(shop: Services, clock) -> None:  # type: ignore[no-untyped-def]
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["C1", "C2"])
    shop.sales.sell_items("Jane Smith", ["C1", "C2"])
    clock.advance(days=1)
    shop.sales.return_item("C2", to="stock", reason="changed mind")
    rec = shop.customers.customer_record("Jane Smith")
    assert (rec.units_bought, rec.units_returned) == (2, 1)
    assert (rec.total_spent, rec.returned_value, rec.net_spent) == (
        Decimal("259.80"), Decimal("129.90"), Decimal("129.90"))
