"""A pasted list goes onto a draft set-based, on SQLite and PostgreSQL: a chunk costs the same few statements
whatever its size, no new unit is looked up again after its insert, and the result is what a scan would save."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from serialdesk.bootstrap import App, Services
from serialdesk.workflows.receiving import ReceivingSession


@contextmanager
def statements(app: App) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(app.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(app.engine, "before_cursor_execute", note)


def test_a_chunk_costs_the_same_statements_for_ten_serials_as_for_a_thousand(app: App, shop: Services) -> None:
    session = ReceivingSession(shop, sku="DRL-18V")
    session.add_many(["OPEN-1"])  # the draft is open: every chunk below does the same work
    counts = []
    for size in (10, 1000):
        with statements(app) as seen:
            outcome = session.add_many([f"S{size}-{n:04d}" for n in range(size)], chunk=size)
        assert (len(outcome.added), outcome.refused) == (size, ())
        counts.append(len(seen))
        # Set-based: the new units are written from the ids their INSERT returned (SQLite: the ids it gave them,
        # under the write lock), never looked up again by serial (a lookup that, on PostgreSQL without
        # statistics, hashed every unit of the product).
        inserts = [s for s in seen if s.startswith("INSERT INTO items")]
        assert len(inserts) == 1 and ("RETURNING" in inserts[0] or inserts[0].startswith("INSERT INTO items (id,"))
        lookups = [s for s in seen if s.startswith("SELECT") and ("FROM items" in s or "JOIN items" in s)
                   and "max(id)" not in s]  # SQLite's next id is no look-up of units
        assert len(lookups) == 1  # the one check for serials already known, before the insert
    assert counts[0] == counts[1] <= 14


def test_a_pasted_list_saves_lines_and_ledger_in_the_order_given(app: App, shop: Services) -> None:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["K-2"])
    session = ReceivingSession(shop, sku="DRL-18V", lot="L7")
    outcome = session.add_many(["K-3", "k-1", "K-2", "K-1", "K-0"], chunk=4)
    assert [u.serial for u in outcome.added] == ["K-3", "K-1", "K-0"]
    assert [t for t, _ in outcome.refused] == ["K-2", "K-1"]  # known here already; twice in the list
    assert session.draft is not None
    units = shop.receiving.receipt(session.draft.id).units
    assert [(u.serial, u.lot) for u in units] == [("K-3", "L7"), ("K-1", "L7"), ("K-0", "L7")]
    assert [u.item_id for u in units] == [u.item_id for u in outcome.added]
    for unit in outcome.added:
        passport = shop.lookup.passport(unit.serial)
        assert [(e.kind, e.ref, e.by) for e in passport.events] == [("scanned", session.draft.number, "admin")]
