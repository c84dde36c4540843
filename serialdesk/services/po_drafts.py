"""Receiving against a purchase order from the Receiving pane (issue 15): the draft scanned there, unit by unit,
is posted against the PO in one transaction — the PO's supplier and unit cost, the supplier's notice ticked off,
'12 of 20' and the same warnings as ``PurchasingService.receive`` (which takes a list of serials at once)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from serialdesk.db.models import ExpectedSerial, Item, Product, PurchaseReceipt, ReceiptLine, Supplier
from serialdesk.domain.errors import DomainError
from serialdesk.domain.products import record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.text import listing
from serialdesk.services.common import Service, chunks
from serialdesk.services.dto.supply import PoReceipt
from serialdesk.services.purchasing import (
    CLOSED,
    PARTLY,
    _all_received,
    _delivery_warnings,
    _expected_of,
    _product_to_receive,
    _receivable,
    _take_from_lines,
    _totals,
    order_view,
)
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
            expected = _expected_of(s, po, product)
            receiving._put_in_stock(s, receipt, when)
            s.add(PurchaseReceipt(receipt_id=receipt.id, po_id=po.id))
            cost = _take_from_lines(s, po, product, len(values))
            s.execute(update(Item).where(Item.id.in_(on_receipt)).values(cost=cost)
                      .execution_options(synchronize_session=False))
            for part in chunks(values):
                s.execute(update(ExpectedSerial).where(
                    ExpectedSerial.po_id == po.id, ExpectedSerial.product_id == product.id,
                    ExpectedSerial.serial.in_(part), ExpectedSerial.item_id.is_(None))
                    .values(item_id=select(Item.id).where(Item.product_id == product.id,
                                                          Item.serial == ExpectedSerial.serial)
                            .scalar_subquery(), received_at=when)
                    .execution_options(synchronize_session=False))
            ordered, received = _totals(s, po, product)
            po.status = CLOSED if _all_received(s, po) else PARTLY
            if po.status == CLOSED:
                po.closed_at = when
            not_on_notice = tuple(v for v in values if v not in expected) if expected else ()
            warnings = _delivery_warnings(product, ordered, received, len(values), not_on_notice)
            lead_days = max(0, (when - po.created_at).days)
            self.record(s, kind="po_received", ref_type="purchase_order", ref_id=po.id, at=when,
                        data={"receipt": record_number("receipt", receipt.id), "sku": product.sku,
                              "units": len(values), "not_on_notice": list(not_on_notice),
                              "supplier": supplier.name, "lead_days": lead_days})
            uow.commit()
            return PoReceipt(record_number("receipt", receipt.id), record_number("purchase_order", po.id),
                             product.sku, len(values), received, ordered, cost, not_on_notice, tuple(warnings),
                             order_view(s, po), lead_days)
