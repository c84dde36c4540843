"""Feedback at the counter without modal boxes: a message banner, a colour flash, a status badge.

The look lives in the style sheet, keyed on dynamic properties (``tone``, ``flash``), so the code only says
what happened.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

TONES = ("info", "good", "bad", "warn", "muted")


def restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class Banner(QLabel):
    """One line (or a few) saying what just happened, coloured by tone; it keeps its place in the layout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setProperty("tone", "info")
        self.setProperty("role", "banner")
        self.setTextFormat(Qt.TextFormat.PlainText)

    @property
    def tone(self) -> str:
        return str(self.property("tone"))

    def say(self, text: str, tone: str = "info") -> None:
        assert tone in TONES, tone
        self.setText(text)
        if self.property("tone") != tone:
            self.setProperty("tone", tone)
            restyle(self)

    def good(self, text: str) -> None:
        self.say(text, "good")

    def bad(self, text: str) -> None:
        self.say(text, "bad")

    def warn(self, text: str) -> None:
        self.say(text, "warn")


class Flasher:
    """Flashes a widget green or red for a moment (``flash`` property, styled in the qss)."""

    def __init__(self, widget: QWidget, msecs: int = 700) -> None:
        self._widget = widget
        self._timer = QTimer(widget)
        self._timer.setSingleShot(True)
        self._timer.setInterval(msecs)
        self._timer.timeout.connect(lambda: self._set(""))

    def flash(self, tone: str) -> None:
        self._set(tone)
        self._timer.start()

    @property
    def current(self) -> str:
        return str(self._widget.property("flash") or "")

    def _set(self, tone: str) -> None:
        self._widget.setProperty("flash", tone)
        restyle(self._widget)


class Badge(QLabel):
    """A small rounded label: status, source, warranty. Tone picks the colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "badge")
        self.setProperty("tone", "muted")

    def show_badge(self, text: str, tone: str = "muted", tooltip: str = "") -> None:
        self.setText(text)
        self.setToolTip(tooltip)
        if self.property("tone") != tone:
            self.setProperty("tone", tone)
            restyle(self)
        self.setVisible(bool(text))
