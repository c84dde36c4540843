"""Moving a shop through CSV: suppliers, products (with their serial sequences), customers and units, each
exported with everything its import needs (CSV is written by the CLI; imports are services.imports)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from serialdesk.db.models import Customer, Item, Location, Lot, Product, Sale, SaleLine, SerialSequence, Supplier
from serialdesk.domain.products import record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.status import ItemStatus
from serialdesk.services.common import Service, party_view
from serialdesk.services.dto import ItemRow, PartyView
from serialdesk.services.imports import LOCATION_COLUMNS, ImportResult, ImportService
from serialdesk.services.locations import place_id

__all__ = ["COLUMNS", "NUMERIC", "ExportService", "ImportResult", "ImportService", "ProductRow"]

# Units a customer of ours holds: their latest sale travels with them.
HELD_BY_CUSTOMER = (ItemStatus.SOLD.value, ItemStatus.IN_SERVICE.value, ItemStatus.RECALLED.value)


@dataclass(frozen=True)
class ProductRow:
    """One product as exported: its definition and where each of its generated-serial sequences stands."""

    sku: str
    name: str
    gtin: str | None
    cost: Decimal
    price: Decimal
    warranty_months: int
    supplier_warranty_months: int
    repair_extension_months: int
    serial_source: str
    serial_pattern: str | None
    serial_regex: str | None
    serial_case: str
    serial_sequences: str  # JSON {scope: next number}; scope "" or the lot code


# The CSV columns of each export, in order; an import reads the same names (and ignores others).
COLUMNS: dict[str, tuple[str, ...]] = {
    # id is the number without its prefix (kept for spreadsheets made from earlier exports; imports go by number)
    "suppliers": ("id", "number", "name", "phone", "email"),
    "customers": ("id", "number", "name", "phone", "email", "address"),
    "products": tuple(ProductRow.__dataclass_fields__),
    "items": tuple(ItemRow.__dataclass_fields__),
    "locations": LOCATION_COLUMNS,
}
# Columns holding numbers: a negative one is a number, not a formula, and stays as it is.
NUMERIC = frozenset({"cost", "price", "warranty_months", "supplier_warranty_months", "repair_extension_months"})


class ExportService(Service):
    def suppliers(self) -> list[PartyView]:
        self.actor.require(Action.REPORTS)
        with self.uows.reading() as uow:
            return [party_view("supplier", s) for s in uow.session.scalars(select(Supplier).order_by(Supplier.id))]

    def products(self) -> list[ProductRow]:
        self.actor.require(Action.REPORTS)
        with self.uows.reading() as uow:
            s = uow.session
            sequences: dict[int, dict[str, int]] = {}
            for product_id, scope, next_value in s.execute(
                    select(SerialSequence.product_id, SerialSequence.scope, SerialSequence.next_value)
                    .order_by(SerialSequence.product_id, SerialSequence.scope)):
                sequences.setdefault(product_id, {})[scope] = next_value
            return [ProductRow(p.sku, p.name, p.gtin, p.cost, p.price, p.warranty_months,
                               p.supplier_warranty_months, p.repair_extension_months, p.serial_source,
                               p.serial_pattern, p.serial_regex, p.serial_case,
                               json.dumps(sequences[p.id], sort_keys=True) if p.id in sequences else "")
                    for p in s.scalars(select(Product).order_by(Product.sku))]

    def customers(self) -> list[PartyView]:
        self.actor.require(Action.REPORTS)
        with self.uows.reading() as uow:
            return [party_view("customer", c) for c in uow.session.scalars(select(Customer).order_by(Customer.id))]

    def locations(self) -> list[dict[str, str]]:
        """Every location (name, kind, branch, active): the units' ``location`` column names them."""
        self.actor.require(Action.REPORTS)
        with self.uows.reading() as uow:
            return [{"name": loc.name, "kind": loc.kind, "branch": loc.branch, "active": "yes" if loc.active else "no"}
                    for loc in uow.session.scalars(select(Location).order_by(Location.id))]

    def items(self, batch: int = 5000) -> Iterator[ItemRow]:
        """Every unit except scans on drafts, with the sale of those a customer holds; in batches (one short
        read transaction each, never all in memory)."""
        self.actor.require(Action.REPORTS)
        last = 0
        latest = (select(func.max(SaleLine.id)).where(SaleLine.item_id == Item.id).correlate(Item)
                  .scalar_subquery())
        while True:
            with self.uows.reading() as uow:
                rows = uow.session.execute(
                    select(Item.id, Product.sku, Item.serial, Lot.code, Item.status, Item.serial_source, Item.cost,
                           Supplier.name, Item.received_at, Location.name, Sale.customer_id, Sale.sold_at,
                           SaleLine.price, SaleLine.warranty_until)
                    .join(Product, Product.id == Item.product_id).outerjoin(Lot, Lot.id == Item.lot_id)
                    .outerjoin(Supplier, Supplier.id == Item.supplier_id)
                    .outerjoin(Location, Location.id == place_id())
                    .outerjoin(SaleLine, (SaleLine.id == latest) & Item.status.in_(HELD_BY_CUSTOMER))
                    .outerjoin(Sale, Sale.id == SaleLine.sale_id)
                    .where(Item.id > last, Item.status != ItemStatus.RECEIVING.value).order_by(Item.id).limit(batch)
                ).all()
            if not rows:
                return
            for (_, sku, serial, lot, status, source, cost, supplier, received_at, location, customer_id, sold_at,
                 price, until) in rows:
                customer = record_number("customer", customer_id) if customer_id is not None else None
                yield ItemRow(sku, serial, lot, status, source, cost, supplier, received_at, location,
                              customer=customer, sold_at=sold_at, price=price, warranty_until=until)
            last = rows[-1][0]
