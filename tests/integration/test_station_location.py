"""A station's place (issue 15: "a station has a default location; receiving puts units there"): what the window
scans onto a draft and what the CLI receives both land where the station's settings say — found after the
merge: the GUI's drafts put every unit on the shop floor whatever the station's location."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from serialdesk.bootstrap import App
from serialdesk.config import Settings
from serialdesk.domain.errors import DomainError
from serialdesk.services.bundle import Services
from serialdesk.services.locations import LocationService
from tests.conftest import Clock


@pytest.fixture
def back_store(db_url: str, clock: Clock, admin: Services) -> Iterator[Services]:
    LocationService(admin.receiving.uows, admin.actor, clock).add_location("Back store")
    admin.catalogue.add_supplier("Makita Europe")
    admin.catalogue.add_product("DRL-18V", "Cordless drill 18V", price="99.00")
    station = App(Settings(db_url=db_url, user="admin", station="goods-in", location="Back store"), clock=clock)
    yield station.services(station.actor("admin"))
    station.close()


def test_a_draft_scanned_at_the_station_is_posted_into_its_location(back_store: Services) -> None:
    first = back_store.drafts.scan(None, "SN001", sku="DRL-18V", supplier="Makita Europe")
    assert first.receipt is not None
    back_store.receiving.post_receipt(first.receipt.id)
    assert back_store.lookup.passport("SN001", "DRL-18V").location == "Back store"


def test_units_received_in_one_go_go_to_the_station_s_location_unless_told(back_store: Services,
                                                                             admin: Services) -> None:
    back_store.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["SN002"])
    back_store.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["SN003"],
                                       location="Shop floor")
    admin.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["SN004"])  # no place set
    places = {sn: back_store.lookup.passport(sn, "DRL-18V").location for sn in ("SN002", "SN003", "SN004")}
    assert places == {"SN002": "Back store", "SN003": "Shop floor", "SN004": "Shop floor"}


def test_a_station_set_to_a_location_that_does_not_exist_is_told_and_saves_nothing(
        db_url: str, clock: Clock, admin: Services) -> None:
    admin.catalogue.add_supplier("Makita Europe")
    admin.catalogue.add_product("DRL-18V", "Cordless drill 18V", price="99.00")
    station = App(Settings(db_url=db_url, user="admin", station="goods-in", location="Cellar"), clock=clock)
    try:
        with pytest.raises(DomainError) as refused:
            station.services(station.actor("admin")).drafts.scan(None, "SN001", sku="DRL-18V")
        assert refused.value.code == "unknown_location" and "Cellar" in refused.value.message
        assert admin.receiving.receipts() == []
    finally:
        station.close()
