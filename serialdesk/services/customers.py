"""The customer record: what a customer bought (serial by serial, with warranty) and their service tickets."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from serialdesk.db.models import Item, Product, Return, Sale, SaleLine, ServiceTicket
from serialdesk.domain.products import record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.status import ItemStatus
from serialdesk.domain.warranty import WarrantyStatus, warranty_state
from serialdesk.services.assembly import parts_listing
from serialdesk.services.common import Service, customer_by_ref, party_view
from serialdesk.services.dto import CustomerRecord, OwnedUnit
from serialdesk.services.service_desk import ticket_view

_HELD = {ItemStatus.SOLD.value, ItemStatus.IN_SERVICE.value, ItemStatus.RECALLED.value}


class CustomerRecordService(Service):
    def customer_record(self, customer: str) -> CustomerRecord:
        """A customer's purchases with serials and warranty per unit, plus their tickets, newest first."""
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            s = uow.session
            who = customer_by_ref(s, customer)
            latest_line = (select(SaleLine.item_id, func.max(SaleLine.id).label("line_id"))
                           .group_by(SaleLine.item_id).subquery())
            returned = select(Return.id).where(Return.sale_line_id == SaleLine.id).exists()
            rows = s.execute(
                select(SaleLine, Sale, Item, Product, latest_line.c.line_id, returned)
                .join(Sale, Sale.id == SaleLine.sale_id).join(Item, Item.id == SaleLine.item_id)
                .join(Product, Product.id == Item.product_id)
                .join(latest_line, latest_line.c.item_id == Item.id)
                .where(Sale.customer_id == who.id).order_by(Sale.sold_at.desc(), SaleLine.id)
            ).all()
            now = self.clock()
            inside = parts_listing(s, [item.id for _, _, item, _, _, _ in rows])
            units = []
            for line, sale, item, product, latest, was_returned in rows:
                owned = line.id == latest and item.status in _HELD
                state = warranty_state(line.warranty_until, now)
                units.append(OwnedUnit(
                    product.sku, product.name, item.serial, record_number("sale", sale.id), sale.sold_at, line.price,
                    item.status, owned, line.warranty_until,
                    state.status.value if owned else WarrantyStatus.NONE.value, state.days_left if owned else None,
                    bool(was_returned), parts=inside.get(item.id, ()) if owned else ()))
            tickets = tuple(ticket_view(s, t, detail=False) for t in s.scalars(
                select(ServiceTicket).where(ServiceTicket.customer_id == who.id).order_by(ServiceTicket.id.desc())))
            total = sum((u.price for u in units), Decimal("0.00"))
            back = [u for u in units if u.returned]
            refunded = sum((u.price for u in back), Decimal("0.00"))
            return CustomerRecord(party_view("customer", who), tuple(units), tickets, total, units_bought=len(units),
                                  units_returned=len(back), returned_value=refunded, net_spent=total - refunded)
