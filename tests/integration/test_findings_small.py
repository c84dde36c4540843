"""Smaller findings of trying it as a hurried user would, on SQLite and PostgreSQL: a notice listing more than the
order, an empty notice, one branch however it is typed, the transit place keeping its name, one name for one
spelling, report dates outside the shop's records, and one recall named once on a unit holding two of its parts."""

from __future__ import annotations

from datetime import date

import pytest

from serialdesk.bootstrap import App, Services
from serialdesk.domain.errors import DomainError
from serialdesk.services.dto import RecallCriteria
from serialdesk.services.locations import LocationService
from serialdesk.services.purchasing import PurchasingService


@pytest.fixture
def buying(app: App, shop: Services) -> PurchasingService:
    return PurchasingService(app.uows, shop.actor, app.clock)


def test_a_notice_listing_more_than_the_order_is_loaded_with_a_warning(buying: PurchasingService) -> None:
    order = buying.add_order("Makita Europe", [("DRL-18V", 5, "60.00", None)])
    rows = [{"serial": f"N{n}", "sku": "DRL-18V"} for n in range(10)]
    loaded = buying.load_notice(order.number, rows)
    assert loaded.expected == 10
    assert loaded.warnings == ("The supplier's notice lists 10 of DRL-18V; 5 are ordered (5 more than the order).",)
    fine = buying.add_order("Makita Europe", [("DRL-18V", 5, "60.00", None)])
    assert buying.load_notice(fine.number, [{"serial": "M1"}]).warnings == ()


def test_an_empty_notice_is_refused(buying: PurchasingService) -> None:
    order = buying.add_order("Makita Europe", [("DRL-18V", 5, "60.00", None)])
    with pytest.raises(DomainError, match="it lists no serials"):
        buying.load_notice(order.number, [])


def test_one_branch_however_it_is_typed_and_one_name_however_it_is_composed(app: App, shop: Services) -> None:
    places = LocationService(app.uows, shop.actor, app.clock)
    places.add_location("Store North", branch="North")
    assert places.add_location("Back North", branch="north").branch == "North"
    places.add_location("Café")
    with pytest.raises(DomainError, match="already a location 'Café'"):
        places.add_location("Cafe\u0301")  # the same letters, the accent typed as a combining mark
    with pytest.raises(DomainError, match="control character"):
        places.add_location("Cellar", branch="No\x1brth")


def test_the_transit_place_keeps_its_name(app: App, shop: Services) -> None:
    places = LocationService(app.uows, shop.actor, app.clock)
    with pytest.raises(DomainError, match="keeps its name") as refused:
        places.rename_location("In transit", "Limbo")
    assert refused.value.code == "location_is_transit"
    with pytest.raises(DomainError, match="already a location"):
        places.add_location("In transit")


@pytest.mark.parametrize(("first", "last", "named"), [(date(1, 1, 1), None, "0001-01-01"),
                                                       (None, date(9999, 12, 31), "9999-12-31")])
def test_report_dates_outside_the_shops_records_are_named_and_refused(shop: Services, first, last, named) -> None:  # type: ignore[no-untyped-def]
    for report in (shop.reports.turnover, shop.revenue.revenue):
        with pytest.raises(DomainError, match=f"{named} is outside the shop's records") as refused:
            report(first, last)
        assert refused.value.code == "bad_date"


def test_a_recall_holding_two_parts_of_a_unit_is_named_once(shop: Services) -> None:
    c = shop.catalogue
    c.add_product("CELL", "Cell", cost="5.00")
    c.add_product("PACK", "Pack")
    c.set_part("PACK", "CELL", count=2)
    shop.receiving.receive_units(supplier="Makita Europe", sku="CELL", serials=["C1", "C2"], lot="L1")
    shop.assembly.assemble("PACK", "PK1", parts=["C1", "C2"])
    recall = shop.recalls.start_recall(RecallCriteria("CELL", lots=("L1",)), "May overheat")
    hold = shop.lookup.passport("PK1").hold or ""
    assert hold.count(recall.number or "?") == 1, hold
