"""The camera as a second scanner: a real video of labels (written with cv2.VideoWriter) read by the panes.

Its scans land like a scanner's, each once; a missing or lost camera is said plainly and the wedge keeps working.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.receiving import ReceivingPane
from serialdesk.gui.panes.sales import SalesPane
from serialdesk.gui.panes.sales_return import ReturnDialog
from serialdesk.gui.widgets.camera_panel import CAMERA_LOST, CameraPanel
from serialdesk.scanning.camera import CameraScanner, CameraSettings
from tests.unit.test_camera import code128_label, nothing, passing_by, write_clip

from .conftest import GTIN, Shop

pytestmark = pytest.mark.gui


def clip_of(tmp_path: Path, *texts: str) -> Path:
    """Each label slides past the lens once, with a moment of empty counter between them."""
    parts = [nothing(4)]
    for text in texts:
        parts += [passing_by(code128_label(text), 12), nothing(6)]
    return write_clip(tmp_path / "labels.avi", parts)


def with_camera(window: MainWindow, source: str | int) -> None:
    if isinstance(source, int):
        window.apply_preferences(replace(window.preferences, camera_file="", camera_index=source))
    else:
        window.apply_preferences(replace(window.preferences, camera_file=source))


def camera_until(qtbot: QtBot, panel: CameraPanel, text: str, press: Callable[[], None]) -> tuple[str, str, str]:
    """Switches the camera on with ``press`` and waits until it reports ``text``; returns (tone, text, note)."""
    with qtbot.waitSignal(panel.sig_state, timeout=20_000, check_params_cb=lambda _t, shown, _n: shown == text) as got:
        press()
    return str(got.args[0]), str(got.args[1]), str(got.args[2])


def test_each_label_the_camera_sees_lands_once_on_the_receiving_draft(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = open_window()
    with_camera(window, str(clip_of(tmp_path, GTIN, "SN001", "SN002", "SN003")))
    pane = window.panes["receiving"]
    assert isinstance(pane, ReceivingPane)
    panel = pane.ui.cameraPanel

    tone, _text, note = camera_until(qtbot, panel, CAMERA_LOST,
                                     lambda: qtbot.keyClick(pane.ui.scanEdit, Qt.Key.Key_K,
                                                            Qt.KeyboardModifier.ControlModifier))
    qtbot.waitUntil(lambda: pane.count == 3 and not pane.queue.busy, timeout=10_000)

    drafts = shop.services.receiving.receipts(open_only=True)
    assert len(drafts) == 1
    serials = [u.serial for u in shop.services.receiving.receipt(drafts[0].id).units]
    assert sorted(serials) == ["SN001", "SN002", "SN003"]  # each label once, though seen in many frames
    assert tone == "warn" and "End of the video" in note
    assert CAMERA_LOST in window.camera_label.text()
    assert not panel.ui.cameraButton.isChecked() and panel.scanner is None
    assert window.wedge is not None
    with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000) as handled:
        window.wedge.sig_scan.emit("SN004")  # the scanner keeps working
    assert handled.args[0] == "good" and pane.count == 4


def test_a_missing_camera_is_said_plainly_and_the_scanner_keeps_working(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    with_camera(window, 9)  # no such device here
    pane = window.panes["receiving"]
    assert isinstance(pane, ReceivingPane)
    panel = pane.ui.cameraPanel

    tone, text, note = camera_until(qtbot, panel, "No camera — the scanner keeps working",
                                    lambda: qtbot.mouseClick(panel.ui.cameraButton, Qt.MouseButton.LeftButton))

    assert tone == "bad" and "Could not open camera 9" in note
    assert pane.ui.banner.tone == "bad" and "Could not open camera 9" in pane.ui.banner.text()
    assert text in window.camera_label.text()
    assert not panel.ui.cameraButton.isChecked()
    assert window.wedge is not None
    with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000) as handled:
        window.wedge.sig_scan.emit(GTIN)
    assert handled.args[0] == "info"
    window.show_pane("sales")
    assert window.camera_label.text() == ""  # old news about the receiving pane's camera is cleared


def test_camera_scans_in_the_sales_pane_go_into_the_cart(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    shop.stock("SN001", "SN002")
    window = open_window()
    with_camera(window, str(clip_of(tmp_path, "SN001", "SN002")))
    window.show_pane("sales")
    pane = window.panes["sales"]
    assert isinstance(pane, SalesPane)

    camera_until(qtbot, pane.ui.cameraPanel, CAMERA_LOST, pane.ui.cameraPanel.toggle)
    qtbot.waitUntil(lambda: pane.cart.rowCount() == 2 and not pane.queue.busy, timeout=10_000)

    assert sorted(line.serial for line in pane.cart.rows()) == ["SN001", "SN002"]


class StillCamera(CameraScanner):
    """A camera that shows one picture and never ends: for the preview, which polls the newest frame."""

    def start(self) -> None:
        self._latest = np.full((90, 160, 3), (0, 0, 255), np.uint8)  # red in OpenCV's BGR order

    @property
    def is_running(self) -> bool:
        return True

    def stop(self, timeout: float = 3.0) -> None:
        pass


def test_the_preview_shows_the_newest_frame_and_leaving_the_pane_frees_the_camera(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    pane = window.panes["receiving"]
    assert isinstance(pane, ReceivingPane)
    panel = pane.ui.cameraPanel
    panel.factory = lambda settings, **kw: StillCamera(CameraSettings(source=settings.source), **kw)

    panel.start()
    qtbot.waitUntil(lambda: not panel.ui.previewLabel.pixmap().isNull(), timeout=3000)  # the ~10 fps timer

    image = panel.ui.previewLabel.pixmap().toImage()
    colour = image.pixelColor(image.width() // 2, image.height() // 2)
    assert (colour.red(), colour.green(), colour.blue()) == (255, 0, 0)
    window.show_pane("sales")
    assert panel.scanner is None and not panel.ui.cameraButton.isChecked()


def test_a_camera_scan_goes_to_an_open_dialog_that_takes_scans_like_the_scanners(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    window.show_pane("sales")
    pane = window.panes["sales"]
    assert isinstance(pane, SalesPane)
    pane.ask_return()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ReturnDialog)

    with qtbot.waitSignal(dialog.sig_scanned, timeout=5000) as scanned:
        pane.ui.cameraPanel.sig_scan.emit("SN777")  # as the camera's worker thread does

    assert scanned.args == ["SN777"] and pane.cart.rowCount() == 0
    dialog.reject()
