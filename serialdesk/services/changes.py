"""What changed — here (the commits of this process's services) and elsewhere (another station, the CLI).

``services.changes.on_commit(callback)`` hears every commit of this app's units of work with the
:class:`Changes` it made. Changes made by other processes are found in the ledger: every change writes events,
so a window keeps ``marks()`` and asks ``since(marks)`` now and then — one read-only query on an indexed id
range, never SQLite's write lock — to learn what the new events changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import func, select

from serialdesk.db.models import Event
from serialdesk.domain.changes import (
    CATALOGUE,
    CUSTOMERS,
    DRAFTS,
    LEDGER,
    RECALLS,
    SALES,
    STOCK,
    TICKETS,
    USERS,
    Changes,
)
from serialdesk.services.common import Service

__all__ = ["ChangeMarks", "ChangeService", "Changes", "ChangesSince", "event_changes"]

# What an event says changed, beyond the ledger itself: by its kind, else by what it refers to.
EVENT_KINDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("product_added", "product_changed", "product_part_set", "product_tax_rate_set",
                     "supplier_added", "products_imported",
                     "suppliers_imported"), frozenset({CATALOGUE})),
    **dict.fromkeys(("customer_added", "customers_imported"), frozenset({CUSTOMERS})),
    **dict.fromkeys(("user_added", "user_changed", "user_activated", "pin_changed", "pin_set_at_first_login",
                     "login_failed"), frozenset({USERS})),
    **dict.fromkeys(("receipt_opened", "scanned", "scan_removed", "receipt_cancelled", "receipt_supplier_set"),
                    frozenset({DRAFTS, STOCK})),
    "receipt_posted": frozenset({DRAFTS, STOCK}),
    **dict.fromkeys(("sold", "returned"), frozenset({SALES, STOCK, CUSTOMERS})),
    **dict.fromkeys(("items_imported", "imported"), frozenset({STOCK, CATALOGUE})),
    **dict.fromkeys(("backup_written", "init"), frozenset()),  # nothing a pane shows
}
REF_KINDS: dict[str, str] = {"receipt": DRAFTS, "sale": SALES, "return": SALES, "ticket": TICKETS, "recall": RECALLS,
                          "rma": STOCK}
EVENT_PREFIXES: dict[str, str] = {"ticket_": TICKETS, "recall": RECALLS, "receipt_": DRAFTS, "transfer_": STOCK,
                                  "po_": DRAFTS, "location_": CATALOGUE, "rma_": STOCK, "shop_": CATALOGUE}

LATE_WINDOW = {"sqlite": 0}  # ids below the highest that may still commit late (PostgreSQL: sequences)
DEFAULT_LATE_WINDOW = 200
MOST = 2000  # more new events than this at once (an import, a restore): everything changed


def event_changes(kind: str, item_id: int | None = None, ref_type: str | None = None,
                  status_to: str | None = None) -> Changes:
    """What one ledger event says changed. An event this table does not know and that names no unit or
    record counts as everything (a restored backup, an event kind added later)."""
    kinds: set[str] = {LEDGER}
    known = EVENT_KINDS.get(kind)
    if known is not None:
        kinds |= known
    if item_id is not None or status_to is not None:
        kinds.add(STOCK)
    if ref_type in REF_KINDS:
        kinds.add(REF_KINDS[ref_type])
    kinds |= {found for prefix, found in EVENT_PREFIXES.items() if kind.startswith(prefix)}
    if known is None and kinds == {LEDGER}:
        return Changes.everything(events=1)
    return Changes(frozenset(kinds), 1)


@dataclass(frozen=True)
class ChangeMarks:
    """How far a reader has seen the ledger: the highest event id, and the ids seen just below it (on
    PostgreSQL a transaction that took a lower id may commit after a higher one)."""

    last: int = 0
    recent: frozenset[int] = frozenset()


@dataclass(frozen=True)
class ChangesSince:
    changes: Changes  # what the new events changed (``changes.events``: how many there were)
    marks: ChangeMarks  # where to ask from next time


class ChangeService(Service):
    """Read-only: anyone signed in may ask what changed."""

    def on_commit(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        """Call ``listener(changes)`` after each commit of this app's services that changed something — on the
        thread that committed. Returns a function that stops it."""
        return self.uows.on_commit(listener)

    def _window(self) -> int:
        return LATE_WINDOW.get(self.uows.engine.dialect.name, DEFAULT_LATE_WINDOW)

    def marks(self) -> ChangeMarks:
        """Where the ledger is now (start here, then ask ``since``)."""
        window = self._window()
        with self.uows.reading() as uow:
            last = uow.session.scalar(select(func.max(Event.id))) or 0
            recent: list[int] = (list(uow.session.scalars(select(Event.id).where(Event.id > last - window)))
                                 if window else [])
            return ChangeMarks(last, frozenset(recent))

    def since(self, marks: ChangeMarks) -> ChangesSince:
        """What the events written since ``marks`` changed, and the marks to ask from next."""
        window = self._window()
        query = (select(Event.id, Event.kind, Event.item_id, Event.ref_type, Event.status_to)
                 .where(Event.id > marks.last - window).order_by(Event.id).limit(MOST + len(marks.recent) + 1))
        with self.uows.reading() as uow:
            rows = [row for row in uow.session.execute(query) if row.id > marks.last or
                    (row.id not in marks.recent)]
        if len(rows) > MOST:
            fresh = self.marks()
            return ChangesSince(Changes.everything(events=len(rows)), fresh)
        if not rows:
            return ChangesSince(Changes(), marks)
        changes = Changes.union_of(event_changes(r.kind, r.item_id, r.ref_type, r.status_to) for r in rows)
        return ChangesSince(changes, _advance(marks, (r.id for r in rows), window))


def _advance(marks: ChangeMarks, ids: Iterable[int], window: int) -> ChangeMarks:
    seen = set(marks.recent) | set(ids)
    last = max(seen | {marks.last})
    return ChangeMarks(last, frozenset(i for i in seen if i > last - window) if window else frozenset())
