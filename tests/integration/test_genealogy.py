"""Genealogy on SQLite and PostgreSQL: parts traced to the unit they sit in, recalls that follow parts to their
owners, assembly and disassembly, passports both ways."""

from __future__ import annotations

import pytest

from serialdesk.bootstrap import App, Services
from serialdesk.domain.errors import DomainError
from serialdesk.services.dto import RecallCriteria
from serialdesk.services.history_check import history_problems


@pytest.fixture
def bikes(shop: Services, clock) -> Services:  # type: ignore[no-untyped-def]
    """E-bikes that take one battery; Eva bought one; batteries of lot 25B04 on the shelf."""
    c = shop.catalogue
    c.add_product("EBIKE", "E-bike city", price="1999.00", warranty_months=24)
    c.add_product("BAT-500", "Battery 500 Wh", cost="180.00", price="399.00")
    c.set_part("EBIKE", "BAT-500")
    c.add_customer("Eva Berg", phone="+45 30 111222", address="Søgade 4\n8000 Aarhus")
    shop.receiving.receive_units(supplier="Makita Europe", sku="EBIKE", serials=["VX25030001", "VX25030002"])
    shop.receiving.receive_units(supplier="Makita Europe", sku="BAT-500", serials=["BP0103", "BP0104"], lot="25B04")
    shop.receiving.receive_units(supplier="Makita Europe", sku="BAT-500", serials=["BP0009"], lot="24K01")
    shop.sales.sell_items("Eva Berg", ["VX25030001"])
    clock.advance(days=40)
    return shop


def _swap_into_evas_bike(shop: Services) -> int:
    ticket = shop.service_desk.open_ticket("VX25030001", "Battery will not charge")
    shop.service_desk.swap_part(ticket.id, out="BAT-500:BP0001", into="BP0103")  # her old battery: never ours
    return ticket.id


def test_a_recall_preview_names_the_bike_and_owner_a_swapped_in_battery_sits_in(bikes: Services) -> None:
    _swap_into_evas_bike(bikes)
    view = bikes.recalls.find_affected(RecallCriteria("BAT-500", lots=("25B04",)))
    by_serial = {u.serial: u for u in view.units}
    fitted = by_serial["BP0103"]
    assert fitted.status == "fitted"
    assert fitted.host is not None and fitted.host.label == "EBIKE:VX25030001"
    assert fitted.host.status == "in_service"
    assert fitted.customer is not None and fitted.customer.name == "Eva Berg"
    assert fitted.customer.phone == "+45 30 111222"
    assert by_serial["BP0104"].host is None and by_serial["BP0104"].customer is None
    assert view.counts["customers"] == 1


def test_a_saved_recall_marks_the_customers_bike_and_letters_follow_the_owner(bikes: Services) -> None:
    ticket = _swap_into_evas_bike(bikes)
    bikes.service_desk.close_ticket(ticket, "New battery fitted")
    view = bikes.recalls.start_recall(RecallCriteria("BAT-500", lots=("25B04",)), "Cells may overheat")
    unit = next(u for u in view.units if u.serial == "BP0103")
    assert unit.customer is not None and unit.customer.name == "Eva Berg"
    bike = bikes.lookup.passport("VX25030001")
    assert bike.status == "recalled"
    assert bike.recall_holds and bike.recall_holds[0].part == "BAT-500:BP0103"
    assert "BAT-500:BP0103" in (bike.hold or "") or bike.hold
    # Cleared: the bike is simply Eva's again.
    bikes.recalls.resolve(view.id, "BP0103", "cleared")  # type: ignore[arg-type]
    assert bikes.lookup.passport("VX25030001").status == "sold"


@pytest.fixture
def bench(shop: Services, clock) -> Services:  # type: ignore[no-untyped-def]
    """A bench that builds e-bikes (1 frame, 1 motor, 1 battery pack) and battery packs from 2 cells."""
    c = shop.catalogue
    c.add_product("EBIKE", "E-bike city", price="1999.00", warranty_months=24, serial_source="generated",
                  serial_pattern="VX{SEQ:6}")
    c.add_product("FRAME-28", "Frame 28 in", cost="200.00")
    c.add_product("MOT-250", "Motor 250 W", cost="150.00")
    c.add_product("PACK", "Battery pack 500 Wh")
    c.add_product("CELL", "Cell 21700", cost="5.00")
    c.set_part("EBIKE", "FRAME-28")
    c.set_part("EBIKE", "MOT-250")
    c.set_part("EBIKE", "PACK")
    c.set_part("PACK", "CELL", count=2)
    c.add_customer("Eva Berg", phone="+45 30 111222", address="Søgade 4\n8000 Aarhus")
    r = shop.receiving
    r.receive_units(supplier="Makita Europe", sku="FRAME-28", serials=["F1", "F2", "F3"])
    r.receive_units(supplier="Makita Europe", sku="MOT-250", serials=["M1", "M2", "M3"])
    r.receive_units(supplier="Makita Europe", sku="CELL", serials=[f"C{n}" for n in range(1, 9)], lot="25B04")
    clock.advance(days=1)
    return shop


