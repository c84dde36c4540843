"""The passport's EPCIS… button (issue 16): a unit's history saved from the look-up dialog as an EPCIS 2.0 file
that validates against GS1's schema; a file that cannot be written is said next to the button."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from serialdesk.gui.main_window import MainWindow
from tests.gui.test_lookup_dialog import open_lookup, type_and_enter
from tests.integration.test_epcis_export import check_document

from .conftest import Shop

pytestmark = pytest.mark.gui


def test_the_passport_saves_the_units_history_as_epcis(qtbot: QtBot, shop: Shop, tmp_path: Path,
                                                       open_window: Callable[..., MainWindow],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    shop.stock("SN1001")
    dialog = open_lookup(qtbot, open_window())
    with qtbot.waitSignal(dialog.sig_passport_shown, timeout=5000):
        type_and_enter(qtbot, dialog, "SN1001")
    saver = dialog.ui.passportPanel.epcis
    assert saver.button.isVisible() and saver.button.text() == "EPCIS…"
    out = tmp_path / "unit.jsonld"
    asked: list[str] = []

    def choose(parent: object, title: str, start: str, kinds: str) -> tuple[str, str]:
        asked.append(start)
        return str(out), kinds

    monkeypatch.setattr("serialdesk.gui.widgets.passport_epcis.QFileDialog.getSaveFileName", choose)
    with qtbot.waitSignal(saver.sig_saved, timeout=10000) as saved:
        saver.button.click()
    assert asked[0].endswith("DRL-18V-SN1001.jsonld")
    assert saved.args == [str(out), 1]
    events = check_document(out)["epcisBody"]["eventList"]
    assert [e["bizStep"] for e in events] == ["receiving"]
    assert "Saved" in saver.note.text()

    with qtbot.waitSignal(saver.sig_failed, timeout=10000) as failed:
        saver.save(tmp_path / "no-such-folder" / "x.jsonld")
    assert "folder does not exist" in failed.args[0] and saver.note.text() == failed.args[0]
