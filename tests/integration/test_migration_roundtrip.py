"""The supply-chain revision (0007) and everything after it downgrade to 0006 and upgrade again, on SQLite and
PostgreSQL, with the shop's records intact: a shop that has to go back one version keeps its data.

On SQLite the `location_id` columns are dropped in place (ALTER TABLE … DROP COLUMN), not by copying the table
in batch mode: copying `items` drops the old table, and with foreign keys on that deletes every receipt line
(ON DELETE CASCADE) — this test counts them."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from serialdesk.bootstrap import App
from serialdesk.config import Settings
from serialdesk.db.migrate import current_revision, downgrade, head_revision, upgrade

COUNTED = ("items", "receipt_lines", "sale_lines", "service_tickets")


@pytest.fixture
def empty_url(request: pytest.FixtureRequest, tmp_path) -> str:  # type: ignore[no-untyped-def]
    return str(tmp_path / "shop.db") if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")


def _counts(app: App) -> dict[str, int]:
    with app.engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in COUNTED}


@pytest.mark.parametrize("empty_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
def test_head_downgrades_to_0006_and_upgrades_back_with_the_shop_intact(empty_url: str) -> None:
    app = App(Settings(db_url=empty_url, user="admin", station="till-1"))
    app.init_schema("1234")
    shop = app.services(app.actor("admin"))
    shop.catalogue.add_product("BIKE", "E-bike", supplier_warranty_months=24)
    shop.catalogue.add_supplier("Velo AG")
    shop.catalogue.add_customer("Jane Smith")
    shop.receiving.receive_units(supplier="Velo AG", sku="BIKE", serials=["B1", "B2", "B3"])
    shop.sales.sell_items("Jane Smith", ["B1"])
    shop.service_desk.open_ticket("B1", "motor cuts out")
    shop.rma.open_rma("T-0001")
    before = _counts(app)
    assert before == {"items": 3, "receipt_lines": 3, "sale_lines": 1, "service_tickets": 1}

    downgrade(app.engine, "0006")
    assert current_revision(app.engine) == "0006"
    inspector = inspect(app.engine)
    assert "location_id" not in {c["name"] for c in inspector.get_columns("items")}
    assert not {"locations", "rmas", "transfers"} & set(inspector.get_table_names())
    assert _counts(app) == before

    upgrade(app.engine)
    assert current_revision(app.engine) == head_revision()
    assert _counts(app) == before
    with app.engine.connect() as conn:
        assert conn.execute(text("SELECT DISTINCT location_id FROM items")).scalars().all() == [1]
    assert shop.maintenance.check() == []
    app.close()
