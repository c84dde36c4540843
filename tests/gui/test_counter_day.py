"""One unit's day at the counter, entirely through the window: received by scanning, sold, taken in for
service, then looked up from another pane — each step checked in the database through the services."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from serialdesk.gui.lookup import LookupDialog
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.widgets.form_dialog import FormDialog

from .conftest import GTIN, Shop
from .test_receiving_pane import receiving, wedge_scan
from .test_sales_pane import choose_customer, sales
from .test_sales_pane import scan as sales_scan
from .test_service_pane import service

pytestmark = pytest.mark.gui


def test_receive_sell_service_and_look_up_one_unit_through_the_window(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()

    # Receiving: the product's barcode, then the unit's serial, from the scanner; then post.
    pane = receiving(window)
    assert wedge_scan(qtbot, window, pane, GTIN)[0] == "info"
    assert wedge_scan(qtbot, window, pane, "SN-DAY-1")[0] == "good"
    pane.ui.supplierCombo.setCurrentIndex(pane.ui.supplierCombo.findData(shop.supplier.number))
    qtbot.mouseClick(pane.ui.postButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.draft is None)
    assert shop.services.lookup.passport("SN-DAY-1").status == "in_stock"

    # Sales: the customer, the unit, complete.
    till = sales(window)
    choose_customer(qtbot, till, "jane")
    assert sales_scan(qtbot, window, till, "SN-DAY-1")[0] == "good"
    with qtbot.waitSignal(till.sig_sold, timeout=5000):
        qtbot.mouseClick(till.ui.completeButton, Qt.MouseButton.LeftButton)
    sold = shop.services.lookup.passport("SN-DAY-1")
    assert sold.status == "sold" and sold.customer == shop.customer and sold.warranty_status == "in_warranty"

    # Service: the unit comes back; its passport shows the buyer; a warranty ticket is opened.
    desk = service(window)
    with qtbot.waitSignal(desk.sig_passport_shown, timeout=5000):
        window.wedge.sig_scan.emit("SN-DAY-1")  # type: ignore[union-attr]
    assert desk.passport is not None and desk.passport.customer == shop.customer
    desk.ask_open_ticket()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, FormDialog)
    dialog.set_value("problem", "Chuck wobbles")
    with qtbot.waitSignal(desk.sig_passport_shown, timeout=5000):
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    (ticket,) = shop.services.service_desk.tickets()
    assert (ticket.serial, ticket.warranty_claim) == ("SN-DAY-1", True)

    # Look-up from the receiving pane (Ctrl+L): the whole story.
    window.show_pane("receiving")
    window.activateWindow()  # the ticket dialog had the keyboard
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    lookup = QApplication.activeModalWidget()
    assert isinstance(lookup, LookupDialog)
    with qtbot.waitSignal(lookup.sig_passport_shown, timeout=5000):
        window.wedge.sig_scan.emit("SN-DAY-1")  # type: ignore[union-attr]
    assert lookup.ui.passportPanel.ui.statusBadge.text() == "In service"
    kinds = [e.kind for e in shop.services.lookup.passport("SN-DAY-1").events]
    assert kinds == ["scanned", "received", "sold", "ticket_opened"]
    lookup.reject()
