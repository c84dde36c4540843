"""Receiving: draft receipts scanned unit by unit (each scan durable at once), posting, and bulk receipts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, NoReturn

from sqlalchemy import String, delete, func, insert, literal, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from serialdesk.db.models import Event, Item, Lot, Product, Receipt, ReceiptLine, Supplier
from serialdesk.db.models.base import UTCDateTime
from serialdesk.db.models.supply import DEFAULT_LOCATION_ID
from serialdesk.db.statistics import renew_after_commit
from serialdesk.domain.errors import DomainError, NotFound
from serialdesk.domain.products import record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.serial_rules import clean_lot, normalise_serial
from serialdesk.domain.status import ItemStatus
from serialdesk.domain.text import clean_text, listing, plural
from serialdesk.services.bulk_units import ANALYZE_AFTER
from serialdesk.services.bulk_units import ITEMS as ITEMS  # unit_import uses it from here
from serialdesk.services.bulk_units import insert_units as _insert_units
from serialdesk.services.bulk_units import unit_events as _unit_events
from serialdesk.services.classify import LoadedCatalogue, PrimedCatalogue, receivable
from serialdesk.services.common import Service, product_by_code, record_events, supplier_by_ref
from serialdesk.services.dto import ReceiptView, ScanAccepted, ScannedUnit
from serialdesk.services.known_units import refuse_known
from serialdesk.services.locations import place_receipt, receiving_location
from serialdesk.services.patterns import checked_serial, generate_serials, scanned_serial
from serialdesk.services.plans import among
from serialdesk.services.summaries import note_events

DRAFT, POSTED, CANCELLED = "draft", "posted", "cancelled"
FEW_SCANS = 20  # up to this many lines are classified asking the database only what they need


class ReceivingService(Service):
    def open_receipt(self, supplier: str | None = None, note: str | None = None, *,
                     location: str | None = None) -> ReceiptView:
        """Start a draft receipt; the supplier may be chosen any time before posting. Its units go to
        ``location`` when posted (the station's default place; else the shop floor)."""
        self.actor.require(Action.RECEIVE)
        note = clean_text(note, "receipt note", multiline=True)
        with self.uows() as uow:
            supplier_id = supplier_by_ref(uow.session, supplier).id if supplier else None
            receipt = Receipt(supplier_id=supplier_id, status=DRAFT, created_by=self.actor.name,
                              station=self.actor.station, created_at=self.clock(), note=note,
                              location_id=receiving_location(uow.session, location or self.actor.location or None).id)
            uow.session.add(receipt)
            uow.session.flush()
            self.record(uow.session, kind="receipt_opened", ref_type="receipt", ref_id=receipt.id)
            uow.commit()
            return _receipt_view(uow.session, receipt, with_units=False)

    def add_scan(self, receipt_id: int, sku: str, serial: str, *, lot: str | None = None) -> ScanAccepted:
        """Add one scanned serial to a draft; it is in the database when this returns.

        Refused (DomainError) for a posted/cancelled receipt, an unknown product, a malformed serial, a serial
        already on this receipt, on another draft, or already received.
        """
        self.actor.require(Action.RECEIVE)
        with self.uows() as uow:
            s = uow.session
            receipt = _draft(s, receipt_id)
            product = product_by_code(s, sku)
            value = scanned_serial(product, serial, lot=clean_lot(lot))
            refuse_known(s, product, [value], receipt.id)
            lot_row = find_or_open_lot(s, product, lot, receipt.supplier_id)
            now = self.clock()
            item = Item(product_id=product.id, serial=value, lot_id=lot_row.id if lot_row else None,
                        status=ItemStatus.RECEIVING.value, serial_source="supplier", cost=product.cost,
                        created_at=now)
            try:
                s.add(item)
                s.flush()
                s.add(ReceiptLine(receipt_id=receipt.id, item_id=item.id, scanned_at=now))
                self.record(s, kind="scanned", item_id=item.id, product_id=product.id, serial=value,
                            ref_type="receipt", ref_id=receipt.id, at=now, status_to=ItemStatus.RECEIVING.value)
                count = s.scalar(select(func.count(ReceiptLine.id)).where(ReceiptLine.receipt_id == receipt.id))
                uow.commit()
            except IntegrityError:
                _explain_conflict(s, product, [value])
            unit = ScannedUnit(item.id, product.sku, value, lot_row.code if lot_row else None, "supplier", now)
            return ScanAccepted(record_number("receipt", receipt.id), unit, count or 0)

    def remove_scan(self, receipt_id: int, serial: str, sku: str | None = None) -> ReceiptView:
        """Undo a scan on a draft receipt (the unit is forgotten; the ledger keeps the fact)."""
        self.actor.require(Action.RECEIVE)
        with self.uows() as uow:
            s = uow.session
            receipt = _draft(s, receipt_id)
            query = (select(Item, Product).join(ReceiptLine, ReceiptLine.item_id == Item.id)
                     .join(Product, Product.id == Item.product_id).where(ReceiptLine.receipt_id == receipt.id))
            if sku:
                query = query.where(Product.sku == sku.strip().upper())
            matches = [(i, p) for i, p in s.execute(query.where(Item.serial.in_(
                {serial.strip(), serial.strip().upper()}))).all()]
            if not matches:
                raise NotFound(f"Serial {serial.strip()} is not on receipt {record_number('receipt', receipt.id)}.",
                               code="not_on_receipt")
            item, product = matches[0]
            self.record(s, kind="scan_removed", item_id=None, product_id=product.id, serial=item.serial,
                        ref_type="receipt", ref_id=receipt.id)
            s.execute(delete(ReceiptLine).where(ReceiptLine.item_id == item.id))
            s.execute(delete(Item).where(Item.id == item.id))
            uow.commit()
            return _receipt_view(s, receipt)

    def set_supplier(self, receipt_id: int, supplier: str) -> ReceiptView:
        self.actor.require(Action.RECEIVE)
        with self.uows() as uow:
            receipt = _draft(uow.session, receipt_id)
            receipt.supplier_id = supplier_by_ref(uow.session, supplier).id
            self.record(uow.session, kind="receipt_supplier_set", ref_type="receipt", ref_id=receipt.id,
                        data={"supplier_id": receipt.supplier_id})
            uow.commit()
            return _receipt_view(uow.session, receipt)

    def post_receipt(self, receipt_id: int, *, supplier: str | None = None, at: datetime | None = None) -> ReceiptView:
        """Post a draft: every scanned unit goes into stock at once, or none does."""
        self.actor.require(Action.RECEIVE)
        with self.uows() as uow:
            s = uow.session
            receipt = _draft(s, receipt_id)
            if supplier:
                receipt.supplier_id = supplier_by_ref(s, supplier).id
            if receipt.supplier_id is None:
                raise DomainError("Choose the supplier before posting the receipt.", code="supplier_required")
            if s.scalar(select(ReceiptLine.id).where(ReceiptLine.receipt_id == receipt.id).limit(1)) is None:
                raise DomainError("This receipt has no units yet; scan at least one serial.", code="empty_receipt")
            when = self.moment(at, "a receipt")
            self.fits(s, select(ReceiptLine.item_id).where(ReceiptLine.receipt_id == receipt.id), when,
                      "posting the receipt")
            self._put_in_stock(s, receipt, when)
            uow.commit()
            return _receipt_view(s, receipt)

    def cancel_receipt(self, receipt_id: int) -> ReceiptView:
        """Throw away a draft and its scans."""
        self.actor.require(Action.RECEIVE)
        with self.uows() as uow:
            s = uow.session
            receipt = _draft(s, receipt_id)
            item_ids = select(ReceiptLine.item_id).where(ReceiptLine.receipt_id == receipt.id).scalar_subquery()
            s.execute(delete(Item).where(Item.id.in_(item_ids)))  # lines go with them (ON DELETE CASCADE)
            receipt.status = CANCELLED
            self.record(s, kind="receipt_cancelled", ref_type="receipt", ref_id=receipt.id)
            uow.commit()
            return _receipt_view(s, receipt)

    def receive_units(
        self, *, supplier: str, sku: str, serials: Sequence[str] = (), generate: int = 0, lot: str | None = None,
        at: datetime | None = None, expected: Sequence[str] | None = None, note: str | None = None,
        location: str | None = None,
    ) -> ReceiptView:
        """Receive units as one posted receipt (all or nothing): the supplier's ``serials``, or ``generate``
        new serials from the product's pattern (marked generated, for labels).

        ``expected`` (a checklist) does not refuse anything: the result lists missing and unexpected serials.
        The units go to ``location`` (the station's default place; else the shop floor).
        """
        self.actor.require(Action.RECEIVE)
        if bool(serials) == bool(generate):
            raise DomainError("Give the serials received, or a number of serials to generate.", code="usage")
        with self.uows() as uow:
            s = uow.session
            product = product_by_code(s, sku)
            sup = supplier_by_ref(s, supplier)
            place = receiving_location(s, location or self.actor.location or None)
            when = self.moment(at, "a receipt")
            if generate:
                values = generate_serials(s, product, count=generate, lot=clean_lot(lot), when=when,
                                          station=self.actor.station)
            else:
                values, lot = _clean_list(s, serials, product, lot)
            try:
                receipt, units = self._post_units(s, product, sup, values, lot=lot, when=when, note=note,
                                                  source="generated" if generate else "supplier",
                                                  location_id=place.id)
                uow.commit()
            except IntegrityError:
                _explain_conflict(s, product, values)
            return _receipt_view(s, receipt, expected=_expected(expected, product), written=units)

    def post_batch(self, s: Session, product: Product, supplier: Supplier, serials: list[str], *, lot: str | None,
                   when: datetime, note: str | None = None, source: str = "supplier",
                   location_id: int | None = None, cost: Decimal | None = None,
                   record_posted: bool = True, lot_row: Lot | None = None) -> Receipt:
        """Within the caller's transaction: one posted receipt of ``serials`` (already normalised), refused
        when any of them is already known; ``cost`` each (else the product's). ``record_posted=False``: the
        caller writes the receipt's ``receipt_posted`` event (:meth:`posted_event`) with its own, in one
        statement. ``lot_row``: the product's lot of code ``lot``, when the caller read it already."""
        return self._post_units(s, product, supplier, serials, lot=lot, when=when, note=note, source=source,
                                location_id=location_id, cost=cost, record_posted=record_posted,
                                lot_row=lot_row)[0]

    def posted_event(self, receipt: Receipt, units: int) -> dict[str, Any]:
        """The ledger row saying ``receipt`` was posted with ``units`` units (for ``record_events``)."""
        return self.event(kind="receipt_posted", ref_type="receipt", ref_id=receipt.id, at=receipt.posted_at,
                          data={"units": units})

    def _post_units(self, s: Session, product: Product, supplier: Supplier, serials: list[str], *, lot: str | None,
                    when: datetime, note: str | None, source: str,
                    location_id: int | None,
                    cost: Decimal | None = None,
                    record_posted: bool = True, lot_row: Lot | None = None) -> tuple[Receipt, tuple[ScannedUnit, ...]]:
        """``post_batch``, and the units it wrote as the receipt's view lists them (in the order given)."""
        refuse_known(s, product, serials, None)
        note = clean_text(note, "receipt note", multiline=True)
        # Written posted: its units go straight into stock below, in this transaction (one INSERT, no UPDATE).
        receipt = Receipt(supplier_id=supplier.id, status=POSTED, posted_at=when, created_by=self.actor.name,
                          station=self.actor.station, created_at=when, note=note,
                          location_id=DEFAULT_LOCATION_ID if location_id is None else location_id)
        s.add(receipt)
        if lot_row is None or lot_row.product_id != product.id or lot_row.code != clean_lot(lot):
            lot_row = find_or_open_lot(s, product, lot, supplier.id)
        s.flush()
        # Straight into stock and onto the receipt's place, set-based, from the values in hand (issue 17): the
        # units, their lines and their ledger events are one statement each, and nothing afterwards looks the
        # new units up again — so no plan depends on statistics of rows this transaction wrote, and PostgreSQL
        # needs no ANALYZE inside it (they are renewed after the commit, in the background). What it
        # writes is what posting a draft of the same scans writes.
        ids = _insert_units(s, receipt, product, lot_row, serials, source=source, when=when,
                            status=ItemStatus.IN_STOCK, supplier_id=supplier.id, location_id=receipt.location_id,
                            renew_statistics=False, cost=cost)
        _unit_events(self, s, receipt, product, "received", when, ids, serials, ItemStatus.RECEIVING,
                     ItemStatus.IN_STOCK)
        if len(serials) >= ANALYZE_AFTER:  # PostgreSQL: fresh statistics once this commits (issue 17 §4)
            renew_after_commit(s, ("items", "receipt_lines", "events"))
        if lot_row is not None and lot_row.received_at is None:  # a lot's first units (it is never unset)
            s.execute(update(Lot).where(Lot.id == lot_row.id, Lot.received_at.is_(None)).values(received_at=when))
        if record_posted:
            record_events(s, [self.posted_event(receipt, len(serials))])
        code = lot_row.code if lot_row else None
        return receipt, tuple(ScannedUnit(i, product.sku, v, code, source, when) for i, v in zip(ids, serials,
                                                                                                 strict=True))

    def add_generated(self, receipt_id: int, sku: str, count: int, *, lot: str | None = None) -> ReceiptView:
        """Generate ``count`` serials from the product's pattern onto a draft (units arriving without one)."""
        self.actor.require(Action.RECEIVE)
        with self.uows() as uow:
            s = uow.session
            receipt = _draft(s, receipt_id)
            product = product_by_code(s, sku)
            now = self.clock()
            values = generate_serials(s, product, count=count, lot=clean_lot(lot), when=now,
                                      station=self.actor.station)
            lot_row = find_or_open_lot(s, product, lot, receipt.supplier_id)
            try:
                ids = _insert_units(s, receipt, product, lot_row, values, source="generated", when=now,
                                    status=ItemStatus.RECEIVING)
                _unit_events(self, s, receipt, product, "generated", now, ids, values, None, ItemStatus.RECEIVING)
                uow.commit()
            except IntegrityError:
                _explain_conflict(s, product, values)
            return _receipt_view(s, receipt)

    def receipt(self, receipt_id: int) -> ReceiptView:
        with self.uows.reading() as uow:
            receipt = uow.session.get(Receipt, receipt_id)
            if receipt is None:
                raise NotFound(f"There is no receipt {record_number('receipt', receipt_id)}.", code="unknown_receipt")
            return _receipt_view(uow.session, receipt)

    def receipts(self, *, open_only: bool = False, limit: int = 200) -> list[ReceiptView]:
        """Receipts, newest first; ``open_only`` lists the drafts being scanned at any station."""
        query = select(Receipt).order_by(Receipt.id.desc()).limit(limit)
        if open_only:
            query = query.where(Receipt.status == DRAFT)
        with self.uows.reading() as uow:
            return [_receipt_view(uow.session, r, with_units=False) for r in uow.session.scalars(query)]

    def _put_in_stock(self, s: Session, receipt: Receipt, when: datetime) -> None:
        """Post a draft: its units move receiving → in_stock in one UPDATE, the ledger in one INSERT … SELECT."""
        on_receipt = select(ReceiptLine.item_id).where(ReceiptLine.receipt_id == receipt.id)
        moved = s.execute(
            update(Item).where(Item.id.in_(on_receipt), Item.status == ItemStatus.RECEIVING.value)
            .values(status=ItemStatus.IN_STOCK.value, received_at=when, supplier_id=receipt.supplier_id)
            .execution_options(synchronize_session=False)
        ).rowcount  # type: ignore[attr-defined]  # an UPDATE's CursorResult has rowcount
        self._ledger(s, receipt, "received", when, ItemStatus.RECEIVING, ItemStatus.IN_STOCK)
        self._finish_post(s, receipt, when, moved)

    def _finish_post(self, s: Session, receipt: Receipt, when: datetime, units: int) -> None:
        lots_here = (select(Item.lot_id).join(ReceiptLine, ReceiptLine.item_id == Item.id)
                     .where(ReceiptLine.receipt_id == receipt.id)
                     .where(among(s, Item.id, select(ReceiptLine.item_id).where(ReceiptLine.receipt_id == receipt.id))))
        s.execute(update(Lot).where(Lot.id.in_(lots_here), Lot.received_at.is_(None)).values(received_at=when))
        receipt.status, receipt.posted_at = POSTED, when
        place_receipt(s, receipt)  # its units onto the receipt's place (issue 15)
        self.record(s, kind="receipt_posted", ref_type="receipt", ref_id=receipt.id, at=when, data={"units": units})

    def _ledger(self, s: Session, receipt: Receipt, kind: str, when: datetime, before: ItemStatus | None,
                after: ItemStatus) -> None:
        """One ledger event per unit on the receipt, written by the database itself from the receipt lines, in
        scan order."""
        columns = ["at", "kind", "item_id", "product_id", "serial", "by_user", "station", "ref_type", "ref_id",
                   "status_from", "status_to", "data"]
        base = (select(literal(when, UTCDateTime()), literal(kind), Item.id, Item.product_id, Item.serial,
                       literal(self.actor.name), literal(self.actor.station), literal("receipt"), literal(receipt.id),
                       literal(before.value if before else None, String()), literal(after.value),
                       literal({}, Event.data.type))
                .join(ReceiptLine, ReceiptLine.item_id == Item.id).where(ReceiptLine.receipt_id == receipt.id)
                .where(among(s, Item.id, select(ReceiptLine.item_id).where(ReceiptLine.receipt_id == receipt.id)))
                .order_by(ReceiptLine.id))
        note_events(s, s.execute(insert(Event).from_select(columns, base).returning(Event.id)).scalars().all())


def _draft(s: Session, receipt_id: int) -> Receipt:
    receipt = s.get(Receipt, receipt_id)
    number = record_number("receipt", receipt_id)
    if receipt is None:
        raise NotFound(f"There is no receipt {number}.", code="unknown_receipt")
    if receipt.status != DRAFT:
        raise DomainError(f"Receipt {number} is {receipt.status}; it can no longer be changed.",
                          code="receipt_not_draft")
    return receipt


def find_or_open_lot(s: Session, product: Product, code: str | None, supplier_id: int | None = None) -> Lot | None:
    """The product's lot of this code, opened if new (None without a code)."""
    lot_code = clean_lot(code)
    if lot_code is None:
        return None
    query = select(Lot).where(Lot.product_id == product.id, Lot.code == lot_code)
    lot = s.scalar(query)
    if lot is None:
        # Two stations may open the same new lot at once: the loser of the race uses the winner's row.
        try:
            with s.begin_nested():
                lot = Lot(product_id=product.id, code=lot_code, supplier_id=supplier_id)
                s.add(lot)
        except IntegrityError:
            lot = s.scalar(query)
    return lot


def _clean_list(s: Session, serials: Sequence[str], product: Product, lot: str | None) -> tuple[list[str], str | None]:
    """Each line through the one classifier (services.classify): the serials and the receipt's lot (a GS1
    label's lot when none was given); refuse the whole list naming the first bad lines and any duplicates."""
    values, problems, lots, unknown = [], [], set(), None
    # A few scans ask about the product in hand (and, rarely, another one); a long list reads the catalogue once.
    catalogue = (PrimedCatalogue(s, {product.sku: product}) if len(serials) <= FEW_SCANS else LoadedCatalogue(s))
    given_lot = clean_lot(lot)
    for line_no, raw in enumerate(serials, start=1):
        try:
            result = receivable(s, product, raw, catalogue)
            if result.lot and lot and clean_lot(result.lot) != given_lot:
                raise DomainError(f"this label is lot {result.lot}, the receipt's lot is {given_lot}",
                                  code="other_lot")
            lots.add(result.lot)
            # The classifier normalised the serial by this product's rules already: only its checks are left.
            values.append(checked_serial(product, result.serial or "", given_lot if lot else clean_lot(result.lot)))
        except DomainError as exc:
            unknown = exc if exc.code == "unknown_product_barcode" and unknown is None else unknown
            problems.append(f"line {line_no}: {exc.message}")
    if unknown is not None and len(problems) == 1:
        raise unknown
    if problems:
        raise DomainError(f"{plural(len(problems), 'serial')} cannot be used — {listing(problems, 3)}",
                          code="bad_serials", problems=problems)
    if not values:
        raise DomainError("No serials were given.", code="empty_receipt")
    doubles = sorted(v for v, n in Counter(values).items() if n > 1)
    if doubles:
        raise DomainError(f"These serials appear twice in the list: {listing(doubles)}. Nothing was received.",
                          code="duplicate_in_list", serials=doubles)
    gs1_lots = lots - {None}
    if lot is None and len(gs1_lots) > 1:
        raise DomainError(f"These labels are of several lots ({listing(sorted(map(str, gs1_lots)))}); receive each "
                          "lot on its own receipt.", code="several_lots")
    return values, lot if lot is not None else next(iter(gs1_lots), None)


def _expected(expected: Sequence[str] | None, product: Product) -> set[str] | None:
    if expected is None:
        return None
    return {normalise_serial(v, product.serial_case, product=product.sku) for v in expected if v.strip()}


def _explain_conflict(s: Session, product: Product, values: list[str]) -> NoReturn:
    """Another station took one of these serials between our check and our write: say which, not a DB error."""
    s.rollback()
    refuse_known(s, product, values, None)
    raise DomainError("Another station changed these units at the same moment; scan again.", code="conflict")


def _receipt_view(s: Session, r: Receipt, *, with_units: bool = True, expected: set[str] | None = None,
                  written: Sequence[ScannedUnit] | None = None) -> ReceiptView:
    """The receipt as the clerk sees it; ``written``: its units as this transaction wrote them (not read again)."""
    supplier = s.get(Supplier, r.supplier_id) if r.supplier_id else None
    units: list[ScannedUnit] = []
    if written is not None:
        units = list(written)
        count = len(units)
    elif with_units:
        rows = s.execute(
            select(Item.id, Product.sku, Item.serial, Lot.code, Item.serial_source, ReceiptLine.scanned_at)
            .join(ReceiptLine, ReceiptLine.item_id == Item.id).join(Product, Product.id == Item.product_id)
            .outerjoin(Lot, Lot.id == Item.lot_id).where(ReceiptLine.receipt_id == r.id).order_by(ReceiptLine.id)
            .where(among(s, Item.id, select(ReceiptLine.item_id).where(ReceiptLine.receipt_id == r.id)))
        ).all()
        units = [ScannedUnit(*row) for row in rows]
        count = len(units)
    else:
        count = s.scalar(select(func.count(ReceiptLine.id)).where(ReceiptLine.receipt_id == r.id)) or 0
    got = {u.serial for u in units}
    return ReceiptView(
        r.id, record_number("receipt", r.id), r.status, supplier.name if supplier else None, r.created_by,
        r.station, r.created_at, r.posted_at, count, tuple(units),
        missing=tuple(sorted(expected - got)) if expected is not None else (),
        unexpected=tuple(sorted(got - expected)) if expected is not None else (),
    )
