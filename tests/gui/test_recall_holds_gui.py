"""A unit held by a recall, on screen: the passport says it first, the sales pane refuses it naming the recall,
and the recall pane asks before recording a second recall of the same units."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.recall import RecallPane
from serialdesk.gui.widgets.form_dialog import FormDialog
from serialdesk.gui.widgets.passport import PassportPanel
from serialdesk.services.dto import RecallCriteria

from .conftest import Shop
from .test_sales_pane import sales, scan
from .test_service_pane import service

pytestmark = pytest.mark.gui


@pytest.fixture
def recalled(shop: Shop) -> Shop:
    """SN001 (sold to Jane, then returned) and SN002 (on the shelf) are on recall RC-0001."""
    shop.services.receiving.receive_units(supplier=shop.supplier.number, sku="DRL-18V", lot="L1",
                                          serials=["SN001", "SN002"])
    shop.services.sales.sell_items(shop.customer.number, ["SN001"])
    shop.services.recalls.start_recall(RecallCriteria("DRL-18V", lots=("L1",)), "Battery contacts may overheat")
    shop.services.sales.return_item("SN001", to="stock", reason="recall letter")
    return shop


def test_the_passport_panel_shows_the_recall_hold_first(qtbot: QtBot, recalled: Shop) -> None:
    panel = PassportPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_passport(recalled.services.lookup.passport("SN001"))
    assert panel.holdBadge.isVisible() and panel.holdBadge.property("tone") == "bad"
    assert panel.holdBadge.text().startswith("ON RECALL RC-0001 (Battery contacts may overheat)")
    recalled.services.recalls.resolve(1, "SN001", "cleared", "inspected")
    panel.show_passport(recalled.services.lookup.passport("SN001"))
    assert not panel.holdBadge.isVisible()


def test_the_sales_pane_refuses_a_held_unit_naming_the_recall(
    qtbot: QtBot, recalled: Shop, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    pane = sales(window)
    tone, message = scan(qtbot, window, pane, "SN001")
    assert tone == "bad" and "SN001 cannot be sold" in message and "ON RECALL RC-0001" in message
    assert pane.cart.refs() == []


def test_the_recall_pane_names_an_open_recall_before_a_second_one(
    qtbot: QtBot, recalled: Shop, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    window.show_pane("recalls")
    pane = window.panes["recalls"]
    assert isinstance(pane, RecallPane)
    pane.preview = recalled.services.recalls.find_affected(RecallCriteria("DRL-18V"))
    pane.criteria = RecallCriteria("DRL-18V")
    pane.ui.reasonEdit.setText("Charger cable")
    box = pane.ask_start()
    assert isinstance(box, QMessageBox)
    assert "2 units of these are ALREADY ON OPEN RECALL RC-0001 (Battery contacts may overheat)" in box.text()
    with qtbot.waitSignal(pane.record.sig_loaded, timeout=5000):
        box.accept()
    assert [r.number for r in recalled.services.recalls.recalls()] == ["RC-0002", "RC-0001"]


def test_the_service_pane_swap_form_refuses_a_part_of_another_kind(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    s = shop.services
    s.catalogue.add_product("BAT-5AH", "Battery 5 Ah")
    s.catalogue.add_product("DRV-18V", "Impact driver 18V")
    s.catalogue.set_part("DRL-18V", "BAT-5AH")
    shop.stock("SN001")
    s.receiving.receive_units(supplier=shop.supplier.number, sku="DRV-18V", serials=["DRV-1"])
    s.sales.sell_items(shop.customer.number, ["SN001"])
    s.service_desk.open_ticket("SN001", "Battery dead")
    window = open_window()
    pane = service(window)
    assert window.wedge is not None
    with qtbot.waitSignal(pane.sig_passport_shown, timeout=5000):
        window.wedge.sig_scan.emit("SN001")
    pane.ask_swap_part()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, FormDialog)
    dialog.set_value("out", "B-OLD")
    dialog.set_value("into", "DRV-1")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "is not a part of" in dialog.banner.text(), timeout=5000)
    assert "Impact driver 18V (DRV-18V) is not a part of Cordless drill 18V (DRL-18V)" in dialog.banner.text()
    assert s.lookup.passport("DRV-1").status == "in_stock"
