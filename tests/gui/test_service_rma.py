"""The service pane's claim on the supplier (issue 15): a ticket on a unit under the supplier's warranty offers
"Claim from supplier (RMA)…"; the ticket shows both warranties with days left; a unit without it offers none."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.service import ServicePane
from serialdesk.gui.widgets.form_dialog import FormDialog

from .conftest import Shop

pytestmark = pytest.mark.gui


def _pane_on(qtbot: QtBot, window: MainWindow, serial: str) -> ServicePane:
    pane = window.panes["service"]
    window.show_pane("service")
    assert isinstance(pane, ServicePane) and window.wedge is not None
    with qtbot.waitSignal(pane.sig_passport_shown, timeout=5000):
        window.wedge.sig_scan.emit(serial)
    return pane


def test_a_ticket_under_the_suppliers_warranty_is_claimed_from_the_pane(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    s = shop.services
    s.catalogue.add_product("EBIKE", "E-bike", warranty_months=6, supplier_warranty_months=24)
    s.receiving.receive_units(supplier=shop.supplier.number, sku="EBIKE", serials=["E1"])
    s.sales.sell_items(shop.customer.number, ["E1"])
    s.service_desk.open_ticket("E1", "motor cuts out")
    pane = _pane_on(qtbot, open_window(), "E1")
    detail = pane.ui.ticketDetail.toPlainText()
    assert "Our warranty to the customer: until" in detail and "days left" in detail.split("supplier's")[0]
    assert "The supplier's warranty to us: Makita Europe, until" in detail
    assert pane.rma.button.isVisible() and pane.rma.button.isEnabled()

    assert pane.rma.ask() is not None
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, FormDialog)
    dialog.set_value("claim", "VX-77")
    with qtbot.waitSignal(pane.sig_passport_shown, timeout=5000):
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    [claim] = s.rma.rmas()
    assert (claim.number, claim.claim_no, claim.ticket, claim.state) == ("RMA-0001", "VX-77", "T-0001", "open")
    assert "RMA-0001" in pane.ui.banner.text()
    assert pane.rma.button.text() == "Claimed: RMA-0001 (open)" and not pane.rma.button.isEnabled()


def test_no_claim_is_offered_without_the_suppliers_warranty(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.stock("SN001")  # the drill has no supplier warranty on record
    shop.services.sales.sell_items(shop.customer.number, ["SN001"])
    shop.services.service_desk.open_ticket("SN001", "Chuck wobbles")
    pane = _pane_on(qtbot, open_window(), "SN001")
    assert pane.selected_ticket() is not None
    assert not pane.rma.button.isVisible() and pane.rma.ask() is None
    assert "The supplier's warranty to us: none on record" in pane.ui.ticketDetail.toPlainText()
