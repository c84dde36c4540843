"""The supply-chain views after some real work, saved as PNG at 1366×768 and 1920×1080 into test-screenshots/
(supply-WxH-….png) for a person to look at: Purchasing with a part-received PO and its notice, Transfers with a
transfer under way, Receiving against a PO, the stock report by location, Settings with the location."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.purchasing import PurchasingPane
from serialdesk.gui.panes.receiving import ReceivingPane
from serialdesk.gui.panes.reports import ReportsPane
from serialdesk.gui.panes.transfers import TransfersPane
from serialdesk.workflows.purchasing import supply

from .conftest import SCREENSHOTS, Shop

pytestmark = pytest.mark.gui


def save(qtbot: QtBot, widget: QWidget, name: str, size: tuple[int, int] | None) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / name
    assert widget.grab().save(str(path))
    image = QImage(str(path))
    if size is not None:
        assert (image.width(), image.height()) == size
    colours = {image.pixel(x, y) for x in range(0, image.width(), 13) for y in range(0, image.height(), 11)}
    assert len(colours) > 3, f"{path} looks blank"
    return path


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_supply_views_are_saved_as_screenshots(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], size: tuple[int, int]
) -> None:
    s = supply(shop.services)
    s.locations.add_location("Aarhus", branch="Aarhus")
    s.locations.add_location("Back store")
    shop.services.catalogue.add_product("BIKE-GR", "Gravel bike", cost="400.00", price="899.00")
    velo = shop.services.catalogue.add_supplier("Velo AG")
    order = s.purchasing.add_order(velo.number, [("BIKE-GR", 20, "412.50", "2026-03-02")], note="Spring range")
    s.purchasing.add_order(shop.supplier.number, [("DRL-18V", 10, "80.00", "2026-03-06")])
    bikes = [f"VB{n:04d}" for n in range(1, 21)]
    s.purchasing.load_notice(order.number, [{"serial": b, "lot": "L26-03"} for b in bikes])
    s.purchasing.receive(order.number, [*bikes[:12], "VX9999"])
    transfer = s.transfers.open_transfer("Shop floor", "Aarhus")
    s.transfers.send(transfer.number, bikes[:5])
    s.transfers.receive(transfer.number, bikes[:3])
    window = open_window()
    window.resize(*size)
    w, h = size

    purchasing = window.panes["purchasing"]
    assert isinstance(purchasing, PurchasingPane)
    window.show_pane("purchasing")
    qtbot.waitUntil(lambda: purchasing.orders.rowCount() == 2 and not window.runner.busy)
    rows = purchasing.orders_sorted
    purchasing.orders_view.selectRow(next(r for r in range(2) if rows.index(r, 0).data() == order.number))
    qtbot.waitUntil(lambda: purchasing.checklist.rowCount() == 21 and not window.runner.busy)
    save(qtbot, window, f"supply-{w}x{h}-purchasing.png", size)
    purchasing.tabs.setCurrentIndex(1)
    save(qtbot, window, f"supply-{w}x{h}-purchasing-due.png", size)

    transfers = window.panes["transfers"]
    assert isinstance(transfers, TransfersPane)
    window.show_pane("transfers")
    qtbot.waitUntil(lambda: transfers.current is not None and not window.runner.busy)
    save(qtbot, window, f"supply-{w}x{h}-transfers.png", size)

    receiving = window.panes["receiving"]
    assert isinstance(receiving, ReceivingPane)
    window.show_pane("receiving")
    chooser = receiving.setup.po
    qtbot.waitUntil(lambda: chooser.combo.findData(order.number) >= 0)
    chooser.choose(order.number)
    qtbot.waitUntil(lambda: chooser.order is not None and not window.runner.busy)
    for serial in (*bikes[12:15], "VX0001"):
        with qtbot.waitSignal(receiving.sig_scan_handled, timeout=5000):
            window.wedge.sig_scan.emit(serial)  # type: ignore[union-attr]
    receiving.expected.hide()
    save(qtbot, window, f"supply-{w}x{h}-receiving-po.png", size)

    reports = window.panes["reports"]
    assert isinstance(reports, ReportsPane)
    with qtbot.waitSignal(reports.sig_shown, timeout=10_000):
        window.show_pane("reports")
    reports.ui.tabs.setCurrentWidget(reports.tabs["stock"])
    tab = reports.tabs["stock"]
    with qtbot.waitSignal(tab.sig_places_shown, timeout=5000):  # type: ignore[attr-defined]
        tab.by_location.setChecked(True)  # type: ignore[attr-defined]
    save(qtbot, window, f"supply-{w}x{h}-stock-by-location.png", size)

    dialog = window.open_settings()
    qtbot.waitUntil(lambda: dialog.ui.locationCombo.count() > 2)
    qtbot.waitExposed(dialog)
    save(qtbot, dialog, f"supply-{w}x{h}-settings.png", None)
    dialog.reject()
    assert QApplication.activeModalWidget() is None
