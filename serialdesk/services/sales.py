"""Sales and returns at the counter. A unit is sold once: the status change is a conditional UPDATE."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import update
from sqlalchemy.orm import Session

from serialdesk.db.models import Customer, Item, Product, Return, Sale, SaleLine, SalePayment
from serialdesk.domain.errors import DomainError
from serialdesk.domain.money import to_money
from serialdesk.domain.products import record_number
from serialdesk.domain.roles import Action, Role
from serialdesk.domain.status import ItemStatus, check_move
from serialdesk.domain.tax import HUNDRED, line_discount, parse_payment, settle, tax_bands
from serialdesk.domain.text import listing, refuse_control
from serialdesk.domain.warranty import warranty_until
from serialdesk.services.common import Service, customer_by_ref, one_item, party_view, product_view, record_events
from serialdesk.services.dto import ItemPassport, ProductView, ReturnView, SaleLineView, SaleView
from serialdesk.services.known_units import refuse_claimed, sale_of, where_is
from serialdesk.services.locations import not_in_transit, refuse_in_transit
from serialdesk.services.lookup import LookupService
from serialdesk.services.recall_holds import follow_owner, refuse_held, return_target
from serialdesk.services.receipts import CREDIT, RECEIPT, next_number, receipt_number
from serialdesk.services.sale_copies import copied
from serialdesk.services.shop import ShopProfileView, read_profile

DISPOSITIONS = {"stock": ItemStatus.IN_STOCK, "quarantine": ItemStatus.QUARANTINED, "scrap": ItemStatus.SCRAPPED}


@dataclass(frozen=True)
class UnitForSale:
    """A scanned unit as the till sees it: its passport (status, holds, buyer) and its product's list price and
    warranty, read together so the price on the cart is the price of the moment of the scan."""

    passport: ItemPassport
    product: ProductView


class SalesService(Service):
    def unit_for_sale(self, ref: str) -> UnitForSale:
        """The unit a scan names (through the one classifier: serial, ``SKU:SERIAL``, GS1), with its product, in
        one reading transaction. Whether it may be sold is the cart's to say (workflows.sales)."""
        self.actor.require(Action.SELL)
        with self.uows.reading() as uow:
            item, product = one_item(uow.session, ref)
            passport = LookupService(self.uows, self.actor, self.clock).passport_of(uow.session, item, product)
            return UnitForSale(passport, product_view(product))

    def sell_items(
        self, customer: str, serials: Sequence[str], *, at: datetime | None = None,
        prices: Sequence[Decimal | str | None] | None = None, pay: Sequence[str] = (),
        discounts: Sequence[tuple[str, str] | None] | None = None,
    ) -> SaleView:
        """Sell units (``SERIAL`` or ``SKU:SERIAL``) to a customer in one sale, all or nothing, with its receipt
        number (gapless: taken in this transaction).

        Each unit must be in stock; a unit sold meanwhile at another till is refused naming its buyer.
        ``prices`` (per serial, None = the product's price) override the list price; ``discounts`` (per serial:
        amount or percentage, reason) take something off, a counter clerk up to the shop's limit. ``pay``:
        ``cash|card|invoice[:AMOUNT]`` — one may go without an amount (the rest); they must add up, only cash
        may be more (the change). DomainError for any of these, before anything is saved.
        """
        self.actor.require(Action.SELL)
        if not serials:
            raise DomainError("Scan at least one serial to sell.", code="empty_sale")
        asked = [parse_payment(p) for p in pay]
        with self.uows() as uow:
            s = uow.session
            buyer = customer_by_ref(s, customer)
            when = self.moment(at, "a sale")
            units = [one_item(s, ref) for ref in serials]
            _refuse_doubles(units)
            refuse_held(s, [(i.id, i.serial) for i, _ in units], "sold")
            refuse_in_transit(s, units, "sold")  # on a transfer between locations (issue 15)
            refuse_claimed(s, units, "sold")  # a faulty unit on its way back to the supplier (issue 15)
            try:
                self.fits(s, [i.id for i, _ in units], when, "a sale")
            except DomainError as exc:
                if exc.code == "moved_meanwhile":  # another till moved it meanwhile:
                    for item, product in units:  # say what happened to it, not that "now" is in its past
                        s.refresh(item)
                        check_move(item.status, ItemStatus.SOLD, item.serial, where_is(s, item, product))
                raise
            shop = read_profile(s)
            sale = Sale(customer_id=buyer.id, status="completed", sold_by=self.actor.name,
                        station=self.actor.station, sold_at=when, currency=shop.currency,
                        prices_include_tax=shop.prices_include_tax)
            s.add(sale)
            s.flush()
            lines, rows = [], []
            for n, (item, product) in enumerate(units):
                listed = to_money(prices[n], "Price") if prices and prices[n] is not None else product.price
                off, why = self._discount(shop, item.serial, listed, discounts[n] if discounts else None)
                rate = product.tax_rate or "standard"
                line = SaleLine(sale_id=sale.id, item_id=item.id, price=listed - off, list_price=listed,
                                discount=off, discount_reason=why, tax_rate=rate, tax_percent=shop.percent(rate),
                                warranty_until=warranty_until(when, product.warranty_months), **copied(item))
                rows.append(line)
                lines.append(SaleLineView(product.sku, product.name, item.serial, line.price, line.warranty_until))
            bands = tax_bands([(ln.tax_rate or "standard", ln.tax_percent or Decimal(0), ln.price) for ln in rows],
                              prices_include_tax=shop.prices_include_tax, places=shop.places)
            total = sum((b.gross for b in bands), Decimal("0.00"))
            payments = settle(asked, total, shop.places)
            for (item, product), line in zip(units, rows, strict=True):
                self._take_from_stock(s, item, product)
                s.add(line)
            s.add_all(SalePayment(sale_id=sale.id, method=p.method, amount=p.amount, tendered=p.tendered,
                                  change=p.change) for p in payments)
            sale.receipt_no = next_number(s, RECEIPT)  # last: the number's row stays locked until the commit
            s.flush()
            record_events(s, [self.event(kind="sold", item_id=i.id, product_id=p.id, serial=i.serial,
                                         ref_type="sale", ref_id=sale.id, at=when,
                                         status_from=ItemStatus.IN_STOCK.value, status_to=ItemStatus.SOLD.value,
                                         data={"customer": _customer_label(buyer)})
                              for i, p in units])
            uow.commit()
            return SaleView(sale.id, record_number("sale", sale.id), party_view("customer", buyer),
                            sale.sold_by, when, tuple(lines), total, receipt_number(RECEIPT, sale.receipt_no))

    def _discount(self, shop: ShopProfileView, serial: str, listed: Decimal,
                  asked: tuple[str, str] | None) -> tuple[Decimal, str | None]:
        """The amount off one line and its reason; a counter clerk only up to the shop's limit."""
        if asked is None or not asked[0].strip():
            return Decimal("0.00"), None
        amount_text, reason = asked
        reason = (refuse_control(reason, "discount reason") or "").strip()
        if not reason:
            raise DomainError(f"Say why {serial} is discounted (the reason is printed and kept on record).",
                              code="discount_reason_required")
        if listed <= 0:
            raise DomainError(f"{serial} costs nothing: there is nothing to discount.", code="bad_discount")
        off = line_discount(listed, amount_text, shop.places)
        share = off * HUNDRED / listed
        if self.actor.role is not Role.MANAGER and share > shop.counter_discount_limit:
            raise DomainError(f"A discount of {share:.1f} % on {serial} is more than the "
                              f"{shop.counter_discount_limit:.0f} % a {self.actor.role.value} may give: ask a "
                              "manager.", code="discount_over_limit")
        return off, reason[:200]

    def _take_from_stock(self, s: Session, item: Item, product: Product) -> None:
        # The WHERE on status makes two tills selling the same unit at once safe: one UPDATE wins; so does
        # the one on its place, against a station sending it out on a transfer at the same moment.
        done = s.execute(  # type: ignore[attr-defined]  # an UPDATE's CursorResult has rowcount
            update(Item).where(Item.id == item.id, Item.status == ItemStatus.IN_STOCK.value, not_in_transit())
            .values(status=ItemStatus.SOLD.value).execution_options(synchronize_session=False)
        ).rowcount
        if done != 1:
            s.refresh(item)
            refuse_in_transit(s, [(item, product)], "sold")
            check_move(item.status, ItemStatus.SOLD, item.serial, where_is(s, item, product))
            raise DomainError(f"Serial {item.serial} could not be sold; try again.", code="conflict")
        item.status = ItemStatus.SOLD.value

    def return_item(
        self, serial: str, *, to: str, reason: str, sku: str | None = None, at: datetime | None = None
    ) -> ReturnView:
        """Take back a sold unit: into stock, quarantine or scrap. The reason is kept on record."""
        self.actor.require(Action.RETURN)
        target = DISPOSITIONS.get(to.strip().lower())
        if target is None:
            raise DomainError(f"'{to}' is not a disposition; use stock, quarantine or scrap.",
                              code="bad_disposition")
        refuse_control(reason, "reason")
        if not reason.strip():
            raise DomainError("Say why the unit comes back (the reason is kept on record).", code="reason_required")
        with self.uows() as uow:
            s = uow.session
            item, product = one_item(s, serial, sku)
            check_move(item.status, ItemStatus.RETURNED, item.serial, where_is(s, item, product))
            sold = sale_of(s, item.id)
            if sold is None:
                raise DomainError(f"Serial {item.serial} has no sale on record to return.", code="no_sale")
            line, sale, customer = sold
            when = self.moment(at, "a return")
            self.fits(s, [item.id], when, "a return")
            held_as = item.status
            target, note = return_target(s, item, target)  # a unit on an open recall goes to quarantine
            follow_owner(s, item.id, None)
            item.status = check_move(ItemStatus.RETURNED, target, item.serial).value
            disposition = next(name for name, status in DISPOSITIONS.items() if status is target)
            ret = Return(sale_line_id=line.id, reason=reason.strip(), disposition=disposition,
                         by_user=self.actor.name, at=when, credit_no=next_number(s, CREDIT))
            s.add(ret)
            s.flush()
            self.record(s, kind="returned", item_id=item.id, product_id=product.id, serial=item.serial,
                        ref_type="return", ref_id=ret.id, at=when, status_from=held_as, status_to=item.status,
                        data={"disposition": ret.disposition, "reason": ret.reason,
                              "sale": record_number("sale", sale.id)})
            uow.commit()
            return ReturnView(ret.id, product.sku, item.serial, record_number("sale", sale.id),
                              _customer_label(customer), ret.disposition, item.status, ret.reason, when, note,
                              receipt_number(CREDIT, ret.credit_no))


def _customer_label(customer: Customer) -> str:
    return f"{customer.name} ({record_number('customer', customer.id)})"


def _refuse_doubles(units: list[tuple[Item, Product]]) -> None:
    ids = [i.id for i, _ in units]
    doubles = sorted({i.serial for i, _ in units if ids.count(i.id) > 1})
    if doubles:
        raise DomainError(f"Serial {listing(doubles)} is scanned twice in this sale.", code="duplicate_in_sale")
