"""Read a photo… (Ctrl+Shift+O): every code on the photo is listed with what it was taken as, and "Use" scans it in.

Real photos: one composed here from barcodes drawn by zxing-cpp (a box with its EAN, serial and lot labels and a
QR code to its manual), one from the ZXing corpus (multi-1: a QR code and a UPC-A), one with no barcode at all.
The decoding runs on the window's task runner, as it does for the clerk.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp
from PySide6.QtGui import QImage, QKeySequence
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.photo_dialog import PhotoDialog

from .conftest import GTIN, SCREENSHOTS, Shop

pytestmark = pytest.mark.gui

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "zxing"
F = zxingcpp.BarcodeFormat


def box_photo(path: Path) -> Path:
    """A box's side: the drill's EAN-13, its serial and lot as Code 128, and a QR code to the manual below."""
    parts = []
    for content, fmt in ((GTIN, F.EAN13), ("SN0042", F.Code128), ("LOT L2406A", F.Code128),
                         ("https://example.com/manual", F.QRCode)):  # fmt: skip
        symbol = np.asarray(zxingcpp.create_barcode(content, fmt).to_image(scale=3))
        left = 40 + 60 * len(parts)
        parts.append(cv2.copyMakeBorder(symbol, 30, 30, left, 700 - symbol.shape[1] - left, cv2.BORDER_CONSTANT,
                                        value=255))  # fmt: skip
    photo = cv2.cvtColor(np.vstack(parts), cv2.COLOR_GRAY2BGR)
    photo[:] = np.clip(photo.astype(np.int16) - 25, 0, 255).astype(np.uint8)  # greyish card, not paper white
    cv2.imwrite(str(path), photo)
    return path


def read(qtbot: QtBot, window: MainWindow, path: Path) -> PhotoDialog:
    dialog = window.photo.open(path)
    qtbot.waitUntil(lambda: dialog.reading is not None or dialog.banner.tone == "bad", timeout=20_000)
    return dialog


def shot(qtbot: QtBot, dialog: PhotoDialog, name: str) -> None:
    """The dialog at 1366×768 into test-screenshots/ (not named like the panes' 1366x768-*.png)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    dialog.resize(1366, 768)
    qtbot.wait(50)
    path = SCREENSHOTS / name
    assert dialog.grab().save(str(path))
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1366, 768)


def listed(dialog: PhotoDialog) -> list[tuple[str, ...]]:
    table = dialog.table
    return [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]


def test_every_code_of_a_box_photo_is_listed_with_its_role_and_use_puts_the_unit_on_the_draft(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = open_window()
    pane = window.panes["receiving"]
    dialog = read(qtbot, window, box_photo(tmp_path / "box.png"))

    assert listed(dialog) == [
        ("1", GTIN, "EAN13", "product"),
        ("2", "SN0042", "Code128", "serial"),
        ("3", "LOT L2406A", "Code128", "lot"),
        ("4", "https://example.com/manual", "QRCode",
         "not used: this code was read too; the serial was already taken from another code"),
    ]
    assert dialog.banner.text() == "Taken: product Cordless drill 18V (DRL-18V), serial SN0042, lot L2406A."
    assert dialog.banner.tone == "good"
    boxes = [row.box for row in dialog.reading.rows]  # type: ignore[union-attr]
    assert all(b[1] < n[1] for b, n in pairwise(boxes))  # numbered top to bottom
    taken = dialog.table.item(1, 3)
    assert taken.font().bold() and not dialog.table.item(3, 3).font().bold()  # the roles stand out, unused not

    shot(qtbot, dialog, "photo-dialog-1366x768.png")

    with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000) as handled:  # type: ignore[attr-defined]
        dialog.use_button.click()
    assert handled.args[0] == "good", handled.args
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: not window.runner.busy)
    (draft,) = shop.services.receiving.receipts(open_only=True)
    units = shop.services.receiving.receipt(draft.id).units
    assert [(u.sku, u.serial, u.lot) for u in units] == [("DRL-18V", "SN0042", "L2406A")]


def test_a_corpus_photo_with_a_qr_code_and_a_upc_says_why_the_qr_code_is_not_used(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.services.catalogue.add_product("PI-KIT", "Pi starter kit", gtin="031415926531", serial_regex=r"PK\d{6}")
    window = open_window()
    window.show_pane("sales")
    dialog = read(qtbot, window, CORPUS / "multi-1" / "1.png")

    rows = listed(dialog)
    assert [r[1:3] for r in rows] == [("www.airtable.com/jobs", "QRCode"), ("0031415926531", "UPCA")]
    assert rows[1][3] == "product"
    assert rows[0][3] == ("not used: 'WWW.AIRTABLE.COM/JOBS' does not look like a serial number for PI-KIT "
                          "(expected format PK\\d{6}).")  # the classifier's reason, without the raw "]Q1…" scan
    assert dialog.banner.text() == "Taken: product Pi starter kit (PI-KIT) — but no serial, so no unit to use here."
    assert not dialog.use_button.isEnabled()  # Sales looks a unit up: a product alone is nothing to sell
    shot(qtbot, dialog, "photo-dialog-corpus-1366x768.png")
    dialog.reject()

    window.show_pane("receiving")  # receiving takes a product alone: the next serials are for it
    dialog = read(qtbot, window, CORPUS / "multi-1" / "1.png")
    assert dialog.banner.text() == "Taken: product Pi starter kit (PI-KIT)."
    pane = window.panes["receiving"]
    with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000) as handled:  # type: ignore[attr-defined]
        dialog.use_button.click()
    assert handled.args[0] == "info" and pane.current_sku() == "PI-KIT"  # type: ignore[attr-defined]


def test_use_in_service_shows_the_passport_of_the_unit_on_the_photo(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    shop.stock("SN0042")
    window = open_window()
    window.show_pane("service")
    desk = window.panes["service"]
    dialog = read(qtbot, window, box_photo(tmp_path / "box.png"))
    assert [row[3] for row in listed(dialog)][:3] == ["product", "serial", "lot"]
    with qtbot.waitSignal(desk.sig_passport_shown, timeout=5000):  # type: ignore[attr-defined]
        dialog.use_button.click()
    assert "SN0042" in desk.ui.scanEdit.text()  # type: ignore[attr-defined] - handed over as DRL-18V:SN0042


def test_a_photo_without_a_barcode_says_so_and_offers_nothing_to_use(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = open_window()
    dialog = read(qtbot, window, CORPUS / "falsepositives-2" / "01.png")
    assert dialog.table.rowCount() == 0
    assert dialog.banner.text().startswith("No barcode found in this photo.")
    assert not dialog.use_button.isEnabled()
    shot(qtbot, dialog, "photo-dialog-nothing-1366x768.png")
    dialog.reject()

    not_a_picture = tmp_path / "notes.png"
    not_a_picture.write_text("not a picture")
    dialog = read(qtbot, window, not_a_picture)
    assert dialog.banner.tone == "bad" and "could not be opened as a picture" in dialog.banner.text()
    assert not dialog.use_button.isEnabled()


def test_the_action_is_offered_where_scans_are_taken(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    action = window.photo.action
    assert action.shortcut() == QKeySequence("Ctrl+Shift+O")
    assert "photo" in action.toolTip() and window.photo.button.isVisibleTo(window)
    for key, offered in (("receiving", True), ("sales", True), ("service", True), ("recalls", False),
                         ("reports", False)):  # fmt: skip
        window.show_pane(key)
        assert action.isEnabled() is offered, key
