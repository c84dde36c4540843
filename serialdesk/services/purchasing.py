"""Purchase orders (issue 15): lines ordered from a supplier (product, quantity, unit cost, expected date),
the supplier's shipping notice (expected serials with lots, kept on the PO), and receipts against the order.

Status: open → partly_received → closed (everything ordered came, or closed by hand) — or cancelled. The
expected-serials checklist is on the database, so a second receipt against the same notice ticks off its own
serials and still knows the first receipt's: nothing is reported missing twice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from serialdesk.db.models import (
    Event,
    ExpectedSerial,
    Item,
    Location,
    Lot,
    Product,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseReceipt,
    Receipt,
    ReceiptLine,
    Supplier,
)
from serialdesk.db.models.supply import DEFAULT_LOCATION_ID
from serialdesk.domain.errors import DomainError, NotFound
from serialdesk.domain.money import to_money
from serialdesk.domain.products import parse_record_number, record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.serial_rules import clean_lot, normalise_serial
from serialdesk.domain.text import clean_text, day, listing, plural
from serialdesk.services.common import Service, chunks, product_by_code, record_events, supplier_by_ref
from serialdesk.services.dto.supply import PoLineView, PoReceipt, PurchaseOrderView
from serialdesk.services.locations import receiving_location
from serialdesk.services.plans import among
from serialdesk.services.receiving import ReceivingService, _clean_list, _explain_conflict
from serialdesk.services.timeline import aware

OPEN, PARTLY, CLOSED, CANCELLED = "open", "partly_received", "closed", "cancelled"
RECEIVABLE = (OPEN, PARTLY)
MAX_LINE_QUANTITY = 1_000_000  # units on one line: more is a typing slip (and would not fit the database)
LineSpec = tuple[str, int, "str | Decimal", "str | datetime | None"]


def po_id(text: str) -> int:
    """'PO-0007', '7' → 7; NotFound in the clerk's words for anything else."""
    number = parse_record_number("purchase_order", text)
    if number is None and not text.strip().isdigit():
        raise NotFound(f"'{text}' is not a purchase order number (e.g. PO-0001).", code="unknown_po")
    return number if number is not None else int(text)


