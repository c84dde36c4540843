"""F4 Service desk: scan a unit → its passport (source, owner, warranty badge, history) and its tickets;
open a ticket, log work, swap a part, wait for parts, mark done, close it; take in a unit we never sold.

The unit, the ticket chosen and what may be done with it are workflows.service_desk.ServiceDeskSession's; this
pane renders the session and forwards scans, keys and forms."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import QWidget

from serialdesk.bootstrap import Services
from serialdesk.domain.errors import DomainError
from serialdesk.gui.generated.ui_service_pane import Ui_ServicePane
from serialdesk.gui.models.table import RowsModel
from serialdesk.gui.panes.base import ScanningPane, ScanQueue
from serialdesk.gui.panes.service_foreign import ForeignUnitDialog
from serialdesk.gui.panes.service_paper import JobSheetOutput
from serialdesk.gui.panes.service_rma import RmaAction, warranties_html
from serialdesk.gui.panes.service_swap import SwapPartDialog
from serialdesk.gui.panes.service_tickets import NO_TICKET, TICKET_COLUMNS, ticket_html
from serialdesk.gui.tasks import Task, TaskRunner, refused
from serialdesk.gui.widgets.form_dialog import Field, FormDialog
from serialdesk.gui.widgets.passport import owner_text
from serialdesk.gui.widgets.tables import fit_columns
from serialdesk.services.dto import ItemPassport, TicketView
from serialdesk.workflows.service_desk import ServiceDeskSession


class ServicePane(ScanningPane):
    title = "Service"
    help_topic = "service"
    sig_passport_shown = Signal(object)  # ItemPassport
    sig_scan_handled = Signal(str, str)  # tone, message

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.ui = Ui_ServicePane()
        self.ui.setupUi(self)
        self.session = ServiceDeskSession(services)
        self.tickets = RowsModel(TICKET_COLUMNS, self)
        self.queue = ScanQueue(self._look_up)
        for name, role in (("titleLabel", "paneTitle"), ("unitChip", "chip"), ("passportCard", "card"),
                           ("ticketsCaption", "section"), ("openTicketButton", "primary")):
            getattr(self.ui, name).setProperty("role", role)
        view = self.ui.ticketsView
        view.setModel(self.tickets)
        fit_columns(view, (0, 1, 2), stretch=3)
        view.selectionModel().selectionChanged.connect(self._ticket_selected)
        self.ui.ticketDetail.setHtml(NO_TICKET)
        self.paper = JobSheetOutput(self, self.ui.banner, self)  # issue 18: the job sheet / hand-back sheet
        self.jobSheetButton = self.paper.button(self.ui.ticketButtons, lambda: self.session.ticket)  # + Print sheet…
        self._connect()
        self.rma = RmaAction(self)  # a claim on the supplier's warranty (issue 15)
        self._show_buttons()

    @property
    def passport(self) -> ItemPassport | None:
        return self.session.passport

    def _connect(self) -> None:
        ui = self.ui
        ui.scanEdit.sig_entered.connect(self._typed)
        ui.openTicketButton.clicked.connect(self.ask_open_ticket)
        ui.logWorkButton.clicked.connect(self.ask_log_work)
        ui.swapPartButton.clicked.connect(self.ask_swap_part)
        ui.closeTicketButton.clicked.connect(self.ask_close_ticket)
        ui.waitingButton.clicked.connect(self.toggle_waiting)
        ui.doneButton.clicked.connect(lambda: self.set_ticket_status("done"))
        ui.foreignButton.clicked.connect(self.ask_foreign_unit)
        self.shortcut("Ctrl+T", self.ask_open_ticket)
        self.shortcut("Ctrl+W", self.ask_log_work)
        self.shortcut("Ctrl+D", lambda: self.set_ticket_status("done"))
        self.shortcut("Ctrl+U", self.ask_foreign_unit)
        self.jobSheetButton.clicked.connect(lambda: self.paper.ask_save(self.session.ticket))
        self.shortcut("Ctrl+J", lambda: self.paper.ask_save(self.session.ticket))

    def activate(self) -> None:
        self.ui.scanEdit.setFocus()

    # --- the unit -------------------------------------------------------------------------------------------

    def _look_up(self, text: str) -> None:
        task: Task = self.call(self.session.scan_call(text), lambda p: self._scanned(text, p),
                               lambda m: self._scanned(text, refused(task, m)), label=f"look up {text}")

    def _scanned(self, text: str, result: ItemPassport | DomainError) -> None:
        outcome = self.session.scan_done(text, result)
        if outcome.passport is not None:
            self._show()
        else:
            self.ui.passportPanel.clear()
            self.tickets.set_rows(())
            self.ui.unitChip.setText("No unit scanned")
            self.ui.banner.bad(outcome.message)
            self._show_buttons()
        self.ui.scanEdit.flash(outcome.tone)
        self.sig_scan_handled.emit(outcome.tone, outcome.passport.serial if outcome.passport else outcome.message)
        self.queue.done()

    @property
    def unknown(self) -> str:
        return self.session.unknown

    def show_passport(self, p: ItemPassport, keep_ticket: int | None = None) -> None:
        self.session.show(p, keep_ticket)
        self._show()

    def _show(self) -> None:
        p, wanted = self.session.passport, self.session.ticket_id
        assert p is not None
        self.ui.passportPanel.show_passport(p)
        self.ui.unitChip.setText(f"{p.sku} · {p.serial}")
        self.tickets.set_rows(self.session.tickets())  # the latest first
        rows = [i for i, t in enumerate(self.tickets.rows()) if t.id == wanted]
        if rows:
            self.ui.ticketsView.selectRow(rows[0])
        else:
            self.ui.ticketDetail.setHtml(NO_TICKET)
        self.ui.banner.say(self.session.summary())
        self._show_buttons()
        self.sig_passport_shown.emit(p)

    # --- tickets --------------------------------------------------------------------------------------------

    def selected_ticket(self) -> TicketView | None:
        return self.session.ticket

    def _ticket_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.ui.ticketsView.selectionModel().selectedRows()
        ticket = self.session.choose(self.tickets.row_at(rows[0].row()).id if rows else None)
        self.ui.ticketDetail.setHtml(ticket_html(ticket) + warranties_html(self.passport) if ticket else NO_TICKET)
        self._show_buttons()

    def _show_buttons(self) -> None:
        ticket, working, ui = self.session.ticket, self.session.may_work, self.ui
        ui.openTicketButton.setEnabled(self.session.may_open)
        for button in (ui.logWorkButton, ui.swapPartButton, ui.closeTicketButton):
            button.setEnabled(working)
        waiting = ticket is not None and ticket.status == "waiting_parts"
        ui.waitingButton.setText("Parts arrived" if waiting else "Waiting for parts")
        ui.waitingButton.setEnabled(working and ticket is not None and ticket.status in ("open", "waiting_parts"))
        ui.doneButton.setEnabled(working and ticket is not None and ticket.status != "done")
        ui.foreignButton.setEnabled(self.session.may_service)
        self.rma.refresh()
        self.paper.enable(ticket is not None)

    def ask_open_ticket(self) -> None:
        p = self.session.passport
        if p is None or not self.session.may_open:
            return
        self._form("Open a service ticket", [Field("problem", "Problem", "lines", required=True,
                                                   placeholder="what the customer reports")],
                   f"{p.product} · {p.serial} · owner: {owner_text(p)}", "Open ticket",
                   lambda v: self.session.open_ticket_call(str(v["problem"])))

    def ask_log_work(self) -> None:
        ticket = self.session.ticket
        if ticket is None or not self.session.may_work:
            return
        self._form(f"Log work on {ticket.number}", [
            Field("text", "What was done", "lines", required=True),
            Field("minutes", "Minutes", "number", minimum=0, maximum=1440, value=15)],
            ticket.problem, "Log work",
            lambda v: self.session.log_work_call(str(v["text"]), int(v["minutes"])))

    def ask_swap_part(self) -> SwapPartDialog | None:
        ticket = self.session.ticket
        if ticket is None or not self.session.may_work:
            return None
        dialog = SwapPartDialog(ticket, self.session, self.runner, self)
        self._submit_to(dialog, lambda v: self.session.swap_call(str(v["out"]), str(v["into"])), dialog.windowTitle())
        dialog.open()
        return dialog

    def ask_close_ticket(self) -> None:
        ticket = self.session.ticket
        if ticket is None or not self.session.may_work:
            return
        self._form(f"Close {ticket.number}", [Field("resolution", "Resolution", "lines", required=True,
                                                    placeholder="what was repaired or replaced")],
                   "The unit goes back to its owner.", "Close ticket",
                   lambda v: self.session.close_call(str(v["resolution"])))

    def toggle_waiting(self) -> None:
        if self.session.may_work:
            self._run(self.session.toggle_waiting_call, "set the ticket status")

    def set_ticket_status(self, status: str) -> None:
        """open ↔ waiting for parts → done (``service_desk.set_status``); closing is Close ticket…"""
        if self.session.may_work:
            self._run(lambda: self.session.status_call(status), "set the ticket status")

    def _run(self, make: Callable[[], Callable[[], TicketView] | None], label: str) -> None:
        try:
            call = make()
        except DomainError as exc:
            self.ui.banner.bad(exc.message)
            return
        if call is not None:
            self.call(call, self._ticket_saved, self.ui.banner.bad, label=label)

    def ask_foreign_unit(self) -> ForeignUnitDialog | None:
        if not self.session.may_service:
            return None
        dialog = ForeignUnitDialog(self.services, self.runner, self.session.unknown, self)

        def take_in(v: dict[str, Any]) -> Callable[[], TicketView]:
            return self.session.take_in_call(str(v["serial"]), str(v["problem"]), str(v["customer"]), str(v["sku"]))

        self._submit_to(dialog, take_in, "take in a unit not ours")
        dialog.open()
        return dialog

    def _ticket_saved(self, ticket: TicketView) -> None:
        """A ticket changed: show its unit again (the passport has a new event) with the ticket chosen."""
        self.call(self.session.ticket_done(ticket), lambda p: self.show_passport(p, keep_ticket=ticket.id),
                  self.ui.banner.bad, label="reload the passport")

    def _form(self, title: str, fields: list[Field], intro: str, ok: str,
              action: Callable[[dict[str, Any]], Callable[[], TicketView]]) -> FormDialog:
        """Ask, run the one service call, then show the unit again (its passport has a new event)."""
        dialog = FormDialog(title, fields, intro=intro, ok_text=ok, parent=self)
        self._submit_to(dialog, action, title)
        dialog.open()
        return dialog

    def _submit_to(self, dialog: FormDialog, action: Callable[[dict[str, Any]], Callable[[], TicketView]],
                   label: str) -> None:
        def saved(ticket: TicketView) -> None:
            if isinstance(dialog, ForeignUnitDialog):
                dialog.ticket = ticket
            dialog.finish()
            self._ticket_saved(ticket)

        def submitted(values: dict[str, Any]) -> None:
            try:
                call = action(values)
            except DomainError as exc:
                dialog.refuse(exc.message)
                return
            self.call(call, saved, dialog.refuse, label=label)

        dialog.sig_submitted.connect(submitted)
