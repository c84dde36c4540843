"""The receiving pane in the real window, timed: ``python -m bench.gui_counter --db URL --backend B --items N``.

Builds the counter window as ``serialdesk gui`` does (MainWindow, its TaskRunner, the keyboard-wedge filter) on
the given database, signed in as admin, and measures what a clerk waits for:

* **paste** — 10,000 serials pasted into *Paste serials…* (Ctrl+Shift+V) and *Add serials* clicked, until the
  progress dialog has finished (the pane's ``sig_finished``): parsing, every chunk's service call, the progress
  bar and the list of scans. Median of a few rounds, each a new draft.
* **wedge** — a burst of scans typed as a keyboard-wedge scanner types them: each scan's key presses (3 ms apart,
  by their key timestamps) and Enter posted to the window, through the wedge filter and the pane's scan queue
  to the service on the worker thread and back; timed from the moment the Enter key press reaches the
  application to the first paint of the scans list after the scan's row is in it.

Prints one line of JSON: ``{"measures": [...], "statements": {...}}`` (bench.results.Measure entries). Run under a
display (bench.startup.display gives a private Xvfb).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QSettings, Qt, QTimer, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import event, select

from bench.results import Measure, percentile
from serialdesk.bootstrap import App, settle_heap
from serialdesk.config import Settings
from serialdesk.db.models import Product
from serialdesk.gui.main_window import MainWindow
from serialdesk.gui.panes.receiving import ReceivingPane
from serialdesk.gui.resources import apply_style
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.wedge import WedgeFilter
from serialdesk.gui.widgets.form_dialog import FormDialog

PASTE_UNITS, PASTE_S, WEDGE_MS = 10_000, 2.0, 30.0
KEY_GAP_MS = 3  # a USB scanner types a key every 2–4 ms


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def wait_for(signal: SignalInstance, start: Callable[[], None], timeout_s: float = 120.0) -> list[Any]:
    """Run ``start`` and the event loop until ``signal`` is emitted; its arguments."""
    loop, got = QEventLoop(), []

    def seen(*args: Any) -> None:
        got.append(args)
        loop.quit()

    signal.connect(seen)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    start()
    if not got:
        loop.exec()
    signal.disconnect(seen)
    if not got:
        raise RuntimeError(f"timed out after {timeout_s} s")
    return list(got[0])


def wait_until(condition: Callable[[], bool], timeout_s: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise RuntimeError("timed out waiting")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


class Probe(QObject):
    """Notes when the Enter of a scan reaches the application (before the wedge filter, installed after it) and
    when the scans list paints."""

    def __init__(self) -> None:
        super().__init__()
        self.enter_at: float | None = None
        self.painted_at: float | None = None

    def eventFilter(self, watched: QObject, ev: QEvent) -> bool:
        kind = ev.type()
        if kind == QEvent.Type.KeyPress and self.enter_at is None and isinstance(ev, QKeyEvent) \
                and ev.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_at = time.perf_counter()
        elif kind == QEvent.Type.Paint:
            self.painted_at = time.perf_counter()
        return False


def key_event(char: str, stamp_ms: int) -> QKeyEvent:
    if char == "\r":
        key, modifiers = Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier
    else:
        key = Qt.Key(ord(char.upper()))
        modifiers = Qt.KeyboardModifier.ShiftModifier if char.isupper() else Qt.KeyboardModifier.NoModifier
    press = QKeyEvent(QEvent.Type.KeyPress, key, modifiers, char)
    press.setTimestamp(stamp_ms)
    return press


class Counter:
    def __init__(self, url: str) -> None:
        self.qapp = QApplication.instance() or QApplication([sys.argv[0]])
        apply_style(self.qapp)  # type: ignore[arg-type]
        self.app = App(Settings(db_url=url, user="admin", station="bench"))
        self.statements = 0
        event.listen(self.app.engine, "before_cursor_execute", self._count)
        self.runner = TaskRunner()
        self.wedge = WedgeFilter(accept_synthetic=True)  # posted key events stand for the scanner's
        self.wedge.install(self.qapp)
        self.window = MainWindow(self.app, self.app.actor("admin"), self.runner, self.wedge)
        self.window.resize(1366, 768)
        self.window.show()
        self.window.activateWindow()
        pane = self.window.panes["receiving"]
        assert isinstance(pane, ReceivingPane)
        self.pane = pane
        wait_until(lambda: bool(pane.products) and not self.runner.busy)
        self.window.show_pane("receiving")
        with self.app.engine.connect() as conn:
            sku = conn.scalar(select(Product.sku).where(Product.serial_source == "supplier").order_by(Product.id))
        assert sku is not None
        pane.setup.select_product(sku)
        assert pane.current_sku() == sku
        settle_heap()  # as serialdesk.gui.app.run does once the window is up
        self.stamp = 10_000_000

    def _count(self, *_args: Any) -> None:
        self.statements += 1

    def close(self) -> None:
        self.runner.wait()
        self.wedge.uninstall(self.qapp)
        self.window.close()
        self.window.deleteLater()
        QCoreApplication.processEvents()
        self.app.close()

    def discard_draft(self) -> None:
        """Between rounds (not timed): the draft thrown away, so each round pastes onto a new one."""
        wait_until(lambda: not self.runner.busy)
        if self.pane.draft is not None:
            self.pane.session.cancel()
            self.pane.reset()

    def paste(self, serials: list[str]) -> tuple[float, int]:
        """Seconds from clicking *Add serials* to the batch finished, and the SQL statements it took."""
        dialog = self.pane.bulk.ask_paste()
        assert isinstance(dialog, FormDialog)
        dialog.set_value("serials", "\n".join(serials) + "\n")
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        before = self.statements
        started = time.perf_counter()
        added, refused, cancelled = wait_for(self.pane.bulk.sig_finished, ok.click)
        seconds = time.perf_counter() - started
        if (added, refused, cancelled) != (len(serials), 0, False):
            raise RuntimeError(f"paste added {added}, refused {refused}, cancelled {cancelled}: "
                               f"{self.pane.ui.banner.text()}")
        return seconds, self.statements - before

    def scan(self, text: str) -> float:
        """One wedge scan: ms from its Enter reaching the app to the scans list painted with its row."""
        probe, viewport = Probe(), self.pane.ui.scansView.viewport()
        self.qapp.installEventFilter(probe)  # after the wedge: sees each key first
        viewport.installEventFilter(probe)
        target = self.window.windowHandle()
        handled: list[tuple[str, str, float]] = []

        def seen(tone: str, message: str) -> None:
            handled.append((tone, message, time.perf_counter()))

        self.pane.sig_scan_handled.connect(seen)
        try:
            for n, char in enumerate(text + "\r"):
                QCoreApplication.postEvent(target, key_event(char, self.stamp + n * KEY_GAP_MS))
            self.stamp += 1000  # the next scan comes a second later by the keyboard's clock

            def shown() -> bool:
                row = self.pane.scans.rows()[0] if self.pane.scans.rows() else None
                return (bool(handled) and row is not None and row.text == text and probe.painted_at is not None
                        and probe.enter_at is not None and probe.painted_at > handled[0][2])

            wait_until(shown, 30)
            if handled[0][0] != "good":
                raise RuntimeError(f"scan {text} was not saved: {handled[0][1]}")
            assert probe.enter_at is not None and probe.painted_at is not None
            return (probe.painted_at - probe.enter_at) * 1000
        finally:
            self.qapp.removeEventFilter(probe)
            viewport.removeEventFilter(probe)
            self.pane.sig_scan_handled.disconnect(seen)


def run(url: str, backend: str, size: int, rounds: int, scans: int, warmup: int,
        units: int = PASTE_UNITS) -> dict[str, Any]:
    counter, tag = Counter(url), f"{int(time.time()) % 100000:05d}"
    measures: list[Measure] = []
    try:
        times, statements = [], []
        for r in range(rounds):
            seconds, count = counter.paste([f"GP{tag}{r}{n:06d}" for n in range(units)])
            times.append(seconds)
            statements.append(count)
            log(f"{backend}: GUI paste of {units:,} serials, round {r + 1}: {seconds:.3f} s, {count} statements")
            counter.discard_draft()
        label = f"GUI paste {units:,} serials onto a draft (real pane, {rounds} rounds)"
        measures += [Measure("gui_paste_10k", f"{label}, median", sorted(times)[len(times) // 2], "s", PASTE_S,
                             backend, size, f"{statements[-1]} SQL statements"),
                     Measure("gui_paste_10k.max", f"{label}, slowest", max(times), "s", None, backend, size)]
        latencies = []
        for n in range(warmup + scans):
            ms = counter.scan(f"WS{tag}{n:05d}")
            if n >= warmup:
                latencies.append(ms)
        label = f"wedge scan → saved → shown in the list ({scans} scans, real pane)"
        measures += [Measure("wedge_scan_shown.p50", f"{label} p50", percentile(latencies, 0.5), "ms", None,
                             backend, size),
                     Measure("wedge_scan_shown.p95", f"{label} p95", percentile(latencies, 0.95), "ms", WEDGE_MS,
                             backend, size)]
        log(f"{backend}: wedge scan → shown p50 {percentile(latencies, 0.5):.1f} ms, "
            f"p95 {percentile(latencies, 0.95):.1f} ms")
    finally:
        counter.close()
    return {"measures": [m.as_json() for m in measures]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="the receiving pane timed in the real window")
    parser.add_argument("--db", required=True)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), required=True)
    parser.add_argument("--items", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--scans", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=10)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        private_settings(Path(folder))
        print(json.dumps(run(args.db, args.backend, args.items, args.rounds, args.scans, args.warmup)))
    return 0


def private_settings(folder: Path) -> None:
    """Station settings (QSettings) in ``folder``: a bench run never reads or changes this computer's."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    os.environ["SERIALDESK_CONFIG"] = str(folder / "serialdesk" / "serialdesk.ini")


if __name__ == "__main__":
    raise SystemExit(main())
