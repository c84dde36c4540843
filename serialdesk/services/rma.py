"""RMAs (issue 15): claims on the supplier's warranty. A unit under it — on a service ticket, in stock or in
quarantine — is claimed (open), goes back to its supplier (sent), and the supplier answers with a credit, a
replacement unit, or a rejection (the unit comes back). An open claim may be cancelled; a sent one waits for the
supplier's answer.

Where the customer's unit goes: on sending, the ticket is closed and the failed unit taken back from its owner
into quarantine and on to the supplier (each move one the status machine allows, so the history check agrees);
a replacement is received into stock and, for a customer's claim, handed to that customer at no charge with
the failed unit's warranty — the customer's record follows the swap. A unit outside the supplier's warranty is
claimed only when a manager says so (``force``, recorded on the RMA): suppliers do take goodwill claims, but a
clerk should not send one by mistake."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from serialdesk.db.models import Customer, Item, Product, Rma, Sale, SaleLine, ServiceTicket, Supplier
from serialdesk.domain.errors import DomainError, NotFound, PermissionDenied
from serialdesk.domain.money import format_money, to_money
from serialdesk.domain.products import parse_record_number, record_number
from serialdesk.domain.roles import Action, Role
from serialdesk.domain.status import ItemStatus, check_move
from serialdesk.domain.text import day, refuse_control
from serialdesk.services.common import Service, one_item
from serialdesk.services.dto.rma import RmaView
from serialdesk.services.known_units import sale_of, where_is
from serialdesk.services.locations import receiving_location, refuse_in_transit
from serialdesk.services.patterns import scanned_serial
from serialdesk.services.receiving import find_or_open_lot
from serialdesk.services.sale_copies import copied
from serialdesk.services.supplier_warranty import supplier_warranty

S = ItemStatus
OPEN, SENT, CREDITED, REPLACED, REJECTED, CANCELLED = "open", "sent", "credited", "replaced", "rejected", "cancelled"
RMA_STATES = (OPEN, SENT, CREDITED, REPLACED, REJECTED, CANCELLED)
NEXT: dict[str, tuple[str, ...]] = {OPEN: (SENT, CANCELLED), SENT: (CREDITED, REPLACED, REJECTED)}
_DOING = {SENT: "sent to the supplier", CANCELLED: "cancelled", CREDITED: "credited",
          REPLACED: "settled with a replacement", REJECTED: "marked rejected"}
_CLAIMABLE = (S.IN_SERVICE, S.IN_STOCK, S.QUARANTINED)
# The failed unit's way from the service desk to the supplier, each step one the status machine allows.
_FROM_THE_DESK: tuple[tuple[ItemStatus, str], ...] = ((S.SOLD, "rma_ticket_closed"), (S.RETURNED, "rma_taken_back"),
                  (S.QUARANTINED, "rma_set_aside"), (S.AT_SUPPLIER, "rma_sent"))


def rma_number(rma_id: int) -> str:
    return f"RMA-{rma_id:04d}"


class RmaService(Service):
    def open_rma(self, ref: str, *, claim_no: str | None = None, notes: str | None = None,
                 sku: str | None = None, force: bool = False) -> RmaView:
        """Claim a unit from its supplier: ``ref`` is a ticket (T-0001) or the unit's serial (its open ticket,
        if it has one). DomainError for a unit that is not ours to claim (a customer's own, sold and not on a
        ticket, already with the supplier), already on an open RMA, without a supplier, or outside the supplier's
        warranty (unless a manager forces it)."""
        self._require()
        claim_no, notes = _text(claim_no, "claim number", 64), _text(notes, "notes", 500)
        with self.uows() as uow:
            s = uow.session
            rma = self._open(s, ref, sku, claim_no, notes, force)
            uow.commit()
            return rma_view(s, rma)

    def send_straight(self, ref: str, reason: str, *, sku: str | None = None, force: bool = False) -> RmaView:
        """A unit in stock straight back to its supplier (``rma SERIAL --reason R``): the claim opened and sent in
        one go — an RMA on record, within the supplier's warranty (or on a manager's say-so), as ``open_rma``."""
        self._require()
        notes = _text(reason, "reason", 500)
        if not notes:
            raise DomainError("Say why the unit goes back (it is kept on the claim).", code="reason_required")
        with self.uows() as uow:
            s = uow.session
            rma = self._open(s, ref, sku, None, notes, force)
            item = s.get_one(Item, rma.item_id)
            if item.status not in (S.IN_STOCK.value, S.QUARANTINED.value):  # a customer's: their ticket's claim
                check_move(item.status, S.AT_SUPPLIER, item.serial, where_is(s, item, s.get_one(Product,
                                                                                           item.product_id)))
            self._send(s, rma, None)
            uow.commit()
            return rma_view(s, rma)

    def _open(self, s: Session, ref: str, sku: str | None, claim_no: str | None, notes: str | None,
              force: bool) -> Rma:
        item, product, ticket = self._unit(s, ref, sku)
        refuse_in_transit(s, [(item, product)], "claimed from the supplier")
        self._refuse_claimed(s, item)
        if item.supplier_id is None:
            raise DomainError(f"Serial {item.serial} has no supplier on record — there is no one to claim it "
                              f"from.", code="no_supplier")
        forced_by = self._warranty_or_force(s, item, product, force)
        rma = Rma(supplier_id=item.supplier_id, item_id=item.id, ticket_id=ticket.id if ticket else None,
                  customer_id=ticket.customer_id if ticket else None, state=OPEN, claim_no=claim_no,
                  notes=notes, forced_by=forced_by, opened_by=self.actor.name, opened_at=self.clock())
        s.add(rma)
        s.flush()
        self.record(s, kind="rma_opened", item_id=item.id, product_id=product.id, serial=item.serial,
                    ref_type="rma", ref_id=rma.id,
                    data={"rma": rma_number(rma.id), "claim_no": claim_no, "forced_by": forced_by,
                          "ticket": record_number("ticket", ticket.id) if ticket else None})
        return rma

    def send(self, number: str, *, claim_no: str | None = None) -> RmaView:
        """The unit leaves for the supplier. From a ticket, the ticket is closed and the unit taken back from
        its owner (they get the replacement, or the unit back if the claim is rejected)."""
        self._require()
        claim_no = _text(claim_no, "claim number", 64)
        with self.uows() as uow:
            s = uow.session
            rma = self._moving(s, number, SENT)
            self._send(s, rma, claim_no)
            uow.commit()
            return rma_view(s, rma)

    def _send(self, s: Session, rma: Rma, claim_no: str | None) -> None:
        item = s.get_one(Item, rma.item_id)
        product = s.get_one(Product, item.product_id)
        now = self.clock()
        self.fits(s, [item.id], now, "sending it to the supplier")
        if item.status == S.IN_SERVICE.value:
            self._close_ticket(s, rma, now)
            steps = _FROM_THE_DESK
        else:
            refuse_in_transit(s, [(item, product)], "sent to the supplier")
            steps = ((S.AT_SUPPLIER, "rma_sent"),)
        for target, kind in steps:
            self._move(s, rma, item, product, target, kind, now)
        rma.state, rma.sent_at = SENT, now
        rma.claim_no = claim_no or rma.claim_no

    def credit(self, number: str, amount: str | Decimal) -> RmaView:
        """The supplier credited us (and keeps the failed unit: it leaves our books as written off there)."""
        self._require()
        money = to_money(amount, "The credit")
        if money <= 0:
            raise DomainError("The credit must be more than 0.", code="bad_amount")
        with self.uows() as uow:
            s = uow.session
            rma = self._moving(s, number, CREDITED)
            item = s.get_one(Item, rma.item_id)
            now = self.clock()
            self.fits(s, [item.id], now, "the supplier's credit")
            rma.credit_amount = money
            self._move(s, rma, item, s.get_one(Product, item.product_id), S.SCRAPPED, "rma_credited", now,
                       amount=format_money(money))
            self._close(rma, CREDITED, now)
            uow.commit()
            return rma_view(s, rma)

    def replace(self, number: str, serial: str, *, lot: str | None = None, to_stock: bool = False) -> RmaView:
        """The supplier sent a replacement: it is received into stock and, for a customer's claim (unless
        ``to_stock``), handed to that customer with the failed unit's warranty. DomainError for a serial that is
        already one of ours or does not fit the product's format."""
        self._require()
        with self.uows() as uow:
            s = uow.session
            rma = self._moving(s, number, REPLACED)
            item = s.get_one(Item, rma.item_id)
            product = s.get_one(Product, item.product_id)
            value = scanned_serial(product, serial, lot)
            if s.scalar(select(Item.id).where(Item.product_id == product.id, Item.serial == value)) is not None:
                raise DomainError(f"Serial {value} of {product.sku} is already one of ours — the replacement "
                                  f"must be a new unit.", code="replacement_known")
            now = self.clock()
            self.fits(s, [item.id], now, "the replacement")
            new = self._receive_replacement(s, rma, item, product, value, lot, now)
            self._move(s, rma, item, product, S.SCRAPPED, "rma_replaced", now,
                       replacement=f"{product.sku}:{new.serial}")
            rma.replacement_item_id = new.id
            if rma.customer_id is not None and not to_stock:
                self._hand_over(s, rma, item, new, product, now, "rma_swapped_in")
            self._close(rma, REPLACED, now)
            uow.commit()
            return rma_view(s, rma)

    def reject(self, number: str, notes: str | None = None) -> RmaView:
        """The supplier refused the claim and sent the unit back: into stock, and for a customer's claim back to
        that customer (the shop decides what it does for them; the RMA says it was rejected)."""
        self._require()
        notes = _text(notes, "notes", 500)
        with self.uows() as uow:
            s = uow.session
            rma = self._moving(s, number, REJECTED)
            item = s.get_one(Item, rma.item_id)
            product = s.get_one(Product, item.product_id)
            now = self.clock()
            self.fits(s, [item.id], now, "the supplier's rejection")
            self._move(s, rma, item, product, S.IN_STOCK, "rma_rejected", now, notes=notes or "")
            if rma.customer_id is not None:
                self._hand_over(s, rma, item, item, product, now, "rma_returned_to_owner")
            if notes:
                rma.notes = f"{rma.notes}\n{notes}" if rma.notes else notes
            self._close(rma, REJECTED, now)
            uow.commit()
            return rma_view(s, rma)

    def cancel(self, number: str) -> RmaView:
        """An open claim that will not be sent (the unit stays where it is)."""
        self._require()
        with self.uows() as uow:
            s = uow.session
            rma = self._moving(s, number, CANCELLED)
            self._close(rma, CANCELLED, self.clock())
            self.record(s, kind="rma_cancelled", item_id=rma.item_id, ref_type="rma", ref_id=rma.id,
                        data={"rma": rma_number(rma.id)})
            uow.commit()
            return rma_view(s, rma)

    def rma(self, number: str) -> RmaView:
        with self.uows.reading() as uow:
            return rma_view(uow.session, _rma(uow.session, number))

    def rmas(self, *, open_only: bool = False, limit: int = 500) -> list[RmaView]:
        """Newest first; ``open_only``: the claims still waiting (open or sent)."""
        query = select(Rma).order_by(Rma.id.desc()).limit(limit)
        if open_only:
            query = query.where(Rma.state.in_((OPEN, SENT)))
        with self.uows.reading() as uow:
            return [rma_view(uow.session, r) for r in uow.session.scalars(query)]

    # --- the steps ------------------------------------------------------------------------------------------

    def _require(self) -> None:
        if not (self.actor.may(Action.SERVICE) or self.actor.may(Action.RECEIVE)):
            raise PermissionDenied(f"{self.actor.name} ({self.actor.role.value}) may not claim from suppliers.",
                                   code="not_allowed")

    def _unit(self, s: Session, ref: str, sku: str | None) -> tuple[Item, Product, ServiceTicket | None]:
        ticket_id = parse_record_number("ticket", ref)
        if ticket_id is not None and not ref.strip().isdigit():
            ticket = s.get(ServiceTicket, ticket_id)
            if ticket is None:
                raise NotFound(f"There is no ticket {record_number('ticket', ticket_id)}.", code="unknown_ticket")
            if ticket.status == "closed":
                raise DomainError(f"Ticket {record_number('ticket', ticket.id)} is closed — open a new ticket if "
                                  f"the unit is back.", code="ticket_closed")
            item = s.get_one(Item, ticket.item_id)
            product = s.get_one(Product, item.product_id)
        else:
            item, product = one_item(s, ref, sku)
            ticket = s.scalar(select(ServiceTicket).where(ServiceTicket.item_id == item.id,
                                                          ServiceTicket.status != "closed")
                              .order_by(ServiceTicket.id.desc()).limit(1))
        if item.status == S.CUSTOMER_OWNED.value or (ticket is not None and not ticket.sold_by_us):
            raise DomainError(f"Serial {item.serial} is a customer's unit not sold by us — we have no supplier "
                              f"warranty on it.", code="not_ours")
        if S(item.status) not in _CLAIMABLE:
            raise DomainError(f"Serial {item.serial} {where_is(s, item, product)} — only a unit on a service "
                              f"ticket, in stock or in quarantine can be claimed from the supplier.",
                              code="not_claimable")
        return item, product, ticket

    @staticmethod
    def _refuse_claimed(s: Session, item: Item) -> None:
        other = s.scalar(select(Rma).where(Rma.item_id == item.id, Rma.state.in_((OPEN, SENT))).limit(1))
        if other is not None:
            raise DomainError(f"Serial {item.serial} is already claimed on {rma_number(other.id)} "
                              f"({other.state}).", code="rma_exists")

    def _warranty_or_force(self, s: Session, item: Item, product: Product, force: bool) -> str | None:
        cover = supplier_warranty(s, item, product, self.clock())
        if cover.covers:
            return None
        if not force:
            raise DomainError(f"Serial {item.serial}: {cover.sentence()} — a claim outside the supplier's "
                              f"warranty needs a manager's say-so (--force).", code="no_supplier_warranty")
        if self.actor.role is not Role.MANAGER:
            raise PermissionDenied("Only a manager may claim a unit outside the supplier's warranty.",
                                   code="not_allowed")
        return self.actor.name

    def _moving(self, s: Session, number: str, target: str) -> Rma:
        """The RMA, locked, if it may move to ``target``; else why not, in the clerk's words."""
        rma = _rma(s, number, lock=True)
        if target in NEXT.get(rma.state, ()):
            return rma
        hint = {OPEN: f" (send it first: rma send {rma_number(rma.id)})" if target != SENT else "",
                SENT: " — record the supplier's answer: credit, replace or reject"}.get(rma.state, "")
        raise DomainError(f"{rma_number(rma.id)} {_state_phrase(s, rma)} — it cannot be {_DOING[target]}"
                          f"{' again' if rma.state == target else ''}{hint}.", code=f"rma_{rma.state}_to_{target}")

    def _close_ticket(self, s: Session, rma: Rma, now: datetime) -> None:
        ticket = s.get(ServiceTicket, rma.ticket_id) if rma.ticket_id else None
        if ticket is not None and ticket.status != "closed":
            ticket.status, ticket.closed_at = "closed", now
            ticket.resolution = f"Sent back to the supplier under {rma_number(rma.id)}"

    def _move(self, s: Session, rma: Rma, item: Item, product: Product, target: ItemStatus, kind: str,
              now: datetime, **data: str) -> None:
        before = item.status
        item.status = check_move(before, target, item.serial, where_is(s, item, product)).value
        if target in (S.AT_SUPPLIER, S.SCRAPPED):
            item.location_id = None
        ref = ("ticket", rma.ticket_id) if kind == "rma_ticket_closed" and rma.ticket_id else ("rma", rma.id)
        self.record(s, kind=kind, item_id=item.id, product_id=product.id, serial=item.serial, at=now,
                    ref_type=ref[0], ref_id=ref[1], status_from=before, status_to=item.status,
                    data={"rma": rma_number(rma.id), "supplier": _supplier(s, rma), **data})

    def _receive_replacement(self, s: Session, rma: Rma, failed: Item, product: Product, serial: str,
                             lot: str | None, now: datetime) -> Item:
        found_lot = find_or_open_lot(s, product, lot, rma.supplier_id)
        new = Item(product_id=product.id, serial=serial, lot_id=found_lot.id if found_lot else failed.lot_id,
                   status=S.IN_STOCK.value, serial_source="supplier", cost=failed.cost,
                   location_id=receiving_location(s, self.actor.location or None).id,
                   supplier_id=rma.supplier_id, received_at=now, created_at=now)
        s.add(new)
        s.flush()
        self.record(s, kind="rma_replacement_received", item_id=new.id, product_id=product.id, serial=new.serial,
                    at=now, ref_type="rma", ref_id=rma.id, status_to=new.status,
                    data={"rma": rma_number(rma.id), "supplier": _supplier(s, rma),
                          "replaces": f"{product.sku}:{failed.serial}"})
        return new

    def _hand_over(self, s: Session, rma: Rma, failed: Item, unit: Item, product: Product, now: datetime,
                   kind: str) -> None:
        """The unit goes to the claim's customer at no charge, keeping the warranty they had on the failed one."""
        old = sale_of(s, failed.id)
        customer = s.get_one(Customer, rma.customer_id)
        sale = Sale(customer_id=customer.id, sold_by=self.actor.name, station=self.actor.station, sold_at=now)
        s.add(sale)
        s.flush()
        s.add(SaleLine(sale_id=sale.id, item_id=unit.id, price=Decimal("0.00"),
                       warranty_until=old[0].warranty_until if old else None, **copied(unit)))
        before = unit.status
        unit.status = check_move(before, S.SOLD, unit.serial, where_is(s, unit, product)).value
        unit.location_id = None
        self.record(s, kind=kind, item_id=unit.id, product_id=product.id, serial=unit.serial, at=now,
                    ref_type="sale", ref_id=sale.id, status_from=before, status_to=unit.status,
                    data={"rma": rma_number(rma.id), "customer": _customer(customer), "price": "0.00"})

    def _close(self, rma: Rma, state: str, now: datetime) -> None:
        rma.state, rma.closed_at, rma.closed_by = state, now, self.actor.name


