"""What the receiving pane's helpers (bulk entry, expected list, waiting scans, drafts, actions) may use of the
pane: this protocol, so none of them imports the pane back (issue 13)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QShortcut

from serialdesk.domain.errors import DomainError
from serialdesk.gui.generated.ui_receiving_pane import Ui_ReceivingPane
from serialdesk.gui.models.scans import ScanLine
from serialdesk.gui.models.table import RowsModel
from serialdesk.gui.panes.base import ScanQueue
from serialdesk.gui.preferences import Preferences
from serialdesk.gui.tasks import Task, TaskRunner
from serialdesk.services.bundle import Services
from serialdesk.services.drafts import DraftScan
from serialdesk.services.dto import ProductView, ReceiptView
from serialdesk.workflows.receiving import ReceivingSession


class ReceivingHost(Protocol):
    ui: Ui_ReceivingPane
    services: Services
    session: ReceivingSession
    scans: RowsModel[ScanLine]
    queue: ScanQueue
    runner: TaskRunner
    preferences: Preferences
    last_posted: ReceiptView | None
    sig_status: SignalInstance

    def call(self, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
             failed: Callable[[str], None] | None = None, *, label: str = "") -> Task: ...

    def shortcut(self, keys: str, slot: Callable[[], object]) -> QShortcut: ...

    def current_sku(self) -> str | None: ...

    def product_view(self, sku: str | None) -> ProductView | None: ...

    def scanned(self, text: str, result: DraftScan | DomainError, note: str = "") -> None: ...

    def outcome(self, line: ScanLine, message: str) -> None: ...

    def refused(self, text: str, sku: str, message: str) -> None: ...

    def show_draft(self) -> None: ...

    def labels_receipt(self) -> ReceiptView | None: ...

    def reset(self) -> None: ...
