"""The recall wizard: criteria → preview → start, the files it writes, and tracking contacts and repairs."""

from __future__ import annotations

import csv
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.recall import PREVIEW, STARTED, RecallPane
from serialdesk.gui.preferences import Preferences
from serialdesk.gui.widgets.form_dialog import FormDialog
from serialdesk.services.dto import RecallView

from .conftest import Shop

pytestmark = pytest.mark.gui


@pytest.fixture
def two_lots(shop: Shop) -> Shop:
    """Lot L2406A: SN001 (sold to Jane Smith), SN002, SN003 on the shelf; lot L2407B: SN010 on the shelf."""
    receive = shop.services.receiving.receive_units
    receive(supplier=shop.supplier.number, sku="DRL-18V", serials=["SN001", "SN002", "SN003"], lot="L2406A")
    receive(supplier=shop.supplier.number, sku="DRL-18V", serials=["SN010"], lot="L2407B")
    shop.services.sales.sell_items(shop.customer.number, ["SN001"])
    return shop


def recalls(qtbot: QtBot, window: MainWindow) -> RecallPane:
    window.show_pane("recalls")
    pane = window.panes["recalls"]
    assert isinstance(pane, RecallPane)
    qtbot.waitUntil(lambda: pane.ui.productCombo.count() > 1)
    return pane


def preview_lot(qtbot: QtBot, pane: RecallPane, lot: str) -> RecallView:
    pane.criteria_form.select_product("DRL-18V")
    pane.criteria_form.tick_lots([lot])
    with qtbot.waitSignal(pane.sig_previewed, timeout=5000) as previewed:
        qtbot.mouseClick(pane.ui.previewButton, Qt.MouseButton.LeftButton)
    view = previewed.args[0]
    assert isinstance(view, RecallView)
    assert pane.ui.unitsView.isColumnHidden(1) == (not any(u.host for u in view.units))  # "Sits in" for parts only
    return view


def start(qtbot: QtBot, pane: RecallPane, reason: str) -> RecallView:
    qtbot.keyClicks(pane.ui.reasonEdit, reason)
    qtbot.mouseClick(pane.ui.startButton, Qt.MouseButton.LeftButton)
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and "3 units" in box.text()
    with qtbot.waitSignal(pane.sig_started, timeout=5000) as started:
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    view = started.args[0]
    assert isinstance(view, RecallView)
    return view


def test_the_preview_counts_the_lot_by_status_and_changes_nothing(
    qtbot: QtBot, two_lots: Shop, open_window: Callable[..., MainWindow]
) -> None:
    pane = recalls(qtbot, open_window())
    assert pane.ui.lotsList.count() == 0  # the lots are the chosen product's
    pane.criteria_form.select_product("DRL-18V")
    lots = [pane.ui.lotsList.item(i).text() for i in range(pane.ui.lotsList.count())]
    assert lots == ["L2406A  (3)", "L2407B  (1)"]

    view = preview_lot(qtbot, pane, "L2406A")

    assert pane.ui.steps.currentIndex() == PREVIEW and view.id is None
    counts = view.counts
    assert (counts["total"], counts["in_stock"], counts["sold"], counts["customers"]) == (3, 2, 1, 1)
    assert pane.counts["On our shelves"].value.text() == "2" and pane.counts["Sold to customers"].value.text() == "1"
    assert pane.units_view.rowCount() == 3
    qtbot.keyClicks(pane.ui.filterEdit, "jane")
    assert pane.units_view.rowCount() == 1 and pane.ui.shownLabel.text() == "1 of 3 shown"
    assert two_lots.services.lookup.passport("SN002").status == "in_stock"


def test_a_preview_without_a_product_is_refused_with_the_reason(
    qtbot: QtBot, two_lots: Shop, open_window: Callable[..., MainWindow]
) -> None:
    pane = recalls(qtbot, open_window())
    qtbot.mouseClick(pane.ui.previewButton, Qt.MouseButton.LeftButton)
    assert pane.ui.banner.tone == "bad" and "Choose the product" in pane.ui.banner.text()
    assert pane.ui.steps.currentIndex() == 0


