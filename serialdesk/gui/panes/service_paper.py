"""The service pane's paperwork (issue 18): "Job sheet…" saves the chosen ticket's job sheet as a PDF — at intake
for the customer to sign, or the hand-back sheet once the ticket is closed — and "Print sheet…" sends it to a
printer chosen in the print dialog: the same documents as ``ticket open --job-sheet`` and ``ticket close
--hand-back``, written or painted on the worker thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QGridLayout, QPushButton, QWidget

from serialdesk.documents.job_sheet import BARCODE, hand_back_html, job_sheet_html, ticket_barcode, write_job_sheet_pdf
from serialdesk.documents.paper import Paper
from serialdesk.documents.targets import check_writable
from serialdesk.domain.errors import DomainError
from serialdesk.gui.tasks import Task
from serialdesk.gui.widgets.feedback import Banner
from serialdesk.labels import pages  # Qt's painting is imported here, on the GUI thread
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


def print_job_sheet(services: Services, ticket_id: int, printer: QPrinter) -> str:
    """The ticket's sheet (the hand-back sheet once closed) on the printer the dialog set up; its ticket number."""
    if not printer.isValid():
        raise DomainError("The printer could not be started: check that it is switched on and connected.",
                          code="printer_unavailable")
    sheet = services.job_sheets.job_sheet(ticket_id)
    html = hand_back_html(sheet) if sheet.ticket.status == "closed" else job_sheet_html(sheet)
    pages.print_html(html, printer, Paper(sheet.shop).images(**{BARCODE: ticket_barcode(sheet)}))
    return sheet.ticket.number


class JobSheetOutput(QObject):
    """``sig_done(path)`` once the sheet is saved (``"printed"`` once printed)."""

    sig_done = Signal(str)

    def __init__(self, host: PaperHost, banner: Banner, parent: QWidget) -> None:
        super().__init__(parent)
        self.host, self.banner, self.widget = host, banner, parent
        self.ticket: Callable[[], TicketView | None] = lambda: None
        self.save_button = QPushButton("Job sheet…", parent)
        self.save_button.setToolTip("Save the chosen ticket's job sheet (hand-back sheet once closed) (Ctrl+J)")
        self.print_button = QPushButton("Print sheet…", parent)
        self.print_button.setObjectName("printSheetButton")
        self.print_button.setToolTip("Print the chosen ticket's job sheet (hand-back sheet once closed)")

    def button(self, grid: QGridLayout, ticket: Callable[[], TicketView | None]) -> QPushButton:
        """Both buttons in the ticket's button grid (its fourth row), for the ticket ``ticket()`` names; the
        save button, for the pane's keys."""
        grid.addWidget(self.save_button, 3, 0)
        grid.addWidget(self.print_button, 3, 1)
        self.ticket = ticket
        self.print_button.clicked.connect(lambda: self.ask_print(self.ticket()))
        return self.save_button

    def enable(self, on: bool) -> None:
        self.save_button.setEnabled(on)
        self.print_button.setEnabled(on)

    def ask_print(self, ticket: TicketView | None) -> None:
        if ticket is None:
            self.banner.warn("Choose a ticket first: scan the unit or its job sheet's barcode.")
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.widget)
        dialog.setWindowTitle(f"Print the sheet of {ticket.number}")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(ticket, printer)

    def print_to(self, ticket: TicketView, printer: QPrinter) -> None:
        services = self.host.services

        def printed(number: str) -> None:
            self.banner.good(f"{number}: sheet sent to the printer.")
            self.sig_done.emit("printed")

        self.host.call(lambda: print_job_sheet(services, ticket.id, printer), printed, self.banner.bad,
                       label="print the job sheet")

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
