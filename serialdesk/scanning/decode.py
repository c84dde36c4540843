"""Read barcodes from a picture: zxing-cpp first, pyzbar as a second opinion, merged into one list.

Plain Python (numpy + OpenCV + the two decoders), no Qt. Both engines are restricted to the symbologies a shop
meets on boxes and rating plates, which is faster and avoids exotic false reads.

Normalised text, so the same symbol gives the same text whichever engine read it:

* GS1 content is raw: fields separated by GS (0x1D), no leading FNC1 (zbar drops it anyway); whether it is GS1
  is kept in ``is_gs1`` and in the AIM symbology identifier (``]C1`` GS1-128, ``]d2`` GS1 DataMatrix, ``]Q3``).
* EAN/UPC is the 13-digit form GS1 scanners transmit (UPC-A with a leading 0, UPC-E expanded), as zxing-cpp
  reports it; zbar's 12-digit UPC-A and 8-digit UPC-E are converted. EAN-8 stays 8 digits. A UPC-E also
  keeps its own 8 digits (``DecodedCode.upce``) and gives its 12-digit UPC-A (``upca``).
* GS1 DataBar (Omnidirectional, Limited, Expanded; zxing-cpp only) is GS1 content with the ``]e0`` identifier.

Still photos (``STILL_IMAGE``): when the plain passes read nothing, or only one lone EAN/UPC, variants of the
picture are read as well and the reads vote (variants.py, codes.py). Camera frames: region.RegionDecoder.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from ctypes import POINTER, c_uint, c_void_p, string_at
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import cv2
import numpy as np
import zxingcpp
from pyzbar import wrapper as zbar

from serialdesk.scanning.codes import DecodedCode, Read, bounds, merge, settled

__all__ = ["DecodeOptions", "DecodedCode", "decode_file", "decode_image", "expand_upce", "scan_image_files"]

Engine = Literal["zxing", "zbar", "both"]
ENGINES: tuple[Engine, ...] = ("zxing", "zbar", "both")


@dataclass(frozen=True)
class DecodeOptions:
    """How hard to look. Still photos can afford a thorough search; camera frames get another chance 30×/s."""

    try_rotate: bool = True  # also 90°/270° (zxing-cpp); zbar always scans both directions
    try_downscale: bool = True  # also search downscaled copies: finds big, blurry codes in photos
    try_invert: bool = True  # light-on-dark codes: rare on shop labels, costs ~25 % more time
    retry_half_size: bool = True  # zxing found nothing → one more pass at half size (read 2 more ean13-2 photos)
    zbar_only_when_zxing_empty: bool = False  # engine "both": ask zbar only if zxing read nothing
    zbar_half_size: bool = False  # zbar looks at a half-size copy: 3× faster on a 1280×720 frame
    binarizer: zxingcpp.Binarizer = zxingcpp.Binarizer.LocalAverage  # zxing-cpp's default
    # Nothing read → look again at prepared variants of the picture (scanning/variants.py); no variant is
    # started once this much CPU time has gone into the picture, plain passes included.
    variants_seconds: float = 0.0
    # A bigger picture is read at this size (0: as it is). A 12-megapixel phone photo costs 350–600 ms of CPU at
    # full size and 60–110 ms at 2048 px, and a code too small to read at 2048 px is rare in a photo of a label.
    max_side: int = 0


STILL_IMAGE = DecodeOptions(variants_seconds=0.11, max_side=2048)
# Measured on 1280×720 frames (CPU time, tests/bench): zxing-cpp 3–4 ms without its 90° pass (5–13 ms with it),
# zbar 7–36 ms at full size and 2–13 ms at half size. So zxing-cpp looks upright only and zbar, which scans
# both directions anyway (a label held sideways), looks at half size and only where zxing-cpp saw nothing.
# camera.RegionDecoder first looks around the last hit, which is cheaper still.
CAMERA_FRAME = DecodeOptions(
    try_rotate=False, try_invert=False, retry_half_size=False, zbar_only_when_zxing_empty=True, zbar_half_size=True
)


class UnreadableImage(ValueError):
    """The file is missing or is not an image OpenCV can read."""


# --- zxing-cpp ------------------------------------------------------------------------------------------

_F = zxingcpp.BarcodeFormat
_ZXING_FORMATS = zxingcpp.BarcodeFormats(
    [_F.Code128, _F.Code39, _F.EAN13, _F.EAN8, _F.UPCA, _F.UPCE, _F.ITF, _F.DataMatrix, _F.QRCode,
     _F.DataBar, _F.DataBarExp, _F.DataBarLtd]
)  # fmt: skip
_ZXING_NAMES = {
    "Code39Std": "Code39", "Code39Ext": "Code39", "ITF14": "ITF", "DataBarOmni": "DataBar", "DataBarStk": "DataBar",
    "DataBarStkOmni": "DataBar", "DataBarExp": "DataBarExpanded", "DataBarExpStk": "DataBarExpanded",
    "DataBarLtd": "DataBarLimited",
}  # fmt: skip


def zxing_reads(gray: np.ndarray, options: DecodeOptions) -> list[Read]:
    """zxing-cpp on the picture, and at half size if that found nothing (``retry_half_size``)."""
    reads = zxing_pass(gray, options, scale=1.0)
    if not reads and options.retry_half_size and min(gray.shape) >= 200:
        half = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
        reads = zxing_pass(half, options, scale=2.0)
    return reads


def zxing_pass(
    gray: np.ndarray, options: DecodeOptions, scale: float, offset: tuple[float, float] = (0.0, 0.0)
) -> list[Read]:
    barcodes = zxingcpp.read_barcodes(
        gray,
        formats=_ZXING_FORMATS,
        try_rotate=options.try_rotate,
        try_downscale=options.try_downscale,
        try_invert=options.try_invert,
        binarizer=options.binarizer,
        # Plain = the bytes as encoded, GS kept; the default (HRI) would render GS1 as "(01)…(21)…".
        text_mode=zxingcpp.TextMode.Plain,
    )
    reads = []
    for barcode in barcodes:
        fmt = barcode.format.name
        fmt = _ZXING_NAMES.get(fmt, fmt)
        corners = barcode.position
        points = (corners.top_left, corners.top_right, corners.bottom_right, corners.bottom_left)
        xs = [p.x * scale + offset[0] for p in points]
        ys = [p.y * scale + offset[1] for p in points]
        is_gs1 = barcode.content_type == zxingcpp.ContentType.GS1
        # A DataBar Expanded may end on a GS (zxing-cpp keeps the separator padding): not part of the data.
        text = barcode.text.rstrip("\x1d") if is_gs1 else barcode.text
        upce = (barcode.extra or {}).get("UPCE", "") if fmt == "UPCE" else ""
        reads.append(Read(text, fmt, barcode.symbology_identifier, is_gs1, bounds(xs, ys), upce, "zxing"))
    return reads


# --- zbar (through pyzbar's ctypes bindings) -------------------------------------------------------------
# pyzbar.decode() hides zbar's modifiers, and the GS1 modifier is the only way to know that a Code128/QR read
# by zbar started with FNC1. So we drive the scanner ourselves with pyzbar's published function wrappers.

_S = zbar.ZBarSymbol
_ZBAR_NAMES = {
    _S.CODE128: "Code128", _S.CODE39: "Code39", _S.EAN13: "EAN13", _S.EAN8: "EAN8",
    _S.UPCA: "UPCA", _S.UPCE: "UPCE", _S.I25: "ITF", _S.QRCODE: "QRCode",
}  # fmt: skip
_ZBAR_MOD_GS1 = 1 << 0  # zbar_modifier_e ZBAR_MOD_GS1
_Y800 = 0x30303859  # fourcc 'Y800': 8-bit grey
_zbar_symbol_get_modifiers = zbar.zbar_function("zbar_symbol_get_modifiers", c_uint, POINTER(zbar.zbar_symbol))


def zbar_reads(gray: np.ndarray, scale: float = 1.0, offset: tuple[float, float] = (0.0, 0.0)) -> list[Read]:
    scanner = zbar.zbar_image_scanner_create()
    image = zbar.zbar_image_create()
    try:
        # Disable everything, then enable the shop's symbologies (ISBN stays off: books read as EAN-13).
        zbar.zbar_image_scanner_set_config(scanner, 0, zbar.ZBarConfig.CFG_ENABLE, 0)
        for symbol in _ZBAR_NAMES:
            zbar.zbar_image_scanner_set_config(scanner, symbol, zbar.ZBarConfig.CFG_ENABLE, 1)
        pixels = np.ascontiguousarray(gray)  # stays referenced until the scan is done: zbar does not copy
        height, width = pixels.shape
        zbar.zbar_image_set_format(image, _Y800)
        zbar.zbar_image_set_size(image, width, height)
        zbar.zbar_image_set_data(image, c_void_p(pixels.ctypes.data), pixels.size, None)
        if zbar.zbar_scan_image(scanner, image) < 0:
            raise RuntimeError("zbar refused the image")
        return [_zbar_read(symbol, scale, offset) for symbol in _zbar_symbols(image)]
    finally:
        zbar.zbar_image_destroy(image)
        zbar.zbar_image_scanner_destroy(scanner)


def _zbar_symbols(image: Any) -> Iterable[Any]:
    symbol = zbar.zbar_image_first_symbol(image)
    while symbol:
        if symbol.contents.type in _ZBAR_NAMES:
            yield symbol
        symbol = zbar.zbar_symbol_next(symbol)


def _zbar_read(symbol: Any, scale: float, offset: tuple[float, float]) -> Read:
    kind = zbar.ZBarSymbol(symbol.contents.type)
    data = string_at(zbar.zbar_symbol_get_data(symbol), zbar.zbar_symbol_get_data_length(symbol))
    try:
        text = data.decode("utf-8")  # zbar hands QR text over as UTF-8
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # 1D codes carry single bytes
    is_gs1 = bool(_zbar_symbol_get_modifiers(symbol) & _ZBAR_MOD_GS1)
    fmt = _ZBAR_NAMES[kind]
    text, symbology_id = _zbar_normalised(fmt, text, is_gs1)
    count = zbar.zbar_symbol_get_loc_size(symbol)
    xs = [zbar.zbar_symbol_get_loc_x(symbol, i) * scale + offset[0] for i in range(count)] or [offset[0]]
    ys = [zbar.zbar_symbol_get_loc_y(symbol, i) * scale + offset[1] for i in range(count)] or [offset[1]]
    upce = data.decode("latin-1") if fmt == "UPCE" and len(data) == 8 else ""
    return Read(text, fmt, symbology_id, is_gs1, bounds(xs, ys), upce, "zbar")


def _zbar_normalised(fmt: str, text: str, is_gs1: bool) -> tuple[str, str]:
    """zbar's text in zxing-cpp's form, and the AIM identifier zxing-cpp would have reported."""
    if fmt == "UPCA" and len(text) == 12:
        return "0" + text, "]E0"
    if fmt == "UPCE" and len(text) == 8:
        return "0" + expand_upce(text), "]E0"
    if fmt == "EAN13":
        return text, "]E0"
    if fmt == "EAN8":
        return text, "]E4"
    if is_gs1 and fmt in ("Code128", "QRCode"):
        return text.lstrip("\x1d"), "]C1" if fmt == "Code128" else "]Q3"
    return text, ""  # zbar does not tell the modifier digit (check character, ECI…) of the others


def expand_upce(upce: str) -> str:
    """UPC-E (8 digits: number system, 6 data, check) → the UPC-A (12 digits) it stands for."""
    system, d, check = upce[0], upce[1:7], upce[7]
    last = d[5]
    if last in "012":
        body = d[0:2] + last + "0000" + d[2:5]
    elif last == "3":
        body = d[0:3] + "00000" + d[3:5]
    elif last == "4":
        body = d[0:4] + "00000" + d[4]
    else:
        body = d[0:5] + "0000" + last
    return system + body + check


# --- public API -------------------------------------------------------------------------------------------


def to_gray(image: np.ndarray) -> np.ndarray:
    """An 8-bit single-channel copy (or view) of a grey, BGR or BGRA image, as both engines want it."""
    if image.dtype != np.uint8:
        raise ValueError(f"expected an 8-bit image, got {image.dtype}")
    if image.ndim == 2:
        return np.ascontiguousarray(image)
    if image.ndim == 3 and image.shape[2] in (1, 3, 4):
        if image.shape[2] == 1:
            return np.ascontiguousarray(image[:, :, 0])
        code = cv2.COLOR_BGR2GRAY if image.shape[2] == 3 else cv2.COLOR_BGRA2GRAY
        return cv2.cvtColor(image, code)
    raise ValueError(f"expected a grey, BGR or BGRA image, got shape {image.shape}")


def decode_image(
    image: np.ndarray | str | os.PathLike[str],
    engine: Engine = "both",
    options: DecodeOptions = STILL_IMAGE,
) -> list[DecodedCode]:
    """Every barcode in ``image`` (a numpy grey/BGR/BGRA array or a file path), one entry per distinct text.

    Raises ValueError for an unknown engine or an unusable array, UnreadableImage for a file it cannot read.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown decoder engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if not isinstance(image, np.ndarray):
        return decode_file(image, engine, options)
    started = time.thread_time()
    gray = to_gray(image)
    if options.max_side and max(gray.shape) > options.max_side:
        factor = options.max_side / max(gray.shape)
        small = cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        return [_scaled(code, 1.0 / factor) for code in decode_image(small, engine, replace(options, max_side=0))]
    by_zxing = zxing_reads(gray, options) if engine in ("zxing", "both") else []
    ask_zbar = engine == "zbar" or (engine == "both" and not (options.zbar_only_when_zxing_empty and by_zxing))
    plain = by_zxing + (_zbar_plain(gray, options) if ask_zbar else [])
    found = merge(plain)
    if options.variants_seconds <= 0 or settled(found):
        return found
    from serialdesk.scanning.variants import look_closer  # variants.py imports this module

    return look_closer(gray, engine, options, plain, started=started)


