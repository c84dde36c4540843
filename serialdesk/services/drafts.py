"""Scanning onto a draft receipt as the receiving session does it (issue 13): one scan is one service call and
one transaction — classified by services.classify, the draft opened when there is none yet, the unit saved —
and a pasted list, a range or an expected list is one set-based call per chunk."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from serialdesk.db.models import Item, Product, Receipt
from serialdesk.domain.errors import DomainError, NotFound
from serialdesk.domain.products import parse_record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.scan import ScanKind
from serialdesk.domain.status import ItemStatus
from serialdesk.services.bulk_units import insert_units, unit_events
from serialdesk.services.classify import DbCatalogue, LoadedCatalogue, classify, known_product, receivable
from serialdesk.services.common import Service, product_by_code, supplier_by_ref
from serialdesk.services.dto import ReceiptView, ScannedUnit
from serialdesk.services.known_units import known_rows, refuse_known
from serialdesk.services.locations import receiving_location
from serialdesk.services.receiving import DRAFT, _draft, _explain_conflict, _receipt_view, find_or_open_lot


@dataclass(frozen=True)
class DraftScan:
    """What one scan did. ``kind``: ``unit`` (saved on ``receipt``) or ``product`` (the product to scan now,
    with the label's lot; nothing saved, no draft opened)."""

    kind: str
    sku: str
    product: str
    lot: str | None
    receipt: ReceiptView | None = None  # without its units
    unit: ScannedUnit | None = None
    note: str = ""


@dataclass(frozen=True)
class DraftBatch:
    """A list added to a draft: the units saved (in the order given) and each refused line with its reason."""

    receipt: ReceiptView  # without its units
    added: tuple[ScannedUnit, ...]
    refused: tuple[tuple[str, str], ...]


def receipt_id(text: str) -> int:
    """'R-0007', '7' → 7; NotFound in the clerk's words for anything else."""
    number = parse_record_number("receipt", text)
    if number is None and not text.strip().isdigit():
        raise NotFound(f"'{text}' is not a receipt number (e.g. R-0001).", code="unknown_receipt")
    return number if number is not None else int(text)


class DraftService(Service):
    def scan(self, receipt: int | None, text: str, *, sku: str | None = None, lot: str | None = None,
             supplier: str | None = None) -> DraftScan:
        """One scan at the receiving counter, in one transaction: a product barcode (or a GS1 label without a
        serial) chooses the product; a serial — plain, ``SKU:SERIAL`` or on a GS1 label — is saved on the
        draft ``receipt``, which is opened first when None. DomainError for anything refused; NotFound
        ``unknown_product_barcode`` (the GTIN in details) for a barcode no product has."""
        self.actor.require(Action.RECEIVE)
        with self.uows() as uow:
            s = uow.session
            catalogue = DbCatalogue(s)
            result = classify(s, text, sku, catalogue)
            found = known_product(result)
            label_lot = result.lot or None
            if result.kind is ScanKind.PRODUCT or result.serial is None:
                return DraftScan("product", found.sku, found.name, label_lot, note=result.note)
            product = catalogue.row(found) or product_by_code(s, found.sku)  # the classifier has just read it
            draft = _draft(s, receipt) if receipt is not None else self._open(s, supplier)
            refuse_known(s, product, [result.serial], draft.id)
            # The lot typed is the current product's batch: a unit of another product named outright (SKU:SERIAL,
            # a GS1 label without a lot) is not in it.
            typed_lot = lot if sku is None or found.sku == sku.strip().upper() else None
            unit = self._save(s, draft, product, result.serial, label_lot or typed_lot)
            view = _receipt_view(s, draft, with_units=False)
            uow.commit()
            return DraftScan("unit", found.sku, found.name, label_lot, view, unit, result.note)

    def add_serials(self, receipt: int | None, sku: str, texts: Sequence[str], *, lot: str | None = None,
                    supplier: str | None = None) -> DraftBatch:
        """A pasted list, a range or an expected list onto a draft (opened when None), set-based: every line
        through the one classifier, the known ones and repeats refused line by line, the rest saved with one
        insert. Call it per chunk for a progress bar."""
        self.actor.require(Action.RECEIVE)
        with self.uows() as uow:
            s = uow.session
            product = product_by_code(s, sku)
            catalogue = LoadedCatalogue(s, [product])
            good: dict[str, tuple[int, str]] = {}  # serial → (line, text)
            refused: list[tuple[int, str, str]] = []  # (line, text, reason): reported in the order given
            for line, text in enumerate(texts):
                try:
                    serial = receivable(s, product, text, catalogue).serial or ""
                except DomainError as exc:
                    refused.append((line, text, exc.message))
                    continue
                if serial in good:
                    refused.append((line, text, f"{serial} is twice in the list."))
                else:
                    good[serial] = (line, text)
            draft = _draft(s, receipt) if receipt is not None else self._open(s, supplier)
            for serial, status in known_rows(s, product, list(good), Item.serial, Item.status):
                refused.append((*good.pop(serial), f"{serial} is already known here ({status.replace('_', ' ')})."))
            values = list(good)
            lot_row = find_or_open_lot(s, product, lot, draft.supplier_id)
            now = self.clock()
            try:
                ids = insert_units(s, draft, product, lot_row, values, source="supplier", when=now,
                                   status=ItemStatus.RECEIVING)
                unit_events(self, s, draft, product, "scanned", now, ids, values, None, ItemStatus.RECEIVING)
                view = _receipt_view(s, draft, with_units=False)
                uow.commit()
            except IntegrityError:
                _explain_conflict(s, product, values)
            code = lot_row.code if lot_row else None
            added = tuple(ScannedUnit(i, product.sku, v, code, "supplier", now)
                          for i, v in zip(ids, values, strict=True))
            return DraftBatch(view, added, tuple((text, reason) for _line, text, reason in sorted(refused)))

    def draft(self, number: str) -> ReceiptView:
        """A draft receipt with its units, to resume scanning it; refused when posted or cancelled."""
        with self.uows.reading() as uow:
            return _receipt_view(uow.session, _draft(uow.session, receipt_id(number)))

    def _open(self, s: Session, supplier: str | None) -> Receipt:
        supplier_id = supplier_by_ref(s, supplier).id if supplier else None
        receipt = Receipt(supplier_id=supplier_id, status=DRAFT, created_by=self.actor.name,
                          station=self.actor.station, created_at=self.clock(),
                          location_id=receiving_location(s, self.actor.location or None).id)
        s.add(receipt)
        s.flush()
        self.record(s, kind="receipt_opened", ref_type="receipt", ref_id=receipt.id)
        return receipt

    def _save(self, s: Session, receipt: Receipt, product: Product, serial: str, lot: str | None) -> ScannedUnit:
        """The unit, its line and its 'scanned' event, written as the list path writes them (Core, the new id
        from INSERT … RETURNING): a scan pays for three short statements, not for ORM bookkeeping."""
        lot_row = find_or_open_lot(s, product, lot, receipt.supplier_id)
        now = self.clock()
        try:
            (item_id,) = insert_units(s, receipt, product, lot_row, [serial], source="supplier", when=now,
                                      status=ItemStatus.RECEIVING)
        except IntegrityError:
            _explain_conflict(s, product, [serial])
        unit_events(self, s, receipt, product, "scanned", now, [item_id], [serial], None, ItemStatus.RECEIVING)
        return ScannedUnit(item_id, product.sku, serial, lot_row.code if lot_row else None, "supplier", now)
