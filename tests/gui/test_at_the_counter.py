"""At the counter (issue 13 part 4): Ctrl+Z, the lot on each scanned line, the lot when the product changes,
and a PIN typed quickly at sign-in — in real windows, with real key presses."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from serialdesk.bootstrap import App
from serialdesk.gui.login import LoginDialog
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.receiving import ReceivingPane
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.wedge import WedgeFilter

from .conftest import GTIN, Shop

pytestmark = pytest.mark.gui


def receiving(window: MainWindow) -> ReceivingPane:
    pane = window.panes["receiving"]
    assert isinstance(pane, ReceivingPane)
    return pane


def scan(qtbot: QtBot, window: MainWindow, pane: ReceivingPane, text: str) -> tuple[str, str]:
    assert window.wedge is not None
    with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000) as handled:
        window.wedge.sig_scan.emit(text)
    return str(handled.args[0]), str(handled.args[1])


def lot_column(pane: ReceivingPane) -> int:
    titles = [pane.scans.headerData(c, Qt.Orientation.Horizontal) for c in range(pane.scans.columnCount())]
    assert "Lot" in titles, titles
    return titles.index("Lot")


# --- Ctrl+Z -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["lotEdit", "scanEdit"])
def test_ctrl_z_undoes_the_last_scan_wherever_the_cursor_is_and_keeps_the_lot(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], field: str
) -> None:
    window = open_window()
    pane = receiving(window)
    scan(qtbot, window, pane, GTIN)
    qtbot.keyClicks(pane.ui.lotEdit, "L2406A")  # typed by the clerk: the line edit has its own undo history
    for serial in ("SN001", "SN002"):
        assert scan(qtbot, window, pane, serial)[0] == "good"
    widget = getattr(pane.ui, field)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)

    qtbot.keyClick(widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pane.count == 1)

    assert pane.ui.lotEdit.text() == "L2406A"  # the lot the clerk typed is still there
    draft = shop.services.receiving.receipts(open_only=True)[0]
    assert [(u.serial, u.lot) for u in shop.services.receiving.receipt(draft.id).units] == [("SN001", "L2406A")]
    assert pane.scans.row_at(0).outcome.startswith("Undone")
    tone, _ = scan(qtbot, window, pane, "SN003")  # the next scan still goes in with the lot
    assert tone == "good"
    assert shop.services.lookup.passport("SN003").lot == "L2406A"


def test_ctrl_z_twice_undoes_two_scans_not_one(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    pane = receiving(window)
    for text in (GTIN, "SN001", "SN002", "SN003"):
        scan(qtbot, window, pane, text)
    pane.ui.lotEdit.setFocus()
    qtbot.waitUntil(pane.ui.lotEdit.hasFocus)
    qtbot.keyClick(pane.ui.lotEdit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pane.count == 2 and not pane.runner.busy)
    qtbot.keyClick(pane.ui.lotEdit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pane.count == 1 and not pane.runner.busy)
    draft = shop.services.receiving.receipts(open_only=True)[0]
    assert [u.serial for u in shop.services.receiving.receipt(draft.id).units] == ["SN001"]


# --- the lot on each line -----------------------------------------------------------------------------------


def test_each_scanned_line_shows_its_lot(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    pane = receiving(window)
    scan(qtbot, window, pane, GTIN)
    pane.ui.lotEdit.setText("L1")
    scan(qtbot, window, pane, "SN001")
    pane.ui.lotEdit.clear()
    scan(qtbot, window, pane, "SN002")
    scan(qtbot, window, pane, f"(01)0{GTIN}(10)L2406A(21)SN0042")

    column = lot_column(pane)
    shown = [(pane.scans.index(r, 1).data(), pane.scans.index(r, column).data()) for r in range(3)]
    assert shown == [("SN0042", "L2406A"), ("SN002", ""), ("SN001", "L1")]


def test_a_resumed_draft_lists_its_units_with_their_lots(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    draft = shop.services.receiving.open_receipt()
    shop.services.receiving.add_scan(draft.id, "DRL-18V", "SN001", lot="L7")
    pane = receiving(open_window())
    qtbot.mouseClick(pane.ui.resumeButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.draft is not None)
    assert pane.scans.index(0, lot_column(pane)).data() == "L7"


# --- the lot when the product changes -----------------------------------------------------------------------


def test_choosing_another_product_clears_the_lot(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.services.catalogue.add_product("SAW-1", "Circular saw", gtin="4006381333948")
    window = open_window()
    pane = receiving(window)
    qtbot.waitUntil(lambda: pane.ui.productCombo.findData("SAW-1") >= 0)
    scan(qtbot, window, pane, GTIN)
    pane.ui.lotEdit.setText("L1")
    scan(qtbot, window, pane, "SN001")

    pane.ui.productCombo.setCurrentIndex(pane.ui.productCombo.findData("SAW-1"))  # picked by the clerk

    assert pane.current_sku() == "SAW-1" and pane.ui.lotEdit.text() == ""
    assert "lot" in pane.ui.banner.text().lower()
    scan(qtbot, window, pane, "SAW-0001")
    assert shop.services.lookup.passport("SAW-0001").lot is None  # not the drill's lot

    pane.ui.lotEdit.setText("S9")
    scan(qtbot, window, pane, GTIN)  # the drill's barcode switches back: the saw's lot goes too
    assert pane.current_sku() == "DRL-18V" and pane.ui.lotEdit.text() == ""


def test_a_lot_typed_before_any_product_and_a_label_lot_are_kept(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    pane = receiving(window)
    pane.ui.lotEdit.setText("L5")  # typed first, product scanned second: the lot is for it
    scan(qtbot, window, pane, GTIN)
    assert pane.ui.lotEdit.text() == "L5"
    shop.services.catalogue.add_product("SAW-1", "Circular saw", gtin="4006381333948")
    pane.load()
    qtbot.waitUntil(lambda: pane.ui.productCombo.findData("SAW-1") >= 0)
    assert scan(qtbot, window, pane, "(01)04006381333948(10)S22(21)SAW-7")[0] == "good"
    assert pane.current_sku() == "SAW-1" and pane.ui.lotEdit.text() == "S22"  # the label's own lot


# --- a PIN at sign-in ---------------------------------------------------------------------------------------


@pytest.fixture
def login(qtbot: QtBot, qapp: QApplication, gui_app: App, runner: TaskRunner) -> Iterator[LoginDialog]:
    dialog = LoginDialog(gui_app, runner, "admin")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.ui.pinEdit.hasFocus)
    yield dialog


def post_keys(target: QWidget, text: str, gap_ms: int, start_ms: int = 5_000_000) -> None:
    """Key presses (and releases) posted to the window, with the key times a fast typist or a scanner gives."""
    window = target.window().windowHandle()
    for i, char in enumerate(text):
        key = Qt.Key.Key_Return if char == "\r" else Qt.Key(ord(char.upper()))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            event.setTimestamp(start_ms + i * gap_ms)
            QCoreApplication.postEvent(window, event)



@pytest.mark.parametrize("gap_ms", [2, 25])  # a scanner's speed, and a quick thumb on a keypad
def test_a_pin_typed_quickly_at_sign_in_signs_in(
    qtbot: QtBot, qapp: QApplication, login: LoginDialog, gap_ms: int
) -> None:
    wedge = WedgeFilter(accept_synthetic=True)
    scans: list[str] = []
    wedge.sig_scan.connect(scans.append)
    wedge.install(qapp)
    try:
        with qtbot.waitSignal(login.sig_signed_in, timeout=5000) as signed_in:
            post_keys(login.ui.pinEdit, "1234\r", gap_ms)
        assert signed_in.args[0].name == "admin"
        assert scans == []
    finally:
        wedge.uninstall(qapp)


def test_a_pin_typed_with_qtest_under_the_installed_wedge_signs_in(
    qtbot: QtBot, qapp: QApplication, login: LoginDialog
) -> None:
    wedge = WedgeFilter()  # as the app installs it: spontaneous presses only
    scans: list[str] = []
    wedge.sig_scan.connect(scans.append)
    wedge.install(qapp)
    try:
        qtbot.keyClicks(login.ui.pinEdit, "1234")
        assert login.ui.pinEdit.text() == "1234"
        with qtbot.waitSignal(login.sig_signed_in, timeout=5000):
            qtbot.keyClick(login.ui.pinEdit, Qt.Key.Key_Return)
        assert scans == []
    finally:
        wedge.uninstall(qapp)


def test_a_scan_still_reaches_the_pane_while_a_password_field_is_elsewhere(
    qtbot: QtBot, qapp: QApplication, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    """The exemption is for the field being typed into, not for the whole application."""
    window = open_window()
    pane = receiving(window)
    wedge = WedgeFilter(accept_synthetic=True)
    scans: list[str] = []
    wedge.sig_scan.connect(scans.append)
    wedge.install(qapp)
    try:
        pane.ui.lotEdit.setFocus()
        qtbot.waitUntil(pane.ui.lotEdit.hasFocus)
        with qtbot.waitSignal(wedge.sig_scan, timeout=3000):
            post_keys(pane.ui.lotEdit, "SN0042\r", gap_ms=2)
        assert scans == ["SN0042"] and pane.ui.lotEdit.text() == ""
    finally:
        wedge.uninstall(qapp)
