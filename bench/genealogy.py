"""The genealogy at shop scale (issue 14): ``python -m bench.genealogy --backend sqlite --items 1000000``.

A shop of its own, cached like the main one (``bench/.cache/genealogy-<rev>-<items>-g<version>.db``, PostgreSQL
database ``sd_gen_<rev>_<items>_g<version>``): 0.3 × ``items`` e-bikes built from a frame, a motor and a battery
each (so 1.2 × ``items`` units), parts in lots of 500, 60 % of the bikes sold, every unit with its ledger rows —
bulk-loaded straight through the driver as ``bench.load`` does, after the real migrations and catalogue services.
Then, through the real services on a scratch copy: where-used of a battery lot (500 units, each up to its bike
and the bike's owner), a bike's passport with its tree, and assembling a bike from 3 parts.
Prints one line of JSON: the measures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import text

from bench.build import ADMIN_PIN, CACHE_DIR, log, pg_admin, pg_url
from bench.load import _copy, pg_conninfo
from bench.results import Measure, percentile
from bench.shop import DAY, HOUR, US, json_data, stamp
from serialdesk.bootstrap import App, settle_heap
from serialdesk.config import Settings
from serialdesk.db.migrate import head_revision

GEN_VERSION = 1  # bump when the generated rows change
HOST_SHARE, LOT, SOLD_SHARE, SPARE_BUILDS = 0.3, 500, 0.6, 60
WHERE_USED_MS, PASSPORT_MS, ASSEMBLE_MS = 100.0, 5.0, 20.0
RUNS = {"where_used": 30, "passport": 300, "assemble": 50}
PARTS = (("FRAME-G", "Frame 28 in", "120.00"), ("MOTOR-G", "Motor 250 W", "150.00"),
         ("BATT-G", "Battery 500 Wh", "180.00"))
HOST = ("EBIKE-G", "E-bike city")

COLUMNS: dict[str, tuple[str, ...]] = {
    "customers": ("id", "name", "phone", "email", "address", "created_at"),
    "lots": ("id", "product_id", "code", "supplier_id", "received_at", "expiry"),
    "items": ("id", "product_id", "serial", "lot_id", "status", "serial_source", "cost", "location", "supplier_id",
              "received_at", "created_at"),
    "builds": ("id", "host_item_id", "by_user", "station", "at", "labour", "note", "disassembled_at",
               "disassembled_by"),
    "fitments": ("id", "part_item_id", "host_item_id", "fitted_at", "fitted_by", "build_id", "ticket_id",
                 "removed_at", "removed_by", "removed_ticket_id"),
    "sales": ("id", "customer_id", "status", "sold_by", "station", "sold_at"),
    "sale_lines": ("id", "sale_id", "item_id", "price", "warranty_until"),
    "events": ("id", "at", "kind", "item_id", "product_id", "serial", "by_user", "station", "ref_type", "ref_id",
               "status_from", "status_to", "data"),
}


class Plan:
    """Item ids: the parts of bike h are 3h+1..3h+3 (frame, motor, battery), the bikes follow, then the spare
    parts (in stock) the assembly measure builds from."""

    def __init__(self, items: int, now: datetime, ids: dict[str, int], supplier: int, first_event: int) -> None:
        self.hosts = max(100, int(items * HOST_SHARE))
        self.spare = SPARE_BUILDS + 20
        self.parts = 3 * (self.hosts + self.spare)
        self.customers = max(50, self.hosts // 5)
        self.ids, self.supplier, self.first_event = ids, supplier, first_event
        self.start = int((now - timedelta(days=400) - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()) * US
        self.lots_per_kind = -(-(self.hosts + self.spare) // LOT)

    def host_id(self, h: int) -> int:
        return self.parts + h + 1

    def built(self, h: int) -> int:
        return self.start + (h * 300 * DAY) // self.hosts + HOUR

    def sold(self, h: int) -> bool:
        return (h * 7919) % 100 < SOLD_SHARE * 100

    def rows(self, table: str) -> Iterator[tuple[object, ...]]:
        return getattr(self, f"_{table}")()

    def _customers(self) -> Iterator[tuple[object, ...]]:
        for c in range(1, self.customers + 1):
            yield c, f"Rider {c:06d}", f"+45 {c:08d}", None, None, stamp(self.start)

    def _lots(self) -> Iterator[tuple[object, ...]]:
        for kind, (sku, _, _) in enumerate(PARTS):
            for n in range(self.lots_per_kind):
                yield (kind * self.lots_per_kind + n + 1, self.ids[sku], f"{sku[:2]}{n:05d}", self.supplier,
                       stamp(self.start), None)

    def part(self, item: int) -> tuple[int, int, str]:
        """(kind, position among its kind, serial) of part item ``item``."""
        kind, n = (item - 1) % 3, (item - 1) // 3
        return kind, n, f"{PARTS[kind][0][:2]}{n:08d}"

    def _items(self) -> Iterator[tuple[object, ...]]:
        for item in range(1, self.parts + 1):
            kind, n, serial = self.part(item)
            status = "fitted" if n < self.hosts else "in_stock"
            yield (item, self.ids[PARTS[kind][0]], serial, kind * self.lots_per_kind + n // LOT + 1, status,
                   "supplier", PARTS[kind][2], None, self.supplier, stamp(self.start), stamp(self.start))
        for h in range(self.hosts):
            at = stamp(self.built(h))
            yield (self.host_id(h), self.ids[HOST[0]], f"VG{h:08d}", None, "sold" if self.sold(h) else "in_stock",
                   "supplier", "450.00", None, None, at, at)

    def _builds(self) -> Iterator[tuple[object, ...]]:
        for h in range(self.hosts):
            yield h + 1, self.host_id(h), "clerk1", "bench", stamp(self.built(h)), "0.00", None, None, None

    def _fitments(self) -> Iterator[tuple[object, ...]]:
        for h in range(self.hosts):
            at = stamp(self.built(h))
            for k in range(3):
                yield 3 * h + k + 1, 3 * h + k + 1, self.host_id(h), at, "clerk1", h + 1, None, None, None, None

    def _sales(self) -> Iterator[tuple[object, ...]]:
        for sale, h in enumerate(h for h in range(self.hosts) if self.sold(h)):
            yield sale + 1, sale % self.customers + 1, "completed", "counter1", "till-1", stamp(self.built(h) + DAY)

    def _sale_lines(self) -> Iterator[tuple[object, ...]]:
        for sale, h in enumerate(h for h in range(self.hosts) if self.sold(h)):
            yield sale + 1, sale + 1, self.host_id(h), "1999.00", stamp(self.built(h) + 731 * DAY)

    def _events(self) -> Iterator[tuple[object, ...]]:
        event = self.first_event
        for item in range(1, self.parts + 1):
            kind, _, serial = self.part(item)
            yield (event, stamp(self.start), "received", item, self.ids[PARTS[kind][0]], serial, "clerk1",
                   "backroom", "receipt", 1, "receiving", "in_stock", "{}")
            event += 1
        sale = 0
        for h in range(self.hosts):
            at, host, label = stamp(self.built(h)), self.host_id(h), f"{HOST[0]}:VG{h:08d}"
            parts = []
            for k in range(3):
                item = 3 * h + k + 1
                _, _, serial = self.part(item)
                parts.append(f"{PARTS[k][0]}:{serial}")
                yield (event, at, "part_fitted", item, self.ids[PARTS[k][0]], serial, "clerk1", "bench", "build",
                       h + 1, "in_stock", "fitted", json_data(host=label))
                event += 1
            yield (event, at, "assembled", host, self.ids[HOST[0]], f"VG{h:08d}", "clerk1", "bench", "build", h + 1,
                   None, "in_stock", json_data(parts=", ".join(parts), labour="0.00", note=""))
            event += 1
            if self.sold(h):
                sale += 1
                yield (event, stamp(self.built(h) + DAY), "sold", host, self.ids[HOST[0]], f"VG{h:08d}", "counter1",
                       "till-1", "sale", sale, "in_stock", "sold",
                       json_data(customer=f"Rider {(sale - 1) % self.customers + 1:06d}"))
                event += 1


def build(url: str, items: int, now: datetime) -> Plan:
    app = App(Settings(db_url=url, user="admin", station="backroom"), clock=lambda: now - timedelta(days=401))
    try:
        app.init_schema(ADMIN_PIN)
        admin = app.services(app.actor("admin"))
        for name, role in (("clerk1", "clerk"), ("counter1", "counter")):
            admin.users.add_user(name, role, ADMIN_PIN)
        supplier = admin.catalogue.add_supplier("Velo Parts")
        ids = {HOST[0]: admin.catalogue.add_product(HOST[0], HOST[1], price="1999.00", warranty_months=24).id}
        for sku, name, cost in PARTS:
            ids[sku] = admin.catalogue.add_product(sku, name, cost=cost).id
            admin.catalogue.set_part(HOST[0], sku)
        with app.engine.connect() as conn:
            first_event = (conn.scalar(text("SELECT max(id) FROM events")) or 0) + 1
    finally:
        app.close()
    plan = Plan(items, now, ids, supplier.id, first_event)
    if url.startswith("sqlite"):
        _load_sqlite(url.split("///", 1)[1], plan)
    else:
        _load_postgresql(url, plan)
    return plan


def _load_sqlite(path: str, plan: Plan) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-1048576", "foreign_keys=OFF"):
            conn.execute(f"PRAGMA {pragma}")
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall()
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        for table, columns in COLUMNS.items():
            started = time.perf_counter()
            conn.execute("BEGIN")
            conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                             plan.rows(table))
            conn.execute("COMMIT")
            log(f"{table} in {time.perf_counter() - started:.1f} s")
        for _, sql in indexes:
            conn.execute(sql)
        conn.execute("ANALYZE")
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()


def _load_postgresql(url: str, plan: Plan) -> None:
    with psycopg.connect(pg_conninfo(url), autocommit=True) as conn:
        conn.execute("SET session_replication_role = replica")
        conn.execute("SET TimeZone = 'UTC'")
        conn.execute("SET maintenance_work_mem = '512MB'")
        indexes = conn.execute(
            "SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname = 'public' AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)").fetchall()
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        for table, columns in COLUMNS.items():
            started = time.perf_counter()
            _copy(conn, table, columns, plan.rows(table))
            log(f"{table} in {time.perf_counter() - started:.1f} s")
        for _, sql in indexes:
            conn.execute(sql)
        for table in COLUMNS:  # ids were given: the sequences go past them
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                         f"(SELECT coalesce(max(id), 1) FROM {table}))")
        conn.execute("ANALYZE")


def _cache_name(items: int) -> str:
    return f"genealogy-{head_revision()}-{items}-g{GEN_VERSION}"


def ensure(backend: str, items: int, rebuild: bool) -> tuple[str, bool]:
    """The cached genealogy shop (a SQLite file or a PostgreSQL database name); (where, built now)."""
    now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    if backend == "sqlite":
        CACHE_DIR.mkdir(exist_ok=True)
        path = CACHE_DIR / f"{_cache_name(items)}.db"
        if path.exists() and not rebuild:
            return str(path), False
        for stale in CACHE_DIR.glob(f"genealogy-*-{items}-g*.db*"):
            stale.unlink()
        temp = path.with_suffix(".building.db")
        temp.unlink(missing_ok=True)
        build(f"sqlite:///{temp}", items, now)
        os.replace(temp, path)
        return str(path), True
    name = _cache_name(items).replace("genealogy-", "sd_gen_").replace("-", "_")
    admin = pg_admin()
    try:
        with admin.connect() as conn:
            if conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}) and not rebuild:
                return name, False
            for old in conn.execute(text("SELECT datname FROM pg_database WHERE datname LIKE :p"),
                                    {"p": f"sd\\_gen\\_%\\_{items}\\_g%"}).scalars().all():
                conn.execute(text(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}_building"'))
        build(pg_url(f"{name}_building"), items, now)
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}_building" RENAME TO "{name}"'))
        return name, True
    finally:
        admin.dispose()


def _scratch(backend: str, cache: str) -> tuple[str, Callable[[], None]]:
    if backend == "sqlite":
        path = CACHE_DIR / f"gen-run-{os.getpid()}.db"
        shutil.copyfile(cache, path)

        def remove() -> None:
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)

        return f"sqlite:///{path}", remove
    name, admin = f"sd_gen_run_{os.getpid()}", pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{cache}" STRATEGY FILE_COPY'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return pg_url(name), drop


CPU: dict[int, list[float]] = {}  # this process's CPU time per call, by the list of wall times it goes with


def _timed(call: Callable[[], Any], runs: int, warmup: int = 3) -> list[float]:
    """Wall times in ms; the CPU times go to ``CPU`` (on a shared machine the two tell waiting from work)."""
    for _ in range(warmup):
        call()
    out, cpu = [], []
    for _ in range(runs):
        started, used = time.perf_counter(), time.process_time()
        call()
        out.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - used) * 1000)
    CPU[id(out)] = cpu
    return out


def _note(wall: list[float], hosts: int) -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{hosts:,} bikes × 3 parts; median {percentile(wall, 0.5):.1f} ms, this process's CPU p95 "
            f"{percentile(CPU[id(wall)], 0.95):.1f} ms; load average {load:.1f} on {os.cpu_count()} CPUs")


def measure(backend: str, url: str, items: int) -> list[Measure]:
    app = App(Settings(db_url=url, user="clerk1", station="bench"))
    rnd = random.Random(14)
    try:
        s = app.services(app.actor("clerk1"))
        with app.engine.connect() as conn:
            hosts = conn.scalar(text("SELECT count(*) FROM builds")) or 0
            lots = conn.execute(text("SELECT code FROM lots l JOIN products p ON p.id = l.product_id "
                                     "WHERE p.sku = :s ORDER BY l.id"), {"s": PARTS[2][0]}).scalars().all()
            full = lots[: max(1, hosts // LOT)]  # lots whose 500 batteries all sit in bikes
            spare = conn.execute(text("SELECT p.sku, i.serial FROM items i JOIN products p ON p.id = i.product_id "
                                      "WHERE i.status = 'in_stock' AND p.sku <> :h ORDER BY i.id"),
                                 {"h": HOST[0]}).all()
        picks = iter([rnd.choice(full) for _ in range(RUNS["where_used"] + 3)])
        settle_heap()  # as the desktop app does once its window is up (serialdesk.gui.app.run)
        lines: list[int] = []

        def where_used() -> None:
            lines.append(len(s.assembly.where_used(sku=PARTS[2][0], lot=next(picks))))

        wu = _timed(where_used, RUNS["where_used"])
        serials = iter([f"VG{rnd.randrange(hosts):08d}" for _ in range(RUNS["passport"] + 3)])
        trees: list[int] = []
        pp = _timed(lambda: trees.append(len(s.lookup.passport(next(serials), HOST[0]).parts)), RUNS["passport"])
        by_kind: dict[str, list[str]] = {}
        for sku, serial in spare:
            by_kind.setdefault(sku, []).append(serial)
        builds = iter(range(RUNS["assemble"] + 3))

        def assemble() -> None:
            n = next(builds)
            s.assembly.assemble(HOST[0], f"VN{n:08d}", parts=[f"{sku}:{by_kind[sku][n]}" for sku, _, _ in PARTS])

        asm = _timed(assemble, RUNS["assemble"])
    finally:
        app.close()
    assert min(lines) == LOT and set(trees) == {3}, (min(lines), set(trees))
    size = items
    return [
        Measure("genealogy.where_used_lot.p95", f"where-used of a part lot ({LOT} units → bike → owner) p95",
                percentile(wu, 0.95), "ms", WHERE_USED_MS, backend, size, _note(wu, hosts)),
        Measure("genealogy.passport_tree.p95", "a bike's passport with its tree of parts p95", percentile(pp, 0.95),
                "ms", PASSPORT_MS, backend, size, _note(pp, hosts)),
        Measure("genealogy.assemble.p95", "assembling a bike from 3 scanned parts p95", percentile(asm, 0.95),
                "ms", ASSEMBLE_MS, backend, size, _note(asm, hosts)),
    ]


def run(backend: str, items: int, rebuild: bool = False) -> list[Measure]:
    started = time.perf_counter()
    cache, built = ensure(backend, items, rebuild)
    state = 'built' if built else 'cached'
    log(f"genealogy shop {backend} {items:,}: {state} in {time.perf_counter() - started:.1f} s")
    url, drop = _scratch(backend, cache)
    try:
        return measure(backend, url, items)
    finally:
        drop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), required=True)
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)
    measures = run(args.backend, args.items, args.rebuild)
    print(json.dumps({"measures": [m.as_json() for m in measures]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
