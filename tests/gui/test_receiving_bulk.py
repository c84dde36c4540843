"""Many serials at once in Receiving: pasted or as a range, each saved like a scan, in order; Cancel loses nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.receiving import ReceivingPane
from serialdesk.gui.panes.receiving_bulk import parse_serials, serial_range
from serialdesk.gui.widgets.form_dialog import FormDialog

from .conftest import GTIN, Shop

pytestmark = pytest.mark.gui


def ready_pane(qtbot: QtBot, window: MainWindow) -> ReceivingPane:
    pane = window.panes["receiving"]
    assert isinstance(pane, ReceivingPane) and window.wedge is not None
    with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000):
        window.wedge.sig_scan.emit(GTIN)  # choose the product
    return pane


def draft_serials(shop: Shop) -> list[str]:
    drafts = shop.services.receiving.receipts(open_only=True)
    assert len(drafts) == 1
    units = shop.services.receiving.receipt(drafts[0].id).units
    return [u.serial for u in sorted(units, key=lambda u: u.item_id)]


def test_a_range_keeps_the_prefix_and_the_zero_padded_width() -> None:
    assert serial_range("SN0098", "SN0101") == ["SN0098", "SN0099", "SN0100", "SN0101"]
    assert serial_range("A-9", "A-11") == ["A-9", "A-10", "A-11"]
    for first, last, says in (("SN0001", "XX0005", "start differently"), ("SN01", "SN0100", "widths"),
                              ("SN0005", "SN0001", "comes before"), ("SN", "SN0001", "end in a number")):
        with pytest.raises(ValueError, match=says):
            serial_range(first, last)


def test_pasted_text_gives_the_first_column_once_each_in_order() -> None:
    text = 'SN001,Drill\n\n"SN002";box 2\nSN003\tx\nSN001\n  SN004  \n'
    assert parse_serials(text) == ["SN001", "SN002", "SN003", "SN004"]


def test_pasted_serials_are_each_added_through_the_service_in_order(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.stock("SN002")  # already in stock: refused, the others still go in
    pane = ready_pane(qtbot, open_window())
    qtbot.keyClick(pane.ui.scanEdit, Qt.Key.Key_V,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, FormDialog) and dialog.windowTitle() == "Paste serials"
    dialog.set_value("serials", "SN001,first\nSN002\nSN003\n")

    with qtbot.waitSignal(pane.bulk.sig_finished, timeout=10_000) as finished:
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    assert finished.args == [2, 1, False]
    assert draft_serials(shop) == ["SN001", "SN003"]
    assert "2 serials added; 1 refused (SN002)" in pane.ui.banner.text()
    assert pane.count == 2


def test_a_range_goes_in_chunk_by_chunk_and_cancel_stops_before_the_next_losing_nothing(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    pane = ready_pane(qtbot, open_window())
    pane.bulk.chunk = 3
    steps: list[int] = []

    def cancel_after_first(done: int, _total: int) -> None:
        steps.append(done)
        pane.bulk.cancel()  # the clerk clicks Cancel while the first chunk is being saved

    pane.bulk.sig_progress.connect(cancel_after_first)
    with qtbot.waitSignal(pane.bulk.sig_finished, timeout=10_000) as finished:
        pane.bulk.add(serial_range("SN0001", "SN0020"))

    assert finished.args == [3, 0, True] and steps == [3]
    assert draft_serials(shop) == ["SN0001", "SN0002", "SN0003"]
    assert "from SN0004 on were not added" in pane.ui.banner.text()
    pane.bulk.sig_progress.disconnect(cancel_after_first)

    dialog = pane.bulk.ask_range()
    assert dialog is not None
    dialog.set_value("first", "SN0004")
    dialog.set_value("last", "SN0008")
    with qtbot.waitSignal(pane.bulk.sig_finished, timeout=10_000) as finished:
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    assert finished.args == [5, 0, False]
    assert draft_serials(shop) == [f"SN{n:04d}" for n in range(1, 9)]
    assert pane.bulk.progress is None


def test_a_range_that_makes_no_run_is_refused_in_the_dialog(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    pane = ready_pane(qtbot, open_window())
    dialog = pane.bulk.ask_range()
    assert dialog is not None
    dialog.set_value("first", "SN0010")
    dialog.set_value("last", "SN0001")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "comes before" in dialog.banner.text()
    assert not pane.bulk.running


def test_the_expected_list_counts_scanned_missing_and_unexpected_and_filters(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = open_window()
    pane = ready_pane(qtbot, window)
    note = tmp_path / "delivery.csv"
    note.write_text("serial,model\nSN0001,DRL-18V\nSN0002,DRL-18V\nSN0003,DRL-18V\n", encoding="utf-8")
    qtbot.keyClick(pane.ui.scanEdit, Qt.Key.Key_E,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = pane.expected
    assert dialog.isVisible() and not dialog.isModal()
    dialog.load_file(note)  # what Open file… (Ctrl+O) does with the chosen file
    assert dialog.counts == {"expected": 3, "scanned": 0, "missing": 3, "unexpected": 0}

    assert window.wedge is not None
    for serial in ("SN0002", "SN0009"):
        with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000):
            window.wedge.sig_scan.emit(serial)  # scans still reach the pane while the list is open

    assert dialog.counts == {"expected": 3, "scanned": 1, "missing": 2, "unexpected": 1}
    assert dialog.ui.missingCount.text() == "2 missing"
    dialog.ui.stateCombo.setCurrentIndex(dialog.ui.stateCombo.findData("Missing"))
    assert dialog.shown_serials() == ["SN0001", "SN0003"]
    qtbot.keyClicks(dialog.ui.filterEdit, "03")
    assert dialog.shown_serials() == ["SN0003"]
    dialog.ui.filterEdit.clear()
    dialog.ui.stateCombo.setCurrentIndex(dialog.ui.stateCombo.findData("Unexpected"))
    assert dialog.shown_serials() == ["SN0009"]

    with qtbot.waitSignal(pane.scans.rowsInserted, timeout=5000):
        pane.undo_last()  # SN0009 off the receipt: no longer unexpected
    qtbot.waitUntil(lambda: dialog.counts["unexpected"] == 0)


def test_a_pasted_expected_list_is_used_and_an_empty_one_is_refused(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    pane = ready_pane(qtbot, open_window())
    dialog = pane.expected
    dialog.start()
    dialog.ui.pasteEdit.setPlainText("   \n")
    qtbot.mouseClick(dialog.ui.applyButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.banner.tone == "bad"
    dialog.ui.pasteEdit.setPlainText("SN1\nSN2\n")
    qtbot.mouseClick(dialog.ui.applyButton, Qt.MouseButton.LeftButton)
    assert dialog.counts == {"expected": 2, "scanned": 0, "missing": 2, "unexpected": 0}


def test_ten_thousand_pasted_serials_go_in_set_based_with_a_progress_bar(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    pane = ready_pane(qtbot, open_window())
    calls: list[int] = []
    real = pane.services.drafts.add_serials
    pane.services.drafts.add_serials = lambda *a, **k: calls.append(len(a[2])) or real(*a, **k)  # type: ignore[method-assign]
    moves: list[int] = []
    pane.bulk.sig_progress.connect(lambda done, _total: moves.append(done))
    # Set-based in chunks is what this checks; the 2 s figure is a speed target for `make bench`, not a test.
    with qtbot.waitSignal(pane.bulk.sig_finished, timeout=60_000) as finished:
        pane.bulk.add([f"P{n:05d}" for n in range(10_000)])
    assert finished.args == [10_000, 0, False] and pane.count == 10_000
    assert calls == [1000] * 10 and moves == list(range(1000, 10_001, 1000))  # one service call per chunk
