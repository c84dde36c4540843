"""Transfers between locations (issue 15): a document from A to B; units scanned out at A go 'In transit' with
it, scanned in at B they are there. What was sent and has not arrived (short) and what arrived without being
sent (extra) is listed, and the transfer stays open until someone resolves it. Each scan list is one
transaction: a unit another station took meanwhile refuses the whole list, so nothing is half-done."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from serialdesk.db.models import Item, Location, Product, Transfer, TransferLine
from serialdesk.db.models.supply import TRANSIT_LOCATION_ID
from serialdesk.domain.errors import DomainError, NotFound
from serialdesk.domain.products import parse_record_number, record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.status import ItemStatus, check_move
from serialdesk.domain.text import clean_text, listing, plural
from serialdesk.services.common import Service, one_item, record_events
from serialdesk.services.dto.supply import TransferUnit, TransferView
from serialdesk.services.known_units import refuse_claimed, where_is
from serialdesk.services.locations import (
    ON_A_SHELF,
    TRANSIT,
    location_by_name,
    on_transfer,
    put,
    refuse_doubles,
    shelf_of,
)
from serialdesk.services.recall_holds import refuse_held

OPEN, RESOLVED = "open", "resolved"
SENT, RECEIVED, EXTRA, RETURNED, LOST = "sent", "received", "extra", "returned", "lost"
SHORT_CHOICES = {"back": RETURNED, "lost": LOST}


def transfer_id(text: str) -> int:
    """'TR-0007', '7' → 7; NotFound in the clerk's words for anything else."""
    number = parse_record_number("transfer", text)
    if number is None and not text.strip().isdigit():
        raise NotFound(f"'{text}' is not a transfer number (e.g. TR-0001).", code="unknown_transfer")
    return number if number is not None else int(text)


