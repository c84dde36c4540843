"""Who holds a unit that has left the shop: the buyer of its latest sale, else the owner on its latest ticket
(a unit we repair but did not sell). For recall previews and letters, and for where-used of a part lot."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import literal, null, select, type_coerce, union_all
from sqlalchemy.orm import Session

from serialdesk.db.models import Customer, Sale, SaleLine, ServiceTicket
from serialdesk.domain.products import record_number
from serialdesk.domain.status import ItemStatus
from serialdesk.services.dto import PartyView
from serialdesk.services.plans import among_ids

S = ItemStatus
# The statuses in which a customer, not the shop, holds the unit.
WITH_CUSTOMER = {S.SOLD.value, S.IN_SERVICE.value, S.RECALLED.value, S.CUSTOMER_OWNED.value}


def holders_of(s: Session, item_ids: list[int]) -> tuple[dict[int, PartyView], dict[int, datetime]]:
    """Who holds each unit: the buyer of its latest sale, or the owner on its latest ticket (units not ours);
    and when it was sold. One statement for both (sales after tickets, each oldest first: the last word wins),
    then the customers as plain rows (a lot of 500 units is hundreds of customers)."""
    owner: dict[int, int] = {}
    sold_at: dict[int, datetime] = {}
    for sold, ticketed in zip(among_ids(s, SaleLine.item_id, item_ids),
                              among_ids(s, ServiceTicket.item_id, item_ids), strict=True):
        by_sale = (select(literal(1).label("kind"), SaleLine.id.label("ord"), SaleLine.item_id.label("item_id"),
                          Sale.customer_id.label("customer_id"), Sale.sold_at.label("sold_at"))
                   .join(Sale, Sale.id == SaleLine.sale_id).where(sold))
        by_ticket = (select(literal(0), ServiceTicket.id, ServiceTicket.item_id, ServiceTicket.customer_id,
                            type_coerce(null(), Sale.sold_at.type))
                     .where(ticketed, ServiceTicket.customer_id.is_not(None)))
        both = union_all(by_sale, by_ticket).subquery()
        for kind, item_id, customer_id, when in s.connection().execute(
                select(both.c.kind, both.c.item_id, both.c.customer_id, both.c.sold_at)
                .order_by(both.c.kind, both.c.ord)):
            owner[item_id] = customer_id
            if kind:
                sold_at[item_id] = when
    customers = customer_views(s, owner.values())
    return {item_id: customers[c] for item_id, c in owner.items()}, sold_at


def customer_views(s: Session, ids: Iterable[int]) -> dict[int, PartyView]:
    """These customers as the views the screens show, read as plain rows (no ORM objects)."""
    found: dict[int, PartyView] = {}
    c = Customer
    for wanted in among_ids(s, c.id, sorted(set(ids))):
        rows = s.connection().execute(select(c.id, c.name, c.phone, c.email, c.address).where(wanted))
        for cid, name, phone, email, address in rows:
            found[cid] = PartyView(cid, record_number("customer", cid), name, phone, email, address)
    return found
