"""Engine factory: SQLite file (WAL, foreign keys, busy timeout, IMMEDIATE write transactions, the journal
guarded and checked: see journal.py) or PostgreSQL."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
import warnings
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError, SAWarning

from serialdesk.db.journal import JournalGuard
from serialdesk.files import PRIVATE_FILE, private_dir

# SQLite has no DECIMAL; values come back through float at 2 places, well inside float's 15 digits.
warnings.filterwarnings("ignore", message=".*does \\*not\\* support Decimal objects natively", category=SAWarning)

BUSY_TIMEOUT_MS = 15_000
# A pooled PostgreSQL connection that lay unused longer than this is pinged before it is handed out (one round trip);
# one used a moment ago is not: at the counter that ping was a fifth of a passport's time.
IDLE_PING_S = 5.0
READ_ONLY = "serialdesk_read_only"


def normalise_url(url: str) -> str:
    """Accept what people type: a bare path means SQLite; postgresql:// means psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str, **kwargs: Any) -> Engine:
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, **kwargs)
    # No JIT: the app's statements are scan-time lookups and reports over indexes. Without planner statistics (a
    # shop never analysed) a passport's estimates crossed jit_above_cost and it spent ~0.5 s compiling 95 functions
    # to run a 1 ms plan. Set at connect time (libpq options): no round trip.
    connect_args = {"options": "-c jit=off", **kwargs.pop("connect_args", {})}
    engine = create_engine(url, connect_args=connect_args, **kwargs)
    _ping_when_idle(engine)
    return engine


def _ping_when_idle(engine: Engine) -> None:
    """SQLAlchemy's pessimistic disconnect handling, done only where it can matter: a connection that waited in
    the pool longer than IDLE_PING_S (overnight, across a server restart or a network cut) is pinged at checkout,
    and a dead one is replaced before anyone uses it (``DisconnectionError``: the pool reconnects). A connection
    that died in the last few seconds fails its statement instead; that is a plain refusal ("cannot be reached,
    nothing was saved"), the pool is renewed, and the next action works."""

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_conn: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.pop("idle_since", None)
        if idle_since is None or time.monotonic() - idle_since <= IDLE_PING_S:
            return  # a new connection, or one in use a moment ago
        try:
            engine.dialect.do_ping(dbapi_conn)
        except engine.dialect.loaded_dbapi.Error as exc:
            raise DisconnectionError(f"the pooled connection is gone: {exc}") from exc


def _sqlite_engine(url: str, **kwargs: Any) -> Engine:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise ValueError("serialdesk needs a SQLite *file* (an in-memory database is invisible to other threads)")
    # No folder is made here: only `init`, `demo` and `restore` create a shop (services/maintenance.py).
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **kwargs)
    guard = JournalGuard(str(Path(database).resolve()))
    engine.info_guard = guard  # type: ignore[attr-defined]

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control from the sqlite3 module so we can say BEGIN IMMEDIATE ourselves.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode survives a killed process (not power loss) and keeps scans fast.
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()  # opens -wal and -shm
        cur.close()
        guard.opened()

    @event.listens_for(engine, "close")
    def _on_close(_dbapi_conn: Any, _record: Any) -> None:
        guard.closed()

    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_conn: Any, record: Any) -> None:
        # After a lost journal, a connection another thread was using is closed as it comes back (a disposed
        # pool would keep it, and the journal could not be renewed while it holds the lost one).
        if dbapi_conn is not None and guard.stale:
            record.invalidate()

    @event.listens_for(engine, "engine_disposed")
    def _on_dispose(_engine: Any) -> None:
        # While guarded nobody checkpoints on close; once released, the last one out folds -wal in as usual.
        # Best effort, and never on a file that is not there: a checkpoint must not create a database (only
        # init does) nor turn a damaged file into a traceback at closing time.
        had_journal = guard.identity is not None  # a damaged or foreign file never got one: leave it untouched
        if guard.renew(timeout=0) and had_journal and Path(database).is_file():
            with contextlib.suppress(sqlite3.Error):
                last = sqlite3.connect(f"{Path(database).resolve().as_uri()}?mode=rw", uri=True,
                                       timeout=BUSY_TIMEOUT_MS / 1000)
                try:
                    last.execute("PRAGMA wal_checkpoint(PASSIVE)")
                finally:
                    last.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the lock up front: a deferred transaction that later upgrades to a write lock can
        # fail with "database is locked" at once, without waiting for busy_timeout.
        read_only = conn.get_execution_options().get(READ_ONLY, False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
        guard.check(writing=False)

    @event.listens_for(engine, "commit")
    def _on_commit(conn: Any) -> None:
        # Never commit into a journal the other stations can no longer see (raises JournalLost: rolled back).
        guard.check(writing=not conn.get_execution_options().get(READ_ONLY, False))

    return engine


def create_private_file(path: Path) -> None:
    """A new database file (and the folder made for it) is the owner's only: it holds PIN hashes and customers'
    details. SQLite gives its -wal and -shm files the database file's permissions. An existing file is left as
    it is (its owner chose)."""
    if path.exists():
        return
    private_dir(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))


def journal_guard(engine: Engine) -> JournalGuard | None:
    guard: JournalGuard | None = getattr(engine, "info_guard", None)
    return guard


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"
