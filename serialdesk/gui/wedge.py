"""The keyboard wedge in the GUI: an application-wide event filter around scanning.wedge.WedgeDetector.

Every key press goes to the detector before the focused widget sees it. Keys that may belong to a scan are
swallowed and held; a burst becomes ``sig_scan(text)`` (GS kept) and never reaches any widget; keys that
turn out to be a person's typing are replayed to the widget they were typed into, in order.

Keys typed into a secret field (a PIN or password: a line edit that does not echo) or into a window marked
``NO_SCANS`` (the sign-in dialog) pass untouched: a PIN typed quickly is a person, whatever its speed, and
must never be swallowed as a scan (nor emitted, where anyone could read it).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from serialdesk.scanning.wedge import WedgeDetector, WedgeOutcome, WedgeSettings

_MODIFIER_KEYS = frozenset(
    {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta, Qt.Key.Key_CapsLock}
)
_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
_SIGNATURE = tuple[int, int, str, int, int]
NO_SCANS = "noScans"  # a widget property: True keeps the wedge off every key typed into it or its children
_SECRET = frozenset({QLineEdit.EchoMode.Password, QLineEdit.EchoMode.NoEcho, QLineEdit.EchoMode.PasswordEchoOnEdit})


def takes_no_scans(widget: QObject | None) -> bool:
    """Keys typed here are a person's: a field that hides what is typed, or inside a window marked NO_SCANS."""
    if isinstance(widget, QLineEdit) and widget.echoMode() in _SECRET:
        return True
    while isinstance(widget, QWidget):
        if widget.property(NO_SCANS):
            return True
        widget = widget.parentWidget()
    return False


def _application(app: QCoreApplication | None) -> QCoreApplication:
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before the wedge filter")
    return app


@dataclass
class _Typed:
    """What is needed to replay a held key: where it was typed, its press and (if it came) its release."""

    target: QObject
    press: QKeyEvent
    release: QKeyEvent | None = None


