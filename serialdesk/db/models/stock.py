"""Units and the documents that move them: items, receipts, sales, returns."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from serialdesk.db.models.base import Base, utcnow


class Item(Base):
    """One physical unit: (product, serial). Serials are unique per product, never globally."""

    __tablename__ = "items"
    __table_args__ = (
        UniqueConstraint("product_id", "serial"),
        Index("ix_items_serial", "serial"),
        Index("ix_items_lot_id", "lot_id"),
        # A recall by product + lot reads one lot's units in serial order, however big the product is.
        Index("ix_items_product_lot_serial", "product_id", "lot_id", "serial"),
        Index("ix_items_status_product", "status", "product_id"),
        Index("ix_items_supplier_id", "supplier_id"),
        Index("ix_items_location_id", "location_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    serial: Mapped[str] = mapped_column(String(64))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"))
    status: Mapped[str] = mapped_column(String(16))
    serial_source: Mapped[str] = mapped_column(String(16), default="supplier")  # supplier|generated
    cost: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    location: Mapped[str | None] = mapped_column(String(60))  # free text kept from imports (issue 15: location_id)
    # Where the unit is (services/locations.py); NULL on rows written without one: the default location.
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
    # Denormalised from the posted receipt: recalls and aging reports filter on them at 1M units.
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"))
    received_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Receipt(Base):
    __tablename__ = "receipts"
    __table_args__ = (Index("ix_receipts_status", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"))
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft|posted|cancelled
    created_by: Mapped[str] = mapped_column(String(60))
    station: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    posted_at: Mapped[datetime | None]
    note: Mapped[str | None] = mapped_column(String(500))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))  # where its units are put


class ReceiptLine(Base):
    __tablename__ = "receipt_lines"
    __table_args__ = (Index("ix_receipt_lines_receipt_id", "receipt_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipts.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), unique=True)
    scanned_at: Mapped[datetime] = mapped_column(default=utcnow)


class Sale(Base):
    __tablename__ = "sales"
    __table_args__ = (Index("ix_sales_customer_id", "customer_id"), Index("ix_sales_sold_at", "sold_at"),
                      Index("uq_sales_receipt_no", "receipt_no", unique=True))

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    status: Mapped[str] = mapped_column(String(16), default="completed")
    sold_by: Mapped[str] = mapped_column(String(60))
    station: Mapped[str] = mapped_column(String(60), default="")
    sold_at: Mapped[datetime]
    # The receipt's number (gapless, issue 18) and how its prices were meant; NULL on sales before receipts.
    receipt_no: Mapped[int | None]  # unique: uq_sales_receipt_no
    currency: Mapped[str | None] = mapped_column(String(3))
    prices_include_tax: Mapped[bool | None]


class SaleLine(Base):
    __tablename__ = "sale_lines"
    __table_args__ = (Index("ix_sale_lines_item_id", "item_id"), Index("ix_sale_lines_sale_id", "sale_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    price: Mapped[Decimal]
    warranty_until: Mapped[datetime | None]
    tax_rate: Mapped[str | None] = mapped_column(String(16))  # standard|reduced|zero at the moment of sale
    tax_percent: Mapped[Decimal | None] = mapped_column(Numeric(5, 2, asdecimal=True))
    list_price: Mapped[Decimal | None]
    discount: Mapped[Decimal] = mapped_column(default=Decimal("0.00"), server_default="0")
    discount_reason: Mapped[str | None] = mapped_column(String(200))
    # The unit's product, supplier and cost, copied when it is sold (services.sale_copies): revenue and margin
    # read the lines alone. Kept by every sale, put right by rebuild-summaries, compared by check.
    product_id: Mapped[int | None]
    supplier_id: Mapped[int | None]
    unit_cost: Mapped[Decimal | None]


class Return(Base):
    __tablename__ = "returns"
    __table_args__ = (Index("ix_returns_sale_line_id", "sale_line_id"),
                      Index("uq_returns_credit_no", "credit_no", unique=True))

    id: Mapped[int] = mapped_column(primary_key=True)
    sale_line_id: Mapped[int] = mapped_column(ForeignKey("sale_lines.id"))
    reason: Mapped[str] = mapped_column(String(500))
    disposition: Mapped[str] = mapped_column(String(16))  # stock|quarantine|scrap
    by_user: Mapped[str] = mapped_column(String(60))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    credit_no: Mapped[int | None]  # its credit receipt's number (own series; unique: uq_returns_credit_no)
