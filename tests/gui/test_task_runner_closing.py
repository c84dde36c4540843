"""A window that closes while a service call runs: the call's result is dropped, never delivered to widgets
that are gone (found in a loaded CI run: a customer search of a closed window's dialog finished during the
next window's life and wrote into a deleted combo box)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from serialdesk.gui.tasks import TaskRunner

pytestmark = pytest.mark.gui


def test_results_of_calls_still_running_when_the_runner_is_closed_are_dropped(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    delivered: list[object] = []
    runner.run(lambda: release.wait(5) and "found", delivered.append, delivered.append, label="find customers")
    busy: list[bool] = []
    runner.sig_busy.connect(busy.append)
    release.set()
    assert runner.wait()  # the window closes: the worker is done, its result is queued for the GUI thread
    for _ in range(20):
        QApplication.processEvents()
    assert delivered == [] and not runner.busy and busy == [False]


def test_the_runner_runs_the_next_windows_calls_after_closing(qtbot: QtBot) -> None:
    runner = TaskRunner()
    assert runner.wait()  # signed out: the window closed
    delivered: list[object] = []
    with qtbot.waitSignal(runner.sig_busy, timeout=5000, check_params_cb=lambda busy: not busy):
        runner.run(lambda: "next", delivered.append)
    assert delivered == ["next"]


def test_calls_deliver_normally_while_open(qtbot: QtBot) -> None:
    runner = TaskRunner()
    delivered: list[object] = []
    with qtbot.waitSignal(runner.sig_busy, timeout=5000, check_params_cb=lambda busy: not busy):
        runner.run(lambda: 42, delivered.append)
    assert delivered == [42]
