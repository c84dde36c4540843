"""Catalogue rules: GTIN check digits, product codes, names, serial sources, record numbers people see."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from serialdesk.domain.errors import DomainError
from serialdesk.domain.products import (
    PREFIX,
    SerialSource,
    clean_gtin,
    clean_name,
    clean_sku,
    gtin_check_digit,
    parse_record_number,
    parse_serial_source,
    record_number,
)

# Real, published numbers (each with the check digit printed under the bars).
PUBLISHED_GTINS = [
    "4006381333931",  # EAN-13, Stabilo pen, the Wikipedia "EAN-13" example
    "5901234123457",  # EAN-13, the GS1 / Wikipedia sample barcode
    "036000291452",  # UPC-A, the Wikipedia "Universal Product Code" example
    "96385074",  # EAN-8, the Wikipedia "EAN-8" example
    "09506000134352",  # GTIN-14, GS1's example GTIN (Digital Link and GS1 General Specifications)
]
KINDS = sorted(PREFIX)


# --- GTIN -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("gtin", PUBLISHED_GTINS)
def test_published_gtins_are_accepted_as_they_are(gtin: str) -> None:
    assert clean_gtin(gtin) == gtin
    assert clean_gtin(f" {gtin}\n") == gtin


@pytest.mark.parametrize("gtin", PUBLISHED_GTINS)
def test_the_check_digit_of_a_published_gtin_is_computed_from_its_body(gtin: str) -> None:
    assert gtin_check_digit(gtin[:-1]) == int(gtin[-1])


@pytest.mark.parametrize("gtin", PUBLISHED_GTINS)
def test_a_wrong_check_digit_is_refused_naming_the_expected_digit(gtin: str) -> None:
    right = int(gtin[-1])
    wrong = gtin[:-1] + str((right + 1) % 10)
    with pytest.raises(DomainError) as err:
        clean_gtin(wrong)
    assert err.value.code == "bad_gtin_check"
    assert f"expected {right}" in err.value.message and wrong in err.value.message


@pytest.mark.parametrize("text", [None, "", "   "])
def test_no_gtin_means_none(text: str | None) -> None:
    assert clean_gtin(text) is None


@pytest.mark.parametrize(
    "text", ["1234567", "123456789", "12345678901", "123456789012345", "40063813339AB", "4006-381333931"]
)
def test_text_that_is_not_8_12_13_or_14_digits_is_not_a_gtin(text: str) -> None:
    with pytest.raises(DomainError) as err:
        clean_gtin(text)
    assert err.value.code == "bad_gtin" and text in err.value.message


@pytest.mark.parametrize("text", ["1234567²", "²2345678", "٤٠٠٦٣٨١٣٣٣٩٣١", "４００６３８１３３３９３１"])
def test_digits_other_than_0_to_9_are_refused_as_not_a_gtin(text: str) -> None:
    # str.isdigit() alone accepts '²' (then int() crashes) and Arabic-Indic or full-width digits.
    with pytest.raises(DomainError) as err:
        clean_gtin(text)
    assert err.value.code == "bad_gtin"


_BODIES = st.sampled_from([7, 11, 12, 13]).flatmap(lambda n: st.text(alphabet="0123456789", min_size=n, max_size=n))


@given(body=_BODIES, position=st.integers(min_value=0), replacement=st.sampled_from("0123456789"))
def test_any_single_mistyped_digit_is_caught_by_the_check_digit(body: str, position: int, replacement: str) -> None:
    gtin = body + str(gtin_check_digit(body))
    assert clean_gtin(gtin) == gtin
    position %= len(gtin)
    typo = gtin[:position] + replacement + gtin[position + 1 :]
    if typo != gtin:
        with pytest.raises(DomainError):
            clean_gtin(typo)


# --- SKU --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sku"),
    [(" drl-18v ", "DRL-18V"), ("a_b.c/d+e", "A_B.C/D+E"), ("7", "7"), ("X" * 64, "X" * 64)],
)
def test_a_product_code_is_trimmed_and_upper_cased(text: str, sku: str) -> None:
    assert clean_sku(text) == sku


@pytest.mark.parametrize(
    "text", ["", "   ", "-DRL", ".DRL", "DRL 18V", "DRL:18V", "DRL#1", "X" * 65, "DRL\x1d18V", "DRLÉ"]
)
def test_an_unusable_product_code_is_refused_quoting_it(text: str) -> None:
    with pytest.raises(DomainError) as err:
        clean_sku(text)
    assert err.value.code == "bad_sku" and f"'{text}'" in err.value.message


# --- names and serial sources -----------------------------------------------------------------------------


def test_a_name_has_its_inner_and_outer_whitespace_tidied() -> None:
    assert clean_name("  Makita \t Europe\n", "supplier") == "Makita Europe"


def test_an_empty_name_is_refused_saying_what_needs_one() -> None:
    with pytest.raises(DomainError) as err:
        clean_name(" \t", "customer")
    assert err.value.code == "empty_name" and "customer" in err.value.message


def test_a_name_may_have_200_characters_but_not_201() -> None:
    assert clean_name("N" * 200, "customer") == "N" * 200
    with pytest.raises(DomainError) as err:
        clean_name("N" * 201, "customer")
    assert err.value.code == "name_too_long"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("supplier", SerialSource.SUPPLIER),
        (" Generated ", SerialSource.GENERATED),
        ("EITHER", SerialSource.EITHER),
    ],
)
def test_a_serial_source_is_read_whatever_its_case(text: str, source: SerialSource) -> None:
    assert parse_serial_source(text) is source


def test_an_unknown_serial_source_is_refused_listing_the_choices() -> None:
    with pytest.raises(DomainError) as err:
        parse_serial_source("factory")
    assert err.value.code == "bad_serial_source"
    assert all(choice in err.value.message for choice in ("supplier", "generated", "either"))


# --- record numbers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "number", "shown"),
    [
        ("customer", 12, "C-0012"),
        ("supplier", 3, "V-0003"),
        ("receipt", 41, "R-0041"),
        ("sale", 9, "S-0009"),
        ("ticket", 12345, "T-12345"),
        ("recall", 7, "RC-0007"),
    ],
)
def test_record_numbers_are_a_prefix_and_at_least_four_digits(kind: str, number: int, shown: str) -> None:
    assert record_number(kind, number) == shown


@given(kind=st.sampled_from(KINDS), number=st.integers(min_value=0, max_value=10**12))
def test_a_record_number_reads_back_as_the_same_id(kind: str, number: int) -> None:
    shown = record_number(kind, number)
    assert parse_record_number(kind, shown) == number
    assert parse_record_number(kind, shown.lower()) == number
    assert parse_record_number(kind, f"  {shown}\t") == number


@pytest.mark.parametrize("text", ["C-0012", "c-0012", "C-12", "c12", "C0012", " C-0012 "])
def test_a_record_number_is_read_however_it_was_typed(text: str) -> None:
    assert parse_record_number("customer", text) == 12


@pytest.mark.parametrize(("kind", "other"), [(k, o) for k in KINDS for o in KINDS if k != o])
def test_another_kinds_record_number_is_not_accepted(kind: str, other: str) -> None:
    assert parse_record_number(kind, record_number(other, 5)) is None


@pytest.mark.parametrize("text", ["", "C-", "12", "C-12a", "C--12", "C 12", "Jane Smith", "C-1.2"])
def test_text_that_is_not_a_record_number_gives_none(text: str) -> None:
    assert parse_record_number("customer", text) is None
