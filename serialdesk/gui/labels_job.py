"""Unit labels from the desktop: contents from the label service, a PDF from serialdesk.labels, and printing that
PDF page by page on a QPrinter. Both run on the worker thread (QPainter on a QPdfWriter, a QImage or a QPrinter
is fine off the GUI thread)."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QSize, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from serialdesk.config import Settings
from serialdesk.domain.errors import DomainError
from serialdesk.domain.scan import digital_link
from serialdesk.labels import LabelData, LabelOutput, render_labels
from serialdesk.services.dto import LabelSource

A4_POSITIONS = 24
PRINT_DPI = 300  # enough for a 0.25 mm barcode module; a 600 dpi A4 page would be a 140 MB image


@dataclass(frozen=True)
class LabelOptions:
    layout: str = "roll-62x29"
    symbology: str = "code128"
    start: int = 1  # A4 sheets: the first free position, 1–24
    price: bool = False
    digital_link: bool = False  # issue 16: the symbol carries the unit's GS1 Digital Link (products with a GTIN)
    resolver: str = "https://id.gs1.org"  # the Digital Link's resolver base (the station's setting)


def label_data(sources: Sequence[LabelSource], price: bool = False, resolver: str | None = None) -> list[LabelData]:
    """What each label shows; with ``resolver`` a unit whose product has a GTIN carries its Digital Link (the CLI's
    ``labels --digital-link``), the others keep their plain serial symbol."""
    return [LabelData(s.serial, s.sku, s.name, lot=s.lot, price=s.price if price and s.price else None,
                      link=digital_link(s.gtin, s.serial, s.lot, resolver) if resolver and s.gtin else None)
            for s in sources]


def resolver_setting() -> str:
    """The station's Digital Link resolver (Settings; $SERIALDESK_RESOLVER), as the CLI reads it."""
    return Settings().resolver


def render_pdf(sources: Sequence[LabelSource], options: LabelOptions, out: Path) -> LabelOutput:
    """The labels as one PDF at 300 dpi; DomainError (nothing written) if a serial does not fit the label."""
    start = options.start - 1 if options.layout == "a4-3x8" else 0
    data = label_data(sources, options.price, options.resolver if options.digital_link else None)
    return render_labels(data, layout=options.layout, symbology=options.symbology, fmt="pdf", out=out,
                         start_position=start)


def send_to_printer(sources: Sequence[LabelSource], options: LabelOptions, printer: str) -> tuple[int, str]:
    """The labels as ZPL (roll layout, the printer's 203 dpi) straight to the label printer at ``printer``
    (HOST[:PORT]); (labels, address) once every byte was sent, DomainError in the clerk's words otherwise."""
    from serialdesk.labels.printer import printer_address, send_zpl
    from serialdesk.labels.render import zpl_document

    address = printer_address(printer)
    data = label_data(sources, options.price, options.resolver if options.digital_link else None)
    send_zpl(address, zpl_document(data, layout=options.layout, symbology=options.symbology))
    return len(data), str(address)


def copy_pdf(source: Path, target: str | Path) -> Path:
    try:
        return Path(shutil.copyfile(source, target))
    except OSError as exc:
        raise DomainError(f"Cannot save {target}: {exc.strerror or exc}.", code="file_not_written") from None


def page_size_of(pdf: Path) -> QSizeF:
    """The first page's size in points (the label or the sheet)."""
    document = QPdfDocument()
    document.load(str(pdf))
    try:
        return document.pagePointSize(0) if document.pageCount() else QSizeF(595, 842)
    finally:
        document.close()


def prepare_printer(printer: QPrinter, pdf: Path) -> None:
    """Paper = the label (roll) or the sheet (A4), no margins: the PDF is already laid out to the millimetre."""
    size = page_size_of(pdf)
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(QPageSize(size, QPageSize.Unit.Point, "labels",
                                                QPageSize.SizeMatchPolicy.FuzzyMatch),
                                      QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))


def print_pdf(pdf: Path, printer: QPrinter) -> int:
    """Paint every page of ``pdf`` onto ``printer``, rasterised at up to 300 dpi; returns the pages printed."""
    document = QPdfDocument()
    if document.load(str(pdf)) != QPdfDocument.Error.None_:
        raise DomainError(f"The label file {pdf} cannot be read any more; make the preview again.",
                          code="labels_unreadable")
    painter = QPainter()
    if not painter.begin(printer):
        raise DomainError("The printer could not be started: check that it is switched on and connected.",
                          code="printer_unavailable")
    try:
        target = painter.viewport()
        dpi = min(printer.resolution(), PRINT_DPI)
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image: QImage = document.render(page, pixels)
            painter.drawImage(QRect(0, 0, target.width(), round(target.width() * pixels.height() / pixels.width())),
                              image)
        return document.pageCount()
    finally:
        painter.end()
        document.close()
