"""Plans that do not need luck (issue 17): the statements the scan, sale, passport, recall, receipt view and a scan
against a PO (issue 15) really issue (captured from the engine while the service runs) use an index for `items`,
`events` and `receipt_lines` on SQLite (EXPLAIN QUERY PLAN) and on PostgreSQL, with no planner statistics and after
ANALYZE. A statement the app runs under ``force_generic_plan`` (the summaries' upsert) is checked in that plan."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from psycopg import sql
from sqlalchemy import event, text

from serialdesk.bootstrap import App, Services
from serialdesk.services.dto import RecallCriteria
from serialdesk.services.epcis import EpcisExport
from serialdesk.services.purchasing import PurchasingService
from serialdesk.workflows.receiving import ReceivingSession

HOT = ("items", "events", "receipt_lines")
SMALL_SUMMARIES = ("stock_ages", "supplier_receipts", "units_back")  # their upserts may scan a small ledger
PG_SCAN = re.compile(r"Seq Scan on (items|events|receipt_lines)\b")


@contextmanager
def captured(app: App) -> Iterator[list[tuple[str, Any]]]:
    """Every statement (and its first set of parameters) the engine sends while the block runs."""
    seen: list[tuple[str, Any]] = []

    def keep(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        many = executemany and isinstance(parameters, list | tuple) and parameters  # (insertmanyvalues: one set)
        seen.append((statement, parameters[0] if many else parameters))

    event.listen(app.engine, "before_cursor_execute", keep)
    try:
        yield seen
    finally:
        event.remove(app.engine, "before_cursor_execute", keep)


def pg_insert_targets(plan: list[str]) -> list[str | None]:
    """For each line of a PostgreSQL plan, the table whose ``Insert on`` node it is part of (by indentation:
    an upsert run as a ``WITH`` of another statement has its own ``Insert on`` below its ``CTE`` line)."""
    stack: list[tuple[int, str]] = []
    targets: list[str | None] = []
    for line in plan:
        indent = len(line) - len(line.lstrip(" ->"))
        while stack and stack[-1][0] >= indent:
            stack.pop()
        if found := re.search(r"\bInsert on (\w+)", line):
            stack.append((indent, found.group(1)))
        targets.append(stack[-1][1] if stack else None)
    return targets


def full_scans(app: App, statements: list[tuple[str, Any]], hot: tuple[str, ...] = HOT,
               allowed_in: tuple[str, ...] = ()) -> list[str]:
    """The statements (with the plan line) that read a hot table whole, except within an insert into one of
    the tables ``allowed_in``."""
    sqlite_scan = re.compile(rf"\bSCAN ({'|'.join(hot)})(_\d+)?\b")
    pg_scan = re.compile(rf"Seq Scan on ({'|'.join(hot)})\b")
    found = []
    raw = app.engine.raw_connection()
    generic = False  # after the app's SET LOCAL: what runs is the statement's generic plan (PostgreSQL)
    try:
        cur = raw.cursor()
        for statement, params in statements:
            if GENERIC_PLANS.search(statement):
                generic = True
            head = statement.lstrip().split(None, 1)[0].upper()
            if head not in ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH") or not any(t in statement for t in hot):
                continue
            if head == "INSERT" and "SELECT" not in statement.upper():  # INSERT … VALUES reads no table
                continue
            if app.engine.dialect.name == "sqlite":
                if head == "INSERT" and statement.split(None, 3)[2] in allowed_in:
                    continue
                cur.execute(f"EXPLAIN QUERY PLAN {statement}", params)
                plan = [str(row[-1]) for row in cur.fetchall()]
                bad = [line for line in plan if sqlite_scan.search(line)]
            else:
                plan = pg_generic_plan(cur, statement, params) if generic else pg_plan(cur, statement, params)
                bad = [line for line, into in zip(plan, pg_insert_targets(plan), strict=True)
                       if pg_scan.search(line) and into not in allowed_in]
            if bad:
                found.append(f"{' '.join(statement.split())[:300]} → {bad}")
        raw.rollback()
    finally:
        raw.close()
    return found


GENERIC_PLANS = re.compile(r"^\s*SET LOCAL plan_cache_mode = force_generic_plan", re.I)
NAMED = re.compile(r"%\((\w+)\)s")


def pg_plan(cur: Any, statement: str, params: Any) -> list[str]:
    cur.execute(f"EXPLAIN {statement}", params)
    return [str(row[0]) for row in cur.fetchall()]


def pg_generic_plan(cur: Any, statement: str, params: dict[str, Any]) -> list[str]:
    """The plan PostgreSQL runs for the statement prepared and executed under ``force_generic_plan``: made
    without the parameters' values (PostgreSQL 15 has no ``EXPLAIN (GENERIC_PLAN)``)."""
    names: list[str] = []

    def numbered(match: re.Match[str]) -> str:
        if match.group(1) not in names:
            names.append(match.group(1))
        return f"${names.index(match.group(1)) + 1}"

    numbered_sql = NAMED.sub(numbered, statement)
    types = ", ".join(_pg_type(params[n]) for n in names)
    cur.execute(f"PREPARE generic_plan ({types}) AS {numbered_sql}" if names else
                f"PREPARE generic_plan AS {numbered_sql}")
    try:
        cur.execute("SET LOCAL plan_cache_mode = force_generic_plan")
        values = sql.SQL(", ").join(sql.Literal(params[n]) for n in names)  # EXPLAIN takes no bound values
        cur.execute(sql.SQL("EXPLAIN EXECUTE generic_plan ({})").format(values) if names
                    else "EXPLAIN EXECUTE generic_plan")
        return [str(row[0]) for row in cur.fetchall()]
    finally:
        cur.execute("DEALLOCATE generic_plan")


