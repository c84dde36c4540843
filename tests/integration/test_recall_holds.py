"""Recall holds on SQLite and PostgreSQL: a unit on an open recall stays off sale and out of stock until its line
is resolved, a second recall of the same units is deliberate, and recall lines follow the unit's owner."""

from __future__ import annotations

import pytest

from serialdesk.bootstrap import Services
from serialdesk.domain.errors import DomainError, PermissionDenied
from serialdesk.services.dto import RecallCriteria

LOT = RecallCriteria("EB-CITY", lots=("L2501",))


@pytest.fixture
def bikes(shop: Services) -> Services:
    """Lot L2501 of e-bikes: VX25010001 sold to Jane Smith, VX25010002 on the shelf; Tom Olsen is a customer."""
    shop.catalogue.add_product("EB-CITY", "E-bike city", price="1999.00", warranty_months=24)
    shop.receiving.receive_units(supplier="Makita Europe", sku="EB-CITY", lot="L2501",
                                 serials=["VX25010001", "VX25010002"])
    shop.sales.sell_items("Jane Smith", ["VX25010001"])
    shop.catalogue.add_customer("Tom Olsen")
    return shop


def test_a_recalled_unit_returned_to_stock_goes_to_quarantine_and_cannot_be_sold_or_released(
    bikes: Services,
) -> None:
    recall = bikes.recalls.start_recall(LOT, "Brake cable may fray")
    back = bikes.sales.return_item("VX25010001", to="stock", reason="recall")
    assert back.status == "quarantined" and back.disposition == "quarantine"
    assert back.note is not None and "open recall RC-0001" in back.note and "quarantine" in back.note
    with pytest.raises(DomainError, match=r"VX25010001 is on open recall RC-0001 \(Brake cable may fray\) — it "
                                          r"cannot be sold") as err:
        bikes.sales.sell_items("Tom Olsen", ["VX25010001"])
    assert err.value.code == "recall_hold"
    for serial in ("VX25010001", "VX25010002"):  # returned by its buyer / quarantined on our shelf
        with pytest.raises(DomainError, match=r"on open recall RC-0001 .* cannot be released") as err:
            bikes.stock_moves.release(serial)
        assert err.value.code == "recall_hold"
    # Sent to the supplier and back repaired, it still may not go back into stock unresolved.
    bikes.stock_moves.send_to_supplier("VX25010002", "check brakes")
    with pytest.raises(DomainError, match="cannot be put back into stock"):
        bikes.stock_moves.back_from_supplier("VX25010002", "stock")
    passport = bikes.lookup.passport("VX25010001")
    assert passport.hold is not None and passport.hold.startswith("ON RECALL RC-0001 (Brake cable may fray)")
    assert [(h.recall, h.reason) for h in passport.recall_holds] == [("RC-0001", "Brake cable may fray")]
    # The recall line follows the unit: Jane no longer holds it.
    unit = {u.serial: u for u in bikes.recalls.recall(recall.id).units}["VX25010001"]
    assert unit.customer is None and unit.status == "quarantined"


