"""Changes reach an open window: its own commits at once, another process's (the CLI, another station) within
3 s — a product added by `serialdesk product add` shows in the receiving pane's product list, a sale made by
`serialdesk sell` updates the stock report on screen. On SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from serialdesk.bootstrap import App
from serialdesk.config import Settings
from serialdesk.domain.changes import Changes
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.receiving import ReceivingPane
from serialdesk.gui.panes.reports import Reports, ReportsPane
from serialdesk.services.changes import ChangeMarks, ChangesSince

from .conftest import Shop

pytestmark = pytest.mark.gui

ELSEWHERE_MS = 3000  # the promise: a change made elsewhere is on screen within 3 s


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def gui_app(request: pytest.FixtureRequest, clock: Callable[[], object]) -> Iterator[App]:
    """The window's app on a SQLite file and on PostgreSQL (overrides the SQLite-only one of conftest)."""
    url = str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))
    application = App(Settings(db_url=url, user="admin", station="test"), clock=clock)  # type: ignore[arg-type]
    yield application
    application.close()


def cli(app: App, *args: str) -> None:
    """`serialdesk …` in a process of its own, as a script at another till runs it."""
    env = {**os.environ, "SERIALDESK_DB": app.settings.db_url, "SERIALDESK_PIN": "1234"}
    env.pop("SERIALDESK_USER", None)
    done = subprocess.run([sys.executable, "-m", "serialdesk", *args], env=env, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL, check=False)
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"


def product_skus(pane: ReceivingPane) -> list[str]:
    combo = pane.ui.productCombo
    return [str(combo.itemData(i)) for i in range(combo.count()) if combo.itemData(i)]


def test_a_product_added_from_the_cli_appears_in_the_open_receiving_pane(
    qtbot: QtBot, open_window: Callable[..., MainWindow], shop: Shop, gui_app: App
) -> None:
    window = open_window()
    pane = window.panes["receiving"]
    assert isinstance(pane, ReceivingPane)
    assert product_skus(pane) == ["DRL-18V"]
    cli(gui_app, "product", "add", "BAT-5AH", "--name", "Battery 5Ah", "--price", "59.00")
    qtbot.waitUntil(lambda: "BAT-5AH" in product_skus(pane), timeout=ELSEWHERE_MS)
    assert pane.ui.productCombo.currentData() is None  # the clerk's choice (none yet) is kept


def test_a_sale_made_by_the_cli_updates_the_stock_report_on_screen(
    qtbot: QtBot, open_window: Callable[..., MainWindow], shop: Shop, gui_app: App
) -> None:
    shop.stock("SN001", "SN002", "SN003")
    window = open_window()
    pane = window.panes["reports"]
    assert isinstance(pane, ReportsPane)
    with qtbot.waitSignal(pane.sig_shown, timeout=10_000) as shown:
        window.show_pane("reports")
    before: Reports = shown.args[0]
    assert before.stock.by_status.get("in_stock") == 3
    cli(gui_app, "sell", "--customer", shop.customer.number, "SN002")
    qtbot.waitUntil(lambda: pane.shown is not None and pane.shown.stock.by_status.get("in_stock") == 2,
                    timeout=ELSEWHERE_MS)


def test_this_window_s_own_commits_are_announced_at_once_and_once(
    qtbot: QtBot, open_window: Callable[..., MainWindow], shop: Shop
) -> None:
    window = open_window()
    heard: list[Changes] = []
    window.announcer.sig_changes.connect(heard.append)
    shop.services.catalogue.add_product("BAT-2AH", "Battery 2Ah", price="39.00")  # the window's own app
    assert heard == [Changes.of("catalogue", "ledger")]  # said at the commit, before any poll
    pane = window.panes["receiving"]
    assert isinstance(pane, ReceivingPane)
    qtbot.waitUntil(lambda: "BAT-2AH" in product_skus(pane), timeout=ELSEWHERE_MS)
    polls = window.announcer.polls
    qtbot.waitUntil(lambda: window.announcer.polls >= polls + 2, timeout=ELSEWHERE_MS)  # the ledger looked at
    assert heard == [Changes.of("catalogue", "ledger")]  # the poll saw it in the ledger and did not say it again


def test_a_commit_that_lands_while_the_poll_looks_is_still_recognised_as_ours(
    qtbot: QtBot, open_window: Callable[..., MainWindow]
) -> None:
    """Found on a loaded machine: the look read the ledger just before this window's commit and took the commit
    as 'ours' while finding nothing; the next look found its event and announced it a second time."""
    window = open_window()
    announcer = window.announcer
    announcer.timer.stop()
    qtbot.waitUntil(lambda: not announcer._polling, timeout=ELSEWHERE_MS)
    heard: list[Changes] = []
    announcer.sig_changes.connect(heard.append)
    ours = Changes.of("catalogue", "ledger", events=1)
    marks = ChangeMarks(10)
    announcer._polled(ChangesSince(Changes(), marks), ours)  # the look saw nothing; the commit came meanwhile
    announcer._polled(ChangesSince(ours, ChangeMarks(11)), Changes())  # the next look finds its event
    assert heard == []
    announcer._polled(ChangesSince(Changes.of("customers", "ledger", events=1), ChangeMarks(12)), Changes())
    assert heard == [Changes.of("customers", "ledger")]  # someone else's change is still said
