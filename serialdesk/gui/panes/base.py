"""What every pane shares: the services, the task runner, scans in order, and the signals the window uses."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from serialdesk.bootstrap import Services
from serialdesk.domain.changes import Changes
from serialdesk.gui.preferences import Preferences
from serialdesk.gui.tasks import Task, TaskRunner
from serialdesk.gui.widgets.camera_panel import CameraPanel
from serialdesk.gui.widgets.feedback import Banner


class ScanQueue:
    """Scans are handled one at a time, in the order they came: the next starts when ``done()`` is called.

    A scanner can fire faster than a scan is saved; without this the second scan of a new receipt would open
    a second draft, and the list would show outcomes out of order."""

    def __init__(self, handle: Callable[[Any], None]) -> None:
        self._handle = handle
        self._pending: deque[Any] = deque()  # scan texts (or a pane's own queued work, e.g. a waiting scan)
        self._busy = False
        self._draining = False

    @property
    def busy(self) -> bool:
        return self._busy or bool(self._pending)

    def push(self, text: Any) -> None:
        self._pending.append(text)
        self._drain()

    def done(self) -> None:
        self._busy = False
        self._drain()

    def _drain(self) -> None:
        if self._draining:
            return  # done() called from inside handle(): the loop below picks the next one up
        self._draining = True
        try:
            while not self._busy and self._pending:
                self._busy = True
                self._handle(self._pending.popleft())
        finally:
            self._draining = False


class Pane(QWidget):
    """A pane of the main window. Subclasses set ``title`` and ``help_topic`` and implement ``handle_scan``."""

    title = ""
    help_topic = ""
    sig_status = Signal(str)  # a short note for the status bar
    sig_camera = Signal(str, str)  # tone, text — the pane's camera for the status bar ("Camera on" …)
    sig_camera_scan = Signal(str)  # a code the pane's camera read: the window routes it like a scanner burst

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner

    def call(self, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
             failed: Callable[[str], None] | None = None, *, label: str = "") -> Task:
        """Run one service call off the GUI thread."""
        return self.runner.run(fn, done, failed, label=label or f"{self.title}: {getattr(fn, '__name__', 'call')}")

    def shortcut(self, keys: str | QKeySequence.StandardKey, slot: Callable[[], object]) -> QShortcut:
        """A key that works while this pane is the one shown (and inside its own widgets)."""
        sequence = QKeySequence(keys)
        found = QShortcut(sequence, self)
        found.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        found.activated.connect(slot)
        return found

    def attach_camera(self, panel: CameraPanel, banner: Banner) -> None:
        """The camera's scans go where the scanner's go (the window routes both, so an open dialog that takes
        scans gets them, and one that does not holds them off); its troubles are said in the banner, not a box."""
        panel.sig_scan.connect(self.sig_camera_scan)
        panel.sig_state.connect(lambda tone, text, note: self._camera_state(banner, tone, text, note))
        self.shortcut("Ctrl+K", panel.toggle)

    def _camera_state(self, banner: Banner, tone: str, text: str, note: str) -> None:
        if tone in ("warn", "bad"):
            banner.say(f"{text}. {note}", tone)
        self.sig_camera.emit(tone, text)

    # --- for the window ------------------------------------------------------------------------------------

    def load(self) -> None:
        """Fetch what the pane shows (once, when the window opens)."""

    def activate(self) -> None:
        """The pane was brought to the front: put the cursor where the clerk needs it."""

    def handle_scan(self, text: str) -> None:
        raise NotImplementedError

    def refresh(self, changes: Changes) -> None:
        """Something changed — by any pane of this window (this one too) or elsewhere (another station, the CLI);
        the window's announcer says each change once. Reload what this pane shows if ``changes`` touches it."""

    def preferences_changed(self, preferences: Preferences) -> None:
        """This station's settings were loaded or changed (label defaults, the shop's name …)."""


class ScanningPane(Pane):
    """A pane with a scan field (``ui.scanEdit``): scans — wedge, camera, or typed + Enter — are shown in the field
    and handled one at a time, in the order they came, by the pane's ``queue``."""

    ui: Any  # the pane's generated Ui_… form, which has a ``scanEdit`` ScanField
    queue: ScanQueue

    def handle_scan(self, text: str) -> None:
        self.ui.scanEdit.show_scan(text)
        self.queue.push(text)

    def _typed(self, text: str) -> None:
        self.ui.scanEdit.clear()
        self.handle_scan(text)
