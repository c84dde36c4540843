"""Shared fixtures: a fresh, migrated database per test on a real SQLite file and on the real PostgreSQL.

Migrating once into a template (a SQLite file copied per test; a PostgreSQL database cloned per test with
CREATE DATABASE … TEMPLATE) keeps each test isolated and the suite fast. Every run uses its own database
names, so runs never collide.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy import create_engine, text

from serialdesk.bootstrap import App, Services
from serialdesk.config import Settings

# Fuzzing depth: CI runs the default profile; `make fuzz` runs the nightly one (100k examples a property).
settings.register_profile("ci", deadline=None, max_examples=60)
settings.register_profile("nightly", deadline=None, max_examples=100_000,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _no_station_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests (and the CLI processes they start) never read this computer's saved station settings: the CLI
    takes the GUI's saved database and station as defaults (config.settings_file())."""
    if "SERIALDESK_CONFIG" not in os.environ:
        monkeypatch.setenv("SERIALDESK_CONFIG", str(tmp_path_factory.getbasetemp() / "no-settings.ini"))



def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every property-based test is a fuzz test: `make fuzz` (-m fuzz) runs them all with the nightly profile."""
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.fuzz)


PG_ADMIN_URL = os.environ.get("SERIALDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
ADMIN_PIN = "1234"
RUN_ID = uuid.uuid4().hex[:8]


def _pg_admin():  # type: ignore[no-untyped-def]
    return create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")


def _pg_url(name: str) -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    app = App(Settings(db_url=str(path), user="admin", station="test"))
    app.init_schema(ADMIN_PIN)
    app.close()
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    if os.environ.get("SERIALDESK_SKIP_PG") == "1":
        pytest.skip("PostgreSQL tests switched off by SERIALDESK_SKIP_PG=1")
    admin = _pg_admin()
    name = f"sd_tpl_{RUN_ID}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # make test must cover PostgreSQL: a missing server is a failure, not a skip
        pytest.fail(f"PostgreSQL at {PG_ADMIN_URL} is not reachable ({exc}); start it or set SERIALDESK_SKIP_PG=1")
    app = App(Settings(db_url=_pg_url(name), user="admin", station="test"))
    app.init_schema(ADMIN_PIN)
    app.close()
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "serialdesk.db"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def pg_url(pg_template: str) -> Iterator[str]:
    name = f"sd_{RUN_ID}_{uuid.uuid4().hex[:10]}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"'))
    yield _pg_url(name)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def pg_empty_url(pg_template: str) -> Iterator[str]:
    """A new, empty PostgreSQL database (no schema), as a person would type its URL."""
    name = f"sd_{RUN_ID}_e{uuid.uuid4().hex[:10]}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield _pg_url(name).replace("postgresql+psycopg://", "postgresql://")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """Each test using this runs twice: on a SQLite file and on PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return str(request.getfixturevalue(name))


@dataclass
class Clock:
    """A settable clock so warranty and history dates are exact in tests."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now = self.now + timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 3, 3, 10, 0, tzinfo=UTC))


@pytest.fixture
def app(db_url: str, clock: Clock) -> Iterator[App]:
    application = App(Settings(db_url=db_url, user="admin", station="till-1"), clock=clock)
    yield application
    application.close()


@pytest.fixture
def admin(app: App) -> Services:
    return app.services(app.actor("admin"))


@pytest.fixture
def as_user(app: App, admin: Services) -> Callable[[str, str], Services]:
    """Services for a new user of the given role (created by admin)."""

    def make(name: str, role: str) -> Services:
        admin.users.add_user(name, role, "2468")
        return app.services(app.actor(name))

    return make


@pytest.fixture
def shop(admin: Services) -> Services:
    """A product with 24 months' warranty, a supplier, a customer — the counter's everyday setting."""
    admin.catalogue.add_product("DRL-18V", "Cordless drill 18V", gtin="4006381333931", cost="80.00",
                                price="129.90", warranty_months=24)
    admin.catalogue.add_supplier("Makita Europe")
    admin.catalogue.add_customer("Jane Smith", phone="+45 20 123456", email="jane@example.net")
    return admin
