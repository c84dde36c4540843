"""The service pane and the job sheet (issue 18): the sheet's barcode, scanned at the desk, opens its ticket; the
pane saves the sheet for the chosen ticket."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.scanning.decode import decode_file

from .conftest import Shop
from .test_service_pane import service

pytestmark = pytest.mark.gui


def test_scanning_a_job_sheet_opens_its_ticket_and_the_pane_saves_the_sheet(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    shop.stock("SN001", "SN002")
    desk = shop.services.service_desk
    shop.services.sales.sell_items(shop.customer.number, ["SN001", "SN002"])
    first = desk.open_ticket("SN001", "Chuck slips", accessories="battery, case")
    desk.close_ticket(first.id, "Chuck replaced")
    wanted = desk.open_ticket("SN001", "Battery does not charge")  # the unit's second ticket
    desk.open_ticket("SN002", "Noisy gearbox")
    window = open_window()
    pane = service(window)
    with qtbot.waitSignal(pane.sig_passport_shown, timeout=5000):
        qtbot.keyClicks(pane.ui.scanEdit, first.number)  # the closed one: not the unit's latest open ticket
        qtbot.keyClick(pane.ui.scanEdit, Qt.Key.Key_Return)
    assert pane.session.ticket is not None and pane.session.ticket.number == first.number
    assert pane.jobSheetButton.isEnabled()

    out = tmp_path / "hand-back.pdf"
    with qtbot.waitSignal(pane.paper.sig_done, timeout=10_000):
        pane.paper.save(pane.session.ticket, out)
    text = subprocess.run(["pdftotext", str(out), "-"], check=True, capture_output=True, text=True).stdout
    assert "Hand-back" in text and "Chuck replaced" in text
    subprocess.run(["pdftoppm", "-png", "-r", "100", str(out), str(tmp_path / "sheet")], check=True)
    (code,) = decode_file(tmp_path / "sheet-1.png")

    with qtbot.waitSignal(pane.sig_passport_shown, timeout=5000):
        qtbot.keyClicks(pane.ui.scanEdit, wanted.number)
        qtbot.keyClick(pane.ui.scanEdit, Qt.Key.Key_Return)
    assert pane.session.ticket is not None and pane.session.ticket.number == wanted.number
    assert code.text == first.number


def test_print_sheet_paints_the_job_sheet_on_the_printer_and_its_barcode_reads_back(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    shop.stock("SN001")
    shop.services.sales.sell_items(shop.customer.number, ["SN001"])
    ticket = shop.services.service_desk.open_ticket("SN001", "Battery does not charge", accessories="charger")
    window = open_window()
    pane = service(window)
    assert not pane.paper.print_button.isEnabled()  # no ticket chosen yet
    with qtbot.waitSignal(pane.sig_passport_shown, timeout=5000):
        qtbot.keyClicks(pane.ui.scanEdit, ticket.number)
        qtbot.keyClick(pane.ui.scanEdit, Qt.Key.Key_Return)
    assert pane.paper.print_button.isEnabled() and pane.jobSheetButton.isEnabled()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # as the print dialog leaves it, printing to a file
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(pane.paper.sig_done, timeout=10_000) as done:
        pane.paper.print_to(pane.session.ticket, printer)
    del printer  # the file is complete once the printer is gone
    assert done.args[0] == "printed" and ticket.number in pane.ui.banner.text()
    text = subprocess.run(["pdftotext", str(tmp_path / "printed.pdf"), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "Job sheet" in text and "Battery does not charge" in text and "charger" in text
    subprocess.run(["pdftoppm", "-png", "-r", "100", str(tmp_path / "printed.pdf"), str(tmp_path / "p")], check=True)
    assert [c.text for c in decode_file(tmp_path / "p-1.png")] == [ticket.number]
