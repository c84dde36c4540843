"""The service desk's second slice: a ticket waits for parts and is marked done; a unit we never sold is taken in
with its product and owner."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.service import ServicePane
from serialdesk.gui.panes.service_foreign import ForeignUnitDialog
from serialdesk.gui.widgets.form_dialog import FormDialog

from .conftest import Shop

pytestmark = pytest.mark.gui


def service(window: MainWindow) -> ServicePane:
    window.show_pane("service")
    pane = window.panes["service"]
    assert isinstance(pane, ServicePane)
    return pane


def test_a_ticket_waits_for_parts_then_is_marked_done(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.stock("SN001")
    shop.services.sales.sell_items(shop.customer.number, ["SN001"])
    ticket = shop.services.service_desk.open_ticket("SN001", "Chuck wobbles")
    window = open_window()
    pane = service(window)
    assert window.wedge is not None
    with qtbot.waitSignal(pane.sig_passport_shown, timeout=5000):
        window.wedge.sig_scan.emit("SN001")
    assert pane.ui.waitingButton.text() == "Waiting for parts" and pane.ui.doneButton.isEnabled()

    with qtbot.waitSignal(pane.sig_passport_shown, timeout=5000):
        qtbot.mouseClick(pane.ui.waitingButton, Qt.MouseButton.LeftButton)
    assert shop.services.service_desk.ticket(ticket.id).status == "waiting_parts"
    assert pane.selected_ticket() is not None and pane.selected_ticket().status == "waiting_parts"  # type: ignore
    assert pane.ui.waitingButton.text() == "Parts arrived"
    assert pane.tickets.data(pane.tickets.index(0, 1)) == "Waiting for parts"

    with qtbot.waitSignal(pane.sig_passport_shown, timeout=5000):
        qtbot.keyClick(pane.ui.scanEdit, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert shop.services.service_desk.ticket(ticket.id).status == "done"
    assert not pane.ui.doneButton.isEnabled() and not pane.ui.waitingButton.isEnabled()
    assert pane.ui.closeTicketButton.isEnabled()  # done: the unit waits to be collected and handed back


def test_a_unit_not_sold_by_us_is_taken_in_with_its_product_and_owner(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    pane = service(window)
    assert window.wedge is not None
    with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000):
        window.wedge.sig_scan.emit("EXT-7788")
    assert "Unit not sold by us" in pane.ui.banner.text()

    qtbot.mouseClick(pane.ui.foreignButton, Qt.MouseButton.LeftButton)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ForeignUnitDialog)
    sku = dialog.inputs["sku"]
    assert isinstance(sku, QComboBox)
    qtbot.waitUntil(lambda: sku.count() > 0)
    assert dialog.values()["serial"] == "EXT-7788"  # the scan that was not ours
    dialog.set_value("problem", "Motor smells burnt")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Choose the owner" in dialog.banner.text()

    qtbot.keyClicks(dialog.search_edit, "Jane")
    qtbot.waitUntil(lambda: dialog.customer is not None)
    with qtbot.waitSignal(pane.sig_passport_shown, timeout=5000) as shown:
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)

    passport = shown.args[0]
    assert (passport.serial, passport.sku, passport.status, passport.sold_by_us) == (
        "EXT-7788", "DRL-18V", "in_service", False)
    tickets = shop.services.service_desk.tickets()
    assert [(t.serial, t.problem, t.sold_by_us, t.warranty_claim) for t in tickets] == [
        ("EXT-7788", "Motor smells burnt", False, False)]
    assert tickets[0].customer is not None and tickets[0].customer.name == "Jane Smith"
    assert "not sold by us" in pane.ui.ticketDetail.toPlainText()


def test_a_new_owner_is_added_from_the_intake_dialog(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    pane = service(open_window())
    dialog = pane.ask_foreign_unit()
    assert isinstance(dialog, ForeignUnitDialog)
    qtbot.keyClicks(dialog.search_edit, "Ole Hansen")
    new = dialog.ask_new_customer()
    assert isinstance(new, FormDialog) and new.values()["name"] == "Ole Hansen"
    new.set_value("phone", "+45 30 111222")
    qtbot.mouseClick(new.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.customer is not None)
    assert dialog.customer is not None and dialog.customer.name == "Ole Hansen"
    assert [c.name for c in shop.services.catalogue.find_customers("Ole")] == ["Ole Hansen"]
    dialog.reject()
