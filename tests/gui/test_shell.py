"""The shell: sign-in, roles, status bar, the task runner, F1 help, and the app started from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from serialdesk.bootstrap import App
from serialdesk.domain.errors import DomainError
from serialdesk.gui.formats import masked_db_url
from serialdesk.gui.help import HelpDialog
from serialdesk.gui.login import LoginDialog
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.tasks import CRASH_MESSAGE, TaskRunner

from .conftest import Shop

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


def test_sign_in_refuses_a_wrong_pin_and_accepts_the_right_one(
    qtbot: QtBot, gui_app: App, runner: TaskRunner
) -> None:
    dialog = LoginDialog(gui_app, runner, "admin")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    qtbot.keyClicks(dialog.ui.pinEdit, "9999")
    with qtbot.waitSignal(dialog.sig_refused, timeout=5000):
        qtbot.mouseClick(dialog.ui.signInButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.messageLabel.text() == "Wrong user name or PIN."
    assert dialog.actor is None and dialog.ui.pinEdit.text() == "" and dialog.isVisible()

    qtbot.keyClicks(dialog.ui.pinEdit, "1234")
    with qtbot.waitSignal(dialog.sig_signed_in, timeout=5000) as signed_in:
        qtbot.keyClick(dialog.ui.pinEdit, Qt.Key.Key_Return)
    assert signed_in.args[0].name == "admin" and signed_in.args[0].role.value == "manager"
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_the_role_decides_which_panes_open(
    shop: Shop, open_window: Callable[..., MainWindow]
) -> None:
    shop.services.users.add_user("counter1", "counter", "2468")
    window = open_window("counter1")
    assert not window.ui.navReceiving.isEnabled() and not window.panes["receiving"].isEnabled()
    assert "needs a clerk or manager account" in window.ui.navReceiving.toolTip()
    assert window.ui.navSales.isEnabled() and window.current_key() == "sales"
    window.show_pane("receiving")
    assert window.current_key() == "sales"
    assert not window.panes["service"].ui.openTicketButton.isEnabled()  # type: ignore[attr-defined]


def test_the_status_bar_says_station_user_database_and_scanner(
    gui_app: App, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    assert window.station_label.text() == "Station: test"
    assert window.user_label.text() == "User: admin (manager)"
    assert gui_app.settings.db_url.removeprefix("sqlite:///") in window.db_label.text()
    assert "Scanner ready" in window.scanner_label.text()


def test_a_database_password_is_never_shown() -> None:
    assert masked_db_url("postgresql+psycopg://shop:s3cret@db:5432/shop") == "postgresql+psycopg://shop:***@db:5432/shop"
    assert masked_db_url("sqlite:////var/shop.db") == "sqlite:////var/shop.db"


def test_f1_opens_help_for_the_pane_in_front(qtbot: QtBot, open_window: Callable[..., MainWindow]) -> None:
    window = open_window()
    qtbot.keyClick(window, Qt.Key.Key_F3)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    helps = [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog) and w.isVisible()]
    assert helps and "Sales" in helps[-1].windowTitle()
    helps[-1].close()


def test_the_task_runner_reports_results_refusals_and_crashes_on_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    def refuse() -> None:
        raise DomainError("Serial X was sold on 3 Mar 2026 to Jane Smith (C-0001) — it cannot be sold again.")

    def crash() -> None:
        raise RuntimeError("disk on fire")

    task = runner.run(lambda: 6 * 7)
    with qtbot.waitSignal(task.sig_done, timeout=5000) as done:
        pass
    assert done.args == [42]

    task = runner.run(refuse)
    with qtbot.waitSignal(task.sig_failed, timeout=5000) as failed:
        pass
    assert "cannot be sold again" in failed.args[0]

    with qtbot.waitSignal(runner.sig_crashed, timeout=5000) as crashed:
        task = runner.run(crash, label="save a scan")
    assert crashed.args[0] == "save a scan" and "disk on fire" in crashed.args[1]
    assert isinstance(task.error, RuntimeError)
    qtbot.waitUntil(lambda: not runner.busy)


def test_an_unexpected_error_opens_one_clear_dialog(
    qtbot: QtBot, open_window: Callable[..., MainWindow], runner: TaskRunner
) -> None:
    window = open_window()

    def crash() -> None:
        raise RuntimeError("disk on fire")

    for _ in range(2):
        with qtbot.waitSignal(runner.sig_crashed, timeout=5000):
            runner.run(crash, label="save a scan")
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1 and "save a scan" in boxes[0].text() and "disk on fire" in boxes[0].detailedText()
    assert CRASH_MESSAGE
    boxes[0].close()


def test_the_app_starts_from_the_command_line_and_signs_in_with_pin(sqlite_url: str, tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    # XDG_CONFIG_HOME: the station settings (QSettings) of this run live in the test's folder, not the user's
    env = {**os.environ, "SERIALDESK_SCREENSHOT": str(shot), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-m", "serialdesk", "--db", sqlite_url, "--user", "admin", "gui",
                           "--pin", "1234"], env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 10_000


def test_the_generated_forms_and_resources_are_up_to_date() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "ui" / "build.py"), "--check"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
