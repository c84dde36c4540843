"""A short beep for an accepted scan, a low double buzz for a refused one; off in Settings; never a crash.

The speakers are replaced by a recorder (the sounds' loader), so no audio device is needed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import QFile, QObject, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.settings_dialog import SettingsDialog
from serialdesk.gui.sounds import SOUNDS, ScanSounds, sound_effect

from .conftest import GTIN, Shop

pytestmark = pytest.mark.gui


class Speaker:
    """Stands in for QSoundEffect: records which sound was played."""

    def __init__(self) -> None:
        self.played: list[str] = []

    def load(self, url: str, _parent: QObject) -> Speaker.Effect:
        return Speaker.Effect(self, url)

    class Effect:
        def __init__(self, speaker: Speaker, url: str) -> None:
            self.speaker, self.url = speaker, url

        def play(self) -> None:
            self.speaker.played.append(self.url)


class BrokenEffect:
    def play(self) -> None:
        raise OSError("no audio device")


def scan(qtbot: QtBot, window: MainWindow, text: str) -> str:
    pane = window.panes["receiving"]
    assert window.wedge is not None
    with qtbot.waitSignal(pane.sig_scan_handled, timeout=5000) as handled:  # type: ignore[attr-defined]
        window.wedge.sig_scan.emit(text)
    return str(handled.args[0])


def test_an_accepted_scan_plays_the_good_sound_and_a_refused_one_the_bad(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    speaker = Speaker()
    window.sounds.loader = speaker.load

    assert scan(qtbot, window, GTIN) == "info"
    assert speaker.played == []  # choosing the product is not worth a sound
    assert scan(qtbot, window, "SN001") == "good"
    assert scan(qtbot, window, "SN001") == "bad"  # already on the receipt

    assert speaker.played == [SOUNDS["good"], SOUNDS["bad"]]


def test_sounds_turned_off_in_settings_stay_silent(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    speaker = Speaker()
    window.sounds.loader = speaker.load
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SettingsDialog) and dialog.ui.soundsCheck.isChecked()
    dialog.ui.soundsCheck.setChecked(False)
    dialog.save()
    assert window.preferences.scan_sounds == 0

    scan(qtbot, window, GTIN)
    scan(qtbot, window, "SN001")
    scan(qtbot, window, "SN001")

    assert speaker.played == []
    window.apply_preferences(replace(window.preferences, scan_sounds=1))
    assert window.sounds.enabled


def test_without_qtmultimedia_a_refusal_still_beeps_and_nothing_crashes(qtbot: QtBot) -> None:
    sounds = ScanSounds(loader=lambda _url, _parent: None)
    with qtbot.waitSignal(sounds.sig_requested, timeout=1000) as requested:
        sounds.play("bad")
    assert requested.args == ["beep"]
    with qtbot.assertNotEmitted(sounds.sig_requested):
        sounds.play("good")


def test_a_sound_that_cannot_play_falls_back_to_the_beep(qtbot: QtBot) -> None:
    sounds = ScanSounds(loader=lambda _url, _parent: BrokenEffect())
    with qtbot.waitSignal(sounds.sig_requested, timeout=1000) as requested:
        sounds.play("bad")
    assert requested.args == ["beep"]


def test_the_two_sounds_are_in_the_resources_and_load_without_a_crash(qapp: QApplication) -> None:
    assert all(QFile(url.removeprefix("qrc")).exists() for url in SOUNDS.values())
    parent = QObject()
    for url in SOUNDS.values():
        sound_effect(url, parent)  # a QSoundEffect here, None where QtMultimedia cannot load: never an error
