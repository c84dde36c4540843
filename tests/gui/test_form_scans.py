"""Forms that ask for serials take scans (issue 13 part 4), read by the one classifier: a GS1 label gives its
serial (its GS separators never reach a line edit), another product's label is refused in the form."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.receiving import ReceivingPane
from serialdesk.gui.widgets.form_dialog import FormDialog

from .conftest import GTIN, Shop

pytestmark = pytest.mark.gui
GS = "\x1d"


def receiving_with_drill(qtbot: QtBot, window: MainWindow) -> ReceivingPane:
    pane = window.panes["receiving"]
    assert isinstance(pane, ReceivingPane) and window.wedge is not None
    with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000):
        window.wedge.sig_scan.emit(GTIN)
    return pane


def routed(qtbot: QtBot, window: MainWindow, dialog: FormDialog, text: str) -> None:
    """A scanner burst while the form is open: the window routes it to the form."""
    assert window.wedge is not None
    with qtbot.waitSignals([dialog.sig_scanned], timeout=5000):
        window.wedge.sig_scan.emit(text)


def test_paste_serials_takes_scans_one_line_each_by_the_classifier(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    pane = receiving_with_drill(qtbot, window)
    dialog = pane.bulk.ask_paste()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)

    routed(qtbot, window, dialog, f"010{GTIN}10L1{GS}21NEW-1")  # raw GS1: lot, GS, serial
    routed(qtbot, window, dialog, "new-2")

    lines = dialog.inputs["serials"]
    assert isinstance(lines, QPlainTextEdit)
    assert lines.toPlainText().splitlines() == ["NEW-1", "NEW-2"]

    shop.services.catalogue.add_product("SAW-7", "Circular saw")
    assert window.wedge is not None
    window.wedge.sig_scan.emit("SAW-7:S-1")
    qtbot.waitUntil(lambda: dialog.banner.tone == "bad")
    assert "SAW-7" in dialog.banner.text() and lines.toPlainText().splitlines() == ["NEW-1", "NEW-2"]


def test_a_range_takes_its_first_and_last_serial_from_scans(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    pane = receiving_with_drill(qtbot, window)
    dialog = pane.bulk.ask_range()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    routed(qtbot, window, dialog, f"(01)0{GTIN}(21)SN0001")
    routed(qtbot, window, dialog, "sn0005")
    first, last = dialog.inputs["first"], dialog.inputs["last"]
    assert isinstance(first, QLineEdit) and isinstance(last, QLineEdit)
    assert (first.text(), last.text()) == ("SN0001", "SN0005")


def test_a_return_takes_a_raw_gs1_label_whole_not_as_a_line_edit_mangles_it(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QComboBox, QPlainTextEdit

    from serialdesk.gui.panes.sales import SalesPane
    from serialdesk.gui.panes.sales_return import ReturnDialog

    shop.stock("SN001")
    shop.services.sales.sell_items(shop.customer.number, ["SN001"])
    window = open_window()
    pane = window.panes["sales"]
    assert isinstance(pane, SalesPane)
    pane.ask_return()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ReturnDialog)
    routed(qtbot, window, dialog, f"010{GTIN}10L1{GS}21SN001")  # lot, GS, serial
    qtbot.waitUntil(lambda: "Jane Smith" in dialog.banner.text())
    serial, to, reason = dialog.inputs["serial"], dialog.inputs["to"], dialog.inputs["reason"]
    assert isinstance(serial, QLineEdit) and isinstance(to, QComboBox) and isinstance(reason, QPlainTextEdit)
    assert serial.text() == "DRL-18V:SN001"
    to.setCurrentIndex(to.findData("stock"))
    reason.setPlainText("Changed their mind")
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert shop.services.lookup.passport("SN001").status == "in_stock"
