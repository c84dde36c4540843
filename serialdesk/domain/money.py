"""Money is Decimal with two places; text in, Decimal out, clear errors for anything else."""

from __future__ import annotations

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
    text = str(value).strip().replace(",", "") if not isinstance(value, Decimal) else value
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
    return amount


def format_money(amount: Decimal) -> str:
    return f"{amount.quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"
