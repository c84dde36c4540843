"""The assembly bench workflow (no Qt): choose the product, scan the serial and the parts, see the slots fill,
refusals in the clerk's words, undo, build in one service call."""

from __future__ import annotations

from decimal import Decimal

import pytest

from serialdesk.bootstrap import Services
from serialdesk.domain.errors import DomainError
from serialdesk.services.dto import RecallCriteria
from serialdesk.workflows.assembly import AssemblySession


@pytest.fixture
def bench(shop: Services, clock) -> Services:  # type: ignore[no-untyped-def]
    c = shop.catalogue
    c.add_product("EBIKE", "E-bike city", price="1999.00", warranty_months=24)
    c.add_product("FRAME-28", "Frame 28 in", cost="200.00")
    c.add_product("MOT-250", "Motor 250 W", cost="150.00")
    c.add_product("BAT-500", "Battery 500 Wh", cost="180.00")
    for part in ("FRAME-28", "MOT-250", "BAT-500"):
        c.set_part("EBIKE", part)
    r = shop.receiving
    r.receive_units(supplier="Makita Europe", sku="FRAME-28", serials=["FR001", "FR002"])
    r.receive_units(supplier="Makita Europe", sku="MOT-250", serials=["MO001", "MO002"])
    r.receive_units(supplier="Makita Europe", sku="BAT-500", serials=["BP0103", "BP0104", "BP0105"], lot="25B04")
    return shop


def test_slots_fill_scan_by_scan_and_the_build_is_one_call(bench: Services) -> None:
    bench_ = AssemblySession(bench)
    first = bench_.scan("EBIKE")
    assert first.tone == "info" and "1 × Battery 500 Wh (BAT-500)" in first.message
    assert [(f.sku, f.filled) for f in bench_.slots] == [("BAT-500", 0), ("FRAME-28", 0), ("MOT-250", 0)]
    assert bench_.scan("VX25030001").message.startswith("✓ VX25030001 is the new E-bike city's serial")
    out = bench_.scan("FR001")
    assert out.tone == "good" and "fills the slot 1 × Frame 28 in (FRAME-28)" in out.message
    assert "Still missing: 1 × Battery 500 Wh (BAT-500)" in out.message and "1 × Motor 250 W (MOT-250)" in out.message
    bench_.scan("MOT-250:MO001")
    bat = bench_.scan("BP0103")
    assert "Every slot is filled" in bat.message
    assert bench_.parts[-1].lot == "25B04" and bench_.parts[-1].supplier == "Makita Europe"
    assert all(f.filled == f.count for f in bench_.slots)
    built = bench_.build()
    assert built.tone == "good" and "EBIKE:VX25030001" in built.message
    tree = bench.assembly.components("VX25030001")
    assert sorted(p.unit.serial for p in tree.parts) == ["BP0103", "FR001", "MO001"]
    assert bench_.parts == [] and bench_.host is None and bench_.sku == "EBIKE"


def test_refusals_in_the_clerks_words(bench: Services) -> None:
    s = AssemblySession(bench)
    assert "Choose the product to build" in s.scan("FR001").message
    assert "declares no slots" in s.scan("FRAME-28").message
    s.scan("EBIKE")
    s.scan("VX1")
    s.scan("FR001")
    full = s.scan("FR002")
    assert full.tone == "bad" and "Too many parts for the slot 1 × Frame 28 in (FRAME-28)" in full.message
    twice = s.scan("FR001")
    assert twice.tone == "bad" and "scanned twice" in twice.message
    unknown = s.scan("NOPE-404")
    assert unknown.tone == "bad" and "NOPE-404" in unknown.message
    s.scan("MO001")
    s.scan("BP0103")
    s.build()
    # A part fitted elsewhere names its host; a wrong product names the slots.
    s.scan("VX2")
    fitted = s.scan("BP0103")
    assert fitted.tone == "bad" and "already fitted in EBIKE:VX1" in fitted.message
    bench.catalogue.add_product("SADDLE", "Saddle")
    bench.receiving.receive_units(supplier="Makita Europe", sku="SADDLE", serials=["SA1"])
    wrong = s.scan("SA1")
    assert wrong.tone == "bad" and "not of a slot of E-bike city (EBIKE)" in wrong.message
    assert "1 × Battery 500 Wh (BAT-500)" in wrong.message
    # A unit of the host's own product is a cycle.
    cycle = s.scan("EBIKE:VX1")
    assert cycle.tone == "bad" and "E-bike city itself" in cycle.message
    # A held part is refused while the recall stands.
    bench.recalls.start_recall(RecallCriteria("BAT-500", lots=("25B04",)), "Cells may overheat")
    held = s.scan("BP0104")
    assert held.tone == "bad" and "recall" in held.message
    assert s.parts == []


def test_undo_takes_back_the_last_part_then_the_serial(bench: Services) -> None:
    s = AssemblySession(bench)
    s.scan("EBIKE")
    s.scan("VX9")
    s.scan("FR001")
    assert s.undo().message.startswith("FRAME-28:FR001 taken off")
    assert s.slots[1].filled == 0
    assert "Serial VX9 taken back" in s.undo().message
    with pytest.raises(DomainError, match="Nothing to undo"):
        s.undo()
    # The serial scanned again after undo; an existing serial of the host product is refused.
    s.scan("VX9")
    s.scan("FR001")
    s.scan("MO001")
    s.build()
    s.scan("VX9")
    assert s.host is None
    assert s.scan("FR002").tone == "good"  # taken as a part: VX9 was refused as the serial
    with pytest.raises(DomainError, match="serial"):
        s.build()


def test_a_technician_builds_at_the_bench_a_counter_clerk_may_not(  # type: ignore[no-untyped-def]
    bench: Services, as_user
) -> None:
    tech = as_user("tina", "technician")
    s = AssemblySession(tech)
    s.scan("EBIKE")
    s.scan("VX7")
    assert s.scan("FR001").tone == "good"
    assert s.build(labour="25.00").tone == "good"
    assert s.last_build is not None and s.last_build.cost == Decimal("225.00")
    assert tech.assembly.components("VX7").build is not None
    counter = AssemblySession(as_user("carl", "counter"))
    refused = counter.scan("EBIKE")
    assert refused.tone == "bad" and "may not build units from parts" in refused.message
