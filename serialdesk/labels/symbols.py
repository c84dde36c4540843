"""Barcode symbols as module grids, all from zxing-cpp's writer (Code 128 and GS1-128, DataMatrix, QR). Painting
them is the renderers' job; here a symbol is only rows of dark/light modules.

Until issue 18, QR came from segno and Code 128 from python-barcode: segno's pure-Python choice of the mask (all
eight evaluated per symbol) cost 1.2 s of CPU per 1,000 labels, python-barcode 0.2 s; zxing-cpp does both in C++
in a tenth of that, and is the library the project reads every symbol back with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

import zxingcpp

from serialdesk.domain.errors import DomainError


class Symbology(StrEnum):
    CODE128 = "code128"
    DATAMATRIX = "datamatrix"
    QR = "qr"


# Quiet zones in modules, each side: ISO/IEC 15417 asks 10X for Code 128, ISO/IEC 18004 4X for QR.
# DataMatrix needs 1X (ISO/IEC 16022); 2X costs little and forgives a sloppy cut or a smudge.
QUIET_ZONE = {Symbology.CODE128: 10, Symbology.DATAMATRIX: 2, Symbology.QR: 4}


@dataclass(frozen=True)
class Symbol:
    """An encoded symbol: ``rows`` of '1' (dark) / '0' (light) modules, without the quiet zone."""

    symbology: Symbology
    data: str  # what a scanner reads back (GS1 content in HRI form with parentheses)
    rows: tuple[str, ...]
    gs1: bool = False

    @property
    def is_linear(self) -> bool:
        return self.symbology is Symbology.CODE128

    @property
    def width(self) -> int:
        return len(self.rows[0])

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def quiet_zone(self) -> int:
        return QUIET_ZONE[self.symbology]


def symbology_named(name: str) -> Symbology:
    """The symbology called ``name``; DomainError listing the choices otherwise."""
    try:
        return Symbology(name)
    except ValueError:
        choices = ", ".join(s.value for s in Symbology)
        raise DomainError(
            f"Unknown symbology '{name}'; choose one of {choices}.", code="labels_bad_symbology"
        ) from None


def dark_runs(row: str) -> list[tuple[int, int]]:
    """(start, length) of each run of dark modules in a row — one rectangle per run when painting."""
    return [(m.start(), m.end() - m.start()) for m in re.finditer("1+", row)]


_GS1_PAIR = re.compile(r"\((\d{2,4})\)([^()]+)")
# AIs whose data length is fixed by the standard (GS1 General Specifications, table of predefined-length
# indicators, by the AI's first two digits): no FNC1 separator is needed after them.
_PREDEFINED_LENGTH = {
    "00", "01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
    "31", "32", "33", "34", "35", "36", "41",
}  # fmt: skip


def gs1_pairs(element_string: str) -> list[tuple[str, str]]:
    """Split a GS1 element string in HRI form, ``(01)09521234543213(21)ABC``, into (AI, value) pairs."""
    pairs = _GS1_PAIR.findall(element_string)
    if not pairs or "".join(f"({ai}){value}" for ai, value in pairs) != element_string:
        raise DomainError(
            f"'{element_string}' is not a GS1 element string like (01)09521234543213(21)ABC123.",
            code="labels_bad_gs1",
        )
    return pairs


def gs1_fields(element_string: str) -> list[tuple[str, str, bool]]:
    """(AI, value, separator needed after it) for each field: an FNC1/GS separator follows every
    variable-length field except the last."""
    pairs = gs1_pairs(element_string)
    return [
        (ai, value, ai[:2] not in _PREDEFINED_LENGTH and index < len(pairs) - 1)
        for index, (ai, value) in enumerate(pairs)
    ]


def _gs1_128_payload(element_string: str) -> str:
    import barcode.codex

    fnc1 = barcode.codex.Gs1_128.FNC1_CHAR
    return "".join(ai + value + (fnc1 if separated else "") for ai, value, separated in gs1_fields(element_string))


def _code128(data: str, gs1: bool) -> Symbol:
    # zxing-cpp's writer (C++, its subsets chosen for the shortest symbol; GS1-128 from the HRI form, FNC1 where
    # the standard needs it); python-barcode only for what zxing-cpp refuses, so such a serial fails as before.
    try:
        created = zxingcpp.create_barcode(data, zxingcpp.BarcodeFormat.Code128, gs1=gs1)
    except (ValueError, RuntimeError):
        import barcode

        payload = _gs1_128_payload(data) if gs1 else data
        modules = barcode.get("gs1_128" if gs1 else "code128", payload).build()[0]
        return Symbol(Symbology.CODE128, data, (modules,), gs1)
    return Symbol(Symbology.CODE128, data, _grid(created)[:1], gs1)  # its image repeats the one row of bars


_DARK_LIGHT = bytes.maketrans(b"\x00\xff", b"10")  # zxing-cpp's 1-module image: 0 dark, 255 light


def _grid(created: zxingcpp.Barcode) -> tuple[str, ...]:
    """The module rows of a symbol zxing-cpp wrote, as '1'/'0' text (one byte per module, no quiet zone)."""
    image = memoryview(created.to_image(scale=1, add_quiet_zones=False))  # type: ignore[arg-type]
    height, width = image.shape or (0, 0)  # its buffer is 2-D, rows × columns
    text = image.tobytes().translate(_DARK_LIGHT).decode("ascii")
    return tuple(text[row * width : (row + 1) * width] for row in range(height))


def _datamatrix(data: str, gs1: bool) -> Symbol:
    # Square symbols: the label reserves a square for the 2D code; rectangular ones would waste it.
    try:
        created = zxingcpp.create_barcode(data, zxingcpp.BarcodeFormat.DataMatrix, gs1=gs1, force_square=True)
    except (ValueError, RuntimeError) as exc:
        raise DomainError(f"'{data}' cannot be encoded as DataMatrix: {exc}.", code="labels_encode") from None
    return Symbol(Symbology.DATAMATRIX, data, _grid(created), gs1)


def _qr(data: str) -> Symbol:
    # BarcodeFormat.QRCode is QR model 2 only, never a Micro QR (which many phone and handheld scanners refuse);
    # error correction M (15 % of the symbol may be lost), the level ZPL's ^BQ prints too.
    try:
        created = zxingcpp.create_barcode(data, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    except (ValueError, RuntimeError) as exc:
        raise DomainError(f"'{data}' cannot be encoded as QR: {exc}.", code="labels_encode") from None
    return Symbol(Symbology.QR, data, _grid(created))


def encode(data: str, symbology: Symbology, *, gs1: bool = False) -> Symbol:
    """Encode ``data`` (a serial, or a GS1 element string in HRI form when ``gs1``) as a module grid."""
    if symbology is Symbology.CODE128:
        return _code128(data, gs1)
    if symbology is Symbology.DATAMATRIX:
        return _datamatrix(data, gs1)
    if gs1:
        raise DomainError(
            "GS1 content is printed as DataMatrix or Code 128 (GS1-128); a QR label carries the bare serial.",
            code="labels_gs1_qr",
        )
    return _qr(data)
