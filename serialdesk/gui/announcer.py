"""One place that tells every pane what changed: ``sig_changes(Changes)``, always on the GUI thread.

Two sources:

* **This window's commits.** The services' units of work report each commit with the kinds it changed
  (``services.changes.on_commit``); the commit happens on a TaskRunner worker, so it crosses to the GUI thread
  by a queued signal and is announced at once.
* **Changes made elsewhere** (another station, the CLI, a script). Every change writes ledger events, so a
  QTimer asks ``services.changes.since(marks)`` once a second — one read-only query on the events' id index,
  run on a thread of its own, through the engine's pooled connections (never SQLite's write lock, never a file
  opened and closed beside SQLite's locks). The new events say what changed.

A pane's own change reaches it too, like everyone else's: every pane hears every change once, whoever made it,
and its ``refresh`` reloads only what it shows (a pane that has just shown its own change skips the kinds it
writes itself). The poll also sees this window's own commits in the ledger; those already announced are not
announced again — when the new events are no more than this window's commits wrote since the last look,
and of kinds already announced, they are taken as ours (a commit that lands while a look is under way is
matched by the next look, kept for that one look only). Anything else is announced: a change is never
swallowed, at worst a pane reloads once more than it needed.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from serialdesk.domain.changes import Changes
from serialdesk.domain.errors import DomainError
from serialdesk.services.bundle import Services
from serialdesk.services.changes import ChangeMarks, ChangesSince

POLL_MS = 1000


class _Poll(QRunnable):
    def __init__(self, announcer: Announcer, marks: ChangeMarks | None) -> None:
        super().__init__()
        self.announcer, self.marks = announcer, marks

    def run(self) -> None:
        self.announcer.poll_now(self.marks)


class Announcer(QObject):
    """Hears this window's commits and the ledger's new events; says each change once, on the GUI thread."""

    sig_changes = Signal(object)  # Changes, for every pane
    _sig_committed = Signal(object)  # Changes: a commit on a worker thread → the GUI thread
    _sig_polled = Signal(object, object)  # ChangesSince | None, Changes (ours meanwhile) → the GUI thread

    def __init__(self, services: Services, parent: QObject | None = None, *, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.services = services
        self._lock = threading.Lock()
        self._ours = Changes()  # what this window's commits changed since the poll last looked
        self._carried = Changes()  # ours the last look did not find in the ledger yet (kept for one more look)
        self._polling = False
        self._stopped = False
        self._marks: ChangeMarks | None = None
        self.polls = 0  # looks at the ledger answered so far
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._sig_committed.connect(self._committed)
        self._sig_polled.connect(self._polled)
        self._unsubscribe = services.changes.on_commit(self._heard)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        try:  # where the ledger is as the panes load (one indexed max(id): well under a millisecond)
            self._marks = services.changes.marks()
        except DomainError:
            self._marks = None  # the first look takes them

    # --- this window's commits ---------------------------------------------------------------------------

    def _heard(self, changes: Changes) -> None:
        """On the committing (worker) thread, right after COMMIT."""
        with self._lock:
            self._ours = self._ours | changes
        self._sig_committed.emit(changes)

    def _committed(self, changes: Changes) -> None:
        if not self._stopped:
            self.sig_changes.emit(changes)

    # --- everyone else's -----------------------------------------------------------------------------------

    def poll(self) -> None:
        """Look at the ledger now (off the GUI thread), unless a look is already under way."""
        if self._polling or self._stopped:
            return
        self._polling = True
        self._pool.start(_Poll(self, self._marks))

    def poll_now(self, marks: ChangeMarks | None) -> None:
        """On the poll's thread: one read-only query; the answer goes to the GUI thread."""
        found: Any = None
        try:
            if marks is None:
                found = ChangesSince(Changes(), self.services.changes.marks())
            else:
                found = self.services.changes.since(marks)
        except DomainError:
            found = None  # the database is busy or away: the next look tries again from the same marks
        except Exception:
            found = None
        with self._lock:
            ours, self._ours = self._ours, Changes()
        self._sig_polled.emit(found, ours)

    def _polled(self, found: ChangesSince | None, ours: Changes) -> None:
        self._polling = False
        self.polls += 1
        if found is None or self._stopped:
            with self._lock:
                self._ours = self._ours | ours  # not looked: still ours to match next time
            return
        first = self._marks is None
        self._marks = found.marks
        changes = found.changes
        carried, self._carried = self._carried, Changes()
        if first:
            return
        ours = ours | carried
        if not changes:
            self._carried = ours  # committed while the look was under way: seen by the next look
            return
        if changes.events <= ours.events and changes.kinds <= ours.kinds:
            if changes.events < ours.events:  # some of ours were not in the ledger yet: matched next time
                self._carried = Changes(ours.kinds, ours.events - changes.events)
            return  # only this window's own commits, announced already
        self.sig_changes.emit(changes)

    def stop(self) -> None:
        """The window closes: no more looks, no more announcements."""
        self._stopped = True
        self.timer.stop()
        self._unsubscribe()
        self._pool.waitForDone(5000)
