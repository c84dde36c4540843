"""The unit passport: where it came from, who bought it, warranty, and every event in order."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from serialdesk.db.models import Customer, Event, Item, Lot, Product, Sale, SaleLine, ServiceTicket, Supplier
from serialdesk.domain.products import record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.status import ItemStatus
from serialdesk.domain.warranty import warranty_state
from serialdesk.services.common import Service, one_item, party_view
from serialdesk.services.dto import EventView, ItemPassport, PartyView
from serialdesk.services.locations import journey, where_now
from serialdesk.services.recall_holds import hold_sentence, holds_on
from serialdesk.services.service_desk import ticket_view
from serialdesk.services.supplier_warranty import supplier_warranty
from serialdesk.services.timeline import is_backdated

_HELD_BY_CUSTOMER = {ItemStatus.SOLD.value, ItemStatus.IN_SERVICE.value, ItemStatus.RECALLED.value,
                     ItemStatus.CUSTOMER_OWNED.value}

_SUMMARY = {
    "scanned": "Scanned into draft {ref}",
    "scan_removed": "Scan removed from draft {ref}",
    "generated": "Serial generated here on draft {ref}",
    "received": "Received into stock on {ref}",
    "sold": "Sold on {ref} to {customer}",
    "returned": "Returned from {sale}: {reason} → {disposition}",
    "registered_foreign": "Registered at the service desk for {owner} (not sold by us)",
    "ticket_opened": "Service ticket {ref} opened: {problem}",
    "work_logged": "Work on {ref}: {text} ({minutes} min)",
    "part_swapped": "Part swap on {ref}: took out {removed}, fitted {fitted}",
    "part_fitted": "Fitted as a part during {ref}",
    "part_removed": "Taken out as a faulty part during {ref}",
    "ticket_closed": "Service ticket {ref} closed: {resolution}",
    "recalled": "Recalled on {ref}: {reason}",
    "quarantined_by_recall": "Quarantined by recall {ref}: {reason}",
    "recall_resolved": "Recall {ref} resolved: {resolution} {note}",
    "recall_cleared": "No longer under recall ({ref}): the customer keeps it",
    "quarantined": "Set aside in quarantine: {reason}",
    "released": "Released from quarantine: {reason}",
    "scrapped": "Scrapped: {reason}",
    "sent_to_supplier": "Sent back to the supplier (RMA): {reason}",
    "back_from_supplier": "Back from the supplier: {reason}",
    "moved": "Moved from {from_location} to {to_location}",
    "transfer_sent": "Sent on {ref} from {from_location} to {destination} (in transit)",
    "transfer_received": "Arrived at {to_location} on {ref}",
    "transfer_returned": "Not arrived on {ref}: back in {to_location}",
}


def summarise(kind: str, ref: str | None, data: dict[str, Any]) -> str:
    template = _SUMMARY.get(kind)
    if template is None:
        return kind.replace("_", " ").capitalize() + (f" ({ref})" if ref else "")
    try:
        return template.format(ref=ref or "", **data)
    except (KeyError, IndexError):
        return kind.replace("_", " ").capitalize()


def _ref(ref_type: str | None, ref_id: int | None) -> str | None:
    if ref_type is None or ref_id is None:
        return None
    try:
        return record_number(ref_type, ref_id)
    except KeyError:
        return f"{ref_type} {ref_id}"


class LookupService(Service):
    def passport(self, serial: str, sku: str | None = None) -> ItemPassport:
        """Everything about one unit. NotFound for an unknown serial; DomainError when it is ambiguous."""
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            s = uow.session
            item, product = one_item(s, serial, sku)
            return self.passport_of(s, item, product)

    def passport_of(self, s: Any, item: Item, product: Product) -> ItemPassport:
        # A passport is a scan-time answer (≤ 5 ms at 1M units): few statements, each an index lookup.
        # Lot, supplier and the latest sale with its buyer in one statement.
        lines = aliased(SaleLine)
        latest = select(func.max(lines.id)).where(lines.item_id == Item.id).correlate(Item).scalar_subquery()
        lot, supplier, line_row, sale_row, buyer = s.execute(
            select(Lot.code, Supplier.name, SaleLine, Sale, Customer).select_from(Item)
            .outerjoin(Lot, Lot.id == Item.lot_id).outerjoin(Supplier, Supplier.id == Item.supplier_id)
            .outerjoin(SaleLine, SaleLine.id == latest).outerjoin(Sale, Sale.id == SaleLine.sale_id)
            .outerjoin(Customer, Customer.id == Sale.customer_id).where(Item.id == item.id)).one()
        last_sale = (line_row, sale_row, buyer) if line_row is not None else None
        # Customer and warranty belong to whoever holds the unit now; a returned unit's past sale stays in
        # the history but no longer makes it anyone's.
        held = item.status in _HELD_BY_CUSTOMER
        ours = last_sale is not None and item.status != ItemStatus.CUSTOMER_OWNED.value
        sold = (last_sale[1], last_sale[2]) if held and ours and last_sale is not None else None
        line = last_sale[0] if held and last_sale is not None else None
        until = line.warranty_until if line is not None else None
        now = self.clock()
        state = warranty_state(until, now)
        ours_from_supplier = supplier_warranty(s, item, product, now)  # whoever holds the unit (issue 15)
        tickets = tuple(ticket_view(s, t, now=now) for t in s.scalars(
            select(ServiceTicket).where(ServiceTicket.item_id == item.id).order_by(ServiceTicket.id)))
        owner = sold[1] if sold else None
        owner_view: PartyView | None
        if owner is None and held and tickets and tickets[-1].customer is not None:
            owner_view = tickets[-1].customer  # a unit not sold by us: its owner from the service desk
        else:
            owner_view = party_view("customer", owner) if owner else None
        events = tuple(
            EventView(e.at, e.kind, e.by_user, e.station, _ref(e.ref_type, e.ref_id),
                      summarise(e.kind, _ref(e.ref_type, e.ref_id), e.data or {}), e.data or {},
                      *((e.recorded_at, True) if is_backdated(e.at, e.recorded_at) else ()))
            for e in s.scalars(select(Event).where(Event.item_id == item.id).order_by(Event.at, Event.id))
        )
        holds = tuple(holds_on(s, [item.id]).get(item.id, ()))
        return ItemPassport(
            item_id=item.id, sku=product.sku, product=product.name, serial=item.serial,
            serial_source=item.serial_source, status=item.status, lot=lot, supplier=supplier,
            received_at=item.received_at, cost=item.cost,
            location=where_now(s, item),
            customer=owner_view,
            sold_at=sold[0].sold_at if sold else None,
            sale=record_number("sale", sold[0].id) if sold else None,
            price=line.price if line is not None else None,
            warranty_until=until, warranty_status=state.status.value, warranty_days_left=state.days_left,
            events=events, tickets=tickets, sold_by_us=ours or item.status not in _HELD_BY_CUSTOMER,
            supplier_warranty_until=ours_from_supplier.until, supplier_warranty_status=ours_from_supplier.status,
            supplier_warranty_days_left=ours_from_supplier.days_left,
            recall_holds=holds, hold=hold_sentence(holds), journey=journey(s, item.id),
        )
