"""The counter panes forward scans and keys to their sessions: Ctrl+Z takes the last scan out of the cart
whatever field has the cursor, and the swap-part form takes scans (through the one classifier)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.service_swap import SwapPartDialog

from .conftest import GTIN, Shop
from .test_sales_pane import choose_customer, sales, scan
from .test_service_pane import service

pytestmark = pytest.mark.gui


def test_ctrl_z_takes_the_last_scan_out_of_the_cart_with_the_cursor_in_the_customer_search(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.stock("SN001", "SN002")
    window = open_window()
    pane = sales(window)
    choose_customer(qtbot, pane, "jane")
    assert scan(qtbot, window, pane, "SN001")[0] == "good"
    assert scan(qtbot, window, pane, f"(01)0{GTIN}(21)SN002")[0] == "good"  # a GS1 label
    tone, message = scan(qtbot, window, pane, "9506000134352")  # a barcode the shop does not know: never a serial
    assert tone == "warn" and "Unknown product barcode 9506000134352" in message
    pane.ui.customerSearch.setFocus()
    qtbot.keyClick(pane.ui.customerSearch, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pane.cart.refs() == ["DRL-18V:SN001"] and "SN002 taken out" in pane.ui.banner.text()
    assert pane.ui.customerSearch.text() == "jane"  # the field's own undo did not run instead
    assert "129.90" in pane.ui.totalLabel.text()


def test_the_swap_form_takes_scans_for_both_parts(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    s = shop.services
    s.catalogue.add_product("CHK-13", "Chuck 13 mm", gtin="5901234123457")
    s.catalogue.set_part("DRL-18V", "CHK-13")
    shop.stock("SN001")
    s.receiving.receive_units(supplier=shop.supplier.number, sku="CHK-13", serials=["CH-NEW"])
    s.sales.sell_items(shop.customer.number, ["SN001"])
    s.service_desk.open_ticket("SN001", "Chuck wobbles")
    window = open_window()
    pane = service(window)
    assert window.wedge is not None
    with qtbot.waitSignal(pane.sig_passport_shown, timeout=5000):
        window.wedge.sig_scan.emit("SN001")
    pane.ask_swap_part()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SwapPartDialog)

    with qtbot.waitSignal(dialog.sig_scanned, timeout=5000):
        window.wedge.sig_scan.emit("OLD-CHUCK-1")  # routed to the open form: fills the part taken out
    window.wedge.sig_scan.emit(GTIN)  # a product barcode is no part: refused, nothing filled
    qtbot.waitUntil(lambda: "product barcode" in dialog.banner.text(), timeout=5000)
    with qtbot.waitSignal(dialog.sig_scanned, timeout=5000):
        window.wedge.sig_scan.emit("(01)05901234123457(21)CH-NEW")
    assert dialog.values() == {"out": "OLD-CHUCK-1", "into": "CHK-13:CH-NEW"}
    window.wedge.sig_scan.emit("ANOTHER")
    assert "Both parts are filled in" in dialog.banner.text()

    with qtbot.waitSignal(pane.sig_passport_shown, timeout=5000):
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert s.lookup.passport("CHK-13:CH-NEW").status == "fitted"
    ticket = pane.selected_ticket()
    assert ticket is not None and [sw.fitted for sw in ticket.swaps] == ["CHK-13:CH-NEW"]
