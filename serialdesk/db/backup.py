"""Backups that prove themselves: SQLite's online backup API (a database file with a manifest table inside),
and a portable dump (dumpfile.py: gzip'd JSON lines ending in a manifest) that restores into SQLite or
PostgreSQL alike — also the way to move a shop from one to the other. Nothing is restored from a file that is
not shown complete and intact first."""

from __future__ import annotations

import errno
import hashlib
import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, insert, inspect, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.types import Date, DateTime, Numeric

from serialdesk.db import dumpfile
from serialdesk.db.dumpfile import DumpWriter, Manifest
from serialdesk.db.engine import READ_ONLY
from serialdesk.db.health import COMPANIONS, SQLITE_MAGIC, open_read_only, storage_findings
from serialdesk.db.migrate import known_revisions, upgrade
from serialdesk.db.models import Base, Event
from serialdesk.domain.errors import DomainError
from serialdesk.files import write_atomically, write_with

BATCH = 2000
MANIFEST_TABLE = "serialdesk_backup_manifest"
SQLITE_FORMAT = "serialdesk-sqlite-backup"
Progress = Callable[[str, int], None]


def is_sqlite_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == SQLITE_MAGIC


# ---- the SQLite database-file backup ----------------------------------------------------------------------


def sqlite_backup(engine: Engine, out: Path) -> Manifest:
    """A consistent copy of a live SQLite database (other stations may keep working meanwhile), with a
    manifest table (revision, rows per table, checksum of every row) inside; written whole or not at all."""
    source = engine.url.database
    assert source

    def write(temp: str) -> Manifest:
        try:
            with closing(sqlite3.connect(source, timeout=15)) as src, closing(sqlite3.connect(temp)) as dst:
                src.backup(dst, pages=4096)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
                _refuse_damaged_copy(dst, source)
                return _write_manifest(dst)
        except sqlite3.Error as exc:
            for suffix in COMPANIONS:
                Path(f"{temp}{suffix}").unlink(missing_ok=True)
            if "full" in str(exc):
                raise OSError(errno.ENOSPC, str(exc)) from None
            raise

    manifest: Manifest = write_with(out, write)
    return manifest


def _refuse_damaged_copy(copy: sqlite3.Connection, source: str) -> None:
    # The backup API copies pages as they are: a damaged shop would give a damaged backup that looks fine.
    findings = [str(row[0]) for row in copy.execute("PRAGMA quick_check(5)")]
    if findings != ["ok"]:
        raise DomainError(f"The database {source} is damaged ({findings[0].splitlines()[-1]}), so no backup was "
                          "written: `serialdesk check` lists what SQLite finds.", code="db_damaged")


def _content_tables(conn: sqlite3.Connection) -> list[str]:
    return sorted(row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name <> ?",
        (MANIFEST_TABLE,)))


def _digest(conn: sqlite3.Connection) -> tuple[dict[str, int], str]:
    """Rows per table and one SHA-256 over every row of every table (in rowid order)."""
    sha = hashlib.sha256()
    rows: dict[str, int] = {}
    for table in _content_tables(conn):
        sha.update(f"\x00{table}\x00".encode())
        count = 0
        for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
            sha.update(repr(row).encode("utf-8", "surrogatepass"))
            count += 1
        if table != "alembic_version":
            rows[table] = count
    return rows, sha.hexdigest()


def _revision(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else ""


def _write_manifest(dst: sqlite3.Connection) -> Manifest:
    rows, digest = _digest(dst)
    revision = _revision(dst)
    dst.execute(f"CREATE TABLE {MANIFEST_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    dst.executemany(f"INSERT INTO {MANIFEST_TABLE} VALUES (?, ?)", [
        ("format", SQLITE_FORMAT), ("revision", revision), ("rows", json.dumps(rows, sort_keys=True)),
        ("sha256", digest), ("made_at", datetime.now(UTC).isoformat(timespec="seconds"))])
    dst.commit()
    return Manifest("sqlite", revision, rows, digest)


def verify_sqlite(path: Path) -> Manifest:
    """A serialdesk database file of a known revision, sound to SQLite's own integrity check, and — when it
    carries a manifest (every backup written by serialdesk does) — holding exactly the rows it lists."""
    findings = storage_findings(path)
    if findings:
        raise _broken(path, f"it is damaged (SQLite finds: {findings[0]})")
    try:
        with closing(open_read_only(path)) as conn:
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "alembic_version" not in names:
                raise DomainError(f"{path} is a SQLite database of another program, not a serialdesk backup; "
                                  "nothing was restored.", code="not_a_backup")
            revision = _revision(conn)
            if revision not in known_revisions():
                raise _broken(path, f"it holds schema revision {revision or 'none'}, which this version of "
                                    "serialdesk does not know")
            rows, digest = _digest(conn)
            if MANIFEST_TABLE not in names:
                return Manifest("sqlite", revision, rows, None)
            listed = dict(conn.execute(f"SELECT key, value FROM {MANIFEST_TABLE}").fetchall())
    except sqlite3.DatabaseError as exc:
        raise _broken(path, f"it is damaged ({exc})") from None
    if listed.get("sha256") != digest or json.loads(listed.get("rows", "{}")) != rows:
        raise _broken(path, "it is damaged (its contents do not match its manifest)")
    return Manifest("sqlite", revision, rows, digest)


