"""Does each unit's history hold together? Its status moves, in time order, must chain (each starts where the
previous one ended), a unit is not sold twice without a return between, nothing happens to it before it came
in, and its status is where its last move left it. Window functions (LAG over each unit's moves in time
order) keep this one pass over the ledger on SQLite ≥ 3.25 and PostgreSQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Engine, Subquery, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from serialdesk.db.models import Event, Item, Product
from serialdesk.domain.text import day

# How a unit may come into the books other than from nowhere: a bulk receipt moves it receiving → in_stock
# without a scan before, and a part we never had appears when it is taken out of a unit (fitted → quarantined).
_ENTRIES = (("received", "receiving"), ("part_removed", "fitted"))


def history_problems(engine: Engine, limit: int = 50) -> list[str]:
    """One line per contradiction found, naming the unit; empty when every history holds."""
    with Session(engine) as s:
        found = _broken_chain(s, limit) + _double_sales(s, limit) + _before_arrival(s, limit)
        found += _status_mismatch(s, limit)
        labels = _labels(s, {item_id for item_id, _ in found})
    found.sort(key=lambda f: labels.get(f[0], ""))  # per unit; each unit's findings in the order found
    return [f"history: unit {labels.get(item_id, f'item {item_id}')}: {text}" for item_id, text in found[:limit]]


def _moves(*extra: ColumnElement[bool]) -> Subquery:
    """Each status move with the one before it (in time) of the same unit."""
    window: dict[str, Any] = {"partition_by": Event.item_id, "order_by": (Event.at, Event.id)}
    return (select(Event.item_id, Event.kind, Event.at, Event.status_from, Event.status_to,
                   func.lag(Event.kind).over(**window).label("prev_kind"),
                   func.lag(Event.at, type_=Event.at.type).over(**window).label("prev_at"),
                   func.lag(Event.status_to).over(**window).label("prev_to"),
                   func.row_number().over(**window).label("n"))
            .where(Event.item_id.is_not(None), Event.status_to.is_not(None), *extra).subquery())


def _broken_chain(s: Session, limit: int) -> list[tuple[int, str]]:
    m = _moves()
    rows = s.execute(select(m).where(or_(
        and_(m.c.n > 1, or_(m.c.status_from.is_(None), m.c.status_from != m.c.prev_to)),
        and_(m.c.n == 1, m.c.status_from.is_not(None),
             *(or_(m.c.kind != kind, m.c.status_from != start) for kind, start in _ENTRIES)),
    )).order_by(m.c.item_id, m.c.n).limit(limit)).all()
    out = []
    for r in rows:
        if r.n == 1:
            out.append((r.item_id, f"its history starts with '{_k(r.kind)}' on {_when(r.at)} moving it from "
                                   f"{_s(r.status_from)}, but it never came in"))
        else:
            out.append((r.item_id, f"'{_k(r.kind)}' on {_when(r.at)} moves it from {_s(r.status_from)}, but "
                                   f"after '{_k(r.prev_kind)}' on {_when(r.prev_at)} it was {_s(r.prev_to)}"))
    return out


def _double_sales(s: Session, limit: int) -> list[tuple[int, str]]:
    m = _moves(Event.kind.in_(("sold", "returned")))
    rows = s.execute(select(m).where(m.c.kind == "sold", m.c.prev_kind == "sold")
                     .order_by(m.c.item_id, m.c.n).limit(limit)).all()
    return [(r.item_id, f"sold on {_when(r.prev_at)} and again on {_when(r.at)} without a return between")
            for r in rows]


def _before_arrival(s: Session, limit: int) -> list[tuple[int, str]]:
    first = (select(Event.item_id, func.min(Event.at).label("first_at"))
             .where(Event.item_id.is_not(None), Event.status_to.is_not(None)).group_by(Event.item_id).subquery())
    rows = s.execute(select(Event.item_id, Event.kind, Event.at, first.c.first_at)
                     .join(first, first.c.item_id == Event.item_id).where(Event.at < first.c.first_at)
                     .order_by(Event.item_id, Event.at, Event.id).limit(limit)).all()
    return [(r.item_id, f"'{_k(r.kind)}' on {_when(r.at)} comes before the unit came in ({_when(r.first_at)})")
            for r in rows]


def _status_mismatch(s: Session, limit: int) -> list[tuple[int, str]]:
    """Units whose status is not where their latest move *in time* left it. Where the latest move written
    (highest id) disagrees too, the ledger check of db/backup.py already says so: not repeated here."""
    written_last = (select(func.max(Event.id)).where(Event.item_id == Item.id, Event.status_to.is_not(None))
                    .correlate(Item).scalar_subquery())
    window: dict[str, Any] = {"partition_by": Event.item_id, "order_by": (Event.at.desc(), Event.id.desc())}
    last = (select(Event.item_id, Event.kind, Event.at, Event.status_to,
                   func.row_number().over(**window).label("n"))
            .where(Event.item_id.is_not(None), Event.status_to.is_not(None)).subquery())
    last_written = aliased(Event)
    rows = s.execute(select(last, Item.status).join(Item, Item.id == last.c.item_id)
                     .join(last_written, last_written.id == written_last)
                     .where(last.c.n == 1, last.c.status_to != Item.status, last_written.status_to == Item.status)
                     .order_by(last.c.item_id).limit(limit)).all()
    return [(r.item_id, f"it is {_s(r.status)}, but its latest move ('{_k(r.kind)}' on {_when(r.at)}) left it "
                        f"{_s(r.status_to)}") for r in rows]


def _labels(s: Session, item_ids: set[int]) -> dict[int, str]:
    if not item_ids:
        return {}
    rows = s.execute(select(Item.id, Product.sku, Item.serial).join(Product, Product.id == Item.product_id)
                     .where(Item.id.in_(sorted(item_ids)))).all()
    return {item_id: f"{sku}:{serial}" for item_id, sku, serial in rows}


def _when(moment: datetime | None) -> str:
    return f"{day(moment)} {moment.astimezone():%H:%M}" if moment is not None else "an unknown date"


def _k(kind: str | None) -> str:
    return (kind or "?").replace("_", " ")


def _s(status: str | None) -> str:
    return (status or "nowhere").replace("_", " ")
