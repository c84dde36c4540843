"""One backend's measures through the real services, in a process of its own (its peak RSS is a measure too).

``python -m bench.measure --backend sqlite --url sqlite:///copy.db --items 1000000`` prints JSON: the measures and
a sold serial for the CLI cold-start runs. The database is a scratch copy: the measures add receipts and sales.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, select, text

from bench.raw import raw_receive
from bench.results import Measure, percentile
from serialdesk.bootstrap import App, Services, settle_heap
from serialdesk.config import Settings
from serialdesk.db.models import Customer, Item, Lot, Product, Supplier
from serialdesk.services.dto import RecallCriteria
from serialdesk.workflows.receiving import ReceivingSession

SCANS, PASSPORTS, SALES, RECALLS, WARMUP = 400, 300, 200, 30, 10
BULK_UNITS, BULK_ROUNDS, REPORT_ROUNDS, REPORT_MS = 10_000, 3, 5, 100.0
SCAN_P95_MS = {"sqlite": 20.0, "postgresql": 40.0}
# Issue 17 tightened DESIGN §6's 5 ms / 100 ms / 3×: passport ≤ 3 ms p95, recall preview ≤ 50 ms p95, bulk ≤ 2× raw.
PASSPORT_MS, RECALL_MS, BULK_S, BULK_RATIO, RSS_MB = 3.0, 50.0, 1.5, 2.0, 300.0
PASTE_RATIO = 3.0  # the draft paste (10 transactions, each scan checked as a scan) keeps DESIGN §6's 3×


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Sample:
    """Real units, lots and customers of the built shop, drawn at random."""

    sold: list[str]
    in_stock: list[str]
    lots: list[tuple[str, str]]  # (sku, lot code)
    largest_lots: list[tuple[str, str]]  # lots of the product with the most units
    customers: list[str]  # record numbers, C-0042
    sku: str  # a product with supplier serials, for scans and bulk receipts
    supplier: str

    @classmethod
    def draw(cls, engine: Engine, rnd: random.Random) -> Sample:
        with engine.connect() as conn:
            top = conn.scalar(select(func.max(Item.id))) or 0
            ids = rnd.sample(range(1, top + 1), min(top, 4000))
            units = conn.execute(select(Item.serial, Item.status).where(Item.id.in_(ids))).all()
            lots = conn.execute(select(Product.sku, Lot.code, Product.id).join(Product, Product.id == Lot.product_id)
                                .order_by(Lot.id)).all()
            customers = conn.scalar(select(func.count(Customer.id))) or 1
            largest = conn.scalar(select(Item.product_id).group_by(Item.product_id).order_by(func.count().desc()))
            sku = conn.scalar(select(Product.sku).where(Product.serial_source == "supplier").order_by(Product.id))
            supplier = conn.scalar(select(Supplier.name).order_by(Supplier.id))
        assert sku is not None and supplier is not None
        biggest = [(sku, code) for sku, code, product_id in lots if product_id == largest]
        in_stock = [s for s, st in units if st == "in_stock"]
        if len(in_stock) < SALES + WARMUP:
            raise SystemExit(f"too few units in stock to sell {SALES + WARMUP}: use a bigger shop (--items)")
        return cls([s for s, st in units if st == "sold"], in_stock,
                   [(sku, code) for sku, code, _ in rnd.sample(lots, min(len(lots), RECALLS + WARMUP))],
                   [rnd.choice(biggest) for _ in range(RECALLS + WARMUP)],
                   [f"C-{rnd.randint(1, customers):04d}" for _ in range(SALES + WARMUP)], sku, supplier)


class Bench:
    def __init__(self, backend: str, size: int) -> None:
        self.backend, self.size = backend, size
        self.measures: list[Measure] = []

    def add(self, name: str, label: str, value: float | None, unit: str, target: float | None = None,
            note: str = "") -> None:
        self.measures.append(Measure(name, label, value, unit, target, self.backend, self.size, note))
        log(f"{self.backend}: {label} = {value if value is None else round(value, 3)} {unit}")

    def latencies(self, name: str, label: str, call: Callable[[int], Any], count: int,
                  p95_target: float | None) -> None:
        """p50 and p95 of ``count`` calls in ms, after WARMUP calls that are not counted."""
        times = []
        for n in range(WARMUP + count):
            started = time.perf_counter()
            call(n)
            if n >= WARMUP:
                times.append((time.perf_counter() - started) * 1000)
        self.add(f"{name}.p50", f"{label} p50", percentile(times, 0.50), "ms")
        self.add(f"{name}.p95", f"{label} p95", percentile(times, 0.95), "ms", p95_target)

    def peak_rss(self, name: str, label: str) -> None:
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
        self.add(name, label, peak_kb / 1024, "MB", RSS_MB)


def scans(bench: Bench, svc: Services, sample: Sample, tag: str) -> None:
    """A clerk scanning new serials into a draft receipt: each scan is committed before the call returns."""
    target, lot = SCAN_P95_MS[bench.backend], f"LS{tag}"
    first = svc.receiving.open_receipt(sample.supplier)
    bench.latencies("scan_add", "scan → validated → saved (receiving.add_scan)",
                    lambda n: svc.receiving.add_scan(first.id, sample.sku, f"SA{tag}{n:06d}", lot=lot), SCANS, target)
    second = svc.receiving.open_receipt(sample.supplier)

    def classify_and_add(n: int) -> None:  # what the receiving pane does with a scan
        scan = svc.scans.classify(f"SC{tag}{n:06d}", sample.sku)
        assert scan.serial is not None, scan
        svc.receiving.add_scan(second.id, sample.sku, scan.serial, lot=lot)

    bench.latencies("scan_classify_add", "scan with classify (scans.classify + add_scan)", classify_and_add,
                    SCANS, target)


def counter(bench: Bench, svc: Services, sample: Sample) -> None:
    """At the counter: a unit's passport, a one-unit sale, a recall preview by lot."""

    def recall(lot: tuple[str, str]) -> None:
        svc.recalls.find_affected(RecallCriteria(lot[0], lots=(lot[1],)))

    bench.latencies("passport", "passport lookup of a sold unit (lookup.passport)",
                    lambda n: svc.lookup.passport(sample.sold[n % len(sample.sold)]), PASSPORTS, PASSPORT_MS)
    bench.latencies("search_serial_start", "look-up search by a serial's first 5 characters (lookup.search)",
                    lambda n: svc.lookup.search(sample.sold[n % len(sample.sold)].split(":")[-1][:5]), PASSPORTS,
                    None)
    bench.latencies("search_customer", "look-up search by a customer number (lookup.search: customers contains)",
                    lambda n: svc.lookup.search(sample.customers[n % len(sample.customers)]), PASSPORTS, None)
    bench.latencies("sell_one", "sale of 1 serial (sales.sell_items)",
                    lambda n: svc.sales.sell_items(sample.customers[n], [sample.in_stock[n]]), SALES, None)
    bench.latencies("recall_lot", "recall preview by product + lot (recalls.find_affected)",
                    lambda n: recall(sample.lots[n % len(sample.lots)]), RECALLS, RECALL_MS)
    bench.latencies("recall_lot_largest", "recall preview, a lot of the product with most units",
                    lambda n: recall(sample.largest_lots[n]), RECALLS, RECALL_MS)


