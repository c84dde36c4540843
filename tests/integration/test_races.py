"""Two tills, one unit: racing processes never sell the same serial twice nor receive it twice."""

from __future__ import annotations

import multiprocessing as mp
from typing import Any

import pytest

from serialdesk.bootstrap import App, Services
from serialdesk.config import Settings
from serialdesk.domain.errors import DomainError

RACERS = 8
ROUNDS = 200  # DESIGN §7: the race is repeated at least 200 times


def _racer(db_url: str, action: str, serials: list[str], barrier: Any, results: Any) -> None:
    app = App(Settings(db_url=db_url, user="admin", station=f"till-{mp.current_process().pid}"))
    services = app.services(app.actor())
    try:
        for serial in serials:
            barrier.wait(timeout=60)
            try:
                if action == "sell":
                    services.sales.sell_items("Jane Smith", [serial])
                else:
                    services.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=[serial])
                results.put((serial, "ok"))
            except DomainError as exc:
                results.put((serial, exc.code))
            except Exception as exc:  # anything else is a bug the test must show
                results.put((serial, f"CRASH {type(exc).__name__}: {exc}"))
    finally:
        app.close()


def _race(db_url: str, action: str, serials: list[str]) -> dict[str, list[str]]:
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(RACERS), ctx.Queue()
    procs = [ctx.Process(target=_racer, args=(db_url, action, serials, barrier, results)) for _ in range(RACERS)]
    for p in procs:
        p.start()
    outcomes: dict[str, list[str]] = {s: [] for s in serials}
    for _ in range(RACERS * len(serials)):
        serial, outcome = results.get(timeout=120)
        outcomes[serial].append(outcome)
    for p in procs:
        p.join(timeout=60)
    return outcomes


@pytest.mark.slow
def test_eight_tills_racing_for_one_unit_sell_it_exactly_once(shop: Services, db_url: str) -> None:
    serials = [f"RACE{n:03d}" for n in range(ROUNDS)]
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=serials)
    outcomes = _race(db_url, "sell", serials)
    for serial, results in outcomes.items():
        assert results.count("ok") == 1, (serial, results)
        assert not [r for r in results if r != "ok" and not r.startswith("cannot_move")], (serial, results)
        passport = shop.lookup.passport(serial)
        assert passport.status == "sold" and [e.kind for e in passport.events].count("sold") == 1


@pytest.mark.slow
def test_eight_stations_receiving_one_serial_take_it_in_exactly_once(shop: Services, db_url: str) -> None:
    serials = [f"RCV{n:03d}" for n in range(ROUNDS)]
    outcomes = _race(db_url, "receive", serials)
    for serial, results in outcomes.items():
        assert results.count("ok") == 1, (serial, results)
        assert set(results) <= {"ok", "already_known"}, (serial, results)
    assert shop.reports.stock().total_units == ROUNDS