def _scaled(code: DecodedCode, factor: float) -> DecodedCode:
    x0, y0, x1, y1 = code.box
    return replace(code, box=(x0 * factor, y0 * factor, x1 * factor, y1 * factor))


def _zbar_plain(gray: np.ndarray, options: DecodeOptions) -> list[Read]:
    if options.zbar_half_size and min(gray.shape) >= 400:
        return zbar_reads(cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA), 2.0)
    return zbar_reads(gray)


def decode_file(
    path: str | os.PathLike[str], engine: Engine = "both", options: DecodeOptions = STILL_IMAGE
) -> list[DecodedCode]:
    """Every barcode in an image file (PNG, JPEG, GIF, BMP, TIFF…); raises UnreadableImage if it cannot be read."""
    file = Path(path)
    if not file.is_file():
        raise UnreadableImage(f"{file}: no such file")
    image = cv2.imread(str(file), cv2.IMREAD_GRAYSCALE)  # GIF too, from OpenCV 4.11 on
    if image is None:
        raise UnreadableImage(f"{file}: not an image this program can read")
    return decode_image(image, engine, options)


def scan_image_files(
    paths: Iterable[str | os.PathLike[str]],
    engine: Engine = "both",
    progress: Callable[[int, int], None] | None = None,
) -> list[dict[str, Any]]:
    """The ``serialdesk scan-image --json`` answer: ``[{"file", "codes": [{"text", "format", …}]}]``.

    Each code also carries ``symbology_id``, ``gs1``, ``engines``, ``hri``, ``upce``/``upca``, ``scan_text``,
    ``box`` (where it is, in pixels) and ``votes``; codes come top to bottom. A file that cannot be read gets
    ``"codes": []`` and an ``"error"`` message instead of stopping the batch.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown decoder engine {engine!r}; choose one of {', '.join(ENGINES)}")
    files = list(paths)
    answer: list[dict[str, Any]] = []
    for done, path in enumerate(files, start=1):
        entry: dict[str, Any] = {"file": str(path), "codes": []}
        try:
            codes = sorted(decode_file(path, engine), key=lambda c: (c.box[1], c.box[0]))
        except UnreadableImage as exc:
            entry["error"] = str(exc)
        else:
            entry["codes"] = [
                {
                    "text": code.text,
                    "format": code.format,
                    "symbology_id": code.symbology_id,
                    "gs1": code.is_gs1,
                    "engines": list(code.engines),
                    "hri": code.hri,  # GS1 as (01)…(21)…, UPC-E as its 8 digits
                    "upce": code.upce or None,
                    "upca": code.upca or None,  # UPC-A / UPC-E: the 12-digit UPC-A, to match a GTIN-12
                    "scan_text": code.scan_text,  # what a scanner would type: the classifier's input
                    "box": [round(v, 1) for v in code.box],  # x0, y0, x1, y1 in pixels
                    "votes": code.votes,
                }
                for code in codes
            ]
        answer.append(entry)
        if progress is not None:
            progress(done, len(files))
    return answer