def reports(bench: Bench, svc: Services, variant: str = "") -> None:
    """Each manager's report, read from the daily summaries (issue 17): median of REPORT_ROUNDS calls."""
    for name, label, call in (("turnover_12m", "turnover report, 12 months", svc.reports.turnover),
                              ("aging", "aging report", svc.reports.aging),
                              ("supplier_quality", "supplier quality report", svc.reports.supplier_quality),
                              ("reorder", "reorder advice (with turnover and aging beside)", svc.reorder.advice),
                              ("revenue_30d", "revenue by product, 30 days", svc.revenue.revenue)):
        times = []
        for _ in range(REPORT_ROUNDS):
            started = time.perf_counter()
            call()
            times.append((time.perf_counter() - started) * 1000)
        bench.add(f"{name}{variant}", f"{label}{' (no planner statistics)' if variant else ''}, median",
                  sorted(times)[len(times) // 2], "ms", REPORT_MS)


def forget_statistics(engine: Engine) -> None:
    """The shop as if copied without ANALYZE (autovacuum off, as on this server): no column statistics and no
    row estimates for any of its tables (needs the superuser the bench runs as)."""
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM pg_statistic WHERE starelid IN "
                          "(SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)"))
        conn.execute(text("UPDATE pg_class SET reltuples = -1, relpages = 0 "
                          "WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'i')"))
    engine.dispose()  # plans cached by the pooled connections go with them


