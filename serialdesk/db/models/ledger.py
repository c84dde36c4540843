"""The append-only event ledger: every change to a unit (and every audit-worthy change) is a row here."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, func
from sqlalchemy.orm import Mapped, mapped_column

from serialdesk.db.models.base import Base, JsonData, utcnow


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_item_id", "item_id", "id"), Index("ix_events_at", "at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    # When the row was written, from the database's clock (never from the caller): a back-dated `at` stays visible.
    recorded_at: Mapped[datetime] = mapped_column(server_default=func.current_timestamp())
    kind: Mapped[str] = mapped_column(String(40))
    # A scan removed from a draft deletes its item; its events stay, naming product and serial.
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id", ondelete="SET NULL"))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    serial: Mapped[str | None] = mapped_column(String(64))
    by_user: Mapped[str] = mapped_column(String(60))
    station: Mapped[str] = mapped_column(String(60), default="")
    ref_type: Mapped[str | None] = mapped_column(String(20))  # receipt|sale|return|ticket|recall|...
    ref_id: Mapped[int | None]
    # The status move this event made (None for events that move nothing): stock value on any past day is the
    # running sum of costs moving into and out of in_stock, which the turnover report relies on.
    status_from: Mapped[str | None] = mapped_column(String(16))
    status_to: Mapped[str | None] = mapped_column(String(16))
    data: Mapped[dict[str, Any]] = mapped_column(JsonData, default=dict)
