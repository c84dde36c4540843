"""Receiving against a purchase order from the Receiving pane (issue 15): the draft scanned there, unit by unit,
is posted against the PO in one transaction — the PO's supplier and unit cost, the supplier's notice ticked off,
'12 of 20' and the same warnings as ``PurchasingService.receive`` (which takes a list of serials at once)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from serialdesk.db.models import Item, Product, ReceiptLine, Supplier
from serialdesk.domain.errors import DomainError
from serialdesk.domain.products import record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.text import listing
from serialdesk.services.common import Service
from serialdesk.services.dto.supply import PoReceipt
from serialdesk.services.purchasing import _book_po_receipt, _on_notice, _product_to_receive, _receivable
from serialdesk.services.receiving import ReceivingService, _draft


class PoDraftService(Service):
    def receive_draft(self, number: str, receipt_id: int, *, at: datetime | None = None) -> PoReceipt:
        """Post a draft receipt scanned at the Receiving pane against a PO, in one transaction: the PO's
        supplier and unit cost, the notice's serials ticked off, '12 of 20' and the same warnings as
        ``receive``. One product per draft (the PO's product)."""
        self.actor.require(Action.RECEIVE)
        with self.uows() as uow:
            s = uow.session
            po = _receivable(s, number)
            supplier = s.get(Supplier, po.supplier_id)
            assert supplier is not None
            receipt = _draft(s, receipt_id)
            rows = s.execute(select(Item.serial, Item.product_id).join(ReceiptLine, ReceiptLine.item_id == Item.id)
                             .where(ReceiptLine.receipt_id == receipt.id).order_by(ReceiptLine.id)).all()
            if not rows:
                raise DomainError("This receipt has no units yet; scan at least one serial.", code="empty_receipt")
            skus = sorted({pid for _, pid in rows})
            products = [p for p in (s.get(Product, pid) for pid in skus) if p is not None]
            if len(products) != 1:
                raise DomainError(f"Against {record_number('purchase_order', po.id)} one product is received per "
                                  f"receipt; this one has {listing([p.sku for p in products])}.", code="sku_required")
            product = _product_to_receive(s, po, products[0].sku, ())
            values = [serial for serial, _ in rows]
            when = self.moment(at, "a receipt")
            receipt.supplier_id = supplier.id
            receiving = ReceivingService(self.uows, self.actor, self.clock)
            on_receipt = select(ReceiptLine.item_id).where(ReceiptLine.receipt_id == receipt.id)
            receiving.fits(s, on_receipt, when, "posting the receipt")
            notice = _on_notice(s, po, product, values)
            receiving._put_in_stock(s, receipt, when)
            got = _book_po_receipt(self, s, po, supplier, product, receipt, values, notice, when)
            uow.commit()
            return got