def _pack(shop: Services, serial: str, cells: list[str]) -> None:
    shop.assembly.assemble("PACK", serial, parts=cells, labour="4.00")


def test_a_bike_is_built_from_a_pack_built_from_cells_and_its_cost_adds_up(bench: Services, app: App) -> None:
    _pack(bench, "P1", ["C1", "C2"])
    view = bench.assembly.assemble("EBIKE", generate=True, parts=["F1", "MOT-250:M1", "P1"], labour="12.50",
                                   note="test ride ok")
    assert view.host.serial == "VX000001" and view.host.status == "in_stock"
    assert view.cost == bench.lookup.passport("VX000001").cost
    assert str(view.cost) == "376.50"  # 200 + 150 + (5 + 5 + 4) + 12.50
    assert view.build.by == "admin" and view.build.station == "till-1" and view.build.note == "test ride ok"
    tree = bench.assembly.components("VX000001")
    assert [n.unit.label for n in tree.parts] == ["FRAME-28:F1", "MOT-250:M1", "PACK:P1"]
    assert [n.unit.label for n in tree.parts[2].parts] == ["CELL:C1", "CELL:C2"]
    assert tree.parts[2].parts[0].lot == "25B04" and tree.parts[2].parts[0].supplier == "Makita Europe"
    cell = bench.assembly.components("C1")
    assert [h.label for h in cell.within] == ["PACK:P1", "EBIKE:VX000001"]
    assert bench.lookup.passport("C1").status == "fitted"
    assert history_problems(app.engine) == []
    bench.assembly.disassemble("VX000001")
    assert history_problems(app.engine) == []


@pytest.mark.parametrize("status", ["sold", "quarantined", "scrapped", "fitted", "at_supplier", "in_service"])
def test_a_part_that_is_not_on_the_shelf_is_refused_naming_where_it_is(bench: Services, status: str) -> None:
    if status == "sold":
        bench.sales.sell_items("Eva Berg", ["M1"])
    elif status == "quarantined":
        bench.stock_moves.quarantine("M1", reason="dented")
    elif status == "scrapped":
        bench.stock_moves.scrap("M1", reason="dropped")
    elif status == "at_supplier":
        bench.stock_moves.quarantine("M1", reason="noisy")
        bench.stock_moves.send_to_supplier("M1", reason="RMA")
    elif status == "fitted":
        bench.assembly.assemble("EBIKE", generate=True, parts=["F2", "M1"])
    elif status == "in_service":
        bench.sales.sell_items("Eva Berg", ["M1"])
        bench.service_desk.open_ticket("M1", "noisy")
    before = bench.lookup.passport("F1").status
    with pytest.raises(DomainError) as err:
        bench.assembly.assemble("EBIKE", generate=True, parts=["F1", "M1"])
    if status == "fitted":
        assert err.value.code == "part_fitted_elsewhere" and "EBIKE:VX000001" in err.value.message
    else:
        assert err.value.code.startswith("cannot_move_"), err.value.code
    assert bench.lookup.passport("F1").status == before == "in_stock"  # nothing half-done
    with pytest.raises(DomainError):
        bench.lookup.passport("VX000002")


def test_bad_part_lists_are_refused_in_the_users_words(bench: Services) -> None:
    a = bench.assembly
    with pytest.raises(DomainError, match="scanned twice") as err:
        a.assemble("EBIKE", generate=True, parts=["F1", "F1"])
    assert err.value.code == "part_scanned_twice"
    with pytest.raises(DomainError, match=r"not of a slot of E-bike city \(EBIKE\); it takes 1 × Frame") as err:
        a.assemble("EBIKE", generate=True, parts=["F1", "C1"])
    assert err.value.code == "part_of_other_kind"
    with pytest.raises(DomainError, match="Too many parts for the slot 1 × Frame 28 in") as err:
        a.assemble("EBIKE", generate=True, parts=["F1", "F2"])
    assert err.value.code == "slot_full"
    with pytest.raises(DomainError, match="Too many parts for the slot 2 × Cell"):
        a.assemble("PACK", "P9", parts=["C1", "C2", "C3"])
    with pytest.raises(DomainError) as err:
        a.assemble("FRAME-28", "F9", parts=["M1"])
    assert err.value.code == "no_slots"
    # The host's own serial as a part: a unit of the host's own product is never a part of it.
    _pack(bench, "P1", ["C1", "C2"])
    with pytest.raises(DomainError) as err:
        a.assemble("PACK", "P2", parts=["P1", "C3"])
    assert err.value.code == "part_cycle"
    with pytest.raises(DomainError, match=r"P1 of PACK is in stock .* cannot be built again"):
        a.assemble("PACK", "P1", parts=["C3", "C4"])
    assert {bench.lookup.passport(c).status for c in ("F1", "F2", "C3", "C4")} == {"in_stock"}


