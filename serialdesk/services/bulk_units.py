"""Units onto a receipt in bulk (a paste, a range, a bulk receipt, generated serials): set-based statements whose
plans are right without the planner's statistics (PostgreSQL here runs without ANALYZE).

Items go in with ``INSERT … RETURNING id, serial``; their lines and ledger events are written from those ids,
so no statement looks the new units up again. PostgreSQL gets each list bound as one array (``INSERT … SELECT …
FROM unnest(…) WITH ORDINALITY``: one short statement per table per chunk); SQLite takes a list as one
``INSERT … SELECT … FROM json_each(…)`` with the ids SQLite would give (issue 17: SQLAlchemy's per-row
parameter processing cost more than SQLite's inserts).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, String, Table, bindparam, func, insert, literal, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from serialdesk.db.changes import note_written
from serialdesk.db.models import Event, Item, Lot, Product, Receipt, ReceiptLine
from serialdesk.db.models.base import UTCDateTime
from serialdesk.domain.status import ItemStatus
from serialdesk.services.common import Service
from serialdesk.services.summaries import note_events

ITEMS: Table = Item.__table__  # type: ignore[assignment]  # Core insert: no ORM bookkeeping per row
LINES: Table = ReceiptLine.__table__  # type: ignore[assignment]
EVENTS: Table = Event.__table__  # type: ignore[assignment]
ANALYZE_AFTER = 10_000  # units in one bulk insert after which PostgreSQL's statistics are renewed


def unit_events(svc: Service, s: Session, receipt: Receipt, product: Product, kind: str, when: datetime,
                 item_ids: Sequence[int], serials: Sequence[str], before: ItemStatus | None, after: ItemStatus) -> None:
    """One ledger event per unit just inserted (ids and serials in the same order), in one statement."""
    if not item_ids:
        return
    common = {"at": when, "kind": kind, "product_id": product.id, "by_user": svc.actor.name,
              "station": svc.actor.station, "ref_type": "receipt", "ref_id": receipt.id,
              "status_from": before.value if before else None, "status_to": after.value, "data": {}}
    if not _postgresql(s):
        if len(item_ids) > 1:
            note_events(s, _sqlite_rows(s, EVENTS, common, ("item_id", "serial"), list(zip(item_ids, serials,
                                                                                              strict=True))))
            return
        note_events(s, s.execute(insert(EVENTS).returning(EVENTS.c.id), [
            {**common, "item_id": i, "serial": v} for i, v in zip(item_ids, serials, strict=True)]).scalars().all())
        return
    given = _arrays(item_ids=(list(item_ids), Integer), serial=(list(serials), String))
    columns = [*common, "item_id", "serial"]
    values = [literal(v, EVENTS.c[k].type) for k, v in common.items()]
    note_events(s, s.execute(insert(EVENTS).from_select(columns, select(*values, given.c.item_ids, given.c.serial)
                                                        .order_by(given.c.n)).returning(EVENTS.c.id)).scalars().all())


def insert_units(s: Session, receipt: Receipt, product: Product, lot: Lot | None, serials: list[str], *,
                  source: str, when: datetime, status: ItemStatus, supplier_id: int | None = None,
                  location_id: int | None = None, renew_statistics: bool = True,
                  cost: Decimal | None = None) -> list[int]:
    """Bulk insert of units on a receipt, in the order given; their ids (same order). ``location_id`` puts them
    on a place at once (a posted receipt's units; a draft's get theirs when it is posted). ``cost``: each unit's
    cost when it is not the product's (a purchase order's line).

    The items go in with ``INSERT … RETURNING id, serial``, the lines from those ids: no statement looks the new
    units up again, so none depends on the planner's statistics (PostgreSQL without ANALYZE scanned every unit
    of the product for that). PostgreSQL gets each list as one array (``INSERT … SELECT … FROM unnest``: one
    short statement per table, nothing for the server to parse per row); SQLite takes executemany as it is."""
    if not serials:
        return []
    in_stock = status is ItemStatus.IN_STOCK
    common = {"product_id": product.id, "lot_id": lot.id if lot else None, "status": status.value,
              "serial_source": source, "cost": product.cost if cost is None else cost, "created_at": when,
              "supplier_id": supplier_id,
              "received_at": when if in_stock else None}
    if location_id is not None:
        common["location_id"] = location_id
    returning = (ITEMS.c.id, ITEMS.c.serial)
    if _postgresql(s):
        given = _arrays(serial=(serials, String))
        rows = s.execute(insert(ITEMS).from_select(
            [*common, "serial"],
            select(*[literal(v, ITEMS.c[k].type) for k, v in common.items()], given.c.serial).order_by(given.c.n),
        ).returning(*returning)).all()
    elif len(serials) > 1:
        first_item, first_line = s.connection().exec_driver_sql(
            "SELECT (SELECT coalesce(max(id), 0) + 1 FROM items), (SELECT coalesce(max(id), 0) + 1 FROM receipt_lines)"
        ).one()
        item_ids = list(_sqlite_rows(s, ITEMS, common, ("serial",), [(v,) for v in serials], first_item))
        _sqlite_rows(s, LINES, {"receipt_id": receipt.id, "scanned_at": when}, ("item_id",), [(i,) for i in item_ids],
                     first_line)
        return item_ids
    else:
        rows = s.execute(insert(ITEMS).returning(*returning), [{**common, "serial": v} for v in serials]).all()
    ids = {serial: item_id for item_id, serial in rows}
    item_ids = [ids[v] for v in serials]
    if _postgresql(s):
        lines = _arrays(item_ids=(item_ids, Integer))
        s.execute(insert(LINES).from_select(
            ["receipt_id", "item_id", "scanned_at"],
            select(literal(receipt.id), lines.c.item_ids, literal(when, UTCDateTime())).order_by(lines.c.n)))
    else:
        s.execute(insert(LINES), [{"receipt_id": receipt.id, "item_id": i, "scanned_at": when} for i in item_ids])
    if _postgresql(s) and renew_statistics and len(item_ids) >= ANALYZE_AFTER:
        # Fresh statistics before the statements that follow join the new units (issue 17): PostgreSQL counts
        # this transaction's own rows; a shop without autovacuum would otherwise plan from an empty table. A
        # caller whose later statements never join the new units (a bulk receipt) skips it: it costs ~0.5-1 s
        # at 1M units, more than the inserts.
        s.connection().exec_driver_sql("ANALYZE items, receipt_lines, events")
    return item_ids


def _sqlite_rows(s: Session, table: Table, common: dict[str, Any], names: Sequence[str],
                 rows: list[tuple[Any, ...]], first: int | None = None) -> range:
    """SQLite: ``rows`` (values of ``names``, each row with ``common``) inserted in order by one ``INSERT …
    SELECT … FROM json_each(:rows)`` — the list bound as one JSON text, the constants bound once (SQLite's
    ``unnest``: no per-row work in Python or in the driver) — with ids given in order from the table's next
    rowid (``first``, else looked up): the ids SQLite itself would give (max + 1; no table here is
    AUTOINCREMENT), safe because the write transaction (BEGIN IMMEDIATE) holds the database's write lock."""
    dialect = s.get_bind().dialect
    fixed = []
    for name, value in common.items():
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        fixed.append(process(value) if process is not None else value)
    processors = [table.c[n].type.dialect_impl(dialect).bind_processor(dialect) for n in names]
    if any(p is not None for p in processors):
        rows = [tuple(v if p is None else p(v) for p, v in zip(processors, row, strict=True)) for row in rows]
    connection = s.connection()
    if first is None:
        first = int(connection.exec_driver_sql(f"SELECT coalesce(max(id), 0) + 1 FROM {table.name}").scalar_one())
    if len(names) == 1:
        listed, varying = json.dumps([row[0] for row in rows]), ["value"]
    else:
        listed, varying = json.dumps(rows), [f"json_extract(value, '$[{n}]')" for n in range(len(names))]
    columns = ", ".join(["id", *common, *names])
    values = ", ".join(["? + key", *("?" * len(common)), *varying])
    connection.exec_driver_sql(f"INSERT INTO {table.name} ({columns}) SELECT {values} FROM json_each(?) ORDER BY key",
                               (first, *fixed, listed))
    note_written(s, table.name, len(rows))  # driver SQL: the ORM's change tracking does not see it
    return range(first, first + len(rows))


def _postgresql(s: Session) -> bool:
    return s.get_bind().dialect.name == "postgresql"


def _arrays(**columns: tuple[Sequence[Any], Any]) -> Any:
    """PostgreSQL ``unnest(:a, :b, …) WITH ORDINALITY AS given(a, b, …, n)``: lists bound as arrays, as rows."""
    arrays = [bindparam(name, list(values), type_=ARRAY(kind)) for name, (values, kind) in columns.items()]
    return func.unnest(*arrays).table_valued(*columns, with_ordinality="n").render_derived(name="given")
