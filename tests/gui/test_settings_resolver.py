"""Settings: the GS1 Digital Link resolver (issue 16) is a station setting the labels and the CLI both use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from serialdesk.config import Settings
from serialdesk.gui.labels_job import resolver_setting
from serialdesk.gui.main_window import MainWindow
from tests.gui.test_settings import open_settings

pytestmark = pytest.mark.gui


def test_the_resolver_is_saved_for_the_station_and_a_wrong_one_is_refused(
    qtbot: QtBot, open_window: Callable[..., MainWindow], settings_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SERIALDESK_RESOLVER", raising=False)
    window = open_window()
    dialog = open_settings(qtbot, window)
    field = dialog.resolver.edit
    assert field.text() == "" and field.placeholderText() == "https://id.gs1.org"
    field.setText("id.example-shop.com")
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and "is not a web address" in dialog.ui.banner.text()
    field.setText("https://id.example-shop.com/dl/")
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert Settings().resolver == "https://id.example-shop.com/dl"  # what `labels --digital-link` uses
    assert resolver_setting() == "https://id.example-shop.com/dl"  # and Print labels…
    again = open_settings(qtbot, window)
    assert again.resolver.edit.text() == "https://id.example-shop.com/dl"
    again.reject()