class TransferService(Service):
    def open_transfer(self, source: str, destination: str, note: str | None = None) -> TransferView:
        """A new transfer document from one location to another (TR-…); units are then scanned out."""
        self.actor.require(Action.RECEIVE)
        note = clean_text(note, "transfer note", limit=500)
        with self.uows() as uow:
            s = uow.session
            a, b = location_by_name(s, source), location_by_name(s, destination)
            for loc in (a, b):
                if loc.kind == TRANSIT:
                    raise DomainError(f"A transfer goes from one place to another; '{loc.name}' is where units "
                                      "are while on one.", code="location_is_transit")
            if a.id == b.id:
                raise DomainError(f"A transfer from {a.name} to {a.name} moves nothing; choose another "
                                  "destination (within one branch, use move).", code="same_location")
            t = Transfer(from_location_id=a.id, to_location_id=b.id, status=OPEN, opened_by=self.actor.name,
                         station=self.actor.station, opened_at=self.clock(), note=note)
            s.add(t)
            s.flush()
            self.record(s, kind="transfer_opened", ref_type="transfer", ref_id=t.id,
                        data={"from_location": a.name, "to_location": b.name})
            uow.commit()
            return transfer_view(s, t)

    def send(self, number: str, refs: Sequence[str]) -> TransferView:
        """Scan units out at the source: each goes 'In transit' on this transfer; all of them or none."""
        self.actor.require(Action.RECEIVE)
        with self.uows() as uow:
            s = uow.session
            t = _open(s, number)
            a, b = s.get(Location, t.from_location_id), s.get(Location, t.to_location_id)
            assert a is not None and b is not None
            units = _units(s, refs)
            refuse_held(s, [(i.id, i.serial) for i, _ in units], "sent on a transfer")
            refuse_claimed(s, units, "sent on a transfer")  # a faulty unit waiting to go back to its supplier
            now, events = self.clock(), []
            for item, product in units:
                here = shelf_of(s, item, product, "sent on a transfer")
                if item.status != ItemStatus.IN_STOCK.value:
                    raise DomainError(f"Serial {item.serial} {where_is(s, item, product)} — only units in stock "
                                      "are sent on a transfer.", code="not_in_stock", serial=item.serial)
                if here.branch != a.branch:
                    raise DomainError(f"Serial {item.serial} is in {here.name}, not at {a.name}'s branch — it "
                                      f"cannot leave from there on {record_number('transfer', t.id)}.",
                                      code="other_branch", serial=item.serial)
                if _line(s, t.id, item.id) is not None:
                    raise DomainError(f"Serial {item.serial} is already on {record_number('transfer', t.id)}.",
                                      code="already_on_transfer", serial=item.serial)
                put(s, item, product, here.id, TRANSIT_LOCATION_ID, status=ItemStatus.IN_STOCK.value)
                s.add(TransferLine(transfer_id=t.id, item_id=item.id, from_location_id=here.id, state=SENT,
                                   sent_at=now, sent_by=self.actor.name))
                events.append(self.event(kind="transfer_sent", item_id=item.id, product_id=product.id,
                                         serial=item.serial, ref_type="transfer", ref_id=t.id, at=now,
                                         data={"from_location": here.name, "to_location": "In transit",
                                               "destination": b.name}))
            s.flush()
            record_events(s, events)
            uow.commit()
            return transfer_view(s, t)

    def receive(self, number: str, refs: Sequence[str]) -> TransferView:
        """Scan units in at the destination. A unit sent on this transfer arrives; one in stock at the source's
        branch that was never scanned out arrives as *extra* (listed); anything else is refused."""
        self.actor.require(Action.RECEIVE)
        with self.uows() as uow:
            s = uow.session
            t = _open(s, number)
            a, b = s.get(Location, t.from_location_id), s.get(Location, t.to_location_id)
            assert a is not None and b is not None
            tr = record_number("transfer", t.id)
            units = _units(s, refs)
            now, events = self.clock(), []
            for item, product in units:
                line = _line(s, t.id, item.id)
                if line is not None and line.state == SENT:
                    _arrive(s, item, product, b, tr)
                    line.state, line.received_at, line.received_by = RECEIVED, now, self.actor.name
                    extra = False
                elif line is not None:
                    raise DomainError(f"Serial {item.serial} is already {line.state} on {tr}.",
                                      code="already_received", serial=item.serial)
                else:
                    other = on_transfer(s, item.id)
                    if other is not None:
                        raise DomainError(
                            f"Serial {item.serial} is in transit on {record_number('transfer', other[0].id)} to "
                            f"{other[1]}, not on {tr}; scan it in on that transfer.", code="on_other_transfer",
                            serial=item.serial)
                    here = _never_sent(s, item, product, a, tr)
                    put(s, item, product, here.id, b.id, status=ItemStatus.IN_STOCK.value)
                    s.add(TransferLine(transfer_id=t.id, item_id=item.id, from_location_id=here.id, state=EXTRA,
                                       received_at=now, received_by=self.actor.name))
                    extra = True
                events.append(self.event(kind="transfer_received", item_id=item.id, product_id=product.id,
                                         serial=item.serial, ref_type="transfer", ref_id=t.id, at=now,
                                         data={"from_location": "In transit" if not extra else a.name,
                                               "to_location": b.name, "extra": extra}))
            s.flush()
            record_events(s, events)
            uow.commit()
            return transfer_view(s, t)

    def resolve(self, number: str, short: str | None = None, note: str | None = None) -> TransferView:
        """Close a transfer. Units still short must be said for: ``back`` (found at the source: they go back
        there) or ``lost`` (written off, scrapped with the reason)."""
        self.actor.require(Action.RECEIVE)
        note = clean_text(note, "transfer note", limit=500)
        with self.uows() as uow:
            s = uow.session
            t = _open(s, number)
            tr = record_number("transfer", t.id)
            missing = s.execute(select(TransferLine, Item, Product).join(Item, Item.id == TransferLine.item_id)
                                .join(Product, Product.id == Item.product_id)
                                .where(TransferLine.transfer_id == t.id, TransferLine.state == SENT)
                                .order_by(TransferLine.id)).all()
            choice = (short or "").strip().lower() or None
            if missing and choice not in SHORT_CHOICES:
                named = listing([f"{p.sku}:{i.serial}" for _, i, p in missing])
                raise DomainError(f"{plural(len(missing), 'unit')} sent on {tr} did not arrive ({named}); say "
                                  "what happened to them: --short back (they are still at the source) or "
                                  "--short lost (written off).", code="transfer_short")
            now, events = self.clock(), []
            for line, item, product in missing:
                origin = s.get(Location, line.from_location_id or t.from_location_id)
                assert origin is not None
                put(s, item, product, TRANSIT_LOCATION_ID, origin.id)
                line.state = SHORT_CHOICES[choice or "back"]
                if line.state == RETURNED:
                    events.append(self.event(kind="transfer_returned", item_id=item.id, product_id=product.id,
                                             serial=item.serial, ref_type="transfer", ref_id=t.id, at=now,
                                             data={"from_location": "In transit", "to_location": origin.name}))
                else:
                    self.fits(s, [item.id], now, "writing it off")
                    before = item.status
                    item.status = check_move(before, ItemStatus.SCRAPPED, item.serial).value
                    events.append(self.event(kind="scrapped", item_id=item.id, product_id=product.id,
                                             serial=item.serial, ref_type="transfer", ref_id=t.id, at=now,
                                             status_from=before, status_to=item.status,
                                             data={"reason": f"lost in transit on {tr}"}))
            t.status, t.resolved_at, t.resolved_by = RESOLVED, now, self.actor.name
            if note:
                t.note = f"{t.note}\n{note}" if t.note else note
            s.flush()
            record_events(s, events)
            self.record(s, kind="transfer_resolved", ref_type="transfer", ref_id=t.id,
                        data={"short": len(missing), "as": choice})
            uow.commit()
            return transfer_view(s, t)

    def transfer(self, number: str) -> TransferView:
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            return transfer_view(uow.session, _get(uow.session, number))

    def transfers(self, *, open_only: bool = False, limit: int = 200) -> list[TransferView]:
        self.actor.require(Action.LOOKUP)
        query = select(Transfer).order_by(Transfer.id.desc()).limit(limit)
        if open_only:
            query = query.where(Transfer.status == OPEN)
        with self.uows.reading() as uow:
            return [transfer_view(uow.session, t) for t in uow.session.scalars(query)]