def test_a_part_held_by_a_recall_is_refused_while_the_hold_stands(bench: Services) -> None:
    recall = bench.recalls.start_recall(RecallCriteria("CELL", serial_from="C1", serial_to="C1"), "Swelling")
    bench.recalls.resolve(recall.id, "C1", "cleared")  # type: ignore[arg-type]
    bench.stock_moves.release("C1", reason="inspected")
    bench.recalls.start_recall(RecallCriteria("CELL", serial_from="C2", serial_to="C2"), "Swelling")
    with pytest.raises(DomainError) as err:
        _pack(bench, "P1", ["C1", "C2"])
    assert err.value.code.startswith("cannot_move_quarantined") or err.value.code == "recall_hold"
    _pack(bench, "P1", ["C1", "C3"])


def test_a_recall_of_a_cell_lot_holds_the_bike_in_stock_and_names_the_owner_of_a_sold_one(bench: Services) -> None:
    _pack(bench, "P1", ["C1", "C2"])
    _pack(bench, "P2", ["C3", "C4"])
    bench.assembly.assemble("EBIKE", generate=True, parts=["F1", "M1", "P1"])
    bench.assembly.assemble("EBIKE", generate=True, parts=["F2", "M2", "P2"])
    bench.sales.sell_items("Eva Berg", ["VX000002"])
    preview = bench.recalls.find_affected(RecallCriteria("CELL", lots=("25B04",)))
    by = {u.serial: u for u in preview.units}
    assert [h.label for h in by["C1"].within] == ["PACK:P1", "EBIKE:VX000001"]
    assert by["C1"].customer is None and by["C1"].host.status == "in_stock"  # type: ignore[union-attr]
    assert by["C3"].customer is not None and by["C3"].customer.name == "Eva Berg"
    assert by["C3"].host is not None and by["C3"].host.label == "EBIKE:VX000002"
    view = bench.recalls.start_recall(RecallCriteria("CELL", lots=("25B04",)), "Swelling")
    assert bench.lookup.passport("VX000001").status == "quarantined"
    assert bench.lookup.passport("VX000002").status == "recalled"
    with pytest.raises(DomainError, match=r"VX000001 contains CELL:C[12], which is on open recall RC-0001") as err:
        bench.stock_moves.release("VX000001", reason="looks fine")
    assert err.value.code == "recall_hold"
    with pytest.raises(DomainError, match="take it out first"):
        bench.recalls.resolve(view.id, "C1", "scrapped")  # type: ignore[arg-type]
    lines = bench.assembly.where_used(sku="CELL", lot="25B04")
    outer = {ln.part.serial: (ln.outermost.label if ln.outermost else None, ln.customer.name if ln.customer else None)
             for ln in lines}
    assert outer["C1"] == ("EBIKE:VX000001", None) and outer["C3"] == ("EBIKE:VX000002", "Eva Berg")
    assert outer["C5"] == (None, None)


def test_disassembly_puts_parts_back_and_a_recalled_part_into_quarantine(bench: Services) -> None:
    _pack(bench, "P1", ["C1", "C2"])
    bike = bench.assembly.assemble("EBIKE", generate=True, parts=["F1", "M1", "P1"])
    bench.recalls.start_recall(RecallCriteria("MOT-250", serial_from="M1", serial_to="M1"), "Bearing")
    assert bench.lookup.passport(bike.host.serial).status == "quarantined"
    view = bench.assembly.disassemble(bike.host.serial)
    assert "MOT-250:M1 went to quarantine" in (view.note or "")
    assert bench.lookup.passport("F1").status == "in_stock" and bench.lookup.passport("P1").status == "in_stock"
    assert bench.lookup.passport("M1").status == "quarantined"
    assert bench.lookup.passport(bike.host.serial).status == "scrapped"
    assert bench.assembly.components("P1").parts[0].unit.label == "CELL:C1"  # the pack stays built
    history = bench.assembly.components("F1").history
    assert [(h.host.label, h.removed_via) for h in history] == [(bike.host.label, "disassembly")]
    again = bench.assembly.assemble("EBIKE", generate=True, parts=["F1", "P1"])
    assert again.note and "Motor" in again.note


def test_a_sold_unit_is_taken_apart_only_through_a_ticket(bench: Services) -> None:
    bike = bench.assembly.assemble("EBIKE", generate=True, parts=["F1", "M1"])
    bench.sales.sell_items("Eva Berg", [bike.host.serial])
    with pytest.raises(DomainError, match="only through a service ticket") as err:
        bench.assembly.disassemble(bike.host.serial)
    assert err.value.code == "disassemble_sold"
    with pytest.raises(DomainError, match="fitted in EBIKE"):
        bench.assembly.disassemble("M1")


def test_a_swap_of_a_part_for_itself_or_for_the_unit_says_what_is_wrong(bikes: Services) -> None:
    ticket = _swap_into_evas_bike(bikes)
    with pytest.raises(DomainError, match="BP0103 is the part being taken out; scan the new part") as same:
        bikes.service_desk.swap_part(ticket, out="BP0103", into="BP0103")
    assert same.value.code == "bad_swap"
    with pytest.raises(DomainError, match=r"E-bike city \(EBIKE\) is not a part of E-bike city"):
        bikes.service_desk.swap_part(ticket, out="BP0103", into="VX25030001")  # the unit itself: not a part
