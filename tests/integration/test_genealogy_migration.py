"""Revision 0006 keeps what the swaps already said: a part fitted on a ticket before genealogy existed sits in
the ticket's unit afterwards, until a later swap took it out again."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from serialdesk.db.engine import make_engine
from serialdesk.db.migrate import upgrade

T1, T2 = datetime(2026, 1, 5, 9, tzinfo=UTC), datetime(2026, 2, 5, 9, tzinfo=UTC)

ROWS = [
    "INSERT INTO products (id, sku, name, cost, price, warranty_months, serial_source, serial_case, created_at)"
    " VALUES (1, 'EBIKE', 'E-bike', 0, 0, 24, 'supplier', 'upper', :t1), (2, 'BAT', 'Battery', 0, 0, 0, 'supplier',"
    " 'upper', :t1)",
    "INSERT INTO customers (id, name, created_at) VALUES (1, 'Eva Berg', :t1)",
    "INSERT INTO items (id, product_id, serial, status, serial_source, cost, created_at) VALUES"
    " (1, 1, 'VX1', 'sold', 'supplier', 0, :t1), (2, 2, 'B1', 'quarantined', 'supplier', 0, :t1),"
    " (3, 2, 'B2', 'fitted', 'supplier', 0, :t1)",
    "INSERT INTO service_tickets (id, item_id, customer_id, problem, status, sold_by_us, warranty_claim, opened_by,"
    " opened_at) VALUES (1, 1, 1, 'dead', 'closed', true, true, 'admin', :t1),"
    " (2, 1, 1, 'dead again', 'closed', true, true, 'admin', :t2)",
    "INSERT INTO part_swaps (id, ticket_id, removed_item_id, removed_product_id, removed_serial, fitted_item_id,"
    " by_user, at) VALUES (1, 1, NULL, 2, 'OLD', 2, 'admin', :t1), (2, 2, 2, 2, 'B1', 3, 'tech', :t2)",
]


@pytest.fixture
def old_url(request: pytest.FixtureRequest, tmp_path) -> str:  # type: ignore[no-untyped-def]
    return str(tmp_path / "old.db") if request.param == "sqlite" else request.getfixturevalue("pg_empty_url")


@pytest.mark.parametrize("old_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_swaps_made_before_0006_become_fitments(old_url: str) -> None:
    engine = make_engine(old_url)
    upgrade(engine, "0005")
    with engine.begin() as conn:
        stamp = {"t1": T1, "t2": T2} if conn.dialect.name != "sqlite" else {
            "t1": T1.replace(tzinfo=None), "t2": T2.replace(tzinfo=None)}
        for statement in ROWS:
            conn.execute(text(statement), stamp)
    upgrade(engine, "0006")
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT part_item_id, host_item_id, ticket_id, removed_ticket_id, removed_by "
                                 "FROM fitments ORDER BY id")).all()
    engine.dispose()
    assert [tuple(r) for r in rows] == [(2, 1, 1, 2, "tech"), (3, 1, 2, None, None)]
