"""The desktop app's one entry: ``run(settings, user, pin)`` — Qt application, style, wedge, sign-in, window."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from serialdesk.bootstrap import App, settle_heap
from serialdesk.config import Settings, default_db_url, needs_password, with_password, without_password
from serialdesk.domain.errors import DomainError
from serialdesk.domain.roles import Actor
from serialdesk.gui.database_problem import Choice, create_local_shop, startup_problem
from serialdesk.gui.database_problem import ask as ask_about_database
from serialdesk.gui.db_password import ask_password, is_password_problem
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.preferences import Preferences, connectable, keep_password, load_preferences, with_preferences
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
    from serialdesk.gui.login import LoginDialog  # here: signed straight in (--pin), the window paints sooner

    dialog = LoginDialog(app, runner, user or "", message)
    return dialog.actor if dialog.exec() else None


def open_database(settings: Settings, preferences: Preferences) -> App | int:
    """The app on the database to use (this station's saved choice unless --db or $SERIALDESK_DB say otherwise).
    When it cannot be used, the clerk may try again, fall back to this computer's own SQLite database, or quit
    (the CLI's exit code)."""
    chosen = with_preferences(settings, preferences)
    while True:
        app = App(chosen)
        local = default_db_url()
        problem = startup_problem(app, local)
        if problem is None:
            return app
        app.close()
        if needs_password(without_password(chosen.db_url)) and is_password_problem(problem.message):
            password = ask_password(chosen.db_url)
            if password:  # into the keyring, or this process's memory: never the settings file
                chosen = replace(chosen, db_url=connectable(keep_password(with_password(chosen.db_url, password))))
                continue
        hint = ("\n\nThis database was chosen in Settings; you can change it there once the app is open."
                if chosen.db_url != settings.db_url else "")
        choice = ask_about_database(chosen.db_url, problem.message + hint, offer_local=chosen.db_url != local)
        if choice is Choice.QUIT:
            return problem.exit_code
        if choice is Choice.LOCAL:
            chosen = replace(chosen, db_url=local)
            fallback = App(chosen)
            try:
                create_local_shop(fallback)  # a new local shop: admin sets a PIN at the first sign-in
            finally:
                fallback.close()


def run(settings: Settings, user: str | None = None, pin: str | None = None, *,
        screenshot: str | None = None) -> int:
    """Run the counter app until its window closes; the exit code for the CLI (3: the database is not usable).

    ``screenshot``: save the window as a PNG shortly after it opens, then quit (for looking at it headless)."""
    qapp = application()
    preferences = load_preferences()
    app = open_database(settings, preferences)
    if isinstance(app, int):
        return app
    runner = TaskRunner()
    wedge = WedgeFilter(preferences.wedge_settings())
    wedge.install(qapp)
    try:
        while True:
            actor = sign_in(app, runner, user, pin)
            if actor is None:
                return 0
            window = MainWindow(app, actor, runner, wedge, preferences=preferences)
            screen = qapp.primaryScreen()
            if screen is not None:  # without a window manager (kiosk, Xvfb) "maximised" means nothing
                window.setGeometry(screen.availableGeometry())
            window.showMaximized()
            settle_heap()  # the window and what it holds are built: full collections walk only what comes next
            if screenshot:
                QTimer.singleShot(SCREENSHOT_DELAY_MS, lambda w=window, path=screenshot: _save_and_close(w, path))
            qapp.exec()
            if not window.signed_out:
                return 0
            preferences = window.preferences
            user, pin = actor.name, None  # signed out: the next person signs in
    finally:
        runner.wait()
        wedge.uninstall(qapp)
        app.close()


def _save_and_close(window: MainWindow, path: str) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(path)
    window.close()
