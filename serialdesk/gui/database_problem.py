"""When the database cannot be opened at start-up: say which one and why (missing, damaged, unreachable, not set
up), then let the clerk try again, fall back to this computer's own SQLite database, or quit — never a bare
crash, and never a new empty shop made silently where the clerk pointed at one that is not there. Only this
computer's own database (the default) is made by the app itself on its first start."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from serialdesk.bootstrap import App
from serialdesk.config import hide_url_in
from serialdesk.domain.errors import DomainError
from serialdesk.gui.formats import masked_db_url
from serialdesk.services.maintenance import database_failure, missing_database, prepare_new_database


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


def create_local_shop(app: App) -> None:
    """This computer's own database, made on first start: an empty shop whose admin sets a PIN at first sign-in."""
    prepare_new_database(app.engine)
    app.init_schema(None)


def startup_problem(app: App, local_url: str) -> DomainError | None:
    """Why ``app``'s database cannot be used, in one sentence (None: it can). A missing database is made only
    when it is this computer's own (``local_url``) — the app's first start."""
    url = app.settings.db_url
    try:
        if (missing := missing_database(url)) is not None:
            if url != local_url:
                return missing
            create_local_shop(app)
        app.require_schema()
    except DomainError as exc:
        return exc
    except Exception as exc:  # a damaged file: named as such; anything else stays a programming error
        if (failure := database_failure(exc, url)) is None:
            raise
        return failure
    return None
