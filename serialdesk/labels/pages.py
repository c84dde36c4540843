"""Documents on A4 (receipts, job sheets): HTML laid out by a QTextDocument and painted into a PDF by QPdfWriter,
or onto a printer the GUI set up. QtGui only, headless (the CLI and the GUI's worker threads share it); images
(a logo) and barcodes (module grids from labels.symbols, painted on whole pixels) are named resources the HTML
refers to as ``<img src="NAME">``."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from serialdesk.labels.qt_render import ensure_gui_application
from serialdesk.labels.symbols import Symbol, dark_runs

PDF_DPI = 300
STYLE = ("body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #111; } "
         "td, th { font-size: 9.5pt; } .muted { color: #555; } .small { font-size: 8pt; }")


def symbol_image(symbol: Symbol, module: int = 4, height: int = 160) -> QImage:
    """A barcode on whole pixels (``module`` each), with its quiet zone; a linear code ``height`` pixels tall."""
    quiet = symbol.quiet_zone
    rows = symbol.rows
    row_h = height if symbol.is_linear else module
    image = QImage((symbol.width + 2 * quiet) * module, len(rows) * row_h + (0 if symbol.is_linear else
                                                                              2 * quiet * module),
                   QImage.Format.Format_Grayscale8)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    painter.setPen(QColor(0, 0, 0, 0))
    painter.setBrush(QColor(0, 0, 0))
    top = 0 if symbol.is_linear else quiet * module
    for index, row in enumerate(rows):
        for start, length in dark_runs(row):
            painter.drawRect(QRect((quiet + start) * module, top + index * row_h, length * module, row_h))
    painter.end()
    return image


def _document(html: str, images: Mapping[str, bytes | Symbol]) -> QTextDocument:
    ensure_gui_application()
    document = QTextDocument()
    document.setDefaultStyleSheet(STYLE)
    for name, source in images.items():
        image = symbol_image(source) if isinstance(source, Symbol) else QImage.fromData(source)
        if not image.isNull():
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(html)
    return document


def print_html(html: str, device: QPagedPaintDevice, images: Mapping[str, bytes | Symbol] | None = None) -> None:
    """Lay out and paint the document on a paged device (a QPdfWriter or a QPrinter), page after page."""
    _document(html, images or {}).print_(device)


def write_html_pdf(html: str, out: Path, *, title: str, images: Mapping[str, bytes | Symbol] | None = None) -> None:
    """The document as an A4 PDF at ``out`` (the caller writes to a temporary name and renames it: files.write_with)."""
    ensure_gui_application()
    writer = QPdfWriter(str(out))
    writer.setResolution(PDF_DPI)
    writer.setTitle(title)
    writer.setCreator("serialdesk")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(16, 14, 16, 14), QPageLayout.Unit.Millimeter))
    print_html(html, writer, images)
    del writer  # finishes the file
    if not out.exists() or out.stat().st_size == 0:
        raise OSError(f"Could not write {out}")
