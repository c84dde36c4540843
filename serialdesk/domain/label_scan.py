"""Several codes read from one photo of a box (GTIN, serial, lot labels side by side): which is which.

Each code goes through the one classifier (domain.scan.classify_scan). The product comes from a GS1 code whose
GTIN the catalogue knows, else from a product barcode (EAN/UPC/SKU), else the current product. With it known,
a plain code marked as a lot ("LOT L2406A", "BATCH: 17") is the lot, and the first other code that passes the
product's serial rules is the serial; GS1 fields (01, 10, 21, 17, 310n) fill the same slots first. Every code
gets a role — product, serial, lot, gs1 (several at once) or "" (not used, with the reason in ``notes``) — so
the clerk can see which was taken as what.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from serialdesk.domain.errors import DomainError
from serialdesk.domain.scan import (
    Catalogue,
    CheckSerial,
    ProductRef,
    ScanKind,
    ScanResult,
    classify_scan,
    split_symbology,
)

_LOT_MARK = re.compile(r"(?:LOT|BATCH|CH\.?-?B\.?|L/N)(?:\s*(?:NO\.?|NR\.?|#))?\s*[:#\-]?\s*(?P<lot>\S.*)", re.I)


@dataclass(frozen=True)
class LabelReading:
    """What a photo of a label holds: the product, serial and lot taken from its codes, and each code's role."""

    product: ProductRef | None = None
    gtin: str | None = None
    serial: str | None = None
    lot: str | None = None
    expiry: date | None = None
    weight_kg: Decimal | None = None
    roles: tuple[str, ...] = ()  # one per code given, in order: "product", "serial", "lot", "gs1" or ""
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "sku": self.product.sku if self.product else None,
            "product": self.product.name if self.product else None,
            "gtin": self.gtin,
            "serial": self.serial,
            "lot": self.lot,
            "expiry": self.expiry.isoformat() if self.expiry else None,
            "weight_kg": str(self.weight_kg) if self.weight_kg is not None else None,
            "roles": list(self.roles),
            "notes": list(self.notes),
        }


@dataclass
class _Slots:
    gtin: str | None = None
    serial: str | None = None
    lot: str | None = None
    expiry: date | None = None
    weight_kg: Decimal | None = None
    notes: list[str] = field(default_factory=list)

    def fill(self, result: ScanResult, serial: str | None) -> None:
        self.gtin = self.gtin or result.gtin
        self.serial = self.serial or serial
        self.lot = self.lot or result.lot
        self.expiry = self.expiry or result.expiry
        self.weight_kg = self.weight_kg if self.weight_kg is not None else result.weight_kg


def classify_label(
    texts: Sequence[str],
    catalogue: Catalogue,
    current: ProductRef | None = None,
    check_serial: CheckSerial | None = None,
) -> LabelReading:
    """Product + serial + lot from the codes of one photo (``texts``: scan texts, e.g. top to bottom)."""
    first: list[ScanResult | DomainError] = []
    for text in texts:
        try:
            first.append(classify_scan(text, catalogue, None, None))
        except DomainError as exc:
            first.append(exc)
    product, gtin = current, None
    for result in first:  # a GS1 code's known product, else a product barcode
        if isinstance(result, ScanResult) and result.kind is ScanKind.GS1 and result.product is not None:
            product, gtin = result.product, result.gtin
            break
    else:
        for result in first:
            if isinstance(result, ScanResult) and result.kind is ScanKind.PRODUCT:
                product, gtin = result.product, result.gtin
                break
    slots = _Slots()
    roles = tuple(
        _role(text, result, product, catalogue, check_serial, slots) for text, result in zip(texts, first, strict=True)
    )
    return LabelReading(
        product, gtin or slots.gtin, slots.serial, slots.lot, slots.expiry, slots.weight_kg, roles, tuple(slots.notes)
    )


def _role(
    text: str,
    result: ScanResult | DomainError,
    product: ProductRef | None,
    catalogue: Catalogue,
    check_serial: CheckSerial | None,
    slots: _Slots,
) -> str:
    notes = slots.notes
    if isinstance(result, ScanResult) and result.kind is ScanKind.GS1:
        if result.product is not None and product is not None and result.product.sku != product.sku:
            notes.append(f"'{text}' is a GS1 code of another product ({result.product.sku}): not used.")
            return ""
        serial = result.serial
        if serial is not None and product is not None and result.product is None:
            try:  # a GS1 code without a GTIN: its serial follows the product's rules
                serial = classify_scan(serial, catalogue, product, check_serial).serial
            except DomainError as exc:
                notes.append(f"'{text}': {exc}")
                serial = None
        slots.fill(result, serial)
        return "gs1"
    if isinstance(result, ScanResult) and result.kind is ScanKind.PRODUCT:
        if product is not None and result.product is not None and result.product.sku == product.sku:
            return "product"
        notes.append(f"'{text}' is the barcode of another product: not used.")
        return ""
    lot = _LOT_MARK.fullmatch(split_symbology(text)[1])
    if lot is not None and slots.lot is None:
        slots.lot = lot.group("lot").strip()
        return "lot"
    if slots.serial is not None:
        notes.append(f"'{text}' was read too; the serial was already taken from another code.")
        return ""
    try:
        as_serial = classify_scan(text, catalogue, product, check_serial)
    except DomainError as exc:
        notes.append(f"'{text}': {exc}")
        return ""
    slots.serial = as_serial.serial
    return "serial"
