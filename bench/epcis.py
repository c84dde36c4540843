"""EPCIS export at shop scale (issue 16), in a process of its own so its peak RSS is the export's.

``python -m bench.epcis --backend sqlite --url sqlite:///copy.db --items 1000000`` prints JSON measures: the whole
ledger exported through ``EpcisExport`` (µs per event, target ≤ 20, i.e. ≥ 50,000 events/s), the process's peak
RSS while it streams (≤ 300 MB: constant memory, the file is written event by event), and one unit's history
(``EpcisExport.unit``, the passport's export) p95 over random units (≤ 20 ms).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from bench.results import Measure, percentile
from serialdesk.bootstrap import App, settle_heap
from serialdesk.config import Settings
from serialdesk.db.models import Item, Product
from serialdesk.services.epcis import EpcisExport

# Issue 16: ≥ 50,000 events/s "on SQLite" (PostgreSQL's figure is for the record), ≤ 300 MB, one unit ≤ 20 ms.
EVENT_US, RSS_MB, UNIT_MS, UNITS, WARMUP = 20.0, 300.0, 20.0, 200, 10


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def measure(backend: str, url: str, items: int) -> list[Measure]:
    app = App(Settings(db_url=url, user="admin", station="bench"))
    try:
        services = app.services(app.actor("admin"))
        export = EpcisExport.like(services.export)
        settle_heap()  # as the desktop app does once its window is up (serialdesk.gui.app.run)
        measures: list[Measure] = []
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "ledger.jsonld"
            started, cpu = time.perf_counter(), time.process_time()
            done = export.export(out)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
            size_mb = out.stat().st_size / 1e6
            log(f"{backend}: {done.events:,} EPCIS events ({done.skipped:,} ledger events without a CBV word) in "
                f"{seconds:.1f} s = {done.events / seconds:,.0f} events/s, {size_mb:.0f} MB")
            measures.append(Measure("epcis_export.us_per_event",
                                    f"EPCIS export of the whole ledger ({done.events:,} events, "
                                    f"{done.events / seconds:,.0f}/s), per event", seconds / done.events * 1e6,
                                    "µs", EVENT_US if backend == "sqlite" else None, backend, items))
            measures.append(Measure("epcis_export.cpu_us_per_event", "… its CPU time per event (this process; "
                                    "the wall time above includes waiting for a busy machine)",
                                    cpu / done.events * 1e6, "µs", None, backend, items))
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            measures.append(Measure("epcis_export.rss", "peak RSS exporting the whole ledger as EPCIS", peak_mb,
                                    "MB", RSS_MB, backend, items))
            with app.uows.reading() as uow:
                top = uow.session.scalar(select(func.max(Item.id))) or 0
                rnd = random.Random(16)
                ids = rnd.sample(range(1, top + 1), min(top, UNITS + WARMUP))
                units = uow.session.execute(select(Product.sku, Item.serial)
                                            .join(Product, Product.id == Item.product_id)
                                            .where(Item.id.in_(ids))).all()
            one = Path(tmp) / "unit.jsonld"
            times = []
            for n, (sku, serial) in enumerate(units):
                started = time.perf_counter()
                export.unit(one, sku, serial)
                if n >= WARMUP:
                    times.append((time.perf_counter() - started) * 1000)
            measures.append(Measure("epcis_unit.p95", "one unit's history as EPCIS (passport export) p95",
                                    percentile(times, 0.95), "ms", UNIT_MS, backend, items))
        return measures
    finally:
        app.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="EPCIS export benchmark (issue 16)")
    parser.add_argument("--backend", default="sqlite")
    parser.add_argument("--url", required=True)
    parser.add_argument("--items", type=int, default=0, help="units in the shop (for the record)")
    args = parser.parse_args(argv)
    print(json.dumps({"measures": [m.as_json() for m in measure(args.backend, args.url, args.items)]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
