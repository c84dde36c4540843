"""Which units get labels, and what is printed on them (the drawing is done by serialdesk.labels)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from serialdesk.db.models import Item, Lot, Product, ReceiptLine
from serialdesk.domain.errors import DomainError, NotFound
from serialdesk.domain.products import record_number
from serialdesk.domain.roles import Action
from serialdesk.services.common import Service, one_item
from serialdesk.services.dto import LabelSource


class LabelService(Service):
    def for_serials(self, serials: Sequence[str]) -> list[LabelSource]:
        """Label contents for the given units (``SERIAL`` or ``SKU:SERIAL``), in the order given."""
        self.actor.require(Action.LOOKUP)
        if not serials:
            raise DomainError("Name at least one serial to label.", code="empty_labels")
        with self.uows.reading() as uow:
            s = uow.session
            return [_source(s, item, product) for item, product in (one_item(s, ref) for ref in serials)]

    def for_receipt(self, receipt_id: int, *, generated_only: bool = False) -> list[LabelSource]:
        """Label contents for every unit on a receipt, in scan order (optionally only generated serials)."""
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            s = uow.session
            query = (select(Item, Product).join(ReceiptLine, ReceiptLine.item_id == Item.id)
                     .join(Product, Product.id == Item.product_id)
                     .where(ReceiptLine.receipt_id == receipt_id).order_by(ReceiptLine.id))
            if generated_only:
                query = query.where(Item.serial_source == "generated")
            rows = s.execute(query).all()
            if not rows:
                raise NotFound(f"Receipt {record_number('receipt', receipt_id)} has no units to label.",
                               code="nothing_to_label")
            return [_source(s, item, product) for item, product in rows]


def _source(s: Session, item: Item, product: Product) -> LabelSource:
    lot = s.get(Lot, item.lot_id) if item.lot_id else None
    return LabelSource(item.serial, product.sku, product.name, lot.code if lot else None, product.price, product.gtin)
