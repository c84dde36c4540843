"""``make bench``: DESIGN §6 at shop scale. Writes bench/results.json and prints a table.

For each backend (SQLite, PostgreSQL): the cached 1M-unit shop (``bench.build``, built once per schema revision and
size), a scratch copy of it, the service measures in a process of their own (``bench.measure``), and cold starts of
``serialdesk lookup SERIAL`` and of the desktop app to its first paint (``bench.startup``). Then tests/bench under
pytest: the camera-decode and label benchmarks, and the checks that the bulk-built shop is what the services would
have written. Exit status 1 when any measure misses its target or a tests/bench test fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bench.build import CACHE_DIR, pg_admin, pg_url
from bench.results import Measure, markdown, splice_readme, table, write_json
from bench.startup import _env, cli_cold_starts, display, gui_cold_starts

ROOT = Path(__file__).resolve().parents[1]
DECODE_MS, LABELS_S = 33.0, 3.0


def python(*args: str) -> dict[str, Any]:
    """Run ``python -m …`` from the project root; its stderr passes through, its last stdout line is JSON."""
    done = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@contextmanager
def scratch_copy(backend: str, cache: str) -> Iterator[str]:
    """A throw-away copy of the cached shop (the measures add receipts and sales to it); its URL."""
    if backend == "sqlite":
        path = CACHE_DIR / f"run-{os.getpid()}.db"
        shutil.copyfile(cache, path)
        try:
            yield f"sqlite:///{path}"
        finally:
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
        return
    name, admin = f"sd_bench_run_{os.getpid()}", pg_admin()
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{cache}" STRATEGY FILE_COPY'))
        yield pg_url(name)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def shop(backend: str, items: int, rebuild: bool, cold_runs: int) -> list[Measure]:
    build = python("bench.build", "--backend", backend, "--items", str(items), *(["--rebuild"] if rebuild else []))
    measures = [Measure("db_build", "shop database built (bulk load)" if build["built"] else "shop database (cached)",
                        build["seconds"], "s", None, backend, items, "" if build["built"] else "cached")]
    with scratch_copy(backend, build["cache"]) as url:
        worker = python("bench.measure", "--backend", backend, "--url", url, "--items", str(items))
        measures += [Measure.from_json(m) for m in worker["measures"]]
        epcis = python("bench.epcis", "--backend", backend, "--url", url, "--items", str(items))  # issue 16
        measures += [Measure.from_json(m) for m in epcis["measures"]]
        supply = python("bench.supply", "--backend", backend, "--url", url, "--items", str(items))  # issue 15
        measures += [Measure.from_json(m) for m in supply["measures"]]
        measures += cli_cold_starts(backend, items, url, worker["probe_serial"], cold_runs)
        measures += gui_cold_starts(backend, items, url, max(1, cold_runs - 2))
        measures += counter_window(backend, items, url)
    measures += genealogy(backend, items)
    return measures


def genealogy(backend: str, items: int) -> list[Measure]:
    """bench.genealogy in a process of its own: its own cached shop of bikes built from 3 parts each."""
    return [Measure.from_json(m) for m in python("bench.genealogy", "--backend", backend, "--items",
                                                 str(items))["measures"]]


def counter_window(backend: str, items: int, url: str) -> list[Measure]:
    """bench.gui_counter in a process of its own under a display: the 10k paste and the wedge burst in the real
    receiving pane. A run that breaks is a failed measure, not a stopped benchmark."""
    with display() as (env, where):
        done = subprocess.run([sys.executable, "-m", "bench.gui_counter", "--db", url, "--backend", backend,
                               "--items", str(items)], cwd=ROOT, env=_env(**env), capture_output=True,
                              text=True, check=False, timeout=900)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        reason = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return [Measure(name, label, None, unit, target, backend, items, f"failed: {reason}")
                for name, label, unit, target in (("gui_paste_10k", "GUI paste 10k serials onto a draft", "s", 2.0),
                                                  ("wedge_scan_shown.p95", "wedge scan → saved → shown p95", "ms",
                                                   30.0))]
    for line in done.stderr.splitlines():
        if line.startswith("[bench]"):
            print(line, file=sys.stderr, flush=True)
    return [Measure.from_json({**m, "label": f"{m['label']}, {where}"}) for m in json.loads(lines[-1])["measures"]]


def labels_cpu() -> list[Measure]:
    """bench.labels (issue 18): the whole `serialdesk labels` command at 1,000 labels per symbology, CPU seconds."""
    done = subprocess.run([sys.executable, "-m", "bench.labels"], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                          check=False)
    lines = done.stdout.strip().splitlines()
    if not lines:
        return [Measure("labels_cpu", "1000 labels to PDF, whole command, CPU", None, "s", 1.0,
                        note=f"failed: bench.labels exited {done.returncode}")]
    return [Measure.from_json(m) for m in json.loads(lines[-1])["measures"]]


def pytest_benchmarks() -> list[Measure]:
    """tests/bench under pytest-benchmark (medians against their budgets) and its plain tests (failures)."""
    with tempfile.TemporaryDirectory() as tmp:
        stats, junit = Path(tmp) / "benchmark.json", Path(tmp) / "junit.xml"
        subprocess.run([sys.executable, "-m", "pytest", "tests/bench", "-q", "-p", "no:cacheprovider",
                        f"--benchmark-json={stats}", f"--junitxml={junit}"], cwd=ROOT, check=False)
        measures = []
        for bench in json.loads(stats.read_text())["benchmarks"] if stats.exists() else []:
            name, median = bench["name"], bench["stats"]["median"]
            if "labels" in name:
                measures.append(Measure(f"pytest:{name}", name, median, "s", LABELS_S if "3_seconds" in name else None))
            else:
                measures.append(Measure(f"pytest:{name}", name, median * 1000, "ms",
                                        DECODE_MS if "33_ms" in name else None))
        suite = ET.parse(junit).getroot().find("testsuite") if junit.exists() else None
        failed = None if suite is None else int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        tests = 0 if suite is None else int(suite.get("tests", 0))
    measures.append(Measure("pytest:failed", f"tests/bench tests failed (of {tests})", failed, "tests", 0))
    return measures


def postgresql_version() -> str:
    admin = pg_admin()
    try:
        with admin.connect() as conn:
            return str(conn.scalar(text("SHOW server_version")))
    finally:
        admin.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="DESIGN §6 benchmarks at shop scale")
    parser.add_argument("--backends", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    parser.add_argument("--items", type=int, default=1_000_000, help="units in the shop (both backends)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached shop databases")
    parser.add_argument("--cold-runs", type=int, default=7, help="CLI cold starts per backend (GUI: 2 fewer)")
    parser.add_argument("--no-pytest", action="store_true", help="skip the pytest benchmarks of tests/bench")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--no-readme", action="store_true",
                        help="leave bench/README.md's table of the last run alone (it is rewritten by a full run: "
                             "both backends, 1M units, tests/bench)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    measures: list[Measure] = []
    for backend in args.backends.split(","):
        measures += shop(backend.strip(), args.items, args.rebuild, args.cold_runs)
    measures += labels_cpu()
    if not args.no_pytest:
        measures += pytest_benchmarks()
    seconds = time.perf_counter() - started
    context = {"cpus": os.cpu_count(), "wall_seconds": round(seconds, 1), "items": args.items}
    if "postgresql" in args.backends:
        context["postgresql"] = postgresql_version()
    write_json(args.out, measures, context)
    full = set(args.backends.split(",")) == {"sqlite", "postgresql"} and args.items == 1_000_000
    if full and not args.no_pytest and not args.no_readme:
        readme = ROOT / "bench" / "README.md"
        readme.write_text(splice_readme(readme.read_text(), markdown(measures, context)))
    print(table(measures))
    failed = [m for m in measures if m.passed is False]
    print(f"\n{len(measures)} measures, {len(failed)} over target; {seconds:.0f} s; JSON in {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
