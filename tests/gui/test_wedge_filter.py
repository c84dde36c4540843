"""The wedge filter in a real window under Xvfb: scans never reach the focused widget, typing always does.

Two ways to make key presses: QKeyEvents posted to the window with chosen timestamps (deterministic; the
filter then accepts synthetic events), and xdotool typing into the real X window (spontaneous events with
the X server's own timestamps, exactly what a USB scanner produces).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from serialdesk.gui.wedge import WedgeFilter

pytestmark = pytest.mark.gui

GS = "\x1d"
GS1_SCAN = "0109506000134352" + "10L2406A" + GS + "21SN0042"
_KEYS = {GS: (Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier), "\r": (Qt.Key.Key_Return, None)}


class Counter:
    """Keeps the window, its line edit and every scan the filter reported."""

    def __init__(self, window: QWidget, line: QLineEdit, wedge: WedgeFilter) -> None:
        self.window, self.line, self.wedge = window, line, wedge
        self.scans: list[str] = []
        wedge.sig_scan.connect(self.scans.append)


def _open_window(qtbot: QtBot, wedge: WedgeFilter) -> Iterator[Counter]:
    window = QWidget()
    window.setWindowTitle("wedge test")
    line = QLineEdit(window)
    QVBoxLayout(window).addWidget(line)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    line.setFocus()
    qtbot.waitUntil(lambda: QGuiApplication.focusObject() is line)
    wedge.install()
    try:
        yield Counter(window, line, wedge)
    finally:
        wedge.uninstall()


@pytest.fixture
def posted(qtbot: QtBot) -> Iterator[Counter]:
    yield from _open_window(qtbot, WedgeFilter(accept_synthetic=True))


@pytest.fixture
def real(qtbot: QtBot) -> Iterator[Counter]:
    if QGuiApplication.platformName() != "xcb" or shutil.which("xdotool") is None:
        pytest.skip("needs the X11 (xcb) platform and xdotool")
    yield from _open_window(qtbot, WedgeFilter())


def key_event(char: str, stamp_ms: int) -> QKeyEvent:
    key, modifiers = _KEYS.get(char, (Qt.Key(ord(char.upper())), None))
    if modifiers is None:
        shifted = char.isalpha() and char.isupper()
        modifiers = Qt.KeyboardModifier.ShiftModifier if shifted else Qt.KeyboardModifier.NoModifier
    event = QKeyEvent(QEvent.Type.KeyPress, key, modifiers, char)
    event.setTimestamp(stamp_ms)
    return event


def post_keys(counter: Counter, text: str, gap_ms: int, start_ms: int = 1_000_000) -> None:
    """Posts the presses to the window, as the platform does, with the key times a keyboard would give."""
    window = counter.window.windowHandle()
    for i, char in enumerate(text):
        QCoreApplication.postEvent(window, key_event(char, start_ms + i * gap_ms))


def settle(qtbot: QtBot, counter: Counter) -> None:
    """Until the filter holds nothing back: every key is typed or scanned."""
    qtbot.waitUntil(lambda: not counter.wedge.holding, timeout=3000)
    QCoreApplication.processEvents()


def test_a_posted_burst_with_gs_is_emitted_once_and_never_typed(qtbot: QtBot, posted: Counter) -> None:
    with qtbot.waitSignal(posted.wedge.sig_scan, timeout=3000) as blocker:
        post_keys(posted, GS1_SCAN + "\r", gap_ms=4)
    assert blocker.args == [GS1_SCAN]
    settle(qtbot, posted)
    assert posted.scans == [GS1_SCAN]
    assert posted.line.text() == ""


def test_a_posted_burst_without_suffix_ends_on_idle(qtbot: QtBot, posted: Counter) -> None:
    with qtbot.waitSignal(posted.wedge.sig_scan, timeout=3000) as blocker:
        post_keys(posted, "SN0042", gap_ms=4)
    assert blocker.args == ["SN0042"] and posted.line.text() == ""


def test_slow_posted_typing_lands_in_the_line_edit_unchanged(qtbot: QtBot, posted: Counter) -> None:
    post_keys(posted, "Drill 18V", gap_ms=110)
    qtbot.waitUntil(lambda: posted.line.text() == "Drill 18V", timeout=3000)
    settle(qtbot, posted)
    assert posted.scans == [] and posted.line.text() == "Drill 18V"


def test_typing_then_a_scan_keeps_both_apart(qtbot: QtBot, posted: Counter) -> None:
    post_keys(posted, "ab", gap_ms=100, start_ms=1_000_000)
    with qtbot.waitSignal(posted.wedge.sig_scan, timeout=3000) as blocker:
        post_keys(posted, "SN0042\r", gap_ms=3, start_ms=1_001_000)
    settle(qtbot, posted)
    assert blocker.args == ["SN0042"] and posted.scans == ["SN0042"]
    assert posted.line.text() == "ab"


def test_a_press_delivered_twice_is_fed_once(qtbot: QtBot, posted: Counter) -> None:
    line = posted.line
    for i, char in enumerate("SN0042"):
        event = key_event(char, 2_000_000 + 3 * i)
        # Qt shows the filter each press at the window and again at the widget; X may repeat it as well.
        posted.wedge.eventFilter(posted.window.windowHandle(), event)
        posted.wedge.eventFilter(line, event)
    with qtbot.waitSignal(posted.wedge.sig_scan, timeout=3000) as blocker:
        posted.wedge.eventFilter(line, key_event("\r", 2_000_000 + 20))
    assert blocker.args == ["SN0042"]


def test_synthetic_keys_pass_untouched_unless_asked_for(qtbot: QtBot, real: Counter) -> None:
    post_keys(real, "SN0042", gap_ms=2)
    qtbot.waitUntil(lambda: real.line.text() == "SN0042", timeout=3000)
    assert real.scans == [] and not real.wedge.holding


# --- real X key events through xdotool ---------------------------------------------------------------------

_KEYSYMS = {GS: "ctrl+bracketright", "\r": "Return", "-": "minus", " ": "space"}


def xdotool_type(qtbot: QtBot, counter: Counter, text: str, delay_ms: int) -> None:
    window_id = str(int(counter.window.winId()))
    subprocess.run(["xdotool", "windowfocus", "--sync", window_id], check=True, timeout=10)
    keys = [_KEYSYMS.get(char, char) for char in text]
    typist = subprocess.Popen(["xdotool", "key", "--delay", str(delay_ms), *keys])
    # The Qt event loop keeps running while xdotool types, as it would with a person at the keyboard.
    qtbot.waitUntil(lambda: typist.poll() is not None, timeout=30_000)
    assert typist.returncode == 0


def test_a_real_scanner_burst_with_gs_is_emitted_once_and_never_typed(qtbot: QtBot, real: Counter) -> None:
    with qtbot.waitSignal(real.wedge.sig_scan, timeout=10_000) as blocker:
        xdotool_type(qtbot, real, GS1_SCAN + "\r", delay_ms=2)
    assert blocker.args == [GS1_SCAN]
    settle(qtbot, real)
    assert real.scans == [GS1_SCAN] and real.line.text() == ""


def test_real_slow_typing_lands_in_the_line_edit_unchanged(qtbot: QtBot, real: Counter) -> None:
    xdotool_type(qtbot, real, "Drill 18V-2", delay_ms=100)
    qtbot.waitUntil(lambda: real.line.text() == "Drill 18V-2", timeout=5000)
    settle(qtbot, real)
    assert real.scans == [] and real.line.text() == "Drill 18V-2"
