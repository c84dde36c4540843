"""Scans taken while the database is out of reach (PostgreSQL gone mid-shift): kept on this computer in a
JSON-lines file beside the station's settings — a crash loses none — shown as waiting, and saved onto their
draft, in the order they were scanned, as soon as the database answers again."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from serialdesk.domain.errors import DomainError
from serialdesk.gui.models.scans import ScanLine
from serialdesk.gui.panes.receiving_host import ReceivingHost
from serialdesk.gui.preferences import preference_store
from serialdesk.gui.tasks import Task
from serialdesk.services.drafts import DraftScan

UNREACHABLE = "db_unavailable"
ALREADY_SAVED = "duplicate_in_receipt"


@dataclass(frozen=True)
class WaitingScan:
    draft_id: int | None  # None: the scan that would have opened the draft
    sku: str
    serial: str  # the text as scanned: classified when it is saved
    lot: str | None


def waiting_file(db_url: str) -> Path:
    """One file per database this station works on, beside the station's settings."""
    key = hashlib.sha1(db_url.encode(), usedforsecurity=False).hexdigest()[:12]
    return Path(preference_store().fileName()).parent / f"waiting-scans-{key}.jsonl"


class WaitingScans:
    """The kept scans, in order; every change is on disk before it is shown."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.scans: list[WaitingScan] = []
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()
            self.scans = [WaitingScan(**json.loads(line)) for line in lines if line.strip()]

    def keep(self, scan: WaitingScan) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(asdict(scan)) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.scans.append(scan)

    def drop_first(self) -> None:
        self.scans.pop(0)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text("".join(json.dumps(asdict(s)) + "\n" for s in self.scans), encoding="utf-8")
        os.replace(temporary, self.path)


class OfflineScans(QObject):
    """The receiving pane's side of it: keep a scan the database could not take, retry on a timer."""

    retry_ms = 5000

    def __init__(self, pane: ReceivingHost, path: Path) -> None:
        super().__init__(pane)  # type: ignore[arg-type]  # the pane is a QWidget
        self.pane = pane
        self.waiting = WaitingScans(path)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        """Retry what an earlier run (or a crash) left waiting."""
        if self.waiting.scans:
            self._announce()
            self.timer.start(self.retry_ms)

    def save_failed(self, task: Task, scan: WaitingScan, message: str) -> None:
        error = task.error
        if isinstance(error, DomainError) and error.code == UNREACHABLE:
            self.waiting.keep(scan)
            self.timer.start(self.retry_ms)
            line = ScanLine(datetime.now(UTC), scan.serial, scan.sku, "info", "Waiting for the database")
            self.pane.outcome(line, f"The database is out of reach: {scan.serial} is kept on this computer and will "
                                    f"be saved as soon as it answers ({len(self.waiting.scans)} waiting).")
            self._announce()
        elif isinstance(error, DomainError):
            self.pane.scanned(scan.serial, error)
        else:
            self.pane.refused(scan.serial, scan.sku, message)

    def tick(self) -> None:
        if self.waiting.scans and not self.pane.queue.busy:
            self.pane.queue.push(self.waiting.scans[0])  # in line with live scans, never beside them

    def replay(self, scan: WaitingScan) -> None:
        """Called by the pane's scan queue with the oldest waiting scan."""
        drafts, session = self.pane.services.drafts, self.pane.session
        draft_id = scan.draft_id if scan.draft_id is not None else (session.draft.id if session.draft else None)
        task: Task = self.pane.call(lambda: drafts.scan(draft_id, scan.serial, sku=scan.sku or None, lot=scan.lot),
                                    lambda result: self._saved(scan, result),
                                    lambda message: self._failed(task, message),
                                    label=f"save waiting scan {scan.serial}")

    def _saved(self, scan: WaitingScan, result: DraftScan) -> None:
        self.waiting.drop_first()
        self._announce()
        self.pane.scanned(scan.serial, result, "Saved after the database came back")
        QTimer.singleShot(0, self.tick)  # the next one at once

    def _failed(self, task: Task, message: str) -> None:
        error = task.error
        if isinstance(error, DomainError) and error.code == UNREACHABLE:
            self.pane.queue.done()  # still out of reach: try again on the next tick
            return
        scan = self.waiting.scans[0]
        if isinstance(error, DomainError) and error.code == ALREADY_SAVED:
            # Saved just before a crash that came before the file forgot it: nothing to say, go on.
            self.waiting.drop_first()
            self._announce()
            self.pane.queue.done()
            QTimer.singleShot(0, self.tick)
            return
        self.waiting.drop_first()  # refused for a reason of its own (e.g. taken meanwhile): say so, go on
        self._announce()
        if isinstance(error, DomainError):
            self.pane.scanned(scan.serial, error)
        else:
            self.pane.refused(scan.serial, scan.sku, message)
        QTimer.singleShot(0, self.tick)

    def _announce(self) -> None:
        count = len(self.waiting.scans)
        if not count:
            self.timer.stop()
        self.pane.sig_status.emit(f"{count} scan(s) waiting for the database" if count else "All scans saved")
