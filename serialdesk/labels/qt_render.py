"""Painting label plans with QPainter at printer resolution: PDF through QPdfWriter, PNG through QImage.

QtGui only (never QtWidgets), headless: without a running Q(Gui)Application one is created on the
``offscreen`` platform, so the CLI and tests need no display.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QRect, QSizeF, Qt
from PySide6.QtGui import (
    QBitmap,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QImage,
    QImageWriter,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QRegion,
)

from serialdesk.labels.compose import Align, Font, LabelPlan, SymbolBox, TextBox
from serialdesk.labels.layout import LabelMedia, mm_to_dots
from serialdesk.labels.symbols import Symbol

Step = Callable[[int], bool]  # called after each label with the running count; False stops the job

_app: QGuiApplication | None = None  # kept referenced: a collected QGuiApplication takes Qt down with it


def ensure_gui_application() -> None:
    """Fonts and painting need a QGuiApplication; make an offscreen one unless the program has one."""
    global _app
    existing = QGuiApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("Label rendering needs a QGuiApplication, but a bare QCoreApplication is running.")
        return
    previous = os.environ.get("QT_QPA_PLATFORM")
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        _app = QGuiApplication([])
    finally:  # the platform is read once, at creation; child processes should not inherit "offscreen"
        if previous is None:
            del os.environ["QT_QPA_PLATFORM"]
        else:
            os.environ["QT_QPA_PLATFORM"] = previous


_FAMILIES = {
    Font.NAME: ("DejaVu Sans", QFont.StyleHint.SansSerif, True),
    Font.DETAIL: ("DejaVu Sans", QFont.StyleHint.SansSerif, False),
    Font.SERIAL: ("DejaVu Sans Mono", QFont.StyleHint.Monospace, True),
    Font.PRICE: ("DejaVu Sans", QFont.StyleHint.SansSerif, True),
}
_ALIGN = {
    Align.LEFT: Qt.AlignmentFlag.AlignLeft,
    Align.CENTER: Qt.AlignmentFlag.AlignHCenter,
    Align.RIGHT: Qt.AlignmentFlag.AlignRight,
}


class _FontCache:
    """Fonts by role and size, and what they measured: a job's labels mostly repeat the same name, SKU and lot,
    so each text is measured, wrapped and elided once per job, not once per label."""

    def __init__(self) -> None:
        self._fonts: dict[tuple[Font, int], tuple[QFont, QFontMetrics]] = {}
        self.widths: dict[tuple[Font, int, str], float] = {}
        self.lines: dict[tuple[Font, int, str, int, int, bool], list[str]] = {}

    def get(self, role: Font, size: int) -> tuple[QFont, QFontMetrics]:
        key = (role, size)
        if key not in self._fonts:
            family, hint, bold = _FAMILIES[role]
            font = QFont(family)
            font.setStyleHint(hint)
            font.setPixelSize(size)
            font.setBold(bold)
            self._fonts[key] = (font, QFontMetrics(font))
        return self._fonts[key]


_MEASURED_KEPT = 20_000
_measuring = threading.local()  # QFont objects are not shared between threads: each thread gets its own cache


def text_width(font: Font, size: int, text: str) -> float:
    """Width in dots of ``text`` in the font the painter will use (for planning the layout)."""
    ensure_gui_application()
    if not hasattr(_measuring, "fonts"):
        _measuring.fonts = _FontCache()
    fonts: _FontCache = _measuring.fonts
    key = (font, size, text)
    if (width := fonts.widths.get(key)) is None:
        if len(fonts.widths) > _MEASURED_KEPT:  # a station that runs for weeks: keep the memory bounded
            fonts.widths.clear()
        width = fonts.widths[key] = fonts.get(font, size)[1].horizontalAdvance(text)
    return width


def _wrapped(metrics: QFontMetrics, text: str, width: int, lines: int) -> list[str]:
    """Word-wrap into at most ``lines`` lines; whatever does not fit is elided on the last one."""
    words, result = text.split(), list[str]()
    while words and len(result) < lines - 1:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line += " " + words.pop(0)
        if metrics.horizontalAdvance(line) > width:  # one word wider than the box: leave it to elision
            words.insert(0, line)
            break
        result.append(line)
    if words:
        result.append(metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
    return result


def _paint_text(painter: QPainter, box: TextBox, fonts: _FontCache) -> None:
    font, metrics = fonts.get(box.font, box.size)
    painter.setFont(font)
    r = box.rect
    key = (box.font, box.size, box.text, r.width, box.lines, box.elide)
    if (lines := fonts.lines.get(key)) is None:
        if box.lines > 1:
            lines = _wrapped(metrics, box.text, r.width, box.lines)
        elif box.elide:
            lines = [metrics.elidedText(box.text, Qt.TextElideMode.ElideRight, r.width)]
        else:
            lines = [box.text]
        fonts.lines[key] = lines
    line_h = r.height // box.lines
    flags = _ALIGN[box.align] | Qt.AlignmentFlag.AlignVCenter
    for index, line in enumerate(lines):
        painter.drawText(QRect(r.x, r.y + index * line_h, r.width, line_h), flags, line)


_MODULE_BYTES = bytes.maketrans(b"10", b"\x00\xff")  # dark modules black, light ones white


def symbol_path(symbol: Symbol) -> QPainterPath:
    """The dark modules as one path of rectangles, one unit per module (a bar: one unit tall). Qt finds the
    rectangles itself (a bitmap's region, runs merged across rows), so a QR code costs a few calls, not one
    Python object per run of modules."""
    pixels = "".join(symbol.rows).encode("ascii").translate(_MODULE_BYTES)
    image = QImage(pixels, symbol.width, symbol.height, symbol.width, QImage.Format.Format_Grayscale8)
    path = QPainterPath()
    path.addRegion(QRegion(QBitmap.fromImage(image)))  # the bitmap's set (black) pixels: the dark modules
    return path


def _paint_symbol(painter: QPainter, placed: SymbolBox) -> None:
    # Whole dots per module: the path is scaled by whole numbers, so every edge lands on the printer's grid.
    painter.save()
    painter.translate(placed.x, placed.y)
    painter.scale(placed.module, placed.height if placed.symbol.is_linear else placed.module)
    painter.drawPath(symbol_path(placed.symbol))
    painter.restore()


def paint_label(painter: QPainter, plan: LabelPlan, fonts: _FontCache, dx: int = 0, dy: int = 0) -> None:
    """Paint one label; (dx, dy) shifts it, e.g. to the origin of a one-label PNG."""
    painter.save()
    painter.translate(dx, dy)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    _paint_symbol(painter, plan.symbol)
    painter.setPen(QColor(0, 0, 0))
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    for box in plan.texts:
        _paint_text(painter, box, fonts)
    painter.restore()


def write_pdf(pages: Sequence[Sequence[LabelPlan]], media: LabelMedia, dpi: int, out: Path, step: Step) -> bool:
    """All pages into one PDF at ``dpi``; False (and no file) if ``step`` asked to stop."""
    ensure_gui_application()
    writer = QPdfWriter(str(out))
    writer.setResolution(dpi)
    writer.setCreator("serialdesk")
    writer.setTitle("Labels")
    size = QPageSize(
        QSizeF(media.page_width, media.page_height),
        QPageSize.Unit.Millimeter,
        media.name,
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter, fonts, done, completed = QPainter(writer), _FontCache(), 0, False
    if not painter.isActive():
        raise OSError(f"Could not write {out}")
    try:
        for page_index, plans in enumerate(pages):
            if page_index:
                writer.newPage()
            for plan in plans:
                paint_label(painter, plan, fonts)
                done += 1
                if not step(done):
                    return False
        completed = True
    finally:
        painter.end()
        if not completed:  # stopped or failed: a half-written PDF must not look like a finished one
            out.unlink(missing_ok=True)
    return True


def png_paths(out: Path, count: int) -> list[Path]:
    """``out`` itself for one page, else ``<stem>-001.png`` … beside it."""
    if count == 1:
        return [out]
    return [out.with_name(f"{out.stem}-{n:03d}{out.suffix or '.png'}") for n in range(1, count + 1)]


def write_pngs(
    pages: Sequence[Sequence[LabelPlan]], media: LabelMedia, dpi: int, out: Path, step: Step
) -> list[Path] | None:
    """One grayscale PNG per page (a roll label, or a whole sheet); None (and no files) if stopped."""
    ensure_gui_application()
    fonts, done, written = _FontCache(), 0, list[Path]()
    width, height = mm_to_dots(media.page_width, dpi), mm_to_dots(media.page_height, dpi)
    dots_per_metre = round(dpi / 0.0254)
    for path, plans in zip(png_paths(out, len(pages)), pages, strict=True):
        image = QImage(width, height, QImage.Format.Format_Grayscale8)
        image.fill(QColor(255, 255, 255))
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        painter, stopped = QPainter(image), False
        for plan in plans:
            paint_label(painter, plan, fonts)
            done += 1
            if not step(done):
                stopped = True
                break
        painter.end()
        if stopped:
            for stale in written:
                stale.unlink(missing_ok=True)
            return None
        writer = QImageWriter(str(path), QByteArray(b"png"))  # PNG whatever the file is called
        if not writer.write(image):
            raise OSError(f"Could not write {path}: {writer.errorString()}")
        written.append(path)
    return written
