"""A unit another station moved while this action was being saved is refused as just that — not as a date before
the unit's history (found on a loaded CI run: a bench losing a part to another bench was told its assembly
'dated now would come before' the other bench's fitting)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest

from serialdesk.bootstrap import App
from serialdesk.config import Settings
from serialdesk.domain.errors import DomainError
from serialdesk.services.bundle import Services


@pytest.fixture
def station(db_url: str) -> Iterator[Callable[[timedelta], Services]]:
    apps: list[App] = []

    def make(behind: timedelta) -> Services:  # a station whose "now" was read ``behind`` ago
        app = App(Settings(db_url=db_url, user="admin", station=f"till-{len(apps)}"),
                  clock=lambda: datetime.now(UTC) - behind)
        apps.append(app)
        return app.services(app.actor("admin"))

    yield make
    for app in apps:
        app.close()


def test_a_unit_moved_by_another_station_meanwhile_is_said_to_be_moved(
        shop: Services, station: Callable[[timedelta], Services]) -> None:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["SN001"])
    winner, loser = station(timedelta(0)), station(timedelta(seconds=5))
    winner.stock_moves.quarantine("SN001", "rattles")
    with pytest.raises(DomainError) as refused:
        loser.stock_moves.scrap("SN001", "dropped")
    assert refused.value.code == "moved_meanwhile"
    assert "SN001 was set aside in quarantine a moment ago by admin" in refused.value.message
    assert "would come before" not in refused.value.message


def test_a_back_dated_action_before_the_history_is_still_said_as_such(
        shop: Services, station: Callable[[timedelta], Services]) -> None:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["SN001"])
    station(timedelta(0)).stock_moves.quarantine("SN001", "rattles")
    with pytest.raises(DomainError) as refused:
        station(timedelta(days=2)).stock_moves.scrap("SN001", "dropped")
    assert refused.value.code == "date_before_history" and "would come before" in refused.value.message
