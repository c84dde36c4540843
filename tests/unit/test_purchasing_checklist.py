"""The Purchasing pane's rules without Qt (workflows.purchasing): the checklist says which rows changed, what is
due this week and what is overdue."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from serialdesk.services.dto.supply import PoLineView, PurchaseOrderView
from serialdesk.workflows.purchasing import (
    MISSING,
    NOT_ON_NOTICE,
    RECEIVED,
    CheckLine,
    Checklist,
    due_lines,
    next_due,
    overdue,
)

NOW = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)


def order(number: str = "PO-0001", *, received: tuple[str, ...] = (), missing: tuple[str, ...] = (),
          lines: tuple[PoLineView, ...] = (), status: str = "open") -> PurchaseOrderView:
    return PurchaseOrderView(1, number, "Velo AG", status, "admin", NOW, lines, sum(ln.ordered for ln in lines),
                             sum(ln.received for ln in lines), len(received) + len(missing), received, missing)


def line(ordered: int, received: int, due_in_days: int | None) -> PoLineView:
    due = NOW + timedelta(days=due_in_days) if due_in_days is not None else None
    return PoLineView("BIKE", "Bike", ordered, received, Decimal("410.00"), due)


def test_the_same_po_again_changes_only_the_rows_that_changed() -> None:
    serials = tuple(f"B:{n}" for n in range(5))
    checklist = Checklist()
    checklist.reset(order(missing=serials))
    assert [c.state for c in checklist.rows] == [MISSING] * 5
    changed, added = checklist.update(order(received=("B:3", "B:1"), missing=("B:0", "B:2", "B:4")), ["B:9"])
    assert sorted(changed) == [1, 3] and added == [CheckLine("B:9", NOT_ON_NOTICE)]
    assert [c.serial for c in checklist.rows] == [*serials, "B:9"]  # the notice's order, kept
    assert checklist.counts() == {RECEIVED: 2, MISSING: 3, NOT_ON_NOTICE: 1}
    assert checklist.update(order(received=("B:3", "B:1"), missing=("B:0", "B:2", "B:4")), ["B:9"]) == ([], [])


def test_what_is_due_this_week_and_what_is_overdue() -> None:
    late = order("PO-0001", lines=(line(10, 4, -2), line(5, 5, -10)))
    soon = order("PO-0002", lines=(line(3, 0, 6), line(2, 0, 9), line(1, 0, None)))
    gone = order("PO-0003", lines=(line(3, 0, -1),), status="cancelled")
    due = due_lines([soon, late, gone], NOW)
    assert [(d.po, d.left, d.overdue) for d in due] == [("PO-0001", 6, True), ("PO-0002", 3, False)]
    assert overdue(late, NOW) and not overdue(soon, NOW) and not overdue(gone, NOW)
    assert next_due(late) == NOW - timedelta(days=2) and next_due(soon) == NOW + timedelta(days=6)
