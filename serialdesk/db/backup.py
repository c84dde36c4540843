"""Backups: SQLite's online backup API, and a portable dump (gzip'd JSON lines of every table) that restores
into SQLite or PostgreSQL alike — also the way to move a shop from one to the other."""

from __future__ import annotations

import gzip
import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Engine, Table, func, insert, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.types import DateTime, Numeric

from serialdesk.db.migrate import downgrade, upgrade
from serialdesk.db.models import Base

FORMAT = "serialdesk-dump"
SQLITE_MAGIC = b"SQLite format 3\x00"
BATCH = 2000
Progress = Callable[[str, int], None]


def is_sqlite_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == SQLITE_MAGIC


def sqlite_backup(engine: Engine, out: Path) -> None:
    """A consistent copy of a live SQLite database (other stations may keep working meanwhile)."""
    source = engine.url.database
    assert source
    out.unlink(missing_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(out) as dst:
        src.backup(dst, pages=4096)
    dst.close()


def sqlite_restore(engine: Engine, backup: Path) -> None:
    """Replace a SQLite database's contents with a backup file's, page by page."""
    target = engine.url.database
    assert target
    engine.dispose()  # no pooled connection may hold the old file open
    with sqlite3.connect(backup) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    dst.close()


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _decoder(table: Table) -> Callable[[dict[str, Any]], dict[str, Any]]:
    times = {c.name for c in table.columns if isinstance(getattr(c.type, "impl", c.type), DateTime)}
    money = {c.name for c in table.columns if isinstance(c.type, Numeric)}

    def decode(row: dict[str, Any]) -> dict[str, Any]:
        for name in times:
            if row.get(name) is not None:
                row[name] = datetime.fromisoformat(row[name])
        for name in money:
            if row.get(name) is not None:
                row[name] = Decimal(row[name])
        return row

    return decode


def dump(engine: Engine, out: Path, progress: Progress | None = None) -> dict[str, int]:
    """Write every table in one consistent snapshot; returns rows per table."""
    counts: dict[str, int] = {}
    with engine.connect() as conn, gzip.open(out, "wt", encoding="utf-8") as handle:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        revision = current_revision_on(conn)
        tables = [t.name for t in Base.metadata.sorted_tables]
        _line(handle, {"format": FORMAT, "version": 1, "revision": revision, "tables": tables})
        for table in Base.metadata.sorted_tables:
            counts[table.name] = 0
            for row in conn.execute(select(table).order_by(*table.primary_key.columns)).mappings():
                _line(handle, {"t": table.name, "r": {k: _encode(v) for k, v in row.items()}})
                counts[table.name] += 1
            if progress:
                progress(table.name, counts[table.name])
    return counts


def current_revision_on(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def _line(handle: IO[str], obj: dict[str, Any]) -> None:
    handle.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")


def read_header(path: Path) -> dict[str, Any]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        header: dict[str, Any] = json.loads(handle.readline())
    if header.get("format") != FORMAT:
        raise ValueError("not a serialdesk dump")
    return header


def _rows(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        handle.readline()
        for line in handle:
            record = json.loads(line)
            yield record["t"], record["r"]


def has_data(engine: Engine) -> bool:
    from serialdesk.db.models import Item, Product

    try:
        with engine.connect() as conn:
            return bool(conn.scalar(select(func.count()).select_from(Product))
                        or conn.scalar(select(func.count()).select_from(Item)))
    except DBAPIError:  # no schema yet: nothing to lose
        return False


def load(engine: Engine, path: Path, progress: Progress | None = None) -> dict[str, int]:
    """Load a dump into ``engine``'s database: schema brought to the dump's revision, every table emptied and
    filled in one transaction, then upgraded to the current schema. Returns rows per table."""
    header = read_header(path)
    tables = {t.name: t for t in Base.metadata.sorted_tables}
    counts = {name: 0 for name in header["tables"]}
    # One transaction from start to end: a restore that fails half-way leaves the database as it was.
    with engine.begin() as conn:
        # Start from nothing at the dump's own schema revision, whatever the database held before.
        downgrade(conn, "base")
        upgrade(conn, header["revision"])
        batch: list[dict[str, Any]] = []
        current: str | None = None
        for name, row in _rows(path):
            if name != current:
                _flush(conn, tables.get(current or ""), batch, progress, counts)
                current, batch = name, []
            batch.append(row)
            counts[name] += 1
            if len(batch) >= BATCH:
                _flush(conn, tables[name], batch, None, counts)
                batch = []
        _flush(conn, tables.get(current or ""), batch, progress, counts)
        if conn.dialect.name == "postgresql":
            for table in tables.values():
                if "id" in table.columns:
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                      f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))
        upgrade(conn)
    return counts


def _flush(conn: Connection, table: Table | None, batch: list[dict[str, Any]], progress: Progress | None,
           counts: dict[str, int]) -> None:
    if table is None or not batch:
        return
    decode = _decoder(table)
    conn.execute(insert(table), [decode(dict(r)) for r in batch])
    if progress:
        progress(table.name, counts[table.name])


def integrity_problems(engine: Engine, limit: int = 20) -> list[str]:
    """What is wrong with the database, in words: storage damage, broken references, and units whose status
    disagrees with the last status move in their ledger. Empty when all is well."""
    problems: list[str] = []
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            result = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
            if result != ["ok"]:
                problems += [f"storage: {r}" for r in result[:limit]]
            problems += [f"reference: {row[0]} row {row[1]} points to a missing {row[2]} row"
                         for row in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()[:limit]]
        rows = conn.execute(text(
            "SELECT i.id, i.serial, i.status, e.status_to FROM items i JOIN events e ON e.id = ("
            " SELECT MAX(id) FROM events WHERE item_id = i.id AND status_to IS NOT NULL)"
            " WHERE e.status_to <> i.status LIMIT :limit"), {"limit": limit}).all()
        problems += [f"ledger: unit {serial} (item {item_id}) is {status} but its last recorded move was to {to}"
                     for item_id, serial, status, to in rows]
    return problems
