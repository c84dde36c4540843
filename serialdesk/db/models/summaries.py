"""Figures kept beside the ledger so reports need not read it whole (issue 17): per product and UTC day, the
stock moves and money of that day; per product and the UTC day units entered stock, the units still in stock;
per supplier, product, lot and day, the units received.

All are written in the same transaction as the events they sum (services/summaries.py), rebuilt from the
ledger by ``serialdesk rebuild-summaries`` and compared with it by ``serialdesk check``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from serialdesk.db.models.base import Base

ZERO = Decimal("0.00")


class DailySummary(Base):
    """One product's day (a UTC calendar day, as the reports count days). Deltas only: stock at the end of a
    day is the sum of ``value_delta``/``units_in − units_out`` up to it, so a back-dated event touches its own
    day's row and nothing after it."""

    __tablename__ = "daily_summaries"
    __table_args__ = (Index("ix_daily_summaries_day", "day"),)

    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    units_in: Mapped[int] = mapped_column(default=0)  # moves into in_stock (received, returned to stock, …)
    units_out: Mapped[int] = mapped_column(default=0)  # moves out of in_stock (sold, fitted, recalled, …)
    units_sold: Mapped[int] = mapped_column(default=0)  # in_stock → sold
    units_returned: Mapped[int] = mapped_column(default=0)  # customer returns, whatever became of the unit
    units_scrapped: Mapped[int] = mapped_column(default=0)  # moves into scrapped
    value_delta: Mapped[Decimal] = mapped_column(default=ZERO)  # cost into stock − cost out of stock
    cogs: Mapped[Decimal] = mapped_column(default=ZERO)  # cost sold − cost returned to stock (as turnover)
    revenue: Mapped[Decimal] = mapped_column(default=ZERO)  # sale prices − prices of units returned


class StockAge(Base):
    """Units in stock now (and their cost) by product and the UTC day they last entered stock: aging."""

    __tablename__ = "stock_ages"

    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    units: Mapped[int] = mapped_column(default=0)
    value: Mapped[Decimal] = mapped_column(default=ZERO)


class SupplierReceipt(Base):
    """Units received from a supplier, per product, lot (``lot_key`` 0: none) and UTC day of receipt: what
    supplier quality divides by."""

    __tablename__ = "supplier_receipts"

    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    lot_key: Mapped[int] = mapped_column(primary_key=True)  # the lot's id, or 0 for units without a lot
    day: Mapped[date] = mapped_column(primary_key=True)
    units: Mapped[int] = mapped_column(default=0)


class UnitBack(Base):
    """A unit received from a supplier that came back: returned by a customer, or repaired under warranty (or
    taken out of a unit under a warranty ticket), each counted once per unit (1/0) — what supplier quality
    counts, kept so the report never joins the returns and tickets to the units (issue 17)."""

    __tablename__ = "units_back"

    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    lot_key: Mapped[int]  # the unit's lot id, or 0
    day: Mapped[date]  # the UTC day it was received
    returned: Mapped[int] = mapped_column(default=0)
    repaired: Mapped[int] = mapped_column(default=0)