class PurchasingService(Service):
    def add_order(self, supplier: str, lines: Sequence[LineSpec] = (), note: str | None = None) -> PurchaseOrderView:
        """A new PO to ``supplier`` with its lines (SKU, quantity, unit cost, expected date); warns on a
        product this shop has only had from other suppliers."""
        self.actor.require(Action.RECEIVE)
        note = clean_text(note, "order note", limit=500)
        for sku, quantity, *_ in lines:  # before the order is written: a refused line uses up no PO number
            _check_quantity(sku, quantity)
        with self.uows() as uow:
            s = uow.session
            sup = supplier_by_ref(s, supplier)
            po = PurchaseOrder(supplier_id=sup.id, status=OPEN, created_by=self.actor.name, created_at=self.clock(),
                               note=note)
            s.add(po)
            s.flush()
            warnings = [w for spec in lines if (w := self._add_line(s, po, *spec))]
            self.record(s, kind="po_added", ref_type="purchase_order", ref_id=po.id,
                        data={"supplier": sup.name, "lines": len(lines)})
            uow.commit()
            return order_view(s, po, warnings)

    def add_line(self, number: str, sku: str, quantity: int, cost: str | Decimal,
                 due: str | datetime | None = None) -> PurchaseOrderView:
        self.actor.require(Action.RECEIVE)
        _check_quantity(sku, quantity)
        with self.uows() as uow:
            s = uow.session
            po = _receivable(s, number)
            warning = self._add_line(s, po, sku, quantity, cost, due)
            self.record(s, kind="po_line_added", ref_type="purchase_order", ref_id=po.id,
                        data={"sku": sku.strip().upper(), "quantity": quantity})
            uow.commit()
            return order_view(s, po, [warning] if warning else [])

    def _add_line(self, s: Session, po: PurchaseOrder, sku: str, quantity: int, cost: str | Decimal,
                  due: str | datetime | None) -> str | None:
        product = product_by_code(s, sku)
        _check_quantity(product.sku, quantity)
        if quantity < 1:
            raise DomainError(f"Order at least one {product.sku} (the quantity was {quantity}).", code="bad_quantity")
        line = PurchaseOrderLine(po_id=po.id, product_id=product.id, quantity=quantity,
                                 unit_cost=to_money(cost, f"Cost of {product.sku}"), due=_due(due), received=0)
        s.add(line)
        s.flush()
        others = list(s.scalars(select(Supplier.name).where(Supplier.id.in_(
            select(Item.supplier_id).where(Item.product_id == product.id).distinct())).order_by(Supplier.name)))
        supplier = s.get(Supplier, po.supplier_id)
        assert supplier is not None
        if others and supplier.name not in others:
            return (f"{product.sku} has so far come from {listing(others)}, not {supplier.name}: check the "
                    "line is for the right supplier.")
        return None

    def load_notice(self, number: str, rows: Sequence[Mapping[str, str]], lines: Sequence[int] = (),
                    source: str = "the notice") -> PurchaseOrderView:
        """The supplier's shipping notice: rows with ``serial`` and optional ``sku`` and ``lot`` (``lines``: the
        file's line of each row, for messages). All or nothing: a duplicate serial, an unknown product, a
        product not on the order, a serial on another open notice or already in the shop refuses the file,
        naming the lines."""
        self.actor.require(Action.RECEIVE)
        with self.uows() as uow:
            s = uow.session
            po = _receivable(s, number)
            on_po = {p.id: p for p in s.scalars(select(Product).join(
                PurchaseOrderLine, PurchaseOrderLine.product_id == Product.id).where(PurchaseOrderLine.po_id == po.id))}
            if not on_po:
                raise DomainError(f"{record_number('purchase_order', po.id)} has no lines yet; add what was ordered "
                                  "first (po line).", code="po_without_lines")
            problems: list[str] = []
            wanted: list[tuple[int, Product, str, str | None]] = []
            for n, row in enumerate(rows):
                line_no = lines[n] if n < len(lines) else n + 2
                product = _notice_product(s, row.get("sku", ""), on_po, problems, line_no)
                raw = (row.get("serial") or "").strip()
                if not raw:
                    problems.append(f"line {line_no}: no serial")
                    continue
                if product is not None:
                    serial = normalise_serial(raw, product.serial_case, product=product.sku)
                    wanted.append((line_no, product, serial, clean_lot(row.get("lot"))))
            seen = Counter((p.id, serial) for _, p, serial, _ in wanted)
            problems += [f"line {n}: {p.sku}:{serial} is twice in the file" for n, p, serial, _ in wanted
                         if seen[(p.id, serial)] > 1]
            problems += _already_expected(s, po, wanted)
            if not rows and not problems:
                problems.append("it lists no serials")
            if problems:
                raise DomainError(f"Nothing was loaded: {source} has {plural(len(problems), 'problem')} — "
                                  f"{listing(problems, 4)}.", code="bad_notice", problems=problems)
            s.add_all(ExpectedSerial(po_id=po.id, product_id=p.id, serial=serial, lot=lot)
                      for _, p, serial, lot in wanted)
            self.record(s, kind="po_notice_loaded", ref_type="purchase_order", ref_id=po.id,
                        data={"serials": len(wanted)})
            uow.commit()
            return order_view(s, po, _beyond_the_order(s, po))

    def receive(self, number: str, serials: Sequence[str], *, sku: str | None = None, lot: str | None = None,
                at: datetime | None = None, location: str | None = None, note: str | None = None,
                supplier: str | None = None) -> PoReceipt:
        """Receive units against a PO as one posted receipt: the supplier and the unit cost come from the
        order, the notice's serials are ticked off, and the result says '12 of 20' and warns on over- or
        under-delivery and on serials not on the notice. ``supplier``: the one the clerk named, if any — it
        must be the order's. A receipt dated before the order was placed is refused."""
        self.actor.require(Action.RECEIVE)
        with self.uows() as uow:
            s = uow.session
            po, ordered_from, floor = _receivable_from(s, number)
            if supplier is not None and supplier.strip():
                named = supplier_by_ref(s, supplier)
                if named.id != ordered_from.id:
                    raise DomainError(f"{record_number('purchase_order', po.id)} is from {ordered_from.name}, not "
                                      f"{named.name}.", code="po_other_supplier")
            lines = _locked_lines(s, po)  # held until this commits: two stations count one after the other
            product = _product_to_receive(s, po, sku, serials, [p for _, p in lines])
            place = receiving_location(s, location) if location and location.strip() else floor
            when = self.moment(at, "a receipt")
            _refuse_before_order(po, when)
            values, lot = _clean_list(s, serials, product, lot)
            notice = _on_notice(s, po, product, values)
            if lot is None:  # the notice's lot, when the units received all carry the same one
                lots = set(notice.lots.values()) - {None}
                lot = next(iter(lots)) if len(lots) == 1 else None
            receiving = ReceivingService(self.uows, self.actor, self.clock)
            try:
                taken = _take_from_lines(s, po, product, len(values), lines)  # the units go in at the line's cost
                receipt = receiving.post_batch(s, product, ordered_from, values, lot=lot, when=when, note=note,
                                               location_id=place.id, cost=taken[0], record_posted=False,
                                               lot_row=notice.opened.get(clean_lot(lot) or ""))
                got = _book_po_receipt(self, s, po, ordered_from, product, receipt, values, notice, when, taken,
                                       [receiving.posted_event(receipt, len(values))])
                uow.commit()
            except IntegrityError:
                _explain_conflict(s, product, values)
            return got

    def close_order(self, number: str, *, cancel: bool = False) -> PurchaseOrderView:
        """Nothing more is coming: close the PO (or cancel one nothing was received on)."""
        self.actor.require(Action.RECEIVE)
        with self.uows() as uow:
            s = uow.session
            po = _receivable(s, number)
            if cancel and po.status == PARTLY:
                raise DomainError(f"{record_number('purchase_order', po.id)} has units received already; close it "
                                  "instead of cancelling.", code="po_partly_received")
            po.status, po.closed_at = (CANCELLED if cancel else CLOSED), self.clock()
            self.record(s, kind="po_cancelled" if cancel else "po_closed", ref_type="purchase_order", ref_id=po.id)
            uow.commit()
            return order_view(s, po)

    def order(self, number: str) -> PurchaseOrderView:
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            return order_view(uow.session, _get(uow.session, number))

    def orders(self, *, open_only: bool = False, limit: int = 200) -> list[PurchaseOrderView]:
        self.actor.require(Action.LOOKUP)
        query = select(PurchaseOrder).order_by(PurchaseOrder.id.desc()).limit(limit)
        if open_only:
            query = query.where(PurchaseOrder.status.in_(RECEIVABLE))
        with self.uows.reading() as uow:
            return [order_view(uow.session, po) for po in uow.session.scalars(query)]

    def not_on_notice(self, number: str) -> tuple[str, ...]:
        """SKU:SERIAL received against the PO that its notice did not list (for the checklist), in order."""
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            po = _get(uow.session, number)
            rows = uow.session.scalars(select(Event.data).where(
                Event.kind == "po_received", Event.ref_type == "purchase_order", Event.ref_id == po.id)
                .order_by(Event.id))
            return tuple(f"{d.get('sku')}:{v}" for d in rows for v in (d or {}).get("not_on_notice", []))


