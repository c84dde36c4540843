"""The service desk: tickets on units (ours or not), work log, part swaps, closing and handing back."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from serialdesk.db.models import Customer, Item, PartSwap, Product, SaleLine, ServiceTicket, WorkLog, utcnow
from serialdesk.domain.errors import DomainError, NotFound, PermissionDenied
from serialdesk.domain.money import to_money
from serialdesk.domain.products import record_number
from serialdesk.domain.roles import Action, Role
from serialdesk.domain.status import ItemStatus, check_move
from serialdesk.domain.text import clean_text, refuse_control
from serialdesk.domain.warranty import WarrantyStatus, add_months, warranty_state
from serialdesk.services.common import (
    Service,
    customer_by_ref,
    items_by_ref,
    one_item,
    party_view,
    product_by_code,
    split_ref,
)
from serialdesk.services.dto import PartSwapView, TicketView, WorkLogView
from serialdesk.services.known_units import sale_of, where_is
from serialdesk.services.parts import fit, refuse_other_kind, removed_part, unfit
from serialdesk.services.patterns import scanned_serial
from serialdesk.services.recall_holds import follow_owner

OPEN, WAITING, DONE, CLOSED = "open", "waiting_parts", "done", "closed"
TICKET_STATUSES = (OPEN, WAITING, DONE, CLOSED)


class ServiceDeskService(Service):
    def open_ticket(
        self, serial: str, problem: str, *, customer: str | None = None, sku: str | None = None,
        warranty_claim: bool | None = None, at: datetime | None = None, accessories: str | None = None,
        estimate: Decimal | str | None = None,
    ) -> TicketView:
        """Take a unit in for service. A unit we sold keeps its buyer; a unit we never sold needs ``sku`` and
        ``customer`` and is recorded as "not sold by us". The warranty claim follows the warranty status unless
        a manager decides otherwise (recorded on the ticket)."""
        self.actor.require(Action.SERVICE)
        refuse_control(problem, "problem", multiline=True)
        if not problem.strip():
            raise DomainError("Describe the problem the customer reports.", code="problem_required")
        handed_in = clean_text(accessories, "accessories", limit=500)  # issue 18: on the job sheet
        quoted = to_money(estimate, "Estimate") if estimate not in (None, "") else None
        with self.uows() as uow:
            s = uow.session
            item, product, owner, line = self._unit_for_service(s, serial, sku, customer)
            ours = line is not None
            now = self.moment(at, "a service ticket")
            self.fits(s, [item.id], now, "a service ticket")
            until = line.warranty_until if line is not None else None
            in_warranty = warranty_state(until, now).status is WarrantyStatus.IN_WARRANTY
            claim, override = in_warranty, None
            if warranty_claim is not None and warranty_claim != in_warranty:
                if self.actor.role is not Role.MANAGER:
                    raise PermissionDenied("Only a manager may overrule the warranty decision.", code="not_allowed")
                claim, override = warranty_claim, self.actor.name
            before = item.status
            item.status = check_move(item.status, ItemStatus.IN_SERVICE, item.serial, where_is(s, item, product)).value
            if owner is not None:
                follow_owner(s, item.id, owner.id)  # an open recall line names whoever brought the unit in
            ticket = ServiceTicket(item_id=item.id, customer_id=owner.id if owner else None, problem=problem.strip(),
                                   status=OPEN, sold_by_us=ours, warranty_claim=claim, warranty_override_by=override,
                                   opened_by=self.actor.name, opened_at=now, accessories=handed_in,
                                   estimate=quoted)
            s.add(ticket)
            s.flush()
            self.record(s, kind="ticket_opened", item_id=item.id, product_id=product.id, serial=item.serial,
                        ref_type="ticket", ref_id=ticket.id, at=now, status_from=before, status_to=item.status,
                        data={"problem": ticket.problem, "warranty_claim": claim, "override_by": override})
            uow.commit()
            return ticket_view(s, ticket)

    def _unit_for_service(
        self, s: Session, serial: str, sku: str | None, customer: str | None
    ) -> tuple[Item, Product, Customer | None, SaleLine | None]:
        """The unit, its owner, and — for a unit we sold — its latest sale line (None: not sold by us)."""
        found = items_by_ref(s, serial, sku)
        if found:
            item, product = found[0] if len(found) == 1 else one_item(s, serial, sku)  # one_item: "which one?"
            sold = sale_of(s, item.id)
            if sold is not None and item.status != ItemStatus.CUSTOMER_OWNED.value:
                return item, product, sold[2], sold[0]
            owner = customer_by_ref(s, customer) if customer else self._last_owner(s, item.id)
            return item, product, owner, None
        code, text = split_ref(s, serial, sku)
        # The same checks as receiving (format, pattern, check digit): a mistyped serial is no new unit.
        value = scanned_serial(product_by_code(s, code), text) if code is not None else text
        if code is None or customer is None:
            raise NotFound(f"Serial {text} is not one of ours. To take in a unit not sold by us, give its product "
                           f"(SKU) and its owner (customer).", code="unknown_serial")
        owner = customer_by_ref(s, customer)
        product = product_by_code(s, code)
        item = Item(product_id=product.id, serial=value,
                    status=ItemStatus.CUSTOMER_OWNED.value, serial_source="supplier", cost=0, location="customer",
                    created_at=self.clock())
        s.add(item)
        s.flush()
        self.record(s, kind="registered_foreign", item_id=item.id, product_id=product.id, serial=item.serial,
                    status_to=item.status, data={"owner": f"{owner.name} ({record_number('customer', owner.id)})"})
        return item, product, owner, None

    @staticmethod
    def _last_owner(s: Session, item_id: int) -> Customer | None:
        customer_id = s.scalar(select(ServiceTicket.customer_id).where(ServiceTicket.item_id == item_id)
                               .order_by(ServiceTicket.id.desc()).limit(1))
        return s.get(Customer, customer_id) if customer_id else None

    def log_work(self, ticket_id: int, text: str, minutes: int = 0) -> TicketView:
        """Add a work-log line (what was done, how long) to an open ticket."""
        self.actor.require(Action.SERVICE)
        refuse_control(text, "work-log text", multiline=True)
        if not text.strip():
            raise DomainError("Say what was done.", code="text_required")
        if not 0 <= minutes <= 24 * 60:
            raise DomainError("Minutes must be between 0 and 1440 for one entry.", code="bad_minutes")
        with self.uows() as uow:
            ticket = _open(uow.session, ticket_id)
            self.fits(uow.session, [ticket.item_id], self.clock(), "a work-log entry")
            uow.session.add(WorkLog(ticket_id=ticket.id, text=text.strip(), minutes=minutes, by_user=self.actor.name,
                                    at=self.clock()))
            self.record(uow.session, kind="work_logged", item_id=ticket.item_id, ref_type="ticket", ref_id=ticket.id,
                        data={"text": text.strip(), "minutes": minutes})
            uow.commit()
            return ticket_view(uow.session, ticket)

    def swap_part(self, ticket_id: int, *, out: str, into: str, out_sku: str | None = None,
                  in_sku: str | None = None) -> TicketView:
        """Record a serialised part swap: ``out`` is taken out of the unit, ``into`` (from stock) is fitted.

        Both must be parts the unit's product takes (``product slot``); a part of another kind is refused naming
        both. The fitted part leaves stock; a removed part of ours is set aside in quarantine, and a removed part
        we never had is kept on the ticket only (product and serial, checked as at receiving), never as stock."""
        self.actor.require(Action.SERVICE)
        with self.uows() as uow:
            s = uow.session
            ticket = _open(s, ticket_id)
            host = s.get_one(Product, s.get_one(Item, ticket.item_id).product_id)
            fitted, fitted_product = one_item(s, into, in_sku)
            refuse_other_kind(s, host, fitted_product)
            removed, removed_product, removed_serial = removed_part(s, out, out_sku, host, fitted_product)
            if fitted.id == ticket.item_id:
                raise DomainError(f"Serial {fitted.serial} is the unit being repaired; scan the new part to fit.",
                                  code="bad_swap")
            if removed is not None and fitted.id == removed.id:
                raise DomainError(f"Serial {fitted.serial} is the part being taken out; scan the new part to fit.",
                                  code="bad_swap")
            check_move(fitted.status, ItemStatus.FITTED, fitted.serial, where_is(s, fitted, fitted_product))
            now = self.clock()
            self.fits(s, [i for i in (fitted.id, removed.id if removed else None, ticket.item_id) if i is not None],
                      now, "a part swap")
            # The genealogy: the removed part leaves the unit, the fitted one sits in it from now on.
            unit = s.get_one(Item, ticket.item_id)
            if removed is not None:
                unfit(s, removed, unit, at=now, by=self.actor.name, ticket_id=ticket.id)
            fit(s, fitted, unit, at=now, by=self.actor.name, ticket_id=ticket.id)
            moves = [(fitted, fitted_product, ItemStatus.FITTED, "part_fitted")]
            if removed is not None:
                moves.append((removed, removed_product, ItemStatus.QUARANTINED, "part_removed"))
            for unit, product, target, kind in moves:
                before = unit.status
                unit.status = check_move(unit.status, target, unit.serial, where_is(s, unit, product)).value
                self.record(s, kind=kind, item_id=unit.id, product_id=product.id, serial=unit.serial, at=now,
                            ref_type="ticket", ref_id=ticket.id, status_from=before, status_to=unit.status)
            s.add(PartSwap(ticket_id=ticket.id, removed_item_id=removed.id if removed else None,
                           removed_product_id=removed_product.id, removed_serial=removed_serial,
                           fitted_item_id=fitted.id, by_user=self.actor.name, at=now))
            removed_label = f"{removed_product.sku}:{removed_serial}" + ("" if removed else " (not a unit of ours)")
            self.record(s, kind="part_swapped", item_id=ticket.item_id, ref_type="ticket", ref_id=ticket.id, at=now,
                        data={"removed": removed_label, "fitted": f"{fitted_product.sku}:{fitted.serial}"})
            uow.commit()
            return ticket_view(s, ticket)

    def set_status(self, ticket_id: int, status: str) -> TicketView:
        """open ↔ waiting_parts → done; closing has its own call (it hands the unit back)."""
        self.actor.require(Action.SERVICE)
        if status not in (OPEN, WAITING, DONE):
            raise DomainError(f"'{status}' is not a ticket status here; use open, waiting_parts or done.",
                              code="bad_ticket_status")
        with self.uows() as uow:
            ticket = _open(uow.session, ticket_id)
            before, ticket.status = ticket.status, status
            self.record(uow.session, kind="ticket_status", item_id=ticket.item_id, ref_type="ticket",
                        ref_id=ticket.id, data={"from": before, "to": status})
            uow.commit()
            return ticket_view(uow.session, ticket)

    def close_ticket(self, ticket_id: int, resolution: str, *, at: datetime | None = None,
                     charge: Decimal | str | None = None) -> TicketView:
        """Close the ticket and hand the unit back to its owner; a warranty repair may extend the warranty."""
        self.actor.require(Action.SERVICE)
        refuse_control(resolution, "resolution", multiline=True)
        if not resolution.strip():
            raise DomainError("Say how the ticket was resolved.", code="resolution_required")
        charged = to_money(charge, "Charge") if charge not in (None, "") else None  # issue 18: hand-back sheet
        with self.uows() as uow:
            s = uow.session
            ticket = _open(s, ticket_id)
            item = s.get_one(Item, ticket.item_id)
            product = s.get_one(Product, item.product_id)
            now = self.moment(at, "closing the ticket")
            self.fits(s, [item.id], now, "closing the ticket")
            target = ItemStatus.SOLD if ticket.sold_by_us else ItemStatus.CUSTOMER_OWNED
            item.status = check_move(item.status, target, item.serial).value
            ticket.status, ticket.closed_at, ticket.resolution = CLOSED, now, resolution.strip()
            ticket.charge = charged
            data: dict[str, object] = {"resolution": ticket.resolution}
            if ticket.warranty_claim and ticket.sold_by_us and product.repair_extension_months:
                data["warranty_until"] = self._extend_warranty(s, item.id, now, product.repair_extension_months)
            self.record(s, kind="ticket_closed", item_id=item.id, product_id=product.id, serial=item.serial, at=now,
                        ref_type="ticket", ref_id=ticket.id, status_from=ItemStatus.IN_SERVICE.value,
                        status_to=item.status, data=data)
            uow.commit()
            return ticket_view(s, ticket)

    @staticmethod
    def _extend_warranty(s: Session, item_id: int, now: datetime, months: int) -> str:
        line = s.scalar(select(SaleLine).where(SaleLine.item_id == item_id).order_by(SaleLine.id.desc()).limit(1))
        assert line is not None  # a unit sold by us has a sale line
        extended = add_months(now, months)
        if line.warranty_until is None or extended > line.warranty_until:
            line.warranty_until = extended
        return (line.warranty_until or extended).isoformat()

    def ticket(self, ticket_id: int) -> TicketView:
        with self.uows.reading() as uow:
            return ticket_view(uow.session, _ticket(uow.session, ticket_id))

    def tickets(self, *, open_only: bool = False, limit: int = 200) -> list[TicketView]:
        query = select(ServiceTicket).order_by(ServiceTicket.id.desc()).limit(limit)
        if open_only:
            query = query.where(ServiceTicket.status != CLOSED)
        with self.uows.reading() as uow:
            return [ticket_view(uow.session, t, detail=False) for t in uow.session.scalars(query)]


def _ticket(s: Session, ticket_id: int) -> ServiceTicket:
    ticket = s.get(ServiceTicket, ticket_id)
    if ticket is None:
        raise NotFound(f"There is no ticket {record_number('ticket', ticket_id)}.", code="unknown_ticket")
    return ticket


def _open(s: Session, ticket_id: int) -> ServiceTicket:
    ticket = _ticket(s, ticket_id)
    if ticket.status == CLOSED:
        raise DomainError(f"Ticket {record_number('ticket', ticket.id)} was closed on "
                          f"{ticket.closed_at:%d %b %Y}; it cannot be changed.", code="ticket_closed")
    return ticket


def ticket_view(s: Session, t: ServiceTicket, *, detail: bool = True, now: datetime | None = None) -> TicketView:
    item = s.get_one(Item, t.item_id)
    product = s.get_one(Product, item.product_id)
    customer = s.get(Customer, t.customer_id) if t.customer_id else None
    minutes = s.scalar(select(func.coalesce(func.sum(WorkLog.minutes), 0)).where(WorkLog.ticket_id == t.id)) or 0
    work: tuple[WorkLogView, ...] = ()
    swaps: tuple[PartSwapView, ...] = ()
    if detail:
        work = tuple(WorkLogView(w.at, w.by_user, w.minutes, w.text) for w in s.scalars(
            select(WorkLog).where(WorkLog.ticket_id == t.id).order_by(WorkLog.at, WorkLog.id)))
        swaps = tuple(PartSwapView(p.at, p.by_user, _removed_label(s, p), _unit_label(s, p.fitted_item_id))
                      for p in s.scalars(select(PartSwap).where(PartSwap.ticket_id == t.id).order_by(PartSwap.id)))
    return TicketView(
        t.id, record_number("ticket", t.id), product.sku, item.serial, t.status, t.problem,
        party_view("customer", customer) if customer else None, t.sold_by_us, t.warranty_claim,
        t.warranty_override_by, t.opened_by, t.opened_at, t.closed_at, t.resolution, int(minutes), work, swaps,
        *_supplier_warranty(s, item, product, now), accessories=t.accessories, estimate=t.estimate,
        charge=t.charge,
    )


def _supplier_warranty(s: Session, item: Item, product: Product,
                       now: datetime | None) -> tuple[datetime | None, int | None, str, bool]:
    from serialdesk.services.supplier_warranty import supplier_warranty  # issue 15

    found = supplier_warranty(s, item, product, now or utcnow())
    return found.until, found.days_left, found.sentence(), found.covers


def _removed_label(s: Session, swap: PartSwap) -> str:
    if swap.removed_item_id is not None:
        return _unit_label(s, swap.removed_item_id)
    product = s.get(Product, swap.removed_product_id) if swap.removed_product_id else None
    return f"{product.sku if product else '?'}:{swap.removed_serial}"


def _unit_label(s: Session, item_id: int) -> str:
    item = s.get_one(Item, item_id)
    return f"{s.get_one(Product, item.product_id).sku}:{item.serial}"
