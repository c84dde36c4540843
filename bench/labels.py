"""Issue 18 §8: 1,000 labels to PDF by the whole `serialdesk labels --receipt R-0001 …` command, CPU seconds.

A small SQLite shop of its own (1,000 units on one receipt, made through the real services) in a temporary
folder; then, per symbology, the real command in a fresh process, ``--runs`` times. The figure is the median of
the child's CPU time (user + system, from ``resource.getrusage(RUSAGE_CHILDREN)``): on this shared 2-core machine
CPU time moves far less with the others' load than wall time does (the wall median is in the note).

    .venv/bin/python -m bench.labels [--count 1000] [--runs 3]   # prints one JSON line: {"measures": [...]}
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.results import Measure, percentile
from bench.startup import _env, compile_bytecode

ROOT = Path(__file__).resolve().parents[1]
TARGETS_S = {"code128": 1.0, "datamatrix": 1.0, "qr": 1.5}  # CPU seconds for 1,000 labels, whole command


def make_shop(db: Path, count: int) -> None:
    from serialdesk.bootstrap import App
    from serialdesk.config import Settings

    app = App(Settings(db_url=f"sqlite:///{db}"))
    try:
        app.init_schema("1234")
        services = app.services(app.actor("admin"))
        services.catalogue.add_product("DRL-18V", "Cordless drill 18 V brushless")
        supplier = services.catalogue.add_supplier("Makita Europe")
        serials = [f"L2406A-{n:05d}-{n % 10}" for n in range(1, count + 1)]
        services.receiving.receive_units(supplier=supplier.number, sku="DRL-18V", serials=serials, lot="L2406A")
    finally:
        app.close()


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(db: Path, folder: Path, symbology: str, count: int, runs: int) -> Measure:
    command = [str(Path(sys.executable).with_name("serialdesk")), "--db", str(db), "labels", "--receipt", "R-0001",
               "--symbology", symbology, "--out", str(folder / f"{symbology}.pdf"), "--json"]
    cpu, wall = [], []
    for _ in range(runs):
        before, started = child_cpu(), time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, env=_env(SERIALDESK_PIN="1234"), capture_output=True, text=True,
                              check=False)
        wall.append(time.perf_counter() - started)
        cpu.append(child_cpu() - before)
        if done.returncode != 0 or json.loads(done.stdout)["labels"] != count:
            return Measure(f"labels_{symbology}_cpu", f"{count} labels to PDF, {symbology}, whole command, CPU",
                           None, "s", TARGETS_S[symbology], note=f"failed: {done.stderr.strip()[-200:]}")
    return Measure(f"labels_{symbology}_cpu", f"{count} roll labels to PDF, {symbology}, whole `serialdesk labels` "
                   f"command, CPU (median of {runs})", percentile(cpu, 0.5), "s", TARGETS_S[symbology], size=count,
                   note=f"wall median {percentile(wall, 0.5):.2f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="bench-labels-") as tmp:
        folder = Path(tmp)
        make_shop(folder / "shop.db", args.count)
        measures = [measure(folder / "shop.db", folder, symbology, args.count, args.runs) for symbology in TARGETS_S]
    for m in measures:
        print(f"[bench] {m.name}: {m.value} s (target {m.target} s; {m.note})", file=sys.stderr, flush=True)
    print(json.dumps({"measures": [m.as_json() for m in measures]}))
    return 0 if all(m.passed for m in measures) else 1


if __name__ == "__main__":
    raise SystemExit(main())
