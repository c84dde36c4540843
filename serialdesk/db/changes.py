"""What a session wrote, as :class:`~serialdesk.domain.changes.Changes`: one table → kinds map, and the session
events that watch the writes (ORM flushes, and bulk/Core INSERT/UPDATE/DELETE run through the session).

A table nobody mapped here, or a raw SQL text that is not a plain SELECT, counts as *everything*: a pane that
reloads for nothing costs a moment, one that misses a change shows a lie.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Delete, Insert, Table, TextClause, Update, event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from serialdesk.domain.changes import (
    CATALOGUE,
    CUSTOMERS,
    DRAFTS,
    LEDGER,
    RECALLS,
    SALES,
    STOCK,
    TICKETS,
    USERS,
    Changes,
)

TABLE_KINDS: dict[str, frozenset[str]] = {
    "products": frozenset({CATALOGUE}),
    "product_parts": frozenset({CATALOGUE}),
    "suppliers": frozenset({CATALOGUE}),
    "serial_sequences": frozenset({CATALOGUE}),
    "customers": frozenset({CUSTOMERS}),
    "lots": frozenset({STOCK}),
    "items": frozenset({STOCK}),
    "receipts": frozenset({DRAFTS}),
    "receipt_lines": frozenset({DRAFTS}),
    "sales": frozenset({SALES}),
    "sale_lines": frozenset({SALES}),
    "returns": frozenset({SALES}),
    "sale_payments": frozenset({SALES}),
    "document_counters": frozenset({SALES}),
    "shop_profile": frozenset({CATALOGUE}),
    "service_tickets": frozenset({TICKETS}),
    "work_logs": frozenset({TICKETS}),
    "part_swaps": frozenset({TICKETS}),
    "fitments": frozenset({STOCK}),
    "builds": frozenset({STOCK}),
    "locations": frozenset({CATALOGUE, STOCK}),
    "transfers": frozenset({STOCK}),
    "transfer_lines": frozenset({STOCK}),
    "purchase_orders": frozenset({DRAFTS}),
    "purchase_order_lines": frozenset({DRAFTS}),
    "purchase_receipts": frozenset({DRAFTS}),
    "expected_serials": frozenset({DRAFTS}),
    "rmas": frozenset({STOCK, TICKETS}),
    "recalls": frozenset({RECALLS}),
    "recall_items": frozenset({RECALLS}),
    "users": frozenset({USERS}),
    "events": frozenset({LEDGER}),
    "daily_summaries": frozenset({LEDGER}),
    "stock_ages": frozenset({LEDGER}),
    "supplier_receipts": frozenset({LEDGER}),
    "units_back": frozenset({LEDGER}),
}

EVENTS_TABLE = "events"
_KEY = "serialdesk.written"  # session.info: {"tables": set[str], "events": int, "unknown": bool}


def kinds_of_tables(tables: set[str]) -> Changes:
    """The kinds these tables hold; any table not in :data:`TABLE_KINDS` makes it everything."""
    if any(table not in TABLE_KINDS for table in tables):
        return Changes.everything()
    return Changes(frozenset().union(*(TABLE_KINDS[t] for t in tables)) if tables else frozenset())


def start(session: Session) -> None:
    """Watch what ``session`` writes from now on (a writing unit of work calls this once, on entry)."""
    session.info[_KEY] = {"tables": set(), "events": 0, "unknown": False}


def written(session: Session) -> Changes:
    """What ``session`` wrote since :func:`start` (nothing for a session that is not watched)."""
    seen = session.info.get(_KEY)
    if seen is None:
        return Changes()
    found = Changes.everything() if seen["unknown"] else kinds_of_tables(seen["tables"])
    return Changes(found.kinds, seen["events"])


def forget(session: Session) -> None:
    """Start again from nothing (after a rollback: what was written is gone)."""
    if _KEY in session.info:
        start(session)


def note_written(session: Session, table: str, rows: int) -> None:
    """``rows`` written into ``table`` by driver SQL on the session's connection (which the ORM's events do
    not see): a bulk insert that bypasses SQLAlchemy's per-row parameter work still says what it changed."""
    seen = session.info.get(_KEY)
    if seen is None:
        return
    seen["tables"].add(table)
    if table == EVENTS_TABLE:
        seen["events"] += rows


def _rows(parameters: Any) -> int:
    if isinstance(parameters, list | tuple):
        return len(parameters)
    return 1


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    seen = session.info.get(_KEY)
    if seen is None:
        return
    for objects, counts in ((session.new, True), (session.dirty, False), (session.deleted, False)):
        for obj in objects:
            if counts is False and obj in session.dirty and not session.is_modified(obj):
                continue  # touched but nothing to write
            table = getattr(type(obj), "__tablename__", None)
            if table is None:
                seen["unknown"] = True
                continue
            seen["tables"].add(table)
            if table == EVENTS_TABLE and obj in session.new:
                seen["events"] += 1


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state: ORMExecuteState) -> Any:
    seen = state.session.info.get(_KEY)
    if seen is None:
        return None
    statement = state.statement
    if isinstance(statement, Insert | Update | Delete):
        table = statement.table
        name = table.name if isinstance(table, Table) else None
        if name is None:
            seen["unknown"] = True
            return None
        seen["tables"].add(name)
        if name == EVENTS_TABLE and isinstance(statement, Insert):
            if getattr(statement, "select", None) is not None:
                # INSERT … SELECT: the database says how many (a driver's rowcount may be -1 here), through the
                # statement's own RETURNING when it has one, else one added for the count
                counted = statement if statement._returning else statement.returning(table.c.id)
                frozen = state.invoke_statement(statement=counted).freeze()
                seen["events"] += len(frozen.data)
                return frozen()
            seen["events"] += _rows(state.parameters) if state.parameters is not None else 1
    elif isinstance(statement, TextClause) and not statement.text.lstrip().lower().startswith("select"):
        seen["unknown"] = True
    return None
