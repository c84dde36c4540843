"""A supplier's EPCIS 2.0 shipment as expected serials (issue 16): ``po notice PO-… FILE.jsonld`` keeps them on
the purchase order (the same checklist a CSV notice fills), ``receive … --expected FILE.jsonld`` checks a
receipt against them.

The document is read by documents.epcis_read (GS1's schema, then the shipping ObjectEvents' SGTINs and Digital
Links). Units are matched to products by GTIN. What does not apply — other events, other business steps,
quantities, GTINs the shop does not sell, products not on the order — is counted in the result's ``notes``;
what is wrong with what does apply (a serial twice, one already expected or already in the shop, a serial
against its product's rules) refuses the whole file, naming the events: nothing is half-loaded."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from serialdesk.db.models import ExpectedSerial, Product, PurchaseOrderLine
from serialdesk.documents.epcis_read import EpcisShipment, ShippedUnit, read_shipment
from serialdesk.domain.errors import DomainError
from serialdesk.domain.products import record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.serial_rules import clean_lot, normalise_serial
from serialdesk.domain.text import listing, plural
from serialdesk.services.common import Service, product_by_code
from serialdesk.services.dto.supply import PurchaseOrderView
from serialdesk.services.purchasing import _already_expected, _receivable, order_view

_LINE = re.compile(r"^line (\d+):")


@dataclass(frozen=True)
class EpcisNotice:
    """What a shipment gave a purchase order: ``loaded`` serials, and what did not apply (``notes``)."""

    order: PurchaseOrderView
    loaded: int
    events: int
    notes: tuple[str, ...]

    def headline(self, file: str) -> str:
        """What loading the document did, in the clerk's words (the CLI's first line, the GUI's banner)."""
        if self.loaded:
            return f"{self.loaded} expected serial(s) loaded from {file} ({self.events} EPCIS event(s))."
        return f"Nothing in {file} is a shipment of {self.order.number}'s products; nothing was loaded."


@dataclass(frozen=True)
class EpcisChecklist:
    """The serials a shipment lists for one product (``receive --expected``) and what did not apply."""

    sku: str
    serials: tuple[str, ...]
    events: int
    notes: tuple[str, ...]

    def headline(self, file: str) -> str:
        if self.serials:
            return f"{len(self.serials)} serial(s) of {self.sku} expected, from {file} ({self.events} EPCIS event(s))."
        return f"Nothing in {file} is a shipment of {self.sku}; there are no serials to expect."


class EpcisNotices(Service):
    @classmethod
    def like(cls, other: Service) -> EpcisNotices:
        return cls(other.uows, other.actor, other.clock)

    def load_notice(self, number: str, path: str | Path) -> EpcisNotice:
        """The shipment's units of this order's products become the order's expected serials, all or nothing."""
        self.actor.require(Action.RECEIVE)
        shipment = read_shipment(path)
        name = Path(path).name
        with self.uows() as uow:
            s = uow.session
            po = _receivable(s, number)
            on_po = {p.id: p for p in s.scalars(select(Product).join(
                PurchaseOrderLine, PurchaseOrderLine.product_id == Product.id).where(PurchaseOrderLine.po_id == po.id))}
            if not on_po:
                raise DomainError(f"{record_number('purchase_order', po.id)} has no lines yet; add what was ordered "
                                  "first (po line).", code="po_without_lines")
            by_gtin = _by_gtin(s)
            notes = Counter[str]()
            problems: list[str] = []
            wanted: list[tuple[int, Product, str, str | None]] = []
            for unit in shipment.units:
                product = by_gtin.get(unit.gtin)
                if product is None:
                    notes[f"GTIN {unit.gtin} (no product of this shop has it)"] += 1
                elif product.id not in on_po:
                    notes[f"{product.sku} (GTIN {unit.gtin}, not on this order)"] += 1
                else:
                    serial = _serial(product, unit, problems)
                    if serial is not None:
                        wanted.append((unit.event, product, serial, _lot(unit, problems)))
            seen = Counter((p.id, serial) for _, p, serial, _ in wanted)
            problems += sorted({f"event {n}: {p.sku}:{serial} is shipped twice" for n, p, serial, _ in wanted
                                if seen[(p.id, serial)] > 1})
            problems += [_LINE.sub(r"event \1:", p) for p in _already_expected(s, po, wanted)]
            if problems:
                raise DomainError(f"Nothing was loaded: {name} has {plural(len(problems), 'problem')} — "
                                  f"{listing(problems, 4)}.", code="bad_notice", problems=problems)
            s.add_all(ExpectedSerial(po_id=po.id, product_id=p.id, serial=serial, lot=lot)
                      for _, p, serial, lot in wanted)
            all_notes = _notes(shipment, notes)
            if wanted:
                self.record(s, kind="po_notice_loaded", ref_type="purchase_order", ref_id=po.id,
                            data={"serials": len(wanted), "format": "epcis", "file": name,
                                  "not_applying": list(all_notes)})
            uow.commit()
            return EpcisNotice(order_view(s, po), len(wanted), shipment.events, all_notes)

    def checklist(self, path: str | Path, sku: str) -> EpcisChecklist:
        """The serials the shipment lists for the product ``sku`` (by its GTIN), for a receipt's checklist."""
        self.actor.require(Action.RECEIVE)
        shipment = read_shipment(path)
        with self.uows.reading() as uow:
            s = uow.session
            product = product_by_code(s, sku)
            by_gtin = _by_gtin(s)
            notes = Counter[str]()
            problems: list[str] = []
            serials: list[str] = []
            for unit in shipment.units:
                found = by_gtin.get(unit.gtin)
                if found is None or found.id != product.id:
                    what = found.sku if found is not None else "no product of this shop"
                    notes[f"GTIN {unit.gtin} ({what}, not {product.sku})"] += 1
                    continue
                serial = _serial(product, unit, problems)
                if serial is not None:
                    serials.append(serial)
            if problems:
                raise DomainError(f"{Path(path).name} cannot be the checklist: {listing(problems, 4)}.",
                                  code="bad_notice", problems=problems)
            return EpcisChecklist(product.sku, tuple(dict.fromkeys(serials)), shipment.events,
                                  _notes(shipment, notes))


def not_applying_text(notes: Sequence[str]) -> str:
    """What in the document did not apply, as one sentence (a banner's; the CLI lists it line by line)."""
    return f"Not applying (left out): {'; '.join(notes)}." if notes else ""


def _by_gtin(s: Session) -> dict[str, Product]:
    return {p.gtin.zfill(14): p for p in s.scalars(select(Product).where(Product.gtin.is_not(None))) if p.gtin}


def _serial(product: Product, unit: ShippedUnit, problems: list[str]) -> str | None:
    try:
        return normalise_serial(unit.serial, product.serial_case, product.serial_regex, product.sku)
    except DomainError as exc:
        problems.append(f"event {unit.event}: {exc.message.rstrip('.')}")
        return None


def _lot(unit: ShippedUnit, problems: list[str]) -> str | None:
    try:
        return clean_lot(unit.lot)
    except DomainError as exc:
        problems.append(f"event {unit.event}: {exc.message.rstrip('.')}")
        return None


def _notes(shipment: EpcisShipment, matched: Counter[str]) -> tuple[str, ...]:
    return shipment.notes + tuple(f"{count} × {what}" for what, count in matched.items())


__all__ = ["EpcisChecklist", "EpcisNotice", "EpcisNotices", "not_applying_text"]
