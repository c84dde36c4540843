"""The item status machine (DESIGN §2): which moves a unit may make, and why not when it may not."""

from __future__ import annotations

from enum import StrEnum

from serialdesk.domain.errors import DomainError


class ItemStatus(StrEnum):
    RECEIVING = "receiving"  # scanned into a draft receipt, not yet posted
    IN_STOCK = "in_stock"
    SOLD = "sold"
    IN_SERVICE = "in_service"
    RETURNED = "returned"  # transient: a return always ends in a disposition
    QUARANTINED = "quarantined"
    SCRAPPED = "scrapped"
    RECALLED = "recalled"
    FITTED = "fitted"  # a serialised part built into another unit during a repair
    CUSTOMER_OWNED = "customer_owned"  # a unit not sold by us, known because it came in for service
    AT_SUPPLIER = "at_supplier"  # sent back to the supplier (RMA) for repair, replacement or credit


S = ItemStatus

TRANSITIONS: dict[ItemStatus, frozenset[ItemStatus]] = {
    S.RECEIVING: frozenset({S.IN_STOCK}),
    S.IN_STOCK: frozenset({S.SOLD, S.QUARANTINED, S.SCRAPPED, S.FITTED, S.AT_SUPPLIER}),
    S.SOLD: frozenset({S.IN_SERVICE, S.RETURNED, S.RECALLED}),
    # Back to whoever owns it: our customer (sold) or the owner of a unit we never sold.
    S.IN_SERVICE: frozenset({S.SOLD, S.CUSTOMER_OWNED}),
    S.RETURNED: frozenset({S.IN_STOCK, S.QUARANTINED, S.SCRAPPED}),
    # A quarantined unit is either released back to stock after inspection or scrapped.
    S.QUARANTINED: frozenset({S.IN_STOCK, S.SCRAPPED, S.AT_SUPPLIER}),
    S.SCRAPPED: frozenset(),
    # A recalled unit comes back from the customer like any return, or is repaired on a ticket; once its recall
    # lines are cleared or repaired where the customer has it, it is simply theirs again (sold).
    S.RECALLED: frozenset({S.RETURNED, S.IN_SERVICE, S.SOLD}),
    # A part taken out again on a later repair is set aside (for the supplier) or scrapped; a part of a unit
    # disassembled here goes back into stock (or quarantine).
    S.FITTED: frozenset({S.IN_STOCK, S.QUARANTINED, S.SCRAPPED}),
    S.CUSTOMER_OWNED: frozenset({S.IN_SERVICE}),
    # Back from the supplier repaired (into stock), or written off there.
    S.AT_SUPPLIER: frozenset({S.IN_STOCK, S.SCRAPPED}),
}

# What the unit *is* now, in the clerk's words, used to explain a refusal.
_STATE_PHRASE: dict[ItemStatus, str] = {
    S.RECEIVING: "is still on a draft receipt (not yet posted)",
    S.IN_STOCK: "is in stock",
    S.SOLD: "was sold",
    S.IN_SERVICE: "is in the service workshop",
    S.RETURNED: "is being returned",
    S.QUARANTINED: "is in quarantine",
    S.SCRAPPED: "was scrapped",
    S.RECALLED: "is under recall",
    S.FITTED: "is fitted as a part in another unit",
    S.CUSTOMER_OWNED: "is a customer's unit not sold by us",
    S.AT_SUPPLIER: "was sent back to the supplier",
}

# What the user tried to do, for the message.
_ACTION_PHRASE: dict[ItemStatus, str] = {
    S.IN_STOCK: "put into stock",
    S.SOLD: "sold",
    S.IN_SERVICE: "taken in for service",
    S.RETURNED: "returned",
    S.QUARANTINED: "quarantined",
    S.SCRAPPED: "scrapped",
    S.RECALLED: "recalled",
    S.RECEIVING: "received",
    S.FITTED: "fitted as a part",
    S.CUSTOMER_OWNED: "handed back to its owner",
    S.AT_SUPPLIER: "sent back to the supplier",
}


def can_move(current: ItemStatus, target: ItemStatus) -> bool:
    return target in TRANSITIONS[current]


def state_phrase(status: ItemStatus) -> str:
    return _STATE_PHRASE[status]


def check_move(
    current: ItemStatus | str, target: ItemStatus | str, unit: str, situation: str | None = None
) -> ItemStatus:
    """Return ``target`` if ``current → target`` is legal, else raise a DomainError naming the unit.

    ``situation`` replaces the plain state phrase with the facts, e.g. "was sold on 3 Mar 2026 to Jane Smith
    (C-0012)"; the message then reads "Serial X was sold on … — it cannot be sold again."
    """
    cur, tgt = ItemStatus(current), ItemStatus(target)
    if tgt in TRANSITIONS[cur]:
        return tgt
    again = " again" if cur == tgt or (cur, tgt) == (S.SOLD, S.SOLD) else ""
    message = f"Serial {unit} {situation or _STATE_PHRASE[cur]} — it cannot be {_ACTION_PHRASE[tgt]}{again}."
    raise DomainError(message, code=f"cannot_move_{cur}_to_{tgt}", unit=unit, status=str(cur))
