"""Purchase orders on SQLite and PostgreSQL (issue 15): ordered, the supplier's notice of serials loaded, received
over several receipts against one checklist that remembers what came, at the cost on the order."""

from __future__ import annotations

from decimal import Decimal

import pytest

from serialdesk.bootstrap import App, Services
from serialdesk.domain.errors import DomainError
from serialdesk.services.purchasing import PurchasingService
from serialdesk.workflows.purchasing import after_receipt

NOTICE = [{"serial": f"VB{n:03d}", "lot": "L2611"} for n in range(1, 21)]


@pytest.fixture
def buying(app: App, shop: Services) -> PurchasingService:
    shop.catalogue.add_product("BIKE-7", "E-bike 7", cost="999.00", price="2499.00", warranty_months=24)
    shop.catalogue.add_supplier("Velo AG")
    return PurchasingService(app.uows, shop.actor, app.clock)


def test_twenty_bikes_ordered_noticed_and_received_in_two_deliveries(buying: PurchasingService,
                                                                     shop: Services, clock) -> None:  # type: ignore[no-untyped-def]
    po = buying.add_order("Velo AG", [("BIKE-7", 20, "410.00", "2026-03-20")])
    assert (po.number, po.status, po.ordered, po.received, po.warnings) == ("PO-0001", "open", 20, 0, ())
    noticed = buying.load_notice("PO-0001", NOTICE)
    assert noticed.expected == 20 and len(noticed.expected_missing) == 20

    first = buying.receive("PO-0001", [f"VB{n:03d}" for n in range(1, 13)])
    assert after_receipt(noticed, first) == buying.order("PO-0001")  # the answer moves the view on, no re-read
    assert (first.received, first.ordered, first.units, first.unit_cost) == (12, 20, 12, Decimal("410.00"))
    assert first.not_on_notice == () and first.status == "partly_received"
    assert first.warnings == ("Under-delivery so far: 8 of BIKE-7 still to come.",)
    unit = shop.lookup.passport("VB001")
    assert (unit.cost, unit.lot, unit.supplier, unit.location) == (Decimal("410.00"), "L2611", "Velo AG",
                                                                   "Shop floor")

    assert first.lead_days == 0
    clock.advance(days=9)
    # The second delivery: 7 more of the notice and one it does not name. The checklist remembers the first 12.
    before = buying.order("PO-0001")
    second = buying.receive("po-1", [f"VB{n:03d}" for n in range(13, 20)] + ["VB999"])
    assert after_receipt(before, second) == buying.order("PO-0001")
    assert (second.received, second.ordered) == (20, 20)
    assert second.not_on_notice == ("VB999",) and second.lead_days == 9
    assert "1 serial not on the supplier's notice: VB999." in second.warnings
    order = buying.order("PO-0001")
    assert order.status == "closed" and order.receipts == ("R-0001", "R-0002")
    assert order.expected_missing == ("BIKE-7:VB020",) and len(order.expected_received) == 19
    assert [(ln.ordered, ln.received) for ln in order.lines] == [(20, 20)]
    with pytest.raises(DomainError, match="PO-0001 is closed"):
        buying.receive("PO-0001", ["VB020"])
    assert shop.maintenance.check() == []


def test_an_over_delivery_is_warned_and_counted(buying: PurchasingService) -> None:
    buying.add_order("Velo AG", [("BIKE-7", 2, "410", None)])
    got = buying.receive("PO-0001", ["X1", "X2", "X3"])
    assert (got.received, got.ordered) == (3, 2)
    assert got.warnings[0] == "Over-delivery: 3 of BIKE-7 received, 2 ordered (1 more than ordered)."
    assert got.status == "closed"


def test_a_bad_notice_is_refused_whole_naming_its_lines(buying: PurchasingService, shop: Services) -> None:
    buying.add_order("Velo AG", [("BIKE-7", 20, "410", None), ("DRL-18V", 5, "70", None)])
    rows = [{"serial": "A1", "sku": "BIKE-7"}, {"serial": "A2", "sku": "NOPE"}, {"serial": "A1", "sku": "bike-7"},
            {"serial": "A3", "sku": ""}, {"serial": "", "sku": "BIKE-7"}]
    with pytest.raises(DomainError) as err:
        buying.load_notice("PO-0001", rows, [2, 3, 4, 5, 6], source="asn.csv")
    assert err.value.code == "bad_notice"
    assert err.value.details["problems"] == [
        "line 3: there is no product 'NOPE'", "line 5: no sku, and the order is for several products",
        "line 6: no serial", "line 2: BIKE-7:A1 is twice in the file", "line 4: BIKE-7:A1 is twice in the file"]
    assert buying.order("PO-0001").expected == 0  # nothing half-loaded
    buying.load_notice("PO-0001", [{"serial": "A1", "sku": "BIKE-7"}])
    buying.add_order("Velo AG", [("BIKE-7", 1, "410", None)])
    with pytest.raises(DomainError, match="line 2: A1 is already on the notice of PO-0001"):
        buying.load_notice("PO-0002", [{"serial": "A1"}])
    shop.receiving.receive_units(supplier="Velo AG", sku="BIKE-7", serials=["OLD1"])
    with pytest.raises(DomainError, match="line 2: OLD1 is already a unit in the shop"):
        buying.load_notice("PO-0002", [{"serial": "old1"}])
    with pytest.raises(DomainError, match="line 2: DRL-18V is not on this order"):
        buying.load_notice("PO-0002", [{"serial": "Z1", "sku": "DRL-18V"}])


def test_a_line_for_another_suppliers_product_is_warned(buying: PurchasingService, shop: Services) -> None:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["D1"])
    po = buying.add_order("Velo AG", [("DRL-18V", 2, "70", None)])
    assert po.warnings == ("DRL-18V has so far come from Makita Europe, not Velo AG: check the line is for the "
                           "right supplier.",)
    with pytest.raises(DomainError, match="Order at least one BIKE-7"):
        buying.add_line("PO-0001", "BIKE-7", 0, "1")
    with pytest.raises(DomainError, match="BIKE-7 is not on PO-0001"):
        buying.receive("PO-0001", ["Q1"], sku="BIKE-7")
    cancelled = buying.close_order("PO-0001", cancel=True)
    assert cancelled.status == "cancelled"
