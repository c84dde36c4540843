"""Why a serial cannot be taken in again: finds the units already known and says where they are."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import String, bindparam, func, select, true
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import InstrumentedAttribute, Session

from serialdesk.db.models import (
    Customer,
    Item,
    Location,
    Product,
    Receipt,
    ReceiptLine,
    Rma,
    Sale,
    SaleLine,
    Supplier,
)
from serialdesk.db.models.supply import DEFAULT_LOCATION_ID
from serialdesk.domain.errors import DomainError
from serialdesk.domain.products import record_number
from serialdesk.domain.status import ItemStatus, state_phrase
from serialdesk.domain.text import day, listing

# Where a unit has a place of ours to be named (receiving: the draft's place; returned: on its way back to a shelf);
# a customer, the supplier or another unit has the others.
PLACED = frozenset({ItemStatus.IN_STOCK.value, ItemStatus.QUARANTINED.value, ItemStatus.RECEIVING.value,
                    ItemStatus.RETURNED.value})


def place_name() -> Any:
    """SQL: the name of the unit's location (the default one where none was written), a primary-key probe."""
    return (select(Location.name).where(Location.id == func.coalesce(Item.location_id, DEFAULT_LOCATION_ID))
            .correlate(Item).scalar_subquery())


def place_name_of(session: Session, location_id: int | None) -> str | None:
    return session.scalar(select(Location.name).where(Location.id == (location_id or DEFAULT_LOCATION_ID)))


def shown_place(status: str, name: str | None) -> str | None:
    """The place to show for a unit read with ``place_name()``: None unless the unit is on a place of ours."""
    return name if status in PLACED else None


def refuse_claimed(session: Session, units: Sequence[tuple[Item, Product]], doing: str) -> None:
    """DomainError for a unit we are claiming from its supplier (an open RMA): a faulty unit on its way back to the
    supplier is not sold or sent elsewhere meanwhile. ``doing``: e.g. 'sold'."""
    by_id = {item.id: item for item, _ in units}
    found = _claim_of(session, sorted(by_id), "open")
    if found is not None:
        serial = by_id[found[1]].serial
        raise DomainError(f"Serial {serial} is being claimed from its supplier on RMA-{found[0]:04d} — it cannot be "
                          f"{doing} while the claim is open (send it to the supplier, or cancel the claim).",
                          code="on_open_rma", serial=serial)


def refuse_sent_on_claim(session: Session, item: Item) -> None:
    """DomainError for a unit that went back on a claim (an RMA sent): the supplier's answer is recorded on the claim
    (credit, replacement, or rejected: the unit back), never as a plain move that leaves the claim open."""
    found = _claim_of(session, [item.id], "sent")
    if found is not None:
        number = f"RMA-{found[0]:04d}"
        raise DomainError(f"Serial {item.serial} went back to the supplier on {number} — record their answer there: "
                          f"rma credit|replace|reject {number}.", code="on_sent_rma", serial=item.serial)


def _claim_of(session: Session, item_ids: Sequence[int], state: str) -> Any:
    if not item_ids:
        return None
    return session.execute(select(Rma.id, Rma.item_id).where(Rma.item_id.in_(item_ids), Rma.state == state)
                           .order_by(Rma.id).limit(1)).first()


def where_is(session: Session, item: Item, product: Product) -> str:
    """'was sold on 3 Mar 2026 to Jane Smith (C-0012)' — the unit's state with the facts a clerk needs."""
    status = ItemStatus(item.status)
    if status in (ItemStatus.SOLD, ItemStatus.IN_SERVICE, ItemStatus.RECALLED):
        sold = sale_of(session, item.id)
        if sold is not None:
            _, sale, customer = sold
            return (f"{state_phrase(ItemStatus.SOLD)} on {day(sale.sold_at)} to {customer.name} "
                    f"({record_number('customer', customer.id)})"
                    + ("" if status is ItemStatus.SOLD else f" and {state_phrase(status)}"))
    if status is ItemStatus.RECEIVING:
        receipt = session.scalar(
            select(Receipt).join(ReceiptLine, ReceiptLine.receipt_id == Receipt.id)
            .where(ReceiptLine.item_id == item.id)
        )
        if receipt is not None:
            station = f" at station {receipt.station}" if receipt.station else ""
            return (f"is already scanned on draft receipt {record_number('receipt', receipt.id)}"
                    f" by {receipt.created_by}{station}")
    if status is ItemStatus.IN_STOCK and item.received_at is not None:
        supplier = session.get(Supplier, item.supplier_id) if item.supplier_id else None
        source = f" from {supplier.name}" if supplier else ""
        return f"is in stock (received {day(item.received_at)}{source})"
    return state_phrase(status)


