"""The shop's identity on paper (one row: every station prints the same), gapless document numbers, payments."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, LargeBinary, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from serialdesk.db.models.base import Base, utcnow

SHOP_PROFILE_ID = 1  # the one row
Percent = Numeric(5, 2, asdecimal=True)


class ShopProfile(Base):
    __tablename__ = "shop_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(500), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    vat_number: Mapped[str] = mapped_column(String(60), default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    logo_type: Mapped[str] = mapped_column(String(16), default="")  # png|jpeg
    receipt_footer: Mapped[str] = mapped_column(Text, default="")
    repair_terms: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(16), default="en")
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    prices_include_tax: Mapped[bool] = mapped_column(default=True)
    rate_standard: Mapped[Decimal] = mapped_column(Percent, default=Decimal("20.00"))
    rate_reduced: Mapped[Decimal] = mapped_column(Percent, default=Decimal("10.00"))
    rate_zero: Mapped[Decimal] = mapped_column(Percent, default=Decimal("0.00"))
    # The most a counter clerk may take off a line, in percent (a manager may give any discount).
    counter_discount_limit: Mapped[Decimal] = mapped_column(Percent, default=Decimal("10.00"))
    # The shop's SMTP server (issue 18 §5, migration 0013); its password is in the OS keyring, never here.
    smtp_host: Mapped[str] = mapped_column(String(200), default="", server_default="")
    smtp_port: Mapped[int] = mapped_column(default=0, server_default="0")  # 0: the TLS mode's usual port
    smtp_tls: Mapped[str] = mapped_column(String(16), default="starttls", server_default="starttls")
    smtp_user: Mapped[str] = mapped_column(String(200), default="", server_default="")
    smtp_sender: Mapped[str] = mapped_column(String(200), default="", server_default="")  # "": the shop's e-mail
    updated_by: Mapped[str] = mapped_column(String(60), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class DocumentCounter(Base):
    """The next number of a document series (sales receipts, credit receipts). Taken with an atomic
    ``UPDATE … RETURNING`` inside the document's own transaction: the row stays locked until it commits, so two
    stations never get the same number and a sale that rolls back gives its number back (no gap)."""

    __tablename__ = "document_counters"

    series: Mapped[str] = mapped_column(String(16), primary_key=True)  # receipt|credit
    next_value: Mapped[int] = mapped_column(default=1)


class SalePayment(Base):
    __tablename__ = "sale_payments"
    __table_args__ = (Index("ix_sale_payments_sale_id", "sale_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"))
    method: Mapped[str] = mapped_column(String(16))  # cash|card|invoice
    amount: Mapped[Decimal]  # what pays the sale (cash: net of change)
    tendered: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))  # cash handed over
    change: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))


__all__ = ["SHOP_PROFILE_ID", "DocumentCounter", "SalePayment", "ShopProfile"]
