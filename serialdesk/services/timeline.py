"""Time in a unit's history: a claimed date must not lie in the future, and a status move must come after the
unit's latest move. Each unit's history is then one ordered sequence, whatever dates the clerk types."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from serialdesk.db.models import Event, Item
from serialdesk.domain.errors import DomainError
from serialdesk.domain.products import record_number
from serialdesk.domain.text import day

# A station's clock may run a little ahead of the server's; more than this is a typed date in the future.
FUTURE_SLACK = timedelta(minutes=5)
# An event whose claimed time is this much earlier than when it was written is shown as back-dated.
BACKDATED_AFTER = timedelta(minutes=10)
# A later move written within this long of "now" was made while this action ran (another station won the unit):
# it is said as that, not as a date before the unit's history.
MOVED_MEANWHILE = timedelta(seconds=60)

# What the earlier event did to the unit, for the refusal ("ORD1 was returned on 1 Mar 2026 …").
_DONE = {
    "scanned": "was scanned onto a draft receipt", "generated": "got its serial on a draft receipt",
    "received": "was received", "sold": "was sold", "returned": "was returned",
    "registered_foreign": "was registered at the service desk", "ticket_opened": "was taken in for service",
    "ticket_closed": "was handed back from service", "part_fitted": "was fitted as a part",
    "part_removed": "was taken out as a part", "recalled": "was recalled",
    "quarantined_by_recall": "was quarantined by a recall", "quarantined": "was set aside in quarantine",
    "released": "was released from quarantine", "scrapped": "was scrapped",
    "sent_to_supplier": "was sent back to the supplier", "back_from_supplier": "came back from the supplier",
}


def aware(moment: datetime | None, default: datetime) -> datetime:
    if moment is None:
        return default
    if moment.tzinfo is None:
        raise DomainError("A time without a time zone was given.", code="naive_time")
    return moment.astimezone(UTC)


# The change being refused, by the kind of event it would write ("quarantine dated 3 Mar 2026 …").
_DOING = {"quarantined": "quarantine", "released": "a release from quarantine", "scrapped": "scrapping",
          "sent_to_supplier": "sending it to the supplier", "back_from_supplier": "its return from the supplier"}


def action_for(kind: str) -> str:
    return _DOING.get(kind, kind.replace("_", " "))


def claimed_time(clock: Callable[[], datetime], at: datetime | None, action: str) -> datetime:
    """The moment an action is recorded at: ``at`` (aware, in UTC) or now; refused when in the future."""
    now = clock()
    when = aware(at, now)
    if when > now + FUTURE_SLACK:
        raise DomainError(
            f"{_capital(action)} dated {_moment(when, now)} would be in the future (it is now {_moment(now, when)}); "
            f"record it when it happens.", code="date_in_future", at=when.isoformat())
    return when


def refuse_out_of_order(s: Session, item_ids: Sequence[int | None] | Select[tuple[int]], when: datetime,
                        action: str) -> None:
    """Refuse ``action`` at ``when`` if any of these units (ids, or a SELECT of ids) has a status move after
    ``when``: inserting a move into the past would make the history contradict itself. Set-based: one indexed
    query per 500 units (or one for a SELECT)."""
    if isinstance(item_ids, Select) and s.get_bind().dialect.name == "postgresql":
        # Without statistics PostgreSQL reads the whole ledger for IN (SELECT …): the ids first, then by index.
        item_ids = list(s.scalars(item_ids))
    if isinstance(item_ids, Select):
        late = s.scalar(select(Event.item_id).where(Event.item_id.in_(item_ids), Event.status_to.is_not(None),
                                                    Event.at > when).limit(1))
        if late is not None:
            _refuse(s, late, when, action)
        return
    ids = sorted({i for i in item_ids if i is not None})
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        late = s.scalar(
            select(Event.item_id).where(Event.item_id.in_(part), Event.status_to.is_not(None), Event.at > when)
            .order_by(Event.item_id).limit(1))
        if late is not None:
            _refuse(s, late, when, action)


def latest_move(s: Session, item_id: int) -> Event | None:
    """The unit's latest status move in time (ties: the later written)."""
    return s.scalar(select(Event).where(Event.item_id == item_id, Event.status_to.is_not(None))
                    .order_by(Event.at.desc(), Event.id.desc()).limit(1))


def is_backdated(at: datetime, recorded_at: datetime | None) -> bool:
    return recorded_at is not None and recorded_at - at > BACKDATED_AFTER


def _refuse(s: Session, item_id: int, when: datetime, action: str) -> None:
    event = latest_move(s, item_id)
    assert event is not None  # the query above found one
    serial = s.scalar(select(Item.serial).where(Item.id == item_id)) or event.serial or f"item {item_id}"
    done = _DONE.get(event.kind, f"had '{event.kind.replace('_', ' ')}' recorded")
    ref = _ref(event)
    if event.recorded_at is not None and abs(event.recorded_at - when) <= MOVED_MEANWHILE:
        raise DomainError(
            f"{serial} {done} a moment ago{f' ({ref})' if ref else ''}"
            f"{f' by {event.by_user}' if event.by_user else ''}, while {action} was being saved; nothing was "
            "saved — look it up and scan again.",
            code="moved_meanwhile", serial=serial, event_id=event.id)
    raise DomainError(
        f"{serial} {done} on {_moment(event.at, when)}{f' ({ref})' if ref else ''}; "
        f"{action} dated {_moment(when, event.at)} would come before that.",
        code="date_before_history", serial=serial, event_id=event.id)


def _ref(event: Event) -> str | None:
    data = event.data or {}
    if event.kind == "returned" and data.get("sale"):
        return f"return of {data['sale']}"
    if event.ref_type is None or event.ref_id is None:
        return None
    try:
        return record_number(event.ref_type, event.ref_id)
    except KeyError:
        return None


def _moment(moment: datetime, other: datetime) -> str:
    """'1 Mar 2026', or with the time when both moments fall on the same day."""
    text = day(moment)
    if text == day(other):
        text += f" {moment.astimezone():%H:%M}"
    return text


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
