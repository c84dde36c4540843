"""What was just scanned: a GS1 element string, a product's own barcode, or a serial number (DESIGN §4).

The same text arrives from a keyboard-wedge scanner or from the camera, with or without an AIM symbology
identifier (``]C1`` GS1-128, ``]d2`` GS1 DataMatrix, ``]Q3`` GS1 QR, ``]E0`` EAN/UPC …):

* **GS1** — AIs 01 GTIN, 10 lot, 17 expiry, 21 serial; raw (fields separated by GS, FNC1 sent as a leading
  GS or announced by the symbology identifier) or printed with parentheses ``(01)…(21)…``;
* **product** — a GTIN/EAN/UPC or SKU the catalogue knows: the clerk switches to that product;
* **serial** — anything else is a serial number for the current product, checked by its rules.

Anything that fits none of these is refused with a DomainError a receiving clerk understands; nothing is
silently dropped or silently bent into shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol

from serialdesk.domain.errors import DomainError
from serialdesk.domain.gs1_measures import Decimal, net_weight_kg
from serialdesk.domain.gs1_scan import Gs1Fields, digital_link, gtin14, read_gs1, shown
from serialdesk.domain.products import gtin_check_digit
from serialdesk.domain.scan_checks import product_claims, unknown_product_barcode
from serialdesk.domain.serial_rules import GS, SerialCase, normalise_serial

__all__ = [  # Gs1Fields, digital_link and gtin14 live in gs1_scan; they are still importable from here
    "Catalogue", "CheckSerial", "Gs1Fields", "ProductRef", "ScanKind", "ScanResult", "classify_scan", "digital_link",
    "gtin14", "gtin_candidates", "parse_gs1", "split_symbology",
]  # fmt: skip

_SYMBOLOGY_ID = re.compile(r"\][A-Za-z][0-9A-Za-z]")
_GS1_SYMBOLOGIES = frozenset({"C1", "e0", "e1", "e2", "d2", "Q3", "J1"})  # GS1 General Specifications 5.1.2
_GTIN_SYMBOLOGIES = frozenset({"E0", "E3", "E4", "I1"})  # EAN-13/UPC-A/UPC-E, with add-on, EAN-8, ITF-14
_HRI_START = re.compile(r"\([0-9]{2,4}\)")
# A Digital Link: http(s), any host, any path prefix, then a primary key AI (GTIN, GRAI, GIAI, GLN, SSCC …)
# and its value. Other URLs are not GS1 and keep their old meaning (a serial of the current product).
_DIGITAL_LINK = re.compile(r"https?://[^/?#\s]+(?:/[^?#\s]*)?/(?:01|00|253|255|401|402|414|417|8003|8004|8006|"
                           r"8010|8013|8017|8018)/[^/?#\s]+", re.IGNORECASE)
# A compressed Digital Link: one long base64url segment after the host (and prefix), no AI in the path.
_COMPRESSED_LINK = re.compile(r"https?://[^/?#\s]+(?:/[^?#\s]*)?/(?=[A-Za-z0-9_-]*[0-9])(?=[A-Za-z0-9_-]*[A-Za-z])"
                              r"[A-Za-z0-9_-]{16,}/?", re.IGNORECASE)
_DIGITS = re.compile(r"[0-9]+")  # ASCII only: str.isdigit() would take Arabic-Indic and other digits
_TRIM = " \t\r\n"  # not str.strip(): Python counts GS as white space, and GS may end a GS1 field


class ScanKind(StrEnum):
    GS1 = "gs1"
    PRODUCT = "product"
    SERIAL = "serial"


@dataclass(frozen=True)
class ProductRef:
    """What scanning needs to know about a product."""

    sku: str
    name: str
    gtin: str | None = None
    serial_regex: str | None = None
    serial_case: SerialCase | str = SerialCase.UPPER
    serial_pattern: str | None = None


class Catalogue(Protocol):
    """The products scanning can find; services back it with the database."""

    def by_gtin(self, gtin: str) -> ProductRef | None:
        """The product with this GTIN, or None.

        Called with each way the number may be written, longest first — 14, 13, 12 and 8 digits, leading
        zeros dropped — until one answers, so GTINs may be stored as printed or as GTIN-14.
        """
        ...

    def by_code(self, text: str) -> ProductRef | None:
        """The product known by this code (its SKU, or any other code the shop gave it), or None."""
        ...


CheckSerial = Callable[[ProductRef, str], None]  # raises DomainError, e.g. a wrong check digit


@dataclass(frozen=True)
class ScanResult:
    """What a scan means for the clerk.

    ``product`` is the product to switch to (PRODUCT), the GTIN's product when the catalogue knows it (GS1),
    or the current product the serial belongs to (SERIAL). ``note`` is a warning to show with an accepted scan.
    """

    kind: ScanKind
    text: str
    product: ProductRef | None = None
    serial: str | None = None
    gtin: str | None = None
    lot: str | None = None
    expiry: date | None = None
    symbology_id: str = ""
    note: str = ""
    weight_kg: Decimal | None = None  # net weight of a variable-measure item (GS1 AI 310n / 320n)

    def as_dict(self) -> dict[str, object]:
        """The ``parse-scan --json`` answer."""
        return {
            "kind": self.kind.value,
            "text": self.text,
            "symbology_id": self.symbology_id,
            "sku": self.product.sku if self.product else None,
            "product": self.product.name if self.product else None,
            "gtin": self.gtin,
            "lot": self.lot,
            "serial": self.serial,
            "expiry": self.expiry.isoformat() if self.expiry else None,
            "note": self.note,
            "weight_kg": str(self.weight_kg) if self.weight_kg is not None else None,
        }


def classify_scan(
    text: str,
    catalogue: Catalogue,
    current: ProductRef | None = None,
    check_serial: CheckSerial | None = None,
) -> ScanResult:
    """Say what ``text`` is: a GS1 string, a known product's barcode, or a serial of ``current``.

    Raises DomainError when the scan is empty, a GS1 string cannot be read or lost a field separator, a GTIN's
    check digit is wrong, an EAN/UPC symbol is not in the catalogue, a serial comes before any product, or
    the serial breaks the product's rules (``normalise_serial``, then ``check_serial``).
    """
    symbology_id, body = split_symbology(text)
    gs1_form = _gs1_form(symbology_id, body)
    if gs1_form is not None:
        fields = read_gs1(body, gs1_form)
        return _gs1_result(body, symbology_id, fields, catalogue, current, check_serial)
    candidates = gtin_candidates(body)
    if symbology_id[1:] in _GTIN_SYMBOLOGIES:
        return _product_barcode(body, symbology_id, candidates, catalogue)
    found = _find_by_gtin(catalogue, candidates)
    if found is not None:
        return ScanResult(ScanKind.PRODUCT, body, found[0], gtin=found[1], symbology_id=symbology_id)
    product = catalogue.by_code(body)
    if product is not None:
        return ScanResult(ScanKind.PRODUCT, body, product, gtin=product.gtin, symbology_id=symbology_id)
    if candidates and not product_claims(current, body):
        raise unknown_product_barcode(candidates[0])  # a valid EAN/UPC is never a serial (issue 13)
    serial = _serial_for(current, body, check_serial)
    return ScanResult(ScanKind.SERIAL, body, current, serial, symbology_id=symbology_id)


def parse_gs1(text: str) -> Gs1Fields:
    """The GS1 fields of a scan, for ``parse-scan``; DomainError if it is not a readable GS1 element string."""
    symbology_id, body = split_symbology(text)
    form = _gs1_form(symbology_id, body)
    if form is None:
        raise DomainError(f"'{shown(body)}' is not a GS1 barcode.", code="not_gs1")
    return read_gs1(body, form)


def split_symbology(text: str) -> tuple[str, str]:
    """``"]C1010950…"`` → ``("]C1", "010950…")``: the AIM identifier (or "") and the content, trimmed.

    A leading GS is FNC1 in first position, sent by scanners that transmit no identifier: it is dropped here
    and recognised as GS1 by ``classify_scan``.
    """
    body = text.strip(_TRIM)
    symbology_id = ""
    if _SYMBOLOGY_ID.match(body):
        symbology_id, body = body[:3], body[3:].strip(_TRIM)
    if not body.strip(_TRIM + GS):
        raise DomainError("The scan was empty — scan the barcode again.", code="empty_scan")
    return symbology_id, body


def gtin_candidates(text: str) -> list[str]:
    """The GTIN-14s ``text`` may stand for: a GTIN-8/12/13/14 with a valid check digit, and a UPC-E (8 digits
    starting with 0 or 1) expanded to the UPC-A it abbreviates. Empty if it is no GTIN."""
    if not _DIGITS.fullmatch(text) or len(text) not in (8, 12, 13, 14):
        return []
    found = [gtin14(text)] if gtin_check_digit(text[:-1]) == int(text[-1]) else []
    if len(text) == 8 and text[0] in "01":
        from biip import BiipException  # here, not at the top: most scans are not 8 digits (see gs1_scan)
        from biip.upc import Upc

        with suppress(BiipException, ValueError):  # else it is no valid UPC-E either
            found.append(Upc.parse(text).as_gtin_14())
    return list(dict.fromkeys(found))


# --- GS1 --------------------------------------------------------------------------------------------------


def _gs1_form(symbology_id: str, body: str) -> str | None:
    """ "hri" for ``(01)…``, "raw" for an element string, None if the scan is not GS1."""
    if _HRI_START.match(body):
        return "hri"
    if _DIGITAL_LINK.match(body):
        return "link"
    if _COMPRESSED_LINK.fullmatch(body):
        return "compressed"
    if symbology_id[1:] in _GS1_SYMBOLOGIES or body.startswith(GS):
        return "raw"
    if not symbology_id and GS in body:
        return "raw"  # a wedge scanner without identifiers: GS appears in nothing but GS1
    if not symbology_id and len(body) >= 16 and body.startswith("01") and gtin_candidates(body[2:16]):
        return "raw"  # a GTIN-14 with a valid check digit behind AI 01: GS1 sent without identifier or FNC1
    return None


def _gs1_result(
    body: str,
    symbology_id: str,
    fields: Gs1Fields,
    catalogue: Catalogue,
    current: ProductRef | None,
    check_serial: CheckSerial | None,
) -> ScanResult:
    if fields.gtin is None and fields.serial is None and fields.lot is None:
        shown = ", ".join(f"({ai})" for ai, _ in fields.elements)
        raise DomainError(
            f"This GS1 barcode holds no product number, lot or serial (only {shown}); scan another label.",
            code="gs1_nothing_useful",
        )
    found = _find_by_gtin(catalogue, [fields.gtin]) if fields.gtin else None
    product = found[0] if found else (current if fields.gtin is None else None)
    note = ""
    if fields.gtin is not None and product is None:
        note = f"No product in the catalogue has the GTIN {fields.gtin} yet: add it to receive these units."
    serial = None
    if fields.serial is not None:
        if product is None and fields.gtin is None:
            serial = _serial_for(None, fields.serial, check_serial)  # raises: no product to put it under
        elif product is None:
            # Unknown GTIN: keep the serial's case (GS1 serials are case-sensitive); the product's rules apply
            # once the clerk has added the product.
            serial = normalise_serial(fields.serial, SerialCase.PRESERVE)
        else:
            serial = _serial_for(product, fields.serial, check_serial)
    f, kg = fields, net_weight_kg(fields.elements)
    return ScanResult(ScanKind.GS1, body, product, serial, f.gtin, f.lot, f.expiry, symbology_id, note, kg)


def _find_by_gtin(catalogue: Catalogue, candidates: list[str]) -> tuple[ProductRef, str] | None:
    """The product and the GTIN-14 it was found by, trying each way the GTIN may be stored."""
    for candidate in candidates:
        padded = gtin14(candidate)
        for form in (padded[-n:] for n in (14, 13, 12, 8) if not padded[:-n].strip("0")):
            product = catalogue.by_gtin(form)
            if product is not None:
                return product, padded
    return None


def _product_barcode(body: str, symbology_id: str, candidates: list[str], catalogue: Catalogue) -> ScanResult:
    """An EAN/UPC/ITF-14 symbol is a product barcode by definition, never a serial."""
    if not candidates:
        raise DomainError(
            f"The product barcode {shown(body)} has a wrong check digit — it was misread. Scan it again.",
            code="bad_gtin_check",
        )
    found = _find_by_gtin(catalogue, candidates)
    if found is None:
        raise unknown_product_barcode(candidates[0])
    return ScanResult(ScanKind.PRODUCT, body, found[0], gtin=found[1], symbology_id=symbology_id)


def _serial_for(product: ProductRef | None, raw: str, check_serial: CheckSerial | None) -> str:
    if product is None:
        raise DomainError(
            f"Scan the product barcode first (or choose the product), then its serial numbers — "
            f"'{shown(raw)}' is not a product this shop knows.",
            code="no_current_product",
        )
    serial = normalise_serial(raw, product.serial_case, product.serial_regex, product.sku)
    if check_serial is not None:
        check_serial(product, serial)
    return serial
