"""What a service call changed, as a value: a frozen set of kinds (Anki's ``OpChanges`` is the model).

The unit of work works it out from what the transaction actually wrote (db/uow.py) and tells whoever listens
after the commit; the GUI hands one ``Changes`` to every pane, which reloads what it shows if it is touched.
Pure Python: the domain knows no database; the db layer maps its tables to these kinds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

CATALOGUE = "catalogue"  # products, their parts, suppliers, serial sequences
CUSTOMERS = "customers"
STOCK = "stock"  # units and lots: what is on the shelf, sold, in service, scrapped …
SALES = "sales"  # sales and returns
DRAFTS = "drafts"  # receipts (open drafts, posted and cancelled ones) and their lines
TICKETS = "tickets"  # service tickets, their work log and part swaps
RECALLS = "recalls"
USERS = "users"
LEDGER = "ledger"  # the event history every change writes into (audit, timelines, reports)

KINDS: frozenset[str] = frozenset({CATALOGUE, CUSTOMERS, STOCK, SALES, DRAFTS, TICKETS, RECALLS, USERS, LEDGER})


@dataclass(frozen=True)
class Changes:
    """A frozen set of kinds of data that changed. Empty (falsy) for a call that changed nothing.

    ``events``: how many ledger rows the change wrote (the GUI uses it to tell its own commits from other
    stations' in the ledger); it is not part of the value's identity."""

    kinds: frozenset[str] = frozenset()
    events: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        unknown = set(self.kinds) - KINDS
        if unknown:
            raise ValueError(f"unknown kinds of change: {sorted(unknown)}")

    @classmethod
    def of(cls, *kinds: str, events: int = 0) -> Changes:
        return cls(frozenset(kinds), events)

    @classmethod
    def none(cls) -> Changes:
        return cls()

    @classmethod
    def everything(cls, events: int = 0) -> Changes:
        """When what changed cannot be told (raw SQL, a table nobody mapped, a restored backup)."""
        return cls(KINDS, events)

    @classmethod
    def union_of(cls, many: Iterable[Changes]) -> Changes:
        result = cls()
        for one in many:
            result = result | one
        return result

    def touches(self, *kinds: str) -> bool:
        """Whether any of ``kinds`` changed (``changes.touches("stock", "catalogue")``)."""
        unknown = set(kinds) - KINDS
        if unknown:
            raise ValueError(f"unknown kinds of change: {sorted(unknown)}")
        return not self.kinds.isdisjoint(kinds)

    @property
    def is_everything(self) -> bool:
        return self.kinds == KINDS

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.events + other.events)

    def __sub__(self, other: Changes) -> Changes:
        return Changes(self.kinds - other.kinds, max(0, self.events - other.events))

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __contains__(self, kind: object) -> bool:
        return kind in self.kinds

    def __repr__(self) -> str:
        return f"Changes({', '.join(sorted(self.kinds)) or 'nothing'})"