def _pg_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, list):
        return f"{_pg_type(value[0]) if value else 'integer'}[]"
    if isinstance(value, datetime):
        return "timestamptz"
    if isinstance(value, date):
        return "date"
    if isinstance(value, Decimal):
        return "numeric"
    return "text"


@pytest.fixture
def stocked(shop: Services) -> Services:
    """A shop big enough that reading a table whole costs the planner something (20k units of another product,
    received in two lots of 9,999, so that nothing has analysed the tables yet) and 200 drills in lot L1."""
    shop.catalogue.add_product("BULK", "Bulk part", cost="1.00", price="2.00")
    for lot in ("B1", "B2"):
        shop.receiving.receive_units(supplier="Makita Europe", sku="BULK", lot=lot,
                                     serials=[f"{lot}-{n:05d}" for n in range(9_999)])
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", lot="L1",
                                 serials=[f"A{n:04d}" for n in range(200)])
    shop.sales.sell_items("Jane Smith", ["A0001"])
    return shop


def actions(svc: Services) -> dict[str, Callable[[], Any]]:
    draft = svc.receiving.open_receipt("Makita Europe")
    buying = PurchasingService(svc.receiving.uows, svc.actor, svc.receiving.clock)
    order = buying.add_order("Makita Europe", [("DRL-18V", 50, "70.00", None)])
    buying.load_notice(order.number, [{"serial": f"PO{n:03d}", "lot": "L7"} for n in range(50)])
    return {
        "scan": lambda: svc.receiving.add_scan(draft.id, "DRL-18V", "NEW0001"),
        "sale": lambda: svc.sales.sell_items("Jane Smith", ["A0002"]),
        "passport": lambda: svc.lookup.passport("A0001"),
        "recall": lambda: svc.recalls.find_affected(RecallCriteria("DRL-18V", lots=("L1",))),
        "receipt view": lambda: svc.receiving.receipt(draft.id),
        "receipt posted": lambda: svc.receiving.post_receipt(draft.id),
        "one-unit receive": lambda: svc.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V",
                                                                serials=["ONE0001"]),
        "PO scan": lambda: buying.receive(order.number, ["PO001"]),  # issue 15: one scan against a notice
    }


def _analyze(app: App) -> None:
    with app.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))


@pytest.mark.parametrize("statistics", ["none", "fresh"])
def test_hot_statements_never_read_a_big_table_whole(stocked: Services, app: App, statistics: str) -> None:
    if statistics == "fresh":
        if app.engine.dialect.name == "sqlite":
            pytest.skip("SQLite plans from its indexes alone (the app runs no ANALYZE there)")
        _analyze(app)
    problems = {}
    for name, call in actions(stocked).items():
        with captured(app) as statements:
            call()
        if found := full_scans(app, statements):
            problems[name] = found
    assert problems == {}, "\n".join(f"{k}: {v}" for k, vs in problems.items() for v in vs)


@pytest.fixture
def a_year_of_sales(stocked: Services, clock: Any) -> Services:
    """A year of the counter's sales before today, one unit a sale every 90 minutes (5,840 sales, imported with
    their buyer and day as a shop moving in brings them): a month of them is a small share of sale_lines."""
    start = clock() - timedelta(days=365)
    stocked.imports.items([{"sku": "DRL-18V", "serial": f"Y{n:05d}", "supplier": "Makita Europe",
                            "received_at": (start - timedelta(days=1)).isoformat(), "status": "sold",
                            "customer": "Jane Smith", "sold_at": (start + timedelta(minutes=90 * n)).isoformat()}
                           for n in range(5_840)], all_statuses=True)
    return stocked


@pytest.mark.parametrize("statistics", ["none", "fresh"])
def test_the_revenue_report_reads_a_months_sales_by_their_indexes(request: pytest.FixtureRequest, app: App,
                                                                  statistics: str) -> None:
    """Issue 17: revenue over 30 days. Without statistics PostgreSQL took a month's sales for a few hundred rows
    and read sale_lines whole to hash-join their lines (most of the report's 137 ms at 1M units)."""
    if statistics == "fresh" and app.engine.dialect.name == "sqlite":
        pytest.skip("SQLite plans from its indexes alone (the app runs no ANALYZE there)")
    shop = request.getfixturevalue("a_year_of_sales")
    if statistics == "fresh":
        _analyze(app)
    problems = {}
    for by in ("product", "day"):
        with captured(app) as statements:
            report = shop.revenue.revenue(by=by)
        assert report.total.units_sold in range(465, 490)  # 30 days of a sale each 90 minutes, and Jane's drill
        if found := full_scans(app, statements, (*HOT, "sale_lines")):
            problems[by] = found
    assert problems == {}, "\n".join(f"{k}: {v}" for k, vs in problems.items() for v in vs)


