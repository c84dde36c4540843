"""The unit passport: where it came from, who bought it, warranty, and every event in order."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from serialdesk.db.models import Event, Item, Lot, Product, SaleLine, Supplier
from serialdesk.domain.products import record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.status import ItemStatus
from serialdesk.domain.warranty import warranty_state
from serialdesk.services.common import Service, one_item, party_view
from serialdesk.services.dto import EventView, ItemPassport
from serialdesk.services.known_units import sale_of

_HELD_BY_CUSTOMER = {ItemStatus.SOLD.value, ItemStatus.IN_SERVICE.value, ItemStatus.RECALLED.value}

_SUMMARY = {
    "scanned": "Scanned into draft {ref}",
    "scan_removed": "Scan removed from draft {ref}",
    "received": "Received into stock on {ref}",
    "sold": "Sold on {ref} to {customer}",
    "returned": "Returned from {sale}: {reason} → {disposition}",
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
            return self._passport(s, item, product)

    def _passport(self, s: Any, item: Item, product: Product) -> ItemPassport:
        lot = s.get(Lot, item.lot_id) if item.lot_id else None
        supplier = s.get(Supplier, item.supplier_id) if item.supplier_id else None
        # Customer and warranty belong to whoever holds the unit now; a returned unit's past sale stays in
        # the history but no longer makes it anyone's.
        held = item.status in _HELD_BY_CUSTOMER
        sold = sale_of(s, item.id) if held else None
        line = (s.scalar(select(SaleLine).where(SaleLine.item_id == item.id).order_by(SaleLine.id.desc()).limit(1))
                if held else None)
        until = line.warranty_until if line is not None else None
        state = warranty_state(until, self.clock())
        events = tuple(
            EventView(e.at, e.kind, e.by_user, e.station, _ref(e.ref_type, e.ref_id),
                      summarise(e.kind, _ref(e.ref_type, e.ref_id), e.data or {}), e.data or {})
            for e in s.scalars(select(Event).where(Event.item_id == item.id).order_by(Event.at, Event.id))
        )
        return ItemPassport(
            item_id=item.id, sku=product.sku, product=product.name, serial=item.serial,
            serial_source=item.serial_source, status=item.status, lot=lot.code if lot else None,
            supplier=supplier.name if supplier else None, received_at=item.received_at, cost=item.cost,
            location=item.location,
            customer=party_view("customer", sold[1]) if sold else None,
            sold_at=sold[0].sold_at if sold else None,
            sale=record_number("sale", sold[0].id) if sold else None,
            price=line.price if line is not None else None,
            warranty_until=until, warranty_status=state.status.value, warranty_days_left=state.days_left,
            events=events,
        )
