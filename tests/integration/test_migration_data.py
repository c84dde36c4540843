# ruff: noqa: E501  (rows of SQL as the first schema's code wrote them read best one statement a line)
"""Every migration keeps a shop's data: build the first schema, fill it as revision 0001's code did, upgrade."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from serialdesk.bootstrap import App
from serialdesk.config import Settings
from serialdesk.db.engine import make_engine
from serialdesk.db.migrate import head_revision, upgrade

T0 = datetime(2026, 1, 5, 9, tzinfo=UTC)

# Rows as revision 0001's services wrote them (no status moves in the ledger yet).
FIRST_SCHEMA_ROWS = [
    "INSERT INTO users (id, name, role, pin_hash, active, created_at) VALUES (1, 'admin', 'manager', NULL, true, :t)",
    "INSERT INTO products (id, sku, name, gtin, cost, price, warranty_months, serial_source, serial_case, created_at)"
    " VALUES (1, 'DRL-18V', 'Drill', '4006381333931', 80, 129.9, 24, 'supplier', 'upper', :t)",
    "INSERT INTO suppliers (id, name, created_at) VALUES (1, 'Makita Europe', :t)",
    "INSERT INTO customers (id, name, created_at) VALUES (1, 'Jane Smith', :t)",
    "INSERT INTO lots (id, product_id, code, supplier_id, received_at) VALUES (1, 1, 'L1', 1, :t)",
    "INSERT INTO receipts (id, supplier_id, status, created_by, station, created_at, posted_at)"
    " VALUES (1, 1, 'posted', 'admin', 's', :t, :t)",
    "INSERT INTO items (id, product_id, serial, lot_id, status, serial_source, cost, supplier_id, received_at,"
    " created_at) VALUES (1, 1, 'A1', 1, 'quarantined', 'supplier', 80, 1, :t, :t),"
    " (2, 1, 'A2', 1, 'sold', 'supplier', 80, 1, :t, :t), (3, 1, 'A3', 1, 'in_stock', 'supplier', 80, 1, :t, :t)",
    "INSERT INTO receipt_lines (id, receipt_id, item_id, scanned_at) VALUES (1, 1, 1, :t), (2, 1, 2, :t), (3, 1, 3, :t)",
    "INSERT INTO sales (id, customer_id, status, sold_by, station, sold_at) VALUES (1, 1, 'completed', 'admin', 's', :t),"
    " (2, 1, 'completed', 'admin', 's', :t)",
    "INSERT INTO sale_lines (id, sale_id, item_id, price, warranty_until) VALUES (1, 1, 1, 129.9, :t), (2, 2, 2, 99, :t)",
    "INSERT INTO returns (id, sale_line_id, reason, disposition, by_user, at) VALUES (1, 1, 'DOA', 'quarantine', 'admin', :t)",
    "INSERT INTO events (id, at, kind, item_id, product_id, serial, by_user, station, ref_type, ref_id, data) VALUES"
    " (1, :t, 'received', 1, 1, 'A1', 'admin', 's', 'receipt', 1, '{}'),"
    " (2, :t, 'received', 2, 1, 'A2', 'admin', 's', 'receipt', 1, '{}'),"
    " (3, :t, 'received', 3, 1, 'A3', 'admin', 's', 'receipt', 1, '{}'),"
    " (4, :t, 'sold', 1, 1, 'A1', 'admin', 's', 'sale', 1, '{}'),"
    " (5, :t, 'returned', 1, 1, 'A1', 'admin', 's', 'return', 1, '{\"disposition\": \"quarantine\", \"reason\": \"DOA\", \"sale\": \"S-0001\"}'),"
    " (6, :t, 'sold', 2, 1, 'A2', 'admin', 's', 'sale', 2, '{}')",
]


@pytest.fixture
def first_schema_url(request: pytest.FixtureRequest, tmp_path) -> str:  # type: ignore[no-untyped-def]
    return str(tmp_path / "old.db") if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")


@pytest.mark.parametrize("first_schema_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
def test_a_shop_on_the_first_schema_upgrades_with_its_data_intact(first_schema_url: str) -> None:
    engine = make_engine(first_schema_url)
    upgrade(engine, "0001")
    with engine.begin() as conn:
        for statement in FIRST_SCHEMA_ROWS:
            conn.execute(text(statement), {"t": T0.replace(tzinfo=None) if conn.dialect.name == "sqlite" else T0})
        if conn.dialect.name == "postgresql":  # rows were inserted with explicit ids
            for table in ("users", "products", "suppliers", "customers", "lots", "receipts", "items",
                          "receipt_lines", "sales", "sale_lines", "returns", "events"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 100)"))
    engine.dispose()

    app = App(Settings(db_url=first_schema_url, user="admin", station="s"))
    try:
        app.init_schema()  # `serialdesk init` = upgrade to head
        app.require_schema()
        services = app.services(app.actor())
        a1, a2 = services.lookup.passport("A1"), services.lookup.passport("A2")
        assert (a1.status, a2.status, a2.customer.name if a2.customer else None) == ("quarantined", "sold", "Jane Smith")
        assert [e.summary for e in a1.events][-1] == "Returned from S-0001: DOA → quarantine"
        assert services.maintenance.check() == []  # the status moves were backfilled into the ledger
        assert services.reports.stock().total_units == 1
        # …and the upgraded shop keeps working.
        services.sales.sell_items("Jane Smith", ["A3"])
        assert services.service_desk.open_ticket("A3", "Noise").customer is not None
    finally:
        app.close()
    assert head_revision() is not None
