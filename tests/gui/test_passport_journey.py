"""The passport shows where a unit is and where it has been (issue 15 §1): its place now, then each stop of its
journey — the place, since when, and the receipt or transfer that took it there — in the look-up dialog and at
the service desk (both show the one passport panel)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from serialdesk.gui.formats import local_time
from serialdesk.gui.lookup import LookupDialog
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.service import ServicePane
from serialdesk.gui.widgets.passport import PassportPanel
from serialdesk.workflows.purchasing import supply

from .conftest import Shop

pytestmark = pytest.mark.gui


@pytest.fixture
def travelled(shop: Shop, clock) -> list[str]:  # type: ignore[no-untyped-def]
    """SN1 went Shop floor → In transit → Aarhus; SN2 is on its way; SN3 never left the shop floor."""
    found = supply(shop.services)
    found.locations.add_location("Aarhus", branch="Aarhus")
    shop.stock("SN1", "SN2", "SN3")
    clock.advance(days=1)
    found.transfers.open_transfer("Shop floor", "Aarhus")
    found.transfers.send("TR-0001", ["SN1", "SN2"])
    clock.advance(days=1, hours=3)
    found.transfers.receive("TR-0001", ["SN1"])
    return [local_time(shop.services.lookup.passport(s).journey[-1].at) for s in ("SN1", "SN2", "SN3")]


def journey_shown(panel: PassportPanel) -> list[str]:
    return [panel.journey.item(row).text() for row in range(panel.journey.count())]


def test_the_lookup_passport_shows_where_the_unit_is_and_its_journey(
    qtbot: QtBot, shop: Shop, travelled: list[str], open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    dialog = LookupDialog(window.services, window.runner, window)
    qtbot.addWidget(dialog)
    dialog.start()
    with qtbot.waitSignal(dialog.sig_passport_shown, timeout=5000) as shown:
        dialog.handle_scan("SN1")
    p = shown.args[0]
    received, sent, arrived = (local_time(v.at) for v in p.journey)
    assert arrived == travelled[0]
    panel = dialog.ui.passportPanel
    assert panel.ui.locationValue.text() == "Aarhus"
    assert panel.journeyCaption.text() == "Journey (3 places)" and panel.journey.isVisible()
    assert journey_shown(panel) == [
        f"Aarhus — since {arrived} · arrived on TR-0001 (here now)",
        f"In transit — {sent} to {arrived} · sent on TR-0001",
        f"Shop floor — {received} to {sent} · received on R-0001",
    ]

    with qtbot.waitSignal(dialog.sig_passport_shown, timeout=5000):
        dialog.handle_scan("SN3")
    assert journey_shown(panel) == [f"Shop floor — since {travelled[2]} · received on R-0001 (here now)"]
    assert panel.journeyCaption.text() == "Journey (1 place)"

    shop.services.sales.sell_items(shop.customer.number, ["SN1"])  # sold at the branch: no place of ours has it
    with qtbot.waitSignal(dialog.sig_passport_shown, timeout=5000):
        dialog.handle_scan("SN1")
    assert panel.ui.locationValue.text() == "—"
    assert journey_shown(panel)[0] == f"Aarhus — from {arrived} · arrived on TR-0001 (last with us)"


def test_the_service_desk_passport_shows_a_unit_in_transit(
    qtbot: QtBot, shop: Shop, travelled: list[str], open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    desk = window.panes["service"]
    assert isinstance(desk, ServicePane)
    window.show_pane("service")
    with qtbot.waitSignal(desk.sig_passport_shown, timeout=5000):
        window.wedge.sig_scan.emit("SN2")  # type: ignore[union-attr]
    panel = desk.ui.passportPanel
    assert panel.ui.locationValue.text() == "In transit (TR-0001 to Aarhus)"
    assert journey_shown(panel)[0] == f"In transit — since {travelled[1]} · sent on TR-0001 (here now)"
    assert [line.split(" — ")[0] for line in journey_shown(panel)] == ["In transit", "Shop floor"]
