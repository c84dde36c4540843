"""The passport's one statement (issue 17): on PostgreSQL every statement is a round trip, so a unit's passport
reads the unit, its product, lot, supplier, latest sale with its buyer, whether it has tickets, recall lines,
parts or a host, and its whole timeline (with the receipt's place) in one statement — one row per event.

Looked up by a scanned serial, the same statement also finds the unit and asks whether the text is a product's
SKU (the classifier's question for a bare serial), so a plain passport is one statement. The statements are built
once: building and keying a select of this size per call cost more Python than the round trip it saves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, select, true
from sqlalchemy.orm import aliased
from sqlalchemy.sql.selectable import Subquery

from serialdesk.db.models import (
    Customer,
    Event,
    Fitment,
    Item,
    Location,
    Lot,
    Product,
    RecallItem,
    Receipt,
    Sale,
    SaleLine,
    ServiceTicket,
    Supplier,
)
from serialdesk.db.models.supply import DEFAULT_LOCATION_ID
from serialdesk.domain.errors import DomainError
from serialdesk.domain.serial_rules import normalise_serial
from serialdesk.services.classify import PrimedCatalogue, unit_ref
from serialdesk.services.common import probe

# Built once: a new alias per call made every passport work out the alias's columns again (~1 ms of Python).
_LINES = aliased(SaleLine, name="unit_lines")
_NAMED = aliased(Product, name="named_product")


@dataclass(frozen=True)
class PassportRows:
    """What the passport's statement read about one unit."""

    lot: str | None
    supplier: str | None
    line: SaleLine | None
    sale: Sale | None
    buyer: Customer | None
    has_tickets: bool
    has_lines: bool
    is_host: bool
    is_part: bool
    place: str | None  # the name of the location the unit is at (or of the default one): where_now's
    events: tuple[tuple[Event, str | None], ...]  # in time order, each with its receipt's place


def _exists(item_column: Any) -> Any:
    """Whether a row's ``item_column`` is the passport's unit: an index probe per row. Not EXISTS: without planner
    statistics PostgreSQL turned each EXISTS into a hashed subplan over the whole table (900k fitments: 1.6 s);
    a scalar subquery (its first row, or NULL) has no hashed form."""
    return probe(item_column, item_column == Item.id)


def _statement(where: Any, *extra: Any, lateral: bool = False) -> Any:
    """``where``: a condition on the unit, or a subquery of unit ids (the statement starts from it)."""
    # Lot, supplier and the receipt's place are scalar subqueries, not joins: PostgreSQL plans a statement anew on
    # its first calls (custom plans) and a ten-table join took it ~5 ms to plan — more than the round trips saved.
    # On PostgreSQL the events are a LATERAL subquery: without planner statistics it hashed the whole events
    # table to join a unit's few events; a lateral one is an index probe per unit, whatever the estimates (its
    # OFFSET 0 keeps PostgreSQL from pulling it up into a plain join). SQLite has no LATERAL, and joins by nested
    # loops over the index anyway.
    events = aliased(Event, select(Event).where(Event.item_id == Item.id).correlate(Item).offset(0).subquery()
                     .lateral("unit_events")) if lateral else Event
    # max(id + 0), not max(id): without statistics PostgreSQL answered max(id) by walking the sale lines' primary
    # key backwards until one was the unit's (179k rows, 13 ms); this way it is the unit's own lines by its index.
    latest = select(func.max(_LINES.id + 0)).where(_LINES.item_id == Item.id).correlate(Item).scalar_subquery()
    receipt = (select(Receipt.location_id).where(Receipt.id == events.ref_id, events.kind == "received",
                                                 events.ref_type == "receipt").correlate(events).scalar_subquery())
    place = (select(Location.name).where(Location.id == func.coalesce(receipt, DEFAULT_LOCATION_ID))
             .correlate(events).scalar_subquery())
    columns = select(Item, Product, _of(Lot.code, Lot.id == Item.lot_id),
                     _of(Supplier.name, Supplier.id == Item.supplier_id), SaleLine, Sale, Customer,
                     _exists(ServiceTicket.item_id), _exists(RecallItem.item_id), _exists(Fitment.host_item_id),
                     _exists(Fitment.part_item_id), _of(Location.name, Location.id == func.coalesce(
                         Item.location_id, DEFAULT_LOCATION_ID)), *extra, events, place)
    if isinstance(where, Subquery):  # the units first (a few rows, whatever the estimates), then the rest
        joined = columns.select_from(where).join(Item, Item.id == where.c.id)
    else:
        joined = columns.select_from(Item).where(where)
    joined = (joined.join(Product, Product.id == Item.product_id)
              .outerjoin(SaleLine, SaleLine.id == latest).outerjoin(Sale, Sale.id == SaleLine.sale_id)
              .outerjoin(Customer, Customer.id == Sale.customer_id))
    joined = joined.outerjoin(events, true()) if lateral else joined.outerjoin(events, events.item_id == Item.id)
    # In time order only: ordering by the unit too let PostgreSQL merge-join the whole items index (_rows groups)
    return joined.order_by(events.at, events.id)


