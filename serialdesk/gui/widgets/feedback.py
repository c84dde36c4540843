"""Feedback at the counter without modal boxes: a message banner, a colour flash, a status badge.

The look lives in the style sheet, keyed on dynamic properties (``tone``, ``flash``), so the code only says
what happened.
"""

from __future__ import annotations

import html
from pathlib import Path

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
    """One line (or a few) saying what just happened, coloured by tone; it keeps its place in the layout.

    ``offer_open`` says a file was saved and adds an "Open" link that opens it (``gui.opener``); the next message
    takes the link away again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setProperty("tone", "info")
        self.setProperty("role", "banner")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.offered: Path | None = None  # the file the "Open" link opens
        self.linkActivated.connect(self._open)

    @property
    def tone(self) -> str:
        return str(self.property("tone"))

    def offer_open(self, text: str, path: str | Path, tone: str = "good") -> None:
        """``text`` and an "Open" link for the saved file (the text is shown as it is, never as markup)."""
        self.say(text, tone)
        self.offered = Path(path)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setText(f'{html.escape(text).replace(chr(10), "<br>")} &nbsp;<a href="open">Open</a>')
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.setToolTip(f"Open {self.offered} with this computer's program for it")

    def _open(self, _link: str = "open") -> None:
        if self.offered is None:
            return
        from serialdesk.gui.opener import open_document

        problem = open_document(self.offered)
        if problem:
            self.warn(problem)

    def say(self, text: str, tone: str = "info") -> None:
        assert tone in TONES, tone
        if self.offered is not None:
            self.offered = None
            self.setTextFormat(Qt.TextFormat.PlainText)
            self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            self.setToolTip("")
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
