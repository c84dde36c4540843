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
            found = [one_item(s, ref) for ref in serials]  # each typed ref is classified (SKU:SERIAL, GS1, …)
            lots = _lot_codes(s, {item.lot_id for item, _ in found if item.lot_id})
            return [_source(item, product, lots.get(item.lot_id)) for item, product in found]

    def for_receipt(self, receipt_id: int, *, generated_only: bool = False) -> list[LabelSource]:
        """Label contents for every unit on a receipt, in scan order (optionally only generated serials):
        one query, whatever the number of units."""
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            query = (select(Item.serial, Product.sku, Product.name, Lot.code, Product.price, Product.gtin)
                     .join(ReceiptLine, ReceiptLine.item_id == Item.id)
                     .join(Product, Product.id == Item.product_id)
                     .outerjoin(Lot, Lot.id == Item.lot_id)
                     .where(ReceiptLine.receipt_id == receipt_id).order_by(ReceiptLine.id))
            if generated_only:
                query = query.where(Item.serial_source == "generated")
            rows = uow.session.execute(query).all()
            if not rows:
                raise NotFound(f"Receipt {record_number('receipt', receipt_id)} has no units to label.",
                               code="nothing_to_label")
            return [LabelSource(*row) for row in rows]


def _lot_codes(s: Session, lot_ids: set[int]) -> dict[int | None, str]:
    if not lot_ids:
        return {}
    return dict(s.execute(select(Lot.id, Lot.code).where(Lot.id.in_(lot_ids))).tuples().all())


def _source(item: Item, product: Product, lot: str | None) -> LabelSource:
    return LabelSource(item.serial, product.sku, product.name, lot, product.price, product.gtin)
