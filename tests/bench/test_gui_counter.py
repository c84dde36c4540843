"""bench.gui_counter drives the real receiving pane as `make bench` does — a paste through the dialog, wedge scans
as key presses — and measures what it claims: every pasted serial on the draft, every scan saved and shown.
(Its figures are for `make bench`; nothing here is timed.)"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bench import gui_counter
from bench.build import build_shop
from bench.shop import ShopShape
from serialdesk.bootstrap import App
from serialdesk.db.models import Event, Receipt, ReceiptLine

pytestmark = pytest.mark.gui


def test_the_counter_bench_pastes_and_scans_through_the_real_pane(
    db_url: str, app: App, qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SERIALDESK_CONFIG", "")  # restored after the test; private_settings sets it
    gui_counter.private_settings(tmp_path)
    build_shop(db_url, ShopShape(items=600, lot_size=30), datetime(2026, 3, 3, 9, 0, tzinfo=UTC))
    result = gui_counter.run(db_url, "sqlite" if db_url.startswith("sqlite") else "postgresql", 600, rounds=2,
                             scans=5, warmup=1, units=2500)
    measures = {m["name"]: m for m in result["measures"]}
    assert set(measures) == {"gui_paste_10k", "gui_paste_10k.max", "wedge_scan_shown.p50", "wedge_scan_shown.p95"}
    assert measures["gui_paste_10k"]["target"] == 2.0 and measures["wedge_scan_shown.p95"]["target"] == 30.0
    assert all(m["value"] is not None and m["value"] > 0 for m in measures.values())
    with app.engine.connect() as conn:
        receipts = conn.execute(select(Receipt.status, func.count(ReceiptLine.id)).outerjoin(ReceiptLine)
                                .where(Receipt.created_by == "admin", Receipt.station == "bench")
                                .group_by(Receipt.id).order_by(Receipt.id)).all()
        scanned = conn.scalar(select(func.count(Event.id)).where(Event.kind == "scanned", Event.station == "bench"))
    # Two pastes, each on a draft thrown away afterwards (its units go with it), then the 6 scans on a new draft.
    assert [tuple(r) for r in receipts] == [("cancelled", 0), ("cancelled", 0), ("draft", 6)]
    assert scanned == 2 * 2500 + 6  # the ledger keeps every scan, the cancelled ones too
