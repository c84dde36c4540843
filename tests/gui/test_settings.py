"""Settings (Ctrl+,) are kept with QSettings and used: scanner thresholds at once, the rest at the next start;
the About box names the version and the database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from serialdesk.config import Settings, default_db_url
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.receiving import ReceivingPane
from serialdesk.gui.preferences import Preferences, load_preferences, with_preferences
from serialdesk.gui.settings_dialog import SettingsDialog, about_text, version
from serialdesk.scanning.wedge import WedgeSettings

pytestmark = pytest.mark.gui


def open_settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SettingsDialog)
    return dialog


def test_saved_settings_persist_and_the_scanner_uses_them_at_once(
    qtbot: QtBot, open_window: Callable[..., MainWindow], settings_folder: Path
) -> None:
    window = open_window()
    dialog = open_settings(qtbot, window)
    ui = dialog.ui
    assert ui.stationEdit.placeholderText() == "test" and ui.shopEdit.text() == "Our shop"
    ui.stationEdit.setText("till-9")
    ui.minLengthSpin.setValue(6)
    ui.maxGapSpin.setValue(40)
    ui.endIdleSpin.setValue(150)
    ui.cameraSpin.setValue(2)
    ui.layoutCombo.setCurrentIndex(ui.layoutCombo.findData("a4-3x8"))
    ui.symbologyCombo.setCurrentIndex(ui.symbologyCombo.findData("qr"))
    qtbot.keyClicks(ui.shopEdit, " in Aarhus")
    with qtbot.waitSignal(dialog.sig_saved, timeout=2000) as saved:
        qtbot.mouseClick(ui.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    expected = Preferences(station="till-9", wedge_min_length=6, wedge_max_gap_ms=40, wedge_end_idle_ms=150,
                           camera_index=2, label_layout="a4-3x8", label_symbology="qr", shop_name="Our shop in Aarhus")
    assert saved.args[0] == expected and "station name takes effect the next time" in saved.args[1]
    assert (settings_folder / "serialdesk" / "serialdesk.ini").is_file()
    assert load_preferences() == expected
    assert window.wedge is not None and window.wedge.settings == WedgeSettings(6, 0.040, 0.150)
    assert "next time serialdesk starts" in window.statusBar().currentMessage()
    receiving = window.panes["receiving"]
    assert isinstance(receiving, ReceivingPane) and receiving.preferences.label_layout == "a4-3x8"

    again = open_window()  # the next window (next start) reads them back
    assert again.preferences == expected


def test_settings_that_do_not_fit_together_are_refused_and_not_saved(
    qtbot: QtBot, open_window: Callable[..., MainWindow]
) -> None:
    dialog = open_settings(qtbot, open_window())
    dialog.ui.maxGapSpin.setValue(200)
    dialog.ui.endIdleSpin.setValue(100)
    qtbot.mouseClick(dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.ui.banner.tone == "bad" and "pause" in dialog.ui.banner.text()
    dialog.ui.endIdleSpin.setValue(300)
    dialog.ui.dbEdit.setText("shop.db")
    qtbot.mouseClick(dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert "not a database URL" in dialog.ui.banner.text()
    assert load_preferences() == Preferences()
    dialog.reject()


def test_station_and_database_from_settings_apply_unless_the_environment_says_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SERIALDESK_STATION", raising=False)
    monkeypatch.delenv("SERIALDESK_DB", raising=False)
    saved = Preferences(station="till-9", db_url="sqlite:////srv/shop.db")
    started = with_preferences(Settings(db_url=default_db_url(), station="pc-17"), saved)
    assert (started.station, started.db_url) == ("till-9", "sqlite:////srv/shop.db")
    explicit = with_preferences(Settings(db_url="sqlite:////tmp/other.db", station="pc-17"), saved)
    assert explicit.db_url == "sqlite:////tmp/other.db"  # --db wins
    monkeypatch.setenv("SERIALDESK_STATION", "kiosk")
    assert with_preferences(Settings(db_url=default_db_url(), station="kiosk"), saved).station == "kiosk"


def test_about_names_the_version_and_the_database_without_its_password(
    open_window: Callable[..., MainWindow],
) -> None:
    text = about_text("postgresql+psycopg://shop:s3cret@db/shop", "till-1")
    assert version() in text and "shop:***@db/shop" in text and "s3cret" not in text and "Licence" in text
    box = open_window().show_about()
    assert "serialdesk" in box.text()
    box.close()
