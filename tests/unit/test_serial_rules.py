"""Serial rules: how scanned or typed text becomes a stored serial (trim, case, characters, length)."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from serialdesk.domain.errors import DomainError
from serialdesk.domain.serial_rules import SerialCase, clean_lot, normalise_serial, validate_regex

# The rules written out independently of the module, so a change there is a deliberate change here.
ALLOWED_PUNCTUATION = "-._/+#*"
STORED_SERIAL = re.compile(r"[A-Za-z0-9\-._/+#*]{1,64}")
GS = "\x1d"
BLANKS = " \t\r\n"  # the only characters trimmed: what a keyboard or a wedge scanner adds around a serial


def _code(raw: str, **kwargs: str) -> str:
    with pytest.raises(DomainError) as err:
        normalise_serial(raw, **kwargs)
    return err.value.code


# --- trimming and case ------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["SN-001", "  SN-001", "SN-001  ", "\tSN-001\r\n", " \n SN-001 \t "])
def test_surrounding_whitespace_from_a_scanner_or_keyboard_is_trimmed(raw: str) -> None:
    assert normalise_serial(raw) == "SN-001"


def test_serials_are_upper_cased_by_default() -> None:
    assert normalise_serial("sn-00a7b") == "SN-00A7B"


def test_case_is_kept_when_the_product_says_case_matters() -> None:
    assert normalise_serial(" aBc-9x ", SerialCase.PRESERVE) == "aBc-9x"


def test_the_case_policy_may_be_given_as_stored_text() -> None:
    assert normalise_serial("aBc", "preserve") == "aBc"
    assert normalise_serial("aBc", "upper") == "ABC"


# --- characters -------------------------------------------------------------------------------------------


def test_letters_digits_and_the_rating_plate_punctuation_are_accepted() -> None:
    assert normalise_serial("a-b.c_d/e+f#g*h09") == "A-B.C_D/E+F#G*H09"
    for ch in ALLOWED_PUNCTUATION:
        assert normalise_serial(f"X{ch}1") == f"X{ch}1"


def test_a_space_inside_a_serial_is_refused_and_named_as_space() -> None:
    with pytest.raises(DomainError) as err:
        normalise_serial("SN 001")
    assert err.value.code == "serial_bad_characters"
    assert "space" in err.value.message and "'SN 001'" in err.value.message


def test_a_colon_is_refused_because_it_separates_sku_from_serial() -> None:
    with pytest.raises(DomainError) as err:
        normalise_serial("DRL:001")
    assert err.value.code == "serial_bad_characters" and "':'" in err.value.message


@pytest.mark.parametrize(
    "raw", ["SNÉ01", "SN１２", "SN–01", "SN,01", "SN;01", "SN(1)", "SN@1", "SN'1", 'SN"1', "SN\xa001"]
)
def test_characters_outside_the_allowed_set_are_refused(raw: str) -> None:
    assert _code(raw) == "serial_bad_characters"


# --- length -----------------------------------------------------------------------------------------------


def test_a_serial_of_exactly_64_characters_is_accepted() -> None:
    assert normalise_serial("A" * 64) == "A" * 64


def test_the_64_characters_are_counted_after_trimming() -> None:
    assert normalise_serial("  " + "7" * 64 + "\r\n") == "7" * 64


def test_a_serial_of_65_characters_is_refused_saying_how_long_it_is_and_the_limit() -> None:
    with pytest.raises(DomainError) as err:
        normalise_serial("B" * 65)
    assert err.value.code == "serial_too_long"
    assert "65" in err.value.message and "64" in err.value.message


# --- empty, GS and control characters ---------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["", " ", "\t\r\n"])
def test_an_empty_serial_is_refused(raw: str) -> None:
    assert _code(raw) == "empty_serial"


def test_no_serial_at_all_is_refused_as_empty() -> None:
    assert _code(None) == "empty_serial"  # type: ignore[arg-type]


def test_the_empty_message_names_the_product() -> None:
    with pytest.raises(DomainError, match="DRL-18V"):
        normalise_serial("  ", product="DRL-18V")


def test_a_gs1_field_separator_inside_the_text_means_it_is_not_a_bare_serial() -> None:
    with pytest.raises(DomainError) as err:
        normalise_serial(f"0104006381333931{GS}21SN001")
    assert err.value.code == "serial_has_gs" and "GS1" in err.value.message


@pytest.mark.parametrize("ch", ["\x00", "\x07", "\x08", "\t", "\x1b", "\x1f", "\x7f"])
def test_control_characters_inside_a_serial_are_refused(ch: str) -> None:
    assert _code(f"SN{ch}001") == "serial_has_control"


def test_gs_control_characters_emptiness_and_length_each_have_their_own_code() -> None:
    codes = [_code(""), _code(f"A{GS}B"), _code("A\x00B"), _code("A" * 65), _code("A B")]
    assert len(set(codes)) == len(codes)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (f"{GS}0104006381333931", "serial_has_gs"),  # FNC1 sent as a leading GS: a GS1 scan, not a serial
        (f"SN001{GS}", "serial_has_gs"),
        (GS, "serial_has_gs"),
        ("SN001\x1e", "serial_has_control"),
        ("SN001\x1f", "serial_has_control"),
        ("\x0bSN001", "serial_has_control"),
    ],
)
def test_a_separator_or_control_character_at_either_end_is_refused_not_trimmed(raw: str, code: str) -> None:
    # str.strip() would treat 0x1C-0x1F (GS among them) as whitespace and silently accept the rest.
    assert _code(raw) == code


# --- the product's own format -----------------------------------------------------------------------------


def test_a_serial_matching_the_product_format_is_accepted_after_upper_casing() -> None:
    assert normalise_serial(" drl-0042 ", regex=r"DRL-\d{4}") == "DRL-0042"


def test_a_serial_not_matching_the_product_format_is_refused_naming_product_and_format() -> None:
    with pytest.raises(DomainError) as err:
        normalise_serial("DRL-42", regex=r"DRL-\d{4}", product="DRL-18V")
    assert err.value.code == "serial_format"
    for fact in ("DRL-18V", r"DRL-\d{4}", "DRL-42"):
        assert fact in err.value.message


def test_the_product_format_must_match_the_whole_serial() -> None:
    assert _code("12345", regex=r"\d{4}") == "serial_format"
    assert _code("X1234", regex=r"\d{4}") == "serial_format"


def test_the_general_rules_come_before_the_product_format() -> None:
    assert _code("SN 0042", regex=r".*") == "serial_bad_characters"


# --- validate_regex ---------------------------------------------------------------------------------------


def test_a_valid_serial_format_is_kept_as_given() -> None:
    assert validate_regex(r"[A-Z]{3}\d{6}") == r"[A-Z]{3}\d{6}"


@pytest.mark.parametrize("regex", ["(", "[A-Z", "*abc", r"\d{2,1}"])
def test_an_invalid_serial_format_is_refused_quoting_it(regex: str) -> None:
    with pytest.raises(DomainError) as err:
        validate_regex(regex)
    assert err.value.code == "bad_regex" and regex in err.value.message


# --- lot codes --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", [None, "", "   ", "\r\n"])
def test_no_lot_code_means_no_lot(raw: str | None) -> None:
    assert clean_lot(raw) is None


def test_a_lot_code_is_trimmed_and_upper_cased() -> None:
    assert clean_lot(" l2406a\n") == "L2406A"


@pytest.mark.parametrize("raw", ["L 2406", "L2406:A", "L" * 65, f"L24{GS}06", "L24\x0006"])
def test_a_bad_lot_code_is_refused_speaking_of_a_lot_code_not_a_serial(raw: str) -> None:
    with pytest.raises(DomainError) as err:
        clean_lot(raw)
    assert err.value.code == "bad_lot"
    assert "lot code" in err.value.message and "serial" not in err.value.message


def test_a_bad_lot_code_is_quoted_as_it_was_typed() -> None:
    with pytest.raises(DomainError) as err:
        clean_lot("my serial lot")
    assert "'my serial lot'" in err.value.message


# --- any text at all --------------------------------------------------------------------------------------

_SCANNER_ALPHABET = "aZ09" + ALLOWED_PUNCTUATION + " \t\r\n" + GS + "\x00\x1e\x7f:,é１"
_ANY_TEXT = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=_SCANNER_ALPHABET, max_size=80),
    st.text(alphabet="aZ09-", min_size=60, max_size=70),
)


@given(raw=_ANY_TEXT, case=st.sampled_from(SerialCase))
@example(raw="A" * 64, case=SerialCase.UPPER)
@example(raw=" x\n", case=SerialCase.PRESERVE)
def test_any_text_becomes_a_valid_stored_serial_or_a_domain_error(raw: str, case: SerialCase) -> None:
    try:
        serial = normalise_serial(raw, case)
    except DomainError as exc:
        assert exc.message and exc.code  # a refusal always says what is wrong
        return
    assert STORED_SERIAL.fullmatch(serial), serial
    assert normalise_serial(serial, case) == serial  # idempotent
    assert serial.upper() == raw.strip(BLANKS).upper()  # nothing but trimming and case changes the text
    assert GS not in raw  # a GS1 scan is never taken for a bare serial
    if case is SerialCase.UPPER:
        assert serial == serial.upper()
    else:
        assert serial == raw.strip(BLANKS)
