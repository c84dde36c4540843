"""The sale receipt on paper or as a PDF for the customer (issue 18): the shop profile's name, address and VAT
number, the receipt's gapless number, each unit with its serial, VAT rate and warranty end, the VAT per rate and
the payments — the one document ``sell --receipt`` writes too (documents.receipt, painted by labels.pages).

Read and painted on the worker thread (a QTextDocument painting on a QPdfWriter or a QPrinter needs no GUI
thread), so the counter never waits for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from serialdesk.documents.receipt import receipt_html, receipt_images
from serialdesk.documents.receipt import write_receipt_pdf as write_document
from serialdesk.domain.errors import DomainError
from serialdesk.gui.tasks import Task
from serialdesk.gui.widgets.feedback import Banner
from serialdesk.labels.pages import print_html
from serialdesk.services.bundle import Services
from serialdesk.services.dto import SaleView
from serialdesk.services.receipts import SaleReceipt


class ReceiptHost(Protocol):
    """What the receipt output needs of the pane that sells (so it never imports the pane)."""

    @property
    def last_sale(self) -> SaleView | None: ...

    @property
    def shop_name(self) -> str: ...

    @property
    def services(self) -> Services: ...

    def call(self, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
             failed: Callable[[str], None] | None = None, *, label: str = "") -> Task: ...


def read_receipt(services: Services, sale: SaleView, shop_name: str) -> SaleReceipt:
    """The sale's receipt; a shop whose profile has no name yet is called by this station's name for it."""
    receipt = services.receipts.sale_receipt(sale.id)
    if not receipt.shop.name.strip() and shop_name:
        receipt = replace(receipt, shop=replace(receipt.shop, name=shop_name))
    return receipt


def write_receipt_pdf(services: Services, sale: SaleView, shop_name: str, out: Path) -> Path:
    """The receipt as an A4 PDF at ``out`` (its folder made if need be); DomainError when it cannot be written."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DomainError(f"Cannot save {out}: {exc.strerror or exc}.", code="file_not_written") from None
    return write_document(read_receipt(services, sale, shop_name), out)


def print_receipt(services: Services, sale: SaleView, shop_name: str, printer: QPrinter) -> str:
    """The receipt on the printer the print dialog set up; returns the receipt's number."""
    if not printer.isValid():
        raise DomainError("The printer could not be started: check that it is switched on and connected.",
                          code="printer_unavailable")
    receipt = read_receipt(services, sale, shop_name)
    print_html(receipt_html(receipt), printer, receipt_images(receipt))
    return receipt.number


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
        sale, shop, services = self._sale(), self.host.shop_name, self.host.services
        if sale is None:
            return

        def saved(path: Path) -> None:
            self.banner.offer_open(f"Receipt {sale.number} saved as {path}.", path)
            self.sig_done.emit(str(path))

        self.host.call(lambda: write_receipt_pdf(services, sale, shop, out), saved, self.banner.bad,
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
        sale, shop, services = self._sale(), self.host.shop_name, self.host.services
        if sale is None:
            return

        def printed(number: str) -> None:
            self.banner.good(f"Receipt {number} sent to the printer.")
            self.sig_done.emit("printed")

        self.host.call(lambda: print_receipt(services, sale, shop, printer), printed, self.banner.bad,
                       label="print the receipt")
