"""The Purchasing pane's tables: orders, a PO's lines, what is due, and the expected-serials checklist (a model
updated row by row — a 2,000-serial notice repaints the rows a receipt ticked off, nothing else)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from serialdesk.gui.formats import money
from serialdesk.gui.models.table import RIGHT, Column, RowsModel
from serialdesk.services.dto.supply import PoLineView, PurchaseOrderView
from serialdesk.workflows.purchasing import (
    MISSING,
    NOT_ON_NOTICE,
    RECEIVED,
    STATUS_TEXT,
    CheckLine,
    Checklist,
    DueLine,
    next_due,
    overdue,
)

_STATE_TONES = {RECEIVED: "good", MISSING: "warn", NOT_ON_NOTICE: "bad"}
_STATE_NOTES = {RECEIVED: "On the supplier's notice, and received",
                MISSING: "On the supplier's notice, not received yet",
                NOT_ON_NOTICE: "Received against this order, but the supplier's notice did not list it"}
_STATUS_TONES = {"open": None, "partly_received": "warn", "closed": "good", "cancelled": "muted"}


def day(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d") if moment is not None else "—"


def _stamp(moment: datetime | None) -> float:
    return moment.timestamp() if moment is not None else float("inf")


def order_columns(now: Callable[[], datetime]) -> tuple[Column[PurchaseOrderView], ...]:
    def due_text(o: PurchaseOrderView) -> str:
        return day(next_due(o)) + ("  overdue" if overdue(o, now()) else "")

    return (
        Column("PO", lambda o: o.number, sort=lambda o: o.id),
        Column("Supplier", lambda o: o.supplier),
        Column("Status", lambda o: STATUS_TEXT.get(o.status, o.status), tone=lambda o: _STATUS_TONES.get(o.status)),
        Column("Received", lambda o: f"{o.received} of {o.ordered}", sort=lambda o: (o.received, o.ordered),
               align=RIGHT),
        Column("Notice", lambda o: f"{o.expected} serials" if o.expected else "—", sort=lambda o: o.expected,
               align=RIGHT),
        Column("Due", due_text, sort=lambda o: _stamp(next_due(o)),
               tone=lambda o: "bad" if overdue(o, now()) else None,
               tooltip=lambda o: "Overdue: a line still to come was due before today" if overdue(o, now()) else ""),
    )


LINE_COLUMNS: tuple[Column[PoLineView], ...] = (
    Column("SKU", lambda ln: ln.sku),
    Column("Product", lambda ln: ln.product),
    Column("Ordered", lambda ln: str(ln.ordered), sort=lambda ln: ln.ordered, align=RIGHT),
    Column("Received", lambda ln: str(ln.received), sort=lambda ln: ln.received, align=RIGHT,
           tone=lambda ln: "bad" if ln.received > ln.ordered else ("good" if ln.received == ln.ordered else None)),
    Column("Unit cost", lambda ln: money(ln.unit_cost), sort=lambda ln: ln.unit_cost, align=RIGHT),
    Column("Due", lambda ln: day(ln.due), sort=lambda ln: ln.due.timestamp() if ln.due else 0.0),
)

DUE_COLUMNS: tuple[Column[DueLine], ...] = (
    Column("Due", lambda d: day(d.due) + ("  overdue" if d.overdue else ""), sort=lambda d: d.due.timestamp(),
           tone=lambda d: "bad" if d.overdue else "warn"),
    Column("PO", lambda d: d.po),
    Column("Supplier", lambda d: d.supplier),
    Column("SKU", lambda d: d.sku),
    Column("Product", lambda d: d.product),
    Column("Still to come", lambda d: str(d.left), sort=lambda d: d.left, align=RIGHT),
)

CHECK_COLUMNS: tuple[Column[CheckLine], ...] = (
    Column("Serial", lambda c: c.serial),
    Column("State", lambda c: c.state, tone=lambda c: _STATE_TONES[c.state], tooltip=lambda c: _STATE_NOTES[c.state]),
)


class ChecklistModel(RowsModel[CheckLine]):
    """The expected-serials checklist of the PO shown: the same PO again changes the rows that changed
    (``dataChanged`` on each) and appends new ones; another PO resets."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(CHECK_COLUMNS, parent)
        self.list = Checklist()
        self.resets = 0  # how many times the whole list was rebuilt (a test checks a receipt does not)

    def show_order(self, order: PurchaseOrderView, not_on_notice: tuple[str, ...] = ()) -> list[int]:
        """Show ``order``'s checklist; the rows that changed in place (none when the list was rebuilt)."""
        if self.list.po != order.number:
            self.list.reset(order, not_on_notice)
            self.resets += 1
            self.set_rows(self.list.rows)
            return []
        changed, added = self.list.update(order, not_on_notice)
        for row in changed:
            self.replace(row, self.list.rows[row])
        for line in added:
            self.append(line)
        return changed

    def clear_order(self) -> None:
        self.list = Checklist()
        self.set_rows([])