def sale_of(session: Session, item_id: int) -> tuple[SaleLine, Sale, Customer] | None:
    """The latest sale of a unit: its line (price, warranty), the sale, and the customer."""
    row = session.execute(
        select(SaleLine, Sale, Customer)
        .join(Sale, Sale.id == SaleLine.sale_id)
        .join(Customer, Customer.id == Sale.customer_id)
        .where(SaleLine.item_id == item_id)
        .order_by(SaleLine.id.desc())
        .limit(1)
    ).first()
    return (row[0], row[1], row[2]) if row is not None else None


def known_rows(session: Session, product: Product, serials: list[str],
               *columns: InstrumentedAttribute[Any]) -> list[tuple[Any, ...]]:
    """``columns`` of the units of ``product`` among ``serials``, in one statement whose plan is right without
    statistics (PostgreSQL here may run without ANALYZE): the list is bound as one value and each serial looked
    up on the unique (product, serial) index — PostgreSQL ``unnest(array)`` with a LATERAL ``LIMIT 1`` probe (a
    plain join let it hash every unit of the product), SQLite ``IN (SELECT … json_each)``."""
    if not serials:
        return []
    if session.get_bind().dialect.name == "postgresql":
        wanted = func.unnest(bindparam("serials", serials, type_=ARRAY(String))).table_valued("value")
        given = wanted.render_derived(name="given")
        unit = (select(*columns).where(Item.product_id == product.id, Item.serial == given.c.value)
                .limit(1).lateral("unit"))
        query = select(*(unit.c[c.key] for c in columns)).select_from(given).join(unit, true())
    else:
        listed = func.json_each(bindparam("serials", json.dumps(serials))).table_valued("value")
        query = select(*columns).where(Item.product_id == product.id, Item.serial.in_(select(listed.c.value)))
    return [tuple(row) for row in session.execute(query)]


def refuse_known(session: Session, product: Product, serials: Sequence[str], receipt_id: int | None,
                 doing: str = "received") -> None:
    """Raise a DomainError when any of ``serials`` is already a unit of ``product`` (``doing``: what the new
    unit would have been, e.g. 'built').

    One statement whatever the count (issue 17: 10,000 serials were 20 IN lists of 500, each loading whole
    units): the list bound as one value, each serial probed on the unique (product, serial) index; the units
    are loaded only when some are known."""
    ids = [item_id for (item_id,) in known_rows(session, product, list(serials), Item.id)]
    if not ids:
        return
    known = list(session.scalars(select(Item).where(Item.id.in_(ids)).order_by(Item.serial)))
    if len(known) == 1:
        item = known[0]
        on_this = receipt_id is not None and session.scalar(
            select(ReceiptLine.receipt_id).where(ReceiptLine.item_id == item.id)
        ) == receipt_id
        if on_this:
            raise DomainError(f"Serial {item.serial} is already on this receipt.", code="duplicate_in_receipt",
                              serial=item.serial)
        raise DomainError(f"Serial {item.serial} of {product.sku} {where_is(session, item, product)} — "
                          f"it cannot be {doing} again.", code="already_known", serial=item.serial)
    described = [f"{i.serial} ({i.status.replace('_', ' ')})" for i in known]
    raise DomainError(
        f"{len(known)} of these serials of {product.sku} are already known here: "
        f"{listing(described)}. Nothing was {doing}.",
        code="already_known", serials=[i.serial for i in known],
    )
