"""ZPL for Zebra printers: one ^XA…^XZ format per label, the printer's own barcode commands carrying the
exact serial, every field inside the 62 × 29 mm label at the printer's resolution."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from serialdesk.labels import LabelData, mm_to_dots, render_labels
from serialdesk.labels.symbols import Symbology, encode
from serialdesk.labels.zpl import escape_field

LABELS = [
    LabelData(
        "L2406A-00017-3", "DRL-18V", "Cordless drill 18 V brushless, 2 batteries, case", "L2406A", Decimal("129.9")
    ),
    LabelData("SN000000175", "SAW-190", "Saw ^ with ~ odd_chars", None, None),
    LabelData("A1b2.C3/D4+E5#F6", "MTR-1", "Multimeter", "LOT-7", "€ 12.00"),
]
FIELD = re.compile(r"\^FO(\d+),(\d+)(.*?)\^FS")


def zpl_formats(tmp_path: Path, symbology: str, dpi: int = 203, labels: list[LabelData] = LABELS) -> list[str]:
    out = tmp_path / "labels.zpl"
    result = render_labels(labels, layout="roll-62x29", symbology=symbology, fmt="zpl", out=out, dpi=dpi)
    assert result.files == (out,)
    text = out.read_text(encoding="utf-8")
    formats = re.findall(r"\^XA.*?\^XZ", text, flags=re.S)
    assert "".join(formats).count("^XA") == len(formats)  # no format nested in another
    assert re.sub(r"\^XA.*?\^XZ", "", text, flags=re.S).strip() == ""  # nothing outside the formats
    return formats


@pytest.mark.parametrize("dpi", [203, 300, 600])
@pytest.mark.parametrize(("symbology", "command"), [("code128", "^BC"), ("datamatrix", "^BX"), ("qr", "^BQ")])
def test_each_label_is_one_format_with_the_printers_own_symbol_carrying_the_serial(
    tmp_path: Path, symbology: str, command: str, dpi: int
) -> None:
    formats = zpl_formats(tmp_path, symbology, dpi)
    assert len(formats) == len(LABELS)
    width, height = mm_to_dots(62, dpi), mm_to_dots(29, dpi)
    for zpl, label in zip(formats, LABELS, strict=True):
        assert f"^PW{width}" in zpl and f"^LL{height}" in zpl
        assert "^CI28" in zpl  # UTF-8 text, so "€" prints
        (symbol,) = [f for f in FIELD.findall(zpl) if command in f[2]]
        data = symbol[2].split("^FD", 1)[1]
        assert data == (f"MA,{label.serial}" if symbology == "qr" else label.serial)
        # ^BY module width and ^BQ magnification accept 1–10 dots, even on a 600 dpi printer
        module = re.search(r"\^BY(\d+)|\^BXN,(\d+)|\^BQN,2,(\d+)", symbol[2])
        assert module is not None and 1 <= int(next(g for g in module.groups() if g)) <= 10
        for x, y, _ in FIELD.findall(zpl):
            assert 0 <= int(x) < width and 0 <= int(y) < height


def test_code128_bars_are_whole_dot_modules_and_stay_on_the_label(tmp_path: Path) -> None:
    width, height = mm_to_dots(62, 203), mm_to_dots(29, 203)
    for zpl, label in zip(zpl_formats(tmp_path, "code128"), LABELS, strict=True):
        x, y, rest = next(f for f in FIELD.findall(zpl) if "^BC" in f[2])
        module, bar_height = map(int, re.search(r"\^BY(\d+)\^BCN,(\d+),N,N,N,A", rest).groups())  # type: ignore[union-attr]
        assert module >= 2  # at 203 dpi, 2 dots (0.25 mm) is the narrowest module we print
        modules = encode(label.serial, Symbology.CODE128).width
        assert int(x) + modules * module <= width and int(y) + bar_height < height


def test_2d_symbols_are_pinned_to_the_planned_size_and_stay_on_the_label(tmp_path: Path) -> None:
    for zpl in zpl_formats(tmp_path, "datamatrix"):
        x, y, rest = next(f for f in FIELD.findall(zpl) if "^BX" in f[2])
        module, columns, rows = map(int, re.search(r"\^BXN,(\d+),200,(\d+),(\d+)", rest).groups())  # type: ignore[union-attr]
        assert columns == rows  # square symbols
        assert int(x) + columns * module <= mm_to_dots(62, 203)
        assert int(y) + rows * module <= mm_to_dots(29, 203)


def test_text_fields_show_name_sku_lot_serial_and_price_escaped_for_zpl(tmp_path: Path) -> None:
    first, second, third = zpl_formats(tmp_path, "qr")
    texts = [re.search(r"\^FD(.*)", f[2]).group(1) for f in FIELD.findall(first) if "^FH_" in f[2]]  # type: ignore[union-attr]
    assert "SKU DRL-18V" in texts and "Lot L2406A" in texts and "L2406A-00017-3" in texts and "129.90" in texts
    assert any(t.startswith("Cordless drill") for t in texts)
    assert "Saw _5E with _7E odd_5Fchars" in second  # ^ ~ _ would be read as commands or escapes
    assert "€ 12.00" in third


def test_gs1_content_uses_the_printers_gs1_modes(tmp_path: Path) -> None:
    label = LabelData("10017", "DRL-18V", "Drill", gs1="(01)09521234543213(10)L24_06(21)10017")
    (datamatrix,) = zpl_formats(tmp_path, "datamatrix", labels=[label])
    # FNC1 first, none after the fixed-length GTIN, one after the variable-length lot; "_" in data as _d095.
    assert "^FD_1010952123454321310L24_d09506_12110017^FS" in datamatrix
    short = LabelData("10017", "DRL-18V", "Drill", gs1="(01)09521234543213(21)10017")
    (code128,) = zpl_formats(tmp_path, "code128", labels=[short])
    assert ",N,N,N,D^FD(01)09521234543213(21)10017^FS" in code128  # mode D: GS1-128


def test_escape_field_hex_escapes_only_what_zpl_would_misread() -> None:
    assert escape_field("A^B~C_D-é") == "A_5EB_7EC_5FD-é"
