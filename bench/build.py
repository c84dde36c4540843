"""Build (or reuse) the benchmark shop database: ``python -m bench.build --backend sqlite --items 1000000``.

The schema comes from the real migrations (``App.init_schema``); users, suppliers and products are made through the
real services; the rest (customers, lots, receipts, units, sales, returns, tickets, the event ledger) is bulk-loaded
by ``bench.load``. A built database is cached, keyed by schema revision + size + ``BUILD_VERSION``:

* SQLite: ``bench/.cache/shop-<rev>-<items>-b<version>.db``; a run works on a copy of it.
* PostgreSQL: database ``sd_bench_<rev>_<items>_b<version>``; a run works on a ``CREATE DATABASE … TEMPLATE`` clone.

A build goes to a temporary name first and is renamed when complete, so an interrupted build is never reused.
Prints one line of JSON: where the cached database is, whether it was built now, and how long it took.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

from bench.catalogue import GENERATED_PATTERN, SUPPLIERS, catalogue
from bench.load import load_postgresql, load_sqlite
from bench.shop import CLERK, COUNTER, TECH, Product, ShopPlan, ShopShape
from serialdesk.bootstrap import App
from serialdesk.config import Settings
from serialdesk.db.migrate import head_revision
from serialdesk.db.models import Event, Supplier
from serialdesk.db.models import Product as ProductRow
from serialdesk.services import summaries

BUILD_VERSION = 4  # bump when the generated data changes, so cached databases are rebuilt
CACHE_DIR = Path(__file__).resolve().parent / ".cache"
PG_ADMIN_URL = os.environ.get("SERIALDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
ADMIN_PIN = "1234"


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def cache_name(items: int) -> str:
    return f"shop-{head_revision()}-{items}-b{BUILD_VERSION}"


def pg_url(database: str) -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + database


def pg_admin() -> Any:
    return create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")


def build_shop(url: str, shape: ShopShape, now: datetime) -> dict[str, int]:
    """Fill an empty database at ``url`` (migrating it first) with the shop; returns rows per table."""
    start = now - timedelta(days=shape.days + 1)
    app = App(Settings(db_url=url, user="admin", station="backroom"), clock=lambda: start)
    try:
        app.init_schema(ADMIN_PIN)
        admin = app.services(app.actor("admin"))
        for name, role in ((CLERK, "clerk"), (COUNTER, "counter"), (TECH, "technician")):
            admin.users.add_user(name, role, ADMIN_PIN)
        for name in SUPPLIERS:
            admin.catalogue.add_supplier(name)
        for spec in catalogue():
            admin.catalogue.add_product(
                spec.sku, spec.name, gtin=spec.gtin, cost=spec.cost, price=spec.price,
                warranty_months=spec.warranty_months, serial_source="generated" if spec.generated else "supplier",
                serial_pattern=GENERATED_PATTERN if spec.generated else None)
        with app.engine.connect() as conn:
            ids = dict(conn.execute(select(ProductRow.sku, ProductRow.id)).all())
            supplier_ids = dict(conn.execute(select(Supplier.name, Supplier.id)).all())
            first_event = (conn.scalar(select(func.max(Event.id))) or 0) + 1
    finally:
        app.close()
    products = [Product(ids[spec.sku], spec) for spec in catalogue()]
    started = time.perf_counter()
    plan = ShopPlan(shape, products, [supplier_ids[n] for n in SUPPLIERS], now, first_event)
    log(f"planned {shape.items:,} units, {len(plan.sales):,} sales in {time.perf_counter() - started:.1f} s")
    if url.startswith("sqlite"):
        counts = load_sqlite(url.split("///", 1)[1], plan, log)
    else:
        counts = load_postgresql(url, plan, log)
    counts.update(fill_summaries(url))
    return counts


def fill_summaries(url: str) -> dict[str, int]:
    """The load went straight through the driver, around the services: the reports' daily summaries are built
    from the loaded ledger as `serialdesk rebuild-summaries` builds them (then analysed on PostgreSQL)."""
    started = time.perf_counter()
    engine = create_engine(url)
    try:
        with Session(engine) as s, s.begin():
            summaries.rebuild(s)
            rows = summaries.row_count(s)
        if engine.dialect.name == "postgresql":
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("ANALYZE daily_summaries, stock_ages"))
                # The sale lines' copies of their units were written by UPDATE: vacuumed, as autovacuum would
                # in a shop (this server runs none), so a month of lines is not read through their old versions.
                conn.execute(text("VACUUM ANALYZE sale_lines"))
    finally:
        engine.dispose()
    log(f"daily summaries: {rows:,} rows in {time.perf_counter() - started:.1f} s")
    return {"summaries": rows}


def ensure_sqlite(items: int, rebuild: bool = False) -> tuple[Path, bool]:
    """The cached SQLite shop of this size, built first if missing (older builds of it are removed).
    (path, built now)."""
    CACHE_DIR.mkdir(exist_ok=True)
    path = CACHE_DIR / f"{cache_name(items)}.db"
    if path.exists() and not rebuild:
        return path, False
    for stale in CACHE_DIR.glob(f"shop-*-{items}-b*.db"):
        stale.unlink()
    temp = path.with_suffix(".building.db")
    for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm")):
        leftover.unlink(missing_ok=True)
    build_shop(f"sqlite:///{temp}", ShopShape(items), _now())
    os.replace(temp, path)
    return path, True


def ensure_postgresql(items: int, rebuild: bool = False) -> tuple[str, bool]:
    """The cached PostgreSQL shop database of this size, built first if missing. (database name, built now)."""
    name = cache_name(items).replace("shop-", "sd_bench_").replace("-", "_")
    admin = pg_admin()
    try:
        with admin.connect() as conn:
            exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}) is not None
            if exists and not rebuild:
                return name, False
            stale = conn.execute(text("SELECT datname FROM pg_database WHERE datname LIKE :p"),
                                 {"p": f"sd\\_bench\\_%\\_{items}\\_b%"}).scalars().all()
            for old in stale:  # earlier revisions or builds of this size, and unfinished builds
                conn.execute(text(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}_building"'))
        build_shop(pg_url(f"{name}_building"), ShopShape(items), _now())
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}_building" RENAME TO "{name}"'))
        return name, True
    finally:
        admin.dispose()


def drop_caches() -> list[str]:
    """Remove every cached shop (all sizes and revisions), SQLite files and PostgreSQL databases alike."""
    gone = []
    for path in CACHE_DIR.glob("*.db*"):
        path.unlink()
        gone.append(str(path))
    admin = pg_admin()
    try:
        with admin.connect() as conn:
            names = conn.execute(text(r"SELECT datname FROM pg_database WHERE datname LIKE 'sd\_bench\_%'")).scalars()
            for name in names.all():
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                gone.append(name)
    finally:
        admin.dispose()
    return gone


def _now() -> datetime:
    """The shop's history ends at the last full hour before the build."""
    return datetime.now(UTC).replace(minute=0, second=0, microsecond=0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"))
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--rebuild", action="store_true", help="build again even when cached")
    parser.add_argument("--drop-caches", action="store_true", help="remove every cached shop, then stop")
    args = parser.parse_args(argv)
    if args.drop_caches:
        log(f"removed: {', '.join(drop_caches()) or 'nothing'}")
        return 0
    if args.backend is None:
        parser.error("--backend is required")
    started = time.perf_counter()
    where: Path | str
    if args.backend == "sqlite":
        where, built = ensure_sqlite(args.items, args.rebuild)
    else:
        where, built = ensure_postgresql(args.items, args.rebuild)
    seconds = time.perf_counter() - started
    log(f"{args.backend} shop of {args.items:,} units: {'built' if built else 'cached'} ({seconds:.1f} s) → {where}")
    print(json.dumps({"cache": str(where), "built": built, "seconds": round(seconds, 2),
                      "shape": asdict(ShopShape(args.items))}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
