"""Settings → Shop profile… (issue 18): a manager edits the shop every station prints; a clerk never sees it."""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.settings_dialog import SettingsDialog

from .conftest import Shop

pytestmark = pytest.mark.gui


def settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SettingsDialog)
    return dialog


def test_a_manager_saves_the_shop_profile_and_a_bad_one_is_refused_with_nothing_lost(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    dialog = window.open_shop_settings(settings(qtbot, window))
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=5000)  # the profile was read off the GUI thread
    dialog.lines["name"].setText("Nordic Tools & Bikes")
    dialog.texts["address"].setPlainText("Havnegade 3\n8000 Aarhus")
    dialog.lines["vat_number"].setText("DK12345678")
    dialog.lines["currency"].setText("DKK")
    dialog.set_logo(cv2.imencode(".png", np.full((30, 90), 60, dtype=np.uint8))[1].tobytes())
    dialog.lines["rate_standard"].setText("125")  # a hurried typo: refused, the form keeps what was typed
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.banner.tone == "bad", timeout=5000)
    assert "between 0 and 100" in dialog.banner.text() and dialog.lines["name"].text() == "Nordic Tools & Bikes"
    assert shop.services.shop.profile().name == ""
    dialog.lines["rate_standard"].setText("25")
    with qtbot.waitSignal(dialog.sig_saved, timeout=5000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    saved = shop.services.shop.profile()
    assert (saved.name, saved.address, saved.currency, saved.rate_standard, saved.logo_type) == (
        "Nordic Tools & Bikes", "Havnegade 3\n8000 Aarhus", "DKK", 25, "png")


def test_the_shop_profile_is_not_offered_to_a_counter_clerk(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.services.users.add_user("kim", "counter", "2468")
    dialog = settings(qtbot, open_window("kim"))
    assert not hasattr(dialog, "shop_button")
