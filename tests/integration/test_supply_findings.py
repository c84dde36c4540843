"""Supply-chain findings on SQLite and PostgreSQL: a recall while a unit is on its way, huge quantities on a
purchase order, a receipt naming another supplier or dated before its order, a Latin-1 shipping notice."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from serialdesk.bootstrap import App, Services
from serialdesk.domain.errors import DomainError
from serialdesk.domain.text import day
from serialdesk.services.dto import RecallCriteria
from serialdesk.services.locations import LocationService
from serialdesk.services.purchasing import PurchasingService
from serialdesk.services.transfers import TransferService
from tests.integration.test_cli import as_json, run


@pytest.fixture
def transfers(app: App, shop: Services) -> TransferService:
    LocationService(app.uows, shop.actor, app.clock).add_location("Aarhus", branch="Aarhus")
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["D1", "D2", "D3"])
    return TransferService(app.uows, shop.actor, app.clock)


@pytest.fixture
def buying(app: App, shop: Services) -> PurchasingService:
    shop.catalogue.add_supplier("Bosch")
    return PurchasingService(app.uows, shop.actor, app.clock)


def test_a_unit_recalled_in_transit_arrives_and_stays_quarantined(transfers: TransferService,
                                                                  shop: Services) -> None:
    transfers.open_transfer("Shop floor", "Aarhus")
    transfers.send("TR-0001", ["D1", "D2"])
    shop.recalls.start_recall(RecallCriteria("DRL-18V", serial_from="D1", serial_to="D1"), "Battery may overheat")
    assert shop.lookup.passport("D1").status == "quarantined"

    arrived = transfers.receive("TR-0001", ["D1", "D2"])
    assert arrived.received == 2 and arrived.short == () and arrived.extra == ()
    assert [u.state for u in arrived.units] == ["received", "received"]
    d1 = shop.lookup.passport("D1")
    assert (d1.status, d1.location) == ("quarantined", "Aarhus")  # the recall's hold stands
    assert d1.events[-1].summary == "Arrived at Aarhus on TR-0001"
    assert [v.location for v in d1.journey] == ["Shop floor", "In transit", "Aarhus"]
    assert shop.lookup.passport("D2").status == "in_stock"
    with pytest.raises(DomainError, match="D1 is on open recall RC-0001"):
        LocationService(transfers.uows, shop.actor, transfers.clock).move(["D1"], "Shop floor")
    with pytest.raises(DomainError):
        shop.sales.sell_items("Jane Smith", ["D1"])
    assert transfers.resolve("TR-0001").status == "resolved"
    assert shop.maintenance.check() == []


def test_a_unit_recalled_in_transit_that_never_arrives_goes_back_quarantined(transfers: TransferService,
                                                                             shop: Services) -> None:
    transfers.open_transfer("Shop floor", "Aarhus")
    transfers.send("TR-0001", ["D1"])
    shop.recalls.start_recall(RecallCriteria("DRL-18V", serial_from="D1", serial_to="D1"), "Battery may overheat")
    transfers.resolve("TR-0001", short="back")
    d1 = shop.lookup.passport("D1")
    assert (d1.status, d1.location) == ("quarantined", "Shop floor")
    assert shop.maintenance.check() == []


def test_a_huge_quantity_is_refused_before_anything_is_written(buying: PurchasingService) -> None:
    with pytest.raises(DomainError, match=r"at most 1,000,000 .* DRL-18V") as e:
        buying.add_order("Makita Europe", [("DRL-18V", 2_147_483_648, "1", None)])
    assert e.value.code == "quantity_too_large"
    assert buying.orders() == []
    assert buying.add_order("Makita Europe").number == "PO-0001"  # no PO number was used up
    with pytest.raises(DomainError, match=r"at most 1,000,000") as e:
        buying.add_line("PO-0001", "DRL-18V", 99999999999999999999, "10")
    assert e.value.code == "quantity_too_large"
    assert buying.order("PO-0001").lines == ()
    assert buying.add_line("PO-0001", "DRL-18V", 1_000_000, "10").ordered == 1_000_000


def test_a_receipt_naming_another_supplier_is_refused(buying: PurchasingService) -> None:
    buying.add_order("Makita Europe", [("DRL-18V", 2, "80", None)])
    with pytest.raises(DomainError, match=r"PO-0001 is from Makita Europe, not Bosch\.") as e:
        buying.receive("PO-0001", ["U1"], supplier="Bosch")
    assert e.value.code == "po_other_supplier"
    assert buying.order("PO-0001").received == 0
    assert buying.receive("PO-0001", ["U1"], supplier="Makita Europe").received == 1


def test_a_receipt_dated_before_its_order_is_refused(buying: PurchasingService, shop: Services, clock) -> None:  # type: ignore[no-untyped-def]
    placed = buying.add_order("Makita Europe", [("DRL-18V", 3, "80", None)]).created_at
    clock.advance(days=5)
    with pytest.raises(DomainError, match=rf"PO-0001 was placed on {day(placed)}; .* dated 1 Jan 2020, before") as e:
        buying.receive("PO-0001", ["U2"], at=datetime(2020, 1, 1, 12, tzinfo=UTC))
    assert e.value.code == "before_po"
    assert buying.order("PO-0001").received == 0 and buying.order("PO-0001").receipts == ()
    got = buying.receive("PO-0001", ["U2"], at=placed.astimezone().replace(hour=0, minute=0))
    assert got.lead_days == 0  # earlier on the day the order was placed is fine
    assert buying.receive("PO-0001", ["U3"], at=datetime(2026, 3, 6, 10, 0, tzinfo=UTC)).lead_days == 3


@pytest.fixture
def store(sqlite_url: str) -> str:
    run(sqlite_url, "product", "add", "PHONE", "--name", "Phone", "--cost", "100")
    run(sqlite_url, "supplier", "add", "Acme")
    run(sqlite_url, "supplier", "add", "Beta")
    run(sqlite_url, "location", "add", "Store2", "--branch", "North")
    return sqlite_url


def test_cli_recall_in_transit_then_transfer_in(store: str) -> None:
    run(store, "receive", "--supplier", "Acme", "--sku", "PHONE", "P1")
    run(store, "transfer", "open", "--from", "Shop floor", "--to", "Store2")
    run(store, "transfer", "out", "TR-0001", "P1")
    run(store, "recall", "--sku", "PHONE", "--serial-from", "P1", "--serial-to", "P1", "--reason", "fire")
    arrived = as_json(run(store, "transfer", "in", "TR-0001", "P1", "--json"))
    assert arrived["received"] == 1 and arrived["short"] == []
    unit = as_json(run(store, "lookup", "P1", "--json"))
    assert (unit["status"], unit["location"]) == ("quarantined", "Store2")


def test_cli_huge_quantities_are_refused_in_words(store: str) -> None:
    run(store, "po", "add", "--supplier", "Acme")
    refused = run(store, "po", "line", "PO-0001", "--sku", "PHONE", "--qty", "99999999999999999999", "--cost", "10",
                  check=3)
    assert "at most 1,000,000" in refused.stderr and "Traceback" not in refused.stderr
    refused = run(store, "po", "add", "--supplier", "Acme", "--line", "PHONE:2147483648:1", check=3)
    assert "at most 1,000,000" in refused.stderr and "Traceback" not in refused.stderr
    assert as_json(run(store, "po", "add", "--supplier", "Acme", "--json"))["number"] == "PO-0002"


def test_cli_receive_on_a_po_from_another_supplier_or_before_it(store: str) -> None:
    run(store, "po", "add", "--supplier", "Acme", "--line", "PHONE:5:10")
    refused = run(store, "receive", "--po", "PO-0001", "--supplier", "Beta", "U1", check=3)
    assert "PO-0001 is from Acme, not Beta." in refused.stderr
    refused = run(store, "receive", "--po", "PO-0001", "U2", "--at", "2020-01-01", check=3)
    assert "PO-0001 was placed on" in refused.stderr and "1 Jan 2020" in refused.stderr
    assert as_json(run(store, "po", "show", "PO-0001", "--json"))["received"] == 0
    assert as_json(run(store, "receive", "--po", "PO-0001", "--supplier", "Acme", "U1", "--json"))["received"] == 1


def test_cli_po_notice_reads_a_latin1_file_with_encoding(store: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run(store, "po", "add", "--supplier", "Acme", "--line", "PHONE:2:10")
    notice = tmp_path / "notice.csv"
    notice.write_bytes("serial;sku;Beschreibung\nP1;PHONE;Größe M\nP2;PHONE;Größe L\n".encode("latin-1"))
    refused = run(store, "po", "notice", "PO-0001", str(notice), check=3)
    assert "run again with --encoding latin-1" in refused.stderr
    loaded = as_json(run(store, "po", "notice", "PO-0001", str(notice), "--encoding", "latin-1", "--json"))
    assert loaded["expected"] == 2
    refused = run(store, "po", "notice", "PO-0001", str(notice), "--encoding", "klingon", check=3)
    assert "not an encoding I know" in refused.stderr