def _get(s: Session, number: str) -> Transfer:
    found = s.get(Transfer, transfer_id(number))
    if found is None:
        raise NotFound(f"There is no transfer {number.strip().upper()}.", code="unknown_transfer")
    return found


def _open(s: Session, number: str) -> Transfer:
    t = _get(s, number)
    if t.status != OPEN:
        raise DomainError(f"Transfer {record_number('transfer', t.id)} is {t.status}; it can no longer be changed.",
                          code="transfer_closed")
    return t


def _units(s: Session, refs: Sequence[str]) -> list[tuple[Item, Product]]:
    if not refs:
        raise DomainError("Scan at least one unit.", code="empty_transfer")
    units = [one_item(s, ref) for ref in refs]
    refuse_doubles(units, "transfer scan")
    return units


def _line(s: Session, transfer: int, item_id: int) -> TransferLine | None:
    found: TransferLine | None = s.scalar(
        select(TransferLine).where(TransferLine.transfer_id == transfer, TransferLine.item_id == item_id))
    return found


def _arrive(s: Session, item: Item, product: Product, destination: Location, tr: str) -> None:
    """A unit sent on the transfer reaches its destination as it is: in stock, or quarantined when a recall
    caught it on the way (the recall's hold stands; it is released or scrapped there, as any quarantined unit)."""
    if item.status not in ON_A_SHELF:
        raise DomainError(f"Serial {item.serial} {where_is(s, item, product)} — it cannot arrive on {tr}.",
                          code="not_on_a_shelf", serial=item.serial)
    try:
        put(s, item, product, TRANSIT_LOCATION_ID, destination.id, status=item.status)
    except DomainError as exc:  # still in transit: its status changed at another station meanwhile
        if exc.code != "in_transit":
            raise
        raise DomainError(f"Serial {item.serial} was changed at another station at the same moment "
                          f"({where_is(s, item, product)}); nothing was changed — scan it in on {tr} again.",
                          code="conflict", serial=item.serial) from None


def _never_sent(s: Session, item: Item, product: Product, source: Location, tr: str) -> Location:
    """The place of a unit that arrived without being scanned out: in stock at the source's branch, else refused."""
    if item.location_id == TRANSIT_LOCATION_ID:  # on no open transfer (the caller looked): no scan-in can help
        raise DomainError(f"Serial {item.serial} is listed as in transit but is on no open transfer, so it cannot "
                          f"arrive on {tr}; nothing was changed — ask a manager to look at its history.",
                          code="in_transit", serial=item.serial)
    if item.status != ItemStatus.IN_STOCK.value:
        raise DomainError(f"Serial {item.serial} {where_is(s, item, product)} — it was never sent on {tr} and "
                          "cannot arrive on it.", code="never_sent", serial=item.serial)
    here = shelf_of(s, item, product, "received on a transfer")
    if here.branch != source.branch:
        raise DomainError(f"Serial {item.serial} is in {here.name} and was never sent on {tr} (from "
                          f"{source.name}); it cannot arrive on it.", code="never_sent", serial=item.serial)
    return here


def transfer_view(s: Session, t: Transfer) -> TransferView:
    names = [s.scalar(select(Location.name).where(Location.id == loc_id)) or "?"
             for loc_id in (t.from_location_id, t.to_location_id)]
    rows = s.execute(select(Product.sku, Item.serial, TransferLine.state, TransferLine.sent_at,
                            TransferLine.received_at)
                     .join(Item, Item.id == TransferLine.item_id).join(Product, Product.id == Item.product_id)
                     .where(TransferLine.transfer_id == t.id).order_by(TransferLine.id)).all()
    units = tuple(TransferUnit(*row) for row in rows)
    return TransferView(
        t.id, record_number("transfer", t.id), names[0], names[1], t.status, t.opened_by, t.station, t.opened_at,
        units, sent=sum(u.sent_at is not None for u in units),
        received=sum(u.state in (RECEIVED, EXTRA) for u in units),
        short=tuple(f"{u.sku}:{u.serial}" for u in units if u.state == SENT),
        extra=tuple(f"{u.sku}:{u.serial}" for u in units if u.state == EXTRA),
        resolved_at=t.resolved_at, note=t.note,
    )
