"""The bulk-built benchmark shop (bench/) is what the real services would have written, on SQLite and PostgreSQL.

`make bench` times the services against a 1M-unit shop loaded with raw INSERTs/COPY; these checks, on a small shop
of the same shape, make sure those timings are of a database the app could really have: the migrated schema
unchanged, a ledger whose status moves add up to today's stock, passports, recalls and generated-serial sequences
that work, and ids that carry on after the load.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select

from bench.build import build_shop
from bench.catalogue import GENERATED_PATTERN
from bench.shop import ShopShape
from serialdesk.bootstrap import App, Services
from serialdesk.db.models import Base, Customer, Item, Lot, Product, Sale, SaleLine
from serialdesk.domain.serials import SerialPattern
from serialdesk.services.dto import RecallCriteria

SHAPE = ShopShape(items=4000, lot_size=40)
HISTORY_ENDS = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)  # the test clock reads 10:00 that day


@pytest.fixture
def built(db_url: str, app: App) -> Services:
    counts = build_shop(db_url, SHAPE, HISTORY_ENDS)
    assert counts["items"] == SHAPE.items and counts["customers"] == SHAPE.customers
    return app.services(app.actor("admin"))


def test_the_load_leaves_the_migrated_schema_exactly_as_it_was(built: Services, app: App) -> None:
    with app.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_about_sixty_percent_of_the_units_are_sold_to_the_customers(built: Services, app: App) -> None:
    with app.engine.connect() as conn:
        lines = conn.scalar(select(func.count(SaleLine.id))) or 0
        buyers = conn.scalar(select(func.count(func.distinct(Sale.customer_id)))) or 0
        customers = conn.scalar(select(func.count(Customer.id)))
    assert 0.5 * SHAPE.items < lines < 0.7 * SHAPE.items
    assert customers == SHAPE.customers and buyers > 0.8 * SHAPE.customers


def test_the_ledger_adds_up_to_the_stock_on_the_shelves(built: Services, app: App) -> None:
    """The turnover report rebuilds stock value from the events' status moves alone."""
    with app.engine.connect() as conn:
        on_shelf = conn.scalar(select(func.sum(Item.cost)).where(Item.status == "in_stock"))
        by_status = dict(conn.execute(select(Item.status, func.count(Item.id)).group_by(Item.status)).all())
    report = built.reports.turnover()
    assert report.closing_value == Decimal(str(on_shelf)).quantize(Decimal("0.01"))
    assert report.cogs > 0
    assert built.reports.stock().by_status == by_status


def test_a_sold_unit_has_its_whole_history_in_the_passport(built: Services, app: App) -> None:
    with app.engine.connect() as conn:
        serial, warranty_until = conn.execute(
            select(Item.serial, SaleLine.warranty_until).join(SaleLine, SaleLine.item_id == Item.id)
            .where(Item.status == "sold").order_by(Item.id).limit(1)).one()
    passport = built.lookup.passport(serial)
    kinds = [e.kind for e in passport.events]
    assert kinds in (["received", "sold"], ["scanned", "received", "sold"])
    assert passport.customer is not None and passport.sale is not None and passport.supplier is not None
    assert passport.lot is not None and passport.warranty_until is not None
    assert passport.warranty_until.date() == warranty_until.date()


def test_a_recall_by_lot_finds_every_unit_of_the_lot(built: Services, app: App) -> None:
    with app.engine.connect() as conn:
        sku, code, units = conn.execute(
            select(Product.sku, Lot.code, func.count(Item.id)).join(Lot, Lot.product_id == Product.id)
            .join(Item, Item.lot_id == Lot.id).group_by(Product.sku, Lot.code).order_by(Lot.code).limit(1)).one()
    found = built.recalls.find_affected(RecallCriteria(sku, lots=(code,)))
    assert found.counts["total"] == units
    assert found.counts["customers"] > 0


def test_generated_serials_check_out_and_their_sequence_carries_on(built: Services, app: App) -> None:
    with app.engine.connect() as conn:
        sku, code, serial = conn.execute(
            select(Product.sku, Lot.code, Item.serial).join(Item, Item.product_id == Product.id)
            .join(Lot, Lot.id == Item.lot_id).where(Product.serial_source == "generated")
            .order_by(Item.id.desc()).limit(1)).one()
    assert built.scans.classify(serial, sku).serial == serial  # the check digit is right
    draft = built.receiving.open_receipt("Refurb Partners")
    more = built.receiving.add_generated(draft.id, sku, 2, lot=code)
    assert [u.serial for u in more.units] == [_next(serial, 1), _next(serial, 2)]


def _next(serial: str, step: int) -> str:
    """L2602A-00042-7 → the serial of sequence number 42 + step in the same lot (the check digit recomputed)."""
    lot, seq, _ = serial.split("-")
    return SerialPattern.parse(GENERATED_PATTERN).render(int(seq) + step, lot=lot)


def test_the_services_carry_on_after_the_load(built: Services) -> None:
    """New rows get fresh ids (PostgreSQL's sequences were moved past the loaded rows)."""
    received = built.receiving.receive_units(supplier="Makita Europe", sku="DRL-BASIC", serials=["NEW-1", "NEW-2"],
                                             lot="LNEW")
    sale = built.sales.sell_items("C-0001", ["NEW-1"])
    draft = built.receiving.open_receipt("Makita Europe")
    scan = built.receiving.add_scan(draft.id, "DRL-BASIC", "NEW-3")
    assert received.status == "posted" and scan.unit.serial == "NEW-3"
    assert built.lookup.passport("NEW-1").sale == sale.number