def _rma(s: Session, number: str, *, lock: bool = False) -> Rma:
    text = number.strip()
    rma_id = int(text) if text.isdigit() else _parse(text)
    query = select(Rma).where(Rma.id == rma_id)
    found = s.scalar(query.with_for_update() if lock else query) if rma_id is not None else None
    if found is None:
        raise NotFound(f"There is no RMA '{text}' (RMAs are numbered RMA-0001, …).", code="unknown_rma")
    return found


def _parse(text: str) -> int | None:
    head, _, digits = text.upper().partition("-")
    return int(digits) if head == "RMA" and digits.isdigit() else None


def _text(value: str | None, what: str, limit: int) -> str | None:
    if value is None or not value.strip():
        return None
    refuse_control(value, what, multiline=what == "notes")
    if len(value.strip()) > limit:
        raise DomainError(f"The {what} is longer than {limit} characters.", code="too_long")
    return value.strip()


def _supplier(s: Session, rma: Rma) -> str:
    return s.get_one(Supplier, rma.supplier_id).name


def _customer(customer: Customer) -> str:
    return f"{customer.name} ({record_number('customer', customer.id)})"


def _state_phrase(s: Session, rma: Rma) -> str:
    supplier = _supplier(s, rma)
    return {OPEN: "is open (not sent to the supplier yet)",
            SENT: f"was sent to {supplier} on {day(rma.sent_at)}" if rma.sent_at else "was sent",
            CREDITED: f"was credited by {supplier} ({format_money(rma.credit_amount or Decimal(0))})",
            REPLACED: f"was settled by {supplier} with a replacement",
            REJECTED: f"was rejected by {supplier}",
            CANCELLED: "was cancelled"}[rma.state]


def rma_view(s: Session, rma: Rma) -> RmaView:
    item = s.get_one(Item, rma.item_id)
    product = s.get_one(Product, item.product_id)
    customer = s.get(Customer, rma.customer_id) if rma.customer_id else None
    replacement = s.get(Item, rma.replacement_item_id) if rma.replacement_item_id else None
    return RmaView(rma.id, rma_number(rma.id), rma.state, _supplier(s, rma), product.sku, item.serial,
                   record_number("ticket", rma.ticket_id) if rma.ticket_id else None,
                   _customer(customer) if customer else None, rma.claim_no, rma.notes, rma.credit_amount,
                   replacement.serial if replacement else None, rma.forced_by, rma.opened_by, rma.opened_at,
                   rma.sent_at, rma.closed_at, NEXT.get(rma.state, ()))


def rmas_of(s: Session, item_id: int) -> tuple[RmaView, ...]:
    """The passport's RMAs: the claims on this unit, and the one it came in as a replacement on."""
    rows = s.scalars(select(Rma).where((Rma.item_id == item_id) | (Rma.replacement_item_id == item_id))
                     .order_by(Rma.id))
    return tuple(rma_view(s, r) for r in rows)
