"""Export of products, customers and units for spreadsheets and other systems (CSV is written by the CLI)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select

from serialdesk.db.models import Customer, Item, Lot, Product, Supplier
from serialdesk.domain.roles import Action
from serialdesk.services.common import Service, party_view, product_view
from serialdesk.services.dto import ItemRow, PartyView, ProductView


class ExportService(Service):
    def products(self) -> list[ProductView]:
        self.actor.require(Action.REPORTS)
        with self.uows.reading() as uow:
            return [product_view(p) for p in uow.session.scalars(select(Product).order_by(Product.sku))]

    def customers(self) -> list[PartyView]:
        self.actor.require(Action.REPORTS)
        with self.uows.reading() as uow:
            return [party_view("customer", c) for c in uow.session.scalars(select(Customer).order_by(Customer.id))]

    def items(self, batch: int = 5000) -> Iterator[ItemRow]:
        """Every unit except scans on drafts, in batches (one short read transaction each, never all in memory)."""
        self.actor.require(Action.REPORTS)
        last = 0
        while True:
            with self.uows.reading() as uow:
                rows = uow.session.execute(
                    select(Item.id, Product.sku, Item.serial, Lot.code, Item.status, Item.serial_source, Item.cost,
                           Supplier.name, Item.received_at, Item.location)
                    .join(Product, Product.id == Item.product_id).outerjoin(Lot, Lot.id == Item.lot_id)
                    .outerjoin(Supplier, Supplier.id == Item.supplier_id)
                    .where(Item.id > last, Item.status != "receiving").order_by(Item.id).limit(batch)
                ).all()
            if not rows:
                return
            for _, *values in rows:
                yield ItemRow(*values)
            last = rows[-1][0]
