"""Daily per-product summaries beside the ledger (issue 17): what the reports read instead of the whole ledger.

``daily_summaries`` holds, per product and UTC day (the reports' days), the day's stock moves and money —
units in/out of stock, sold, returned, scrapped, stock value moved, COGS and revenue — as deltas, so stock at
the end of any day is a running sum and a back-dated event changes only the day it falls on. ``stock_ages``
holds the units in stock now by the day they last entered stock (the aging report).

How they stay true: every way an event is written (``common.record_events``, receiving's ``INSERT … SELECT``,
``bulk_units``) hands the new event ids to :func:`note_events`; just before the transaction commits, one
``INSERT … SELECT … GROUP BY … ON CONFLICT DO UPDATE`` per table adds the batch's figures (so costs set later
in the same action, e.g. a purchase order's price, are the ones summed). Two stations adding to the same row
at once on PostgreSQL wait for each other's row lock and add up; nothing is lost. Anything written around
the services (a bulk load, a restore) is put right by :func:`rebuild`; :func:`mismatches` (``serialdesk
check``) compares the stored rows with the ledger.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    and_,
    any_,
    bindparam,
    case,
    delete,
    event,
    func,
    literal,
    literal_column,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, SessionTransaction, aliased
from sqlalchemy.sql.functions import FunctionElement

from serialdesk.db.models import (
    DailySummary,
    Event,
    Item,
    PartSwap,
    Product,
    Return,
    SaleLine,
    ServiceTicket,
    Supplier,
    SupplierReceipt,
    UnitBack,
)
from serialdesk.db.models import StockAge as Age
from serialdesk.domain.status import ItemStatus

IN_STOCK, SOLD, RECALLED = ItemStatus.IN_STOCK.value, ItemStatus.SOLD.value, ItemStatus.RECALLED.value
SCRAPPED = ItemStatus.SCRAPPED.value
_PENDING = "serialdesk.summaries.pending"  # session.info: event ids written in this transaction

DAILY_FIGURES = ("units_in", "units_out", "units_sold", "units_returned", "units_scrapped", "value_delta", "cogs",
                 "revenue")
AGE_FIGURES = ("units", "value")
DAY_KEY = ("product_id", "day")
RECEIPT_KEY = ("supplier_id", "product_id", "lot_key", "day")


class UtcDay(FunctionElement[date]):
    """The UTC calendar day of a stored time (SQLite keeps naive UTC text; PostgreSQL a timestamptz)."""

    type = Date()
    name = "utc_day"
    inherit_cache = True


@compiles(UtcDay)
def _utc_day_sqlite(element: UtcDay, compiler: Any, **kw: Any) -> str:
    return f"date({compiler.process(element.clauses, **kw)})"


@compiles(UtcDay, "postgresql")
def _utc_day_postgresql(element: UtcDay, compiler: Any, **kw: Any) -> str:
    # A timestamptz cast straight to date would use the session's time zone.
    return f"CAST(timezone('UTC', {compiler.process(element.clauses, **kw)}) AS DATE)"


class DaysFrom(FunctionElement[int]):
    """Whole days from a stored day (a ``Date`` column) to a later day given: ``DaysFrom(day, last)``."""

    type = Integer()
    name = "days_from"
    inherit_cache = True


@compiles(DaysFrom)
def _days_from_sqlite(element: DaysFrom, compiler: Any, **kw: Any) -> str:
    day, last = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST(julianday({last}) - julianday({day}) AS INTEGER)"


@compiles(DaysFrom, "postgresql")
def _days_from_postgresql(element: DaysFrom, compiler: Any, **kw: Any) -> str:
    day, last = (compiler.process(c, **kw) for c in element.clauses)
    return f"(CAST({last} AS DATE) - {day})"


# ---- keeping them in step with the ledger ---------------------------------------------------------------------


def note_events(session: Session, event_ids: Iterable[int]) -> None:
    """Events just written in ``session``'s transaction: their figures go into the summaries before it commits."""
    session.info.setdefault(_PENDING, []).extend(event_ids)


@event.listens_for(Session, "before_commit")
def _add_pending(session: Session) -> None:
    if session.in_nested_transaction():  # a SAVEPOINT releasing: the figures wait for the real commit
        return
    ids = session.info.pop(_PENDING, None)
    if ids:
        add_events(session, ids)


