"""The receiving pane: scans end in the database and in the list; refusals say why and lose nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSpinBox
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.receiving import ReceivingPane
from serialdesk.gui.widgets.form_dialog import FormDialog

from .conftest import GTIN, Shop

pytestmark = pytest.mark.gui


def receiving(window: MainWindow) -> ReceivingPane:
    pane = window.panes["receiving"]
    assert isinstance(pane, ReceivingPane)
    return pane


def type_scan(qtbot: QtBot, pane: ReceivingPane, text: str) -> tuple[str, str]:
    """Types ``text`` into the scan field and presses Enter, as a person would; returns (tone, message)."""
    with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000) as handled:
        qtbot.keyClicks(pane.ui.scanEdit, text)
        qtbot.keyClick(pane.ui.scanEdit, Qt.Key.Key_Return)
    tone, message = handled.args
    return str(tone), str(message)


def wedge_scan(qtbot: QtBot, window: MainWindow, pane: ReceivingPane, text: str) -> tuple[str, str]:
    """A scanner burst, as the application-wide wedge filter reports it."""
    assert window.wedge is not None
    with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000) as handled:
        window.wedge.sig_scan.emit(text)
    return str(handled.args[0]), str(handled.args[1])


def test_a_typed_scan_is_saved_on_a_new_draft_and_listed(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    pane = receiving(open_window())
    assert type_scan(qtbot, pane, GTIN)[0] == "info"  # the product's barcode chooses the product
    assert pane.current_sku() == "DRL-18V"

    tone, message = type_scan(qtbot, pane, "sn001")

    assert tone == "good" and "SN001 added" in message
    drafts = shop.services.receiving.receipts(open_only=True)
    assert [d.count for d in drafts] == [1]
    assert [u.serial for u in shop.services.receiving.receipt(drafts[0].id).units] == ["SN001"]
    top = pane.scans.row_at(0)
    assert (top.text, top.sku, top.tone) == ("SN001", "DRL-18V", "good")
    assert pane.ui.countLabel.text() == "1"
    assert pane.ui.banner.tone == "good"


def test_scans_from_the_wedge_are_handled_in_order_on_one_draft(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    pane = receiving(window)
    assert window.wedge is not None
    wedge_scan(qtbot, window, pane, GTIN)
    with qtbot.waitSignals([pane.sig_scan_handled] * 3, timeout=5000):
        for serial in ("SN101", "SN102", "SN103"):  # faster than they can be saved
            window.wedge.sig_scan.emit(serial)
    qtbot.waitUntil(lambda: pane.count == 3 and not pane.queue.busy)

    drafts = shop.services.receiving.receipts(open_only=True)
    assert len(drafts) == 1  # the first scan opened it; the others joined it
    units = shop.services.receiving.receipt(drafts[0].id).units
    assert sorted(u.serial for u in units) == ["SN101", "SN102", "SN103"]
    assert [line.text for line in pane.scans.rows()][:3] == ["SN103", "SN102", "SN101"]


def test_a_refused_scan_shows_its_reason_and_keeps_the_earlier_scans(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.stock("SN900")
    pane = receiving(open_window())
    type_scan(qtbot, pane, GTIN)
    assert type_scan(qtbot, pane, "SN001")[0] == "good"

    tone, twice = type_scan(qtbot, pane, "SN001")
    assert tone == "bad" and "SN001" in twice
    tone, in_stock = type_scan(qtbot, pane, "SN900")
    assert tone == "bad" and "SN900" in in_stock

    assert pane.ui.banner.text() == in_stock and pane.ui.banner.tone == "bad"
    assert pane.ui.scanEdit.flasher.current == "bad"
    assert [(line.text, line.tone) for line in pane.scans.rows()][:3] == [
        ("SN900", "bad"), ("SN001", "bad"), ("SN001", "good")]
    assert pane.scans.row_at(1).outcome == twice
    drafts = shop.services.receiving.receipts(open_only=True)
    assert [d.count for d in drafts] == [1] and pane.count == 1


def test_a_serial_before_any_product_is_refused_with_what_to_do(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    pane = receiving(open_window())
    tone, message = type_scan(qtbot, pane, "SN001")
    assert tone == "bad" and "product" in message.lower()
    assert shop.services.receiving.receipts(open_only=True) == []


def test_undo_takes_the_last_scan_off_the_draft(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    pane = receiving(open_window())
    for text in (GTIN, "SN001", "SN002"):
        type_scan(qtbot, pane, text)

    qtbot.keyClick(pane.ui.scanEdit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pane.count == 1)

    draft = shop.services.receiving.receipts(open_only=True)[0]
    assert [u.serial for u in shop.services.receiving.receipt(draft.id).units] == ["SN001"]
    assert pane.scans.row_at(0).outcome.startswith("Undone")


def test_posting_puts_every_scanned_unit_into_stock(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    pane = receiving(open_window())
    for text in (GTIN, "SN001", "SN002"):
        type_scan(qtbot, pane, text)
    pane.ui.supplierCombo.setCurrentIndex(pane.ui.supplierCombo.findData(shop.supplier.number))

    qtbot.mouseClick(pane.ui.postButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.draft is None)

    assert "posted" in pane.ui.banner.text() and pane.ui.banner.tone == "good"
    assert shop.services.receiving.receipts(open_only=True) == []
    for serial in ("SN001", "SN002"):
        passport = shop.services.lookup.passport(serial)
        assert (passport.status, passport.supplier) == ("in_stock", "Makita Europe")
    assert pane.ui.countLabel.text() == "0"


def test_posting_without_a_supplier_is_refused_and_the_draft_stays(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    pane = receiving(open_window())
    for text in (GTIN, "SN001"):
        type_scan(qtbot, pane, text)
    pane.post()
    qtbot.waitUntil(lambda: pane.ui.banner.tone == "bad")
    assert "supplier" in pane.ui.banner.text().lower()
    assert pane.draft is not None and pane.count == 1


def test_unfinished_drafts_are_offered_and_resumed(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    draft = shop.services.receiving.open_receipt()
    for serial in ("SN001", "SN002"):
        shop.services.receiving.add_scan(draft.id, "DRL-18V", serial)
    pane = receiving(open_window())
    assert pane.ui.draftsBar.isVisible()
    assert pane.ui.draftsCombo.currentData() == draft.id

    qtbot.mouseClick(pane.ui.resumeButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.draft is not None)

    assert pane.count == 2 and pane.current_sku() == "DRL-18V"
    assert not pane.ui.draftsBar.isVisible()
    tone, _ = type_scan(qtbot, pane, "SN003")
    assert tone == "good"
    assert shop.services.receiving.receipt(draft.id).count == 3


def test_a_gs1_label_brings_product_lot_and_serial_in_one_scan(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    pane = receiving(window)
    tone, message = wedge_scan(qtbot, window, pane, f"(01)0{GTIN}(10)L2406A(21)SN0042")

    assert tone == "good", message
    assert pane.current_sku() == "DRL-18V" and pane.ui.lotEdit.text() == "L2406A"
    draft = shop.services.receiving.receipts(open_only=True)[0]
    [unit] = shop.services.receiving.receipt(draft.id).units
    assert (unit.serial, unit.lot) == ("SN0042", "L2406A")


def test_generated_serials_are_added_to_the_draft_for_labelling(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.services.catalogue.add_product("BIKE-28", "City bike 28", serial_source="generated",
                                        serial_pattern="B{SEQ:5}{CHK:luhn}")
    pane = receiving(open_window())
    pane.setup.select_product("BIKE-28")
    pane.ask_generate()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, FormDialog)
    count = dialog.inputs["count"]
    assert isinstance(count, QSpinBox)
    count.setValue(3)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)

    assert pane.count == 3 and len(pane.accepted) == 3
    draft = shop.services.receiving.receipts(open_only=True)[0]
    units = shop.services.receiving.receipt(draft.id).units
    assert {u.serial_source for u in units} == {"generated"}
    assert [line.outcome for line in pane.scans.rows()] == ["Generated"] * 3
    tone, message = type_scan(qtbot, pane, units[0].serial[:-1] + ("0" if units[0].serial[-1] != "0" else "1"))
    assert tone == "bad" and "check digit" in message
