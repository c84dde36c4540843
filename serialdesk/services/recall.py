"""Recalls: find every unit a product/lot/range/supplier/date criterion covers, quarantine what is on our
shelves, mark what customers hold, and track contact and resolution per unit."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, insert, select, update
from sqlalchemy.orm import Session

from serialdesk.db.models import (
    Item,
    Lot,
    Product,
    Recall,
    RecallItem,
    Sale,
    SaleLine,
    Supplier,
)
from serialdesk.domain.errors import DomainError, NotFound
from serialdesk.domain.products import record_number
from serialdesk.domain.recalls import STILL_HELD, Resolution, parse_resolution
from serialdesk.domain.roles import Action
from serialdesk.domain.serial_rules import clean_lot, normalise_serial
from serialdesk.domain.status import ItemStatus, check_move
from serialdesk.domain.text import day, listing, plural, refuse_control
from serialdesk.services.common import (
    Service,
    chunks,
    customer_by_ref,
    product_by_code,
    record_events,
    supplier_by_ref,
)
from serialdesk.services.dto import RecallCriteria, RecallUnit, RecallView, UnitRef
from serialdesk.services.holders import WITH_CUSTOMER, customer_views, holders_of
from serialdesk.services.known_units import place_name, shown_place, where_is
from serialdesk.services.parts import within_of
from serialdesk.services.plans import among_ids
from serialdesk.services.recall_holds import holds_on

S = ItemStatus
# What a recall does to a unit, by where it is: ours on the shelf are quarantined, customers' are marked recalled.
_RECALL_MOVE = {S.IN_STOCK.value: S.QUARANTINED.value, S.SOLD.value: S.RECALLED.value}


class RecallService(Service):
    def find_affected(self, criteria: RecallCriteria) -> RecallView:
        """Preview: the units a recall with these criteria would cover (nothing is changed)."""
        self.actor.require(Action.RECALL)
        with self.uows.reading() as uow:
            s = uow.session
            product, query = _query(s, criteria)
            units = _units(s, product, query)
            view = _view(None, product, "", criteria, self.actor.name, None, units)
            held, named = _overlaps(s, units)
            return dataclasses.replace(view, overlaps=tuple(named), overlapping_units=held)

    def start_recall(self, criteria: RecallCriteria, reason: str, *, also: bool = False) -> RecallView:
        """Save the recall; in-stock units go to quarantine and sold units are marked recalled, in one transaction.

        Criteria matching nothing give a saved recall with 0 units (not an error). When some of the units are
        already on an open recall, it is refused naming that recall (``recall_overlaps``) unless ``also``."""
        self.actor.require(Action.RECALL)
        refuse_control(reason, "reason for the recall", multiline=True)
        if not reason.strip():
            raise DomainError("Give the reason for the recall (it goes into the customer letters).",
                              code="reason_required")
        with self.uows() as uow:
            s = uow.session
            product, query = _query(s, criteria)
            if s.get_bind().dialect.name != "sqlite":  # SQLite's BEGIN IMMEDIATE already excludes other writers
                query = query.with_for_update(of=Item)
            units = _units(s, product, query)
            if not also:
                _refuse_overlap(s, units)
            now = self.clock()
            self.fits(s, [u.item_id for u in units] + [u.host.item_id for u in units if u.host], now, "this recall")
            recall = Recall(product_id=product.id, criteria=_criteria_json(criteria), reason=reason.strip(),
                            created_by=self.actor.name, created_at=now)
            s.add(recall)
            s.flush()
            self._apply(s, recall, product, units, now)
            self.record(s, kind="recall_started", product_id=product.id, ref_type="recall", ref_id=recall.id,
                        at=now, data={"reason": recall.reason, "units": len(units)})  # in the trail even with 0 units
            uow.commit()
            return self._saved_view(s, recall)

    def _apply(self, s: Session, recall: Recall, product: Product, units: list[RecallUnit], now: datetime) -> None:
        rows, events = [], []
        # A part sitting in a unit holds that unit (the outermost: the bike, not the battery pack): quarantined
        # on our shelves, marked recalled with the customer, moved once however many of its parts are recalled.
        hosts: dict[int, tuple[UnitRef, RecallUnit]] = {}
        for unit in units:
            if unit.host is not None and unit.host.status in _RECALL_MOVE:
                hosts.setdefault(unit.host.item_id, (unit.host, unit))
        for host, unit in hosts.values():
            moved_to = _RECALL_MOVE[host.status]
            events.append(self.event(kind="quarantined_by_recall" if moved_to == S.QUARANTINED.value else "recalled",
                                     item_id=host.item_id, product_id=s.get_one(Item, host.item_id)
                                     .product_id, serial=host.serial, ref_type="recall", ref_id=recall.id, at=now,
                                     status_from=host.status, status_to=moved_to,
                                     data={"reason": recall.reason, "part": f"{unit.sku}:{unit.serial}"}))
        for unit in units:
            rows.append({"recall_id": recall.id, "item_id": unit.item_id, "status_at_recall": unit.status,
                         "customer_id": unit.customer.id if unit.customer else None})
            target = _RECALL_MOVE.get(unit.status)
            kind = "quarantined_by_recall" if target == S.QUARANTINED.value else "recalled"
            events.append(self.event(kind=kind, item_id=unit.item_id, product_id=product.id, serial=unit.serial,
                                     ref_type="recall", ref_id=recall.id, at=now, status_from=target and unit.status,
                                     status_to=target, data={"reason": recall.reason}))
        for current, target in _RECALL_MOVE.items():
            ids = [u.item_id for u in units if u.status == current]
            ids += [h.item_id for h, _ in hosts.values() if h.status == current]
            for part in chunks(ids):
                s.execute(update(Item).where(Item.id.in_(part), Item.status == current).values(status=target)
                          .execution_options(synchronize_session=False))
        if rows:
            s.execute(insert(RecallItem), rows)
        record_events(s, events)

    def recall(self, recall_id: int) -> RecallView:
        self.actor.require(Action.RECALL)
        with self.uows.reading() as uow:
            return self._saved_view(uow.session, _recall(uow.session, recall_id))

    def recalls(self, limit: int = 100) -> list[RecallView]:
        """Saved recalls, newest first, with their units and tracking state."""
        self.actor.require(Action.RECALL)
        with self.uows.reading() as uow:
            found = uow.session.scalars(select(Recall).order_by(Recall.id.desc()).limit(limit)).all()
            return [self._saved_view(uow.session, r) for r in found]

    def mark_contacted(self, recall_id: int, customer: str, *, emailed_to: str = "") -> RecallView:
        """Note that a customer was told (letter sent, phoned; ``emailed_to``: the address the mail server
        accepted the letter for): all their units on this recall."""
        self.actor.require(Action.RECALL)
        with self.uows() as uow:
            s = uow.session
            recall = _recall(s, recall_id)
            who = customer_by_ref(s, customer)
            done = s.execute(update(RecallItem).where(RecallItem.recall_id == recall.id,
                                                      RecallItem.customer_id == who.id)
                             .values(contacted_at=self.clock())).rowcount  # type: ignore[attr-defined]
            if not done:
                raise NotFound(f"{who.name} holds no unit of recall {record_number('recall', recall.id)}.",
                               code="not_on_recall")
            self.record(s, kind="recall_contacted", ref_type="recall", ref_id=recall.id,
                        data={"customer": record_number("customer", who.id)}
                        | ({"emailed_to": emailed_to} if emailed_to else {}))
            uow.commit()
            return self._saved_view(s, recall)

    def resolve(self, recall_id: int, serial: str, how: str, note: str = "") -> RecallView:
        """Close one unit's line of a recall as cleared, repaired, replaced, refunded or scrapped (with a note).

        Cleared or repaired lifts the hold (the unit may be released and sold again); scrapped scraps a unit we
        hold; replaced and refunded close the line but the unit stays held (it may be resolved again)."""
        self.actor.require(Action.RESOLVE_RECALL)
        kind = parse_resolution(how)
        refuse_control(note, "note", multiline=True)
        with self.uows() as uow:
            s = uow.session
            recall = _recall(s, recall_id)
            product = s.get_one(Product, recall.product_id)
            value = normalise_serial(serial, product.serial_case, product=product.sku)
            found = s.execute(select(RecallItem, Item).join(Item, Item.id == RecallItem.item_id)
                              .where(RecallItem.recall_id == recall.id, Item.serial == value)).first()
            if found is None:
                raise NotFound(f"Serial {value} is not on recall {record_number('recall', recall.id)}.",
                               code="not_on_recall")
            entry, item = found
            if entry.resolved_at is not None and entry.resolution not in STILL_HELD:
                raise DomainError(f"Serial {value} on recall {record_number('recall', recall.id)} was already "
                                  f"resolved as {entry.resolution} on {day(entry.resolved_at)}"
                                  f"{f' by {entry.resolved_by}' if entry.resolved_by else ''}.",
                                  code="already_resolved")
            now = self.clock()
            if kind is Resolution.SCRAPPED:
                self._scrap(s, recall, product, item, now)
            entry.resolution, entry.resolved_at, entry.resolved_by = kind.value, now, self.actor.name
            entry.note = note.strip() or None
            self.record(s, kind="recall_resolved", item_id=entry.item_id, product_id=product.id, serial=value,
                        ref_type="recall", ref_id=recall.id, at=now,
                        data={"resolution": kind.value, "note": entry.note or ""})
            s.flush()
            # The unit, or the units it sits in (a recalled battery's bike), no longer held by anything.
            for unit in [item, *(s.get_one(Item, h.item_id) for h in within_of(s, [item.id]).get(item.id, ()))]:
                if unit.status == S.RECALLED.value and kind.value not in STILL_HELD and not holds_on(s, [unit.id]):
                    # Cleared or repaired while the customer has it: no longer under recall, simply theirs.
                    unit.status = check_move(S.RECALLED, S.SOLD, unit.serial).value
                    self.record(s, kind="recall_cleared", item_id=unit.id, product_id=unit.product_id,
                                serial=unit.serial, ref_type="recall", ref_id=recall.id, at=now,
                                status_from=S.RECALLED.value, status_to=unit.status)
            uow.commit()
            return self._saved_view(s, recall)

    def _scrap(self, s: Session, recall: Recall, product: Product, item: Item, now: datetime) -> None:
        if item.status == S.SCRAPPED.value:
            return
        if item.status == S.FITTED.value:
            host = within_of(s, [item.id]).get(item.id, ())
            where = f" in {host[0].label}" if host else ""
            raise DomainError(f"Serial {item.serial} is fitted{where} — take it out first (a swap on a service "
                              f"ticket, or disassemble), then resolve it as scrapped.", code="part_still_fitted")
        if item.status in WITH_CUSTOMER:
            raise DomainError(f"Serial {item.serial} {where_is(s, item, product)} — take it back first "
                              f"(return {item.serial}), then resolve it as scrapped.", code="not_in_our_hands")
        before = item.status
        item.status = check_move(before, S.SCRAPPED, item.serial, where_is(s, item, product)).value
        self.record(s, kind="scrapped", item_id=item.id, product_id=product.id, serial=item.serial, at=now,
                    ref_type="recall", ref_id=recall.id, status_from=before, status_to=item.status,
                    data={"reason": f"recall {record_number('recall', recall.id)}: {recall.reason}"})

    def _saved_view(self, s: Session, recall: Recall) -> RecallView:
        product = s.get_one(Product, recall.product_id)
        rows = s.execute(select(RecallItem, Item, place_name()).join(Item, Item.id == RecallItem.item_id)
                         .where(RecallItem.recall_id == recall.id).order_by(Item.serial)).all()
        customers = customer_views(s, [r.customer_id for r, _, _ in rows if r.customer_id])
        lots = _names(s, Lot, Lot.code, {i.lot_id for _, i, _ in rows if i.lot_id})
        suppliers = _names(s, Supplier, Supplier.name, {i.supplier_id for _, i, _ in rows if i.supplier_id})
        within = within_of(s, [i.id for _, i, _ in rows if i.status == S.FITTED.value])
        holder = {i.id: within[i.id][-1].item_id if i.id in within else i.id for _, i, _ in rows}
        _, sold_at = holders_of(s, [holder[i.id] for r, i, _ in rows if r.customer_id])
        units = [RecallUnit(i.id, product.sku, i.serial, lots.get(i.lot_id or 0), suppliers.get(i.supplier_id or 0),
                            i.received_at, r.status_at_recall, i.status, shown_place(i.status, place),
                            customers[r.customer_id] if r.customer_id else None,
                            r.contacted_at, r.resolution, sold_at.get(holder[i.id]), r.note, r.resolved_at,
                            r.resolved_by, within.get(i.id, ()))
                 for r, i, place in rows]
        return _view(recall.id, product, recall.reason, recall.criteria, recall.created_by, recall.created_at, units)


def _overlaps(s: Session, units: list[RecallUnit]) -> tuple[int, list[str]]:
    """How many of these units open recalls already hold, and those recalls ("RC-0001 (reason)")."""
    holds = holds_on(s, [u.item_id for u in units])
    by_recall: dict[str, str] = {}
    for item_holds in holds.values():
        by_recall.update({h.recall: h.reason for h in item_holds})
    return len(holds), [f"{number} ({reason})" for number, reason in sorted(by_recall.items())]


def _refuse_overlap(s: Session, units: list[RecallUnit]) -> None:
    """A unit already on an open recall is not recalled again without saying so (``also``)."""
    held, named = _overlaps(s, units)
    if held:
        raise DomainError(f"{plural(held, 'unit')} of these {'is' if held == 1 else 'are'} already on open recall "
                          f"{listing(named)}. To record this recall for them as well, confirm it (--also).",
                          code="recall_overlaps", recalls=[n.split(" ")[0] for n in named], units=held)


def _recall(s: Session, recall_id: int) -> Recall:
    recall = s.get(Recall, recall_id)
    if recall is None:
        raise NotFound(f"There is no recall {record_number('recall', recall_id)}.", code="unknown_recall")
    return recall


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _check_range(start: date | None, end: date | None, what: str) -> None:
    if start and end and end < start:
        raise DomainError(f"The {what} range ends ({end}) before it starts ({start}).", code="reversed_range")


def _query(s: Session, c: RecallCriteria) -> tuple[Product, Select[Any]]:
    """The SELECT of affected units: always one product, narrowed by every criterion given."""
    product = product_by_code(s, c.sku)
    _check_range(c.received_from, c.received_to, "received date")
    _check_range(c.sold_from, c.sold_to, "sold date")
    # Plain columns, not Item objects: a lot is hundreds of units and this is a preview the manager waits for.
    query = (select(Item.id, Item.serial, Item.status, Item.received_at, place_name().label("place"),
                    Lot.code.label("lot"),
                    Supplier.name.label("supplier")).outerjoin(Lot, Lot.id == Item.lot_id)
             .outerjoin(Supplier, Supplier.id == Item.supplier_id)
             .where(Item.product_id == product.id, Item.status != S.RECEIVING.value))
    if c.lots:
        query = query.where(Item.lot_id.in_(_lot_ids(s, product, c.lots)))
    if c.serial_from or c.serial_to:
        low = normalise_serial(c.serial_from or "", product.serial_case) if c.serial_from else None
        high = normalise_serial(c.serial_to or "", product.serial_case) if c.serial_to else None
        if low and high and high < low:
            raise DomainError(f"The serial range ends ({high}) before it starts ({low}).", code="reversed_range")
        if low:
            query = query.where(Item.serial >= low)
        if high:
            query = query.where(Item.serial <= high)
    if c.supplier:
        query = query.where(Item.supplier_id == supplier_by_ref(s, c.supplier).id)
    if c.received_from:
        query = query.where(Item.received_at >= _day_start(c.received_from))
    if c.received_to:
        query = query.where(Item.received_at < _day_start(c.received_to + timedelta(days=1)))
    if c.sold_from or c.sold_to:
        sold = select(SaleLine.item_id).join(Sale, Sale.id == SaleLine.sale_id)
        if c.sold_from:
            sold = sold.where(Sale.sold_at >= _day_start(c.sold_from))
        if c.sold_to:
            sold = sold.where(Sale.sold_at < _day_start(c.sold_to + timedelta(days=1)))
        query = query.where(Item.id.in_(sold))
    return product, query.order_by(Item.serial)


def _lot_ids(s: Session, product: Product, lots: tuple[str, ...]) -> list[int]:
    codes = [code for code in (clean_lot(lot) for lot in lots) if code]
    found = {code: lot_id for code, lot_id in s.execute(
        select(Lot.code, Lot.id).where(Lot.product_id == product.id, Lot.code.in_(codes)))}
    missing = [code for code in codes if code not in found]
    if missing:
        elsewhere = s.execute(select(Lot.code, Product.sku).join(Product, Product.id == Lot.product_id)
                              .where(Lot.code.in_(missing))).all()
        if elsewhere:
            code, sku = elsewhere[0]
            raise DomainError(f"Lot {code} is not a lot of {product.sku} (it belongs to {sku}).", code="lot_of_other")
        raise NotFound(f"{product.sku} has no lot {listing(missing)}.", code="unknown_lot")
    return list(found.values())


def _units(s: Session, product: Product, query: Select[Any]) -> list[RecallUnit]:
    """The units the query finds; a part fitted in another unit is reported with the hosts it sits in, and the
    holder is whoever holds the outermost one (the bike's owner, not the battery's)."""
    rows = s.connection().execute(query).all()  # plain rows: the session's row processing cost ~10 % here
    within = within_of(s, [i.id for i in rows if i.status == S.FITTED.value])
    holder = {i.id: within[i.id][-1] if i.id in within else None for i in rows}
    held = [i.id for i in rows if i.status in WITH_CUSTOMER]
    held += [h.item_id for h in holder.values() if h is not None and h.status in WITH_CUSTOMER]
    holders, sold_at = holders_of(s, held)

    def key(item: Any) -> int:
        host = holder[item.id]
        return host.item_id if host is not None else item.id

    return [RecallUnit(i.id, product.sku, i.serial, i.lot, i.supplier, i.received_at, i.status, i.status,
                       shown_place(i.status, i.place), holders.get(key(i)), sold_at=sold_at.get(key(i)),
                       within=within.get(i.id, ()))
            for i in rows]


def _names(s: Session, model: Any, column: Any, ids: set[int]) -> dict[int, str]:
    names: dict[int, str] = {}
    for wanted in among_ids(s, model.id, sorted(ids)):
        names.update({i: n for i, n in s.execute(select(model.id, column).where(wanted))})
    return names


def _criteria_json(c: RecallCriteria) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else list(v) if isinstance(v, tuple) else v)
            for k, v in dataclasses.asdict(c).items() if v not in (None, ())}


def _view(recall_id: int | None, product: Product, reason: str, criteria: RecallCriteria | dict[str, Any],
          created_by: str, created_at: datetime | None, units: list[RecallUnit]) -> RecallView:
    counts: dict[str, int] = {}
    for unit in units:
        counts[unit.status_at_recall] = counts.get(unit.status_at_recall, 0) + 1
    counts["total"] = len(units)
    counts["customers"] = len({u.customer.id for u in units if u.customer})
    as_json = criteria if isinstance(criteria, dict) else _criteria_json(criteria)
    return RecallView(recall_id, record_number("recall", recall_id) if recall_id else None, product.sku, product.name,
                      reason, as_json, created_by, created_at, tuple(units), counts)
