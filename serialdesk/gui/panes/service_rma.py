"""The service pane's claim on the supplier (issue 15): for a ticket on a unit under the supplier's warranty, a
"Claim from supplier (RMA)…" action opens an RMA (claim number, notes); and both warranties — ours to the customer
and the supplier's to us — with days left, under the ticket shown."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any, Protocol

from PySide6.QtWidgets import QPushButton

from serialdesk.gui.formats import local_day
from serialdesk.gui.widgets.form_dialog import Field, FormDialog
from serialdesk.services.dto import ItemPassport, TicketView
from serialdesk.services.dto.rma import RmaView


class RmaHost(Protocol):
    """What the claim needs of the service pane (the pane itself; a Protocol so this helper imports no pane)."""

    ui: Any
    session: Any
    services: Any
    passport: ItemPassport | None

    def shortcut(self, keys: str, slot: Callable[[], object]) -> Any: ...

    def call(self, fn: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[str], None],
             *, label: str) -> Any: ...

    def show_passport(self, p: ItemPassport, *, keep_ticket: int | None = None) -> Any: ...

SHORTCUT = "Ctrl+Shift+M"
WAITING = ("open", "sent")


def warranties_html(p: ItemPassport | None) -> str:
    """Both warranties in one paragraph, each with its end date and days left (or when it ended)."""
    if p is None:
        return ""
    return (f"<p><b>Our warranty to the customer:</b> {escape(_ours(p))}<br>"
            f"<b>The supplier's warranty to us:</b> {escape(_suppliers(p))}</p>")


def _ours(p: ItemPassport) -> str:
    if p.warranty_until is None:
        return "none on record"
    if p.warranty_status == "in_warranty":
        return f"until {local_day(p.warranty_until)} ({p.warranty_days_left} days left)"
    return f"ended {local_day(p.warranty_until)}"


def _suppliers(p: ItemPassport) -> str:
    who = f"{p.supplier}, " if p.supplier else ""
    if p.supplier_warranty_until is None:
        return "none on record"
    if p.supplier_warranty_status == "in_warranty":
        return f"{who}until {local_day(p.supplier_warranty_until)} ({p.supplier_warranty_days_left} days left)"
    return f"{who}ended {local_day(p.supplier_warranty_until)}"


def waiting_claim(p: ItemPassport | None) -> RmaView | None:
    """The unit's claim still waiting for the supplier (open or sent), if any."""
    if p is None:
        return None
    return next((r for r in p.rmas if r.state in WAITING and r.serial == p.serial), None)


class RmaAction:
    """The button under the ticket's buttons, and the form it opens."""

    def __init__(self, pane: RmaHost) -> None:
        self.pane = pane
        self.button = QPushButton("Claim from supplier (RMA)…", pane)
        self.button.setObjectName("rmaButton")
        self.button.setToolTip(f"Claim this unit from its supplier under their warranty to us ({SHORTCUT})")
        pane.ui.ticketButtons.addWidget(self.button, 3, 0, 1, 2)
        self.button.clicked.connect(self.ask)
        pane.shortcut(SHORTCUT, self.ask)
        self.refresh()

    def offered(self) -> bool:
        """A ticket chosen, still open, on a unit under the supplier's warranty, not claimed already."""
        t: TicketView | None = self.pane.session.ticket
        return (t is not None and t.rma_possible and t.status != "closed" and self.pane.session.may_service
                and waiting_claim(self.pane.passport) is None)

    def refresh(self) -> None:
        ticket, claim = self.pane.session.ticket, waiting_claim(self.pane.passport)
        self.button.setVisible(ticket is not None and ticket.rma_possible)
        self.button.setEnabled(self.offered())
        if claim is not None:
            self.button.setText(f"Claimed: {claim.number} ({claim.state})")
        else:
            self.button.setText("Claim from supplier (RMA)…")

    def ask(self) -> FormDialog | None:
        ticket = self.pane.session.ticket
        if ticket is None or not self.offered():
            return None
        dialog = FormDialog(
            f"Claim {ticket.serial} from the supplier",
            [Field("claim", "Supplier's claim number", placeholder="if they gave one already"),
             Field("notes", "Notes for the supplier", "lines", placeholder="the fault, what was tried")],
            intro=f"{ticket.number} · {ticket.supplier_warranty}. The claim is opened now; when the unit leaves, "
                  f"send it (rma send); the supplier's credit or replacement settles it.",
            ok_text="Open RMA", parent=self.pane)

        def submitted(values: dict[str, Any]) -> None:
            claim, notes = str(values.get("claim") or ""), str(values.get("notes") or "")
            rma = self.pane.services.rma

            def opened(found: RmaView) -> None:
                dialog.finish()
                pane = self.pane

                def shown(p: ItemPassport) -> None:  # the passport has a new event and the claim
                    pane.show_passport(p, keep_ticket=ticket.id)
                    pane.ui.banner.good(f"{found.number} opened: {found.sku}:{found.serial} goes back to "
                                        f"{found.supplier} when it is sent.")

                pane.call(pane.session.ticket_done(ticket), shown, pane.ui.banner.bad, label="reload the passport")

            self.pane.call(lambda: rma.open_rma(ticket.number, claim_no=claim or None, notes=notes or None),
                           opened, dialog.refuse, label="open an RMA")

        dialog.sig_submitted.connect(submitted)
        dialog.open()
        return dialog
