"""What goes where on one label, in printer dots — pure Python, shared by the Qt (PDF/PNG) and ZPL renderers.

Every size is decided here: the symbol's module size (a whole number of dots, never scaled), the text
boxes and their font sizes. A serial that cannot be printed readably on the chosen label raises DomainError
here, before anything is drawn.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from serialdesk.domain.errors import DomainError
from serialdesk.domain.serial_rules import gs1_serial_problem
from serialdesk.labels.layout import DotRect, LabelMedia, mm_to_dots
from serialdesk.labels.symbols import Symbol

# Narrowest bar module we print: 0.19 mm (7.5 mil) is what general-purpose handheld scanners resolve
# reliably; 2D modules at least 0.25 mm. Upper caps keep short serials from turning into posters.
MIN_BAR_MODULE_MM = 0.19
MAX_BAR_MODULE_MM = 0.5
MIN_MATRIX_MODULE_MM = 0.25
MAX_MATRIX_MODULE_MM = 1.0
MIN_SERIAL_PT = 6.0
# DejaVu Sans Mono (and most monospace faces) advance 0.602 em per character; a hair more for safety.
MONO_ADVANCE_EM = 0.61
LINE_HEIGHT_EM = 1.2
_TOLERANCE = 0.02  # mm: 0.25 mm at 203 dpi is 1.998 dots, which is 2 dots for every practical purpose


@dataclass(frozen=True)
class LabelData:
    """One label: the unit's serial plus what the clerk reads. ``gs1`` is an element string in HRI form,
    e.g. ``(01)09521234543213(10)L2406A(21)00017``; when given, the symbol carries it instead of the bare
    serial (GS1 DataMatrix or GS1-128)."""

    serial: str
    sku: str
    name: str
    lot: str | None = None
    price: Decimal | str | None = None
    gs1: str | None = None
    link: str | None = None  # a GS1 Digital Link URI (issue 16): the symbol carries it instead of the serial


class Font(StrEnum):
    NAME = "name"  # sans bold
    DETAIL = "detail"  # sans regular
    SERIAL = "serial"  # monospace bold: 0/O and 1/I must never be confused
    PRICE = "price"  # sans bold


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class TextBox:
    text: str
    rect: DotRect
    size: int  # font pixel size, in dots
    font: Font
    align: Align = Align.LEFT
    elide: bool = True  # serial lines are never elided: the plan already made them fit
    lines: int = 1  # more than one: the text is word-wrapped and its last line elided


@dataclass(frozen=True)
class SymbolBox:
    """The symbol's first module at (x, y); each module is ``module`` × ``module`` dots (bars: ``module``
    wide and ``height`` tall)."""

    symbol: Symbol
    x: int
    y: int
    module: int
    height: int

    @property
    def width(self) -> int:
        return self.symbol.width * self.module


@dataclass(frozen=True)
class LabelPlan:
    data: LabelData
    page: int
    label: DotRect
    symbol: SymbolBox
    texts: tuple[TextBox, ...]


@dataclass(frozen=True)
class LabelStyle:
    name_pt: float
    detail_pt: float
    serial_pt: float
    bar_label_name_lines: int  # lines a long product name may take above Code 128 bars


# The 29 mm roll keeps its bars tall (one name line); the 37 mm A4 label has room for a second line.
STYLES = {"roll-62x29": LabelStyle(9, 7, 9, 1), "a4-3x8": LabelStyle(11, 8.5, 11, 2)}


Measure = Callable[[Font, int, str], float]  # (font, pixel size, text) → width in dots


def estimate_width(font: Font, size: int, text: str) -> float:
    """Text width without a font engine (ZPL, tests): average advances of DejaVu Sans / Sans Mono."""
    if font is Font.SERIAL:
        return len(text) * MONO_ADVANCE_EM * size
    wide = 0.7 if font is not Font.DETAIL else 0.62  # bold faces are wider
    return sum(wide if ch.isalnum() else 0.4 for ch in text) * size


@dataclass(frozen=True)
class Device:
    """What the plan is for: the resolution, how text is measured (estimated if None), and the largest
    module the output can draw (ZPL's ^BY and ^BQ stop at 10 dots)."""

    dpi: int
    measure: Measure | None = None
    max_module: int | None = None


class _Metrics:
    """Converts points and millimetres to dots at one resolution, and measures text."""

    def __init__(self, device: Device) -> None:
        self.dpi = device.dpi
        self.width = device.measure or estimate_width
        self.max_module = device.max_module

    def px(self, pt: float) -> int:
        return max(1, round(pt * self.dpi / 72))

    def line(self, pt: float) -> int:
        return math.ceil(self.px(pt) * LINE_HEIGHT_EM)

    def mm(self, mm: float) -> int:
        return mm_to_dots(mm, self.dpi)

    def module_range(self, min_mm: float, max_mm: float) -> tuple[int, int]:
        lowest = math.ceil((min_mm - _TOLERANCE) * self.dpi / 25.4)
        highest = math.floor(max_mm * self.dpi / 25.4)
        return max(1, lowest), max(1, min(highest, self.max_module or highest))


def refuse_non_gs1(data: LabelData) -> None:
    """A GS1 label carries the serial in AI (21) and the lot in AI (10), both GS1 character set 82, at most 20
    characters: a label outside it would print but a GS1 scanner refuses it, so it is refused here."""
    if data.gs1 is None and data.link is None:
        return
    problem = gs1_serial_problem(data.serial)
    if problem is None and data.lot and (lot_problem := gs1_serial_problem(data.lot, "lot", "10")):
        problem = lot_problem
    if problem is not None:
        raise DomainError(f"{problem}. Print this label without GS1 content, or give {data.sku} GS1-safe serials "
                          f"(product add … --gs1-safe).", code="labels_not_gs1", serial=data.serial)


def price_text(price: Decimal | str | None) -> str:
    if price is None or price == "":
        return ""
    return f"{price:,.2f}" if isinstance(price, Decimal) else str(price)


def mono_chars_fitting(width: int, size: int) -> int:
    return max(0, math.floor(width / (size * MONO_ADVANCE_EM)))


def _too_long(data: LabelData, what: str, media: LabelMedia, why: str = "") -> DomainError:
    subject = f"The GS1 content {data.gs1} of serial {data.serial}" if data.gs1 else f"The serial {data.serial}"
    return DomainError(
        f"{subject} is too long for {what} on {media.name} labels{why}. Choose another symbology or layout.",
        code="labels_serial_too_long",
        serial=data.serial,
    )


def _serial_lines(
    data: LabelData, text: str, width: int, style: LabelStyle, m: _Metrics, max_lines: int, media: LabelMedia
) -> tuple[list[str], float]:
    """Break ``text`` (monospace) into as few lines as read well: one line down to 3/4 of the normal size,
    else up to ``max_lines`` lines down to 6 pt."""
    for lines in range(1, max_lines + 1):
        smallest = max(MIN_SERIAL_PT, style.serial_pt * 0.75) if lines < max_lines else MIN_SERIAL_PT
        pt = style.serial_pt
        while pt >= smallest:
            per_line = mono_chars_fitting(width, m.px(pt))
            if per_line and math.ceil(len(text) / per_line) <= lines:
                size = math.ceil(len(text) / lines)  # balanced lines read better than a long one and a stub
                return [text[i : i + size] for i in range(0, len(text), size)], pt
            pt -= 0.5
    raise _too_long(data, "its printed text", media)


def plan_linear(
    data: LabelData, symbol: Symbol, page: int, label: DotRect, content: DotRect, media: LabelMedia, device: Device
) -> LabelPlan:
    """Code 128 layout: name and price on top, SKU and lot below, then the bars and the serial under them."""
    m, style = _Metrics(device), STYLES[media.name]
    low, high = m.module_range(MIN_BAR_MODULE_MM, MAX_BAR_MODULE_MM)
    # Bars stay inside the content box; their quiet zones may use the label's blank padding.
    module = min(high, content.width // symbol.width, label.width // (symbol.width + 2 * symbol.quiet_zone))
    if module < low:
        needed = (symbol.width * low) * 25.4 / device.dpi
        why = f" (the bars need {needed:.0f} mm, {content.width * 25.4 / device.dpi:.0f} mm are free)"
        raise _too_long(data, "a Code 128 barcode", media, why)
    hri = data.gs1 or data.serial
    lines, serial_pt = _serial_lines(data, hri, content.width, style, m, 1, media)
    serial_h = m.line(serial_pt)
    texts, y = _header(data, content, style, m, serial_h)
    bar_height = content.bottom - y - serial_h
    if bar_height < m.mm(5):
        raise _too_long(data, "a Code 128 barcode", media)
    x = content.x + (content.width - symbol.width * module) // 2
    bars = SymbolBox(symbol, x, y, module, bar_height)
    texts.append(
        TextBox(
            lines[0],
            DotRect(content.x, y + bar_height, content.width, serial_h),
            m.px(serial_pt),
            Font.SERIAL,
            Align.CENTER,
            elide=False,
        )
    )
    return LabelPlan(data, page, label, bars, tuple(texts))


def _header(
    data: LabelData, content: DotRect, style: LabelStyle, m: _Metrics, serial_h: int
) -> tuple[list[TextBox], int]:
    name_h, detail_h, gap, name_px = m.line(style.name_pt), m.line(style.detail_pt), m.mm(0.4), m.px(style.name_pt)
    price = price_text(data.price)
    # Reserve the price's width so a long name is elided before it runs under the price.
    price_w = math.ceil(m.width(Font.PRICE, name_px, price)) + m.mm(1.5) if price else 0
    name_w = content.width - price_w
    # A long name takes a second line where the layout has room for it (A4), if the bars keep 8 mm.
    bars_left = content.height - 2 * name_h - detail_h - gap - serial_h
    wraps = m.width(Font.NAME, name_px, data.name) > name_w and bars_left >= m.mm(8)
    name_lines = style.bar_label_name_lines if wraps else 1
    y = content.y
    texts = [
        TextBox(data.name, DotRect(content.x, y, name_w, name_h * name_lines), name_px, Font.NAME, lines=name_lines)
    ]
    if price:
        texts.append(TextBox(price, DotRect(content.x, y, content.width, name_h), name_px, Font.PRICE, Align.RIGHT))
    y += name_h * name_lines
    half = content.width // 2
    detail = m.px(style.detail_pt)
    texts.append(TextBox(f"SKU {data.sku}", DotRect(content.x, y, half, detail_h), detail, Font.DETAIL))
    if data.lot:
        texts.append(
            TextBox(
                f"Lot {data.lot}",
                DotRect(content.x + half, y, content.width - half, detail_h),
                detail,
                Font.DETAIL,
                Align.RIGHT,
            )
        )
    return texts, y + detail_h + gap


def plan_matrix(
    data: LabelData, symbol: Symbol, page: int, label: DotRect, content: DotRect, media: LabelMedia, device: Device
) -> LabelPlan:
    """DataMatrix / QR layout: the square symbol on the left, a text column on the right."""
    m, style = _Metrics(device), STYLES[media.name]
    low, high = m.module_range(MIN_MATRIX_MODULE_MM, MAX_MATRIX_MODULE_MM)
    quiet = symbol.quiet_zone
    # The symbol stays in the content box; its quiet zone may reach into the padding but not off the label.
    module = min(
        high,
        content.height // symbol.height,
        label.height // (symbol.height + 2 * quiet),
        content.width // 2 // symbol.width,
    )
    if module < low:
        raise _too_long(data, f"a {symbol.symbology.value} symbol", media)
    # Biggest symbol first; a long serial may need a smaller symbol to leave its text enough room.
    for size in range(module, low - 1, -1):
        side = symbol.width * size
        x = content.x + max(0, quiet * size - (content.x - label.x))
        placed = SymbolBox(symbol, x, content.y + (content.height - side) // 2, size, side)
        column_x = x + side + max(quiet * size, m.mm(1.5))
        column = DotRect(column_x, content.y, content.right - column_x, content.height)
        try:
            texts = _column_texts(data, column, placed, style, m, media)
        except DomainError:
            if size == low:
                raise
            continue
        return LabelPlan(data, page, label, placed, tuple(texts))
    raise AssertionError("unreachable: the smallest module size either returns or raises")


def _column_texts(
    data: LabelData, column: DotRect, placed: SymbolBox, style: LabelStyle, m: _Metrics, media: LabelMedia
) -> list[TextBox]:
    serial_lines, serial_pt = _serial_lines(data, data.serial, column.width, style, m, 3, media)
    price = price_text(data.price)
    detail_h, serial_h, name_h = m.line(style.detail_pt), m.line(serial_pt), m.line(style.name_pt)
    details = [f"SKU {data.sku}"] + ([f"Lot {data.lot}"] if data.lot else [])
    fixed = detail_h * len(details) + serial_h * len(serial_lines) + (name_h if price else 0)
    # A long name gets two lines when they fit, else one (elided).
    long_name = m.width(Font.NAME, m.px(style.name_pt), data.name) > column.width
    name_lines = 2 if long_name and fixed + 2 * name_h <= column.height else 1
    total = fixed + name_lines * name_h
    if total > column.height:
        raise _too_long(data, "its printed text", media)
    # Text spans the symbol's height when it fits there (tops and bottoms line up), else it is centred.
    top, height = (
        (placed.y, placed.height) if total <= placed.height else (column.y + (column.height - total) // 2, total)
    )
    x, w = column.x, column.width
    texts = [
        TextBox(data.name, DotRect(x, top, w, name_h * name_lines), m.px(style.name_pt), Font.NAME, lines=name_lines)
    ]
    y = top + name_h * name_lines
    for line in details:
        texts.append(TextBox(line, DotRect(x, y, w, detail_h), m.px(style.detail_pt), Font.DETAIL))
        y += detail_h
    for line in serial_lines:
        texts.append(TextBox(line, DotRect(x, y, w, serial_h), m.px(serial_pt), Font.SERIAL, elide=False))
        y += serial_h
    if price:
        texts.append(
            TextBox(price, DotRect(x, top + height - name_h, w, name_h), m.px(style.name_pt), Font.PRICE, Align.RIGHT)
        )
    return texts
