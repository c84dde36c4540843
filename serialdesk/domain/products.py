"""Rules for the catalogue: SKU and GTIN text, serial source, record numbers shown to people."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from serialdesk.domain.errors import DomainError
from serialdesk.domain.text import refuse_control

_SKU = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-_./+]{0,63}")


class SerialSource(StrEnum):
    SUPPLIER = "supplier"  # the unit carries the manufacturer's serial
    GENERATED = "generated"  # we make the serial from the product's pattern and label the unit
    EITHER = "either"


def clean_sku(text: str) -> str:
    raw = (text or "").strip()
    sku = raw.upper()
    if not (raw.isascii() and _SKU.fullmatch(sku)):  # upper() would turn "straße" into "STRASSE"
        raise DomainError(
            f"'{text}' is not a usable product code: use letters, digits and - _ . / + (at most 64).",
            code="bad_sku",
        )
    return sku


def gtin_check_digit(body: str) -> int:
    """GS1 mod-10 check digit for the digits before it (weights 3,1,3,… from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def clean_gtin(text: str | None) -> str | None:
    """Return a GTIN-8/12/13/14 as digits, or raise a DomainError saying what is wrong."""
    if text is None or not text.strip():
        return None
    gtin = text.strip()
    if not (gtin.isascii() and gtin.isdigit()) or len(gtin) not in (8, 12, 13, 14):
        raise DomainError(f"'{text}' is not a GTIN/EAN/UPC (8, 12, 13 or 14 digits).", code="bad_gtin")
    if gtin_check_digit(gtin[:-1]) != int(gtin[-1]):
        raise DomainError(
            f"The barcode number {gtin} has a wrong check digit (expected {gtin_check_digit(gtin[:-1])}).",
            code="bad_gtin_check",
        )
    return gtin


def parse_serial_source(text: str) -> SerialSource:
    try:
        return SerialSource(text.strip().lower())
    except ValueError:
        raise DomainError(
            f"'{text}' is not a serial source; choose supplier, generated or either.", code="bad_serial_source"
        ) from None


_LINE_SPACE = str.maketrans("\t\n\r\v\f", "     ")


def clean_name(text: str | None, what: str) -> str:
    # Tabs and line breaks (a pasted or imported name) are tidied into spaces; other control characters refused.
    # NFC: "Café" typed with a combining accent is the same name as with the precomposed letter.
    spaced = unicodedata.normalize("NFC", (text or "").translate(_LINE_SPACE))
    name = " ".join((refuse_control(spaced, f"{what} name") or "").split())
    if not name:
        raise DomainError(f"The {what} needs a name.", code="empty_name")
    if len(name) > 200:
        raise DomainError(f"The {what} name is too long (at most 200 characters).", code="name_too_long")
    return name


# Record numbers shown on screens and printouts, and accepted wherever a name is.
PREFIX = {"customer": "C", "supplier": "V", "receipt": "R", "sale": "S", "ticket": "T", "recall": "RC",
          "build": "BLD", "transfer": "TR", "purchase_order": "PO"}


def record_number(kind: str, record_id: int) -> str:
    return f"{PREFIX[kind]}-{record_id:04d}"


def parse_record_number(kind: str, text: str) -> int | None:
    """'C-0012' or 'c-12' → 12 for kind 'customer'; anything else → None."""
    m = re.fullmatch(rf"{PREFIX[kind]}-?0*(\d+)", text.strip(), flags=re.IGNORECASE)
    return int(m.group(1)) if m else None
