"""The desktop app up to its first paint: ``python -m bench.gui_start --db URL [--pin PIN]``.

Starts the app exactly as ``serialdesk --db URL gui --pin PIN`` does (signed straight in, the counter window
maximised), prints ``first-paint`` once the main window has painted for the first time, then quits the app. The
caller times the process from its start to that line. ``--empty`` shows an empty PySide6 window instead: the
floor no Qt app can start under on this machine. The QApplication is made here first only to watch its
events (after importing the CLI, as ``serialdesk gui`` does); the app takes an existing one, as under pytest-qt.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

MARK = "first-paint"


def first_paint_watcher() -> Any:
    """An event filter that says when a widget of the main window has been painted, then ends the event loop."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    class FirstPaint(QObject):
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

    return FirstPaint()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="time the desktop app to its first paint")
    parser.add_argument("--db", required=True)
    parser.add_argument("--user", default="admin")
    parser.add_argument("--pin", default="1234")
    parser.add_argument("--empty", action="store_true", help="an empty PySide6 window instead (the yardstick)")
    args = parser.parse_args(argv)
    if not args.empty:
        # `serialdesk gui` imports the CLI (and with it the database layer) before Qt; so does this. The order
        # matters: once PySide6 is imported, it reads the source of every module imported after it (to see
        # whether that module uses PySide6), which would cost a start in this order ~0.1 s it does not pay.
        from serialdesk.cli import main as serialdesk
    from PySide6.QtWidgets import QApplication, QMainWindow

    qapp = QApplication([sys.argv[0]])
    watcher = first_paint_watcher()
    qapp.installEventFilter(watcher)
    if args.empty:
        window = QMainWindow()
        window.showMaximized()
        qapp.exec()
        return 0 if watcher.seen else 1
    code = serialdesk(["--db", args.db, "--user", args.user, "gui", "--pin", args.pin])
    return code if watcher.seen else 1


if __name__ == "__main__":
    raise SystemExit(main())
