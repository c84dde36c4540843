"""Cold starts, timed from outside: ``serialdesk lookup SERIAL`` and the desktop app up to its first paint.

Each run is a fresh process (interpreter, imports, schema check, the work) against the 1M-unit shop; the OS file
cache is warm, and the project's modules are compiled to bytecode first (as installing the app does), so this is
the app's own start, not the disk's nor the compiler's.
"""

from __future__ import annotations

import compileall
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.gui_start import MARK
from bench.results import Measure, percentile

ROOT = Path(__file__).resolve().parents[1]
COLD_START_S = 1.5
GUI_TIMEOUT_S = 60


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SERIALDESK_")}
    return {**env, **extra}


def compile_bytecode() -> None:
    """The project's .pyc files, as ``pip install`` writes them for an installed app. An editable install run
    with PYTHONDONTWRITEBYTECODE set (CI, these benchmarks) would otherwise compile every module it imports from
    source again at each start (~0.1 s of a cold start that no installed copy pays)."""
    compileall.compile_dir(ROOT / "serialdesk", quiet=1)


def cli_cold_starts(backend: str, size: int, url: str, serial: str, runs: int) -> list[Measure]:
    """``serialdesk --db URL lookup SERIAL --json`` until it exits, ``runs`` times."""
    compile_bytecode()
    command = [str(Path(sys.executable).with_name("serialdesk")), "--db", url, "lookup", serial, "--json"]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, env=_env(SERIALDESK_PIN="1234"), capture_output=True, text=True,
                              check=False)  # a lookup shows the buyer: it signs in (the bench shop's admin PIN)
        times.append(time.perf_counter() - started)
        if done.returncode != 0 or json.loads(done.stdout)["serial"] != serial:
            raise RuntimeError(f"`serialdesk lookup` failed ({done.returncode}): {done.stderr.strip()}")
    label = f"CLI cold start `serialdesk lookup SERIAL` ({runs} runs)"
    return [Measure("cli_cold_start.p50", f"{label}, median", percentile(times, 0.5), "s", COLD_START_S, backend,
                    size),
            Measure("cli_cold_start.max", f"{label}, slowest", max(times), "s", None, backend, size)]


@contextmanager
def display() -> Iterator[tuple[dict[str, str], str]]:
    """Where the window goes: this session's $DISPLAY, else a private Xvfb, else Qt's offscreen platform."""
    if os.environ.get("DISPLAY"):
        yield {}, "$DISPLAY"
        return
    if shutil.which("Xvfb") is None:
        yield {"QT_QPA_PLATFORM": "offscreen"}, "offscreen"
        return
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as answer:
        number = answer.readline().strip()
    try:
        yield {"DISPLAY": f":{number}"}, "Xvfb"
    finally:
        server.terminate()
        server.wait(10)


def _first_paint(url: str, env: dict[str, str], *, empty: bool = False) -> float | None:
    command = [sys.executable, "-m", "bench.gui_start", "--db", url, *(["--empty"] if empty else [])]
    started = time.perf_counter()
    with subprocess.Popen(command, cwd=ROOT, env=_env(**env), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True) as gui:
        assert gui.stdout is not None
        try:
            line = gui.stdout.readline().strip()
            painted = time.perf_counter() - started
            gui.wait(GUI_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            gui.kill()
            return None
    return painted if line == MARK else None


def gui_cold_starts(backend: str, size: int, url: str, runs: int) -> list[Measure]:
    """The desktop app (signed straight in) from process start to the main window's first paint."""
    name, label = "gui_first_paint", f"GUI cold start to first paint ({runs} runs)"
    if not (ROOT / "serialdesk" / "gui" / "app.py").exists():
        return [Measure(name, label, None, "s", COLD_START_S, backend, size,
                        "skipped: serialdesk/gui/app.py does not exist yet")]
    compile_bytecode()
    with display() as (env, where):
        times, floor = [], []
        for _ in range(runs):  # in turn, so a machine that slows down meanwhile slows both
            times.append(_first_paint(url, env))
            floor.append(_first_paint(url, env, empty=True))
    painted = [t for t in times if t is not None]
    if len(painted) < len(times):
        return [Measure(f"{name}.p50", label, None, "s", COLD_START_S, backend, size,
                        f"failed: {len(times) - len(painted)} of {runs} runs never painted the main window")]
    empty = [t for t in floor if t is not None]
    yardstick = [Measure("gui_empty_window.p50", f"an empty PySide6 window to first paint ({len(empty)} runs), "
                         "median: the floor", percentile(empty, 0.5), "s", None, backend, size)] if empty else []
    return [Measure(f"{name}.p50", f"{label}, median, {where}", percentile(painted, 0.5), "s", COLD_START_S, backend,
                    size),
            Measure(f"{name}.max", f"{label}, slowest", max(painted), "s", None, backend, size), *yardstick]
