"""A missing or damaged database (issue 11, findings 5 and 7): no command but init, demo and restore makes one;
every command names a damaged one in one sentence; check shows SQLite's own findings; init and restore --replace
put a sound shop in its place and keep the damaged file beside it."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

ENV = {"SERIALDESK_PIN": "1234"}


def cli(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **ENV, "SERIALDESK_DB": db}
    env.pop("SERIALDESK_USER", None)
    return subprocess.run([sys.executable, "-m", "serialdesk", *args], env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)


def test_a_typo_in_the_database_path_creates_nothing(tmp_path: Path) -> None:
    typo = tmp_path / "typo" / "sub" / "shop.db"
    proc = cli(f"sqlite:///{typo}", "lookup", "X")
    assert proc.returncode == 4
    assert f"There is no shop database at {typo}; create one with `serialdesk init`." in proc.stderr
    assert not (tmp_path / "typo").exists()
    in_existing_folder = tmp_path / "shp.db"
    for args in (["lookup", "X"], ["check"], ["backup", str(tmp_path / "b.db")], ["report", "stock"],
                 ["parse-scan", "SN1"]):
        proc = cli(str(in_existing_folder), *args)
        assert proc.returncode == 4 and "no shop database" in proc.stderr, args
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    assert cli(f"sqlite:///{typo}", "init", "--admin-pin", "1234").returncode == 0  # init is asked to make one
    assert cli(f"sqlite:///{typo}", "lookup", "X").returncode == 4 and typo.is_file()


@pytest.fixture(scope="module")
def good_shop(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, Path]:
    """A small demo shop's database file, and a portable backup of it."""
    folder = tmp_path_factory.mktemp("good")
    db = folder / "shop.db"
    assert cli(str(db), "demo", "--items", "30").returncode == 0
    dump = folder / "shop.sdump"
    assert cli(str(db), "backup", "--portable", str(dump)).returncode == 0
    assert cli(str(db), "check").returncode == 0
    return db.read_bytes(), dump


def damaged(kind: str, good: bytes, path: Path) -> Path:
    data = bytearray(good)
    if kind == "truncated":
        data = data[: len(data) // 2]
    elif kind == "corrupt-page":  # the schema page itself: every statement meets it
        data[100:400] = b"\x07" * 300
    elif kind == "foreign":
        data = bytearray(b"%PDF-1.4\n" + b"not a database at all\n" * 200)
    path.write_bytes(bytes(data))
    return path


KINDS = ["truncated", "corrupt-page", "foreign"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_command_names_a_damaged_database_in_one_sentence(kind: str, good_shop: tuple[bytes, Path],
                                                                tmp_path: Path) -> None:
    db = damaged(kind, good_shop[0], tmp_path / "shop.db")
    for args in (["lookup", "X"], ["report", "stock"], ["backup", str(tmp_path / "b.db")],
                 ["backup", "--portable", str(tmp_path / "b.sdump")], ["restore", str(good_shop[1])],
                 ["customer", "add", "Jane"], ["--json", "lookup", "X"]):
        proc = cli(str(db), *args)
        assert proc.returncode == 3, (args, proc.stderr)
        assert "Traceback" not in proc.stderr and f"The database {db} is damaged" in proc.stderr, args
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert not (tmp_path / "b.db").exists() and not (tmp_path / "b.sdump").exists()


@pytest.mark.parametrize("kind", KINDS)
def test_check_reports_sqlites_own_findings(kind: str, good_shop: tuple[bytes, Path], tmp_path: Path) -> None:
    db = damaged(kind, good_shop[0], tmp_path / "shop.db")
    proc = cli(str(db), "--json", "check")
    assert proc.returncode == 3 and "Traceback" not in proc.stderr
    import json

    report = json.loads(proc.stdout)
    assert report["ok"] is False and report["problems"][0].startswith("storage: ")
    assert any(word in report["problems"][0] for word in ("malformed", "not a database"))


def test_check_lists_integrity_check_output_for_a_damaged_page(good_shop: tuple[bytes, Path],
                                                              tmp_path: Path) -> None:
    data = bytearray(good_shop[0])
    data[4096 * 20:4096 * 20 + 200] = b"\xff" * 200  # one b-tree page in the middle
    db = tmp_path / "shop.db"
    db.write_bytes(bytes(data))
    proc = cli(str(db), "check")
    assert proc.returncode == 3 and "Traceback" not in proc.stderr
    assert "storage: " in proc.stdout and "Page 21" in proc.stdout
    backup = cli(str(db), "backup", str(tmp_path / "copy.db"))  # a damaged file is not copied as if sound
    assert backup.returncode == 3 and "damaged" in backup.stderr and not (tmp_path / "copy.db").exists()


def _kept_beside(db: Path) -> list[Path]:
    return sorted(db.parent.glob(f"{db.name}.damaged-*"))


@pytest.mark.parametrize("kind", KINDS)
def test_init_puts_a_new_shop_in_place_and_keeps_the_damaged_file(kind: str, good_shop: tuple[bytes, Path],
                                                                  tmp_path: Path) -> None:
    db = damaged(kind, good_shop[0], tmp_path / "shop.db")
    broken = db.read_bytes()
    Path(f"{db}-wal").write_bytes(b"wal")  # its companions go with it
    proc = cli(str(db), "init", "--admin-pin", "1234")
    assert proc.returncode == 0, proc.stderr
    kept = [p for p in _kept_beside(db) if not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and kept[0].read_bytes() == broken and f"kept as {kept[0]}" in proc.stdout
    assert Path(f"{kept[0]}-wal").read_bytes() == b"wal"
    assert cli(str(db), "check").returncode == 0 and cli(str(db), "lookup", "X").returncode == 4


@pytest.mark.parametrize("kind", KINDS)
def test_restore_replace_recovers_a_damaged_database_from_a_backup(kind: str, good_shop: tuple[bytes, Path],
                                                                   tmp_path: Path) -> None:
    db = damaged(kind, good_shop[0], tmp_path / "shop.db")
    refused = cli(str(db), "restore", str(good_shop[1]))
    assert refused.returncode == 3 and "add --replace" in refused.stderr and not _kept_beside(db)
    proc = cli(str(db), "restore", "--replace", str(good_shop[1]))
    assert proc.returncode == 0, proc.stderr
    assert "items 30" in proc.stdout and len(_kept_beside(db)) == 1
    assert cli(str(db), "check").returncode == 0
    with gzip.open(good_shop[1], "rt") as handle:
        serial = next(line for line in handle if line.startswith('{"t":"items"')).split('"serial":"')[1].split('"')[0]
    assert cli(str(db), "lookup", serial).returncode == 0


def test_init_and_restore_refuse_another_programs_database(good_shop: tuple[bytes, Path], tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "other-app.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    before = other.read_bytes()
    for args in (["init", "--admin-pin", "1234"], ["restore", "--replace", str(good_shop[1])]):
        proc = cli(str(other), *args)
        assert proc.returncode == 3 and "another program's database (tables notes)" in proc.stderr, args
    assert other.read_bytes() == before
