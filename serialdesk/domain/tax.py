"""Sales tax on a receipt: rate classes, the VAT breakdown per rate, payments that must add up, line discounts.

Everything is Decimal, rounded to the currency's places (``places``: 2 for EUR, 0 for JPY) once per rate band,
as tax offices expect a receipt's VAT to be stated: per rate, on the band's total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from serialdesk.domain.errors import DomainError

TAX_RATES = ("standard", "reduced", "zero")
PAYMENT_METHODS = ("cash", "card", "invoice")
HUNDRED = Decimal(100)


def parse_tax_rate(text: str) -> str:
    rate = (text or "").strip().lower()
    if rate not in TAX_RATES:
        raise DomainError(f"'{text}' is not a tax rate; use standard, reduced or zero.", code="bad_tax_rate")
    return rate


def quantum(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


def rounded(amount: Decimal, places: int) -> Decimal:
    return amount.quantize(quantum(places), rounding=ROUND_HALF_UP)


def parse_percent(text: object, what: str) -> Decimal:
    """A percentage 0–100 such as '20', '5.5' or '7.7%'."""
    raw = str(text).strip().rstrip("%").strip()
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise DomainError(f"{what} '{text}' is not a percentage (e.g. 20 or 5.5).", code="bad_percent") from None
    if not value.is_finite() or not Decimal(0) <= value <= HUNDRED:
        raise DomainError(f"{what} must be between 0 and 100 % (not {text}).", code="bad_percent")
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class TaxBand:
    """One line of the VAT breakdown: every line sold at this rate, summed, and the tax in it."""

    rate: str
    percent: Decimal
    net: Decimal
    tax: Decimal
    gross: Decimal


def tax_bands(lines: Sequence[tuple[str, Decimal, Decimal]], *, prices_include_tax: bool,
              places: int) -> tuple[TaxBand, ...]:
    """The breakdown of ``lines`` (rate, percent, line amount as entered), one band per (rate, percent), in
    the order standard, reduced, zero. Prices incl. tax: the tax is taken out of the band's gross; excl.: added."""
    sums: dict[tuple[str, Decimal], Decimal] = {}
    for rate, percent, amount in lines:
        sums[(rate, percent)] = sums.get((rate, percent), Decimal(0)) + amount
    bands = []
    for (rate, percent), amount in sorted(sums.items(), key=lambda kv: (TAX_RATES.index(kv[0][0]), -kv[0][1])):
        if prices_include_tax:
            gross = rounded(amount, places)
            net = rounded(gross * HUNDRED / (HUNDRED + percent), places)
            tax = gross - net
        else:
            net = rounded(amount, places)
            tax = rounded(net * percent / HUNDRED, places)
            gross = net + tax
        bands.append(TaxBand(rate, percent, net, tax, gross))
    return tuple(bands)


def line_discount(list_price: Decimal, text: str, places: int) -> Decimal:
    """The amount ``text`` ('10%' of the list price, or an amount like '25.00') takes off one line."""
    raw = text.strip()
    try:
        if raw.endswith("%"):
            amount = list_price * parse_percent(raw, "Discount") / HUNDRED
        else:
            amount = Decimal(raw.replace(",", "."))
    except InvalidOperation:
        raise DomainError(f"Discount '{text}' is neither an amount nor a percentage (10% or 25.00).",
                          code="bad_discount") from None
    if not amount.is_finite() or amount <= 0:
        raise DomainError(f"Discount '{text}' must be more than nothing.", code="bad_discount")
    amount = rounded(amount, places)
    if amount > list_price:
        raise DomainError(f"A discount of {amount} is more than the price {list_price}.", code="bad_discount")
    return amount


@dataclass(frozen=True)
class Payment:
    method: str
    amount: Decimal  # what pays the sale
    tendered: Decimal  # handed over (cash may be more: the difference is the change)
    change: Decimal


def parse_payment(text: str) -> tuple[str, Decimal | None]:
    """'card' → (card, None: the rest); 'cash:50' → (cash, 50)."""
    method, _, amount = text.strip().partition(":")
    method = method.strip().lower()
    if method not in PAYMENT_METHODS:
        raise DomainError(f"'{method or text}' is not a way to pay; use cash, card or invoice (e.g. cash:50).",
                          code="bad_payment")
    if not amount.strip():
        return method, None
    try:
        value = Decimal(amount.strip())
    except InvalidOperation:
        raise DomainError(f"'{amount}' in '{text}' is not an amount.", code="bad_payment") from None
    if not value.is_finite() or value <= 0:
        raise DomainError(f"The amount in '{text}' must be more than nothing.", code="bad_payment")
    return method, value


def settle(asked: Sequence[tuple[str, Decimal | None]], total: Decimal, places: int) -> tuple[Payment, ...]:
    """The payments of a sale of ``total``: stated amounts, at most one open one (it pays the rest). They must
    add up; only cash may come to more (the change, given back from the cash handed over)."""
    if not asked:
        asked = [("cash", None)]
    open_ones = [m for m, a in asked if a is None]
    if len(open_ones) > 1:
        raise DomainError("Give an amount for every payment but one (e.g. --pay cash:50 --pay card).",
                          code="bad_payment")
    stated = [(m, rounded(a, places)) for m, a in asked if a is not None]
    paid = sum((a for _, a in stated), Decimal(0))
    rest = total - paid
    if open_ones:
        if rest <= 0 and total > 0:
            raise DomainError(f"The amounts given ({paid}) already pay the total {total}: leave out "
                              f"'{open_ones[0]}', or give it an amount.", code="bad_payment")
        stated.append((open_ones[0], max(rest, Decimal(0))))
        rest = Decimal(0)
    if rest > 0:
        raise DomainError(f"The payments come to {paid} but the sale is {total}: {rest} is still to pay.",
                          code="payments_short")
    change = -rest
    cash = [i for i, (m, _) in enumerate(stated) if m == "cash"]
    if change > 0 and (not cash or stated[cash[-1]][1] < change):
        raise DomainError(f"The payments come to {paid} but the sale is {total}: only cash can be more "
                          f"(change is given from cash).", code="payments_over")
    payments = []
    for i, (method, amount) in enumerate(stated):
        give = change if cash and i == cash[-1] else Decimal(0)
        payments.append(Payment(method, amount - give, amount, give))
    return tuple(p for p in payments if p.tendered > 0 or total == 0)