@event.listens_for(Session, "after_soft_rollback")
def _forget_pending(session: Session, previous: SessionTransaction) -> None:
    if previous.parent is None:  # the whole transaction is gone (a rolled-back SAVEPOINT's rows just vanish)
        session.info.pop(_PENDING, None)


def add_events(s: Session, event_ids: Sequence[int]) -> None:
    """Add the figures of these (already written) events to the summaries: one statement per table on SQLite,
    and on PostgreSQL one statement for all of them (each table's upsert a data-modifying ``WITH`` of the last's:
    they write different tables and read only the ledger and its units, so one snapshot serves them all).

    The four upserts are compiled once per dialect and then run as the driver's SQL: SQLAlchemy never caches an
    ``INSERT … ON CONFLICT`` (its dialect ``Insert`` sets ``inherit_cache = False``), and compiling them anew
    took ~10 ms of every scan and sale at the counter."""
    ids = sorted(set(event_ids))
    on_pg = s.get_bind().dialect.name == "postgresql"
    value: Any = ids if on_pg else json.dumps(ids)
    connection = s.connection()
    if on_pg:
        # The one statement is planned anew on every commit (~1.6 ms, twice its run time at 1M units): the driver
        # prepares it after a few runs, but PostgreSQL keeps making custom plans for it, since it cannot know the
        # array is short. Its generic plan is the same index walk (tests/integration/test_plans.py). Until the
        # transaction ends; the statements after it are the flush's updates by primary key.
        connection.exec_driver_sql("SET LOCAL plan_cache_mode = force_generic_plan")
    for sql, order, fixed in _prepared_upserts(s):
        params = {**fixed, "event_ids": value}
        connection.exec_driver_sql(sql, tuple(params[n] for n in order) if order else params)


_PREPARED: dict[str, list[tuple[str, tuple[str, ...] | None, dict[str, Any]]]] = {}


def _prepared_upserts(s: Session) -> list[tuple[str, tuple[str, ...] | None, dict[str, Any]]]:
    """The four upserts of :func:`add_events` as SQL text, positional parameter order and fixed parameters."""
    dialect = s.get_bind().dialect
    found = _PREPARED.get(dialect.name)
    if found is None:
        chosen = _ids(s, [])
        from_supplier = or_(and_(Event.kind == "received", Event.status_to == IN_STOCK),
                            Event.kind == "rma_replacement_received")  # a replacement is a unit the supplier sent
        # PostgreSQL's daily figures are probed event by event (see daily_moves); the other three already are.
        daily = daily_moves(probe=True) if dialect.name == "postgresql" else daily_moves(chosen)
        statements: list[Any] = [
            _upsert(s, DailySummary, daily, DAILY_FIGURES),
            _upsert(s, Age, age_moves(chosen), AGE_FIGURES),
            _upsert(s, SupplierReceipt, received_units(from_supplier, chosen), ("units",), RECEIPT_KEY),
            _upsert_back(s, units_back(came_back_in(chosen)))]
        if dialect.name == "postgresql":  # one round trip: independent data-modifying CTEs, one snapshot
            statements = [statements[-1].add_cte(*(st.cte(f"summary_{n}") for n, st in enumerate(statements[:-1])))]
        found = []
        for statement in statements:
            compiled = statement.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
            order = tuple(compiled.positiontup) if compiled.positiontup else None
            found.append((compiled.string, order, dict(compiled.params)))
        _PREPARED[dialect.name] = found
    return found


def rebuild(s: Session) -> None:
    """Both tables again from the ledger, within the caller's transaction."""
    s.execute(delete(DailySummary))
    s.execute(delete(Age))
    s.execute(_insert(s, DailySummary).from_select(["product_id", "day", *DAILY_FIGURES], daily_moves()))
    s.execute(_insert(s, Age).from_select(["product_id", "day", *AGE_FIGURES], ages_now()))
    s.execute(delete(SupplierReceipt))
    s.execute(_insert(s, SupplierReceipt).from_select([*RECEIPT_KEY, "units"], received_units()))
    s.execute(delete(UnitBack))
    s.execute(_insert(s, UnitBack).from_select(list(BACK_COLUMNS), units_back(came_back())))
    from serialdesk.services import sale_copies  # beside the summaries: what the sale lines keep of their units

    sale_copies.rebuild(s)


