"""A backup proves itself (issue 11, findings 2 and 7): a manifest in both kinds, a cut, damaged or foreign file
refused before anything changes, never a backup onto the shop's own file, nothing left by a full disk, a
restore over a shop with data on both backends, and an audit event for each."""

from __future__ import annotations

import gzip
import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from serialdesk.bootstrap import App, Services
from serialdesk.domain.errors import DomainError
from serialdesk.services.maintenance import verify_backup
from tests.integration.test_backup import busy, snapshot  # noqa: F401 - the busy shop fixture is shared

ENV = {"SERIALDESK_PIN": "1234"}


def cli(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **ENV, "SERIALDESK_DB": db}
    env.pop("SERIALDESK_USER", None)
    return subprocess.run([sys.executable, "-m", "serialdesk", *args], env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)


def dump_of(shop: Services, folder: Path) -> Path:
    dump = folder / "shop.sdump"
    shop.maintenance.backup(str(dump), portable=True)
    return dump


def cut_variants(dump: Path, folder: Path) -> dict[str, Path]:
    """The ways a dump arrives incomplete or damaged: whole lines missing (zcat | head | gzip), bytes cut off,
    one compressed byte changed, one row changed and re-compressed."""
    lines = gzip.decompress(dump.read_bytes()).splitlines(keepends=True)
    raw = dump.read_bytes()
    variants = {
        "head": gzip.compress(b"".join(lines[:len(lines) // 2])),
        "bytes": raw[:len(raw) // 2],
        "bytes3000": raw[:min(3000, len(raw) - 10)],
        "flipped": raw[:len(raw) // 2] + bytes([raw[len(raw) // 2] ^ 0xFF]) + raw[len(raw) // 2 + 1:],
        "edited": gzip.compress(b"".join(lines).replace(b'"A3"', b'"A9"', 1)),
    }
    paths = {}
    for name, data in variants.items():
        paths[name] = folder / f"{name}.sdump"
        paths[name].write_bytes(data)
    return paths


def test_a_cut_or_damaged_dump_is_refused_and_changes_nothing(busy: Services, tmp_path: Path) -> None:  # noqa: F811
    before = snapshot(busy)
    dump = dump_of(busy, tmp_path)
    assert verify_backup(str(dump)).rows["items"] == 4
    for name, broken in cut_variants(dump, tmp_path).items():
        with pytest.raises(DomainError, match="not a usable backup") as err:
            busy.maintenance.restore(str(broken), replace=True)
        assert err.value.code == "bad_backup", name
        assert ("cut off" if name != "edited" else "checksum") in err.value.message, name
        with pytest.raises(DomainError):
            verify_backup(str(broken))
    assert snapshot(busy) == before


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_cut_or_changed_sqlite_backup_is_refused(busy: Services, tmp_path: Path) -> None:  # noqa: F811
    before = snapshot(busy)
    copy = tmp_path / "copy.db"
    result = busy.maintenance.backup(str(copy))
    assert result.kind == "sqlite" and result.rows["items"] == 4 and result.checksum
    assert verify_backup(str(copy)).checksum == result.checksum
    cut = tmp_path / "cut.db"
    cut.write_bytes(copy.read_bytes()[: copy.stat().st_size // 2])
    changed = tmp_path / "changed.db"
    changed.write_bytes(copy.read_bytes())
    with sqlite3.connect(changed) as conn:
        conn.execute("UPDATE items SET serial = 'A9' WHERE serial = 'A3'")
    for broken, why in ((cut, "damaged"), (changed, "do not match its manifest")):
        with pytest.raises(DomainError, match=why):
            busy.maintenance.restore(str(broken), replace=True)
    assert snapshot(busy) == before


def test_only_serialdesk_backups_of_a_known_revision_are_restored(busy: Services, tmp_path: Path) -> None:  # noqa: F811
    before = snapshot(busy)
    other = tmp_path / "other-app.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('hello')")
    with pytest.raises(DomainError, match="another program") as err:
        busy.maintenance.restore(str(other), replace=True)
    assert err.value.code == "not_a_backup"
    newer = tmp_path / "newer.db"
    with sqlite3.connect(newer) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES ('9999')")
    with pytest.raises(DomainError, match="revision 9999"):
        busy.maintenance.restore(str(newer), replace=True)
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(DomainError, match="not a serialdesk backup"):
        busy.maintenance.restore(str(tmp_path / "notes.txt"), replace=True)
    assert snapshot(busy) == before  # the shop is still set up and whole


def test_restore_replace_over_a_shop_with_data_works_on_either_backend(busy: Services, app: App,  # noqa: F811
                                                                        tmp_path: Path) -> None:
    before = snapshot(busy)
    dump = dump_of(busy, tmp_path)
    busy.sales.sell_items("Jane Smith", ["A3"])  # work done after the backup …
    result = busy.maintenance.restore(str(dump), replace=True)
    assert result.rows["items"] == 4
    assert snapshot(app.services(app.actor())) == before  # … is replaced by the backup's state
    assert app.services(app.actor()).maintenance.check() == []


def _events(url: str) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(
                "SELECT kind, item_id, by_user, station FROM events WHERE kind IN ('backup_written', 'restored') "
                "ORDER BY id"))]
    finally:
        engine.dispose()


def test_backup_and_restore_are_audited(busy: Services, db_url: str, tmp_path: Path) -> None:  # noqa: F811
    url = db_url.replace("postgresql://", "postgresql+psycopg://")
    dump = dump_of(busy, tmp_path)
    assert _events(url) == [("backup_written", None, "admin", "till-1")]
    busy.maintenance.restore(str(dump), replace=True)
    assert _events(url) == [("restored", None, "admin", "till-1")]  # the restored shop, plus who restored it


def test_a_backup_onto_the_shops_own_file_is_refused_however_it_is_spelt(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    folder.mkdir()
    db = folder / "shop.db"
    assert cli(str(db), "init", "--admin-pin", "1234").returncode == 0
    assert cli(str(db), "product", "add", "DRL-18V", "--name", "Drill").returncode == 0
    size = db.stat().st_size
    os.link(db, tmp_path / "hard.db")
    (tmp_path / "soft.db").symlink_to(db)
    spellings = [str(db), f"{folder}/../shop/shop.db", str(tmp_path / "hard.db"), str(tmp_path / "soft.db"),
                 f"{db}-wal"]
    for target in spellings:
        for extra in ([], ["--portable"]):
            proc = cli(str(db), "backup", target, *extra)
            assert proc.returncode == 3, (target, extra, proc.stderr)
            assert "this shop's own database" in proc.stderr and "Traceback" not in proc.stderr
    assert db.stat().st_size >= size
    assert cli(str(db), "check").returncode == 0
    assert cli(str(db), "product", "add", "DRL-18V", "--name", "Drill").returncode == 3  # still there


def test_backup_and_restore_check_name_what_they_wrote_and_verified(tmp_path: Path) -> None:
    db = str(tmp_path / "shop.db")
    assert cli(db, "init", "--admin-pin", "1234").returncode == 0
    assert cli(db, "demo", "--items", "20").returncode == 0
    for name, extra in (("shop.sdump", ["--portable"]), ("copy.db", [])):
        out = tmp_path / name
        written = cli(db, "backup", str(out), *extra)
        assert written.returncode == 0 and f"Backup written to {out}" in written.stdout
        assert "items 20" in written.stdout and "rows" in written.stdout
        checked = cli(db, "restore", "--check", str(out))
        assert checked.returncode == 0 and "Complete and intact" in checked.stdout and "items 20" in checked.stdout
    part = tmp_path / "part.sdump"  # `zcat shop.sdump | head -50 | gzip > part.sdump`
    lines = gzip.decompress((tmp_path / "shop.sdump").read_bytes()).splitlines(keepends=True)
    part.write_bytes(gzip.compress(b"".join(lines[:50])))
    cut = tmp_path / "cut.sdump"
    cut.write_bytes((tmp_path / "shop.sdump").read_bytes()[:3000])
    fresh = tmp_path / "fresh.db"
    for broken in (part, cut):
        assert cli(db, "restore", "--check", str(broken)).returncode == 3
        proc = cli(str(fresh), "restore", str(broken))
        assert proc.returncode == 3 and "cut off" in proc.stderr and "Traceback" not in proc.stderr
        assert "Restored" not in proc.stdout and not fresh.exists()
    restored = cli(str(fresh), "restore", str(tmp_path / "shop.sdump"))
    assert restored.returncode == 0 and "items 20" in restored.stdout
    assert cli(str(fresh), "check").returncode == 0


# ---- a full disk -------------------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path, leave: int) -> None:
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    with (disk / "filler").open("wb") as handle:
        handle.write(b"\0" * max(free - leave, 0))


def _backup_fails_for_a_full_disk(shop: Services, disk: Path, name: str, *, portable: bool) -> None:
    target = disk / name
    with pytest.raises(DomainError, match=f"Cannot write {target}: the disk is full"):
        shop.maintenance.backup(str(target), portable=portable)
    assert sorted(p.name for p in disk.iterdir()) == ["filler"]  # no partial file, no temporary left


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # the database-file backup is SQLite's
def test_a_full_disk_leaves_no_partial_sqlite_backup(busy: Services, small_disk: Path) -> None:  # noqa: F811
    _fill(small_disk, leave=32 * 1024)  # less than the shop's database file
    _backup_fails_for_a_full_disk(busy, small_disk, "copy.db", portable=False)


def test_a_full_disk_leaves_no_partial_dump(busy: Services, small_disk: Path) -> None:  # noqa: F811
    _fill(small_disk, leave=1024)  # less than the dump
    _backup_fails_for_a_full_disk(busy, small_disk, "shop.sdump", portable=True)
