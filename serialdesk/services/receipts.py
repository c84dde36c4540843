"""Sales receipts and credit receipts as the customer takes them home: the shop, a gapless number, the lines with
their serials and warranty, the VAT per rate, the payments. Numbers come from one counter row per series, taken
inside the sale's (or return's) own transaction."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Select, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from serialdesk.db.models import (
    Customer,
    DocumentCounter,
    Item,
    Lot,
    Product,
    Return,
    Sale,
    SaleLine,
    SalePayment,
    ServiceTicket,
)
from serialdesk.domain.errors import DomainError, NotFound
from serialdesk.domain.products import parse_record_number, record_number
from serialdesk.domain.roles import Action
from serialdesk.domain.tax import TaxBand, tax_bands
from serialdesk.domain.text import refuse_control
from serialdesk.services.common import Service, party_view
from serialdesk.services.dto import PartyView, TicketView
from serialdesk.services.known_units import sale_of
from serialdesk.services.service_desk import ticket_view
from serialdesk.services.shop import ShopProfileView, read_profile

RECEIPT, CREDIT = "receipt", "credit"
_PREFIX = {RECEIPT: "SR", CREDIT: "CN"}


def receipt_number(series: str, number: int | None) -> str | None:
    return f"{_PREFIX[series]}-{number:06d}" if number is not None else None


def parse_receipt_number(series: str, text: str) -> int | None:
    m = re.fullmatch(rf"{_PREFIX[series]}-?0*(\d+)", text.strip(), flags=re.IGNORECASE)
    return int(m.group(1)) if m else None


def next_number(session: Session, series: str) -> int:
    """The next number of ``series``: an atomic UPDATE … RETURNING whose row lock lasts until the caller's
    transaction ends. A second station waits for the first to commit (then takes the next number) or to roll
    back (then takes the same one): never a duplicate, never a gap."""
    bump = (update(DocumentCounter).where(DocumentCounter.series == series)
            .values(next_value=DocumentCounter.next_value + 1).returning(DocumentCounter.next_value))
    after = session.scalar(bump)
    if after is None:  # migration 0011 makes both series; a hand-made database may lack one
        make = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        session.execute(make(DocumentCounter).values(series=series, next_value=1).on_conflict_do_nothing())
        after = session.scalar(bump)
    assert after is not None
    return int(after) - 1


@dataclass(frozen=True)
class ReceiptLineView:
    sku: str
    name: str
    serial: str
    lot: str | None
    list_price: Decimal
    discount: Decimal
    discount_reason: str | None
    price: Decimal  # the line's amount as entered (incl. or excl. tax, as the receipt says)
    tax_rate: str
    tax_percent: Decimal
    warranty_until: datetime | None


@dataclass(frozen=True)
class PaymentView:
    method: str
    amount: Decimal
    tendered: Decimal
    change: Decimal


@dataclass(frozen=True)
class SaleReceipt:
    """A sales receipt (``kind`` receipt) or a credit receipt for a return (``kind`` credit: amounts are what
    goes back to the customer; ``refers_to`` names the original receipt)."""

    kind: str
    number: str
    sale_number: str
    at: datetime
    by: str
    station: str
    customer: PartyView
    lines: tuple[ReceiptLineView, ...]
    bands: tuple[TaxBand, ...]
    total: Decimal
    payments: tuple[PaymentView, ...]
    prices_include_tax: bool
    currency: str
    shop: ShopProfileView
    refers_to: str | None = None
    reason: str | None = None


class ReceiptService(Service):
    def sale_receipt(self, ref: str | int) -> SaleReceipt:
        """The receipt of a sale named by its receipt number (SR-000012), sale number (S-0012) or id.
        NotFound otherwise."""
        self.actor.require(Action.SELL)
        with self.uows.reading() as uow:
            s = uow.session
            sale = _sale(s, ref)
            shop = read_profile(s)
            rows = s.execute(_lines_query().where(SaleLine.sale_id == sale.id).order_by(SaleLine.id)).all()
            lines = tuple(_line(line, item, product, lot, shop) for line, item, product, lot in rows)
            payments = tuple(PaymentView(p.method, p.amount, p.tendered, p.change) for p in s.scalars(
                select(SalePayment).where(SalePayment.sale_id == sale.id).order_by(SalePayment.id)))
            return _receipt(RECEIPT, receipt_number(RECEIPT, sale.receipt_no) or record_number("sale", sale.id),
                            sale, s.get(Customer, sale.customer_id), lines, payments, shop, sale.sold_at,
                            sale.sold_by, sale.station)

    def record_emailed(self, number: str, to: str) -> str:
        """Note in the trail that the mail server accepted receipt ``number`` (SR-…, CN-…) for ``to``, after it
        was sent (never inside the send); returns the number."""
        self.actor.require(Action.SELL)
        refuse_control(to, "e-mail address")
        with self.uows() as uow:
            self.record(uow.session, kind="receipt_emailed", data={"receipt": number, "to": to.strip()})
            uow.commit()
        return number

    def return_with_credit(self, number: int) -> int:
        """The return whose credit receipt is CN-<number>; NotFound otherwise."""
        self.actor.require(Action.RETURN)
        with self.uows.reading() as uow:
            found = uow.session.scalar(select(Return.id).where(Return.credit_no == number))
            if found is None:
                raise NotFound(f"There is no credit receipt {receipt_number(CREDIT, number)}.", code="unknown_credit")
            return int(found)

    def credit_receipt(self, return_id: int) -> SaleReceipt:
        """The credit receipt of a return (its own number, CN-…), naming the sale's receipt. NotFound otherwise."""
        self.actor.require(Action.RETURN)
        with self.uows.reading() as uow:
            s = uow.session
            ret = s.get(Return, return_id)
            if ret is None:
                raise NotFound(f"There is no return {return_id}.", code="unknown_return")
            sold, item, product, lot = s.execute(_lines_query().where(SaleLine.id == ret.sale_line_id)).one()
            sale = s.get_one(Sale, sold.sale_id)
            shop = read_profile(s)
            line = _line(sold, item, product, lot, shop)
            refund = PaymentView("refund", line.price, line.price, Decimal("0.00"))
            number = receipt_number(CREDIT, ret.credit_no) or f"return {ret.id}"
            return _receipt(CREDIT, number, sale, s.get(Customer, sale.customer_id), (line,), (refund,), shop,
                            ret.at, ret.by_user, "", refers_to=receipt_number(RECEIPT, sale.receipt_no)
                            or record_number("sale", sale.id), reason=ret.reason)


