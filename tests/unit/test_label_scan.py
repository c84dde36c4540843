"""Several codes from one photo of a box: which is the product, the serial, the lot (domain.label_scan)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from serialdesk.domain.label_scan import classify_label
from serialdesk.domain.scan import ProductRef, classify_scan

GS = "\x1d"
DRILL = ProductRef("DRL-18V", "Cordless drill 18V", "4006381333931", serial_regex=r"SN\d{4}")


class Shop:
    def by_gtin(self, gtin: str) -> ProductRef | None:
        return DRILL if gtin.lstrip("0") == "4006381333931" else None

    def by_code(self, text: str) -> ProductRef | None:
        return DRILL if text.upper() == "DRL-18V" else None


def test_a_box_with_an_ean_a_serial_and_a_lot_label_gives_product_serial_and_lot() -> None:
    reading = classify_label(["]E04006381333931", "]C0SN0042", "]A0LOT L2406A"], Shop())
    assert (reading.product, reading.serial, reading.lot) == (DRILL, "SN0042", "L2406A")
    assert reading.roles == ("product", "serial", "lot")


def test_the_order_of_the_codes_does_not_decide_the_product() -> None:
    reading = classify_label(["]C0SN0042", "LOT: L2406A", "]E04006381333931"], Shop())
    assert (reading.product, reading.serial, reading.lot) == (DRILL, "SN0042", "L2406A")
    assert reading.roles == ("serial", "lot", "product")


def test_a_second_serial_like_code_is_shown_but_not_taken() -> None:
    reading = classify_label(["]E04006381333931", "]C0SN0042", "]C0SN0043"], Shop())
    assert reading.serial == "SN0042" and reading.roles == ("product", "serial", "")
    assert any("SN0043" in note for note in reading.notes)


def test_a_code_that_breaks_the_products_serial_rules_is_not_taken_for_its_serial() -> None:
    reading = classify_label(["]E04006381333931", "]C0MADE-IN-DE", "]C0SN0042"], Shop())
    assert reading.serial == "SN0042" and reading.roles == ("product", "", "serial")


def test_a_gs1_databar_expanded_gives_gtin_lot_expiry_and_weight() -> None:
    text = "]e00104006381333931" + "3103001750" + "17261231" + "10L2406A" + GS + "21SN0042"
    reading = classify_label([text], Shop())
    assert (reading.product, reading.lot, reading.serial, reading.expiry) == (
        DRILL,
        "L2406A",
        "SN0042",
        date(2026, 12, 31),
    )
    assert reading.weight_kg == Decimal("1.750") and reading.roles == ("gs1",)
    assert classify_scan(text, Shop()).weight_kg == Decimal("1.750")


def test_a_weight_in_pounds_is_given_in_kilograms() -> None:
    assert classify_scan("]e001040063813339313202000100", Shop()).weight_kg == Decimal("0.454")


def test_a_upc_e_finds_the_product_stored_under_its_upc_a() -> None:
    class UpcShop(Shop):
        def by_gtin(self, gtin: str) -> ProductRef | None:
            return DRILL if gtin == "012345000065" else None

    assert classify_label(["]E00012345000065", "]C0SN0042"], UpcShop()).roles == ("product", "serial")
    assert classify_scan("01234565", UpcShop()).product == DRILL  # the 8 digits, as a wedge scanner types them


def test_without_any_product_the_serial_is_not_taken_and_the_reason_is_given() -> None:
    reading = classify_label(["]C0SN0042"], Shop())
    assert reading.product is None and reading.serial is None and reading.roles == ("",)
    assert "product barcode first" in reading.notes[0]