def _beyond_the_order(s: Session, po: PurchaseOrder) -> list[str]:
    """A notice that lists more units of a product than the PO orders: the buyer should know before it arrives."""
    ordered: dict[int, int] = {pid: int(n or 0) for pid, n in s.execute(
        select(PurchaseOrderLine.product_id, func.sum(PurchaseOrderLine.quantity))
        .where(PurchaseOrderLine.po_id == po.id).group_by(PurchaseOrderLine.product_id))}
    listed = s.execute(select(Product.id, Product.sku, func.count(ExpectedSerial.id))
                       .join(Product, Product.id == ExpectedSerial.product_id).where(ExpectedSerial.po_id == po.id)
                       .group_by(Product.id, Product.sku).order_by(Product.sku)).all()
    return [f"The supplier's notice lists {n} of {sku}; {ordered.get(pid, 0)} are ordered ({n - ordered.get(pid, 0)} "
            "more than the order)." for pid, sku, n in listed if n > ordered.get(pid, 0)]


def _get(s: Session, number: str) -> PurchaseOrder:
    found = s.get(PurchaseOrder, po_id(number))
    if found is None:
        raise NotFound(f"There is no purchase order {number.strip().upper()}.", code="unknown_po")
    return found


def _receivable(s: Session, number: str) -> PurchaseOrder:
    return _still_open(_get(s, number))


