"""What "Use" on a photo hands a pane: scans the panes' own classifiers read back as the same product, serial, lot."""

from __future__ import annotations

from datetime import date

import pytest

from serialdesk.domain.label_scan import LabelReading
from serialdesk.domain.scan import ProductRef, ScanKind, classify_scan
from serialdesk.gui.photo_reading import unit_scan, use_scans

DRILL = ProductRef("DRL-18V", "Cordless drill 18V", gtin="4006381333931")
NO_GTIN = ProductRef("CABLE-5M", "Cable 5 m")


class Catalogue:
    def by_gtin(self, gtin: str) -> ProductRef | None:
        return DRILL if gtin.lstrip("0") == DRILL.gtin else None

    def by_code(self, text: str) -> ProductRef | None:
        return {p.sku: p for p in (DRILL, NO_GTIN)}.get(text.strip().upper())


def test_receiving_gets_one_gs1_scan_that_reads_back_as_product_serial_lot_and_expiry() -> None:
    label = LabelReading(DRILL, DRILL.gtin, "SN0042", "L2406A", date(2027, 5, 31))
    (scan,) = use_scans(label)
    assert scan == "]C1010400638133393117270531" + "10L2406A\x1d21SN0042"
    back = classify_scan(scan, Catalogue())
    assert (back.kind, back.product, back.serial, back.lot, back.expiry) == (
        ScanKind.GS1, DRILL, "SN0042", "L2406A", date(2027, 5, 31))


@pytest.mark.parametrize(("label", "scans"), [
    (LabelReading(DRILL, DRILL.gtin, "SN 0042 A"), ("DRL-18V", "SN 0042 A")),  # a space: no GS1 serial (AI 21)
    (LabelReading(DRILL, DRILL.gtin, "X" * 21), ("DRL-18V", "X" * 21)),  # longer than AI 21's 20 characters
    (LabelReading(NO_GTIN, None, "C-77"), ("CABLE-5M", "C-77")),  # no GTIN: the SKU chooses the product
    (LabelReading(NO_GTIN), ("CABLE-5M",)),
    (LabelReading(None, None, "SN9"), ("SN9",)),  # the current product's serial
    (LabelReading(), ()),
])  # fmt: skip
def test_receiving_falls_back_to_the_sku_then_the_serial(label: LabelReading, scans: tuple[str, ...]) -> None:
    assert use_scans(label) == scans


def test_sales_and_service_get_sku_colon_serial_and_nothing_without_a_serial() -> None:
    assert unit_scan(LabelReading(DRILL, DRILL.gtin, "SN0042", "L2406A")) == ("DRL-18V:SN0042",)
    assert unit_scan(LabelReading(None, None, "SN0042")) == ("SN0042",)
    assert unit_scan(LabelReading(DRILL, DRILL.gtin)) == ()
