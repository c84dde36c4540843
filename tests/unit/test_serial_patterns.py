"""Serial patterns: the template language, check digits, and reading a generated serial back."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from serialdesk.domain.errors import DomainError
from serialdesk.domain.serial_rules import normalise_serial
from serialdesk.domain.serials import (
    SerialPattern,
    check_character,
    luhn_check_digit,
    mod11_check_digit,
    mod37_36_check_character,
)

JUNE_13 = date(2024, 6, 13)
ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


# --- check-digit algorithms against published examples -------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "check"),
    [
        ("7992739871", "3"),  # the classic Luhn example 79927398713 (Wikipedia, "Luhn algorithm")
        ("US037833100", "5"),  # ISIN US0378331005 (Apple Inc.): letters expanded A=10…Z=35, ISO 6166
        ("AU0000XVGZA", "3"),  # ISIN AU0000XVGZA3 (Treasury Corp. of Victoria), a letter-heavy ISIN
    ],
)
def test_luhn_matches_published_examples(payload: str, check: str) -> None:
    assert luhn_check_digit(payload) == check


@pytest.mark.parametrize(
    ("payload", "check"),
    [
        ("0794", "0"),  # ISO/IEC 7064:2003 worked example for MOD 11-2 (also in python-stdnum's doctests)
        ("079", "X"),  # ditto: a remainder of 10 is written X
        ("000000021825009", "7"),  # ORCID iD 0000-0002-1825-0097 (ORCID's "structure of the iD" page)
        ("000000021694233", "X"),  # ORCID iD 0000-0002-1694-233X, same source
    ],
)
def test_mod11_is_iso7064_mod_11_2_as_published(payload: str, check: str) -> None:
    assert mod11_check_digit(payload) == check


def test_mod37_36_matches_the_iso7064_grid_example() -> None:
    # GRid (Global Release Identifier) A1-2425G-ABC1234002-M uses ISO/IEC 7064 MOD 37,36; the example is
    # the one in the GRid standard and python-stdnum's doctests.
    assert mod37_36_check_character("A12425GABC1234002") == "M"
    assert mod37_36_check_character("A1-2425G-ABC1234002") == "M"  # punctuation is skipped


def test_check_digits_ignore_case_and_punctuation() -> None:
    for algorithm in ("luhn", "mod11", "mod37-36"):
        assert check_character(algorithm, "l2406a-00017") == check_character(algorithm, "L2406A00017")


# --- the pattern language ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "example"),
    [
        ("{LOT}-{SEQ:5}-{CHK:luhn}", "L2406A-00017-3"),
        ("{SKU}{YY}{MM}{SEQ:6}", "DRL-18V2406000017"),
        ("SN{SEQ:8}{CHK:mod11}", "SN000000175"),
        ("{LOT}{SEQ:4}{CHK:mod37-36}", "L2406A00178"),
        ("{STN}-{YYYY}{MM}{DD}-{SEQ:3}", "S1-20240613-017"),
        ("W{WW}.{seq:2}", "W24.17"),  # token names are case-insensitive; 13 June 2024 is in ISO week 24
    ],
)
def test_example_shows_the_serial_a_pattern_makes(pattern: str, example: str) -> None:
    assert SerialPattern.parse(pattern).example() == example


def test_render_fills_every_token_and_the_result_is_a_valid_serial() -> None:
    pattern = SerialPattern.parse("{SKU}/{LOT}-{STN}-{YYYY}{SEQ:5}{CHK:mod37-36}")
    serial = pattern.render(42, lot="l2406a", sku="DRL-18V", when=JUNE_13, station="back")
    assert serial.startswith("DRL-18V/L2406A-BACK-202400042")
    assert normalise_serial(serial) == serial
    assert pattern.verify(serial) == serial


@pytest.mark.parametrize(
    ("pattern", "code", "words"),
    [
        ("", "pattern_empty", "empty"),
        ("   ", "pattern_empty", "empty"),
        ("SN{SEQ:0}", "pattern_bad_seq", "from 1 to 18"),
        ("SN{SEQ:19}", "pattern_bad_seq", "from 1 to 18"),
        ("SN{SEQ:x}", "pattern_bad_seq", "{SEQ:x}"),
        ("SN{SEQ}", "pattern_bad_seq", "e.g. {SEQ:5}"),
        ("SN{SERIAL:5}", "pattern_unknown_token", "unknown token {SERIAL:5}"),
        ("SN{}{SEQ:4}", "pattern_unknown_token", "unknown token {}"),
        ("SN{LOT:4}{SEQ:4}", "pattern_bad_token", "takes no ':' option"),
        ("SN{SEQ:5", "pattern_braces", "'{' at position 3"),
        ("SN-SEQ:5}", "pattern_braces", "'}' at position 9"),
        ("SN{{SEQ:5}}", "pattern_braces", "'{' at position 3"),
        ("SN-{LOT}", "pattern_no_seq", "same serial"),
        ("{SEQ:3}{SEQ:3}", "pattern_repeated_token", "{SEQ} more than once"),
        ("{LOT}{LOT}{SEQ:3}", "pattern_repeated_token", "{LOT} more than once"),
        ("{CHK:luhn}{SEQ:5}", "pattern_chk_not_last", "must end with"),
        ("{SEQ:5}{CHK:luhn}-A", "pattern_chk_not_last", "must end with"),
        ("{SEQ:5}{CHK:luhn}{CHK:mod11}", "pattern_repeated_token", "{CHK} more than once"),
        ("{SEQ:5}{CHK:crc}", "pattern_unknown_check", "luhn, mod11 or mod37-36"),
        ("{SEQ:5}{CHK}", "pattern_unknown_check", "luhn, mod11 or mod37-36"),
        ("SN {SEQ:5}", "pattern_bad_characters", "space"),
        ("SN:{SEQ:5}", "pattern_bad_characters", "':'"),
        ("SN{SEQ:5}é", "pattern_bad_characters", "'é'"),
        ("X" * 60 + "{SEQ:5}", "pattern_too_long", "at least 65 characters"),
    ],
)
def test_a_bad_pattern_is_refused_when_the_product_is_saved(pattern: str, code: str, words: str) -> None:
    with pytest.raises(DomainError) as refused:
        SerialPattern.parse(pattern)
    assert refused.value.code == code
    assert words in refused.value.message


def test_the_sequence_is_used_up_at_its_width() -> None:
    pattern = SerialPattern.parse("{LOT}-{SEQ:5}{CHK:luhn}")
    assert pattern.max_sequence == 99999
    assert pattern.render(99999, lot="L1") == "L1-99999" + luhn_check_digit("L1-99999")
    with pytest.raises(DomainError) as refused:
        pattern.render(100000, lot="L1")
    assert refused.value.code == "sequence_exhausted"
    assert "the pattern's 5-digit sequence is used up (99999)" in refused.value.message


def test_a_value_the_pattern_needs_must_be_given_and_printable() -> None:
    pattern = SerialPattern.parse("{LOT}-{YY}{SEQ:5}")
    with pytest.raises(DomainError, match="lot code") as missing_lot:
        pattern.render(1, when=JUNE_13)
    assert missing_lot.value.code == "pattern_needs_lot"
    with pytest.raises(DomainError) as missing_date:
        pattern.render(1, lot="L1")
    assert missing_date.value.code == "pattern_needs_date"
    with pytest.raises(DomainError, match="'L 24'") as bad_lot:
        pattern.render(1, lot="L 24", when=JUNE_13)
    assert bad_lot.value.code == "pattern_bad_value"


def test_a_serial_longer_than_64_characters_is_refused() -> None:
    pattern = SerialPattern.parse("{LOT}-{SEQ:5}")
    with pytest.raises(DomainError) as refused:
        pattern.render(1, lot="L" * 60)
    assert refused.value.code == "serial_too_long"


def test_uses_tells_the_service_which_values_to_supply() -> None:
    assert SerialPattern.parse("{LOT}-{YY}{SEQ:5}{CHK:luhn}").uses == {"lot", "date", "seq", "chk"}
    assert SerialPattern.parse("SN{SEQ:8}").uses == {"seq"}


# --- verify: a mistyped serial is caught at the counter ---------------------------------------------------


def test_a_mistyped_serial_is_refused_naming_the_serial() -> None:
    pattern = SerialPattern.parse("{LOT}-{SEQ:5}-{CHK:luhn}")
    assert pattern.verify("l2406a-00017-3") == "L2406A-00017-3"
    with pytest.raises(DomainError) as refused:
        pattern.verify("L2406A-00071-3")  # digits swapped
    assert refused.value.code == "serial_check_digit"
    assert "L2406A-00071-3" in refused.value.message


def test_a_serial_of_another_shape_is_refused_as_not_following_the_pattern() -> None:
    pattern = SerialPattern.parse("{LOT}-{SEQ:5}-{CHK:luhn}")
    for wrong in ("L2406A-0017-3", "L2406A.00017-3", "00017-3", "L2406A-00017"):
        with pytest.raises(DomainError) as refused:
            pattern.verify(wrong)
        assert refused.value.code == "serial_pattern_mismatch", wrong
        assert wrong in refused.value.message
    assert not pattern.matches("L2406A-00017-4")
    assert pattern.matches("L2406A-00017-3")


def test_a_pattern_without_check_digit_verifies_the_shape_only() -> None:
    pattern = SerialPattern.parse("{SKU}{YY}{MM}{SEQ:6}")
    assert pattern.matches("DRL-18V2406000017")
    assert not pattern.matches("DRL-18V2413000017")  # month 13


# --- reading a serial back ---------------------------------------------------------------------------------


def test_read_returns_lot_sequence_and_date_of_a_generated_serial() -> None:
    pattern = SerialPattern.parse("{LOT}-{YYYY}{MM}{DD}-{SEQ:5}{CHK:mod37-36}")
    serial = pattern.render(17, lot="L-24-06", when=JUNE_13)
    parts = pattern.read(serial)
    assert (parts.lot, parts.sequence, parts.year, parts.month, parts.day) == ("L-24-06", 17, 2024, 6, 13)


def test_read_with_two_unknown_variable_values_is_ambiguous_unless_one_is_given() -> None:
    pattern = SerialPattern.parse("{SKU}-{LOT}-{SEQ:4}")
    serial = pattern.render(5, sku="DRL-18V", lot="L2406A")
    with pytest.raises(DomainError) as refused:
        pattern.read(serial)
    assert refused.value.code == "pattern_ambiguous"
    parts = pattern.read(serial, sku="drl-18v")
    assert (parts.sku, parts.lot, parts.sequence) == ("DRL-18V", "L2406A", 5)
    with pytest.raises(DomainError) as other_product:
        pattern.read(serial, sku="SAW-1")
    assert other_product.value.code == "serial_pattern_mismatch"


# --- properties ------------------------------------------------------------------------------------------

lots = st.text(alphabet=ALNUM + "-._", min_size=1, max_size=12)
ALGORITHMS = ["luhn", "mod11", "mod37-36"]


@given(seq=st.integers(0, 999_999), lot=lots, algorithm=st.sampled_from(ALGORITHMS))
def test_every_rendered_serial_verifies_and_reads_back(seq: int, lot: str, algorithm: str) -> None:
    pattern = SerialPattern.parse(f"{{LOT}}-{{SEQ:6}}{{CHK:{algorithm}}}")
    serial = pattern.render(seq, lot=lot)
    assert pattern.verify(serial) == serial
    parts = pattern.read(serial)
    assert (parts.lot, parts.sequence) == (lot.upper(), seq)


def _substitute(text: str, index: int, new: str) -> str:
    return text[:index] + new + text[index + 1 :]


@given(payload=st.text(alphabet=ALNUM, min_size=1, max_size=30), data=st.data())
def test_mod37_36_detects_every_single_character_substitution(payload: str, data: st.DataObject) -> None:
    # ISO 7064 hybrid systems detect all single substitution errors over their 36-character alphabet.
    code = payload + mod37_36_check_character(payload)
    index = data.draw(st.integers(0, len(code) - 1))
    new = data.draw(st.sampled_from(ALNUM))
    assume(new != code[index])
    typo = _substitute(code, index, new)
    assert mod37_36_check_character(typo[:-1]) != typo[-1]


@given(payload=st.text(alphabet=ALNUM, min_size=1, max_size=30), data=st.data())
def test_luhn_and_mod11_detect_every_digit_for_digit_substitution(payload: str, data: st.DataObject) -> None:
    # A digit maps to one digit of the expanded string, so one wrong digit is one wrong digit there:
    # Luhn and MOD 11-2 catch all of those, wherever the letters are.
    for algorithm in ("luhn", "mod11"):
        code = payload + check_character(algorithm, payload)
        digits = [i for i, ch in enumerate(code) if ch.isdigit()]
        assume(digits)
        index = data.draw(st.sampled_from(digits))
        new = data.draw(st.sampled_from("0123456789"))
        assume(new != code[index])
        typo = _substitute(code, index, new)
        assert check_character(algorithm, typo[:-1]) != typo[-1]


@given(seq=st.integers(0, 99_999), lot=lots, data=st.data())
def test_verify_catches_every_single_character_typo_of_a_mod37_36_serial(
    seq: int, lot: str, data: st.DataObject
) -> None:
    pattern = SerialPattern.parse("{LOT}-{SEQ:5}{CHK:mod37-36}")
    serial = pattern.render(seq, lot=lot)
    alnum_positions = [i for i, ch in enumerate(serial) if ch in ALNUM]
    index = data.draw(st.sampled_from(alnum_positions))
    new = data.draw(st.sampled_from(ALNUM))
    assume(new != serial[index])
    assert not pattern.matches(_substitute(serial, index, new))