@pytest.mark.postgres
def test_a_bulk_receive_of_ten_thousand_units_needs_no_statistics_and_renews_them_after_its_commit(
        shop: Services, app: App) -> None:
    """A bulk receipt writes its lines and ledger from the values in hand, so none of its statements joins the
    new units and it needs no ANALYZE inside its transaction; from 10,000 units on, PostgreSQL's statistics are
    renewed after the commit in the background (issue 17 §4), off the clerk's clock. A draft's chunk of 10,000
    renews them inside its transaction, since posting the draft joins its units."""
    if app.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")

    def rows_known() -> float:  # the planner's row estimate for items, written by ANALYZE (-1: never analysed)
        with app.engine.connect() as conn:
            return float(conn.scalar(text("SELECT reltuples FROM pg_class WHERE relname = 'items'")))

    assert rows_known() == -1
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=[f"B{n:05d}" for n in range(9_999)])
    app.uows.statistics.wait()
    assert rows_known() == -1  # under 10,000: left to autovacuum
    analysed_on: list[str] = []

    def analyse(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().startswith("ANALYZE"):
            analysed_on.append(threading.current_thread().name)

    event.listen(app.engine, "before_cursor_execute", analyse)
    with captured(app) as statements:
        shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V",
                                     serials=[f"C{n:05d}" for n in range(10_000)])
    # The daily figures probe each event by index (they hashed items and sale_lines whole); the other three
    # summaries' upserts are left out: on a table this small a scan of the batch's events is the cheaper plan,
    # at 1M units they take the index.
    assert full_scans(app, statements, allowed_in=SMALL_SUMMARIES) == []
    app.uows.statistics.wait()
    event.remove(app.engine, "before_cursor_execute", analyse)
    assert analysed_on == ["serialdesk-analyze"]  # after the commit, never on the clerk's thread
    assert rows_known() == 19_999
    ReceivingSession(shop, sku="DRL-18V", supplier="Makita Europe").add_many(
        [f"D{n:05d}" for n in range(10_000)], chunk=10_000)
    assert rows_known() == 29_999


@contextmanager
def captured_streams(app: App) -> Iterator[list[tuple[str, Any, bool]]]:
    """Every statement, its parameters and whether it was streamed (a server-side cursor on PostgreSQL)."""
    seen: list[tuple[str, Any, bool]] = []

    def keep(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        streamed = bool(context is not None and context.execution_options.get("stream_results"))
        seen.append((statement, parameters, streamed))

    event.listen(app.engine, "before_cursor_execute", keep)
    try:
        yield seen
    finally:
        event.remove(app.engine, "before_cursor_execute", keep)


def _plans(app: App, statements: list[tuple[str, Any, bool]]) -> list[list[str]]:
    """The plans of the captured SELECTs on events as the export runs them: a streamed one as a cursor (after
    what the export SET for its transaction), the rest as plain statements."""
    plans = []
    raw = app.engine.raw_connection()
    try:
        cur = raw.cursor()
        for statement, params, streamed in statements:
            head = statement.lstrip().upper()
            if head.startswith("SET"):
                cur.execute(statement, params)
            elif head.startswith("SELECT") and "events" in statement:
                cursor = "DECLARE planned NO SCROLL CURSOR FOR " if streamed else ""
                cur.execute(f"EXPLAIN {cursor}{statement}", params)
                plans.append([str(row[0]) for row in cur.fetchall()])
        raw.rollback()
    finally:
        raw.close()
    return plans


@pytest.mark.postgres
@pytest.mark.parametrize("which", ["one unit", "one lot"])
def test_an_epcis_export_of_a_unit_or_a_lot_never_walks_the_whole_ledger(stocked: Services, app: App,
                                                                        tmp_path: Any, which: str) -> None:
    """A streamed export is a server-side cursor, which PostgreSQL plans for its first 10% of rows: with no
    statistics it chose to walk the whole ledger in id order for a few events (minutes at 1M units)."""
    if app.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only: its cursors are planned for their first rows")
    export = EpcisExport.like(stocked.export)
    with captured_streams(app) as statements:
        if which == "one unit":
            export.unit(tmp_path / "unit.jsonld", "DRL-18V", "A0001")
        else:
            export.export(tmp_path / "lot.jsonld", sku="DRL-18V", lot="L1")
    plans = _plans(app, statements)
    assert plans and not [line for p in plans for line in p if "pk_events" in line or PG_SCAN.search(line)], \
        "\n".join("\n".join(p) for p in plans)
