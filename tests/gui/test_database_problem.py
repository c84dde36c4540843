"""A database that cannot be opened at start-up gets a clear dialog: try again, this computer's database, quit."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from serialdesk.bootstrap import App
from serialdesk.config import Settings
from serialdesk.gui import app as gui_app_module
from serialdesk.gui.database_problem import Choice, database_problem_box
from serialdesk.gui.preferences import Preferences

UNREACHABLE = "postgresql://shop:secret@127.0.0.1:9/shop"  # port 9 (discard): nothing listens there


def test_the_dialog_names_the_database_without_its_password_and_offers_three_ways_out(qtbot: QtBot) -> None:
    box, buttons = database_problem_box(UNREACHABLE, "Cannot open the database: connection refused",
                                        offer_local=True)
    qtbot.addWidget(box)
    assert "secret" not in box.informativeText() and "127.0.0.1:9/shop" in box.informativeText()
    assert "connection refused" in box.informativeText()
    assert sorted(choice.value for choice in buttons.values()) == ["local", "quit", "retry"]
    assert buttons[box.defaultButton()] is Choice.RETRY
    without_local, buttons2 = database_problem_box(UNREACHABLE, "x", offer_local=False)
    qtbot.addWidget(without_local)
    assert Choice.LOCAL not in buttons2.values()


def test_trying_again_then_quitting_exits_with_the_refusal_code(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def answer(url: str, problem: str, *, offer_local: bool) -> Choice:
        asked.append(problem)
        return Choice.RETRY if len(asked) == 1 else Choice.QUIT

    monkeypatch.setattr(gui_app_module, "ask_about_database", answer)
    code = gui_app_module.open_database(Settings(db_url=UNREACHABLE, user="admin", station="s"), Preferences())
    assert code == 3 and len(asked) == 2 and "Cannot open the database" in asked[0]


def test_falling_back_to_this_computers_database_opens_a_working_shop(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    local = f"sqlite:///{tmp_path / 'local.db'}"
    monkeypatch.setattr(gui_app_module, "default_db_url", lambda: local)
    monkeypatch.setattr(gui_app_module, "ask_about_database", lambda url, problem, *, offer_local: Choice.LOCAL)
    opened = gui_app_module.open_database(Settings(db_url=UNREACHABLE, user="admin", station="s"), Preferences())
    assert isinstance(opened, App)
    try:
        assert opened.settings.db_url == local
        assert opened.login("admin", "2468").name == "admin"  # a new local shop: the first PIN is set now
    finally:
        opened.close()


def test_a_missing_database_goes_to_the_dialog_and_is_not_created(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "typo" / "shop.db"
    monkeypatch.setattr(gui_app_module, "default_db_url", lambda: f"sqlite:///{tmp_path / 'local.db'}")
    asked: list[str] = []

    def answer(url: str, problem: str, *, offer_local: bool) -> Choice:
        asked.append(problem)
        return Choice.QUIT

    monkeypatch.setattr(gui_app_module, "ask_about_database", answer)
    code = gui_app_module.open_database(Settings(db_url=str(missing), user="admin", station="s"), Preferences())
    assert code == 4 and asked == [f"There is no shop database at {missing}; create one with `serialdesk init`."]
    assert not missing.parent.exists() and not (tmp_path / "local.db").exists()


def test_the_first_start_makes_this_computers_own_database(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    local = f"sqlite:///{tmp_path / 'data' / 'serialdesk.db'}"  # the user data folder may not exist yet either
    monkeypatch.setattr(gui_app_module, "default_db_url", lambda: local)
    monkeypatch.setattr(gui_app_module, "ask_about_database", lambda *a, **k: pytest.fail("no dialog expected"))
    opened = gui_app_module.open_database(Settings(db_url=local, user="admin", station="s"), Preferences())
    assert isinstance(opened, App)
    try:
        assert opened.login("admin", "2468").name == "admin"
    finally:
        opened.close()


def test_a_damaged_database_is_named_as_damaged_in_the_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    damaged = tmp_path / "shop.db"
    damaged.write_bytes(b"%PDF-1.4\n" + b"not a database\n" * 100)
    asked: list[str] = []
    monkeypatch.setattr(gui_app_module, "ask_about_database",
                        lambda url, problem, *, offer_local: asked.append(problem) or Choice.QUIT)
    code = gui_app_module.open_database(Settings(db_url=str(damaged), user="admin", station="s"), Preferences())
    assert code == 3 and len(asked) == 1
    assert asked[0].startswith(f"The database {damaged} is damaged (file is not a database)")
