"""The supply-chain views one by one (issue 15): the Purchasing pane's checklist of a 2,000-serial notice updated
row by row, a bad notice refused whole and named, close/cancel; the Transfers view's refusals, extra and short
units until resolved; the station's location in Settings; stock by location in the reports pane."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from serialdesk.config import saved
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.purchasing import PurchasingPane
from serialdesk.gui.panes.report_places import StockTab
from serialdesk.gui.panes.reports import ReportsPane
from serialdesk.gui.panes.transfers import TransfersPane
from serialdesk.gui.settings_dialog import SettingsDialog
from serialdesk.gui.widgets.form_dialog import FormDialog
from serialdesk.workflows.purchasing import MISSING, RECEIVED, supply

from .conftest import Shop

pytestmark = pytest.mark.gui


def purchasing_pane(qtbot: QtBot, window: MainWindow) -> PurchasingPane:
    pane = window.panes["purchasing"]
    assert isinstance(pane, PurchasingPane)
    window.show_pane("purchasing")
    qtbot.waitUntil(lambda: not window.runner.busy)
    return pane


def test_a_2000_serial_checklist_is_updated_row_by_row_not_rebuilt(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    po = supply(shop.services).purchasing
    order = po.add_order(shop.supplier.number, [("DRL-18V", 2000, "80.00", None)])
    serials = [f"D{n:05d}" for n in range(2000)]
    po.load_notice(order.number, [{"serial": s} for s in serials])
    window = open_window()
    pane = purchasing_pane(qtbot, window)
    qtbot.waitUntil(lambda: pane.checklist.rowCount() == 2000)
    resets, changed_rows = pane.checklist.resets, []
    pane.checklist.dataChanged.connect(lambda top, bottom, *_: changed_rows.append((top.row(), bottom.row())))
    pane.checklist.modelReset.connect(lambda: changed_rows.append("reset"))  # type: ignore[arg-type]
    po.receive(order.number, serials[100:103])
    qtbot.waitUntil(lambda: [ln.state for ln in pane.checklist.rows()].count(RECEIVED) == 3, timeout=6000)
    assert sorted(changed_rows) == [(100, 100), (101, 101), (102, 102)]  # three rows repainted, nothing rebuilt
    assert pane.checklist.resets == resets
    assert "3 received · 1997 missing" in pane.check_counts.text()
    pane.state_combo.setCurrentIndex(pane.state_combo.findData(RECEIVED))
    assert [pane.by_text.index(r, 0).data() for r in range(pane.by_text.rowCount())] == [
        f"DRL-18V:{s}" for s in serials[100:103]]
    pane.state_combo.setCurrentIndex(pane.state_combo.findData(MISSING))
    pane.handle_scan("D01999")  # a scan here finds the serial in the list
    assert pane.by_text.rowCount() == 1


def test_a_bad_notice_is_refused_whole_with_its_lines_named(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    po = supply(shop.services).purchasing
    order = po.add_order(shop.supplier.number, [("DRL-18V", 3, "80.00", "2026-03-08")])
    window = open_window()
    pane = purchasing_pane(qtbot, window)
    qtbot.waitUntil(lambda: pane.current is not None and pane.current.number == order.number)
    notice = tmp_path / "asn.csv"
    notice.write_text("serial,sku\nA1,DRL-18V\nA2,NOPE-1\nA1,DRL-18V\n", encoding="utf-8")
    pane.actions.load_notice(notice)
    qtbot.waitUntil(lambda: pane.ui_banner.tone == "bad")
    said = pane.ui_banner.text()
    assert "Nothing was loaded" in said and "line 3" in said and "line 4" in said and "NOPE-1" in said
    assert po.order(order.number).expected == 0
    missing = tmp_path / "nothing-here.csv"
    pane.actions.load_notice(missing)
    qtbot.waitUntil(lambda: "nothing-here.csv" in pane.ui_banner.text())
    # due in this week: on "What is due", not overdue
    assert pane.due.rowCount() == 1 and not pane.due.row_at(0).overdue
    # cancel: asked first, then the order is cancelled and can no longer get lines
    box = pane.actions.ask_close(cancel=True)
    assert isinstance(box, QMessageBox)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.current is not None and pane.current.status == "cancelled", timeout=5000)
    qtbot.waitUntil(lambda: not window.runner.busy)
    assert f"{order.number} is cancelled" in pane.ui_banner.text()
    assert not pane.buttons["line"].isEnabled() and not pane.buttons["notice"].isEnabled()


def test_transfers_refuse_what_cannot_go_and_list_extra_and_short_until_resolved(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.stock("SN001", "SN002", "SN003", "SN004")
    supply(shop.services).locations.add_location("Back store")
    window = open_window()
    pane = window.panes["transfers"]
    assert isinstance(pane, TransfersPane)
    window.show_pane("transfers")
    qtbot.waitUntil(lambda: pane.to_combo.findData("Back store") >= 0)
    pane.from_combo.setCurrentIndex(pane.from_combo.findData("Shop floor"))
    pane.to_combo.setCurrentIndex(pane.to_combo.findData("Shop floor"))
    qtbot.mouseClick(pane.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.banner.tone == "bad")
    assert "moves nothing" in pane.banner.text()
    with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000) as handled:
        window.wedge.sig_scan.emit("SN001")  # type: ignore[union-attr]
    assert handled.args[0] == "bad" and "Open a transfer" in handled.args[1]
    pane.to_combo.setCurrentIndex(pane.to_combo.findData("Back store"))
    with qtbot.waitSignal(pane.sig_transfer_shown, timeout=5000):
        qtbot.mouseClick(pane.open_button, Qt.MouseButton.LeftButton)
    for serial, tone in (("SN001", "good"), ("SN002", "good"), ("NOPE", "bad")):
        with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000) as handled:
            window.wedge.sig_scan.emit(serial)  # type: ignore[union-attr]
        assert handled.args[0] == tone, handled.args[1]
    pane.in_radio.setChecked(True)
    for serial in ("SN001", "SN003"):  # SN003 was never sent: arrives as extra
        with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000) as handled:
            qtbot.keyClicks(pane.scan_edit, serial)
            qtbot.keyClick(pane.scan_edit, Qt.Key.Key_Return)
        assert handled.args[0] == "good", handled.args[1]
    t = pane.current
    assert t is not None and t.short == ("DRL-18V:SN002",) and t.extra == ("DRL-18V:SN003",)
    assert "Not arrived yet (1): DRL-18V:SN002" in pane.problems_label.text()
    assert "Arrived without being sent (1): DRL-18V:SN003" in pane.problems_label.text()
    dialog = pane.ask_resolve()
    assert isinstance(dialog, FormDialog)
    dialog.inputs["short"].setCurrentIndex(0)  # type: ignore[attr-defined]  # back at the source
    with qtbot.waitSignal(pane.sig_transfer_shown, timeout=5000, check_params_cb=lambda v: v.status == "resolved"):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not pane.scan_edit.isEnabled()
    where = {p.serial: p.location for p in (shop.services.lookup.passport(s) for s in ("SN001", "SN002", "SN003"))}
    assert where == {"SN001": "Back store", "SN002": "Shop floor", "SN003": "Back store"}


def test_the_station_location_is_chosen_in_settings_from_the_locations(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    supply(shop.services).locations.add_location("Workshop")
    window = open_window()
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SettingsDialog)
    combo = dialog.ui.locationCombo
    qtbot.waitUntil(lambda: combo.findData("Workshop") >= 0)
    assert combo.findData("In transit") < 0 and combo.currentData() == ""
    combo.setCurrentIndex(combo.findData("Workshop"))
    with qtbot.waitSignal(dialog.sig_saved, timeout=2000) as saved_signal:
        qtbot.mouseClick(dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert saved("location") == "Workshop"
    assert "location" in saved_signal.args[1] and "next time" in saved_signal.args[1]


def test_the_stock_report_by_location(qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]) -> None:
    shop.stock("SN001", "SN002", "SN003")
    places = supply(shop.services).locations
    places.add_location("Back store")
    places.move(["SN003"], "Back store")
    window = open_window()
    pane = window.panes["reports"]
    assert isinstance(pane, ReportsPane)
    with qtbot.waitSignal(pane.sig_shown, timeout=10_000):
        window.show_pane("reports")
    tab = pane.tabs["stock"]
    assert isinstance(tab, StockTab)
    with qtbot.waitSignal(tab.sig_places_shown, timeout=5000):
        tab.by_location.setChecked(True)
    shown = {(tab.rows.row_at(r).location, tab.rows.row_at(r).in_stock) for r in range(tab.rows.rowCount())}
    assert shown == {("Shop floor", 2), ("Back store", 1)}
    assert tab.table.model().columnCount() == 6 and tab.export_button.isEnabled()
    tab.by_location.setChecked(False)
    assert tab.table.model().columnCount() == 5 and tab.rows.rowCount() == 1  # by product again
