"""Receiving against a purchase order with the supplier's 2,000-serial notice (issue 15), in a process of its own.

``python -m bench.supply --backend sqlite --url sqlite:///copy.db --items 100000`` prints JSON measures: loading
the notice, then each scan received against the PO (``purchasing.receive`` of one serial — what `receive --po`
and a station's scan do: posted, cost from the PO line, ticked off the notice's checklist) p50/p95, and the PO with
its checklist read back. The database is a scratch copy: the measure adds a PO, its notice and receipts.
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

from sqlalchemy import select

from bench.measure import WARMUP, Bench, log
from serialdesk.bootstrap import App, settle_heap
from serialdesk.config import Settings
from serialdesk.db.models import Product, Supplier
from serialdesk.services.purchasing import PurchasingService

NOTICE, SCANS = 2000, 400
PO_SCAN_MS = 20.0  # issue 15: each scan against a 2,000-serial notice ≤ 20 ms p95 at 1M units, both backends


def run(backend: str, url: str, size: int) -> dict[str, Any]:
    bench, tag = Bench(backend, size), f"{int(time.time()) % 100000:05d}"
    app = App(Settings(db_url=url, user="admin", station="bench"))
    try:
        app.require_schema()
        with app.engine.connect() as conn:
            sku = conn.scalar(select(Product.sku).where(Product.serial_source == "supplier").order_by(Product.id))
            supplier = conn.scalar(select(Supplier.name).order_by(Supplier.id))
        assert sku is not None and supplier is not None
        purchasing = PurchasingService(app.uows, app.actor("admin"), app.clock)
        settle_heap()  # as the desktop app does once its window is up (serialdesk.gui.app.run)
        order = purchasing.add_order(supplier)
        purchasing.add_line(order.number, sku, NOTICE, "410.00")
        serials = [f"PO{tag}{n:05d}" for n in range(NOTICE)]
        started = time.perf_counter()
        purchasing.load_notice(order.number, [{"serial": s, "sku": sku, "lot": f"L{tag}"} for s in serials],
                               list(range(2, NOTICE + 2)), source="bench.csv")
        bench.add("po_notice_2000", f"PO notice of {NOTICE:,} serials loaded", time.perf_counter() - started, "s")
        log(f"{backend}: receiving {WARMUP + SCANS} scans against {order.number}")
        bench.latencies("po_scan", f"scan received against a PO with a {NOTICE:,}-serial notice",
                        lambda n: purchasing.receive(order.number, [serials[n]]), SCANS, PO_SCAN_MS)
        bench.latencies("po_show", f"PO with its {NOTICE:,}-serial checklist read back (po show)",
                        lambda n: purchasing.order(order.number), 50, None)
    finally:
        app.close()
    return {"measures": [m.as_json() for m in bench.measures]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="receiving against a PO with a 2,000-serial notice")
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--items", type=int, required=True)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.backend, args.url, args.items)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
