"""What a scan means at the receiving counter: GS1 label, product barcode, or serial number."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from serialdesk.domain.errors import DomainError, NotFound
from serialdesk.domain.scan import (
    Catalogue,
    ProductRef,
    ScanKind,
    classify_scan,
    gtin14,
    gtin_candidates,
    parse_gs1,
    split_symbology,
)

GS = "\x1d"
DRILL = ProductRef("DRL-18V", "Cordless drill 18 V", gtin="09506000134352", serial_regex=r"[A-Z0-9-]{3,20}")
SAW = ProductRef("SAW-7", "Circular saw", gtin="5901234123457")
SODA = ProductRef("SODA-1", "Soda crate", gtin="036000291452")  # a UPC-A stored as printed, 12 digits
MINT = ProductRef("MINT-1", "Mints", gtin="012345000065")  # its box carries the UPC-E 01234565
TAG = ProductRef("TAG-RF", "RFID tag", serial_case="preserve")


class FakeCatalogue:
    """Products found by the GTIN exactly as stored, or by SKU; records what was asked."""

    def __init__(self, *products: ProductRef) -> None:
        self.products = products
        self.gtin_lookups: list[str] = []

    def by_gtin(self, gtin: str) -> ProductRef | None:
        self.gtin_lookups.append(gtin)
        return next((p for p in self.products if p.gtin == gtin), None)

    def by_code(self, text: str) -> ProductRef | None:
        return next((p for p in self.products if p.sku == text.upper()), None)


def shop() -> FakeCatalogue:
    return FakeCatalogue(DRILL, SAW, SODA, MINT, TAG)


def refused(text: str, current: ProductRef | None = None, catalogue: Catalogue | None = None) -> DomainError:
    with pytest.raises(DomainError) as caught:
        classify_scan(text, catalogue or shop(), current)
    return caught.value


# --- GS1 ---------------------------------------------------------------------------------------------------

RAW = "0109506000134352" + "17261231" + "10L2406A" + GS + "21SN0042"


@pytest.mark.parametrize(
    "text",
    [
        RAW,  # a wedge scanner sending neither identifier nor FNC1
        GS + RAW,  # FNC1 in first position sent as GS
        "]C1" + RAW,  # GS1-128 with its AIM identifier
        "]d2" + RAW,  # GS1 DataMatrix
        "]Q3" + RAW,  # GS1 QR Code
        "(01)09506000134352(17)261231(10)L2406A(21)SN0042",  # typed from the printed line
        "(01) 09506000134352 (17) 261231 (10) L2406A (21) SN0042\r\n",
        "0109506000134352" + "21SN0042" + GS + "10L2406A" + GS + "17261231",  # any order
    ],
)
def test_a_gs1_label_gives_product_lot_serial_and_expiry_in_every_form(text: str) -> None:
    result = classify_scan(text, shop(), current=SAW)
    assert result.kind is ScanKind.GS1
    assert (result.product, result.gtin, result.lot, result.serial) == (DRILL, "09506000134352", "L2406A", "SN0042")
    assert result.expiry == date(2026, 12, 31)


def test_the_symbology_identifier_is_kept_with_the_result() -> None:
    assert classify_scan("]C1" + RAW, shop()).symbology_id == "]C1"


def test_an_expiry_day_00_means_the_last_day_of_the_month() -> None:
    assert classify_scan("(01)09506000134352(17)260200(21)SN1", shop()).expiry == date(2026, 2, 28)


def test_a_gs1_serial_is_normalised_by_the_products_rules() -> None:
    assert classify_scan("(01)09506000134352(21)sn-0042", shop()).serial == "SN-0042"
    with pytest.raises(DomainError) as caught:
        classify_scan("(01)09506000134352(21)S", shop())
    assert caught.value.code == "serial_format"


@pytest.mark.parametrize(
    "text",
    [
        "0109506000134352" + "10ABC" + "21XYZ",  # the lot swallowed the serial
        "]C1" + "0109506000134352" + "10ABC" + "21XYZ",
        GS + "0109506000134352" + "10ABC" + "21XYZ",
        "]d2" + "0109506000134352" + "21XYZ" + "17261231",  # the serial swallowed the expiry date
        "]C1" + "10ABC" + "0109506000134352",  # the lot swallowed the GTIN
    ],
)
def test_a_gs1_scan_whose_separator_was_lost_is_refused(text: str) -> None:
    error = refused(text, current=DRILL)
    assert error.code == "gs1_separator_lost"
    assert "dropped a field separator" in error.message and "GS" in error.message


def test_the_lost_separator_message_names_the_swallowed_field() -> None:
    error = refused("0109506000134352" + "10ABC" + "21XYZ")
    assert "lot number reads 'ABC21XYZ'" in error.message and "serial number ('21XYZ')" in error.message
    assert error.details == {"field": "10", "value": "ABC21XYZ", "swallowed": "21XYZ"}


@pytest.mark.parametrize(
    "text",
    [
        "0109506000134352" + "10L2106" + GS + "21SN2117",  # separators present: "21" inside values is data
        "0109506000134352" + "17261231" + "21SN-1710-0042",  # the serial is last: nothing to swallow
        "(01)09506000134352(10)AB21CD(21)XYZ",  # parentheses cannot lose a separator
    ],
)
def test_field_values_that_merely_contain_ai_digits_are_accepted(text: str) -> None:
    assert classify_scan(text, shop()).kind is ScanKind.GS1


@pytest.mark.parametrize(
    "text", ["0109506000134353" + "10L1" + GS + "21SN1", "(01)09506000134353(21)SN1", "]C1010950600013435321X"]
)
def test_a_gs1_gtin_with_a_wrong_check_digit_is_refused(text: str) -> None:
    error = refused(text)
    assert error.code == "bad_gtin_check" and "wrong check digit" in error.message


def test_a_gs1_label_of_an_unknown_gtin_keeps_its_fields_and_says_so() -> None:
    result = classify_scan("(01)04012345678901(10)B7(21)aB-9", shop(), current=DRILL)
    assert result.kind is ScanKind.GS1 and result.product is None
    assert (result.gtin, result.lot, result.serial) == ("04012345678901", "B7", "aB-9")  # GS1 serials keep case
    assert "04012345678901" in result.note


def test_a_gs1_serial_without_gtin_belongs_to_the_current_product() -> None:
    assert classify_scan("]C1" + "21sn-77", shop(), current=DRILL).serial == "SN-77"
    assert refused("]C1" + "21sn-77").code == "no_current_product"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("(01)09506000134352(21)A(21)B", "gs1_conflict"),
        ("(17)261231", "gs1_nothing_useful"),
        ("]C1" + "99", "gs1_unreadable"),
        ("(01)0950600013435", "gs1_unreadable"),
        ("(17)261399(21)X1", "gs1_unreadable"),  # no 99th of December
        ("AB" + GS + "CD", "gs1_unreadable"),
    ],
)
def test_broken_gs1_scans_are_refused_with_a_reason(text: str, code: str) -> None:
    assert refused(text, current=DRILL).code == code


def test_parse_gs1_gives_every_field_for_parse_scan() -> None:
    fields = parse_gs1("]C1" + RAW)
    assert fields.elements == (("01", "09506000134352"), ("17", "261231"), ("10", "L2406A"), ("21", "SN0042"))
    assert (fields.gtin, fields.lot, fields.serial, fields.expiry) == (
        "09506000134352",
        "L2406A",
        "SN0042",
        date(2026, 12, 31),
    )
    with pytest.raises(DomainError) as caught:
        parse_gs1("SN-0042")
    assert caught.value.code == "not_gs1"


# --- product barcodes -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("5901234123457", SAW),  # EAN-13 stored as printed
        ("]E0" + "5901234123457", SAW),
        ("09506000134352", DRILL),  # GTIN-14 as stored
        ("9506000134352", DRILL),  # its EAN-13 form; the catalogue stores the GTIN-14
        ("036000291452", SODA),  # UPC-A as a wedge types it
        ("]E0" + "0036000291452", SODA),  # UPC-A as the camera decoder gives it
        ("01234565", MINT),  # UPC-E as printed; the catalogue has the UPC-A
        ("]E0" + "0012345000065", MINT),  # UPC-E as the camera decoder gives it
        ("saw-7", SAW),  # the SKU
    ],
)
def test_a_known_product_barcode_or_sku_switches_the_product(text: str, product: ProductRef) -> None:
    result = classify_scan(text, shop(), current=DRILL)
    assert (result.kind, result.product) == (ScanKind.PRODUCT, product)


def test_a_gtin_is_looked_up_in_each_form_it_may_be_stored_in() -> None:
    catalogue = shop()
    classify_scan("036000291452", catalogue, current=DRILL)
    assert catalogue.gtin_lookups == ["00036000291452", "0036000291452", "036000291452"]


def test_an_ean_symbol_nobody_has_is_refused_not_taken_as_a_serial() -> None:
    error = refused("]E0" + "4006381333931", current=DRILL)
    assert error.code == "unknown_product_barcode" and "4006381333931" in error.message


def test_an_ean_symbol_with_a_wrong_check_digit_is_refused() -> None:
    assert refused("]E0" + "4006381333932", current=DRILL).code == "bad_gtin_check"


def test_an_unknown_gtin_typed_without_identifier_is_never_a_serial() -> None:
    error = refused("4006381333931", current=DRILL)  # DRILL's loose format would take it
    assert isinstance(error, NotFound) and error.code == "unknown_product_barcode"
    assert "Unknown product barcode 4006381333931" in error.message and error.details["gtin"] == "04006381333931"


def test_a_gtin_shaped_serial_made_here_with_its_check_character_stays_a_serial() -> None:
    numbered = ProductRef("NUM-1", "Numbered", serial_pattern="{SEQ:12}{CHK:luhn}")
    serial = "0000000000109"  # sequence 10 with its Luhn digit — and a valid EAN-13
    assert gtin_candidates(serial)
    assert classify_scan(serial, shop(), current=numbered).serial == serial


@pytest.mark.parametrize("text", ["(01)09506000134352(21)BP 0001", "010950600013435221BP 0001"])
def test_a_space_inside_a_gs1_value_is_refused_not_dropped(text: str) -> None:
    assert refused(text).code == "gs1_space"


def test_spaces_between_hri_fields_are_layout() -> None:
    assert classify_scan("(01) 09506000134352 (21) BP0001", shop()).serial == "BP0001"


# --- serials ----------------------------------------------------------------------------------------------


def test_anything_else_is_a_serial_of_the_current_product_normalised() -> None:
    result = classify_scan("  sn-0042\r\n", shop(), current=DRILL)
    assert (result.kind, result.product, result.serial, result.note) == (ScanKind.SERIAL, DRILL, "SN-0042", "")


def test_a_serial_keeps_its_case_where_the_product_says_so() -> None:
    assert classify_scan("]C0" + "aB-9x", shop(), current=TAG).serial == "aB-9x"


def test_a_serial_before_any_product_asks_for_the_product_first() -> None:
    error = refused("SN-0042")
    assert error.code == "no_current_product" and error.message.startswith("Scan the product barcode first")


def test_a_serial_against_the_products_format_is_refused() -> None:
    assert refused("SN 1", current=DRILL).code == "serial_bad_characters"
    assert refused("AB", current=DRILL).code == "serial_format"


def test_the_products_own_serial_check_is_applied_to_the_normalised_serial() -> None:
    calls: list[tuple[str, str]] = []

    def check(product: ProductRef, serial: str) -> None:
        calls.append((product.sku, serial))
        if not serial.endswith("7"):
            raise DomainError(f"The check digit of {serial} is wrong.", code="bad_check_digit")

    assert classify_scan("l2406a-00017", shop(), DRILL, check).serial == "L2406A-00017"
    with pytest.raises(DomainError) as caught:
        classify_scan("L2406A-00018", shop(), DRILL, check)
    assert caught.value.code == "bad_check_digit"
    assert calls == [("DRL-18V", "L2406A-00017"), ("DRL-18V", "L2406A-00018")]


@pytest.mark.parametrize("text", ["", "   ", "\r\n", "]C1", GS, "]C1" + GS + "\r"])
def test_an_empty_scan_is_refused(text: str) -> None:
    assert refused(text, current=DRILL).code == "empty_scan"


def test_as_dict_is_the_parse_scan_json_answer() -> None:
    assert classify_scan("]C1" + RAW, shop()).as_dict() == {
        "kind": "gs1",
        "text": RAW,
        "symbology_id": "]C1",
        "sku": "DRL-18V",
        "product": "Cordless drill 18 V",
        "gtin": "09506000134352",
        "lot": "L2406A",
        "serial": "SN0042",
        "expiry": "2026-12-31",
        "note": "",
        "weight_kg": None,  # only variable-measure items (AI 310n/320n) have one
    }


def test_split_symbology_and_gtin_helpers() -> None:
    assert split_symbology(" ]Q3" + RAW + "\r") == ("]Q3", RAW)
    assert split_symbology("SN-1") == ("", "SN-1")
    assert gtin14("96385074") == "00000096385074"
    assert gtin_candidates("96385074") == ["00000096385074"]  # a valid EAN-8; not a valid UPC-E
    assert gtin_candidates("01234565") == ["00000001234565", "00012345000065"]  # valid as EAN-8 and as UPC-E
    assert gtin_candidates("01234531") == ["00012300000451"]  # only valid as a UPC-E
    assert gtin_candidates("5901234123458") == [] and gtin_candidates("SN-1") == []


# --- fuzzing ------------------------------------------------------------------------------------------------

gs1_ish = st.lists(
    st.sampled_from(["01", "10", "17", "21", "11", "15", "(", ")", GS, "]C1", "]E0", "]d2", "0", "9", "A", "-", " "])
    | st.text(max_size=4),
    max_size=25,
).map("".join)


gs1_shaped = st.from_regex(
    r"(\]C1|\x1d)?(01[0-9]{14})?(17[0-9]{6})?(10[A-Z0-9]{1,6})?\x1d?(21[A-Z0-9]{1,8})?", fullmatch=True
)


@settings(max_examples=max(2000, settings.default.max_examples), deadline=None)  # make fuzz goes deeper
@given(text=st.text(max_size=80) | gs1_ish | gs1_shaped, current=st.sampled_from([None, DRILL, TAG]))
def test_any_text_is_classified_or_refused_with_a_domain_error(text: str, current: ProductRef | None) -> None:
    try:
        result = classify_scan(text, shop(), current)
    except DomainError as error:
        assert error.message and error.code
    else:
        assert result.kind in ScanKind


field_value = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-", min_size=1, max_size=20)


@settings(max_examples=max(300, settings.default.max_examples), deadline=None)  # make fuzz goes deeper
@given(lot=field_value, serial=field_value.filter(lambda s: len(s) >= 3), prefix=st.sampled_from(["", "]C1", GS]))
def test_a_gs1_label_reads_the_same_raw_and_in_parentheses(lot: str, serial: str, prefix: str) -> None:
    raw = classify_scan(prefix + "0109506000134352" + "10" + lot + GS + "21" + serial, shop())
    hri = classify_scan(f"(01)09506000134352(10){lot}(21){serial}", shop())
    assert (raw.product, raw.lot, raw.serial) == (hri.product, hri.lot, hri.serial) == (DRILL, lot, serial)


# --- GS1 Digital Link (issue 16) ---------------------------------------------------------------------------


@pytest.mark.parametrize("uri", [
    "https://id.gs1.org/01/09506000134352/10/ABC1/21/SN%2F001?17=261231",
    "http://resolver.example.com/some/prefix/01/09506000134352/10/ABC1/21/SN%2F001?17=261231",
    "https://id.gs1.org/01/09506000134352/21/SN%2F001?10=ABC1&17=261231",
    "]Q1https://id.gs1.org/01/9506000134352/10/ABC1/21/SN%2F001?17=261231",  # a GTIN-13 in the path
])
def test_a_digital_link_reads_as_gtin_lot_serial_and_expiry(uri: str) -> None:
    battery = ProductRef("BAT-GS", "Battery pack", gtin="09506000134352")
    result = classify_scan(uri, FakeCatalogue(battery, TAG))
    assert (result.kind, result.product, result.gtin) == (ScanKind.GS1, battery, "09506000134352")
    assert (result.lot, result.serial, result.expiry) == ("ABC1", "SN/001", date(2026, 12, 31))


def test_a_digital_link_serial_keeps_the_case_the_product_keeps() -> None:
    tag = ProductRef("TAG-RF", "RFID tag", gtin="5901234123457", serial_case="preserve")
    result = classify_scan("https://id.gs1.org/01/05901234123457/21/aB%2Bc", FakeCatalogue(tag))
    assert result.serial == "aB+c"


def test_a_compressed_digital_link_is_refused_in_words() -> None:
    with pytest.raises(DomainError) as caught:
        classify_scan("https://id.gs1.org/AQnYUc1gmiN0qsYkJgAJhD", FakeCatalogue(DRILL), DRILL)
    assert caught.value.code == "digital_link_compressed"


def test_an_ordinary_web_address_is_not_taken_for_a_digital_link() -> None:
    with pytest.raises(DomainError) as caught:  # what it was before: a serial, and ':' is no serial character
        classify_scan("https://shop.example/about", FakeCatalogue(TAG), TAG)
    assert caught.value.code == "serial_bad_characters"


def test_a_digital_link_made_by_us_reads_back_to_the_same_unit() -> None:
    from serialdesk.domain.scan import digital_link

    uri = digital_link("9506000134352", "SN/0+01&x?", "L%1", base="https://example.com/dl/")
    assert uri == "https://example.com/dl/01/09506000134352/10/L%251/21/SN%2F0%2B01%26x%3F"
    fields = parse_gs1(uri)
    assert (fields.gtin, fields.lot, fields.serial) == ("09506000134352", "L%1", "SN/0+01&x?")
