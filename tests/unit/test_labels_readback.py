"""Printed labels scan back: every symbology on every layout, rendered to PDF at printer resolution,
rasterised by poppler (``pdftoppm``) at 203 and 300 dpi, then decoded by zxing-cpp (and zbar for Code 128).

"Mildly degraded" is a slightly soft camera and a little sensor noise: Gaussian blur σ = 0.6 px, then
Gaussian noise σ = 4 grey levels (seeded, so a failure reproduces). Every label must read back, clean and
degraded, at both raster resolutions; for Code 128 both engines must, except zxing-cpp on degraded bars
resampled to a foreign grid (see the test), where zbar is the engine that must.
"""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp
from pyzbar import pyzbar

from serialdesk.labels import LabelData, render_labels
from serialdesk.labels.layout import A4_3X8, mm_to_dots

pytestmark = pytest.mark.usefixtures("qapp")  # a real QApplication first, so the labels never make their own

SERIALS = ["L2406A-00017-3", "SN000000175", "DRL-18V2406000017", "A1b2.C3/D4+E5#F6"]
LABELS = [
    LabelData(SERIALS[0], "DRL-18V", "Cordless drill 18 V brushless, 2 batteries, case", "L2406A", Decimal("129.90")),
    LabelData(SERIALS[1], "SAW-190", "Circular saw 190 mm", "L2406B"),
    LabelData(SERIALS[2], "DRL-18V", "Cordless drill 18 V", None, "€ 99.00"),
    LabelData(SERIALS[3], "MTR-1", "Multimeter", "LOT-7"),
]


def rasterise(pdf: Path, dpi: int, height_mm: float | None = None) -> list[np.ndarray]:
    """Each page as a grey image; ``height_mm`` crops to the top of the page (faster on a sparse A4 sheet)."""
    prefix = pdf.with_name(f"{pdf.stem}-{dpi}")
    crop = ["-x", "0", "-y", "0", "-W", "100000", "-H", str(mm_to_dots(height_mm, dpi))] if height_mm else []
    subprocess.run(["pdftoppm", "-gray", "-png", "-r", str(dpi), *crop, str(pdf), str(prefix)], check=True)
    pages = sorted(pdf.parent.glob(f"{prefix.name}-*.png"))
    assert pages, f"pdftoppm made no pages from {pdf}"
    return [read_grey(page) for page in pages]


def read_grey(path: Path) -> np.ndarray:
    image = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    assert image is not None, f"{path} is not an image"
    return image


def mildly_degraded(image: np.ndarray, seed: int = 7) -> np.ndarray:
    blurred = cv2.GaussianBlur(image, (0, 0), 0.6)
    noise = np.random.default_rng(seed).normal(0, 4, image.shape)
    return np.clip(blurred + noise, 0, 255).astype(np.uint8)


def zxing_texts(images: list[np.ndarray]) -> list[str]:
    return sorted(code.text for image in images for code in zxingcpp.read_barcodes(image))


def zbar_texts(images: list[np.ndarray]) -> list[str]:
    found = (pyzbar.decode(image, symbols=[pyzbar.ZBarSymbol.CODE128]) for image in images)
    return sorted(code.data.decode() for codes in found for code in codes)


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("symbology", ["code128", "datamatrix", "qr"])
@pytest.mark.parametrize("layout", ["roll-62x29", "a4-3x8"])
def test_every_label_scans_back_with_its_exact_serial(tmp_path: Path, layout: str, symbology: str, dpi: int) -> None:
    pdf = tmp_path / "labels.pdf"
    render_labels(LABELS, layout=layout, symbology=symbology, fmt="pdf", out=pdf, dpi=dpi)
    # The four labels fill the first two rows of an A4 sheet: 2 × 37 mm + the 0.5 mm top margin.
    height = 75.0 if layout == "a4-3x8" else None
    for raster_dpi in (203, 300):  # the printer's own grid, and the other common one
        images = rasterise(pdf, raster_dpi, height)
        degraded = [mildly_degraded(image) for image in images]
        where = f"printed at {dpi} dpi, rasterised at {raster_dpi} dpi"
        assert zxing_texts(images) == sorted(SERIALS), where
        if symbology != "code128":
            assert zxing_texts(degraded) == sorted(SERIALS), f"{where}, degraded"
            continue
        assert zbar_texts(images) == sorted(SERIALS), where
        assert zbar_texts(degraded) == sorted(SERIALS), f"{where}, degraded"
        if raster_dpi == dpi:
            # zxing-cpp also reads blurred bars on the printer's own grid. Resampled from 300 to 203 dpi a
            # 3-dot module is 2.03 px with grey edges, at zxing's limit once blurred: zbar (above) reads those.
            assert zxing_texts(degraded) == sorted(SERIALS), f"{where}, degraded"


