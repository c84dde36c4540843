"""The supplier's warranty to us (issue 15): the product's supplier months from the unit's receipt, for every
unit we received — whoever holds it now. A customer's unit at the service desk under it can go back to the
supplier (RMA) even when our own warranty to the customer has ended."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from serialdesk.db.models import Item, Product, Supplier
from serialdesk.domain.status import ItemStatus
from serialdesk.domain.text import day
from serialdesk.domain.warranty import WarrantyStatus, add_months, warranty_state


@dataclass(frozen=True)
class SupplierWarranty:
    until: datetime | None
    status: str  # in_warranty|expired|none
    days_left: int | None
    supplier: str | None

    @property
    def covers(self) -> bool:
        return self.status == WarrantyStatus.IN_WARRANTY.value

    def sentence(self) -> str:
        """'Velo AG's warranty to us until 3 Mar 2027 (365 days left)' — or why there is none."""
        who = f"{self.supplier}'s" if self.supplier else "The supplier's"
        if self.until is None:
            return "No supplier warranty on record"
        if self.covers:
            return f"{who} warranty to us until {day(self.until)} ({self.days_left} days left)"
        return f"{who} warranty to us ended on {day(self.until)}"


def supplier_warranty(s: Session, item: Item, product: Product, now: datetime,
                      supplier_name: str | None = None) -> SupplierWarranty:
    """The supplier's warranty on one unit (none for a customer's unit we never received); ``supplier_name``
    when the caller has already read it."""
    until = None
    if (item.received_at is not None and product.supplier_warranty_months
            and item.status != ItemStatus.CUSTOMER_OWNED.value):
        until = add_months(item.received_at, product.supplier_warranty_months)
    state = warranty_state(until, now)
    supplier = supplier_name
    if supplier is None and item.supplier_id:
        supplier = s.scalar(select(Supplier.name).where(Supplier.id == item.supplier_id))
    return SupplierWarranty(until, state.status.value, state.days_left, supplier)
