"""Locations on SQLite and PostgreSQL (issue 15): every unit in one place, receiving puts units where the station
says, moves within a branch are one transaction with from/to in the history, and stock is reported by place."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from serialdesk.bootstrap import App, Services
from serialdesk.db.engine import make_engine
from serialdesk.db.migrate import upgrade
from serialdesk.domain.errors import DomainError, NotFound
from serialdesk.services.dto import RecallCriteria
from serialdesk.services.locations import LocationService


@pytest.fixture
def places(app: App, shop: Services) -> LocationService:
    service = LocationService(app.uows, shop.actor, app.clock)
    service.add_location("Back store")
    service.add_location("Workshop")
    service.add_location("Aarhus", branch="Aarhus")
    return service


def test_a_new_shop_has_a_shop_floor_and_units_received_go_there_or_where_told(
        places: LocationService, shop: Services) -> None:
    names = [(v.name, v.default, v.kind) for v in places.locations()]
    assert names[0] == ("Shop floor", True, "store") and ("In transit", False, "transit") in names
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["D1", "D2"])
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["D3"], location="back store")
    assert shop.lookup.passport("D1").location == "Shop floor"
    d3 = shop.lookup.passport("D3")
    assert d3.location == "Back store"
    assert [(v.location, v.how, v.ref) for v in d3.journey] == [("Back store", "received", "R-0002")]
    counts = {v.name: v.in_stock for v in places.locations()}
    assert counts["Shop floor"] == 2 and counts["Back store"] == 1 and counts["Aarhus"] == 0
    by_place = shop.reports.stock_by_location()
    assert [(p.location, p.in_stock, str(p.value_at_cost)) for p in by_place.locations] == [
        ("Shop floor", 2, "160.00"), ("Back store", 1, "80.00")]
    assert by_place.total_units == 3 == shop.reports.stock().total_units
    with pytest.raises(NotFound, match="There is no location 'Cellar'; the locations are Aarhus, Back store"):
        shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["D4"], location="Cellar")
    with pytest.raises(DomainError, match="cannot be received into 'In transit'"):
        shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["D4"], location="In transit")
    assert shop.reports.stock().total_units == 3  # nothing half-received


def test_a_draft_receipt_puts_its_units_where_it_was_opened_for(places: LocationService, shop: Services) -> None:
    draft = shop.receiving.open_receipt("Makita Europe", location="Workshop")
    shop.receiving.add_scan(draft.id, "DRL-18V", "W1")
    shop.receiving.post_receipt(draft.id)
    assert shop.lookup.passport("W1").location == "Workshop"


def test_moving_units_within_the_shop_is_one_transaction_named_in_their_history(
        places: LocationService, shop: Services) -> None:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["D1", "D2", "D3"])
    shop.sales.sell_items("Jane Smith", ["D3"])
    result = places.move(["D1", "DRL-18V:D2"], "Back store")
    assert [(u.serial, u.from_location, u.to_location) for u in result.units] == [
        ("D1", "Shop floor", "Back store"), ("D2", "Shop floor", "Back store")]
    places.move(["D1"], "workshop")
    d1 = shop.lookup.passport("D1")
    assert d1.location == "Workshop"
    assert [v.location for v in d1.journey] == ["Shop floor", "Back store", "Workshop"]
    assert [e.summary for e in d1.events][-2:] == ["Moved from Shop floor to Back store",
                                                   "Moved from Back store to Workshop"]
    # All or nothing: the sold unit refuses the list, and D2 stays where it was.
    with pytest.raises(DomainError, match=r"D3 was sold on .* to Jane Smith \(C-0001\) — it is not on a shelf"):
        places.move(["D2", "D3"], "Workshop")
    assert shop.lookup.passport("D2").location == "Back store"
    with pytest.raises(DomainError, match="D2 is already in Back store"):
        places.move(["D2"], "Back store")
    with pytest.raises(DomainError, match="scanned twice"):
        places.move(["D2", "D2"], "Workshop")
    with pytest.raises(DomainError, match="between branches units go on a transfer") as err:
        places.move(["D2"], "Aarhus")
    assert err.value.code == "other_branch"
    with pytest.raises(DomainError, match="on a transfer") as err:
        places.move(["D2"], "In transit")
    assert err.value.code == "location_is_transit"
    assert shop.lookup.passport("D3").location is None  # the customer has it
    assert shop.maintenance.check() == []


def test_a_unit_held_by_a_recall_does_not_move(places: LocationService, shop: Services) -> None:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["D1", "D2"], lot="L1")
    shop.recalls.start_recall(RecallCriteria("DRL-18V", lots=("L1",)), "Battery contacts may overheat")
    with pytest.raises(DomainError, match=r"D1 is on open recall RC-0001 .* cannot be moved") as err:
        places.move(["D1"], "Back store")
    assert err.value.code == "recall_hold"
    assert shop.lookup.passport("D1").location == "Shop floor"


def test_renaming_a_place_keeps_its_units_and_names_are_unique(places: LocationService, shop: Services) -> None:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["D1"], location="Back store")
    renamed = places.rename_location("Back store", "Stock room")
    assert (renamed.name, renamed.in_stock) == ("Stock room", 1)
    assert shop.lookup.passport("D1").location == "Stock room"
    with pytest.raises(DomainError, match="There is already a location 'Workshop'"):
        places.rename_location("Stock room", "workshop")
    with pytest.raises(DomainError, match="There is already a location 'Aarhus'"):
        places.add_location("AARHUS")
    with pytest.raises(DomainError, match="needs a name"):
        places.add_location("  ")


def test_the_counter_may_not_add_places_or_move_units(places: LocationService, app: App, as_user) -> None:  # type: ignore[no-untyped-def]
    till = as_user("till1", "counter")
    service = LocationService(app.uows, till.actor, app.clock)
    with pytest.raises(DomainError, match="may not"):
        service.add_location("Cellar")
    with pytest.raises(DomainError, match="may not"):
        service.move(["D1"], "Workshop")


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_the_migration_puts_every_unit_the_shop_had_in_a_place(backend: str, tmp_path, request) -> None:  # type: ignore[no-untyped-def]
    url = str(tmp_path / "old.db") if backend == "sqlite" else request.getfixturevalue("pg_empty_url")
    engine = make_engine(url)
    upgrade(engine, "0005")
    with engine.begin() as conn:
        now = "2026-01-05 09:00:00"
        conn.execute(text("INSERT INTO products (id, sku, name, cost, price, warranty_months, supplier_warranty_months,"
                          " repair_extension_months, serial_source, serial_case, serial_gs1_safe, created_at) VALUES "
                          "(1, 'DRL', 'Drill', 80, 100, 24, 0, 0, 'supplier', 'upper', false, :t)"), {"t": now})
        conn.execute(text("INSERT INTO items (id, product_id, serial, status, serial_source, cost, location, "
                          "created_at) VALUES (1, 1, 'A1', 'in_stock', 'supplier', 80, NULL, :t), "
                          "(2, 1, 'A2', 'in_stock', 'supplier', 80, 'Back room', :t), "
                          "(3, 1, 'A3', 'customer_owned', 'supplier', 0, 'customer', :t)"), {"t": now})
    upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT i.serial, l.name FROM items i JOIN locations l ON l.id = i.location_id "
                                 "ORDER BY i.serial")).all()
        names = [r[0] for r in conn.execute(text("SELECT name FROM locations ORDER BY id"))]
    engine.dispose()
    assert [tuple(r) for r in rows] == [("A1", "Shop floor"), ("A2", "Back room"), ("A3", "Shop floor")]
    assert names == ["Shop floor", "In transit", "Back room"]