class WedgeFilter(QObject):
    """Install once with ``install()``; connect ``sig_scan``.

    Only spontaneous key presses (from the keyboard or scanner) are considered; the same press seen again as
    Qt passes it from the window to the focused widget (or as the X server repeats it) is recognised and gets
    the same answer. ``accept_synthetic=True`` also takes posted QKeyEvents (tests); they need distinct
    ``timestamp()``s, which then play the role of the keyboard's clock.
    """

    sig_scan = Signal(str)

    def __init__(
        self,
        settings: WedgeSettings | None = None,
        parent: QObject | None = None,
        *,
        accept_synthetic: bool = False,
    ) -> None:
        super().__init__(parent)
        self._detector: WedgeDetector[_Typed] = WedgeDetector(settings)
        self._accept_synthetic = accept_synthetic
        self._enabled = True
        self._replaying = False
        self._last_press: _SIGNATURE | None = None
        self._last_swallowed = False
        self._clock_offset = 0.0  # monotonic time minus the key events' time (seconds)
        self._last_at = -math.inf
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer)

    @property
    def settings(self) -> WedgeSettings:
        return self._detector.settings

    @property
    def holding(self) -> bool:
        """True while keys are held back, waiting to become a scan or to be typed."""
        return self._detector.holding

    def install(self, app: QCoreApplication | None = None) -> None:
        """Start filtering every key press of the application."""
        _application(app).installEventFilter(self)

    def uninstall(self, app: QCoreApplication | None = None) -> None:
        """Stop filtering; held keys are resolved first, so nothing typed is lost."""
        self._apply(self._detector.flush())
        _application(app).removeEventFilter(self)

    def set_settings(self, settings: WedgeSettings) -> None:
        """New thresholds (the station's settings were changed); held keys are resolved first."""
        self._apply(self._detector.flush())
        self._detector = WedgeDetector(settings)

    def set_enabled(self, enabled: bool) -> None:
        """Turn scan detection off (keys then pass untouched) or back on."""
        if not enabled:
            self._apply(self._detector.flush())
        self._enabled = enabled

    # --- Qt event filter ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ApplicationDeactivate:
            self._apply(self._detector.flush())  # the clerk switched away: nothing stays held
            self._arm_timer()
            return False
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) or self._replaying or not self._enabled:
            return False
        if not (event.spontaneous() or self._accept_synthetic) or not isinstance(event, QKeyEvent):
            return False
        if kind == QEvent.Type.KeyRelease:
            return self._on_release(event)
        signature = (event.key(), event.nativeScanCode(), event.text(), event.timestamp(), event.nativeModifiers())
        if signature == self._last_press:
            return self._last_swallowed  # the same press again: window → widget, or X delivering it twice
        self._last_press = signature
        self._last_swallowed = self._on_press(watched, event)
        return self._last_swallowed

    def _on_press(self, watched: QObject, event: QKeyEvent) -> bool:
        key = event.key()
        if key in _MODIFIER_KEYS:
            return False  # scanners press Shift for capitals: modifiers neither join nor break a burst
        if takes_no_scans(self._target(watched)):
            self._apply(self._detector.flush())  # whatever was held is typed first, in order
            self._arm_timer()
            return False
        at = self._event_time(event)
        text = event.text()
        plain_tab = key == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if event.isAutoRepeat():
            outcome = self._detector.other_key(at)  # a held-down key repeats 30×/s: a person, not a scanner
        elif key in _ENTER_KEYS or plain_tab:
            outcome = self._detector.key("\t" if plain_tab else "\r", at)
        elif self._detector.is_scan_char(text):
            outcome = self._detector.key(text, at, _Typed(self._target(watched), event.clone()))
        else:
            outcome = self._detector.other_key(at)
        self._apply(outcome)
        self._arm_timer()
        return outcome.swallow

    def _on_release(self, event: QKeyEvent) -> bool:
        if self._last_press is not None and self._last_press[0] == event.key():
            self._last_press = None  # a new press of this key after its release is not a duplicate
        # The release of a held key is held with it, so a replayed key is pressed before it is released.
        for typed in self._held_payloads():
            if typed.press.key() == event.key() and typed.release is None:
                typed.release = event.clone()
                return True
        return False

    # --- helpers --------------------------------------------------------------------------------------------

    def _held_payloads(self) -> list[_Typed]:
        return [key.payload for key in self._detector.held_keys() if key.payload is not None]

    def _target(self, watched: QObject) -> QObject:
        if isinstance(watched, QWidget):
            return watched
        # A spontaneous press reaches the window first; it is meant for the window's focus widget.
        return QApplication.focusWidget() or watched

    def _event_time(self, event: QKeyEvent) -> float:
        now = time.monotonic()
        stamp = event.timestamp()
        at = stamp / 1000.0 if stamp else now  # the X server's key time; posted events may have none
        self._clock_offset = now - at
        if at < self._last_at:
            # The 32-bit millisecond clock wrapped (every ~50 days): what is held is resolved on its own.
            self._apply(self._detector.flush())
        self._last_at = at
        return at

    def _now(self) -> float:
        return time.monotonic() - self._clock_offset

    def _arm_timer(self) -> None:
        deadline = self._detector.next_deadline()
        if deadline is None:
            self._timer.stop()
            return
        self._timer.start(max(0, math.ceil((deadline - self._now()) * 1000)) + 1)

    def _on_timer(self) -> None:
        self._apply(self._detector.poll(self._now()))
        self._arm_timer()

    def _apply(self, outcome: WedgeOutcome[_Typed]) -> None:
        for key in outcome.release:
            if key.payload is not None:
                self._replay(key.payload)
        if outcome.scan is not None:
            self.sig_scan.emit(outcome.scan)

    def _replay(self, typed: _Typed) -> None:
        target: QObject | None = typed.target if shiboken6.isValid(typed.target) else QApplication.focusWidget()
        if target is None:
            return  # the widget is gone and nothing has focus: there is nowhere to type into
        self._replaying = True
        try:
            QCoreApplication.sendEvent(target, typed.press)
            if typed.release is not None:
                QCoreApplication.sendEvent(target, typed.release)
        finally:
            self._replaying = False
