"""Money is Decimal with two places; text in, Decimal out, clear errors for anything else."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from serialdesk.domain.errors import DomainError

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
LIMIT = Decimal("10000000000")  # Numeric(12, 2)


def to_money(value: object, what: str = "Amount") -> Decimal:
    """Parse ``value`` (Decimal, int, str like "1,299.00" or "12.5") into a non-negative 2-place Decimal."""
    if value is None or value == "":
        return ZERO
    if isinstance(value, float):
        value = repr(value)  # never carry binary float noise into money
    text = value if isinstance(value, Decimal) else _ungroup(str(value).strip(), what)
    try:
        amount = Decimal(text)
    except (InvalidOperation, ValueError):
        raise DomainError(f"{what} '{value}' is not a number.", code="bad_money") from None
    if not amount.is_finite():
        raise DomainError(f"{what} '{value}' is not a number.", code="bad_money")
    if amount < 0:
        raise DomainError(f"{what} cannot be negative ({value}).", code="negative_money")
    amount = amount.quantize(CENT, rounding=ROUND_HALF_UP) if amount < LIMIT else amount
    if amount >= LIMIT:  # after rounding: 9999999999.995 rounds up past what the column holds
        raise DomainError(f"{what} {value} is too large.", code="bad_money")
    return abs(amount)  # -0 is 0 (negatives were refused above); never show "-0.00"


# Thousands separators are accepted only where they group thousands: "12,50" is a decimal comma, not 1250.
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")


def _ungroup(text: str, what: str) -> str:
    if "," not in text:
        return text
    if not _GROUPED.fullmatch(text):
        raise DomainError(f"{what} '{text}' is not a number (use a point for decimals, e.g. 12.50).",
                          code="bad_money")
    return text.replace(",", "")


def format_money(amount: Decimal) -> str:
    return f"{amount.quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"
