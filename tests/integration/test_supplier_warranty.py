"""The supplier's warranty to us at the service desk (issue 15): shown for every unit we received, whoever holds
it, with days left; a ticket on a unit under it says it may go back to the supplier."""

from __future__ import annotations

from datetime import UTC, datetime

from serialdesk.bootstrap import Services
from tests.integration.test_cli import as_json, run


def test_a_sold_unit_at_the_service_desk_shows_the_suppliers_warranty(shop: Services, clock) -> None:  # type: ignore[no-untyped-def]
    shop.catalogue.add_product("EBIKE", "E-bike", cost="1390", price="2490", warranty_months=6,
                               supplier_warranty_months=24)
    shop.receiving.receive_units(supplier="Makita Europe", sku="EBIKE", serials=["E1"])
    shop.sales.sell_items("Jane Smith", ["E1"])
    clock.advance(days=300)  # our 6 months to Jane have ended; the supplier's 24 months to us have not
    ticket = shop.service_desk.open_ticket("E1", "motor cuts out")
    passport = shop.lookup.passport("E1")
    assert passport.warranty_status == "expired"
    assert passport.supplier_warranty_status == "in_warranty"
    assert passport.supplier_warranty_until == datetime(2028, 3, 3, 10, 0, tzinfo=UTC)
    assert passport.supplier_warranty_days_left == (passport.supplier_warranty_until - clock.now).days
    shown = passport.tickets[-1]
    assert shown.number == ticket.number and shown.rma_possible
    assert shown.supplier_warranty.startswith("Makita Europe's warranty to us until")
    assert f"({passport.supplier_warranty_days_left} days left)" in shown.supplier_warranty


def test_a_customers_own_unit_has_no_supplier_warranty_of_ours(shop: Services) -> None:
    shop.catalogue.add_product("EBIKE", "E-bike", supplier_warranty_months=24)
    ticket = shop.service_desk.open_ticket("F1", "flat tyre", sku="EBIKE", customer="Jane Smith")
    assert not ticket.rma_possible and ticket.supplier_warranty_until is None
    assert shop.lookup.passport("F1").supplier_warranty_status == "none"


def test_the_passport_and_ticket_on_the_command_line_show_it(sqlite_url: str) -> None:
    run(sqlite_url, "product", "add", "EBIKE", "--name", "E-bike", "--supplier-warranty-months", "24")
    run(sqlite_url, "supplier", "add", "Velo AG")
    run(sqlite_url, "customer", "add", "Jane Smith")
    run(sqlite_url, "receive", "--supplier", "Velo AG", "--sku", "EBIKE", "E1")
    run(sqlite_url, "sell", "--customer", "Jane Smith", "E1")
    assert "supplier  warranty to us until" in run(sqlite_url, "lookup", "E1").stdout
    opened = run(sqlite_url, "ticket", "open", "E1", "--problem", "motor cuts out")
    assert "Velo AG's warranty to us until" in opened.stdout and "rma E1" in opened.stdout
    assert as_json(run(sqlite_url, "lookup", "E1", "--json"))["supplier_warranty_status"] == "in_warranty"
