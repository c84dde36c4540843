"""Changes as a value (domain) and what one ledger event says changed (services)."""

from __future__ import annotations

import pytest

from serialdesk.domain.changes import KINDS, Changes
from serialdesk.services.changes import event_changes


def test_touches_union_and_nothing() -> None:
    stock, catalogue = Changes.of("stock"), Changes.of("catalogue")
    both = stock | catalogue
    assert both.touches("stock") and both.touches("catalogue", "users") and not both.touches("users")
    assert both == Changes.of("catalogue", "stock") and not Changes.none() and both
    assert Changes.union_of([stock, catalogue, Changes()]) == both
    assert (both - stock) == catalogue


def test_everything_touches_every_kind() -> None:
    assert all(Changes.everything().touches(kind) for kind in KINDS)
    assert Changes.everything().is_everything and not Changes.of("stock").is_everything


def test_an_unknown_kind_is_a_mistake_not_nothing() -> None:
    with pytest.raises(ValueError, match="stok"):
        Changes.of("stok")
    with pytest.raises(ValueError, match="stok"):
        Changes.of("stock").touches("stok")


def test_the_event_count_adds_up_but_is_not_part_of_the_value() -> None:
    assert (Changes.of("stock", events=2) | Changes.of("stock", events=3)).events == 5
    assert Changes.of("stock", events=2) == Changes.of("stock", events=7)


@pytest.mark.parametrize(("kind", "item", "ref", "expected"), [
    ("product_added", None, None, {"catalogue", "ledger"}),
    ("customer_added", None, None, {"customers", "ledger"}),
    ("sold", 7, "sale", {"sales", "stock", "customers", "ledger"}),
    ("ticket_opened", 7, "ticket", {"tickets", "stock", "ledger"}),
    ("recall_started", None, "recall", {"recalls", "ledger"}),
    ("quarantined", 7, None, {"stock", "ledger"}),  # a status move nobody listed: its unit says stock
    ("user_added", None, None, {"users", "ledger"}),
    ("backup_written", None, None, {"ledger"}),
])
def test_what_an_event_says_changed(kind: str, item: int | None, ref: str | None, expected: set[str]) -> None:
    assert event_changes(kind, item, ref).kinds == expected


def test_an_event_nobody_knows_changed_everything() -> None:
    assert event_changes("restored").is_everything
    assert event_changes("something_new_in_2027").is_everything


def test_every_table_of_the_schema_says_what_it_holds() -> None:
    """A table missing from the map makes every write to it 'everything changed' (every pane reloads): each
    table a migration adds must be named in db/changes.py."""
    from serialdesk.db.changes import TABLE_KINDS
    from serialdesk.db.models import Base

    assert sorted(set(Base.metadata.tables) - set(TABLE_KINDS)) == []
