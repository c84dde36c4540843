"""The service pane's paperwork (issue 18): "Job sheet…" saves the chosen ticket's job sheet as a PDF — at intake
for the customer to sign, or the hand-back sheet once the ticket is closed — the same documents as
``ticket open --job-sheet`` and ``ticket close --hand-back``, written on the worker thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from serialdesk.documents.job_sheet import write_job_sheet_pdf
from serialdesk.documents.targets import check_writable
from serialdesk.gui.tasks import Task
from serialdesk.gui.widgets.feedback import Banner
from serialdesk.labels import pages  # noqa: F401  # Qt's painting is imported here, on the GUI thread
from serialdesk.services.bundle import Services
from serialdesk.services.dto import TicketView


class PaperHost(Protocol):
    @property
    def services(self) -> Services: ...

    def call(self, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
             failed: Callable[[str], None] | None = None, *, label: str = "") -> Task: ...


def save_job_sheet(services: Services, ticket_id: int, out: Path) -> Path:
    sheet = services.job_sheets.job_sheet(ticket_id)
    return write_job_sheet_pdf(sheet, check_writable(out), hand_back=sheet.ticket.status == "closed")


class JobSheetOutput(QObject):
    """``sig_done(path)`` once the sheet is saved."""

    sig_done = Signal(str)

    def __init__(self, host: PaperHost, banner: Banner, parent: QWidget) -> None:
        super().__init__(parent)
        self.host, self.banner, self.widget = host, banner, parent

    def ask_save(self, ticket: TicketView | None) -> None:
        if ticket is None:
            self.banner.warn("Choose a ticket first: scan the unit or its job sheet's barcode.")
            return
        kind = "hand-back" if ticket.status == "closed" else "job-sheet"
        start = str(Path.home() / f"{kind}-{ticket.number}.pdf")
        path, _filter = QFileDialog.getSaveFileName(self.widget, f"Save the {kind.replace('-', ' ')} of "
                                                    f"{ticket.number}", start, "PDF (*.pdf)")
        if path:
            self.save(ticket, Path(path))

    def save(self, ticket: TicketView, out: Path) -> None:
        services = self.host.services

        def saved(path: Path) -> None:
            self.banner.offer_open(f"{ticket.number}: sheet saved as {path}.", path)
            self.sig_done.emit(str(path))

        self.host.call(lambda: save_job_sheet(services, ticket.id, out), saved, self.banner.bad,
                       label="save the job sheet")
