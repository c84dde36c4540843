"""Every revision since the genealogy one downgrades and upgrades again, on SQLite and PostgreSQL: a shop that
has to go back one version (a bad release) keeps its data and can come forward again."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from serialdesk.db.engine import make_engine
from serialdesk.db.migrate import current_revision, downgrade, head_revision, upgrade


@pytest.fixture
def empty_url(request: pytest.FixtureRequest, tmp_path) -> str:  # type: ignore[no-untyped-def]
    return str(tmp_path / "shop.db") if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")


@pytest.mark.parametrize("empty_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
def test_head_downgrades_to_0006_and_upgrades_back_with_units_kept(empty_url: str) -> None:
    engine = make_engine(empty_url)
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO products (id, sku, name, cost, price, warranty_months, serial_source, "
                          "serial_case, created_at) VALUES (1, 'BIKE', 'Bike', 0, 0, 24, 'supplier', 'upper', "
                          "CURRENT_TIMESTAMP)"))
        conn.execute(text("INSERT INTO items (id, product_id, serial, status, serial_source, cost, created_at, "
                          "location_id) VALUES (1, 1, 'B1', 'in_stock', 'supplier', 0, CURRENT_TIMESTAMP, 1)"))
    downgrade(engine, "0006")
    assert current_revision(engine) == "0006"
    assert "location_id" not in {c["name"] for c in inspect(engine).get_columns("items")}
    assert "locations" not in inspect(engine).get_table_names()
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT serial, location_id FROM items")).all() == [("B1", 1)]
        violations = conn.execute(text("PRAGMA foreign_key_check")).all() if conn.dialect.name == "sqlite" else []
    engine.dispose()
    assert violations == []
