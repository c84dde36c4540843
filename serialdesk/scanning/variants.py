"""A second look at a still photo that read nothing, or a lone EAN/UPC: prepared variants, both engines on each.

Which variants, and in which order, was decided on half of each corpus set (the even-numbered images:
``scripts/corpus_table.py --half even --techniques``) by what each one added over the plain passes and what
it cost, then checked on the other half; the figures are in the closing note of issue 19. In order:

1. **CLAHE** (contrast-limited adaptive histogram equalisation), both engines: glare and shadow across a label
   leave the bars too faint for both binarisers in part of it. The biggest gain, for the least time.
2. **2× upscale + CLAHE**, zbar: small, soft symbols (a 240-pixel photo) get enough pixels per module for
   zbar's edge detector.

``TRIED`` lists what was measured and left out (blur, Otsu, OpenCV's barcode-detector regions, sharpening,
plain upscaling, zxing-cpp's global-histogram binariser): each added nothing on the choosing half.

The search stops once the answer is settled (two passes agree on a code, or it has a strong check, see
codes.settled), and starts no variant once ``variants_seconds`` has
passed (this thread's CPU time, so a busy computer reads the same codes, only later). Each variant's reads are
votes (codes.py): where variants disagree on a symbol, the agreeing reading wins.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

import cv2
import numpy as np
import zxingcpp

from serialdesk.scanning.codes import DecodedCode, Read, merge, settled
from serialdesk.scanning.decode import DecodeOptions, Engine, zbar_reads, zxing_pass

_MAX_SIDE = 1600  # a 12-megapixel phone photo is searched at this size: the variants cost per pixel
_CLAHE = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(8, 8))

Picture = tuple[np.ndarray, float, tuple[float, float]]  # pixels, scale back to the original, offset


def _clahe(gray: np.ndarray) -> list[Picture]:
    return [(_CLAHE.apply(gray), 1.0, (0.0, 0.0))]


def _blur(gray: np.ndarray) -> list[Picture]:
    return [(cv2.GaussianBlur(gray, (3, 3), 0), 1.0, (0.0, 0.0))]


def _clahe_2x(gray: np.ndarray) -> list[Picture]:
    if max(gray.shape) > _MAX_SIDE // 2:
        return []
    big = cv2.resize(gray, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC)
    return [(_CLAHE.apply(big), 0.5, (0.0, 0.0))]


def _otsu(gray: np.ndarray) -> list[Picture]:
    return [(cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1], 1.0, (0.0, 0.0))]


_DETECTOR: cv2.barcode.BarcodeDetector | None = None


def _regions(gray: np.ndarray) -> list[Picture]:
    """Each region OpenCV's barcode detector points at, upright, with a quiet zone, enlarged 2×.

    The crop is axis-aligned in the original (so its reads map back by scale and offset alone) and the upright
    turn is left to the engines: zxing-cpp tries 90° itself and zbar scans in both directions.
    """
    global _DETECTOR  # built once: the detector loads its model on construction
    if _DETECTOR is None:
        _DETECTOR = cv2.barcode.BarcodeDetector()
    found = _DETECTOR.detect(gray)
    corners = found[1] if isinstance(found, tuple) and len(found) > 1 else None
    pictures: list[Picture] = []
    if corners is None:
        return pictures
    height, width = gray.shape
    for quad in np.asarray(corners, dtype=np.float32).reshape(-1, 4, 2)[:4]:
        x0, y0 = quad.min(axis=0)
        x1, y1 = quad.max(axis=0)
        pad_x, pad_y = (x1 - x0) * 0.2 + 8, (y1 - y0) * 0.3 + 8
        left, top = int(max(0, x0 - pad_x)), int(max(0, y0 - pad_y))
        right, bottom = int(min(width, x1 + pad_x)), int(min(height, y1 + pad_y))
        if right - left < 16 or bottom - top < 16:
            continue
        crop = gray[top:bottom, left:right]
        scale = min(2.0, _MAX_SIDE / max(crop.shape))
        big = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
        pictures.append((big, 1.0 / scale, (float(left), float(top))))
    return pictures


def _sharpen_2x(gray: np.ndarray) -> list[Picture]:
    if max(gray.shape) > _MAX_SIDE // 2:
        return []
    big = cv2.resize(gray, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC)
    soft = cv2.GaussianBlur(big, (0, 0), 2.0)
    return [(cv2.addWeighted(big, 1.8, soft, -0.8, 0), 0.5, (0.0, 0.0))]


def _up_2x(gray: np.ndarray) -> list[Picture]:
    if max(gray.shape) > _MAX_SIDE // 2:
        return []
    return [(cv2.resize(gray, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC), 0.5, (0.0, 0.0))]


def _histogram(gray: np.ndarray) -> list[Picture]:
    return [(gray, 1.0, (0.0, 0.0))]  # the same picture, for zxing-cpp's global-histogram binariser


Variant = tuple[str, Callable[[np.ndarray], list[Picture]], tuple[str, ...]]
VARIANTS: tuple[Variant, ...] = (
    ("clahe", _clahe, ("zxing", "zbar")),
    ("clahe_2x", _clahe_2x, ("zbar",)),
)
# Measured and left out: no gain on the half of the corpus the techniques were chosen on, only time
# (scripts/corpus_table.py --techniques shows each one's gain and cost on top of VARIANTS).
TRIED: tuple[Variant, ...] = (
    ("blur", _blur, ("zxing", "zbar")),
    ("otsu", _otsu, ("zbar",)),
    ("regions", _regions, ("zxing", "zbar")),
    ("sharpen_2x", _sharpen_2x, ("zbar",)),
    ("up_2x", _up_2x, ("zxing", "zbar")),
    ("histogram", _histogram, ("zxing-histogram",)),
)
_FAST = DecodeOptions(try_invert=False, retry_half_size=False)


def look_closer(
    gray: np.ndarray,
    engine: Engine,
    options: DecodeOptions,
    plain: list[Read],
    variants: tuple[Variant, ...] | None = None,
    started: float | None = None,
) -> list[DecodedCode]:
    """The plain passes' reads (``plain``) merged with those of the variants of ``gray``, tried in order
    until the answer is settled (codes.settled) or the time is up."""
    variants = VARIANTS if variants is None else variants
    # CPU time (time.thread_time) since the picture's first pass: the same search however busy the computer is
    started = time.thread_time() if started is None else started
    factor = min(1.0, _MAX_SIDE / max(gray.shape))
    if factor < 1.0:
        gray = cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    engines = ("zxing", "zbar") if engine == "both" else (engine,)
    zxing_options = replace(_FAST, try_rotate=options.try_rotate)
    reads = list(plain)
    found = merge(reads)
    for number, (_name, prepare, wanted) in enumerate(variants, start=1):
        if time.thread_time() - started > options.variants_seconds:
            break
        for pixels, scale, (x, y) in prepare(gray):
            back, offset = scale / factor, (x / factor, y / factor)
            if "zxing" in wanted and "zxing" in engines:
                reads += [replace(r, variant=number) for r in zxing_pass(pixels, zxing_options, back, offset)]
            if "zxing-histogram" in wanted and "zxing" in engines:
                histogram = replace(zxing_options, binarizer=zxingcpp.Binarizer.GlobalHistogram)
                reads += [replace(r, variant=number) for r in zxing_pass(pixels, histogram, back, offset)]
            if "zbar" in wanted and "zbar" in engines:
                reads += [replace(r, variant=number) for r in zbar_reads(pixels, back, offset)]
        found = merge(reads)
        if settled(found):
            break
    return found