def row_count(s: Session) -> int:
    return sum(s.scalar(select(func.count()).select_from(t)) or 0 for t in (DailySummary, Age, SupplierReceipt,
                                                                                  UnitBack))


def _ids(s: Session, ids: Sequence[int]) -> ColumnElement[bool]:
    """``events.id`` among ``ids``, bound as one value: an array on PostgreSQL, a JSON list on SQLite."""
    if s.get_bind().dialect.name == "postgresql":
        return Event.id == any_(bindparam("event_ids", list(ids), type_=ARRAY(Integer)))
    each = func.json_each(bindparam("event_ids", json.dumps(ids)))
    listed: Select[Any] = select(literal_column("value")).select_from(each)
    return Event.id.in_(listed.scalar_subquery())


def _insert(s: Session, model: type[Any]) -> Any:
    return (pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert)(model)


def _upsert(s: Session, model: type[Any], rows: Select[Any], figures: Sequence[str],
            key: Sequence[str] = DAY_KEY) -> Any:
    """INSERT … SELECT … ON CONFLICT DO UPDATE adding ``figures`` to the rows already there."""
    # ORDER BY the key: two transactions lock the rows they share in the same order (no deadlock).
    rows = rows.order_by(*(literal_column(str(n + 1)) for n in range(len(key))))
    stmt = _insert(s, model).from_select([*key, *figures], rows)
    table = model.__table__
    return stmt.on_conflict_do_update(index_elements=list(key),
                                      set_={f: table.c[f] + stmt.excluded[f] for f in figures})


BACK_COLUMNS = ("item_id", "supplier_id", "product_id", "lot_key", "day", "returned", "repaired")


def _upsert_back(s: Session, rows: Select[Any]) -> Any:
    """INSERT … SELECT … ON CONFLICT (item_id): a unit that came back once more keeps its 1s (a logical OR)."""
    stmt = _insert(s, UnitBack).from_select(list(BACK_COLUMNS), rows.order_by(literal_column("1")))
    table = UnitBack.__table__
    return stmt.on_conflict_do_update(index_elements=["item_id"], set_={
        f: table.c[f] + stmt.excluded[f] - table.c[f] * stmt.excluded[f] for f in ("returned", "repaired")})


# ---- the figures, from the ledger -----------------------------------------------------------------------------


