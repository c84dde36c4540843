"""What a serial number may look like, and how scanned text becomes one (trim, case, characters, length)."""

from __future__ import annotations

import re
from enum import StrEnum

from serialdesk.domain.errors import DomainError

MAX_SERIAL_LENGTH = 64
# Letters, digits and the punctuation manufacturers really print on rating plates.
# No spaces (a wedge scan never has them inside a serial), no ':' (reserved for SKU:SERIAL).
ALLOWED_PUNCTUATION = "-._/+#*"
_ALLOWED = re.compile(rf"[A-Za-z0-9{re.escape(ALLOWED_PUNCTUATION)}]+")
GS = "\x1d"
_CONTROL = re.compile("[\x00-\x1f\x7f]")
BLANKS = " \t\r\n"


class SerialCase(StrEnum):
    UPPER = "upper"  # serials are case-insensitive for this product: stored and compared upper-case
    PRESERVE = "preserve"  # case is significant (rare; some alphanumeric tags)


def normalise_serial(
    raw: str,
    case: SerialCase | str = SerialCase.UPPER,
    regex: str | None = None,
    product: str = "",
) -> str:
    """Return the serial as stored, or raise DomainError saying what is wrong with the scanned text.

    ``product`` (a SKU) only makes the messages precise.
    """
    for_product = f" for {product}" if product else ""
    if raw is None:
        raise DomainError(f"No serial number was given{for_product}.", code="empty_serial")
    # Only real blanks are trimmed: str.strip() would also drop GS and other separators (0x1C-0x1F) that a
    # GS1 scanner sends, and the scan would be silently accepted as something it is not.
    text = raw.strip(BLANKS)
    if not text:
        raise DomainError(f"The serial number{for_product} is empty.", code="empty_serial")
    if GS in text:
        raise DomainError(
            "This scan contains GS1 field separators — it is a GS1 barcode, not a bare serial number.",
            code="serial_has_gs",
        )
    if _CONTROL.search(text):
        raise DomainError(
            f"The serial {text!r} contains control characters; scan it again.", code="serial_has_control"
        )
    if len(text) > MAX_SERIAL_LENGTH:
        raise DomainError(
            f"The serial '{text[:20]}…' is {len(text)} characters long; at most {MAX_SERIAL_LENGTH} are allowed.",
            code="serial_too_long",
        )
    if not _ALLOWED.fullmatch(text):
        bad = sorted({ch for ch in text if not _ALLOWED.fullmatch(ch)})
        shown = " ".join("space" if ch == " " else repr(ch) for ch in bad)
        raise DomainError(
            f"The serial '{text}' contains characters a serial number cannot have: {shown}. "
            f"Allowed are letters, digits and {' '.join(ALLOWED_PUNCTUATION)}.",
            code="serial_bad_characters",
        )
    if SerialCase(case) is SerialCase.UPPER:
        text = text.upper()
    if regex and not re.fullmatch(regex, text):
        raise DomainError(
            f"'{text}' does not look like a serial number{for_product} (expected format {regex}).",
            code="serial_format",
        )
    return text


# GS1 General Specifications, "GS1 AI encodable character set 82": what a serial in AI (21) may hold, at most
# 20 characters. Of the characters a serial may have here, only '#' falls outside it.
GS1_CSET82 = frozenset("!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")
GS1_SERIAL_MAX = 20


def gs1_serial_problem(value: str, what: str = "serial", ai: str = "21") -> str | None:
    """Why ``value`` cannot go into GS1 AI (21) (or ``ai`` (10) for a lot: the same rules), as a sentence
    without its full stop; None when it can."""
    bad = sorted({ch for ch in value if ch not in GS1_CSET82})
    if bad:
        shown = " ".join("space" if ch == " " else repr(ch) for ch in bad)
        return (f"The {what} {value} contains {shown}, which a GS1 {what} (AI {ai}) cannot hold; GS1 allows "
                f"letters, digits and ! \" % & ' ( ) * + , - . / : ; < = > ? _")
    if len(value) > GS1_SERIAL_MAX:
        return f"The {what} {value} has {len(value)} characters; a GS1 {what} (AI {ai}) holds at most {GS1_SERIAL_MAX}"
    return None


def validate_regex(regex: str) -> str:
    """Check a product's serial regex when the product is saved."""
    try:
        re.compile(regex)
    except re.error as exc:
        raise DomainError(f"The serial format '{regex}' is not a valid pattern: {exc}.", code="bad_regex") from None
    return regex


def clean_lot(raw: str | None) -> str | None:
    """A lot/batch code: same characters as a serial, upper-case; empty means no lot."""
    if raw is None or not raw.strip():
        return None
    try:
        return normalise_serial(raw, SerialCase.UPPER)
    except DomainError as exc:
        raise DomainError(f"'{raw.strip(BLANKS)[:30]}' cannot be a lot code: {_REASON.get(exc.code, exc.message)}.",
                          code="bad_lot") from None


_REASON = {
    "empty_serial": "it is empty",
    "serial_has_gs": "it contains GS1 field separators",
    "serial_has_control": "it contains control characters",
    "serial_too_long": f"it is longer than {MAX_SERIAL_LENGTH} characters",
    "serial_bad_characters": f"only letters, digits and {' '.join(ALLOWED_PUNCTUATION)} are allowed",
}
