"""Which parts a product takes (its slots, ``product slot``), the parts named in a swap checked against them, and
the genealogy: which unit each part sits in now (fitments), up to the outermost unit and down to every part."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Integer, any_, bindparam, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from serialdesk.db.models import Fitment, Item, Product, ProductPart
from serialdesk.domain.errors import DomainError
from serialdesk.domain.status import ItemStatus
from serialdesk.domain.text import day, listing
from serialdesk.services.common import chunks, items_by_ref, product_by_code, split_ref
from serialdesk.services.dto import UnitRef
from serialdesk.services.known_units import place_name, shown_place, where_is
from serialdesk.services.patterns import scanned_serial


def parts_of(s: Session, host: Product) -> list[tuple[Product, int]]:
    """The part products ``host`` takes, with how many of each, by SKU."""
    return [(p, n) for p, n in s.execute(
        select(Product, ProductPart.count).join(ProductPart, ProductPart.part_product_id == Product.id)
        .where(ProductPart.product_id == host.id).order_by(Product.sku))]


def _label(p: Product) -> str:
    return f"{p.name} ({p.sku})"


def refuse_other_kind(s: Session, host: Product, part: Product) -> None:
    """Where ``host`` declares slots, a swap may only fit or take out a part of those products (the refusal
    names both); a product without declared slots takes parts through swaps freely — never itself."""
    takes = parts_of(s, host)
    if any(p.id == part.id for p, _ in takes):
        return
    if not takes:
        if part.id == host.id:
            raise DomainError(f"{_label(part)} cannot be a part of itself.", code="part_of_other_kind")
        return
    raise DomainError(f"{_label(part)} is not a part of {_label(host)}; it takes "
                      f"{listing([_label(p) for p, _ in takes])}.", code="part_of_other_kind")


def removed_part(s: Session, ref: str, sku: str | None, host: Product,
                 fitted: Product) -> tuple[Item | None, Product, str]:
    """The part taken out: one of our units fitted before (Item), or — a part we never had — only its product
    and serial, checked as receiving checks a serial (format, pattern, check digit). Its product is the one
    named (``SKU:SERIAL`` or ``sku``), else a known fitted unit of the host's parts, else the fitted part's."""
    code, text = split_ref(s, ref, sku)
    if code is not None:
        product = product_by_code(s, code)
        refuse_other_kind(s, host, product)
        candidates = [(i, p) for i, p in items_by_ref(s, text, code)]
    else:
        part_ids = {p.id for p, _ in parts_of(s, host)}
        candidates = [(i, p) for i, p in items_by_ref(s, text)
                      if p.id in part_ids or (not part_ids and i.status == ItemStatus.FITTED.value)]
        if len(candidates) > 1:
            candidates = [(i, p) for i, p in candidates if p.id == fitted.id] or candidates
        product = candidates[0][1] if candidates else fitted
    if candidates:
        item, product = candidates[0]
        if item.status != ItemStatus.FITTED.value:
            raise DomainError(f"Serial {item.serial} {where_is(s, item, product)} — it cannot be the part taken "
                              f"out of this unit.", code="part_not_fitted")
        return item, product, item.serial
    return None, product, scanned_serial(product, text)


# ---- genealogy: which unit each part sits in -------------------------------------------------------------

# Deeper than any real build (a cell in a pack in a bike is 2): a guard, never a limit a shop meets.
MAX_DEPTH = 16


def open_fitment(s: Session, part_id: int) -> Fitment | None:
    """Where the part sits now (None: in no unit)."""
    return s.scalar(select(Fitment).where(Fitment.part_item_id == part_id, Fitment.removed_at.is_(None)))


# One level of the walk, prepared once: the open fitments of these parts (up) or of these hosts (down). A level
# at a time rather than one recursive CTE: SQLite's planner, once ANALYZE has run, builds a Bloom filter over the
# whole table for every recursive step (60 ms at 300k fitments); a level is one index lookup on either backend,
# and real trees are 1–3 levels deep.
_F = Fitment.__table__
_UP = (select(_F.c.part_item_id, _F.c.host_item_id)
       .where(_F.c.removed_at.is_(None), _F.c.part_item_id.in_(bindparam("ids", expanding=True))))
_DOWN = (select(_F.c.host_item_id, _F.c.part_item_id)
         .where(_F.c.removed_at.is_(None), _F.c.host_item_id.in_(bindparam("ids", expanding=True))))


# The same two on PostgreSQL with one array parameter (services.common.among): one statement per level.
_UP_PG = (select(_F.c.part_item_id, _F.c.host_item_id)
          .where(_F.c.removed_at.is_(None), _F.c.part_item_id == any_(bindparam("ids", type_=ARRAY(Integer)))))
_DOWN_PG = (select(_F.c.host_item_id, _F.c.part_item_id)
            .where(_F.c.removed_at.is_(None), _F.c.host_item_id == any_(bindparam("ids", type_=ARRAY(Integer)))))
_LEVELS = {"up": (_UP, _UP_PG), "down": (_DOWN, _DOWN_PG)}


def _step(s: Session, direction: str, ids: Iterable[int]) -> list[tuple[int, int]]:
    wanted = sorted(set(ids))
    if not wanted:
        return []
    query, on_pg = _LEVELS[direction]
    if s.get_bind().dialect.name == "postgresql":
        return [(a, b) for a, b in s.execute(on_pg, {"ids": wanted})]
    found: list[tuple[int, int]] = []
    for part in chunks(wanted):
        found += [(a, b) for a, b in s.execute(query, {"ids": list(part)})]
    return found


def hosts_up(s: Session, item_ids: Iterable[int]) -> dict[int, list[int]]:
    """For each unit fitted in another, the hosts it sits in now, from the one holding it to the outermost
    (a cell → its pack → the bike). Units in no host are absent. One indexed query per level."""
    found: dict[int, list[int]] = {}
    reach = {i: i for i in set(item_ids)}  # start → the unit reached so far
    for _ in range(MAX_DEPTH):
        host_of = dict(_step(s, "up", set(reach.values())))
        reach = {start: host_of[at] for start, at in reach.items() if at in host_of}
        if not reach:
            break
        for start, host in reach.items():
            found.setdefault(start, []).append(host)
    return found


def parts_down(s: Session, host_ids: Iterable[int]) -> dict[int, list[int]]:
    """For each host, every part sitting in it now at any depth (its battery, and the cells in that battery)."""
    found: dict[int, list[int]] = {}
    frontier = {h: {h} for h in set(host_ids)}  # top host → the units whose parts come next
    for _ in range(MAX_DEPTH):
        below: dict[int, list[int]] = {}
        for host, part in _step(s, "down", {u for units in frontier.values() for u in units}):
            below.setdefault(host, []).append(part)
        frontier = {top: {p for u in units for p in below.get(u, ())} for top, units in frontier.items()}
        frontier = {top: units for top, units in frontier.items() if units}
        if not frontier:
            break
        for top, units in frontier.items():
            found.setdefault(top, []).extend(sorted(units))
    return found


def unit_label(s: Session, item_id: int) -> str:
    item = s.get_one(Item, item_id)
    return f"{s.get_one(Product, item.product_id).sku}:{item.serial}"


def refuse_cycle(s: Session, part: Item, host: Item) -> None:
    """A unit cannot be fitted into itself, nor into a unit that sits (at any depth) inside it."""
    if part.id == host.id or part.id in hosts_up(s, [host.id]).get(host.id, []):
        raise DomainError(f"{unit_label(s, part.id)} cannot be fitted into {unit_label(s, host.id)}: "
                          f"{unit_label(s, host.id)} is itself {'that unit' if part.id == host.id else 'inside it'}.",
                          code="part_cycle")


def refuse_fitted_elsewhere(s: Session, part: Item) -> None:
    """A part already sitting in a unit is named with that unit (and its holder's place), never taken twice."""
    current = open_fitment(s, part.id)
    if current is not None:
        host = s.get_one(Item, current.host_item_id)
        raise DomainError(f"Serial {part.serial} is already fitted in {unit_label(s, host.id)} "
                          f"({host.status.replace('_', ' ')}) since {day(current.fitted_at)} — take it out of "
                          f"that unit first.", code="part_fitted_elsewhere", serial=part.serial,
                          host=unit_label(s, host.id))


def fit(s: Session, part: Item, host: Item, *, at: datetime, by: str, build_id: int | None = None,
        ticket_id: int | None = None) -> Fitment:
    """Record that ``part`` now sits in ``host`` (the part's status move is the caller's)."""
    refuse_cycle(s, part, host)
    refuse_fitted_elsewhere(s, part)
    fitment = Fitment(part_item_id=part.id, host_item_id=host.id, fitted_at=at, fitted_by=by, build_id=build_id,
                      ticket_id=ticket_id)
    s.add(fitment)
    return fitment


def unfit(s: Session, part: Item, host: Item | None, *, at: datetime, by: str,
          ticket_id: int | None = None) -> None:
    """Close the part's open fitment. When ``host`` is given, the part must sit in that unit (named if not)."""
    current = open_fitment(s, part.id)
    if current is None:
        return  # a part fitted before genealogy was kept, or one we never had: nothing open to close
    if host is not None and current.host_item_id != host.id:
        raise DomainError(f"Serial {part.serial} sits in {unit_label(s, current.host_item_id)}, not in "
                          f"{unit_label(s, host.id)} — it cannot be taken out of this unit.",
                          code="part_in_other_unit", serial=part.serial)
    current.removed_at, current.removed_by, current.removed_ticket_id = at, by, ticket_id


def unit_refs(s: Session, item_ids: Iterable[int]) -> dict[int, UnitRef]:
    """The units named as a clerk reads them, by item id."""
    found: dict[int, UnitRef] = {}
    for part in chunks(sorted(set(item_ids))):
        for item, product, place in s.execute(
                select(Item, Product, place_name()).join(Product, Product.id == Item.product_id)
                .where(Item.id.in_(part)).execution_options(populate_existing=True)):
            found[item.id] = UnitRef(item.id, product.sku, product.name, item.serial, item.status,
                                     shown_place(item.status, place))
    return found


def within_of(s: Session, item_ids: Iterable[int]) -> dict[int, tuple[UnitRef, ...]]:
    """For each unit fitted in another: the hosts it sits in, innermost first (units in no host are absent)."""
    chains = hosts_up(s, item_ids)
    refs = unit_refs(s, {h for chain in chains.values() for h in chain})
    return {item_id: tuple(refs[h] for h in chain) for item_id, chain in chains.items()}