def test_starting_a_recall_quarantines_our_units_and_marks_sold_ones_recalled(
    qtbot: QtBot, two_lots: Shop, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = open_window()
    window.apply_preferences(Preferences(shop_name="Drill World Aarhus"))
    pane = recalls(qtbot, window)
    preview_lot(qtbot, pane, "L2406A")

    view = start(qtbot, pane, "Battery contacts may overheat")

    assert pane.ui.steps.currentIndex() == STARTED and view.number == "RC-0001"
    lookup = two_lots.services.lookup
    assert [lookup.passport(s).status for s in ("SN001", "SN002", "SN003", "SN010")] == [
        "recalled", "quarantined", "quarantined", "in_stock"]
    saved = two_lots.services.recalls.recall(view.id or 0)
    assert saved.reason == "Battery contacts may overheat" and saved.counts["total"] == 3

    with qtbot.waitSignal(pane.sig_file_written, timeout=5000):
        pane.save_csv(view, tmp_path / "recall.csv")
    with (tmp_path / "recall.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["recall"], r["serial"], r["status_now"]) for r in rows] == [
        ("RC-0001", "SN001", "recalled"), ("RC-0001", "SN002", "quarantined"), ("RC-0001", "SN003", "quarantined")]
    # A leading + is a formula to a spreadsheet: the cell carries an apostrophe so it opens as text (OWASP).
    assert rows[0]["customer"] == "Jane Smith" and rows[0]["phone"] == "'+45 20 123456"

    with qtbot.waitSignal(pane.sig_file_written, timeout=20_000) as written:
        pane.save_letters(view, tmp_path / "letters.pdf")
    assert written.args[1] == 1  # one customer, one page
    text = subprocess.run(["pdftotext", str(tmp_path / "letters.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Drill World Aarhus" in text and "SN001" in text and "Battery contacts may overheat" in text

    # With a shop profile, the letters carry its name and contact details, as the CLI's letters do.
    two_lots.services.shop.update_profile(name="Nordic Tools & Bikes", address="Havnegade 4\n8000 Aarhus C",
                                          phone="+45 86 12 34 56")
    with qtbot.waitSignal(pane.sig_file_written, timeout=20_000):
        pane.save_letters(view, tmp_path / "letters-profile.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "letters-profile.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Nordic Tools & Bikes" in text and "+45 86 12 34 56" in text and "Havnegade 4" in text


def test_contacts_and_resolutions_are_tracked_on_the_recall(
    qtbot: QtBot, two_lots: Shop, open_window: Callable[..., MainWindow]
) -> None:
    pane = recalls(qtbot, open_window())
    preview_lot(qtbot, pane, "L2406A")
    view = start(qtbot, pane, "Battery contacts may overheat")
    record = pane.record
    with qtbot.waitSignal(record.sig_loaded, timeout=5000):
        qtbot.mouseClick(pane.ui.trackButton, Qt.MouseButton.LeftButton)
    assert pane.ui.tabs.currentWidget() is pane.ui.recordTab
    assert record.current() is not None and record.current().id == view.id  # type: ignore[union-attr]

    record.select_unit("SN001")
    with qtbot.waitSignal(record.sig_updated, timeout=5000):
        qtbot.mouseClick(pane.ui.contactedButton, Qt.MouseButton.LeftButton)
    record.select_unit("SN002")
    dialog = record.ask_resolve()
    assert isinstance(dialog, FormDialog)
    how = dialog.inputs["how"]
    assert isinstance(how, QComboBox)
    how.setCurrentIndex(how.findData("scrapped"))
    dialog.set_value("note", "sent back to Makita")
    with qtbot.waitSignal(record.sig_updated, timeout=5000):
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)

    saved = {u.serial: u for u in two_lots.services.recalls.recall(view.id or 0).units}
    assert saved["SN001"].contacted_at is not None and saved["SN003"].contacted_at is None
    assert (saved["SN002"].resolution, saved["SN002"].note) == ("scrapped", "sent back to Makita")
    assert "1 of 1 customers contacted · 1 of 3 units resolved" in pane.ui.recallTitle.text()
    assert record.recalls.rowCount() == 1


def test_only_a_manager_may_open_the_recalls(shop: Shop, open_window: Callable[..., MainWindow]) -> None:
    shop.services.users.add_user("clerk1", "clerk", "2468")
    window = open_window("clerk1")
    assert not window.ui.navRecalls.isEnabled() and not window.ui.navReports.isEnabled()
    assert "needs a manager account" in window.ui.navRecalls.toolTip()
