"""The VAT breakdown, payments that must add up, line discounts (domain.tax)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from serialdesk.domain.errors import DomainError
from serialdesk.domain.tax import line_discount, parse_payment, settle, tax_bands


def test_prices_incl_tax_are_split_per_rate_on_each_bands_total() -> None:
    bands = tax_bands([("standard", D("19"), D("2499.00")), ("standard", D("19"), D("2374.05")),
                       ("reduced", D("7"), D("89.90"))], prices_include_tax=True, places=2)
    assert [(b.rate, b.net, b.tax, b.gross) for b in bands] == [
        ("standard", D("4095.00"), D("778.05"), D("4873.05")), ("reduced", D("84.02"), D("5.88"), D("89.90"))]


def test_prices_excl_tax_get_the_tax_added_and_a_currency_without_cents_rounds_to_units() -> None:
    (band,) = tax_bands([("standard", D("20"), D("100.00")), ("standard", D("20"), D("0.03"))],
                        prices_include_tax=False, places=2)
    assert (band.net, band.tax, band.gross) == (D("100.03"), D("20.01"), D("120.04"))
    (yen,) = tax_bands([("standard", D("10"), D("1005"))], prices_include_tax=True, places=0)
    assert (yen.net, yen.tax, yen.gross) == (D("914"), D("91"), D("1005"))


def test_a_split_payment_must_add_up_and_only_cash_gives_change() -> None:
    asked = [parse_payment("cash:500"), parse_payment("card")]
    assert [(p.method, p.amount) for p in settle(asked, D("4962.95"), 2)] == [("cash", D("500")),
                                                                             ("card", D("4462.95"))]
    (cash,) = settle([parse_payment("cash:100")], D("89.90"), 2)
    assert (cash.amount, cash.tendered, cash.change) == (D("89.90"), D("100.00"), D("10.10"))
    with pytest.raises(DomainError, match="still to pay"):
        settle([parse_payment("card:50")], D("89.90"), 2)
    with pytest.raises(DomainError, match="only cash can be more"):
        settle([parse_payment("card:100")], D("89.90"), 2)
    with pytest.raises(DomainError, match="every payment but one"):
        settle([parse_payment("card"), parse_payment("invoice")], D("89.90"), 2)
    with pytest.raises(DomainError, match="not a way to pay"):
        parse_payment("bitcoin:5")
    with pytest.raises(DomainError, match="more than nothing"):
        parse_payment("cash:-5")


def test_a_discount_is_an_amount_or_a_percentage_never_more_than_the_price() -> None:
    assert line_discount(D("2499.00"), "5%", 2) == D("124.95")
    assert line_discount(D("89.90"), "9.90", 2) == D("9.90")
    for bad in ("0", "abc", "120%", "100.00"):
        with pytest.raises(DomainError):
            line_discount(D("89.90"), bad, 2)