def _still_open(po: PurchaseOrder) -> PurchaseOrder:
    if po.status not in RECEIVABLE:
        raise DomainError(f"Purchase order {record_number('purchase_order', po.id)} is {po.status}; it can no "
                          "longer be changed or received against.", code="po_closed")
    return po


def _receivable_from(s: Session, number: str) -> tuple[PurchaseOrder, Supplier, Location]:
    """An open PO, its supplier and the shop floor (where units go when no place is named, as
    ``receiving_location`` says): one statement for what a scan against a PO starts with."""
    found = s.execute(select(PurchaseOrder, Supplier, Location)
                      .join(Supplier, Supplier.id == PurchaseOrder.supplier_id)
                      .join(Location, Location.id == DEFAULT_LOCATION_ID)
                      .where(PurchaseOrder.id == po_id(number))).first()
    if found is None:
        _get(s, number)  # says there is no such order
        raise AssertionError("a purchase order without its supplier or the shop floor")  # foreign key, migration
    return _still_open(found[0]), found[1], found[2]


def _locked_lines(s: Session, po: PurchaseOrder) -> list[tuple[PurchaseOrderLine, Product]]:
    """The PO's lines in order with their products, locked for the count (``FOR UPDATE`` on PostgreSQL)."""
    return list(s.execute(select(PurchaseOrderLine, Product)
                          .join(Product, Product.id == PurchaseOrderLine.product_id)
                          .where(PurchaseOrderLine.po_id == po.id).order_by(PurchaseOrderLine.id)
                          .with_for_update(of=PurchaseOrderLine)).tuples())


def _check_quantity(sku: str, quantity: int) -> None:
    """DomainError for a quantity no line can order (checked before anything is written)."""
    if quantity > MAX_LINE_QUANTITY:
        raise DomainError(f"A line orders at most {MAX_LINE_QUANTITY:,} units; {quantity:,} of "
                          f"{sku.strip().upper()} is more than that — check the quantity (or split the order).",
                          code="quantity_too_large")


def _refuse_before_order(po: PurchaseOrder, when: datetime) -> None:
    """DomainError for a receipt dated on a day before the PO was placed (its lead time would be wrong)."""
    if when.astimezone().date() < po.created_at.astimezone().date():
        raise DomainError(f"{record_number('purchase_order', po.id)} was placed on {day(po.created_at)}; a "
                          f"receipt against it cannot be dated {day(when)}, before the order existed.",
                          code="before_po")