def test_only_cleared_or_repaired_lets_a_unit_back_on_sale(bikes: Services, as_user) -> None:  # type: ignore[no-untyped-def]
    recall = bikes.recalls.start_recall(LOT, "Brake cable may fray")
    bikes.sales.return_item("VX25010001", to="stock", reason="recall")
    clerk = as_user("clerk1", "clerk")
    with pytest.raises(PermissionDenied):
        clerk.recalls.resolve(recall.id, "VX25010001", "cleared")
    with pytest.raises(DomainError, match="'fixed' is not a recall resolution; use one of cleared, repaired"):
        bikes.recalls.resolve(recall.id, "VX25010001", "fixed")
    tech = as_user("tech1", "technician")
    view = tech.recalls.resolve(recall.id, "VX25010001", "refunded", "refund R-77")
    assert {u.serial: (u.resolution, u.note) for u in view.units}["VX25010001"] == ("refunded", "refund R-77")
    with pytest.raises(DomainError, match="on open recall RC-0001"):
        bikes.stock_moves.release("VX25010001")  # a refunded unit is still suspect
    view = tech.recalls.resolve(recall.id, "VX25010001", "repaired", "new brake cable")
    assert {u.serial: u.resolved_by for u in view.units}["VX25010001"] == "tech1"
    with pytest.raises(DomainError, match="already resolved as repaired") as err:
        tech.recalls.resolve(recall.id, "VX25010001", "cleared")
    assert err.value.code == "already_resolved"
    assert bikes.lookup.passport("VX25010001").hold is None
    assert bikes.stock_moves.release("VX25010001").status == "in_stock"
    sale = bikes.sales.sell_items("Tom Olsen", ["VX25010001"])
    assert sale.customer.name == "Tom Olsen"
    # Scrapped scraps the unit on our shelf with the resolution.
    view = bikes.recalls.resolve(recall.id, "VX25010002", "scrapped", "frame cracked")
    assert {u.serial: u.status for u in view.units}["VX25010002"] == "scrapped"


def test_scrapping_a_unit_the_customer_still_has_asks_for_it_back_first(bikes: Services) -> None:
    recall = bikes.recalls.start_recall(LOT, "Brake cable may fray")
    with pytest.raises(DomainError, match=r"VX25010001 was sold .* Jane Smith .* take it back first"):
        bikes.recalls.resolve(recall.id, "VX25010001", "scrapped")
    assert bikes.lookup.passport("VX25010001").status == "recalled"


def test_a_second_recall_of_the_same_units_names_the_open_one_and_needs_also(bikes: Services) -> None:
    bikes.recalls.start_recall(LOT, "Brake cable may fray")
    with pytest.raises(DomainError, match=r"2 units of these are already on open recall RC-0001 "
                                          r"\(Brake cable may fray\).*--also") as err:
        bikes.recalls.start_recall(RecallCriteria("EB-CITY", serial_from="VX25010001"), "Battery lock")
    assert err.value.code == "recall_overlaps" and err.value.details["recalls"] == ["RC-0001"]
    assert len(bikes.recalls.recalls()) == 1
    second = bikes.recalls.start_recall(LOT, "Battery lock", also=True)
    assert second.number == "RC-0002" and second.counts["total"] == 2
    holds = bikes.lookup.passport("VX25010002").recall_holds
    assert [h.recall for h in holds] == ["RC-0001", "RC-0002"]


def test_a_recall_line_names_whoever_brings_the_unit_in(bikes: Services) -> None:
    recall = bikes.recalls.start_recall(LOT, "Brake cable may fray")
    bikes.sales.return_item("VX25010001", to="quarantine", reason="recall")
    assert {u.serial: u.customer for u in bikes.recalls.recall(recall.id).units}["VX25010001"] is None
    with pytest.raises(DomainError, match="holds no unit of recall RC-0001"):
        bikes.recalls.mark_contacted(recall.id, "Jane Smith")


def test_a_customers_unit_cleared_where_it_is_is_simply_theirs_again(bikes: Services) -> None:
    recall = bikes.recalls.start_recall(LOT, "Brake cable may fray")
    second = bikes.recalls.start_recall(RecallCriteria("EB-CITY", serial_to="VX25010001"), "Bell", also=True)
    bikes.recalls.resolve(recall.id, "VX25010001", "repaired", "cable swapped at the customer's")
    assert bikes.lookup.passport("VX25010001").status == "recalled"  # RC-0002 still holds it
    bikes.recalls.resolve(second.id, "VX25010001", "cleared")
    passport = bikes.lookup.passport("VX25010001")
    assert passport.status == "sold" and passport.hold is None and passport.customer is not None
    assert passport.events[-1].summary == "No longer under recall (RC-0002): the customer keeps it"
