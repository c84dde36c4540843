"""The customer record answers 'what did this customer buy, is it under warranty, what was repaired'."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from serialdesk.bootstrap import Services


def test_a_customer_record_lists_units_with_warranty_and_tickets(shop: Services, clock) -> None:  # type: ignore[no-untyped-def]
    shop.catalogue.add_product("CABLE", "Cable", price="9.90")
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["D1", "D2"])
    shop.receiving.receive_units(supplier="Makita Europe", sku="CABLE", serials=["C1"])
    shop.sales.sell_items("Jane Smith", ["D1", "C1"])
    clock.advance(days=1)
    shop.sales.sell_items("Jane Smith", ["D2"], prices=["100"])
    clock.advance(days=1)
    shop.sales.return_item("D2", to="stock", reason="changed mind")
    shop.service_desk.open_ticket("D1", "Chuck wobbles")
    clock.now = datetime(2026, 6, 1, tzinfo=UTC)

    rec = shop.customers.customer_record("C-0001")
    assert rec.customer.name == "Jane Smith" and rec.total_spent == Decimal("239.80")
    # Issue 12 finding 8: the returned D2 (100.00) is counted apart, not as money spent.
    assert (rec.units_bought, rec.units_returned, rec.returned_value, rec.net_spent) == (
        3, 1, Decimal("100.00"), Decimal("139.80"))
    assert [u.serial for u in rec.units if u.returned] == ["D2"]
    by_serial = {u.serial: u for u in rec.units}
    assert [u.serial for u in rec.units] == ["D2", "D1", "C1"]  # newest sale first
    assert by_serial["D1"].still_owned and by_serial["D1"].status == "in_service"
    assert by_serial["D1"].warranty_status == "in_warranty"
    assert by_serial["D1"].warranty_days_left == (date(2028, 3, 3) - date(2026, 6, 1)).days
    assert by_serial["C1"].warranty_status == "none"
    assert not by_serial["D2"].still_owned and by_serial["D2"].warranty_status == "none"
    assert [t.problem for t in rec.tickets] == ["Chuck wobbles"]


def test_who_owns_a_serial_is_one_call(shop: Services) -> None:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["D1"])
    assert shop.lookup.passport("D1").customer is None
    shop.sales.sell_items("Jane Smith", ["D1"])
    owner = shop.lookup.passport("D1").customer
    assert owner is not None and (owner.number, owner.phone) == ("C-0001", "+45 20 123456")
