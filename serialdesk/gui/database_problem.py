"""When the database cannot be opened at start-up: say which one and why, then let the clerk try again, fall
back to this computer's own SQLite database, or quit — never a bare crash."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from serialdesk.config import hide_url_in
from serialdesk.gui.formats import masked_db_url


class Choice(Enum):
    RETRY = "retry"
    LOCAL = "local"
    QUIT = "quit"


def database_problem_box(url: str, problem: str, *, offer_local: bool, parent: QWidget | None = None
                         ) -> tuple[QMessageBox, dict[object, Choice]]:
    """The dialog and what each of its buttons means (built apart from ``ask`` so tests can press them)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "serialdesk — database", "The database cannot be used.", parent=parent)
    box.setInformativeText(f"{masked_db_url(url)}\n\n{hide_url_in(problem, url)}")
    buttons: dict[object, Choice] = {box.addButton("Try again", QMessageBox.ButtonRole.AcceptRole): Choice.RETRY}
    if offer_local:
        local = box.addButton("Use this computer's database", QMessageBox.ButtonRole.ActionRole)
        local.setToolTip("Work on a SQLite database on this computer (a separate shop: nothing is shared).")
        buttons[local] = Choice.LOCAL
    buttons[box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)] = Choice.QUIT
    box.setDefaultButton(next(iter(buttons)))  # type: ignore[arg-type]
    return box, buttons


def ask(url: str, problem: str, *, offer_local: bool) -> Choice:
    box, buttons = database_problem_box(url, problem, offer_local=offer_local)
    box.exec()
    return buttons.get(box.clickedButton(), Choice.QUIT)
