"""Opening a saved document (a receipt, a job sheet, labels, recall letters, a spreadsheet) with the program the
desktop has for it — QDesktopServices, i.e. xdg-open, Explorer or Finder.

The opener is injectable: ``use_opener`` puts another in its place (a test records what it was asked to open
instead of launching a PDF viewer) and gives back the one it replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

Opener = Callable[[Path], bool]


def desktop_opener(path: Path) -> bool:
    """Ask the desktop to open the file; False when it has no program for it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).resolve())))


_current: Opener = desktop_opener


def use_opener(opener: Opener) -> Opener:
    """Open documents with ``opener`` from now on; returns the opener it replaces."""
    global _current
    previous, _current = _current, opener
    return previous


def open_document(path: str | Path) -> str | None:
    """Open a saved file; None when it opened, else what to tell the user."""
    target = Path(path)
    if not target.is_file():
        return f"Cannot open {target}: it is no longer there."
    if not _current(target):
        return f"Cannot open {target}: this computer has no program set up for {target.suffix or 'such'} files."
    return None
