"""The service pane and Ctrl+L: the passport of a scanned unit, and a ticket opened on it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from serialdesk.gui.lookup import LookupDialog
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.service import ServicePane
from serialdesk.gui.widgets.form_dialog import FormDialog
from serialdesk.gui.widgets.passport import warranty_badge
from tests.conftest import Clock

from .conftest import Shop

pytestmark = pytest.mark.gui


def service(window: MainWindow) -> ServicePane:
    pane = window.panes["service"]
    window.show_pane("service")
    assert isinstance(pane, ServicePane)
    return pane


def test_the_passport_of_a_sold_unit_shows_buyer_warranty_and_history(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.stock("SN001")
    shop.services.sales.sell_items(shop.customer.number, ["SN001"])
    window = open_window()
    qtbot.keyClick(window, Qt.Key.Key_F4)
    pane = service(window)
    assert window.current_key() == "service"

    with qtbot.waitSignal(pane.sig_passport_shown, timeout=5000):
        qtbot.keyClicks(pane.ui.scanEdit, "SN001")
        qtbot.keyClick(pane.ui.scanEdit, Qt.Key.Key_Return)

    panel = pane.ui.passportPanel.ui
    assert panel.serialLabel.text() == "SN001" and panel.productLabel.text() == "Cordless drill 18V"
    assert "Jane Smith" in panel.customerValue.text() and panel.supplierValue.text() == "Makita Europe"
    assert panel.statusBadge.text() == "Sold"
    assert panel.warrantyBadge.property("tone") == "good" and "days left" in panel.warrantyBadge.text()
    kinds = [e.kind for e in pane.ui.passportPanel.events.rows()]
    assert {"received", "sold"} <= set(kinds)


def test_an_unknown_serial_clears_the_passport_and_says_so(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    pane = service(window)
    assert window.wedge is not None
    with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000) as handled:
        window.wedge.sig_scan.emit("NOPE42")
    assert handled.args[0] == "bad" and "NOPE42" in pane.ui.banner.text()
    assert pane.passport is None and not pane.ui.openTicketButton.isEnabled()


def test_a_ticket_is_opened_on_the_scanned_unit(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.stock("SN001")
    shop.services.sales.sell_items(shop.customer.number, ["SN001"])
    window = open_window()
    pane = service(window)
    assert window.wedge is not None
    with qtbot.waitSignal(pane.sig_passport_shown, timeout=5000):
        window.wedge.sig_scan.emit("SN001")

    pane.ask_open_ticket()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, FormDialog)
    dialog.set_value("problem", "Chuck wobbles")
    with qtbot.waitSignal(pane.sig_passport_shown, timeout=5000):
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)

    tickets = shop.services.service_desk.tickets()
    assert [(t.serial, t.problem, t.warranty_claim) for t in tickets] == [("SN001", "Chuck wobbles", True)]
    assert pane.tickets.rowCount() == 1 and pane.selected_ticket() is not None
    assert "Chuck wobbles" in pane.ui.ticketDetail.toPlainText()
    assert pane.ui.logWorkButton.isEnabled() and pane.passport is not None
    assert pane.passport.status == "in_service"


def test_ctrl_l_looks_up_a_unit_from_any_pane(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.stock("SN001")
    window = open_window()
    assert window.current_key() == "receiving"
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, LookupDialog)
    assert window.wedge is not None
    with qtbot.waitSignal(dialog.sig_passport_shown, timeout=5000):
        window.wedge.sig_scan.emit("SN001")
    assert dialog.ui.passportPanel.ui.statusBadge.text() == "In stock"
    assert window.panes["receiving"].scans.rowCount() == 0  # type: ignore[attr-defined]
    dialog.reject()


def submit(qtbot: QtBot, pane: ServicePane, values: dict[str, str]) -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, FormDialog)
    for name, value in values.items():
        dialog.set_value(name, value)
    with qtbot.waitSignal(pane.sig_passport_shown, timeout=5000):
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)


def test_work_is_logged_and_the_ticket_closed_hands_the_unit_back(
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
    assert pane.selected_ticket() is not None and not pane.ui.openTicketButton.isEnabled()

    pane.ask_log_work()
    submit(qtbot, pane, {"text": "Replaced the chuck"})
    assert "Replaced the chuck" in pane.ui.ticketDetail.toPlainText()
    pane.ask_close_ticket()
    submit(qtbot, pane, {"resolution": "Chuck replaced under warranty"})

    closed = shop.services.service_desk.ticket(ticket.id)
    assert closed.status == "closed" and [w.text for w in closed.work] == ["Replaced the chuck"]
    assert pane.passport is not None and pane.passport.status == "sold"
    assert not pane.ui.closeTicketButton.isEnabled() and pane.ui.openTicketButton.isEnabled()


def test_the_warranty_badge_turns_amber_in_the_last_60_days_and_red_after(
    shop: Shop, clock: Clock
) -> None:
    shop.stock("SN001")
    shop.services.sales.sell_items(shop.customer.number, ["SN001"])
    assert warranty_badge(shop.services.lookup.passport("SN001"), clock.now)[1] == "good"
    clock.advance(days=2 * 365 - 59)
    text, tone, _ = warranty_badge(shop.services.lookup.passport("SN001"), clock.now)
    assert tone == "warn" and "days left" in text
    clock.advance(days=70)
    text, tone, tip = warranty_badge(shop.services.lookup.passport("SN001"), clock.now)
    assert tone == "bad" and "ended" in text and "3 Mar 2028" in tip
