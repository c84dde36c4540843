"""Issue 12 finding 9, the command-line half: a URL's password is never printed, and what the database holds (PIN
hashes, customers) is created readable by its owner only. SQLite and PostgreSQL."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from serialdesk.bootstrap import App
from serialdesk.config import Settings
from serialdesk.services.maintenance import prepare_new_database
from tests.integration.test_cli import as_json, run


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def with_secret(url: str) -> str:
    return make_url(url).set(password="s3cret-pw").render_as_string(hide_password=False)


@pytest.mark.postgres
def test_init_json_and_errors_never_show_the_password(pg_empty_url: str) -> None:
    url = with_secret(pg_empty_url)  # the test server trusts its users: any password is accepted, and shown nowhere
    done = run(url, "init", "--admin-pin", "1234", "--json", pin=None)
    assert "s3cret" not in done.stdout + done.stderr and as_json(done)["db"].count("***") == 1
    for bad, code in ((url.replace("127.0.0.1:5432", "127.0.0.1:9"), 3),  # nobody listens there
                      (url.replace("postgresql", "postgresql+nodriver", 1), 2)):  # no such driver
        refused = run(bad, "user", "list", check=code)
        assert refused.stderr.strip() and "s3cret" not in refused.stderr + refused.stdout, refused.stderr
        assert "Traceback" not in refused.stderr


def test_a_new_database_and_its_folder_are_the_owners_only(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "serialdesk"
    db = folder / "shop.db"
    run(str(db), "init", "--admin-pin", "1234", pin=None)
    assert mode(folder) == 0o700 and mode(db) == 0o600
    # -wal and -shm exist while the database is open: they hold the same rows
    app = App(Settings(db_url=str(tmp_path / "other" / "shop.db"), user="admin", station="t"))
    try:
        prepare_new_database(app.engine)  # what init and demo do first: only they make a database
        app.init_schema("1234")
        with app.engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM users").scalar()
            side = sorted(p.name for p in (tmp_path / "other").iterdir())
            assert side == ["shop.db", "shop.db-shm", "shop.db-wal"]
            assert {mode(tmp_path / "other" / name) for name in side} == {0o600}
        assert mode(tmp_path / "other") == 0o700
    finally:
        app.close()


def test_an_existing_database_keeps_the_permissions_its_owner_gave_it(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    run(str(db), "init", "--admin-pin", "1234", pin=None)
    db.chmod(0o640)  # the owner chose to share it with a group
    run(str(db), "user", "list")
    assert mode(db) == 0o640