def _count(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def daily_moves(*where: ColumnElement[bool], probe: bool = False) -> Select[Any]:
    """Per product (the unit's) and UTC day: the figures of ``DailySummary``, from status-moving events.

    ``probe`` (PostgreSQL, the batch of events bound as the array ``event_ids``): each event, its unit, sale
    line and return are looked up by index (``unnest`` and ``LATERAL … LIMIT 1``) whatever the statistics say —
    without them PostgreSQL hashed all of ``items`` and ``sale_lines`` for every batch (~0.4 s for each
    1,000-serial chunk of a paste at 1M units, issue 17)."""
    e: Any = Event
    if probe:
        given = (func.unnest(bindparam("event_ids", [], type_=ARRAY(Integer))).table_valued("id")
                 .render_derived(name="given"))
        e = aliased(Event, select(Event).where(Event.id == given.c.id).limit(1).lateral("ev"))
    into, out_of = e.status_to == IN_STOCK, e.status_from == IN_STOCK
    back_to_stock = and_(e.kind == "returned", into, e.status_from.in_((SOLD, RECALLED)))
    on_sale = and_(e.kind == "sold", e.ref_type == "sale")
    on_return = and_(e.kind == "returned", e.ref_type == "return")
    if probe:
        unit = (select(Item.product_id.label("product_id"), Item.cost.label("cost"))
                .where(Item.id == e.item_id).limit(1).lateral("unit"))
        sold = (select(SaleLine.price.label("price"))
                .where(on_sale, SaleLine.sale_id == e.ref_id, SaleLine.item_id == e.item_id)
                .limit(1).lateral("sold"))
        back = (select(SaleLine.price.label("price")).join(Return, SaleLine.id == Return.sale_line_id)
                .where(on_return, Return.id == e.ref_id).limit(1).lateral("back"))
        product_id: Any = unit.c.product_id  # a lateral column here, an ORM attribute below
        cost: Any = unit.c.cost
        sold_price: Any = sold.c.price
        back_price: Any = back.c.price

        def joined(query: Select[Any]) -> Select[Any]:
            return (query.select_from(given).join(e, true()).join(unit, true()).outerjoin(sold, true())
                    .outerjoin(back, true()))
    else:
        sold_line, returned = aliased(SaleLine), aliased(SaleLine)
        product_id, cost, sold_price, back_price = Item.product_id, Item.cost, sold_line.price, returned.price

        def joined(query: Select[Any]) -> Select[Any]:
            return (query.select_from(Event).join(Item, Item.id == Event.item_id)
                    .outerjoin(sold_line, and_(on_sale, sold_line.sale_id == Event.ref_id,
                                               sold_line.item_id == Event.item_id))
                    .outerjoin(Return, and_(on_return, Return.id == Event.ref_id))
                    .outerjoin(returned, returned.id == Return.sale_line_id))
    cogs = case((and_(out_of, e.status_to == SOLD), cost), (back_to_stock, -cost), else_=0)
    value = case((into, cost), else_=0) - case((out_of, cost), else_=0)
    revenue = case((e.kind == "sold", sold_price), (e.kind == "returned", -back_price), else_=0)
    day = UtcDay(e.at)
    return (
        joined(select(product_id.label("product_id"), day.label("day"), _count(into), _count(out_of),
                      _count(and_(out_of, e.status_to == SOLD)), _count(e.kind == "returned"),
                      _count(and_(e.status_to == SCRAPPED, or_(e.status_from.is_(None), e.status_from != SCRAPPED))),
                      func.coalesce(func.sum(value), 0), func.coalesce(func.sum(cogs), 0),
                      func.coalesce(func.sum(revenue), 0)))
        .where(or_(e.status_to.is_not(None), e.status_from.is_not(None)), *where)
        .group_by(product_id, day)
    )


def _entered_before(e: Any) -> Any:
    """When the unit of event ``e`` last entered stock before it (else its receipt, else its creation)."""
    earlier = aliased(Event)
    last = (select(func.max(earlier.at)).where(earlier.item_id == e.item_id, earlier.status_to == IN_STOCK,
                                              earlier.id < e.id)
            .correlate_except(earlier).scalar_subquery())
    return func.coalesce(last, Item.received_at, Item.created_at)


def age_moves(*where: ColumnElement[bool]) -> Select[Any]:
    """What these events change in ``stock_ages``: +1 on the day a unit enters stock, −1 on the day it had
    entered when it leaves."""
    entries = (select(Item.product_id.label("product_id"), UtcDay(Event.at).label("day"),
                      literal(1).label("units"), Item.cost.label("value"))
               .select_from(Event).join(Item, Item.id == Event.item_id)
               .where(Event.status_to == IN_STOCK, *where))
    exits = (select(Item.product_id, UtcDay(_entered_before(Event)), literal(-1), -Item.cost)
             .select_from(Event).join(Item, Item.id == Event.item_id)
             .where(Event.status_from == IN_STOCK, *where))
    moves = union_all(entries, exits).subquery()
    return (select(moves.c.product_id, moves.c.day, func.sum(moves.c.units), func.sum(moves.c.value))
            .group_by(moves.c.product_id, moves.c.day))


def ages_now() -> Select[Any]:
    """Units in stock now and their cost, per product and the UTC day they last entered stock."""
    last_entry = (select(Event.item_id.label("item_id"), func.max(Event.at).label("at"))
                  .join(Item, Item.id == Event.item_id)
                  .where(Item.status == IN_STOCK, Event.status_to == IN_STOCK)
                  .group_by(Event.item_id).subquery())
    units = (
        select(Item.product_id.label("product_id"), Item.cost.label("cost"),
               UtcDay(func.coalesce(last_entry.c.at, Item.received_at, Item.created_at)).label("day"))
        .outerjoin(last_entry, last_entry.c.item_id == Item.id)
        .where(Item.status == IN_STOCK)
        .subquery()
    )
    return (select(units.c.product_id, units.c.day, func.count(), func.sum(units.c.cost))
            .group_by(units.c.product_id, units.c.day))


def received_units(*where: ColumnElement[bool]) -> Select[Any]:
    """Units received from a supplier per supplier, product, lot (0: none) and UTC day of receipt: from the
    items (rebuild), or from the ``received`` events of a batch joined to their items (``where`` on Event)."""
    lot_key = func.coalesce(Item.lot_id, literal_column("0"))
    day = UtcDay(Item.received_at)
    query = select(Item.supplier_id, Item.product_id, lot_key, day, func.count())
    if where:
        query = query.select_from(Event).join(Item, Item.id == Event.item_id).where(*where)
    return (query.where(Item.received_at.is_not(None), Item.supplier_id.is_not(None))
            .group_by(Item.supplier_id, Item.product_id, lot_key, day))


def came_back() -> Any:
    """Units that came back, one row per return or warranty repair: (item_id, returned 1/0, repaired 1/0) —
    from the returns, warranty tickets and parts taken out under them (rebuild and check)."""
    under_warranty = ServiceTicket.warranty_claim.is_(True)
    returned = (select(SaleLine.item_id.label("item_id"), literal(1).label("returned"), literal(0).label("repaired"))
                .select_from(Return).join(SaleLine, SaleLine.id == Return.sale_line_id))
    repaired = select(ServiceTicket.item_id, literal(0), literal(1)).where(under_warranty)
    swapped = (select(PartSwap.removed_item_id, literal(0), literal(1))
               .join(ServiceTicket, ServiceTicket.id == PartSwap.ticket_id)
               .where(under_warranty, PartSwap.removed_item_id.is_not(None)))
    return union_all(returned, repaired, swapped).subquery()


def came_back_in(chosen: ColumnElement[bool]) -> Any:
    """The same rows from a batch of events: a return, a warranty ticket opened, a part taken out under one."""
    warranty = and_(Event.kind.in_(("ticket_opened", "part_removed")), Event.ref_type == "ticket",
                    ServiceTicket.warranty_claim.is_(True))
    return (select(Event.item_id.label("item_id"), case((Event.kind == "returned", 1), else_=0).label("returned"),
                   case((Event.kind == "returned", 0), else_=1).label("repaired"))
            .select_from(Event)
            .outerjoin(ServiceTicket, and_(Event.ref_type == "ticket", ServiceTicket.id == Event.ref_id))
            .where(chosen, Event.item_id.is_not(None),
                   or_(and_(Event.kind == "returned", Event.ref_type == "return"), warranty))
            .subquery())


def units_back(flags: Any) -> Select[Any]:
    """Per unit received from a supplier among ``flags``: its supplier, product, lot key and UTC day of receipt,
    whether it was returned and whether repaired under warranty (1/0)."""
    return (select(Item.id, Item.supplier_id, Item.product_id, func.coalesce(Item.lot_id, literal_column("0")),
                   UtcDay(Item.received_at), func.max(flags.c.returned), func.max(flags.c.repaired))
            .select_from(flags).join(Item, Item.id == flags.c.item_id)
            .where(Item.received_at.is_not(None), Item.supplier_id.is_not(None))
            .group_by(Item.id, Item.supplier_id, Item.product_id, Item.lot_id, Item.received_at))


# ---- comparing them with the ledger ---------------------------------------------------------------------------


def mismatches(s: Session, limit: int = 50) -> list[str]:
    """One line per product and day where a stored summary differs from the ledger, in the manager's words."""
    names = dict(s.execute(select(Product.id, Product.sku)).tuples().all())
    found = _differences(s.execute(daily_moves()).all(), s.execute(select(
        DailySummary.product_id, DailySummary.day, *(DailySummary.__table__.c[f] for f in DAILY_FIGURES))).all(),
        DAILY_FIGURES)
    lines = [f"summaries: {names.get(pid, f'product {pid}')} on {_day(day)}: the daily summary says "
             f"{_figures(kept)}, the ledger says {_figures(true)} — run `serialdesk rebuild-summaries`"
             for pid, day, kept, true in found]
    aged = _differences(s.execute(ages_now()).all(), s.execute(select(
        Age.product_id, Age.day, Age.units, Age.value)).all(), AGE_FIGURES)
    lines += [f"summaries: {names.get(pid, f'product {pid}')}: the aging figures say {_figures(kept)} entered "
              f"stock on {_day(day)} and are still there, the units in stock say {_figures(true)} — run "
              f"`serialdesk rebuild-summaries`" for pid, day, kept, true in aged]
    got = {(a, b, c, _as_date(d)): n for a, b, c, d, n in s.execute(received_units()).all() if n}
    kept = {(r.supplier_id, r.product_id, r.lot_key, _as_date(r.day)): r.units
            for r in s.scalars(select(SupplierReceipt)) if r.units}
    suppliers = dict(s.execute(select(Supplier.id, Supplier.name)).tuples().all())
    for key in sorted({*got, *kept}):
        if got.get(key, 0) != kept.get(key, 0):
            supplier_id, pid, _, day = key
            lines.append(f"summaries: {names.get(pid, f'product {pid}')} from "
                         f"{suppliers.get(supplier_id, f'supplier {supplier_id}')} received on {_day(day)}: "
                         f"the supplier figures say {kept.get(key, 0)} units, the units say {got.get(key, 0)} — run "
                         f"`serialdesk rebuild-summaries`")
    lines += _back_mismatches(s)
    from serialdesk.services import sale_copies

    lines += sale_copies.mismatches(s, limit)
    return lines[:limit]


def _back_mismatches(s: Session) -> list[str]:
    true = {row[0]: (row[5], row[6]) for row in s.execute(units_back(came_back())).all()}
    kept = {b.item_id: (b.returned, b.repaired) for b in s.scalars(select(UnitBack))}
    lines = []
    for item_id in sorted({*true, *kept}):
        if true.get(item_id, (0, 0)) != kept.get(item_id, (0, 0)):
            unit = s.get(Item, item_id)
            label = unit.serial if unit is not None else f"unit {item_id}"
            lines.append(f"summaries: {label}: the supplier figures say {_back(kept.get(item_id))}, its returns "
                         f"and warranty tickets say {_back(true.get(item_id))} — run `serialdesk rebuild-summaries`")
    return lines


def _back(flags: tuple[int, int] | None) -> str:
    returned, repaired = flags or (0, 0)
    said = [w for w, on in (("returned", returned), ("repaired under warranty", repaired)) if on]
    return " and ".join(said) or "never came back"


def _differences(true_rows: Sequence[Any], kept_rows: Sequence[Any], figures: Sequence[str]) -> list[Any]:
    def keyed(rows: Sequence[Any]) -> dict[tuple[int, date], dict[str, Any]]:
        out = {}
        for pid, day, *values in rows:
            shown = {f: _normal(v) for f, v in zip(figures, values, strict=True)}
            if any(shown.values()):  # a row of zeros says nothing: the same as no row
                out[(pid, _as_date(day))] = shown
        return out

    true, kept = keyed(true_rows), keyed(kept_rows)
    zero = {f: _normal(0) for f in figures}
    return [(pid, day, kept.get((pid, day), zero), true.get((pid, day), zero))
            for pid, day in sorted({*true, *kept}) if true.get((pid, day), zero) != kept.get((pid, day), zero)]


def _normal(value: Any) -> Any:
    if isinstance(value, int):
        return value
    return Decimal(str(value or 0)).quantize(Decimal("0.01"))


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _day(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


def _figures(values: dict[str, Any]) -> str:
    shown = [f"{k.replace('units_', '').replace('_', ' ')} {v}" for k, v in values.items() if v]
    return ", ".join(shown) if shown else "nothing"


# ---- what other reports read --------------------------------------------------------------------------------


def units_sold_per_day(s: Session, first: date, last: date,
                       product_ids: Sequence[int] | None = None) -> list[tuple[int, date, int, int]]:
    """(product id, UTC day, units sold, units returned) for every day in ``first``..``last`` (both included)
    on which a product sold or took back anything; days without either are left out (they are zeros)."""
    query = (select(DailySummary.product_id, DailySummary.day, DailySummary.units_sold, DailySummary.units_returned)
             .where(DailySummary.day >= first, DailySummary.day <= last,
                    or_(DailySummary.units_sold != 0, DailySummary.units_returned != 0))
             .order_by(DailySummary.product_id, DailySummary.day))
    if product_ids is not None:
        query = query.where(DailySummary.product_id.in_(list(product_ids)))
    return [(pid, _as_date(day), sold, back) for pid, day, sold, back in s.execute(query)]
