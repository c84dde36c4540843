"""PostgreSQL gone mid-shift: scans the database cannot take are kept on this computer, survive a restart,
and are saved onto their draft in scan order when it answers again."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from serialdesk.domain.errors import DomainError
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.receiving_offline import OfflineScans, WaitingScan, WaitingScans, waiting_file
from serialdesk.services.drafts import DraftService

from .conftest import GTIN, Shop
from .test_receiving_pane import receiving, wedge_scan

pytestmark = pytest.mark.gui


class Outage:
    """Makes a scan's service call fail as the unit of work does when the database is out of reach."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.down = False
        real = DraftService.scan

        def scan(service: DraftService, *args: object, **kwargs: object) -> object:
            if self.down:
                raise DomainError("The database cannot be reached (connection refused); nothing was saved.",
                                  code="db_unavailable")
            return real(service, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(DraftService, "scan", scan)


@pytest.fixture
def outage(monkeypatch: pytest.MonkeyPatch) -> Iterator[Outage]:
    monkeypatch.setattr(OfflineScans, "retry_ms", 50)
    yield Outage(monkeypatch)


def draft_serials(shop: Shop) -> list[str]:
    drafts = shop.services.receiving.receipts(open_only=True)
    return [u.serial for u in shop.services.receiving.receipt(drafts[0].id).units] if drafts else []


def test_scans_during_an_outage_wait_on_this_computer_and_are_saved_in_order(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], outage: Outage
) -> None:
    window = open_window()
    pane = receiving(window)
    wedge_scan(qtbot, window, pane, GTIN)
    assert wedge_scan(qtbot, window, pane, "SN001")[0] == "good"
    outage.down = True
    for serial in ("SN002", "SN003"):
        tone, message = wedge_scan(qtbot, window, pane, serial)
        assert tone == "info" and "kept on this computer" in message
    assert draft_serials(shop) == ["SN001"]
    kept = WaitingScans(pane.offline.waiting.path)  # on disk, as a restart would find them
    assert [s.serial for s in kept.scans] == ["SN002", "SN003"]

    outage.down = False
    qtbot.waitUntil(lambda: draft_serials(shop) == ["SN001", "SN002", "SN003"], timeout=5000)
    qtbot.waitUntil(lambda: not pane.offline.waiting.scans, timeout=5000)
    assert WaitingScans(pane.offline.waiting.path).scans == []
    assert pane.count == 3


def test_scans_left_waiting_by_a_crash_are_saved_when_the_app_starts_again(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], outage: Outage, gui_app: object
) -> None:
    draft = shop.services.receiving.open_receipt()
    shop.services.receiving.add_scan(draft.id, "DRL-18V", "SN001")
    waiting = WaitingScans(waiting_file(gui_app.settings.db_url))  # type: ignore[attr-defined]
    for serial in ("SN002", "SN003"):
        waiting.keep(WaitingScan(draft.id, "DRL-18V", serial, None))
    open_window()
    qtbot.waitUntil(lambda: draft_serials(shop) == ["SN001", "SN002", "SN003"], timeout=5000)
    qtbot.waitUntil(lambda: not Path(waiting.path).read_text().strip(), timeout=5000)


def test_a_scan_saved_just_before_a_crash_is_not_saved_twice(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], outage: Outage, gui_app: object
) -> None:
    draft = shop.services.receiving.open_receipt()
    shop.services.receiving.add_scan(draft.id, "DRL-18V", "SN001")  # saved, but the app died before forgetting it
    waiting = WaitingScans(waiting_file(gui_app.settings.db_url))  # type: ignore[attr-defined]
    waiting.keep(WaitingScan(draft.id, "DRL-18V", "SN001", None))
    waiting.keep(WaitingScan(draft.id, "DRL-18V", "SN002", None))
    window = open_window()
    qtbot.waitUntil(lambda: not Path(waiting.path).read_text().strip(), timeout=5000)
    assert draft_serials(shop) == ["SN001", "SN002"]
    pane = receiving(window)
    assert all(pane.scans.row_at(i).tone != "bad" for i in range(pane.scans.rowCount()))


def test_a_waiting_scan_refused_for_its_own_reason_is_dropped_and_the_rest_saved(
    qtbot: QtBot, shop: Shop, open_window: Callable[..., MainWindow], outage: Outage, gui_app: object
) -> None:
    draft = shop.services.receiving.open_receipt()
    shop.stock("SN002")  # received meanwhile at another station
    waiting = WaitingScans(waiting_file(gui_app.settings.db_url))  # type: ignore[attr-defined]
    for serial in ("SN002", "SN003"):
        waiting.keep(WaitingScan(draft.id, "DRL-18V", serial, None))
    window = open_window()
    qtbot.waitUntil(lambda: [u.serial for u in shop.services.receiving.receipt(draft.id).units] == ["SN003"],
                    timeout=5000)
    pane = receiving(window)
    assert any("cannot be received again" in pane.scans.row_at(i).outcome for i in range(pane.scans.rowCount()))
