"""SQLite's POSIX locks belong to the process: any open()+close() of the database file in the process drops
them ("How To Corrupt An SQLite Database File", §2.2/§2.3). The next process to close then believes it is the
last one, checkpoints and deletes ``-wal``, and a connection that stays open goes on writing into the deleted
file, where no other process can see it.

The first test shows the mechanism with nothing but ``sqlite3``; the others show the app's engine never writes
where the other stations cannot see (every scan reaches a second process)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

READ_COUNT = "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from t').fetchone()[0])"


def other_process_count(db: Path, table: str = "t") -> int:
    code = READ_COUNT.replace("from t", f"from {table}")
    return int(subprocess.run([sys.executable, "-c", code, str(db)], check=True, capture_output=True,
                              text=True).stdout)


def test_plain_sqlite3_writes_into_a_deleted_wal_after_the_process_opens_and_closes_the_file(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    assert other_process_count(db) == 1
    open(db, "rb").close()  # what Qt's file dialog does when it reads the folder: the process's locks are gone
    assert other_process_count(db) == 1  # ...and that process, alone by the locks, checkpoints and deletes -wal
    assert not Path(f"{db}-wal").exists()
    conn.execute("INSERT INTO t VALUES (2)")  # goes into the deleted -wal
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 2  # this connection sees it...
    assert other_process_count(db) == 1  # ...no other process ever will
    conn.close()


# ---- the app's engine ------------------------------------------------------------------------------------

import pytest  # noqa: E402

from serialdesk.bootstrap import App  # noqa: E402
from serialdesk.config import Settings  # noqa: E402
from serialdesk.db import journal  # noqa: E402
from serialdesk.domain.errors import DomainError  # noqa: E402

SERIALS_SEEN = ("import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                "print(' '.join(r[0] for r in c.execute('select serial from items order by serial')))")


def seen_by_another_process(db: Path) -> list[str]:
    out = subprocess.run([sys.executable, "-c", SERIALS_SEEN, str(db)], check=True, capture_output=True, text=True)
    return out.stdout.split()


@pytest.fixture
def station(sqlite_url: str, clock: object) -> object:
    application = App(Settings(db_url=sqlite_url, user="admin", station="till-1"), clock=clock)  # type: ignore[arg-type]
    services = application.services(application.actor("admin"))
    services.catalogue.add_product("DRL-18V", "Cordless drill 18V", cost="80.00", price="129.90")
    services.catalogue.add_supplier("Makita Europe")
    yield application, services, Path(sqlite_url.removeprefix("sqlite:///"))
    application.close()


def test_a_scan_after_the_process_opened_and_closed_the_database_file_reaches_every_station(station) -> None:
    _app, services, db = station
    receipt = services.receiving.open_receipt("Makita Europe")
    services.receiving.add_scan(receipt.id, "DRL-18V", "SN-1")
    for name in (db, f"{db}-wal", f"{db}-shm"):  # what a file dialog does, in this process
        open(name, "rb").close()
    assert seen_by_another_process(db) == ["SN-1"]  # that process closes last by the locks it can see
    services.receiving.add_scan(receipt.id, "DRL-18V", "SN-2")
    open(db, "rb").close()
    services.receiving.add_scan(receipt.id, "DRL-18V", "SN-3")
    assert seen_by_another_process(db) == ["SN-1", "SN-2", "SN-3"]


@pytest.mark.skipif(not journal._OFD, reason="the guard needs Linux OFD locks")
def test_the_guard_holds_the_journal_while_the_app_has_the_database(station) -> None:
    app, services, db = station
    guard = app.uows.guard
    services.receiving.open_receipt("Makita Europe")
    assert guard is not None and guard.guarded
    open(db, "rb").close()
    seen_by_another_process(db)
    assert Path(f"{db}-wal").exists() and Path(f"{db}-shm").exists()  # not deleted by the other process


def test_a_journal_deleted_under_the_app_is_never_written_into_the_scan_is_refused_and_then_saved(
        station, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the guard (another platform, or a program deleting the files by hand) the check still holds:
    the write is rolled back, the user is told the connection was renewed, the next try is saved for all."""
    app, services, db = station
    monkeypatch.setattr(journal, "_OFD", False)
    app.uows.reconnect()  # as on a system without OFD locks: unguarded from now on
    receipt = services.receiving.open_receipt("Makita Europe")
    services.receiving.add_scan(receipt.id, "DRL-18V", "SN-1")  # its connection stays in the pool
    assert not app.uows.guard.guarded
    open(db, "rb").close()
    open(f"{db}-shm", "rb").close()
    assert seen_by_another_process(db) == ["SN-1"]
    assert not Path(f"{db}-wal").exists()  # deleted: the pooled connection would write into a ghost
    with pytest.raises(DomainError) as refused:
        services.receiving.add_scan(receipt.id, "DRL-18V", "SN-2")
    assert refused.value.code == "db_reconnected"
    assert seen_by_another_process(db) == ["SN-1"]  # nothing half-written anywhere
    services.receiving.add_scan(receipt.id, "DRL-18V", "SN-2")  # the retry (GUI/CLI do it by themselves)
    services.receiving.add_scan(receipt.id, "DRL-18V", "SN-3")
    assert seen_by_another_process(db) == ["SN-1", "SN-2", "SN-3"]


def test_a_connection_in_use_elsewhere_during_a_reconnect_is_closed_when_it_comes_back(
        station, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another thread's connection holds the lost journal: the journal is renewed once it is back, and the
    next scan is saved where every station sees it (not refused for ever)."""
    app, services, db = station
    monkeypatch.setattr(journal, "_OFD", False)
    app.uows.reconnect()
    receipt = services.receiving.open_receipt("Makita Europe")
    other_thread = app.engine.connect().execution_options(serialdesk_read_only=True)
    other_thread.exec_driver_sql("SELECT count(*) FROM items").all()
    other_thread.commit()
    open(db, "rb").close()
    assert seen_by_another_process(db) == []
    monkeypatch.setattr(journal.JournalGuard.renew, "__defaults__", (0.1,))
    with pytest.raises(DomainError) as refused:
        services.receiving.add_scan(receipt.id, "DRL-18V", "SN-1")
    assert refused.value.code == "db_reconnected" and app.uows.guard.stale
    other_thread.close()  # back from the other thread
    assert not app.uows.guard.stale
    services.receiving.add_scan(receipt.id, "DRL-18V", "SN-1")
    assert seen_by_another_process(db) == ["SN-1"]
