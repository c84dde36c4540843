"""After a sale, its receipt as a PDF or on a printer: shop name, sale, customer, serials, prices, warranty, total."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from serialdesk.documents.paper import Paper
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.sales import SalesPane
from serialdesk.services.shop import ShopProfileView

from .conftest import Shop
from .test_sales_pane import choose_customer, sales, scan

pytestmark = pytest.mark.gui


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def sell_two(qtbot: QtBot, shop: Shop, window: MainWindow) -> SalesPane:
    shop.stock("SN001", "SN002")
    window.apply_preferences(replace(window.preferences, shop_name="Nordic Tools & Bikes"))
    pane = sales(window)
    assert not pane.ui.savePdfButton.isEnabled()
    choose_customer(qtbot, pane, "jane")
    scan(qtbot, window, pane, "SN001")
    scan(qtbot, window, pane, "SN002")
    with qtbot.waitSignal(pane.sig_sold, timeout=5000):
        qtbot.mouseClick(pane.ui.completeButton, Qt.MouseButton.LeftButton)
    assert pane.ui.savePdfButton.isEnabled() and pane.ui.printReceiptButton.isEnabled()
    return pane


def assert_is_the_receipt(text: str, pane: SalesPane) -> None:
    sale = pane.last_sale
    assert sale is not None
    assert "Nordic Tools & Bikes" in text  # the station's name for a shop whose profile has none yet
    assert f"Sale {sale.number}" in text and "Jane Smith" in text
    assert sale.receipt_number and sale.receipt_number in text  # issue 18: the receipt's own number
    paper = Paper(ShopProfileView())
    for line in sale.lines:
        assert line.serial in text
        assert line.warranty_until is not None and paper.day(line.warranty_until) in text
    assert text.count("129.90") >= 2 and "259.80" in text  # each unit's price, and the total
    assert "VAT rate" in text and "Cash" in text  # the VAT per rate, and how it was paid


def test_save_pdf_writes_the_receipt_off_the_gui_thread(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    pane = sell_two(qtbot, shop, open_window())
    out = tmp_path / "receipts" / "receipt.pdf"

    with qtbot.waitSignal(pane.receipt_output.sig_done, timeout=10_000) as done:
        pane.receipt_output.save_pdf(out)  # what Save PDF… (Ctrl+Shift+S) does with the chosen file

    assert done.args == [str(out)]
    assert_is_the_receipt(pdf_text(out), pane)
    assert pane.ui.banner.tone == "good" and str(out) in pane.ui.banner.text()


def test_print_receipt_paints_the_same_receipt_on_the_printer(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    pane = sell_two(qtbot, shop, open_window())
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # as the print dialog leaves it, printing to a file
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))

    with qtbot.waitSignal(pane.receipt_output.sig_done, timeout=10_000):
        pane.receipt_output.print_to(printer)
    del printer  # the file is complete once the printer is gone

    assert_is_the_receipt(pdf_text(tmp_path / "printed.pdf"), pane)


def test_a_receipt_that_cannot_be_saved_says_why(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    pane = sell_two(qtbot, shop, open_window())
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with qtbot.waitSignal(pane.runner.sig_busy, timeout=5000, check_params_cb=lambda busy: not busy):
        pane.receipt_output.save_pdf(blocker / "receipt.pdf")  # a folder that is a file
    assert pane.ui.banner.tone == "bad" and "Cannot save" in pane.ui.banner.text()
