"""Is there a shop database at all, is it ours, is it damaged — asked before a command trusts it.

SQLite only: a PostgreSQL server keeps its own files and says in words what is wrong with them.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from serialdesk.db.models import Base

SQLITE_MAGIC = b"SQLite format 3\x00"
DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
COMPANIONS = ("-wal", "-shm", "-journal")
OUR_TABLES = frozenset({*Base.metadata.tables, "alembic_version"})


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL (None for another backend)."""
    from serialdesk.db.engine import normalise_url

    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def is_damage(exc: BaseException) -> str | None:
    """SQLite's words when ``exc`` (or what caused it) says the file is corrupt or not a database at all."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, sqlite3.DatabaseError):
            code = getattr(current, "sqlite_errorcode", None)
            if code is not None and code & 0xFF in DAMAGE_CODES:
                return str(current)
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    return None


def open_read_only(path: Path) -> sqlite3.Connection:
    # immutable: no lock files are made beside a file nobody writes (a backup); a live WAL file is read normally.
    immutable = "" if Path(f"{path}-wal").exists() else "&immutable=1"
    return sqlite3.connect(f"file:{path}?mode=ro{immutable}", uri=True)


def storage_findings(path: Path, *, full: bool = True, limit: int = 20) -> list[str]:
    """SQLite's own integrity findings for a database file ([] when it is sound)."""
    with path.open("rb") as handle:
        head = handle.read(16)
    if head and head != SQLITE_MAGIC:
        return ["file is not a database (it is not a SQLite file)"]
    rows: list[str] = []
    # integrity_check stops with "malformed" on some damage that quick_check still describes page by page.
    for pragma in ("integrity_check", "quick_check") if full else ("quick_check",):
        try:
            with closing(open_read_only(path)) as conn:
                rows = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}({limit})")]
            break
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc):
                raise
            rows = [str(exc)]
    return [] if rows == ["ok"] else [line for row in rows for line in row.splitlines() if line.strip()]


def damage(url: str) -> str | None:
    """The first thing wrong with the SQLite file behind ``url`` (None: sound, missing, empty or not SQLite)."""
    path = sqlite_path(url)
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return None
    findings = storage_findings(path, full=False, limit=1)
    return findings[0] if findings else None


def set_aside(url: str, now: datetime | None = None) -> Path:
    """Rename a damaged database (and its -wal/-shm) to NAME.damaged-YYYYmmdd-HHMMSS so a new one can take
    its place; nothing is deleted. Returns the new name."""
    path = sqlite_path(url)
    assert path is not None
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while kept.exists():
        n += 1
        kept = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    os.replace(path, kept)
    for suffix in COMPANIONS:
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{kept}{suffix}"))
    return kept


def missing(url: str) -> Path | None:
    """The path of a SQLite database that does not exist (None when it exists, or is not SQLite)."""
    path = sqlite_path(url)
    return path if path is not None and not path.exists() else None


def table_names(engine: Engine) -> list[str]:
    """The tables in the database; a SQLite file is read without our engine, whose connect would switch
    another program's file to WAL."""
    path = Path(engine.url.database) if engine.dialect.name == "sqlite" and engine.url.database else None
    if path is None:
        with engine.connect() as conn:
            return list(inspect(conn).get_table_names())
    if not path.is_file() or path.stat().st_size == 0:
        return []
    with closing(open_read_only(path)) as raw:
        return [row[0] for row in raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")]


def foreign_tables(engine: Engine) -> list[str]:
    """Tables of another program in a database that is not a serialdesk shop ([] for ours or an empty one)."""
    names = table_names(engine)
    if "alembic_version" in names:
        return []
    return sorted(set(names) - OUR_TABLES)


def same_file(a: Path, b: Path) -> bool:
    """Two spellings of one file: the same resolved path, or the same inode (hard links, bind mounts)."""
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def is_own_file(candidate: Path, url: str) -> bool:
    """``candidate`` is the SQLite database behind ``url`` or one of its -wal/-shm/-journal files."""
    path = sqlite_path(url)
    if path is None:
        return False
    return any(same_file(candidate, Path(f"{path}{suffix}")) for suffix in ("", *COMPANIONS))


def integrity_problems(engine: Engine, limit: int = 20) -> list[str]:
    """What is wrong with the database, in words: storage damage (SQLite's own integrity_check findings),
    broken references, and units whose status disagrees with the last status move in their ledger. Empty when
    all is well. On a damaged file only the storage findings are given: nothing else in it can be trusted."""
    if engine.dialect.name == "sqlite" and engine.url.database:
        findings = storage_findings(Path(engine.url.database), limit=limit)
        if findings:
            return [f"storage: {finding}" for finding in findings]
    problems: list[str] = []
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                problems += [f"reference: {row[0]} row {row[1]} points to a missing {row[2]} row"
                             for row in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()[:limit]]
            rows = conn.execute(text(
                "SELECT i.id, i.serial, i.status, e.status_to FROM items i JOIN events e ON e.id = ("
                " SELECT MAX(id) FROM events WHERE item_id = i.id AND status_to IS NOT NULL)"
                " WHERE e.status_to <> i.status LIMIT :limit"), {"limit": limit}).all()
            # A part sits in a unit exactly while it is fitted: one loose on a shelf (or sold) while the unit still
            # lists it would be sold twice, or counted in the unit's cost and on its own.
            loose = conn.execute(text(
                "SELECT p.serial, p.status, h.serial FROM fitments f JOIN items p ON p.id = f.part_item_id"
                " JOIN items h ON h.id = f.host_item_id WHERE f.removed_at IS NULL AND p.status <> 'fitted'"
                " ORDER BY f.id LIMIT :limit"), {"limit": limit}).all()
            unhosted = conn.execute(text(
                "SELECT i.serial FROM items i WHERE i.status = 'fitted' AND NOT EXISTS (SELECT 1 FROM fitments f"
                " WHERE f.part_item_id = i.id AND f.removed_at IS NULL) ORDER BY i.id LIMIT :limit"),
                {"limit": limit}).scalars().all()
    except DBAPIError as exc:
        if (why := is_damage(exc)) is None:
            raise
        return [*problems, f"storage: {why}"]
    problems += [f"ledger: unit {serial} (item {item_id}) is {status} but its last recorded move was to {to}"
                 for item_id, serial, status, to in rows]
    problems += [f"parts: unit {part} is {status.replace('_', ' ')} but still listed as fitted in {host}"
                 for part, status, host in loose]
    problems += [f"parts: unit {serial} is fitted but sits in no unit" for serial in unhosted]
    return problems
