"""A part fitted in a unit leaves it only by a disassembly or a ticket's swap, on SQLite and PostgreSQL: it cannot
be quarantined, scrapped (and then released and sold) on its own while the unit still lists it; a disassembled
unit's parts come out where the unit stands; its history says where they went; `check` finds a part loose while
a unit lists it; recall and where-used name a unit's place."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from serialdesk.bootstrap import App, Services
from serialdesk.db.health import integrity_problems
from serialdesk.domain.errors import DomainError
from serialdesk.services.dto import RecallCriteria
from serialdesk.services.locations import LocationService


@pytest.fixture
def packs(shop: Services) -> Services:
    c = shop.catalogue
    c.add_product("CELL", "Cell 21700", cost="5.00", price="10.00")
    c.add_product("PACK", "Battery pack", cost="50.00", price="100.00")
    c.set_part("PACK", "CELL", count=2)
    shop.receiving.receive_units(supplier="Makita Europe", sku="CELL", serials=[f"C{n}" for n in range(1, 7)],
                                 lot="L1")
    shop.assembly.assemble("PACK", "PK1", parts=["C1", "C2"])
    return shop


@pytest.mark.parametrize("move", ["quarantine", "scrap"])
def test_a_fitted_part_is_not_set_aside_or_written_off_on_its_own(packs: Services, move: str) -> None:
    with pytest.raises(DomainError, match=r"fitted in PACK:PK1.*disassemble PACK:PK1") as refused:
        getattr(packs.stock_moves, move)("C1", "looks damaged")
    assert refused.value.code == "part_fitted"
    assert packs.lookup.passport("C1").status == "fitted"
    assert [p.unit.serial for p in packs.assembly.components("PK1").parts] == ["C1", "C2"]
    with pytest.raises(DomainError):
        packs.sales.sell_items("Jane Smith", ["C1"])


def test_check_finds_a_part_loose_while_a_unit_still_lists_it(packs: Services, app: App) -> None:
    assert integrity_problems(app.engine) == []
    with app.engine.begin() as conn:  # as the old quarantine/release let it happen
        conn.execute(text("UPDATE items SET status = 'in_stock' WHERE serial = 'C1'"))
        conn.execute(text("UPDATE items SET status = 'fitted' WHERE serial = 'C3'"))
    found = [p for p in integrity_problems(app.engine) if p.startswith("parts:")]
    assert found == ["parts: unit C1 is in stock but still listed as fitted in PK1",
                     "parts: unit C3 is fitted but sits in no unit"]


def test_a_disassembled_units_parts_come_out_where_it_stands(packs: Services, app: App) -> None:
    LocationService(app.uows, packs.actor, app.clock).add_location("Back store")
    LocationService(app.uows, packs.actor, app.clock).move(["PK1"], "Back store")
    packs.assembly.disassemble("PK1")
    for serial in ("C1", "C2"):
        part = packs.lookup.passport(serial)
        assert (part.status, part.location) == ("in_stock", "Back store")
        assert part.journey[-1].location == "Back store" and part.journey[-1].how == "part_taken_out"
    assert LocationService(app.uows, packs.actor, app.clock).move(["C1"], "Shop floor").units[0].from_location \
        == "Back store"
    assert integrity_problems(app.engine) == []


def test_the_history_says_where_a_recall_sent_the_parts_and_a_second_try_says_it_was_taken_apart(
        packs: Services) -> None:
    packs.assembly.assemble("PACK", "PK3", parts=["C5", "C6"])
    packs.recalls.start_recall(RecallCriteria("CELL", lots=("L1",)), "May overheat")
    done = packs.assembly.disassemble("PK3", to="stock")
    assert done.note is not None and "quarantine" in done.note
    taken_apart = next(e for e in packs.lookup.passport("PK3").events if e.kind == "disassembled")
    assert "back to quarantined (an open recall holds them)" in taken_apart.summary
    assert "in stock" not in taken_apart.summary
    with pytest.raises(DomainError, match=r"PACK:PK3 was already taken apart on BLD-\d{4}") as again:
        packs.assembly.disassemble("PK3")
    assert again.value.code == "already_disassembled"


def test_recall_and_where_used_name_the_place_of_a_unit_of_ours(packs: Services, app: App) -> None:
    LocationService(app.uows, packs.actor, app.clock).add_location("Back store")
    LocationService(app.uows, packs.actor, app.clock).move(["PK1", "C3"], "Back store")
    packs.sales.sell_items("Jane Smith", ["C4"])
    view = packs.recalls.find_affected(RecallCriteria("CELL", lots=("L1",)))
    by_serial = {u.serial: u for u in view.units}
    assert by_serial["C3"].location == "Back store"
    assert by_serial["C5"].location == "Shop floor"
    assert by_serial["C4"].location is None  # the customer has it
    assert by_serial["C1"].location is None  # inside the pack: the pack has a place
    assert by_serial["C1"].within[0].location == "Back store"
    lines = packs.assembly.where_used("C1")
    assert lines[0].outermost.location == "Back store"
