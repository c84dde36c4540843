"""Claims on the supplier's warranty (issue 15): a unit goes back to its supplier under an RMA and comes back
as a credit, a replacement unit, or a rejection."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from serialdesk.db.models.base import Base, utcnow


class Rma(Base):
    """One claim: which unit, which supplier, on which ticket (if any) for which customer, and how it ended."""

    __tablename__ = "rmas"
    __table_args__ = (Index("ix_rmas_item_id", "item_id"), Index("ix_rmas_state", "state"),
                      Index("ix_rmas_replacement_item_id", "replacement_item_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("service_tickets.id"))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))  # whose unit it was
    state: Mapped[str] = mapped_column(String(16), default="open")  # open|sent|credited|replaced|rejected|cancelled
    claim_no: Mapped[str | None] = mapped_column(String(64))  # the supplier's claim / RMA number
    notes: Mapped[str | None] = mapped_column(String(500))
    credit_amount: Mapped[Decimal | None]
    replacement_item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id"))
    forced_by: Mapped[str | None] = mapped_column(String(60))  # a manager claimed outside the supplier's warranty
    opened_by: Mapped[str] = mapped_column(String(60))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[str | None] = mapped_column(String(60))
