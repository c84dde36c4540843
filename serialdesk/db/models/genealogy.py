"""Genealogy: which unit each serialised part sits in (fitments, with their history), and the build records
of units assembled here from parts."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from serialdesk.db.models.base import Base, utcnow


class Build(Base):
    """A unit assembled here from parts: who built it, when, at which station, labour and notes. A later
    disassembly is recorded on the same row."""

    __tablename__ = "builds"
    __table_args__ = (Index("ix_builds_host_item_id", "host_item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    host_item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    by_user: Mapped[str] = mapped_column(String(60))
    station: Mapped[str] = mapped_column(String(60), default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)
    labour: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    note: Mapped[str | None] = mapped_column(String(500))
    disassembled_at: Mapped[datetime | None]
    disassembled_by: Mapped[str | None] = mapped_column(String(60))


class Fitment(Base):
    """One part in one host for a while: fitted by a build or a ticket's swap, taken out (``removed_at``) by a
    disassembly or a later swap. At most one open fitment per part (a unique index where ``removed_at`` is
    NULL): the database itself refuses a part fitted in two units."""

    __tablename__ = "fitments"
    __table_args__ = (
        Index("uq_fitments_open_part", "part_item_id", unique=True,
              sqlite_where=text("removed_at IS NULL"), postgresql_where=text("removed_at IS NULL")),
        Index("ix_fitments_part_item_id", "part_item_id", "fitted_at"),
        Index("ix_fitments_host_item_id", "host_item_id", "removed_at"),
        Index("ix_fitments_fitted_at", "fitted_at"),  # parts used per day: demand in the reorder advice
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    part_item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    host_item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    fitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    fitted_by: Mapped[str] = mapped_column(String(60))
    build_id: Mapped[int | None] = mapped_column(ForeignKey("builds.id"))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("service_tickets.id"))
    removed_at: Mapped[datetime | None]
    removed_by: Mapped[str | None] = mapped_column(String(60))
    removed_ticket_id: Mapped[int | None] = mapped_column(ForeignKey("service_tickets.id"))