def _sale(s: Session, ref: str | int) -> Sale:
    text = str(ref).strip()
    found: Sale | None = None
    if (number := parse_receipt_number(RECEIPT, text)) is not None:
        found = s.scalar(select(Sale).where(Sale.receipt_no == number))
    elif (sale_id := parse_record_number("sale", text)) is not None or text.isdigit():
        found = s.get(Sale, sale_id if sale_id is not None else int(text))
    if found is None:
        raise NotFound(f"There is no sale or receipt '{text}'.", code="unknown_sale")
    return found


def _lines_query() -> Select[tuple[SaleLine, Item, Product, str]]:  # the lot: None when the unit has none
    return (select(SaleLine, Item, Product, Lot.code).join(Item, Item.id == SaleLine.item_id)
            .join(Product, Product.id == Item.product_id).outerjoin(Lot, Lot.id == Item.lot_id))


def _line(line: SaleLine, item: Item, product: Product, lot: str | None, shop: ShopProfileView) -> ReceiptLineView:
    rate = line.tax_rate or "standard"  # a sale from before receipts: the shop's standard rate now
    percent = line.tax_percent if line.tax_percent is not None else shop.percent(rate)
    return ReceiptLineView(product.sku, product.name, item.serial, lot, line.list_price or line.price,
                           line.discount or Decimal("0.00"), line.discount_reason, line.price, rate, percent,
                           line.warranty_until)


def _receipt(kind: str, number: str, sale: Sale, customer: Customer | None, lines: tuple[ReceiptLineView, ...],
             payments: tuple[PaymentView, ...], shop: ShopProfileView, at: datetime, by: str, station: str,
             refers_to: str | None = None, reason: str | None = None) -> SaleReceipt:
    if customer is None:
        raise DomainError(f"Sale {sale.id} has no customer on record.", code="no_customer")
    incl = sale.prices_include_tax if sale.prices_include_tax is not None else True
    bands = tax_bands([(ln.tax_rate, ln.tax_percent, ln.price) for ln in lines], prices_include_tax=incl,
                      places=shop.places)
    total = sum((b.gross for b in bands), Decimal("0.00"))
    return SaleReceipt(kind, number, record_number("sale", sale.id), at, by, station,
                       party_view("customer", customer), lines, bands, total, payments, incl,
                       sale.currency or shop.currency, shop, refers_to, reason)


@dataclass(frozen=True)
class JobSheet:
    """A service ticket on paper: at intake (what came in, the problem, the estimate, the terms to sign) and at
    hand-back (the work done, the parts swapped with their serials, the warranty, the charge)."""

    ticket: TicketView
    product: str
    lot: str | None
    warranty_until: datetime | None  # the customer's warranty on the unit now (extended by a warranty repair)
    shop: ShopProfileView


class JobSheetService(Service):
    def job_sheet(self, ticket_id: int) -> JobSheet:
        """The ticket with its unit and the shop, for the job sheet or the hand-back sheet. NotFound otherwise."""
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            s = uow.session
            found = s.get(ServiceTicket, ticket_id)
            if found is None:
                raise NotFound(f"There is no ticket {record_number('ticket', ticket_id)}.", code="unknown_ticket")
            view = ticket_view(s, found, now=self.clock())
            item = s.get_one(Item, found.item_id)
            product = s.get_one(Product, item.product_id)
            lot = s.get(Lot, item.lot_id).code if item.lot_id else None  # type: ignore[union-attr]
            sold = sale_of(s, item.id) if view.sold_by_us else None
            return JobSheet(view, product.name, lot, sold[0].warranty_until if sold else None, read_profile(s))
