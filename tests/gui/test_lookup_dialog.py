"""The look-up dialog (Ctrl+L) searches: Enter looks up (it never closes the dialog), several results are
listed and each opens its passport, a customer lists their units, nothing found says so."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from serialdesk.gui.lookup import LookupDialog
from serialdesk.gui.main_window import MainWindow

from .conftest import Shop

pytestmark = pytest.mark.gui


def open_lookup(qtbot: QtBot, window: MainWindow) -> LookupDialog:
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, LookupDialog)
    qtbot.waitUntil(dialog.ui.scanEdit.hasFocus)
    return dialog


def type_and_enter(qtbot: QtBot, dialog: LookupDialog, text: str) -> None:
    dialog.ui.scanEdit.clear()
    qtbot.keyClicks(dialog.ui.scanEdit, text)
    with qtbot.waitSignal(dialog.sig_searched, timeout=5000):
        qtbot.keyClick(dialog.ui.scanEdit, Qt.Key.Key_Return)


def listed(dialog: LookupDialog) -> list[str]:
    return [dialog.results.item(i).text() for i in range(dialog.results.count())]


def test_enter_looks_up_a_partial_serial_and_a_result_opens_its_passport(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.stock("SN1001", "SN1002", "XY9")
    dialog = open_lookup(qtbot, open_window())

    type_and_enter(qtbot, dialog, "sn10")

    assert dialog.isVisible()  # Enter searched; it did not close the dialog
    assert [line.split()[0] for line in listed(dialog) if line.startswith("DRL")] == ["DRL-18V:SN1001",
                                                                                      "DRL-18V:SN1002"]
    row = next(i for i, line in enumerate(listed(dialog)) if "SN1002" in line)
    dialog.results.setCurrentRow(row)
    with qtbot.waitSignal(dialog.sig_passport_shown, timeout=5000) as shown:
        qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    assert shown.args[0].serial == "SN1002" and dialog.isVisible()


def test_a_whole_serial_typed_shows_its_passport_at_once(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.stock("SN1001")
    dialog = open_lookup(qtbot, open_window())
    dialog.ui.scanEdit.clear()
    qtbot.keyClicks(dialog.ui.scanEdit, "sn1001")
    with qtbot.waitSignal(dialog.sig_passport_shown, timeout=5000) as shown:
        qtbot.keyClick(dialog.ui.scanEdit, Qt.Key.Key_Return)
    assert shown.args[0].serial == "SN1001" and dialog.isVisible()


def test_a_customer_by_phone_lists_their_units(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.stock("SN1001")
    shop.services.sales.sell_items(shop.customer.number, ["SN1001"])
    dialog = open_lookup(qtbot, open_window())

    type_and_enter(qtbot, dialog, "20123456")

    lines = listed(dialog)
    assert lines[0].startswith("Jane Smith") and any("DRL-18V:SN1001" in line for line in lines[1:])
    with qtbot.waitSignal(dialog.sig_passport_shown, timeout=5000) as shown:
        dialog.open_row(1)
    assert shown.args[0].serial == "SN1001"


def test_nothing_found_says_so_and_keeps_the_dialog_open(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    dialog = open_lookup(qtbot, open_window())
    dialog.ui.scanEdit.clear()
    qtbot.keyClicks(dialog.ui.scanEdit, "QQQ")
    with qtbot.waitSignal(dialog.sig_refused, timeout=5000):
        qtbot.keyClick(dialog.ui.scanEdit, Qt.Key.Key_Return)
    assert dialog.isVisible() and "Nothing matches 'QQQ'" in dialog.ui.banner.text()
    assert dialog.results.count() == 0
