"""Labels carry a GS1 Digital Link QR (issue 16) that our own decoder reads back to the same unit."""

from __future__ import annotations

from pathlib import Path

import pytest

from serialdesk.domain.scan import ProductRef, ScanKind, classify_scan, digital_link
from serialdesk.labels import LabelData, render_labels
from serialdesk.scanning.decode import decode_file

pytestmark = pytest.mark.usefixtures("qapp")

BATTERY = ProductRef("BAT-GS", "Battery pack", gtin="09506000134352", serial_case="preserve")


class Catalogue:
    def by_gtin(self, gtin: str) -> ProductRef | None:
        return BATTERY if gtin == BATTERY.gtin else None

    def by_code(self, text: str) -> ProductRef | None:
        return BATTERY if text.strip().upper() == BATTERY.sku else None


@pytest.mark.parametrize("serial", ["BP0001", "SN/001+a"])
def test_a_digital_link_qr_label_scans_back_to_the_same_unit(tmp_path: Path, serial: str) -> None:
    link = digital_link("9506000134352", serial, "L7", base="https://resolver.example.com/dl")
    label = LabelData(serial, "BAT-GS", "Battery pack", "L7", link=link)
    out = render_labels([label], layout="roll-62x29", symbology="qr", fmt="png", out=tmp_path / "label.png")
    codes = [code for file in out.files for code in decode_file(file)]
    assert [code.text for code in codes] == [link]
    result = classify_scan(codes[0].scan_text, Catalogue())
    assert (result.kind, result.product, result.serial, result.lot) == (ScanKind.GS1, BATTERY, serial, "L7")
