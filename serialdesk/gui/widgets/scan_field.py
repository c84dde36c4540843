"""The scan field: where a typed serial is entered with Enter, and where every scan shows what was read.

Scans from the wedge never arrive as keys (the filter swallows the burst); the pane shows them here with
``show_scan`` so the clerk sees what the scanner read, flashed green or red by the outcome.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

from serialdesk.gui.widgets.feedback import Flasher

# Keys the pane uses (undo last scan …) that a line edit would otherwise keep for itself.
_PANE_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class ScanField(QLineEdit):
    sig_entered = Signal(str)  # a typed serial, trimmed, when Enter is pressed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "scan")
        self.setClearButtonEnabled(False)
        self.flasher = Flasher(self)
        self.returnPressed.connect(self._entered)

    def show_scan(self, text: str) -> None:
        """Show what was scanned, selected, so the next typed key replaces it."""
        self.setText(text.replace("\x1d", "<GS>"))
        self.selectAll()

    def flash(self, tone: str) -> None:
        self.flasher.flash(tone)

    def reset(self) -> None:
        """Empty and neutral again: a new sale, a new receipt."""
        self.clear()
        self.flasher.flash("")

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and any(event.matches(key) for key in _PANE_KEYS)):
            event.ignore()  # let the pane's shortcut have it
            return False
        return super().event(event)

    def _entered(self) -> None:
        text = self.text().strip()
        if text:
            self.sig_entered.emit(text)

