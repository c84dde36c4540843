"""A sale line keeps its unit's product, supplier and cost (services.sale_copies), so revenue reads a month of sale
lines without a probe per line into a million units (issue 17's 100 ms on PostgreSQL). Every way a line is written
keeps the copy; check names a line whose copy differs from its unit and rebuild-summaries puts it right; the
migration fills the copies of an existing shop's sales; and the report no longer reads ``items`` at all."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import event, select, update
from sqlalchemy.orm import Session

from serialdesk.bootstrap import App, Services
from serialdesk.db.models import Item, SaleLine

COPY = (SaleLine.product_id, SaleLine.supplier_id, SaleLine.unit_cost)
UNIT = (Item.product_id, Item.supplier_id, Item.cost)


def copies(app: App) -> dict[int, tuple[tuple[object, ...], tuple[object, ...]]]:
    """Each sale line: (its copy, its unit's figures)."""
    with Session(app.engine) as s:
        rows = s.execute(select(SaleLine.id, *COPY, *UNIT).join(Item, Item.id == SaleLine.item_id)).all()
    return {r[0]: (tuple(r[1:4]), tuple(r[4:7])) for r in rows}


def _sold(shop: Services) -> None:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["C1", "C2", "C3"])
    shop.sales.sell_items("Jane Smith", ["C1", "C2"])
    shop.sales.return_item("C2", to="stock", reason="does not fit")
    shop.sales.sell_items("Jane Smith", ["C2"])


def test_every_sale_line_carries_its_units_product_supplier_and_cost(shop: Services, app: App) -> None:
    _sold(shop)
    lines = copies(app)
    assert len(lines) == 3
    assert all(copy == unit and copy[0] is not None and copy[1] is not None for copy, unit in lines.values())
    assert {copy[2] for copy, _ in lines.values()} == {Decimal("80.00")}


def test_check_names_a_line_whose_copy_differs_and_rebuild_puts_it_right(shop: Services, app: App) -> None:
    _sold(shop)
    with Session(app.engine) as s, s.begin():
        first = s.scalar(select(SaleLine.id).order_by(SaleLine.id))
        s.execute(update(SaleLine).where(SaleLine.id == first).values(unit_cost=Decimal("1.00")))
    problems = [p for p in shop.maintenance.check() if "sale line" in p]
    assert problems == [f"summaries: sale line {first} of sale 1 (DRL-18V:C1) does not carry its unit's product, "
                        "supplier and cost — run `serialdesk rebuild-summaries`"]
    shop.maintenance.rebuild_summaries()
    assert shop.maintenance.check() == []
    assert all(copy == unit for copy, unit in copies(app).values())


def test_the_migration_fills_the_copies_of_the_sales_made_before_it(shop: Services, app: App) -> None:
    from serialdesk.db.migrate import downgrade, upgrade

    _sold(shop)
    downgrade(app.engine, "0014")
    upgrade(app.engine)
    lines = copies(app)
    assert len(lines) == 3 and all(copy == unit for copy, unit in lines.values())
    assert shop.maintenance.check() == []


def test_revenue_reads_the_sale_lines_without_the_units(shop: Services, app: App) -> None:
    _sold(shop)
    seen: list[str] = []

    def keep(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        seen.append(" ".join(statement.split()).upper())

    for by in ("product", "supplier", "day"):
        event.listen(app.engine, "before_cursor_execute", keep)
        try:
            report = shop.revenue.revenue(by=by)
        finally:
            event.remove(app.engine, "before_cursor_execute", keep)
        assert (report.total.units_sold, report.total.units_returned) == (3, 1)
        assert report.total.revenue == report.total.gross_revenue - report.total.returns
        assert report.total.cost == Decimal("160.00")  # 3 sold at 80.00, one back on the shelf
    assert seen and not [s for s in seen if " ITEMS " in s or "ITEMS." in s], seen
