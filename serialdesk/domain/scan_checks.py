"""Rules of scan classification that say what a scan is *not* (issue 13): a valid GTIN/EAN/UPC nobody has is
never a serial, and a GS1 value never holds a space."""

from __future__ import annotations

import re
from contextlib import suppress
from typing import TYPE_CHECKING

from serialdesk.domain.errors import DomainError, NotFound
from serialdesk.domain.serials import SerialPattern

if TYPE_CHECKING:
    from serialdesk.domain.scan import ProductRef

_AROUND_PARENTHESES = re.compile(r"\s*([()])\s*")


def unknown_product_barcode(gtin: str) -> NotFound:
    """The refusal for a valid GTIN/EAN/UPC that no product has (CLI exit 4; amber in the panes, with an offer
    to add the product). ``details["gtin"]`` is the GTIN-14."""
    digits = gtin.lstrip("0")
    shown = digits.zfill(13) if len(digits) <= 13 else digits
    return NotFound(
        f"Unknown product barcode {shown}: no product in the catalogue has this GTIN. Add the product (or this "
        "GTIN to a product), then scan again. (A serial that only looks like a barcode: type SKU:SERIAL.)",
        code="unknown_product_barcode",
        gtin=gtin.zfill(14),
    )


def product_claims(product: ProductRef | None, text: str) -> bool:
    """Whether the current product's own rules say a GTIN-shaped number is one of its serials: a serial made
    here from its pattern, whose check character fits. A loose serial format (``[A-Z0-9-]{3,20}``) is no
    such proof — that is how an unknown EAN became a drill's serial; ``SKU:SERIAL`` says it outright."""
    if product is None:
        return False
    if product.serial_pattern:
        with suppress(DomainError):
            SerialPattern.parse(product.serial_pattern).verify(text)
            return True
    return False


def refuse_gs1_spaces(body: str, form: str) -> None:
    """GS1 values never hold a space (character set 82). A space printed beside an HRI parenthesis is layout;
    one inside a value would be dropped silently by the parser — ``(21)BP 0001`` read as BP0001 — so refuse."""
    text = _AROUND_PARENTHESES.sub(r"\1", body) if form == "hri" else body
    if " " in text.strip(" \t\r\n"):
        shown = body if len(body) <= 40 else body[:37] + "…"
        raise DomainError(
            f"This GS1 barcode has a space inside a value ('{shown.replace(chr(29), '<GS>')}'); GS1 values "
            "never contain spaces. Scan the label again, or type the serial number without the space.",
            code="gs1_space",
        )