def _due(value: str | datetime | None) -> datetime | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return aware(value, value)
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise DomainError(f"'{value}' is not a date (use e.g. 2026-04-01).", code="bad_date") from None
    return moment.astimezone() if moment.tzinfo is None else moment


def _notice_product(s: Session, sku: str, on_po: dict[int, Product], problems: list[str],
                    line_no: int) -> Product | None:
    if not (sku or "").strip():
        if len(on_po) == 1:
            return next(iter(on_po.values()))
        problems.append(f"line {line_no}: no sku, and the order is for several products")
        return None
    try:
        product = product_by_code(s, sku)
    except NotFound:
        problems.append(f"line {line_no}: there is no product '{sku.strip()}'")
        return None
    if product.id not in on_po:
        problems.append(f"line {line_no}: {product.sku} is not on this order")
        return None
    return product


def _already_expected(s: Session, po: PurchaseOrder, wanted: list[tuple[int, Product, str, str | None]]) -> list[str]:
    """Serials of the notice that another open notice (or this one) already expects, or the shop already has."""
    problems: list[str] = []
    by_product: dict[int, list[tuple[int, str]]] = {}
    for line_no, product, serial, _ in wanted:
        by_product.setdefault(product.id, []).append((line_no, serial))
    for product_id, entries in by_product.items():
        line_of = {serial: n for n, serial in entries}
        for part in chunks(list(line_of)):
            for serial, other in s.execute(
                    select(ExpectedSerial.serial, ExpectedSerial.po_id)
                    .join(PurchaseOrder, PurchaseOrder.id == ExpectedSerial.po_id)
                    .where(ExpectedSerial.product_id == product_id, ExpectedSerial.serial.in_(part),
                           PurchaseOrder.status.in_(RECEIVABLE))):
                where = ("this order's notice" if other == po.id
                         else f"the notice of {record_number('purchase_order', other)}")
                problems.append(f"line {line_of[serial]}: {serial} is already on {where}")
            known = select(Item.serial).where(Item.product_id == product_id, Item.serial.in_(part))
            for (serial,) in s.execute(known):
                problems.append(f"line {line_of[serial]}: {serial} is already a unit in the shop")
    return sorted(problems, key=lambda p: int(p.split(":")[0].split()[1]))


def _product_to_receive(s: Session, po: PurchaseOrder, sku: str | None, serials: Sequence[str],
                        products: Sequence[Product] | None = None) -> Product:
    """The product being received against ``po``: the one named by ``sku``, else the PO's only one.
    ``products``: those of the PO's lines, when the caller read them (repeats allowed)."""
    if products is None:
        products = list(s.scalars(select(Product).join(PurchaseOrderLine, PurchaseOrderLine.product_id == Product.id)
                                  .where(PurchaseOrderLine.po_id == po.id)))
    on_po = list({p.id: p for p in products}.values())
    number = record_number("purchase_order", po.id)
    if sku:
        product = product_by_code(s, sku)
        if product.id not in {p.id for p in on_po}:
            raise DomainError(f"{product.sku} is not on {number} (it orders {listing([p.sku for p in on_po])}).",
                              code="not_on_po")
        return product
    if len(on_po) == 1:
        return on_po[0]
    if not on_po:
        raise DomainError(f"{number} has no lines to receive against.", code="po_without_lines")
    raise DomainError(f"{number} orders several products ({listing([p.sku for p in on_po])}); say which with "
                      "--sku.", code="sku_required")


@dataclass(frozen=True)
class Notice:
    """What the notice of a PO says about the serials being received (looked up by its index, one by one)."""

    lots: dict[str, str | None]  # serial → its lot on the notice, for the serials the notice lists
    exists: bool  # the PO has a notice for the product at all (else nothing is "not on the notice")
    opened: dict[str, Lot] = field(default_factory=dict)  # those lots the product has already, by code


