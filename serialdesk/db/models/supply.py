"""The supply chain (issue 15): locations a unit sits in, transfers between them, purchase orders with the
supplier's shipping notice (expected serials), and which receipt received against which order."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from serialdesk.db.models.base import Base, utcnow

# The rows migration 0007 makes: every unit that was in the shop before is on the shop floor.
DEFAULT_LOCATION_ID = 1
TRANSIT_LOCATION_ID = 2


class Location(Base):
    """A named place a unit is in: shop floor, back store, workshop, a branch — or 'In transit'."""

    __tablename__ = "locations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="store")  # store|transit
    branch: Mapped[str] = mapped_column(String(60), default="")  # "" = the main shop
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    gln: Mapped[str | None] = mapped_column(String(13), unique=True, index=True)  # GS1 GLN (issue 16)


class Transfer(Base):
    """Units sent from one location to another: scanned out at A (in transit), scanned in at B."""

    __tablename__ = "transfers"
    __table_args__ = (Index("ix_transfers_status", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    from_location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    to_location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    status: Mapped[str] = mapped_column(String(16), default="open")  # open|resolved
    opened_by: Mapped[str] = mapped_column(String(60))
    station: Mapped[str] = mapped_column(String(60), default="")
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(String(500))


class TransferLine(Base):
    """One unit on a transfer: sent (and when received, received); ``extra``: arrived without being sent."""

    __tablename__ = "transfer_lines"
    __table_args__ = (UniqueConstraint("transfer_id", "item_id"), Index("ix_transfer_lines_item_id", "item_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    transfer_id: Mapped[int] = mapped_column(ForeignKey("transfers.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    from_location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
    state: Mapped[str] = mapped_column(String(16))  # sent|received|extra|returned|lost
    sent_at: Mapped[datetime | None]
    sent_by: Mapped[str | None] = mapped_column(String(60))
    received_at: Mapped[datetime | None]
    received_by: Mapped[str | None] = mapped_column(String(60))


class PurchaseOrder(Base):
    __tablename__ = "purchase_orders"
    __table_args__ = (Index("ix_purchase_orders_status", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"))
    status: Mapped[str] = mapped_column(String(20), default="open")  # open|partly_received|closed|cancelled
    created_by: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]
    note: Mapped[str | None] = mapped_column(String(500))


class PurchaseOrderLine(Base):
    __tablename__ = "purchase_order_lines"
    __table_args__ = (Index("ix_purchase_order_lines_po_id", "po_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    po_id: Mapped[int] = mapped_column(ForeignKey("purchase_orders.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    quantity: Mapped[int]
    unit_cost: Mapped[Decimal]
    due: Mapped[datetime | None]
    received: Mapped[int] = mapped_column(default=0)


class ExpectedSerial(Base):
    """A serial the supplier's shipping notice says is coming on a PO; ticked off when it is received."""

    __tablename__ = "expected_serials"
    __table_args__ = (UniqueConstraint("po_id", "product_id", "serial"),
                      Index("ix_expected_serials_product_serial", "product_id", "serial"))

    id: Mapped[int] = mapped_column(primary_key=True)
    po_id: Mapped[int] = mapped_column(ForeignKey("purchase_orders.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    serial: Mapped[str] = mapped_column(String(64))
    lot: Mapped[str | None] = mapped_column(String(64))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id", ondelete="SET NULL"))
    received_at: Mapped[datetime | None]


class PurchaseReceipt(Base):
    """Which receipt received against which purchase order (a PO is received over one or more receipts)."""

    __tablename__ = "purchase_receipts"

    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipts.id"), primary_key=True)
    po_id: Mapped[int] = mapped_column(ForeignKey("purchase_orders.id"), index=True)
