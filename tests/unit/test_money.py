"""Money: text, ints, Decimals and floats in; a non-negative two-place Decimal out, or a clear refusal."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from serialdesk.domain.errors import DomainError
from serialdesk.domain.money import ZERO, format_money, to_money

LARGEST = Decimal("9999999999.99")  # the database column is Numeric(12, 2)


def _is_two_places(amount: Decimal) -> bool:
    return amount.as_tuple().exponent == -2


# --- what is accepted -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1,299.00", "1299.00"),
        ("12,345,678.90", "12345678.90"),
        ("12.5", "12.50"),
        (" 129.90 ", "129.90"),
        ("0", "0.00"),
        (".5", "0.50"),
        (12, "12.00"),
        (0, "0.00"),
        (Decimal("3.1"), "3.10"),
        (Decimal("129.90"), "129.90"),
        (LARGEST, str(LARGEST)),
    ],
)
def test_amounts_as_typed_or_stored_become_two_place_decimals(value: object, expected: str) -> None:
    amount = to_money(value)
    assert amount == Decimal(expected) and _is_two_places(amount)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.1 + 0.2, "0.30"),
        (129.9, "129.90"),
        (2.675, "2.68"),
        (1.005, "1.01"),
        (19.99, "19.99"),
        (1e-9, "0.00"),
    ],
)
def test_floats_are_read_as_written_without_binary_noise(value: float, expected: str) -> None:
    # 2.675 is stored in binary as 2.67499999…; as money it is what the user wrote, so half-up gives 2.68.
    assert to_money(value) == Decimal(expected)


@pytest.mark.parametrize("value", [None, ""])
def test_no_amount_means_zero(value: object) -> None:
    amount = to_money(value)
    assert amount == ZERO and _is_two_places(amount)


# --- rounding ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.005", "0.01"),
        ("0.015", "0.02"),
        ("0.025", "0.03"),  # half-even would give 0.02
        ("2.345", "2.35"),
        ("1.995", "2.00"),
        ("0.004", "0.00"),
        ("1.994", "1.99"),
        ("10.00499", "10.00"),
    ],
)
def test_amounts_are_rounded_half_up_to_cents(value: str, expected: str) -> None:
    assert to_money(value) == Decimal(expected)


# --- what is refused --------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["-1", "-0.01", " -12.50 ", -3, Decimal("-5"), -0.5, "-1,299.00"])
def test_a_negative_amount_is_refused(value: object) -> None:
    with pytest.raises(DomainError) as err:
        to_money(value)
    assert err.value.code == "negative_money" and "negative" in err.value.message


@pytest.mark.parametrize(
    "value",
    [
        "NaN",
        "nan",
        "sNaN",
        "Infinity",
        "inf",
        "-inf",
        float("nan"),
        float("inf"),
        float("-inf"),
        Decimal("NaN"),
        Decimal("sNaN"),
        Decimal("-NaN"),
        Decimal("Infinity"),
    ],
)
def test_not_a_number_and_infinity_are_refused(value: object) -> None:
    with pytest.raises(DomainError) as err:
        to_money(value)
    assert err.value.code == "bad_money"


@pytest.mark.parametrize("value", ["abc", "12.5.3", "1 299", "€12", "12€", "0x10", "1e", "--1", True, [12], object()])
def test_garbage_is_refused_as_not_a_number(value: object) -> None:
    with pytest.raises(DomainError) as err:
        to_money(value)
    assert err.value.code == "bad_money"


@pytest.mark.parametrize("value", ["10000000000", "10,000,000,000.00", "1e12", "1e999999", 10**11])
def test_an_amount_too_large_for_the_books_is_refused(value: object) -> None:
    with pytest.raises(DomainError) as err:
        to_money(value)
    assert err.value.code == "bad_money" and "too large" in err.value.message


def test_the_refusal_names_what_the_amount_was_for_and_quotes_it() -> None:
    with pytest.raises(DomainError) as err:
        to_money("abc", "Price")
    assert err.value.message.startswith("Price") and "abc" in err.value.message


@pytest.mark.parametrize("value", ["-0", "-0.00", Decimal("-0"), -0.0])
def test_minus_zero_is_plain_zero(value: object) -> None:
    amount = to_money(value)
    assert str(amount) == "0.00" and format_money(amount) == "0.00"


@pytest.mark.parametrize("value", ["12,50", "1,2,3", "1,29900", ",5"])
def test_a_comma_that_is_not_a_thousands_separator_is_refused(value: str) -> None:
    with pytest.raises(DomainError):
        to_money(value)


def test_an_amount_that_rounds_past_the_limit_is_refused() -> None:
    # 9999999999.995 rounds to 10,000,000,000.00, which the Numeric(12, 2) column cannot hold.
    with pytest.raises(DomainError) as err:
        to_money("9999999999.995")
    assert err.value.code == "bad_money"
    assert to_money("9999999999.994") == LARGEST


# --- showing money ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (Decimal("1299.5"), "1,299.50"),
        (Decimal("0"), "0.00"),
        (Decimal("0.005"), "0.01"),
        (LARGEST, "9,999,999,999.99"),
    ],
)
def test_money_is_shown_with_thousands_separators_and_two_places(amount: Decimal, shown: str) -> None:
    assert format_money(amount) == shown


@given(st.decimals(min_value=0, max_value=LARGEST, places=2, allow_nan=False, allow_infinity=False))
def test_any_amount_survives_being_shown_and_typed_back(amount: Decimal) -> None:
    assert to_money(format_money(amount)) == amount
    assert to_money(str(amount)) == amount
    assert _is_two_places(to_money(amount))


@given(st.one_of(st.text(max_size=30), st.floats(), st.integers(), st.decimals()))
def test_any_input_gives_a_non_negative_two_place_amount_or_a_domain_error(value: object) -> None:
    try:
        amount = to_money(value)
    except DomainError as exc:
        assert exc.code in {"bad_money", "negative_money"}
        return
    assert amount.is_finite() and amount >= 0 and _is_two_places(amount)