def _on_notice(s: Session, po: PurchaseOrder, product: Product, values: Sequence[str]) -> Notice:
    """The received serials the PO's notice lists: an indexed look-up of these serials (expected_serials is
    unique on po, product, serial), never a read of the whole notice — a scan costs the same at 20 or 2,000.
    With each, its lot when the product has it already (the receipt then need not look it up again)."""
    lots: dict[str, str | None] = {}
    opened: dict[str, Lot] = {}
    for part in chunks(list(values)):
        for serial, code, lot in s.execute(
                select(ExpectedSerial.serial, ExpectedSerial.lot, Lot)
                .outerjoin(Lot, and_(Lot.product_id == ExpectedSerial.product_id, Lot.code == ExpectedSerial.lot))
                .where(ExpectedSerial.po_id == po.id, ExpectedSerial.product_id == product.id,
                       ExpectedSerial.serial.in_(part))).tuples():
            lots[serial] = code
            if lot is not None:
                opened[lot.code] = lot
    exists = bool(lots) or s.scalar(select(ExpectedSerial.id).where(
        ExpectedSerial.po_id == po.id, ExpectedSerial.product_id == product.id).limit(1)) is not None
    return Notice(lots, exists, opened)


def _book_po_receipt(service: Service, s: Session, po: PurchaseOrder, supplier: Supplier, product: Product,
                     receipt: Receipt, values: Sequence[str], notice: Notice, when: datetime,
                     taken: tuple[Decimal, tuple[PoLineView, ...]] | None = None,
                     events: Sequence[dict[str, Any]] = ()) -> PoReceipt:
    """Book a receipt whose units are in stock against the PO, in the caller's transaction (``receive`` and
    ``PoDraftService.receive_draft``): the cost from the PO line, the lines' counts moved on, the notice's
    serials ticked off, the status, the ledger's event; the answer says what changed and what to warn about.
    ``taken``: the lines were counted already (``_take_from_lines``) and the units went in at that cost.
    ``events``: ledger rows of the caller's to write before the ``po_received`` one (in the same statement)."""
    _refuse_before_order(po, when)  # a draft's receipt too (the caller's transaction is rolled back)
    s.add(PurchaseReceipt(receipt_id=receipt.id, po_id=po.id))
    if taken is None:  # a draft's units, in stock at the product's cost: the PO line's cost now
        cost, lines = _take_from_lines(s, po, product, len(values))
        on_receipt = select(ReceiptLine.item_id).where(ReceiptLine.receipt_id == receipt.id)
        s.execute(update(Item).where(among(s, Item.id, on_receipt)).values(cost=cost)  # by pk, any statistics
                  .execution_options(synchronize_session=False))
    else:
        cost, lines = taken
    ticked = [v for v in values if v in notice.lots]
    for part in chunks(ticked):
        s.execute(update(ExpectedSerial).where(
            ExpectedSerial.po_id == po.id, ExpectedSerial.product_id == product.id,
            ExpectedSerial.serial.in_(part), ExpectedSerial.item_id.is_(None))
            .values(item_id=select(Item.id).where(Item.product_id == product.id,
                                                  Item.serial == ExpectedSerial.serial)
                    .scalar_subquery(), received_at=when)
            .execution_options(synchronize_session=False))
    mine = [ln for ln in lines if ln.sku == product.sku]
    ordered, received = sum(ln.ordered for ln in mine), sum(ln.received for ln in mine)
    po.status = CLOSED if all(ln.received >= ln.ordered for ln in lines) else PARTLY
    if po.status == CLOSED:
        po.closed_at = when
    not_on_notice = tuple(v for v in values if v not in notice.lots) if notice.exists else ()
    warnings = _delivery_warnings(product, ordered, received, len(values), not_on_notice)
    lead_days = max(0, (when - po.created_at).days)
    number = record_number("receipt", receipt.id)
    record_events(s, [*events, service.event(
        kind="po_received", ref_type="purchase_order", ref_id=po.id, at=when,
        data={"receipt": number, "sku": product.sku, "units": len(values), "not_on_notice": list(not_on_notice),
              "supplier": supplier.name, "lead_days": lead_days})])
    return PoReceipt(number, record_number("purchase_order", po.id), product.sku, len(values), received, ordered,
                     cost, not_on_notice, tuple(warnings), status=po.status, lines=lines,
                     ticked=tuple(f"{product.sku}:{v}" for v in ticked), lead_days=lead_days)


