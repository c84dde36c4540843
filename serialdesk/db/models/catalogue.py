"""What the shop deals in and with whom: products, lots, suppliers, customers, users, serial sequences."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from serialdesk.db.models.base import Base, utcnow


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    gtin: Mapped[str | None] = mapped_column(String(14), unique=True)
    cost: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    price: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    warranty_months: Mapped[int] = mapped_column(default=0)
    supplier_warranty_months: Mapped[int] = mapped_column(default=0, server_default="0")
    # Extra months of warranty a repair under warranty adds (0 = none), counted from the ticket's closing.
    repair_extension_months: Mapped[int] = mapped_column(default=0, server_default="0")
    serial_pattern: Mapped[str | None] = mapped_column(String(120))
    serial_source: Mapped[str] = mapped_column(String(16), default="supplier")  # supplier|generated|either
    serial_regex: Mapped[str | None] = mapped_column(String(200))
    serial_case: Mapped[str] = mapped_column(String(16), default="upper")  # upper|preserve
    # Serials must fit GS1 AI (21): refused at receiving when they could not be printed in a GS1 barcode.
    serial_gs1_safe: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Reorder advice (issue 17): the supplier's lead time when no PO measured one, the supplier's pack size
    # (suggestions round up to it) and the chance of not running out while a delivery comes (None: 0.95).
    lead_time_days: Mapped[int | None]
    pack_size: Mapped[int] = mapped_column(default=1, server_default="1")
    service_level: Mapped[Decimal | None] = mapped_column(Numeric(6, 4))
    tax_rate: Mapped[str] = mapped_column(String(16), default="standard", server_default="standard")  # |reduced|zero
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ProductPart(Base):
    """A part a product takes (a slot of its genealogy): a swap may only fit a part of these products."""

    __tablename__ = "product_parts"
    __table_args__ = (UniqueConstraint("product_id", "part_product_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    part_product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    count: Mapped[int] = mapped_column(default=1)


class Supplier(Base):
    __tablename__ = "suppliers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    phone: Mapped[str | None] = mapped_column(String(60))
    email: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Customer(Base):
    __tablename__ = "customers"
    __table_args__ = (Index("ix_customers_name", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(60))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Lot(Base):
    __tablename__ = "lots"
    __table_args__ = (UniqueConstraint("product_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    code: Mapped[str] = mapped_column(String(64))
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"))
    received_at: Mapped[datetime | None]
    expiry: Mapped[datetime | None]


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # clerk|counter|technician|manager
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SerialSequence(Base):
    """Next number of a generated-serial sequence, per product (and lot when the pattern uses the lot).

    Allocated with an atomic ``UPDATE … RETURNING`` so two stations never get the same number.
    """

    __tablename__ = "serial_sequences"
    __table_args__ = (UniqueConstraint("product_id", "scope"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    scope: Mapped[str] = mapped_column(String(64), default="")  # "" or the lot code
    next_value: Mapped[int] = mapped_column(default=1)
