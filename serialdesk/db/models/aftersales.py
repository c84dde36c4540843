"""After the sale: service tickets with their work log and part swaps, and recalls with their units."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from serialdesk.db.models.base import Base, JsonData, utcnow


class ServiceTicket(Base):
    __tablename__ = "service_tickets"
    __table_args__ = (Index("ix_service_tickets_item_id", "item_id"), Index("ix_service_tickets_status", "status"))

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    problem: Mapped[str] = mapped_column(String(2000))
    status: Mapped[str] = mapped_column(String(16), default="open")  # open|waiting_parts|done|closed
    sold_by_us: Mapped[bool] = mapped_column(default=True)
    warranty_claim: Mapped[bool] = mapped_column(default=False)
    warranty_override_by: Mapped[str | None] = mapped_column(String(60))  # a manager who overrode the rule
    opened_by: Mapped[str] = mapped_column(String(60))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]
    resolution: Mapped[str | None] = mapped_column(String(2000))
    # On the job sheet (issue 18): what came in with the unit, the estimate given, the charge at hand-back.
    accessories: Mapped[str | None] = mapped_column(String(500))
    estimate: Mapped[Decimal | None]
    charge: Mapped[Decimal | None]


class WorkLog(Base):
    __tablename__ = "work_logs"
    __table_args__ = (Index("ix_work_logs_ticket_id", "ticket_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("service_tickets.id"))
    text: Mapped[str] = mapped_column(String(2000))
    minutes: Mapped[int] = mapped_column(default=0)
    by_user: Mapped[str] = mapped_column(String(60))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class PartSwap(Base):
    __tablename__ = "part_swaps"
    __table_args__ = (Index("ix_part_swaps_ticket_id", "ticket_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("service_tickets.id"))
    # A removed part we never had (not one of our units) is no unit of ours either: only its product and serial
    # are kept here, so it never appears in stock.
    removed_item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id"))
    removed_product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    removed_serial: Mapped[str | None] = mapped_column(String(64))
    fitted_item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    by_user: Mapped[str] = mapped_column(String(60))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class Recall(Base):
    __tablename__ = "recalls"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    criteria: Mapped[dict[str, Any]] = mapped_column(JsonData, default=dict)
    reason: Mapped[str] = mapped_column(String(2000))
    created_by: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RecallItem(Base):
    __tablename__ = "recall_items"
    __table_args__ = (Index("ix_recall_items_recall_id", "recall_id"), Index("ix_recall_items_item_id", "item_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    recall_id: Mapped[int] = mapped_column(ForeignKey("recalls.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    status_at_recall: Mapped[str] = mapped_column(String(16))
    contacted_at: Mapped[datetime | None]
    # cleared|repaired|replaced|refunded|scrapped (older free-text resolutions are kept as they were written)
    resolution: Mapped[str | None] = mapped_column(String(500))
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(String(500))