def test_png_labels_scan_back_one_file_per_roll_label(tmp_path: Path) -> None:
    result = render_labels(LABELS, layout="roll-62x29", symbology="code128", fmt="png", out=tmp_path / "l.png", dpi=203)
    assert [f.name for f in result.files] == ["l-001.png", "l-002.png", "l-003.png", "l-004.png"]
    images = [read_grey(f) for f in result.files]
    assert all(image.shape == (mm_to_dots(29, 203), mm_to_dots(62, 203)) for image in images)
    assert zxing_texts(images) == sorted(SERIALS)
    assert zbar_texts([mildly_degraded(image) for image in images]) == sorted(SERIALS)


@pytest.mark.parametrize("symbology", ["datamatrix", "qr"])
def test_a_png_sheet_scans_back(tmp_path: Path, symbology: str) -> None:
    result = render_labels(LABELS, layout="a4-3x8", symbology=symbology, fmt="png", out=tmp_path / "sheet.png")
    assert [f.name for f in result.files] == ["sheet.png"]
    (image,) = [read_grey(f) for f in result.files]
    assert image.shape == (mm_to_dots(297, 300), mm_to_dots(210, 300))
    assert zxing_texts([mildly_degraded(image)]) == sorted(SERIALS)


def _slot_at(code: zxingcpp.Barcode, dpi: int) -> int:
    centre_x = sum(p.x for p in (code.position.top_left, code.position.bottom_right)) / 2
    centre_y = sum(p.y for p in (code.position.top_left, code.position.bottom_right)) / 2
    column = int(centre_x / mm_to_dots(A4_3X8.pitch_x, dpi))
    row = int((centre_y - mm_to_dots(A4_3X8.top_margin, dpi)) / mm_to_dots(A4_3X8.pitch_y, dpi))
    return row * A4_3X8.columns + column


def test_a_half_used_sheet_is_printed_from_the_first_free_label_on(tmp_path: Path) -> None:
    pdf = tmp_path / "sheet.pdf"
    result = render_labels(LABELS, layout="a4-3x8", symbology="qr", fmt="pdf", out=pdf, start_position=22)
    assert result.pages == 2
    first, second = rasterise(pdf, 150)
    assert {c.text: _slot_at(c, 150) for c in zxingcpp.read_barcodes(first)} == {SERIALS[0]: 22, SERIALS[1]: 23}
    assert {c.text: _slot_at(c, 150) for c in zxingcpp.read_barcodes(second)} == {SERIALS[2]: 0, SERIALS[3]: 1}


@pytest.mark.parametrize(
    ("symbology", "element_string"),
    [
        # GS1-128 is long: a GTIN and a short numeric serial is what fits a 62 mm label.
        ("code128", "(01)09521234543213(21)10017"),
        ("datamatrix", "(01)09521234543213(10)L2406A(21)10017"),
    ],
)
def test_gs1_content_scans_back_as_gs1_with_the_serial_in_ai_21(
    tmp_path: Path, symbology: str, element_string: str
) -> None:
    label = LabelData("10017", "DRL-18V", "Cordless drill", "L2406A", gs1=element_string)
    pdf = tmp_path / "gs1.pdf"
    render_labels([label], layout="roll-62x29", symbology=symbology, fmt="pdf", out=pdf, dpi=300)
    (code,) = zxingcpp.read_barcodes(rasterise(pdf, 300)[0])
    assert code.content_type == zxingcpp.ContentType.GS1
    assert code.text == element_string
