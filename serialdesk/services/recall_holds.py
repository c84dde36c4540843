"""Recall holds: a unit on an open recall line stays off sale and out of stock until the line is resolved.

A line holds its unit while it is not dealt with, and also when it was resolved as *replaced* or *refunded*
(the unit came back to us, still suspect). Only *cleared* or *repaired* lets it back on sale; *scrapped*
scraps it. Sales, releases, returns and moves call :func:`refuse_held` inside their own transaction."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.orm import Session

from serialdesk.db.models import Item, Recall, RecallItem
from serialdesk.domain.errors import DomainError
from serialdesk.domain.products import record_number
from serialdesk.domain.recalls import STILL_HELD
from serialdesk.domain.status import ItemStatus
from serialdesk.domain.text import listing
from serialdesk.services.dto import RecallHold
from serialdesk.services.parts import parts_down, unit_label
from serialdesk.services.plans import among_ids


def holding(line: type[RecallItem] = RecallItem) -> ColumnElement[bool]:
    """SQL condition: this recall line still holds its unit."""
    return or_(line.resolved_at.is_(None), line.resolution.in_(STILL_HELD))


def holds_on(s: Session, item_ids: Iterable[int],
             inside: dict[int, list[int]] | None = None) -> dict[int, list[RecallHold]]:
    """The recall lines holding each of these units (units without a hold are absent), oldest recall first.

    A unit is also held by the lines on the parts sitting in it, at any depth (a bike whose battery is
    recalled); those holds name the part (``RecallHold.part``). ``inside``: those parts (of the units that
    may be held through theirs) when the caller walked them already, as ``parts_down`` gives them."""
    wanted = sorted(set(item_ids))
    inside = parts_down(s, wanted) if inside is None else inside
    own = _lines(s, set(wanted) | {p for parts in inside.values() for p in parts})
    found: dict[int, list[RecallHold]] = {}
    for item_id in wanted:
        held = list(own.get(item_id, ()))
        for part_id in inside.get(item_id, ()):
            held += [dataclasses.replace(h, part=unit_label(s, part_id)) for h in own.get(part_id, ())]
        if held:
            found[item_id] = sorted(held, key=lambda h: h.recall_id)
    return found


def _lines(s: Session, item_ids: set[int]) -> dict[int, list[RecallHold]]:
    found: dict[int, list[RecallHold]] = {}
    for wanted in among_ids(s, RecallItem.item_id, sorted(item_ids)):
        rows = s.execute(select(RecallItem.item_id, Recall.id, Recall.reason, Recall.created_at,
                                RecallItem.resolution)
                         .join(Recall, Recall.id == RecallItem.recall_id)
                         .where(wanted, holding()).order_by(Recall.id))
        for item_id, recall_id, reason, since, resolution in rows:
            found.setdefault(item_id, []).append(
                RecallHold(recall_id, record_number("recall", recall_id), reason, since, resolution))
    return found


def hold_sentence(holds: Sequence[RecallHold]) -> str | None:
    """'ON RECALL RC-0001 (Battery contacts may overheat): do not sell, release or put into stock until the
    recall line is resolved.' — None when nothing holds the unit."""
    if not holds:
        return None
    # One recall holding two parts of the unit (two cells of a pack) is named once.
    named = listing(list(dict.fromkeys(
        f"{h.recall} ({h.reason}" + (f"; {h.resolution}, still held" if h.resolution else "") + ")" for h in holds)))
    return (f"ON RECALL {named}: do not sell, release or put into stock until the recall line is resolved as "
            f"cleared or repaired.")


def refuse_held(s: Session, units: Sequence[tuple[int, str]], doing: str,
                holds: dict[int, list[RecallHold]] | None = None) -> None:
    """Raise a DomainError when any unit (item id, serial) is held by a recall; ``doing`` is e.g. 'sold'.
    ``holds``: ``holds_on`` of (at least) these units, when the caller read them already."""
    holds = holds_on(s, [item_id for item_id, _ in units]) if holds is None else holds
    for item_id, serial in units:
        if item_id in holds:
            first = holds[item_id][0]
            if first.part is not None:  # held through a part sitting in it
                raise DomainError(
                    f"Serial {serial} contains {first.part}, which is on open recall {first.recall} "
                    f"({first.reason}) — it cannot be {doing} until that recall line is resolved as cleared or "
                    f"repaired (recall-resolve {first.recall} {first.part.split(':', 1)[1]} --as cleared|repaired) "
                    f"or the part is swapped out.",
                    code="recall_hold", serial=serial, recalls=[h.recall for h in holds[item_id]], part=first.part)
            raise DomainError(
                f"Serial {serial} is on open recall {listing([h.recall for h in holds[item_id]])} "
                f"({first.reason}) — it cannot be {doing} until the recall line is resolved as cleared or "
                f"repaired (recall-resolve {first.recall} {serial} --as cleared|repaired).",
                code="recall_hold", serial=serial, recalls=[h.recall for h in holds[item_id]])


def return_target(s: Session, item: Item, target: ItemStatus) -> tuple[ItemStatus, str | None]:
    """Where a returned unit goes: a unit on an open recall goes to quarantine whatever was asked, and says so."""
    holds = holds_on(s, [item.id]).get(item.id)
    if not holds or target is ItemStatus.QUARANTINED:
        return target, None
    recalls = listing([h.recall for h in holds])
    return ItemStatus.QUARANTINED, (f"Serial {item.serial} is on open recall {recalls}: it went to quarantine, "
                                    f"not {target.value.replace('_', ' ')}, until the recall line is resolved.")


def follow_owner(s: Session, item_id: int, customer_id: int | None) -> None:
    """The unit changed hands (sold, returned, handed in): its open recall lines, and those of the parts sitting
    in it, name the new holder."""
    ids = [item_id, *parts_down(s, [item_id]).get(item_id, ())]
    s.execute(update(RecallItem).where(RecallItem.item_id.in_(ids), holding())
              .values(customer_id=customer_id).execution_options(synchronize_session=False))
