"""What goes where on one label, in printer dots — pure Python, shared by the Qt (PDF/PNG) and ZPL renderers.

Every size is decided here: the symbol's module size (a whole number of dots, never scaled), the text
boxes and their font sizes. A serial that cannot be printed readably on the chosen label raises DomainError
here, before anything is drawn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from serialdesk.domain.errors import DomainError
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


STYLES = {"roll-62x29": LabelStyle(9, 7, 9), "a4-3x8": LabelStyle(11, 8.5, 11)}


class _Metrics:
    """Converts points and millimetres to dots at one resolution."""

    def __init__(self, dpi: int) -> None:
        self.dpi = dpi

    def px(self, pt: float) -> int:
        return max(1, round(pt * self.dpi / 72))

    def line(self, pt: float) -> int:
        return math.ceil(self.px(pt) * LINE_HEIGHT_EM)

    def mm(self, mm: float) -> int:
        return mm_to_dots(mm, self.dpi)

    def module_range(self, min_mm: float, max_mm: float) -> tuple[int, int]:
        lowest = math.ceil((min_mm - _TOLERANCE) * self.dpi / 25.4)
        return max(1, lowest), max(1, math.floor(max_mm * self.dpi / 25.4))


def price_text(price: Decimal | str | None) -> str:
    if price is None or price == "":
        return ""
    return f"{price:,.2f}" if isinstance(price, Decimal) else str(price)


def mono_chars_fitting(width: int, size: int) -> int:
    return max(0, math.floor(width / (size * MONO_ADVANCE_EM)))


def _too_long(data: LabelData, what: str, media: LabelMedia, why: str = "") -> DomainError:
    return DomainError(
        f"The serial {data.serial} is too long for {what} on a {media.name} label{why}. "
        "Choose another symbology or layout.",
        code="labels_serial_too_long",
        serial=data.serial,
    )


def _serial_lines(
    data: LabelData, text: str, width: int, style: LabelStyle, m: _Metrics, max_lines: int, media: LabelMedia
) -> tuple[list[str], float]:
    """Break ``text`` (monospace) into at most ``max_lines`` lines, shrinking the font down to 6 pt."""
    pt = style.serial_pt
    while pt >= MIN_SERIAL_PT:
        per_line = mono_chars_fitting(width, m.px(pt))
        if per_line and math.ceil(len(text) / per_line) <= max_lines:
            count = math.ceil(len(text) / per_line)
            size = math.ceil(len(text) / count)  # balanced lines read better than a long and a stub
            return [text[i : i + size] for i in range(0, len(text), size)], pt
        pt -= 0.5
    raise _too_long(data, "its printed text", media)


def plan_linear(
    data: LabelData, symbol: Symbol, page: int, label: DotRect, content: DotRect, media: LabelMedia, dpi: int
) -> LabelPlan:
    """Code 128 layout: name and price on top, SKU and lot below, then the bars and the serial under them."""
    m, style = _Metrics(dpi), STYLES[media.name]
    low, high = m.module_range(MIN_BAR_MODULE_MM, MAX_BAR_MODULE_MM)
    # Bars stay inside the content box; their quiet zones may use the label's blank padding.
    module = min(high, content.width // symbol.width, label.width // (symbol.width + 2 * symbol.quiet_zone))
    if module < low:
        needed = (symbol.width * low) * 25.4 / dpi
        why = f" (the bars need {needed:.0f} mm, {content.width * 25.4 / dpi:.0f} mm are free)"
        raise _too_long(data, "a Code 128 barcode", media, why)
    hri = data.gs1 or data.serial
    lines, serial_pt = _serial_lines(data, hri, content.width, style, m, 1, media)
    texts, y = _header(data, content, style, m)
    serial_h = m.line(serial_pt)
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


def _header(data: LabelData, content: DotRect, style: LabelStyle, m: _Metrics) -> tuple[list[TextBox], int]:
    name_h, detail_h, gap = m.line(style.name_pt), m.line(style.detail_pt), m.mm(0.4)
    price = price_text(data.price)
    # Reserve the price's width so a long name is elided before it runs under the price (bold sans:
    # digits and letters advance about 0.7 em, punctuation about 0.4 em).
    advance = sum(0.7 if ch.isalnum() else 0.4 for ch in price)
    price_w = math.ceil(advance * m.px(style.name_pt)) + m.mm(1.5) if price else 0
    y = content.y
    texts = [TextBox(data.name, DotRect(content.x, y, content.width - price_w, name_h), m.px(style.name_pt), Font.NAME)]
    if price:
        texts.append(
            TextBox(
                price,
                DotRect(content.x, y, content.width, name_h),
                m.px(style.name_pt),
                Font.PRICE,
                Align.RIGHT,
            )
        )
    y += name_h
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
    data: LabelData, symbol: Symbol, page: int, label: DotRect, content: DotRect, media: LabelMedia, dpi: int
) -> LabelPlan:
    """DataMatrix / QR layout: the square symbol on the left, a text column on the right."""
    m, style = _Metrics(dpi), STYLES[media.name]
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
    side = symbol.width * module
    x = content.x + max(0, quiet * module - (content.x - label.x))
    placed = SymbolBox(symbol, x, content.y + (content.height - side) // 2, module, side)
    column_x = x + side + max(quiet * module, m.mm(1.5))
    column = DotRect(column_x, content.y, content.right - column_x, content.height)
    return LabelPlan(data, page, label, placed, tuple(_column_texts(data, column, placed, style, m, media)))


def _column_texts(
    data: LabelData, column: DotRect, placed: SymbolBox, style: LabelStyle, m: _Metrics, media: LabelMedia
) -> list[TextBox]:
    serial_lines, serial_pt = _serial_lines(data, data.serial, column.width, style, m, 2, media)
    price = price_text(data.price)
    detail_h, serial_h, name_h = m.line(style.detail_pt), m.line(serial_pt), m.line(style.name_pt)
    details = [f"SKU {data.sku}"] + ([f"Lot {data.lot}"] if data.lot else [])
    fixed = detail_h * len(details) + serial_h * len(serial_lines) + (name_h if price else 0)
    # The name gets two lines when they fit, else one (elided).
    name_lines = 2 if fixed + 2 * name_h <= column.height else 1
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
