"""Icons and the style sheet, compiled into serialdesk/gui/generated/resources_rc.py (see ui/build.py)."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtWidgets import QApplication

from serialdesk.gui.generated import resources_rc  # noqa: F401 - registers ":/…" with Qt

STYLE_SHEET = ":/style/serialdesk.qss"


def style_sheet() -> str:
    handle = QFile(STYLE_SHEET)
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly | QIODevice.OpenModeFlag.Text):
        return ""
    try:
        return bytes(handle.readAll().data()).decode("utf-8")
    finally:
        handle.close()


def apply_style(app: QApplication) -> None:
    """The shop's look: Fusion (the same on every desktop) under our style sheet."""
    app.setStyle("Fusion")
    app.setStyleSheet(style_sheet())
