"""One scan against a PO costs the same whatever the size of the supplier's notice (issue 15's speed): the scanned
serial is looked up on the notice by its index, the counts move by what the scan changed, and the answer carries
only that — no statement reads the whole checklist back, on SQLite or on PostgreSQL (a round trip each)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from serialdesk.bootstrap import App, Services
from serialdesk.services.dto.supply import PoReceipt
from serialdesk.services.purchasing import PurchasingService


@contextmanager
def reads(app: App) -> Iterator[list[tuple[str, int]]]:
    """Each statement the scan sends, with the rows a SELECT among them returns (replayed on a cursor of the
    same connection, inside the same transaction, just before it runs)."""
    seen: list[tuple[str, int]] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        rows = -1
        if statement.lstrip().upper().startswith("SELECT") and not executemany:
            replay = conn.connection.cursor()
            try:
                replay.execute(statement, parameters)
                rows = len(replay.fetchall())
            finally:
                replay.close()
        seen.append((statement, rows))

    event.listen(app.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(app.engine, "before_cursor_execute", count)


def scan_with_notice(app: App, shop: Services, size: int, tag: str) -> tuple[list[tuple[str, int]], PoReceipt]:
    buying = PurchasingService(app.uows, shop.actor, app.clock)
    order = buying.add_order("Makita Europe", [("DRL-18V", size, "70.00", None)])
    notice = [{"serial": f"{tag}{n:05d}", "lot": "L7"} for n in range(size)]
    buying.load_notice(order.number, notice)
    buying.receive(order.number, [f"{tag}00000"])  # warm: the first receipt may read settings and open the lot
    with reads(app) as seen:
        got = buying.receive(order.number, [f"{tag}00001"])
    return seen, got


def test_a_scan_against_a_po_costs_the_same_with_a_notice_of_20_or_2000(app: App, shop: Services) -> None:
    small, got_small = scan_with_notice(app, shop, 20, "S")
    large, got_large = scan_with_notice(app, shop, 2000, "L")
    assert len(large) == len(small), "statements per scan grew with the notice:\n" + "\n".join(s for s, _ in large)
    read_small, read_large = sum(max(n, 0) for _, n in small), sum(max(n, 0) for _, n in large)
    assert read_large == read_small, [(s.split("FROM", 1)[-1][:80], n) for s, n in large if n > 2]
    assert read_large < 40
    # and the scan still says what it changed: the count, the serial ticked off, the notice's tally
    assert (got_large.received, got_large.ordered, got_large.not_on_notice) == (2, 2000, ())
    assert got_small.warnings == ("Under-delivery so far: 18 of DRL-18V still to come.",)


def test_a_unit_scanned_against_a_po_goes_in_at_the_po_lines_cost_without_a_second_write(
        app: App, shop: Services) -> None:
    """The PO line's cost is known before the unit is written, so the unit is inserted at it: no UPDATE of the
    units after the insert (a round trip per scan on PostgreSQL), and the unit and the stock value show 70.00."""
    seen, got = scan_with_notice(app, shop, 20, "C")
    assert got.unit_cost == 70 and shop.lookup.passport("DRL-18V:C00001").cost == 70
    assert [s for s, _ in seen if s.lstrip().upper().startswith("UPDATE ITEMS")] == []


def test_a_scan_against_a_po_makes_each_round_trip_once(app: App, shop: Services) -> None:
    """Issue 15's 20 ms on PostgreSQL is mostly round trips: the order is read with its supplier and the shop
    floor, its lines (locked) once with their products, the notice's serials with their lot, the receipt is
    written posted (never inserted then updated), the lot's first receipt date is not written again, the
    receipt's and the order's ledger rows go in one INSERT, and on PostgreSQL the summaries' upserts are one
    statement."""
    seen, got = scan_with_notice(app, shop, 20, "R")
    assert got.received == 2
    sql = [" ".join(s.split()).upper() for s, _ in seen]

    def starting(prefix: str) -> list[str]:
        return [s for s in sql if s.startswith(prefix)]

    assert starting("SELECT SUPPLIERS") == [] and starting("SELECT LOCATIONS") == []
    assert len([s for s in sql if "FROM PURCHASE_ORDER_LINES" in s and s.startswith("SELECT")]) == 1
    assert starting("UPDATE RECEIPTS") == [] and starting("UPDATE LOTS") == []
    assert starting("SELECT LOTS") == []  # the notice's lot, open since the first scan, came with the notice
    assert len([s for s in starting("INSERT INTO EVENTS") if "ITEM_ID" not in s]) == 1  # rows not of a unit
    upserts = [s for s in sql if "ON CONFLICT" in s]
    assert len(upserts) == (1 if app.engine.dialect.name == "postgresql" else 4)
    # PostgreSQL: + the SET LOCAL that runs the upsert's kept generic plan (~0.3 ms for ~1.6 ms of planning)
    assert len(starting("SET LOCAL PLAN_CACHE_MODE")) == (1 if app.engine.dialect.name == "postgresql" else 0)
    assert len(sql) <= (15 if app.engine.dialect.name == "postgresql" else 18), "\n".join(sql)  # + BEGIN IMMEDIATE
