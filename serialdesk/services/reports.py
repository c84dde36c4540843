"""Reports. Stock on hand here; turnover, aging and supplier quality come with the traceability work."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from serialdesk.db.models import Item, Lot, Product
from serialdesk.domain.roles import Action
from serialdesk.domain.status import ItemStatus
from serialdesk.services.common import Service
from serialdesk.services.dto import StockLine, StockReport


class ReportService(Service):
    def stock(self) -> StockReport:
        """Units in stock by product and lot, valued at cost, plus the count of units in every status."""
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            s = uow.session
            rows = s.execute(
                select(Product.sku, Product.name, Lot.code, func.count(Item.id), func.sum(Item.cost))
                .join(Product, Product.id == Item.product_id).outerjoin(Lot, Lot.id == Item.lot_id)
                .where(Item.status == ItemStatus.IN_STOCK.value)
                .group_by(Product.sku, Product.name, Lot.code).order_by(Product.sku, Lot.code)
            ).all()
            by_status = {st: n for st, n in s.execute(select(Item.status, func.count(Item.id)).group_by(Item.status))}
        lines = tuple(StockLine(sku, name, lot, n, Decimal(value or 0).quantize(Decimal("0.01")))
                      for sku, name, lot, n, value in rows)
        return StockReport(lines, sum(ln.in_stock for ln in lines),
                           sum((ln.value_at_cost for ln in lines), Decimal("0.00")), by_status)
