"""A real keyboard-wedge scanner (xdotool typing into the X window) against the whole app: the scan lands in the
database, never in the field that had the cursor."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.receiving import ReceivingPane

from .conftest import GTIN, Shop

pytestmark = pytest.mark.gui


def scanner_types(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Types like a USB scanner: 2 ms between keys, Enter at the end."""
    subprocess.run(["xdotool", "windowfocus", "--sync", str(int(window.winId()))], check=True, timeout=10)
    keys = [{"-": "minus"}.get(char, char) for char in text] + ["Return"]
    typist = subprocess.Popen(["xdotool", "key", "--delay", "2", *keys])
    qtbot.waitUntil(lambda: typist.poll() is not None, timeout=30_000)
    assert typist.returncode == 0


def test_scanner_bursts_reach_the_receiving_pane_wherever_the_cursor_is(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    if QGuiApplication.platformName() != "xcb" or shutil.which("xdotool") is None:
        pytest.skip("needs the X11 (xcb) platform and xdotool")
    window = open_window(install_wedge=True)
    pane = window.panes["receiving"]
    assert isinstance(pane, ReceivingPane)
    pane.ui.lotEdit.setFocus()  # the clerk was typing the lot
    qtbot.waitUntil(pane.ui.lotEdit.hasFocus)

    with qtbot.waitSignal(pane.sig_scan_handled, timeout=10_000):
        scanner_types(qtbot, window, GTIN)
    with qtbot.waitSignal(pane.sig_scan_handled, timeout=10_000) as handled:
        scanner_types(qtbot, window, "SN-4711")

    assert handled.args[0] == "good", handled.args[1]
    assert pane.ui.lotEdit.text() == ""  # not one key of the scans was typed into the lot field
    draft = shop.services.receiving.receipts(open_only=True)[0]
    assert [u.serial for u in shop.services.receiving.receipt(draft.id).units] == ["SN-4711"]
