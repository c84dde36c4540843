"""Service calls off the GUI thread: one QThreadPool worker, results back on the GUI thread by signal.

One worker keeps the calls in the order the clerk made them (a scan is saved before the next one is tried)
and keeps SQLite to one writer per station. A DomainError is the shop saying no: ``sig_failed(message)``.
Anything else is a bug or a broken database: the runner's ``sig_crashed`` tells the window, which shows the
details once, and the task still reports ``sig_failed`` so the screen that asked can carry on.

A call refused because the database connection had to be renewed (``db_reconnected``: another program in this
process opened the database file; nothing was saved) is tried once more, and ``sig_notice`` tells the clerk.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

# Qt's label renderer (serialdesk.labels.qt_render) must be imported on the GUI thread before a worker renders
# with it: importing PySide6 modules on a worker while the GUI thread runs the event loop crashed the process
# (Segmentation fault). It is not imported here (it brings numpy and the barcode libraries, ~0.3 s before the
# window could paint): the labels dialog, the recall letters and the main window (once painted) import it.
from serialdesk.domain.errors import DomainError

CRASH_MESSAGE = "Something went wrong that the program did not expect; the details are in the error window."
RECONNECTED = "db_reconnected"  # DomainError code from the unit of work: rolled back, safe to run again
RECONNECT_NOTICE = ("The connection to the database was renewed (a program on this computer had opened the "
                    "database file); what you did was saved once it was back.")


class Task(QObject):
    """One service call on its way. Connect before the call ends — ``TaskRunner.run`` does it for you."""

    sig_done = Signal(object)  # the call's result
    sig_failed = Signal(str)  # the DomainError's message (or CRASH_MESSAGE)
    sig_finished = Signal()  # after either of the two
    _sig_result = Signal(str, object)  # worker thread → this object's (the GUI) thread

    def __init__(self, call: Callable[[], Any], label: str) -> None:
        super().__init__()
        self.call = call
        self.label = label
        self.error: BaseException | None = None
        self.notice: str | None = None
        self.dropped = False  # the window closed while it ran: its result goes nowhere
        self._sig_result.connect(self._deliver)

    def _call_once_more_if_reconnected(self) -> Any:
        try:
            return self.call()
        except DomainError as exc:
            if exc.code != RECONNECTED:
                raise
        result = self.call()
        self.notice = RECONNECT_NOTICE
        return result

    def execute(self) -> None:
        """Runs on the worker thread."""
        try:
            result = self._call_once_more_if_reconnected()
        except DomainError as exc:
            self._sig_result.emit("failed", exc)
        except Exception as exc:  # a bug or a broken database: reported, never swallowed
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._sig_result.emit("crashed", exc)
        else:
            self._sig_result.emit("done", result)

    @Slot(str, object)
    def _deliver(self, outcome: str, value: object) -> None:
        if self.dropped:  # the widgets that asked may be gone; only the runner's bookkeeping is told
            self.sig_finished.emit()
            return
        if outcome == "done":
            self.sig_done.emit(value)
        else:
            assert isinstance(value, BaseException)
            self.error = value
            self.sig_failed.emit(value.message if isinstance(value, DomainError) else CRASH_MESSAGE)
        self.sig_finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task
        self.setAutoDelete(False)  # Python keeps it (TaskRunner._running) until the result is delivered

    def run(self) -> None:
        self.task.execute()


class TaskRunner(QObject):
    """Runs callables in order on one background thread; ``sig_busy`` says whether anything is pending."""

    sig_busy = Signal(bool)
    sig_crashed = Signal(str, str)  # what was being done, the traceback
    sig_notice = Signal(str)  # something the clerk should know although the call went through

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running: dict[Task, _Runnable] = {}

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(
        self,
        call: Callable[[], Any],
        done: Callable[[Any], None] | None = None,
        failed: Callable[[str], None] | None = None,
        *,
        label: str = "",
    ) -> Task:
        """Queue ``call``; ``done(result)`` or ``failed(message)`` then run on the GUI thread."""
        task = Task(call, label)
        if done is not None:
            task.sig_done.connect(done)
        if failed is not None:
            task.sig_failed.connect(failed)
        task.sig_finished.connect(lambda: self._finished(task))
        runnable = _Runnable(task)
        was_busy = self.busy
        self._running[task] = runnable
        if not was_busy:
            self.sig_busy.emit(True)
        self._pool.start(runnable)
        return task

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until the queued calls are done (closing the window); their results are then dropped (they
        arrive on the GUI thread later, when the widgets that asked may be gone). The runner stays usable: the
        next window (after signing out) runs its calls on it."""
        finished = self._pool.waitForDone(msecs)
        for task in list(self._running):
            task.dropped = True
        return finished

    def _finished(self, task: Task) -> None:
        self._running.pop(task, None)
        if task.dropped:
            if not self.busy:
                self.sig_busy.emit(False)
            return
        if task.notice is not None:
            self.sig_notice.emit(task.notice)
        if task.error is not None and not isinstance(task.error, DomainError):
            details = getattr(task.error, "__traceback_text__", repr(task.error))
            self.sig_crashed.emit(task.label or "a background task", details)
        if not self.busy:
            self.sig_busy.emit(False)


def refused(task: Task, message: str) -> DomainError:
    """A failed task's refusal as the shop said it (its code and details kept, for a session's ``*_done``);
    a crash becomes a refusal with the crash message (the window shows the details)."""
    return task.error if isinstance(task.error, DomainError) else DomainError(message, code="crashed")
