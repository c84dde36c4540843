"""kill -9 in the middle of scanning or of a bulk post: nothing scanned is lost, nothing is half-posted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from serialdesk.bootstrap import App, Services

SCANNER = """
import sys
from serialdesk.bootstrap import App
from serialdesk.config import Settings
app = App(Settings(db_url=sys.argv[1], user="admin", station="till-9"))
receiving = app.services(app.actor()).receiving
draft = int(sys.argv[2])
for n in range(100000):
    receiving.add_scan(draft, "DRL-18V", f"K{n:06d}")
    print(f"K{n:06d}", flush=True)  # the beep: only after the scan is saved
"""

BULK = """
import sys
from serialdesk.bootstrap import App
from serialdesk.config import Settings
app = App(Settings(db_url=sys.argv[1], user="admin", station="till-9"))
print("posting", flush=True)
app.services(app.actor()).receiving.receive_units(
    supplier="Makita Europe", sku="DRL-18V", serials=[f"BULK{n:06d}" for n in range(int(sys.argv[2]))])
print("posted", flush=True)
"""


def _spawn(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def test_every_scan_confirmed_before_a_kill_is_still_on_the_draft(shop: Services, app: App, clock) -> None:  # type: ignore[no-untyped-def]
    draft = shop.receiving.open_receipt("Makita Europe")
    child = _spawn(SCANNER, app.settings.db_url, str(draft.id))
    assert child.stdout is not None
    confirmed = [child.stdout.readline().strip() for _ in range(60)]
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    on_draft = [u.serial for u in shop.receiving.receipt(draft.id).units]
    assert confirmed == on_draft[: len(confirmed)]  # every beeped scan, in order
    assert len(on_draft) <= len(confirmed) + 1  # at most the one saved just before the kill, never a half one
    assert shop.maintenance.check() == []
    clock.now = datetime.now(UTC)  # the child scanned by the real clock; posting cannot come before its scans
    assert shop.receiving.post_receipt(draft.id).count == len(on_draft)  # the clerk simply carries on


@pytest.mark.parametrize("delay", [0.05, 0.4, 1.0])
def test_a_bulk_post_killed_half_way_is_all_or_nothing(shop: Services, app: App, delay: float) -> None:
    child = _spawn(BULK, app.settings.db_url, "20000")
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "posting"
    time.sleep(delay)  # kill at different moments of the post
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    units = shop.reports.stock().total_units
    receipts = shop.receiving.receipts()
    assert (units, len(receipts)) in {(0, 0), (20000, 1)}
    assert shop.maintenance.check() == []


def test_the_check_finds_a_unit_whose_status_disagrees_with_its_ledger(shop: Services, app: App) -> None:
    shop.receiving.receive_units(supplier="Makita Europe", sku="DRL-18V", serials=["X1"])
    with app.engine.begin() as conn:
        conn.execute(text("UPDATE items SET status = 'sold' WHERE serial = 'X1'"))
    assert shop.maintenance.check() == [
        "ledger: unit X1 (item 1) is sold but its last recorded move was to in_stock",
        # The aging figures kept beside the ledger (issue 17) still count X1 in stock, as its ledger does.
        "summaries: DRL-18V: the aging figures say units 1, value 80.00 entered stock on 3 Mar 2026 and are still "
        "there, the units in stock say nothing — run `serialdesk rebuild-summaries`"]
