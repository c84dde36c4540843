"""A real file dialog browsing the database's folder (it opens and closes shop.db, -wal and -shm to pick
icons, which drops this process's SQLite locks) must not make the next scans invisible to other stations."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QFileSystemModel
from pytestqt.qtbot import QtBot

from serialdesk.bootstrap import App
from serialdesk.db import journal
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.receiving import ReceivingPane

from .conftest import GTIN, Shop
from .test_receiving_pane import type_scan

pytestmark = pytest.mark.gui

SERIALS_SEEN = ("import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                "print(' '.join(r[0] for r in c.execute('select serial from items order by serial')))")


def seen_by_another_process(db: Path) -> list[str]:
    out = subprocess.run([sys.executable, "-c", SERIALS_SEEN, str(db)], check=True, capture_output=True, text=True)
    return out.stdout.split()


def browse(qtbot: QtBot, folder: Path) -> None:
    """Qt's own (non-native) file dialog, shown on the folder until its listing and icons are in."""
    dialog = QFileDialog(None, "Save the report", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    with qtbot.waitSignal(model.directoryLoaded, timeout=5000):
        dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(500)  # icons are picked as the view paints: let it paint (nothing to wait on)
    dialog.close()
    dialog.deleteLater()


def test_scans_after_a_file_dialog_browsed_the_database_folder_reach_every_station(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], sqlite_url: str
) -> None:
    db = Path(sqlite_url.removeprefix("sqlite:///"))
    pane = open_window().panes["receiving"]
    assert isinstance(pane, ReceivingPane)
    type_scan(qtbot, pane, GTIN)
    assert type_scan(qtbot, pane, "SN001")[0] == "good"

    browse(qtbot, db.parent)
    assert seen_by_another_process(db) == ["SN001"]  # another station's program comes and goes
    assert type_scan(qtbot, pane, "SN002")[0] == "good"
    browse(qtbot, db.parent)
    assert type_scan(qtbot, pane, "SN003")[0] == "good"

    assert seen_by_another_process(db) == ["SN001", "SN002", "SN003"]


def test_without_the_guard_the_scan_after_a_lost_journal_is_saved_once_reconnected_and_the_clerk_is_told(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], sqlite_url: str, gui_app: App,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As on a system without OFD locks: the pooled connection's journal is deleted under it; the next scan
    is rolled back, the connection renewed, the scan saved where every station sees it, and the status bar
    says what happened."""
    monkeypatch.setattr(journal, "_OFD", False)
    gui_app.uows.reconnect()
    db = Path(sqlite_url.removeprefix("sqlite:///"))
    window = open_window()
    pane = window.panes["receiving"]
    assert isinstance(pane, ReceivingPane)
    type_scan(qtbot, pane, GTIN)
    assert type_scan(qtbot, pane, "SN001")[0] == "good"
    browse(qtbot, db.parent)
    assert seen_by_another_process(db) == ["SN001"]
    assert not Path(f"{db}-wal").exists()  # the journal this process holds is gone

    with qtbot.waitSignal(window.runner.sig_notice, timeout=5000) as notice:
        assert type_scan(qtbot, pane, "SN002")[0] == "good"
    assert "connection to the database was renewed" in notice.args[0]
    assert "renewed" in window.statusBar().currentMessage()
    assert seen_by_another_process(db) == ["SN001", "SN002"]
