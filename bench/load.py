"""Bulk loading of a ``ShopPlan`` into an already migrated database, straight through the DB driver.

SQLite: ``sqlite3.executemany`` with journal and syncing off for the load. PostgreSQL: ``COPY … FROM STDIN`` with
foreign-key triggers off for the session (``session_replication_role = replica``; the rows are consistent by
construction). Both drop the plain indexes first and create them again from their own definitions afterwards, so
the schema ends exactly as the migrations made it (constraint indexes stay and are filled as rows arrive).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable
from typing import Any

import psycopg
from sqlalchemy.engine import make_url

from bench.rows import rows
from bench.shop import COLUMNS, Row, ShopPlan

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


def load_sqlite(path: str, plan: ShopPlan, progress: Progress = _quiet) -> dict[str, int]:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in ("journal_mode=DELETE", "journal_mode=OFF", "synchronous=OFF", "cache_size=-1048576",
                       "temp_store=MEMORY", "foreign_keys=OFF"):
            conn.execute(f"PRAGMA {pragma}")
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall()
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        counts = {}
        for table, columns in COLUMNS.items():
            started = time.perf_counter()
            marks = ", ".join("?" * len(columns))
            counter = _Counter(rows(plan, table))
            conn.execute("BEGIN")
            conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", counter)
            conn.execute("COMMIT")
            counts[table] = counter.count
            progress(f"{table}: {counter.count:,} rows in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        for _, sql in indexes:
            conn.execute(sql)
        progress(f"{len(indexes)} indexes in {time.perf_counter() - started:.1f} s")
        conn.execute("PRAGMA journal_mode=WAL")  # what the app's engine sets on every connection anyway
        return counts
    finally:
        conn.close()


def pg_conninfo(url: str) -> str:
    """A SQLAlchemy URL (postgresql+psycopg://…) as a libpq connection string."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def load_postgresql(url: str, plan: ShopPlan, progress: Progress = _quiet) -> dict[str, int]:
    with psycopg.connect(pg_conninfo(url), autocommit=True) as conn:
        conn.execute("SET session_replication_role = replica")
        conn.execute("SET TimeZone = 'UTC'")  # the plan's naive times are UTC
        conn.execute("SET maintenance_work_mem = '512MB'")
        indexes = conn.execute(
            "SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname = 'public' AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)").fetchall()
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        counts = {}
        for table, columns in COLUMNS.items():
            started = time.perf_counter()
            counts[table] = _copy(conn, table, columns, rows(plan, table))
            progress(f"{table}: {counts[table]:,} rows in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        for _, sql in indexes:
            conn.execute(sql)
        for table in COLUMNS:
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table} "
                         "HAVING max(id) IS NOT NULL")
        # A database in use is vacuumed and analysed by autovacuum; a freshly loaded one is not yet.
        conn.execute("VACUUM ANALYZE")
        progress(f"{len(indexes)} indexes, VACUUM ANALYZE in {time.perf_counter() - started:.1f} s")
        return counts


def _copy(conn: psycopg.Connection[Any], table: str, columns: tuple[str, ...], data: Iterable[Row]) -> int:
    count = 0
    with conn.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in data:
            copy.write_row(row)
            count += 1
    return count


class _Counter:
    """Counts the rows an iterator hands to executemany."""

    def __init__(self, data: Iterable[Row]) -> None:
        self._data = iter(data)
        self.count = 0

    def __iter__(self) -> _Counter:
        return self

    def __next__(self) -> Row:
        row = next(self._data)
        self.count += 1
        return row
