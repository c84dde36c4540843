"""The baseline for bulk receiving: the rows ``receiving.receive_units`` leaves behind, inserted with the bare driver.

One receipt, one lot, N units already in stock, N receipt lines, N ``received`` events and the ``receipt_posted``
event, in one transaction, with ``sqlite3.executemany`` (same PRAGMAs as the app's engine) or psycopg's
``executemany`` (pipelined). The rows are prepared before the clock starts: this is what the driver and the
database cost, nothing else.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from typing import Any

import psycopg

from bench.load import pg_conninfo
from bench.shop import stamp, to_us

ITEM = ("INSERT INTO items (id, product_id, serial, lot_id, status, serial_source, cost, location, supplier_id, "
        "received_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
LINE = "INSERT INTO receipt_lines (receipt_id, item_id, scanned_at) VALUES (?, ?, ?)"
EVENT = ("INSERT INTO events (at, kind, item_id, product_id, serial, by_user, station, ref_type, ref_id, status_from, "
         "status_to, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
RECEIPT = ("INSERT INTO receipts (supplier_id, status, created_by, station, created_at, posted_at) "
           "VALUES (?, 'posted', 'admin', 'bench', ?, ?) RETURNING id")
LOT = "INSERT INTO lots (product_id, code, supplier_id, received_at) VALUES (?, ?, ?, ?) RETURNING id"


def _pg(sql: str) -> str:
    return sql.replace("?", "%s")


def _rows(ids: list[int], product_id: int, serials: list[str], cost: Any, supplier_id: int, at: Any,
          receipt_id: int, lot_id: int) -> tuple[list[tuple[Any, ...]], ...]:
    items = [(i, product_id, s, lot_id, "in_stock", "supplier", cost, None, supplier_id, at, at)
             for i, s in zip(ids, serials, strict=True)]
    lines = [(receipt_id, i, at) for i in ids]
    events = [(at, "received", i, product_id, s, "admin", "bench", "receipt", receipt_id, "receiving", "in_stock", "{}")
              for i, s in zip(ids, serials, strict=True)]
    events.append((at, "receipt_posted", None, None, None, "admin", "bench", "receipt", receipt_id, None, None,
                   f'{{"units": {len(ids)}}}'))
    return items, lines, events


def raw_receive(url: str, sku: str, supplier: str, prefix: str, lot: str, count: int) -> float:
    """Seconds to insert ``count`` received units the bare-driver way; ``url`` is the app's database.

    The receipt and lot rows (one each) are written first in the same transaction, then the clock runs over the
    three executemany calls and the commit."""
    serials = [f"{prefix}{n:06d}" for n in range(count)]
    if url.startswith("sqlite"):
        return _sqlite(url.split("///", 1)[1], sku, supplier, serials, lot)
    return _postgresql(url, sku, supplier, serials, lot)


def _sqlite(path: str, sku: str, supplier: str, serials: list[str], lot: str) -> float:
    conn = sqlite3.connect(path, isolation_level=None, timeout=15)
    try:
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "busy_timeout=15000"):
            conn.execute(f"PRAGMA {pragma}")
        product_id, cost = conn.execute("SELECT id, cost FROM products WHERE sku = ?", (sku,)).fetchone()
        (supplier_id,) = conn.execute("SELECT id FROM suppliers WHERE name = ?", (supplier,)).fetchone()
        at = stamp(to_us(datetime.now(UTC)))
        conn.execute("BEGIN IMMEDIATE")
        (first,) = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM items").fetchone()
        (receipt_id,) = conn.execute(RECEIPT, (supplier_id, at, at)).fetchone()
        (lot_id,) = conn.execute(LOT, (product_id, lot, supplier_id, at)).fetchone()
        items, lines, events = _rows(list(range(first, first + len(serials))), product_id, serials, cost,
                                     supplier_id, at, receipt_id, lot_id)
        started = time.perf_counter()
        conn.executemany(ITEM, items)
        conn.executemany(LINE, lines)
        conn.executemany(EVENT, events)
        conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()


def _postgresql(url: str, sku: str, supplier: str, serials: list[str], lot: str) -> float:
    with psycopg.connect(pg_conninfo(url)) as conn, conn.cursor() as cur:
        product_id, cost = cur.execute("SELECT id, cost FROM products WHERE sku = %s", (sku,)).fetchone() or (0, 0)
        (supplier_id,) = cur.execute("SELECT id FROM suppliers WHERE name = %s", (supplier,)).fetchone() or (0,)
        ids = [i for (i,) in cur.execute("SELECT nextval('items_id_seq') FROM generate_series(1, %s)",
                                         (len(serials),))]
        at = datetime.now(UTC)
        (receipt_id,) = cur.execute(_pg(RECEIPT), (supplier_id, at, at)).fetchone() or (0,)
        (lot_id,) = cur.execute(_pg(LOT), (product_id, lot, supplier_id, at)).fetchone() or (0,)
        items, lines, events = _rows(ids, product_id, serials, cost, supplier_id, at, receipt_id, lot_id)
        started = time.perf_counter()
        cur.executemany(_pg(ITEM), items)
        cur.executemany(_pg(LINE), lines)
        cur.executemany(_pg(EVENT), events)
        conn.commit()
        return time.perf_counter() - started
