"""Print labels… from receiving: the PDF preview of a posted receipt scans back to its serials, on a roll and on
an A4 sheet, and printing paints the same pages onto the printer (a PDF-file printer here: the print dialog
itself cannot be shown in a test)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot

from serialdesk.gui.labels_dialog import LabelsDialog
from serialdesk.gui.labels_job import prepare_printer
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.receiving import ReceivingPane
from serialdesk.scanning.decode import decode_file

from .conftest import GTIN, Shop

pytestmark = pytest.mark.gui
SERIALS = ["SN001", "SN002", "SN003"]


def scanned_texts(pdf: Path, folder: Path) -> list[str]:
    """Every barcode read back from every page of ``pdf`` (rasterised at 300 dpi with pdftoppm)."""
    folder.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(pdf), str(folder / "page")], check=True)
    return sorted(code.text for page in sorted(folder.glob("page*.png")) for code in decode_file(page))


def page_count(pdf: Path) -> int:
    document = QPdfDocument()
    document.load(str(pdf))
    try:
        return document.pageCount()
    finally:
        document.close()


def posted_receipt(qtbot: QtBot, window: MainWindow, shop: Shop) -> ReceivingPane:
    pane = window.panes["receiving"]
    assert isinstance(pane, ReceivingPane) and window.wedge is not None
    assert not pane.ui.labelsButton.isEnabled()
    for text in (GTIN, *SERIALS):
        with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000):
            window.wedge.sig_scan.emit(text)
    assert pane.ui.labelsButton.isEnabled() and pane.labels_receipt() is pane.draft  # the draft can be labelled
    pane.ui.supplierCombo.setCurrentIndex(pane.ui.supplierCombo.findData(shop.supplier.number))
    pane.post()
    qtbot.waitUntil(lambda: pane.draft is None and pane.last_posted is not None)
    assert pane.ui.labelsButton.isEnabled()
    return pane


def open_labels(qtbot: QtBot, pane: ReceivingPane) -> tuple[LabelsDialog, Path, int]:
    dialog = pane.ask_labels()
    assert isinstance(dialog, LabelsDialog)
    with qtbot.waitSignal(dialog.sig_rendered, timeout=20_000) as rendered:
        pass
    return dialog, Path(rendered.args[0]), int(rendered.args[1])


def test_labels_of_a_posted_receipt_preview_as_a_pdf_that_scans_back(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    pane = posted_receipt(qtbot, open_window(), shop)
    dialog, pdf, pages = open_labels(qtbot, pane)

    assert dialog.options().layout == "roll-62x29" and pages == 3  # one roll label per page
    assert dialog.document.pageCount() == 3 and dialog.ui.printButton.isEnabled()
    assert scanned_texts(pdf, tmp_path / "roll") == SERIALS

    with qtbot.waitSignal(dialog.sig_rendered, timeout=20_000) as rendered:
        dialog.ui.layoutCombo.setCurrentIndex(dialog.ui.layoutCombo.findData("a4-3x8"))
        dialog.ui.startSpin.setValue(23)  # two labels left on the first sheet
        dialog.ui.symbologyCombo.setCurrentIndex(dialog.ui.symbologyCombo.findData("datamatrix"))
    assert rendered.args[1] == 2 and dialog.ui.startSpin.isEnabled()
    assert scanned_texts(Path(rendered.args[0]), tmp_path / "a4") == SERIALS

    with qtbot.waitSignal(dialog.sig_saved, timeout=5000):
        dialog.save_pdf(tmp_path / "saved.pdf")
    assert page_count(tmp_path / "saved.pdf") == 2
    dialog.reject()


def test_printing_paints_every_label_page_onto_the_printer(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    pane = posted_receipt(qtbot, open_window(), shop)
    dialog, pdf, _ = open_labels(qtbot, pane)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    prepare_printer(printer, pdf)
    size = printer.pageLayout().fullRectPoints().size()
    assert (round(size.width() / 72 * 25.4), round(size.height() / 72 * 25.4)) == (62, 29)  # the roll label

    with qtbot.waitSignal(dialog.sig_printed, timeout=20_000) as printed:
        dialog.print_to(printer)

    assert printed.args[0] == 3 and page_count(tmp_path / "printed.pdf") == 3
    assert scanned_texts(tmp_path / "printed.pdf", tmp_path / "printed") == SERIALS
    dialog.reject()
