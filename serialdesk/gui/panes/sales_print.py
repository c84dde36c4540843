"""The sale receipt on paper or as a PDF for the customer: the shop's name, the sale, each unit with its serial,
price and warranty end, and the total.

Rendered from the same HTML as the pane's "Last sale" panel with a QTextDocument, on the worker thread (a
QTextDocument painting on a QPdfWriter or a QPrinter needs no GUI thread), so the counter never waits for it.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from serialdesk.domain.errors import DomainError
from serialdesk.gui.panes.sales_receipt import sale_receipt_html
from serialdesk.gui.tasks import Task
from serialdesk.gui.widgets.feedback import Banner
from serialdesk.services.dto import SaleView
from serialdesk.workflows.sales import KEEP_RECEIPT

PDF_DPI = 300


class ReceiptHost(Protocol):
    """What the receipt output needs of the pane that sells (so it never imports the pane)."""

    @property
    def last_sale(self) -> SaleView | None: ...

    @property
    def shop_name(self) -> str: ...

    def call(self, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
             failed: Callable[[str], None] | None = None, *, label: str = "") -> Task: ...


def receipt_document_html(sale: SaleView, shop_name: str) -> str:
    return (f"<h1 style='margin-bottom:0'>{escape(shop_name)}</h1>"
            f"{sale_receipt_html(sale)}"
            f"<p style='color:#64748b'>{escape(KEEP_RECEIPT)}</p>")


def _print(sale: SaleView, shop_name: str, device: QPagedPaintDevice | QPrinter) -> None:
    document = QTextDocument()
    document.setDefaultStyleSheet("body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; }")
    document.setHtml(receipt_document_html(sale, shop_name))
    document.print_(device)


def write_receipt_pdf(sale: SaleView, shop_name: str, out: Path) -> Path:
    """The receipt as an A4 PDF at ``out``; DomainError when the file cannot be written."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(b"")  # QPdfWriter says nothing when it cannot write: find out here, with the reason
    except OSError as exc:
        raise DomainError(f"Cannot save {out}: {exc.strerror or exc}.", code="file_not_written") from None
    writer = QPdfWriter(str(out))
    writer.setResolution(PDF_DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setTitle(f"Receipt {sale.number}")
    writer.setCreator("serialdesk")
    _print(sale, shop_name, writer)
    del writer  # finishes the file
    return out


def print_receipt(sale: SaleView, shop_name: str, printer: QPrinter) -> str:
    """The receipt on the printer the print dialog set up; returns the sale number."""
    if not printer.isValid():
        raise DomainError("The printer could not be started: check that it is switched on and connected.",
                          code="printer_unavailable")
    _print(sale, shop_name, printer)
    return sale.number


class ReceiptOutput(QObject):
    """"Print receipt…" and "Save PDF…" for the pane's last sale; ``sig_done(what)`` — the PDF's path or "printed"."""

    sig_done = Signal(str)

    def __init__(self, host: ReceiptHost, banner: Banner, parent: QWidget) -> None:
        super().__init__(parent)
        self.host, self.banner, self.widget = host, banner, parent

    def _sale(self) -> SaleView | None:
        if self.host.last_sale is None:
            self.banner.warn("No sale yet: complete a sale, then print or save its receipt.")
        return self.host.last_sale

    def ask_save_pdf(self) -> None:
        sale = self._sale()
        if sale is None:
            return
        start = str(Path.home() / f"receipt-{sale.number}.pdf")
        path, _filter = QFileDialog.getSaveFileName(self.widget, f"Save the receipt of {sale.number}", start,
                                                    "PDF (*.pdf)")
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, out: Path) -> None:
        sale, shop = self._sale(), self.host.shop_name
        if sale is None:
            return

        def saved(path: Path) -> None:
            self.banner.good(f"Receipt {sale.number} saved as {path}.")
            self.sig_done.emit(str(path))

        self.host.call(lambda: write_receipt_pdf(sale, shop, out), saved, self.banner.bad,
                       label="save the receipt as PDF")

    def ask_print(self) -> None:
        sale = self._sale()
        if sale is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.widget)
        dialog.setWindowTitle(f"Print the receipt of {sale.number}")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        sale, shop = self._sale(), self.host.shop_name
        if sale is None:
            return

        def printed(number: str) -> None:
            self.banner.good(f"Receipt {number} sent to the printer.")
            self.sig_done.emit("printed")

        self.host.call(lambda: print_receipt(sale, shop, printer), printed, self.banner.bad,
                       label="print the receipt")