def _take_from_lines(s: Session, po: PurchaseOrder, product: Product, units: int,
                     rows: Sequence[tuple[PurchaseOrderLine, Product]] | None = None,
                     ) -> tuple[Decimal, tuple[PoLineView, ...]]:
    """Count the units against the product's lines in order (the last line takes any over-delivery); the
    unit cost is the first line's with quantity left. Returns it and all the PO's lines as they now stand.
    ``rows``: the lines as ``_locked_lines`` read them in this transaction (else read and locked here)."""
    if rows is None:
        rows = _locked_lines(s, po)
    mine = [ln for ln, _ in rows if ln.product_id == product.id]
    cost = next((ln.unit_cost for ln in mine if ln.received < ln.quantity), mine[-1].unit_cost)
    left = units
    for n, line in enumerate(mine):
        take = left if n == len(mine) - 1 else min(left, max(line.quantity - line.received, 0))
        line.received += take
        left -= take
    s.flush()
    return cost, tuple(PoLineView(p.sku, p.name, ln.quantity, ln.received, ln.unit_cost, ln.due) for ln, p in rows)


def _delivery_warnings(product: Product, ordered: int, received: int, units: int,
                       not_on_notice: tuple[str, ...]) -> list[str]:
    warnings = []
    if received > ordered:
        warnings.append(f"Over-delivery: {received} of {product.sku} received, {ordered} ordered "
                        f"({received - ordered} more than ordered).")
    elif received < ordered:
        warnings.append(f"Under-delivery so far: {ordered - received} of {product.sku} still to come.")
    if not_on_notice:
        warnings.append(f"{plural(len(not_on_notice), 'serial')} not on the supplier's notice: "
                        f"{listing(list(not_on_notice))}.")
    return warnings


def order_view(s: Session, po: PurchaseOrder, warnings: Sequence[str] = ()) -> PurchaseOrderView:
    supplier = s.get(Supplier, po.supplier_id)
    rows = s.execute(select(Product.sku, Product.name, PurchaseOrderLine.quantity, PurchaseOrderLine.received,
                            PurchaseOrderLine.unit_cost, PurchaseOrderLine.due)
                     .join(Product, Product.id == PurchaseOrderLine.product_id)
                     .where(PurchaseOrderLine.po_id == po.id).order_by(PurchaseOrderLine.id)).all()
    lines = tuple(PoLineView(*row) for row in rows)
    expected = s.execute(select(Product.sku, ExpectedSerial.serial, ExpectedSerial.item_id)
                         .join(Product, Product.id == ExpectedSerial.product_id)
                         .where(ExpectedSerial.po_id == po.id).order_by(ExpectedSerial.id)).all()
    receipts = s.scalars(select(PurchaseReceipt.receipt_id).where(PurchaseReceipt.po_id == po.id)
                         .order_by(PurchaseReceipt.receipt_id))
    return PurchaseOrderView(
        po.id, record_number("purchase_order", po.id), supplier.name if supplier else "?", po.status,
        po.created_by, po.created_at, lines, sum(ln.ordered for ln in lines), sum(ln.received for ln in lines),
        len(expected),
        expected_received=tuple(f"{sku}:{serial}" for sku, serial, item in expected if item is not None),
        expected_missing=tuple(f"{sku}:{serial}" for sku, serial, item in expected if item is None),
        receipts=tuple(record_number("receipt", r) for r in receipts), warnings=tuple(warnings), note=po.note,
    )
