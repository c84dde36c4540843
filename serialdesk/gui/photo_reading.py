"""What a photo of a label holds, worked out off the GUI thread: no Qt here (the task runner calls ``read_photo``).

The codes are read by scanning.decode (top to bottom, with their boxes), the services' label classifier says
which is the product, the serial and the lot, and each code gets a row the photo dialog shows: its number,
what is printed under it, its symbology and what it was taken as — or why it was not used. ``scans`` are the
scan texts that "Use" hands to the pane, as if they had been scanned. Receiving gets one GS1 element string when
the product has a GTIN (product, serial, lot and expiry in one scan, the way a GS1 label would be scanned), else
the product's SKU and then the serial; Sales and Service, which look a unit up, get ``SKU:SERIAL``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from serialdesk.bootstrap import Services
from serialdesk.domain.errors import DomainError
from serialdesk.domain.label_scan import LabelReading
from serialdesk.domain.scan import gtin14
from serialdesk.scanning.decode import DecodedCode, UnreadableImage, decode_file

PHOTO_FILTER = "Photos (*.png *.jpg *.jpeg);;All files (*)"
# GS1 AI 10 (lot) and AI 21 (serial): up to 20 characters of GS1's character set 82
_GS1_VALUE = re.compile(r"[!\"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}")


@dataclass(frozen=True)
class CodeRow:
    number: int  # as drawn on the photo, 1 = the topmost code
    shown: str  # what a person reads under the symbol (GS1 as (01)…(21)…)
    format: str
    role: str  # "product", "serial", "lot", "gs1" or "" (not used)
    taken_as: str  # the role in words: "serial", "GS1 label: product, serial, lot", "not used: …"
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class PhotoReading:
    path: Path
    rows: tuple[CodeRow, ...] = ()
    label: LabelReading | None = None
    scans: tuple[str, ...] = ()  # what "Use" feeds the pane, in order

    @property
    def summary(self) -> str:
        """One sentence: what was taken, or why nothing can be used."""
        if not self.rows:
            return "No barcode found in this photo. Try again closer to the label, in better light, without glare."
        label = self.label
        if label is None or (label.product is None and label.serial is None):
            return "Barcodes were read, but none names a product this shop knows: nothing to use."
        parts = []
        if label.product is not None:
            parts.append(f"product {label.product.name} ({label.product.sku})")
        if label.serial:
            parts.append(f"serial {label.serial}")
        if label.lot:
            parts.append(f"lot {label.lot}")
        if label.expiry:
            parts.append(f"expiry {label.expiry.isoformat()}")
        if label.product is None:
            return "Taken: " + ", ".join(parts) + " — but no product: choose the product first, then use it."
        if not self.scans:
            return "Taken: " + ", ".join(parts) + " — but no serial, so no unit to use here."
        return "Taken: " + ", ".join(parts) + "."


def read_photo(
    path: str | Path, services: Services, current_sku: str | None = None, *, receiving: bool = True
) -> PhotoReading:
    """Runs on the task runner's worker: decode the photo, classify its codes. DomainError if it is no picture.

    ``receiving``: the scans are for the receiving pane (which reads GS1 labels); else for Sales or Service,
    which look a unit up by ``SKU:SERIAL``."""
    file = Path(path)
    try:
        codes = sorted(decode_file(file), key=lambda c: (c.box[1], c.box[0]))
    except UnreadableImage:
        raise DomainError(
            f"{file} could not be opened as a picture: choose a PNG or JPEG photo.", code="unreadable_photo"
        ) from None
    if not codes:
        return PhotoReading(file)
    label = services.scans.classify_label([c.scan_text for c in codes], current_sku)
    rows = tuple(_row(n, code, label) for n, code in enumerate(codes, start=1))
    return PhotoReading(file, rows, label, use_scans(label) if receiving else unit_scan(label))


def _row(number: int, code: DecodedCode, label: LabelReading) -> CodeRow:
    role = label.roles[number - 1]
    if role == "gs1":
        held = [name for name, value in (("product", label.gtin), ("serial", label.serial), ("lot", label.lot),
                                         ("expiry", label.expiry)) if value and _holds(code, name, label)]
        taken = "GS1 label: " + (", ".join(held) if held else "its fields")
    elif role:
        taken = role
    else:
        taken = "not used: " + _reason(code.scan_text, label.notes)
    return CodeRow(number, code.hri, code.format, role, taken, code.box)


def _holds(code: DecodedCode, field: str, label: LabelReading) -> bool:
    hri = code.hri
    if field == "product":
        return "(01)" in hri or "(02)" in hri
    if field == "serial":
        return f"(21){label.serial}" in hri
    if field == "lot":
        return f"(10){label.lot}" in hri
    return "(17)" in hri or "(15)" in hri


def _reason(text: str, notes: tuple[str, ...]) -> str:
    """The classifier's note about this code, said without repeating the code's (possibly invisible) text."""
    quoted = f"'{text}'"
    for note in notes:
        if note.startswith(quoted):
            rest = note[len(quoted):]
            if rest.startswith(":"):
                return rest[1:].strip()
            return ("this code" + rest).removesuffix(": not used.").removesuffix(".")
    return "no role for it on this label"


def unit_scan(label: LabelReading) -> tuple[str, ...]:
    """Sales and Service look a unit up: ``SKU:SERIAL`` (the serial alone when no product was found)."""
    if not label.serial:
        return ()
    return (f"{label.product.sku}:{label.serial}" if label.product else label.serial,)


def use_scans(label: LabelReading) -> tuple[str, ...]:
    """The scans that bring the label's product, serial and lot into receiving, as a scanner would send them."""
    product = label.product
    if product is None:
        return (label.serial,) if label.serial else ()
    gtin = label.gtin or product.gtin
    fits = all(value is None or _GS1_VALUE.fullmatch(value) for value in (label.serial, label.lot))
    if gtin and fits:
        body = "01" + gtin14(gtin)
        if label.expiry:
            body += "17" + label.expiry.strftime("%y%m%d")
        if label.lot:
            body += "10" + label.lot + ("\x1d" if label.serial else "")
        if label.serial:
            body += "21" + label.serial
        return ("]C1" + body,)
    return (product.sku, label.serial) if label.serial else (product.sku,)
