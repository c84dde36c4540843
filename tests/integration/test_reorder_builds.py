"""Reorder advice for a shop that builds (issues 14 and 17), on a SQLite file and on PostgreSQL: parts used in
builds are demand as sales are, and a unit built here from its parts is built, not bought — never on a draft PO."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from serialdesk.bootstrap import Services

TODAY = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)  # the clock fixture's now


def day(n: int, hour: int) -> datetime:
    return (TODAY - timedelta(days=n)).replace(hour=hour, minute=0)


@pytest.fixture
def workshop(shop: Services) -> Services:
    """Cells bought from Cell Co (200, 100 days ago); every day of the last 90 a pack is built from 2 cells and
    sold, except on the last two days: 20 cells and 2 packs are left."""
    c = shop.catalogue
    c.add_supplier("Cell Co")
    c.add_product("CELL", "Cell 21700", cost="5.00", price="10.00")
    c.add_product("PACK", "Battery pack", price="120.00")
    c.set_part("PACK", "CELL", count=2)
    cells = iter(f"C{n:04d}" for n in range(200))
    shop.receiving.receive_units(supplier="Cell Co", sku="CELL", serials=[f"C{n:04d}" for n in range(200)],
                                 at=day(100, 9))
    for n in range(89, -1, -1):
        shop.assembly.assemble("PACK", f"PK{n:03d}", parts=[next(cells), next(cells)], at=day(n, 8))
        if n > 1:
            shop.sales.sell_items("Jane Smith", [f"PACK:PK{n:03d}"], at=day(n, 9))
    return shop


def test_parts_used_in_builds_are_demand_and_a_part_running_out_is_reordered(workshop: Services) -> None:
    cell = next(ln for ln in workshop.reorder.advice().lines if ln.sku == "CELL")
    assert (cell.on_hand, cell.sold_30, cell.sold_90, cell.used_30, cell.used_90) == (20, 0, 0, 60, 180)
    assert (cell.daily_demand, cell.trend, cell.built_here) == (Decimal("2.00"), "steady", False)
    assert cell.flag == "reorder" and cell.suggested_qty > 0  # not "slow mover: do not reorder"
    assert cell.advice.startswith(f"order {cell.suggested_qty} now") and cell.supplier == "Cell Co"


def test_a_unit_built_here_is_advised_to_be_built_and_left_off_the_draft_orders(workshop: Services) -> None:
    pack = next(ln for ln in workshop.reorder.advice().lines if ln.sku == "PACK")
    assert (pack.on_hand, pack.sold_90, pack.used_90, pack.supplier, pack.built_here) == (2, 88, 0, None, True)
    assert pack.flag == "reorder" and pack.suggested_qty > 0
    assert pack.advice.startswith(f"build {pack.suggested_qty} now (built here from its parts)")
    drafts = workshop.reorder.draft_orders()
    assert [(o.supplier, [sku for sku, _ in o.lines]) for o in drafts.orders] == [("Cell Co", ["CELL"])]
    assert drafts.skipped == (f"PACK ({pack.suggested_qty}): built here — assemble it from its parts",)
