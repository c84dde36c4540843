"""The desktop app's one entry: ``run(settings, user, pin)`` — Qt application, style, wedge, sign-in, window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from serialdesk.bootstrap import App
from serialdesk.config import Settings
from serialdesk.domain.errors import DomainError
from serialdesk.domain.roles import Actor
from serialdesk.gui.login import LoginDialog
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.resources import apply_style
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.wedge import WedgeFilter

SCREENSHOT_DELAY_MS = 1500


def application() -> QApplication:
    existing = QApplication.instance()
    qapp = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    qapp.setApplicationName("serialdesk")
    qapp.setOrganizationName("serialdesk")
    apply_style(qapp)
    qapp.setWindowIcon(QIcon(":/icons/app.svg"))
    return qapp


def sign_in(app: App, runner: TaskRunner, user: str | None, pin: str | None) -> Actor | None:
    """``--pin`` signs straight in; otherwise (or if that PIN is wrong) the sign-in dialog asks."""
    message = ""
    if user and pin:
        try:
            return app.login(user, pin)
        except DomainError as exc:
            message = exc.message
    dialog = LoginDialog(app, runner, user or "", message)
    return dialog.actor if dialog.exec() else None


def run(settings: Settings, user: str | None = None, pin: str | None = None, *,
        screenshot: str | None = None) -> int:
    """Run the counter app until its window closes; the exit code for the CLI (3: the database is not usable).

    ``screenshot``: save the window as a PNG shortly after it opens, then quit (for looking at it headless)."""
    qapp = application()
    app = App(settings)
    try:
        app.require_schema()
    except DomainError as exc:
        QMessageBox.critical(None, "serialdesk", exc.message)
        app.close()
        return exc.exit_code
    runner = TaskRunner()
    wedge = WedgeFilter()
    wedge.install(qapp)
    try:
        while True:
            actor = sign_in(app, runner, user, pin)
            if actor is None:
                return 0
            window = MainWindow(app, actor, runner, wedge)
            screen = qapp.primaryScreen()
            if screen is not None:  # without a window manager (kiosk, Xvfb) "maximised" means nothing
                window.setGeometry(screen.availableGeometry())
            window.showMaximized()
            if screenshot:
                QTimer.singleShot(SCREENSHOT_DELAY_MS, lambda w=window, path=screenshot: _save_and_close(w, path))
            qapp.exec()
            if not window.signed_out:
                return 0
            user, pin = actor.name, None  # signed out: the next person signs in
    finally:
        runner.wait()
        wedge.uninstall(qapp)
        app.close()


def _save_and_close(window: MainWindow, path: str) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(path)
    window.close()