def _broken(path: Path, why: str) -> DomainError:
    return DomainError(f"{path} is not a usable backup: {why}; nothing was restored.", code="bad_backup")


def verify(path: Path) -> Manifest:
    """What a backup file holds, once shown complete and intact (DomainError otherwise): either kind."""
    if is_sqlite_file(path):
        return verify_sqlite(path)
    if not dumpfile.is_gzip(path):
        raise DomainError(f"{path} is not a serialdesk backup; nothing was restored.", code="not_a_backup")
    return dumpfile.verify(path, known_revisions())


def sqlite_restore(engine: Engine, backup: Path) -> None:
    """Replace a SQLite database's contents with a (verified) backup file's, page by page, in one step."""
    target = engine.url.database
    assert target
    engine.dispose()  # no pooled connection may hold the old file open
    with closing(open_read_only(backup)) as src, closing(sqlite3.connect(target, timeout=15)) as dst:
        src.backup(dst)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {MANIFEST_TABLE}")
    upgrade(engine)  # a backup of an older revision is brought to this version's schema


def _encode(value: Any) -> Any:
    if isinstance(value, date):  # a datetime too
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _decoder(table: Table) -> Callable[[dict[str, Any]], dict[str, Any]]:
    times = {c.name for c in table.columns if isinstance(getattr(c.type, "impl", c.type), DateTime)}
    money = {c.name for c in table.columns if isinstance(c.type, Numeric)}
    days = {c.name for c in table.columns if type(c.type) is Date}  # the summaries' days (issue 17)

    def decode(row: dict[str, Any]) -> dict[str, Any]:
        for name in times:
            if row.get(name) is not None:
                row[name] = datetime.fromisoformat(row[name])
        for name in money:
            if row.get(name) is not None:
                row[name] = Decimal(row[name])
        for name in days:
            if row.get(name) is not None:
                row[name] = date.fromisoformat(row[name])
        return row

    return decode


def dump(engine: Engine, out: Path, progress: Progress | None = None) -> Manifest:
    """Write every table in one consistent snapshot, then the manifest; the file appears whole or not at all."""
    tables = [t.name for t in Base.metadata.sorted_tables]
    with engine.connect().execution_options(**{READ_ONLY: True}) as conn, write_atomically(out, "wb") as raw:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        revision = current_revision_on(conn) or ""
        writer = DumpWriter(raw, revision, tables)
        for table in Base.metadata.sorted_tables:
            for row in conn.execute(select(table).order_by(*table.primary_key.columns)).mappings():
                writer.row(table.name, {k: _encode(v) for k, v in row.items()})
            if progress:
                progress(table.name, writer.rows[table.name])
        writer.finish()
    return Manifest("portable", revision, writer.rows, None)


def current_revision_on(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def has_data(engine: Engine) -> bool:
    from serialdesk.db.models import Item, Product

    try:
        with engine.connect() as conn:
            return bool(conn.scalar(select(func.count()).select_from(Product))
                        or conn.scalar(select(func.count()).select_from(Item)))
    except DBAPIError:  # no schema yet: nothing to lose
        return False


def _drop_shop_tables(conn: Connection) -> None:
    """Remove serialdesk's own tables, whatever revision they are at (children first; nothing else is touched)."""
    existing = set(inspect(conn).get_table_names())
    cascade = " CASCADE" if conn.dialect.name == "postgresql" else ""
    for name in [*(t.name for t in reversed(Base.metadata.sorted_tables)), "alembic_version"]:
        if name in existing:
            conn.exec_driver_sql(f'DROP TABLE "{name}"{cascade}')


def load(engine: Engine, path: Path, manifest: Manifest, audit: dict[str, Any] | None = None,
         progress: Progress | None = None) -> dict[str, int]:
    """Load a verified dump into ``engine``'s database: serialdesk's tables dropped, the schema built at the
    dump's revision and filled, then upgraded to the current schema — all in one transaction, so a restore
    that fails half-way leaves the database as it was. ``audit``: an Event row written in the same transaction."""
    tables = {t.name: t for t in Base.metadata.sorted_tables}
    counts = dict.fromkeys(manifest.rows, 0)
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # checked at commit, when every row is in
        _drop_shop_tables(conn)
        upgrade(conn, manifest.revision)
        batch: list[dict[str, Any]] = []
        current: str | None = None
        for name, row in dumpfile.rows(path):
            if name != current:
                _flush(conn, tables.get(current or ""), batch, progress, counts)
                current, batch = name, []
                if name in tables:  # rows a migration seeded (0007's two locations) come back from the dump
                    conn.execute(tables[name].delete())
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
        if audit:
            conn.execute(insert(Event), [audit])
    return counts


def _flush(conn: Connection, table: Table | None, batch: list[dict[str, Any]], progress: Progress | None,
           counts: dict[str, int]) -> None:
    if table is None or not batch:
        return
    decode = _decoder(table)
    conn.execute(insert(table), [decode(dict(r)) for r in batch])
    if progress:
        progress(table.name, counts[table.name])