def _of(column: Any, on: Any) -> Any:
    """One value of the unit's own row elsewhere (its lot's code, its supplier's name)."""
    return select(column).where(on).correlate(Item).scalar_subquery()


def _both(where: Any, *extra: Any) -> dict[bool, Any]:
    """The statement for SQLite (False) and for PostgreSQL (True: the events a LATERAL subquery)."""
    return {lateral: _statement(where, *extra, lateral=lateral) for lateral in (False, True)}


_BY_ID = _both(Item.id == bindparam("item_id"))
# The serial as typed and in capitals (how serials are stored: SerialCase); the named product: is the text a SKU?
# The units come from a subquery of at most MATCHES (more: the caller takes one_item's way): without statistics
# PostgreSQL took ``serial IN (…)`` for thousands of units and planned the whole statement in parallel workers.
MATCHES = 2  # one unit, or another with the serial too: then one_item says which (or that it is ambiguous)
_BY_SERIAL = _both(select(Item.id).where(Item.serial.in_([bindparam("as_typed"), bindparam("upper")]))
                   .limit(MATCHES).subquery("matched"),
                   select(_NAMED.id).where(_NAMED.sku == bindparam("code")).scalar_subquery())


def _lateral(s: Any) -> bool:
    return bool(s.get_bind().dialect.name != "sqlite")


def _rows(rows: list[Any], first: int = 0) -> PassportRows:
    head = rows[first]
    events = tuple((r[-2], r[-1]) for r in rows if r[-2] is not None and r[0] is head[0])
    return PassportRows(head[2], head[3], head[4], head[5], head[6], bool(head[7]), bool(head[8]), bool(head[9]),
                        bool(head[10]), head[11], events)


def passport_rows(s: Any, item: Item) -> PassportRows:
    """The passport's facts about a unit already found (one statement)."""
    return _rows(s.execute(_BY_ID[_lateral(s)], {"item_id": item.id}).all())


def unit_with_rows(s: Any, ref: str, sku: str | None) -> tuple[Item, Product, PassportRows] | None:
    """The one unit a serial (of ``sku``, if given) or a SKU:SERIAL names, with its passport's facts, from one
    statement — read as ``one_item`` reads it: the classifier asks its questions of what the statement found.
    None whenever that is not certain (a GS1 label, a SKU, no such unit or several, a serial the classifier
    changes): the caller then takes ``one_item``'s way, which says what is wrong."""
    text = ref.strip()
    head, colon, tail = text.partition(":")
    if colon and sku:
        return None
    wanted = head.strip().upper() if colon else sku.strip().upper() if sku else None
    looked_up = tail.strip() if colon else text
    try:
        typed, upper = normalise_serial(looked_up, "preserve"), normalise_serial(looked_up, "upper")
    except DomainError:
        return None
    code = text.upper()
    rows = s.execute(_BY_SERIAL[_lateral(s)], {"as_typed": typed, "upper": upper, "code": code}).all()
    if not rows or rows[0][12] is not None:  # no such serial, or the text is a product's SKU
        return None
    product = next((r[1] for r in rows if r[1].sku == wanted), None)
    if wanted is not None and product is None:  # not that product's unit (or, before a colon, no SKU at all)
        return None
    known: dict[str, Product | None] = {code: None}  # what the statement found out: no product has that SKU
    if wanted is not None:
        known[wanted] = product
    try:
        named, serial = unit_ref(s, text, sku.strip().upper() if sku else None, PrimedCatalogue(s, known))
    except DomainError:
        return None
    if named != wanted or (named is None and serial != text):
        return None
    if product is not None and normalise_serial(serial, product.serial_case, product=product.sku) not in (typed,
                                                                                                        upper):
        return None
    found: dict[int, int] = {}
    for n, (item, of) in enumerate((r[0], r[1]) for r in rows):
        if named is None:
            ok = item.serial == normalise_serial(serial, of.serial_case)
        else:
            ok = of.sku == named and item.serial == normalise_serial(serial, of.serial_case, product=of.sku)
        if ok:
            found.setdefault(item.id, n)
    if len(found) != 1 or len({r[0].id for r in rows}) >= MATCHES:  # perhaps more than the subquery let through
        return None
    first = next(iter(found.values()))
    return rows[first][0], rows[first][1], _rows(rows, first)
