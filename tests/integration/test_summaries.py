"""The daily summaries beside the ledger (issue 17): kept in the same transaction as every event, on a SQLite file
and on PostgreSQL; `serialdesk check` catches a summary that disagrees; rebuild puts it right; two stations at
once lose nothing; supplier quality counts parts swapped out under warranty (issue 14)."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from serialdesk.bootstrap import App, Services
from serialdesk.config import Settings
from serialdesk.db.models import DailySummary, Item, Product, StockAge
from serialdesk.domain.errors import DomainError
from serialdesk.services import summaries
from serialdesk.services.purchasing import PurchasingService
from tests.conftest import Clock

DRL = "DRL-18V"  # cost 80.00, price 129.90


def at(month: int, day: int, hour: int = 12) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


def kept(app: App) -> dict[date, tuple[int, int, int, int, int, Decimal, Decimal, Decimal]]:
    with Session(app.engine) as s:
        rows = s.execute(select(DailySummary).join(Product, Product.id == DailySummary.product_id)
                         .where(Product.sku == DRL)).scalars().all()
        return {r.day: (r.units_in, r.units_out, r.units_sold, r.units_returned, r.units_scrapped,
                        money(r.value_delta), money(r.cogs), money(r.revenue)) for r in rows}


def money(value: Any) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def mismatches(app: App) -> list[str]:
    with Session(app.engine) as s:
        return summaries.mismatches(s)


@pytest.fixture
def books(shop: Services, clock: Clock) -> Services:
    clock.now = at(3, 1)
    shop.receiving.receive_units(supplier="Makita Europe", sku=DRL, serials=["A1", "A2", "A3", "A4"], at=at(2, 1))
    shop.sales.sell_items("Jane Smith", ["A1", "A2"], at=at(2, 3), prices=["100.00", None])
    shop.sales.return_item("A1", to="stock", reason="unopened", at=at(2, 5))
    shop.sales.return_item("A2", to="scrap", reason="dropped", at=at(2, 5, 15))
    return shop


def test_every_move_is_in_its_days_summary_as_it_is_saved(books: Services, app: App) -> None:
    assert kept(app) == {
        date(2026, 2, 1): (4, 0, 0, 0, 0, Decimal("320.00"), Decimal("0.00"), Decimal("0.00")),
        date(2026, 2, 3): (0, 2, 2, 0, 0, Decimal("-160.00"), Decimal("160.00"), Decimal("229.90")),
        date(2026, 2, 5): (1, 0, 0, 2, 1, Decimal("80.00"), Decimal("-80.00"), Decimal("-229.90")),
    }
    assert mismatches(app) == []
    with Session(app.engine) as s:
        ages = {(r.day, r.units, money(r.value)) for r in s.scalars(select(StockAge)) if r.units}
        pid = s.scalar(select(Product.id).where(Product.sku == DRL))
        sold = summaries.units_sold_per_day(s, date(2026, 2, 1), date(2026, 2, 28), [pid])
    # A3, A4 since 1 Feb; A1 back in stock since 5 Feb (its age starts again).
    assert ages == {(date(2026, 2, 1), 2, Decimal("160.00")), (date(2026, 2, 5), 1, Decimal("80.00"))}
    assert sold == [(pid, date(2026, 2, 3), 2, 0), (pid, date(2026, 2, 5), 0, 2)]


def test_a_back_dated_sale_changes_only_the_day_it_falls_on(books: Services, app: App) -> None:
    before = kept(app)
    books.sales.sell_items("Jane Smith", ["A3"], at=at(2, 20))  # after A3's last move: allowed
    after = kept(app)
    assert after.pop(date(2026, 2, 20)) == (0, 1, 1, 0, 0, Decimal("-80.00"), Decimal("80.00"), Decimal("129.90"))
    assert after == before
    assert mismatches(app) == []


def test_a_refused_action_leaves_the_summaries_as_they_were(books: Services, app: App) -> None:
    before = kept(app)
    with pytest.raises(DomainError):
        books.sales.sell_items("Jane Smith", ["A4", "A2"])  # A2 was scrapped: the whole sale is refused
    assert kept(app) == before


def test_check_names_a_summary_that_disagrees_with_the_ledger_and_rebuild_puts_it_right(
        books: Services, app: App) -> None:
    with Session(app.engine) as s, s.begin():
        s.execute(update(DailySummary).where(DailySummary.day == date(2026, 2, 3)).values(units_sold=5))
    problems = books.maintenance.check()
    assert problems == [
        "summaries: DRL-18V on 3 Feb 2026: the daily summary says out 2, sold 5, value delta -160.00, "
        "cogs 160.00, revenue 229.90, the ledger says out 2, sold 2, value delta -160.00, cogs 160.00, "
        "revenue 229.90 — run `serialdesk rebuild-summaries`"]
    assert books.maintenance.rebuild_summaries() > 0
    assert books.maintenance.check() == []


def test_check_names_a_missing_aging_row(books: Services, app: App) -> None:
    with Session(app.engine) as s, s.begin():
        s.execute(StockAge.__table__.delete().where(StockAge.day == date(2026, 2, 5)))
    assert [p for p in books.maintenance.check() if "aging" in p] == [
        "summaries: DRL-18V: the aging figures say nothing entered stock on 5 Feb 2026 and are still there, the "
        "units in stock say units 1, value 80.00 — run `serialdesk rebuild-summaries`"]


def test_a_purchase_orders_price_set_after_the_receipt_is_the_cost_summed(shop: Services, app: App) -> None:
    # Every path, including receiving against a PO (its cost is written after the units' events), agrees.
    buying = PurchasingService(app.uows, shop.actor, app.clock)
    buying.add_order("Makita Europe", [(DRL, 3, "61.50", None)])
    buying.receive("PO-0001", ["P1", "P2", "P3"])
    with Session(app.engine) as s:
        value = s.scalar(select(DailySummary.value_delta).where(DailySummary.day == date(2026, 3, 3)))
    assert money(value) == Decimal("184.50")  # 3 × the order's 61.50, not the product's 80.00
    shop.catalogue.add_product("SAW-190", "Circular saw", cost="50.00", price="99.00")
    shop.receiving.receive_units(supplier="Makita Europe", sku="SAW-190", serials=["S1", "S2"])
    shop.stock_moves.scrap("S1", "dropped")
    assert mismatches(app) == []


def _cli(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SERIALDESK_PIN": "1234", "SERIALDESK_DB": db_url}
    env.pop("SERIALDESK_USER", None)
    return subprocess.run([sys.executable, "-m", "serialdesk", *args], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=120)


def test_cli_check_reports_the_mismatch_and_rebuild_summaries_clears_it(books: Services, app: App,
                                                                         db_url: str) -> None:
    with Session(app.engine) as s, s.begin():
        s.execute(update(DailySummary).values(revenue=0))
    app.engine.dispose()
    bad = _cli(db_url, "check")
    assert bad.returncode == 3, bad.stderr
    assert "DRL-18V on 3 Feb 2026" in bad.stdout and "rebuild-summaries" in bad.stdout
    fixed = _cli(db_url, "rebuild-summaries", "--json")
    assert fixed.returncode == 0, fixed.stderr
    assert json.loads(fixed.stdout)["rows"] > 0
    good = _cli(db_url, "check")
    assert (good.returncode, good.stdout.strip()) == (0, "The database is healthy."), good.stderr


# ---- two stations at once ------------------------------------------------------------------------------------

SELLERS, UNITS_EACH = 4, 6


def _seller(db_url: str, serials: list[str], barrier: Any, results: Any) -> None:
    app = App(Settings(db_url=db_url, user="admin", station=f"till-{mp.current_process().pid}"))
    services = app.services(app.actor())
    try:
        for serial in serials:
            barrier.wait(timeout=60)
            services.sales.sell_items("Jane Smith", [serial])
            results.put("ok")
    except Exception as exc:  # the test must see it
        results.put(f"{type(exc).__name__}: {exc}")
    finally:
        app.close()


@pytest.mark.slow
def test_stations_selling_the_same_product_at_once_lose_no_summary_update(shop: Services, app: App,
                                                                          db_url: str) -> None:
    serials = [f"U{n:03d}" for n in range(SELLERS * UNITS_EACH)]
    shop.receiving.receive_units(supplier="Makita Europe", sku=DRL, serials=serials)
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(SELLERS), ctx.Queue()
    procs = [ctx.Process(target=_seller, args=(db_url, serials[n::SELLERS], barrier, results))
             for n in range(SELLERS)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=180) for _ in range(SELLERS * UNITS_EACH)]
    for p in procs:
        p.join(timeout=60)
    assert set(outcomes) == {"ok"}, outcomes
    with Session(app.engine) as s:
        sold = sum(s.scalars(select(DailySummary.units_sold)))
    assert sold == SELLERS * UNITS_EACH
    assert mismatches(app) == []


# ---- supplier quality: parts inside hosts (issue 14) ---------------------------------------------------------


def test_a_part_swapped_out_under_warranty_is_a_failure_of_its_lot_and_supplier(shop: Services, app: App) -> None:
    c = shop.catalogue
    c.add_product("EBIKE", "E-bike city", price="1999.00", warranty_months=24)
    c.add_product("BAT-500", "Battery 500 Wh", cost="200.00")
    c.add_supplier("CellCo")
    c.set_part("EBIKE", "BAT-500")
    shop.receiving.receive_units(supplier="CellCo", sku="BAT-500", lot="25B04", serials=["BP1", "BP2", "BP3"])
    shop.assembly.assemble("EBIKE", "VX1", parts=["BP1"])
    shop.sales.sell_items("Jane Smith", ["VX1"])
    ticket = shop.service_desk.open_ticket("VX1", "battery dies after 5 km")
    assert ticket.warranty_claim
    shop.service_desk.swap_part(ticket.id, out="BP1", into="BP2")
    # A paid repair's swap is no warranty failure.
    shop.assembly.assemble("EBIKE", "VX2", parts=["BP3"])
    shop.sales.sell_items("Jane Smith", ["VX2"])
    shop.receiving.receive_units(supplier="CellCo", sku="BAT-500", lot="25B05", serials=["BP4"])
    paid = shop.service_desk.open_ticket("VX2", "customer wants a new battery", warranty_claim=False)
    shop.service_desk.swap_part(paid.id, out="BP3", into="BP4")
    report = shop.reports.supplier_quality()
    lots = {(s.name, q.sku, q.lot): (q.received, q.repaired_under_warranty)
            for s in report.suppliers for q in s.lots}
    assert lots == {("CellCo", "BAT-500", "25B04"): (3, 1), ("CellCo", "BAT-500", "25B05"): (1, 0)}
    cellco = next(s for s in report.suppliers if s.name == "CellCo")
    assert cellco.repaired_under_warranty == 1 and cellco.warranty_repair_rate == Decimal("0.2500")
    assert mismatches(app) == []  # kept as the swap was saved, the same as worked out from the tickets


def test_a_unit_back_twice_counts_once_and_is_kept_as_each_event_is_saved(books: Services, app: App) -> None:
    from serialdesk.db.models import UnitBack

    books.sales.sell_items("Jane Smith", ["A1"])  # back in stock since 5 Feb; sold again, and back again
    books.sales.return_item("A1", to="stock", reason="wrong colour")
    books.sales.sell_items("Jane Smith", ["A3"])
    for _ in range(2):  # two warranty repairs of A3
        ticket = books.service_desk.open_ticket("A3", "stops after a minute")
        books.service_desk.close_ticket(ticket.id, "new switch")
    with Session(app.engine) as s:
        back = {s.get_one(Item, b.item_id).serial: (b.returned, b.repaired) for b in s.scalars(select(UnitBack))}
    assert back == {"A1": (1, 0), "A2": (1, 0), "A3": (0, 1)}
    (makita,) = books.reports.supplier_quality().suppliers
    assert (makita.received, makita.returned, makita.repaired_under_warranty) == (4, 2, 1)
    assert mismatches(app) == []


def test_check_names_a_unit_back_the_supplier_figures_miss(books: Services, app: App) -> None:
    from serialdesk.db.models import UnitBack

    with Session(app.engine) as s, s.begin():
        s.execute(delete(UnitBack).where(UnitBack.item_id == s.scalar(select(Item.id).where(Item.serial == "A2"))))
    assert [p for p in books.maintenance.check() if "A2" in p] == [
        "summaries: A2: the supplier figures say never came back, its returns and warranty tickets say returned — "
        "run `serialdesk rebuild-summaries`"]
    books.maintenance.rebuild_summaries()
    assert books.maintenance.check() == []


# ---- the migration fills them from the ledger as it stands -------------------------------------------------


def test_the_migration_fills_the_summaries_from_an_existing_ledger(books: Services, app: App) -> None:
    from serialdesk.db.migrate import downgrade, upgrade

    before = kept(app)
    downgrade(app.engine, "0007")  # the shop as it was before summaries: its ledger only
    upgrade(app.engine)
    assert kept(app) == before
    assert mismatches(app) == []


def test_check_names_units_received_that_the_supplier_figures_miss(books: Services, app: App) -> None:
    from serialdesk.db.models import SupplierReceipt

    with Session(app.engine) as s, s.begin():
        s.execute(update(SupplierReceipt).values(units=SupplierReceipt.units - 1))
    assert [p for p in books.maintenance.check() if "supplier figures" in p] == [
        "summaries: DRL-18V from Makita Europe received on 1 Feb 2026: the supplier figures say 3 units, the units "
        "say 4 — run `serialdesk rebuild-summaries`"]
    books.maintenance.rebuild_summaries()
    assert books.maintenance.check() == []
