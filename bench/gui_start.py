"""The desktop app up to its first paint: ``python -m bench.gui_start --db URL [--pin PIN]``.

Starts the app exactly as ``serialdesk --db URL gui --pin PIN`` does (signed straight in, the counter window
maximised), prints ``first-paint`` once the main window has painted for the first time, then quits the app. The
caller times the process from its start to that line. ``--empty`` shows an empty PySide6 window instead: the
floor no Qt app can start under on this machine. The QApplication is made here first only to watch its
events; the app takes an existing one, as it does under pytest-qt.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

MARK = "first-paint"


class FirstPaint(QObject):
    """Says when a widget of the main window has been painted, then ends the event loop."""

    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (not self.seen and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
                and isinstance(watched.window(), QMainWindow)):
            self.seen = True
            QTimer.singleShot(0, self._painted)  # runs once this paint event has been handled
        return False

    def _painted(self) -> None:
        print(MARK, flush=True)
        QApplication.quit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="time the desktop app to its first paint")
    parser.add_argument("--db", required=True)
    parser.add_argument("--user", default="admin")
    parser.add_argument("--pin", default="1234")
    parser.add_argument("--empty", action="store_true", help="an empty PySide6 window instead (the yardstick)")
    args = parser.parse_args(argv)
    qapp = QApplication([sys.argv[0]])
    watcher = FirstPaint()
    qapp.installEventFilter(watcher)
    if args.empty:
        window = QMainWindow()
        window.showMaximized()
        qapp.exec()
        return 0 if watcher.seen else 1
    from serialdesk.cli import main as serialdesk

    code = serialdesk(["--db", args.db, "--user", args.user, "gui", "--pin", args.pin])
    return code if watcher.seen else 1


if __name__ == "__main__":
    raise SystemExit(main())
