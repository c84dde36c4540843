"""Issue 18: the station's label printer (Settings) and Print labels… sending roll labels to it as ZPL, against a
printer socket the test listens on 127.0.0.1; a refused connection is said in the banner and nothing is sent."""

from __future__ import annotations

import re
import socket
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.preferences import load_preferences
from tests.gui.test_labels_dialog import SERIALS, open_labels, posted_receipt
from tests.gui.test_settings import open_settings
from tests.unit.test_label_printer import printer, read_all

from .conftest import Shop

pytestmark = pytest.mark.gui


def test_the_label_printer_is_a_station_setting_and_a_bad_address_is_refused(
    qtbot: QtBot, open_window: Callable[..., MainWindow], settings_folder: Path
) -> None:
    window = open_window()
    dialog = open_settings(qtbot, window)
    dialog.printerEdit.setText("zebra:port")
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and "is not a printer address" in dialog.ui.banner.text()
    dialog.printerEdit.setText("192.168.1.50:9100")
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert load_preferences().label_printer == "192.168.1.50:9100"
    assert open_settings(qtbot, window).printerEdit.text() == "192.168.1.50:9100"


def test_roll_labels_go_to_the_label_printer_and_a_refusal_is_shown(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    pane = posted_receipt(qtbot, open_window(), shop)
    dialog, _, _ = open_labels(qtbot, pane)
    assert not dialog.sendButton.isVisible()  # no label printer at this station
    dialog.reject()

    with printer(read_all) as (address, received):
        pane.preferences_changed(replace(pane.preferences, label_printer=str(address)))
        dialog, _, _ = open_labels(qtbot, pane)
        assert dialog.sendButton.isVisible() and dialog.sendButton.isEnabled()
        with qtbot.waitSignal(dialog.sig_sent, timeout=20_000) as sent:
            qtbot.mouseClick(dialog.sendButton, Qt.MouseButton.LeftButton)
    assert sent.args[0] == 3 and f"3 labels sent to the label printer at {address}" in dialog.ui.banner.text()
    formats = re.findall(r"\^XA.*?\^XZ", received[0].decode("utf-8"), flags=re.S)
    assert [re.search(r"\^FD(.*?)\^FS", f).group(1) for f in formats] == SERIALS  # type: ignore[union-attr]
    dialog.reject()

    free = socket.create_server(("127.0.0.1", 0))
    port = free.getsockname()[1]
    free.close()
    pane.preferences_changed(replace(pane.preferences, label_printer=f"127.0.0.1:{port}"))
    dialog, _, _ = open_labels(qtbot, pane)
    sent_now: list[int] = []
    dialog.sig_sent.connect(sent_now.append)
    dialog.send_to_label_printer()
    qtbot.waitUntil(lambda: "refused the connection" in dialog.ui.banner.text(), timeout=20_000)
    assert sent_now == [] and dialog.sendButton.isEnabled()  # try again once the printer is on
    with qtbot.waitSignal(dialog.sig_rendered, timeout=20_000):
        dialog.ui.layoutCombo.setCurrentIndex(dialog.ui.layoutCombo.findData("a4-3x8"))
    assert not dialog.sendButton.isEnabled()  # ZPL is for the roll
    dialog.reject()
