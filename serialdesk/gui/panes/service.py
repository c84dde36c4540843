"""F4 Service desk: scan a unit → its passport (source, owner, warranty badge, history) and its tickets;
open a ticket, log work, swap a part, wait for parts, mark done, close it; take in a unit we never sold."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import QWidget

from serialdesk.bootstrap import Services
from serialdesk.domain.roles import Action
from serialdesk.gui.generated.ui_service_pane import Ui_ServicePane
from serialdesk.gui.models.table import RowsModel
from serialdesk.gui.panes.base import ScanningPane, ScanQueue
from serialdesk.gui.panes.service_foreign import ForeignUnitDialog
from serialdesk.gui.panes.service_tickets import NO_TICKET, TICKET_COLUMNS, ticket_html
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.widgets.form_dialog import Field, FormDialog
from serialdesk.gui.widgets.passport import owner_text
from serialdesk.gui.widgets.tables import fit_columns
from serialdesk.services.dto import ItemPassport, TicketView


class ServicePane(ScanningPane):
    title = "Service"
    help_topic = "service"
    sig_passport_shown = Signal(object)  # ItemPassport
    sig_scan_handled = Signal(str, str)  # tone, message

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.ui = Ui_ServicePane()
        self.ui.setupUi(self)
        self.passport: ItemPassport | None = None
        self.unknown = ""  # the last scan that is not one of our units: offered to "Unit not sold by us…"
        self.tickets = RowsModel(TICKET_COLUMNS, self)
        self.queue = ScanQueue(self._look_up)
        self._may_service = services.actor.may(Action.SERVICE)
        for name, role in (("titleLabel", "paneTitle"), ("unitChip", "chip"), ("passportCard", "card"),
                           ("ticketsCaption", "section"), ("openTicketButton", "primary")):
            getattr(self.ui, name).setProperty("role", role)
        view = self.ui.ticketsView
        view.setModel(self.tickets)
        fit_columns(view, (0, 1, 2), stretch=3)
        view.selectionModel().selectionChanged.connect(self._ticket_selected)
        self.ui.ticketDetail.setHtml(NO_TICKET)
        self._connect()
        self._show_buttons()

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

    def activate(self) -> None:
        self.ui.scanEdit.setFocus()

    # --- the unit -------------------------------------------------------------------------------------------

    def _look_up(self, text: str) -> None:
        lookup = self.services.lookup
        self.call(lambda: lookup.passport(text), self._scanned, self._refused, label=f"look up {text}")

    def _scanned(self, p: ItemPassport) -> None:
        self.unknown = ""
        self.show_passport(p)
        self.ui.scanEdit.flash("good")
        self.sig_scan_handled.emit("good", p.serial)
        self.queue.done()

    def _refused(self, message: str) -> None:
        self.unknown = self.ui.scanEdit.text().strip()
        if self._may_service:
            message += " Not one of ours? Unit not sold by us… (Ctrl+U) takes it in."
        self.passport = None
        self.ui.passportPanel.clear()
        self.tickets.set_rows(())
        self.ui.unitChip.setText("No unit scanned")
        self.ui.banner.bad(message)
        self.ui.scanEdit.flash("bad")
        self._show_buttons()
        self.sig_scan_handled.emit("bad", message)
        self.queue.done()

    def show_passport(self, p: ItemPassport, keep_ticket: int | None = None) -> None:
        self.passport = p
        self.ui.passportPanel.show_passport(p)
        self.ui.unitChip.setText(f"{p.sku} · {p.serial}")
        self.tickets.set_rows(tuple(reversed(p.tickets)))  # the latest first
        open_ones = [t for t in p.tickets if t.status != "closed"]
        wanted = keep_ticket or (open_ones[-1].id if open_ones else None)
        rows = [i for i, t in enumerate(self.tickets.rows()) if t.id == wanted]
        if rows:
            self.ui.ticketsView.selectRow(rows[0])
        else:
            self.ui.ticketDetail.setHtml(NO_TICKET)
        owner = owner_text(p)
        self.ui.banner.say(f"{p.product} · {p.serial} — {owner if owner != '—' else 'not sold'}"
                           + (f" · {len(open_ones)} open ticket" if len(open_ones) == 1 else
                              f" · {len(open_ones)} open tickets" if open_ones else ""))
        self._show_buttons()
        self.sig_passport_shown.emit(p)

    # --- tickets --------------------------------------------------------------------------------------------

    def selected_ticket(self) -> TicketView | None:
        index = self.ui.ticketsView.currentIndex()
        rows = self.ui.ticketsView.selectionModel().selectedRows()
        if rows:
            return self.tickets.row_at(rows[0].row())
        return self.tickets.row_at(index.row()) if index.isValid() else None

    def _ticket_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        ticket = self.selected_ticket()
        self.ui.ticketDetail.setHtml(ticket_html(ticket) if ticket else NO_TICKET)
        self._show_buttons()

    def _show_buttons(self) -> None:
        ticket = self.selected_ticket()
        working = self._may_service and ticket is not None and ticket.status != "closed"
        in_service = self.passport is not None and self.passport.status == "in_service"
        self.ui.openTicketButton.setEnabled(self._may_service and self.passport is not None and not in_service)
        for button in (self.ui.logWorkButton, self.ui.swapPartButton, self.ui.closeTicketButton):
            button.setEnabled(working)
        waiting = ticket is not None and ticket.status == "waiting_parts"
        self.ui.waitingButton.setText("Parts arrived" if waiting else "Waiting for parts")
        self.ui.waitingButton.setEnabled(working and ticket is not None and ticket.status in ("open", "waiting_parts"))
        self.ui.doneButton.setEnabled(working and ticket is not None and ticket.status != "done")
        self.ui.foreignButton.setEnabled(self._may_service)

    def ask_open_ticket(self) -> None:
        p = self.passport
        if p is None or not self._may_service:
            return
        ref, desk = f"{p.sku}:{p.serial}", self.services.service_desk
        self._form("Open a service ticket", [Field("problem", "Problem", "lines", required=True,
                                                   placeholder="what the customer reports")],
                   f"{p.product} · {p.serial} · owner: {owner_text(p)}", "Open ticket",
                   lambda v: desk.open_ticket(ref, str(v["problem"])))

    def ask_log_work(self) -> None:
        ticket, desk = self.selected_ticket(), self.services.service_desk
        if ticket is None or ticket.status == "closed":
            return
        self._form(f"Log work on {ticket.number}", [
            Field("text", "What was done", "lines", required=True),
            Field("minutes", "Minutes", "number", minimum=0, maximum=1440, value=15)],
            ticket.problem, "Log work",
            lambda v: desk.log_work(ticket.id, str(v["text"]), int(v["minutes"])))

    def ask_swap_part(self) -> None:
        ticket, desk = self.selected_ticket(), self.services.service_desk
        if ticket is None or ticket.status == "closed":
            return
        self._form(f"Swap a part on {ticket.number}", [
            Field("out", "Part taken out (serial)", required=True),
            Field("into", "Part fitted, from stock (serial)", required=True)],
            "Only parts this product takes (product slot). A removed part of ours goes to quarantine; one we never "
            "had is kept on the ticket only.", "Record swap",
            lambda v: desk.swap_part(ticket.id, out=str(v["out"]), into=str(v["into"])))

    def ask_close_ticket(self) -> None:
        ticket, desk = self.selected_ticket(), self.services.service_desk
        if ticket is None or ticket.status == "closed":
            return
        self._form(f"Close {ticket.number}", [Field("resolution", "Resolution", "lines", required=True,
                                                    placeholder="what was repaired or replaced")],
                   "The unit goes back to its owner.", "Close ticket",
                   lambda v: desk.close_ticket(ticket.id, str(v["resolution"])))

    def toggle_waiting(self) -> None:
        ticket = self.selected_ticket()
        if ticket is not None:
            self.set_ticket_status("open" if ticket.status == "waiting_parts" else "waiting_parts")

    def set_ticket_status(self, status: str) -> None:
        """open ↔ waiting for parts → done (``service_desk.set_status``); closing is Close ticket…"""
        ticket, desk = self.selected_ticket(), self.services.service_desk
        if ticket is None or ticket.status in ("closed", status) or not self._may_service:
            return
        self.call(lambda: desk.set_status(ticket.id, status), self._ticket_saved, self.ui.banner.bad,
                  label="set the ticket status")

    def ask_foreign_unit(self) -> ForeignUnitDialog | None:
        if not self._may_service:
            return None
        dialog = ForeignUnitDialog(self.services, self.runner, self.unknown, self)
        desk = self.services.service_desk

        def opened(ticket: TicketView) -> None:
            dialog.ticket = ticket
            dialog.finish()
            self._ticket_saved(ticket)

        dialog.sig_submitted.connect(lambda v: self.call(
            lambda: desk.open_ticket(str(v["serial"]), str(v["problem"]), customer=str(v["customer"]),
                                     sku=str(v["sku"])), opened, dialog.refuse, label="take in a unit not ours"))
        dialog.open()
        return dialog

    def _ticket_saved(self, ticket: TicketView) -> None:
        """A ticket changed: show its unit again (the passport has a new event) with the ticket chosen."""
        ref, lookup = f"{ticket.sku}:{ticket.serial}", self.services.lookup
        self.call(lambda: lookup.passport(ref), lambda p: self.show_passport(p, keep_ticket=ticket.id),
                  self.ui.banner.bad, label="reload the passport")

    def _form(self, title: str, fields: list[Field], intro: str, ok: str,
              action: Callable[[dict[str, Any]], TicketView]) -> FormDialog:
        """Ask, run the one service call, then show the unit again (its passport has a new event)."""
        dialog = FormDialog(title, fields, intro=intro, ok_text=ok, parent=self)

        def saved(ticket: TicketView) -> None:
            dialog.finish()
            self._ticket_saved(ticket)

        dialog.sig_submitted.connect(lambda values: self.call(lambda: action(values), saved, dialog.refuse,
                                                              label=title))
        dialog.open()
        return dialog
