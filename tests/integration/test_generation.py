"""Generated serials on SQLite and PostgreSQL: patterns, sequences per lot, collisions, exhaustion, races."""

from __future__ import annotations

import multiprocessing as mp
from typing import Any

import pytest

from serialdesk.bootstrap import App, Services
from serialdesk.config import Settings
from serialdesk.domain.errors import DomainError
from serialdesk.domain.serials import SerialPattern

PATTERN = "{LOT}-{SEQ:5}{CHK:luhn}"


@pytest.fixture
def bikes(shop: Services) -> Services:
    shop.catalogue.add_product("BIKE-28", "City bike 28", serial_source="generated", serial_pattern=PATTERN,
                               warranty_months=24)
    return shop


def test_generated_serials_follow_the_pattern_and_are_marked_generated(bikes: Services) -> None:
    receipt = bikes.receiving.receive_units(supplier="Makita Europe", sku="BIKE-28", lot="L2406A", generate=3)
    pattern = SerialPattern.parse(PATTERN)
    expected = [pattern.render(n, lot="L2406A") for n in (1, 2, 3)]
    assert [u.serial for u in receipt.units] == expected
    assert all(u.serial_source == "generated" for u in receipt.units)
    passport = bikes.lookup.passport(expected[0])
    assert passport.serial_source == "generated" and passport.lot == "L2406A" and passport.status == "in_stock"


def test_the_sequence_continues_per_lot_across_receipts(bikes: Services) -> None:
    bikes.receiving.receive_units(supplier="Makita Europe", sku="BIKE-28", lot="L1", generate=2)
    more = bikes.receiving.receive_units(supplier="Makita Europe", sku="BIKE-28", lot="L1", generate=2)
    other = bikes.receiving.receive_units(supplier="Makita Europe", sku="BIKE-28", lot="L2", generate=1)
    read = SerialPattern.parse(PATTERN).read
    assert [read(u.serial).sequence for u in more.units] == [3, 4]
    assert [read(u.serial).sequence for u in other.units] == [1]


def test_a_serial_that_already_exists_is_skipped_not_an_error(shop: Services) -> None:
    shop.catalogue.add_product("TOOL", "Tool", serial_source="either", serial_pattern="T{SEQ:3}")
    shop.receiving.receive_units(supplier="Makita Europe", sku="TOOL", serials=["T002"])  # a supplier serial
    made = shop.receiving.receive_units(supplier="Makita Europe", sku="TOOL", generate=3)
    assert [u.serial for u in made.units] == ["T001", "T003", "T004"]


def test_an_exhausted_sequence_is_refused_before_anything_is_saved(shop: Services) -> None:
    shop.catalogue.add_product("TINY", "Tiny", serial_source="generated", serial_pattern="X{SEQ:1}")
    shop.receiving.receive_units(supplier="Makita Europe", sku="TINY", generate=8)
    with pytest.raises(DomainError, match="sequence is used up") as err:
        shop.receiving.receive_units(supplier="Makita Europe", sku="TINY", generate=2)
    assert err.value.code == "sequence_exhausted"
    assert shop.reports.stock().total_units == 8
    assert [u.serial for u in shop.receiving.receive_units(supplier="Makita Europe", sku="TINY",
                                                            generate=1).units] == ["X9"]


def test_a_mistyped_generated_serial_is_caught_by_its_check_digit(bikes: Services) -> None:
    good = bikes.receiving.receive_units(supplier="Makita Europe", sku="BIKE-28", lot="L1", generate=1).units[0].serial
    typo = good[:-1] + str((int(good[-1]) + 1) % 10)
    draft = bikes.receiving.open_receipt()
    with pytest.raises(DomainError) as err:
        bikes.receiving.add_scan(draft.id, "BIKE-28", typo)
    assert err.value.code == "serial_check_digit" and typo in err.value.message
    with pytest.raises(DomainError, match="fails its check digit"):
        bikes.sales.sell_items("Jane Smith", [typo])


def test_generating_onto_a_draft_then_posting(bikes: Services) -> None:
    draft = bikes.receiving.open_receipt("Makita Europe")
    view = bikes.receiving.add_generated(draft.id, "BIKE-28", 2, lot="L9")
    assert view.count == 2 and all(u.serial.startswith("L9-") for u in view.units)
    bikes.receiving.post_receipt(draft.id)
    kinds = [e.kind for e in bikes.lookup.passport(view.units[0].serial).events]
    assert kinds == ["generated", "received"]


def test_a_product_with_supplier_serials_cannot_generate(shop: Services) -> None:
    with pytest.raises(DomainError, match="no serial pattern"):
        shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", generate=1)


def _generate(db_url: str, barrier: Any, results: Any) -> None:
    app = App(Settings(db_url=db_url, user="admin", station="s"))
    try:
        services = app.services(app.actor())
        barrier.wait(timeout=60)
        for _ in range(3):
            receipt = services.receiving.receive_units(supplier="Makita Europe", sku="BIKE-28", lot="L1", generate=25)
            results.put([u.serial for u in receipt.units])
    except Exception as exc:  # the test shows any failure
        results.put(f"{type(exc).__name__}: {exc}")
    finally:
        app.close()


@pytest.mark.slow
def test_eight_processes_generating_at_once_never_get_the_same_number(bikes: Services, db_url: str) -> None:
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(8), ctx.Queue()
    procs = [ctx.Process(target=_generate, args=(db_url, barrier, results)) for _ in range(8)]
    for p in procs:
        p.start()
    batches = [results.get(timeout=180) for _ in range(8 * 3)]
    for p in procs:
        p.join(timeout=60)
    failures = [b for b in batches if isinstance(b, str)]
    assert failures == []
    serials = [s for batch in batches for s in batch]
    assert len(serials) == len(set(serials)) == 600
    read = SerialPattern.parse(PATTERN).read
    assert sorted(read(s).sequence for s in serials) == list(range(1, 601))