def bulk_receive(bench: Bench, svc: Services, url: str, sample: Sample, tag: str) -> None:
    """receive_units of 10k new serials against raw driver inserts of the same rows, alternating rounds."""
    service, raw = [], []
    for r in range(BULK_ROUNDS):
        serials = [f"BS{tag}{r}{n:06d}" for n in range(BULK_UNITS)]
        started = time.perf_counter()
        svc.receiving.receive_units(supplier=sample.supplier, sku=sample.sku, serials=serials, lot=f"LBS{tag}{r}")
        service.append(time.perf_counter() - started)
        svc.receiving.uows.statistics.wait()  # PostgreSQL's ANALYZE after the commit: off the clock, not in raw's
        raw.append(raw_receive(url, sample.sku, sample.supplier, f"BR{tag}{r}", f"LBR{tag}{r}", BULK_UNITS))
    median, baseline = sorted(service)[len(service) // 2], sorted(raw)[len(raw) // 2]
    driver = "sqlite3.executemany" if bench.backend == "sqlite" else "psycopg executemany"
    bench.add("bulk_receive_10k", "bulk receive 10k serials (receiving.receive_units), median", median, "s", BULK_S)
    bench.add("bulk_receive_10k_raw", f"raw {driver} of the same rows, median", baseline, "s")
    bench.add("bulk_receive_10k_ratio", f"bulk receive ÷ raw {driver}", median / baseline, "x", BULK_RATIO)


def draft_paste(bench: Bench, svc: Services, url: str, sample: Sample, tag: str) -> None:
    """What the GUI paste does without the window: the receiving session's ``add_many`` of 10k serials onto a new
    draft (10 chunks, one service call and one transaction each), against raw driver inserts of the same rows."""
    paste, raw = [], []
    for r in range(BULK_ROUNDS):
        session = ReceivingSession(svc, sku=sample.sku, lot=f"LDP{tag}{r}", supplier=sample.supplier)
        serials = [f"DP{tag}{r}{n:06d}" for n in range(BULK_UNITS)]
        started = time.perf_counter()
        outcome = session.add_many(serials)
        paste.append(time.perf_counter() - started)
        assert len(outcome.added) == BULK_UNITS, outcome.message
        raw.append(raw_receive(url, sample.sku, sample.supplier, f"DR{tag}{r}", f"LDR{tag}{r}", BULK_UNITS))
    median, baseline = sorted(paste)[len(paste) // 2], sorted(raw)[len(raw) // 2]
    bench.add("draft_paste_10k", "paste 10k serials onto a draft (workflow add_many, 10 chunks), median", median,
              "s", None)
    bench.add("draft_paste_10k_ratio", "draft paste ÷ raw driver inserts of the same rows (same run)",
              median / baseline, "x", PASTE_RATIO)


def run(backend: str, url: str, size: int) -> dict[str, Any]:
    bench, rnd, tag = Bench(backend, size), random.Random(7), f"{int(time.time()) % 100000:05d}"
    app = App(Settings(db_url=url, user="admin", station="bench"))
    try:
        app.require_schema()
        svc = app.services(app.actor("admin"))
        sample = Sample.draw(app.engine, rnd)
        settle_heap()  # as the desktop app does once its window is up (serialdesk.gui.app.run)
        scans(bench, svc, sample, tag)
        counter(bench, svc, sample)
        bench.peak_rss("rss_interactive", "peak RSS after scans, lookups, sales, recalls")
        reports(bench, svc)
        bulk_receive(bench, svc, url, sample, tag)
        draft_paste(bench, svc, url, sample, tag)
        bench.peak_rss("rss_all", "peak RSS after all (incl. reports, 10k bulk)")
        if backend == "postgresql":  # last: the scratch copy loses its statistics, as a shop never analysed
            forget_statistics(app.engine)
            reports(bench, svc, "_nostats")
    finally:
        app.close()
    return {"measures": [m.as_json() for m in bench.measures], "probe_serial": sample.sold[-1]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="one backend's service measures (run by bench.run)")
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--items", type=int, required=True)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.backend, args.url, args.items)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
