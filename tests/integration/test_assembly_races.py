"""Two benches, one part: processes assembling with the same part at once never fit it twice; the loser is
told clearly and nothing of its build is left behind (SQLite and PostgreSQL)."""

from __future__ import annotations

import multiprocessing as mp
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from serialdesk.bootstrap import App, Services
from serialdesk.config import Settings
from serialdesk.db.models import Build, Fitment, Item
from serialdesk.domain.errors import DomainError
from serialdesk.services.history_check import history_problems

RACERS = 4
ROUNDS = 25
LOSING = {"part_fitted_elsewhere", "part_taken", "cannot_move_fitted_to_fitted", "moved_meanwhile"}


def _racer(db_url: str, parts: list[str], barrier: Any, results: Any) -> None:
    app = App(Settings(db_url=db_url, user="admin", station=f"bench-{mp.current_process().pid}"))
    services = app.services(app.actor())
    try:
        for part in parts:
            barrier.wait(timeout=60)
            try:
                services.assembly.assemble("PACK", generate=True, parts=[part])
                results.put((part, "ok"))
            except DomainError as exc:
                results.put((part, exc.code))
            except Exception as exc:  # anything else is a bug the test must show
                results.put((part, f"CRASH {type(exc).__name__}: {exc}"))
    finally:
        app.close()


@pytest.mark.slow
def test_benches_racing_for_one_part_fit_it_exactly_once(shop: Services, app: App, db_url: str) -> None:
    shop.catalogue.add_product("PACK", "Battery pack", serial_source="generated", serial_pattern="P{SEQ:6}")
    shop.catalogue.add_product("CELL", "Cell 21700", cost="5.00")
    shop.catalogue.set_part("PACK", "CELL", count=2)
    parts = [f"CELL{n:03d}" for n in range(ROUNDS)]
    shop.receiving.receive_units(supplier="Makita Europe", sku="CELL", serials=parts)
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(RACERS), ctx.Queue()
    procs = [ctx.Process(target=_racer, args=(db_url, parts, barrier, results)) for _ in range(RACERS)]
    for p in procs:
        p.start()
    outcomes: dict[str, list[str]] = {s: [] for s in parts}
    for _ in range(RACERS * ROUNDS):
        part, outcome = results.get(timeout=180)
        outcomes[part].append(outcome)
    for p in procs:
        p.join(timeout=60)
    for part, got in outcomes.items():
        assert got.count("ok") == 1, (part, got)
        assert set(got) - {"ok"} <= LOSING, (part, got)
    with Session(app.engine) as s:
        packs = s.scalar(select(func.count()).select_from(Item).where(Item.serial.like("P0%")))
        assert packs == ROUNDS  # no host of a losing build was left behind
        assert s.scalar(select(func.count()).select_from(Build)) == ROUNDS
        assert s.scalar(select(func.count()).select_from(Fitment)) == ROUNDS
    assert history_problems(app.engine) == []
