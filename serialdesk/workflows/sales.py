"""A sale cart (issue 13): the customer, the units scanned (each checked: in stock? not held? not twice?), their
prices, the sale as one service call, and its receipt — what the sales pane shows, without Qt. Returns at the
counter are a small session of their own (``ReturnSession``).

As in workflows.receiving, each action that talks to the shop comes in two halves so a GUI can run the service
call off its thread: ``*_call`` returns a function that only talks to the services (one service call, one
transaction), ``*_done`` applies its result to the cart on the caller's thread. ``scan(text)``, ``sell()`` and
friends do both, for the CLI and tests. Everything else (remove a line, undo, a price) needs no service.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal

from serialdesk.domain.errors import DomainError
from serialdesk.domain.money import format_money, to_money
from serialdesk.domain.status import ItemStatus, check_move
from serialdesk.domain.tax import line_discount, parse_payment
from serialdesk.domain.text import day, plural
from serialdesk.services.bundle import Services
from serialdesk.services.dto import ItemPassport, PartyView, ReturnView, SaleView
from serialdesk.services.sales import UnitForSale

DISPOSITIONS = (
    ("Back into stock — unopened, as new", "stock"),
    ("Quarantine — to be checked or sent to the supplier", "quarantine"),
    ("Scrap — cannot be sold again", "scrap"),
)
RETURNABLE = ("sold", "recalled")
MONEY_PLACES = 2  # the cart's own display; the sale rounds in the shop's currency
KEEP_RECEIPT = "Keep this receipt: the serial numbers on it are your proof of purchase for warranty claims."


@dataclass(frozen=True)
class CartLine:
    sku: str
    name: str
    serial: str
    price: Decimal
    list_price: Decimal
    warranty_months: int
    discount: Decimal = Decimal("0.00")  # taken off ``price`` (as the clerk gave it: ``discount_text``)
    discount_text: str = ""
    discount_reason: str = ""

    @property
    def to_pay(self) -> Decimal:
        return self.price - self.discount

    @property
    def ref(self) -> str:
        """How the sale names the unit: SKU:SERIAL is never ambiguous."""
        return f"{self.sku}:{self.serial}"


@dataclass(frozen=True)
class CartOutcome:
    """A scan, an undo or a removal as the clerk sees it. ``tone``: good (in the cart) · info (taken out) · warn
    (a product barcode the shop does not know: ``gtin`` set — never taken as a serial) · bad (refused, the
    reason)."""

    tone: str
    text: str
    message: str
    line: CartLine | None = None
    gtin: str | None = None


def refusal(p: ItemPassport) -> str | None:
    """Why this unit cannot be sold, in the clerk's words (naming the buyer of a sold unit, or the recall holding
    it); None if it can."""
    if p.hold:
        return f"Serial {p.serial} cannot be sold — {p.hold}"
    situation = None
    if p.customer is not None and p.sold_at is not None:
        situation = f"was sold on {day(p.sold_at)} to {p.customer.name} ({p.customer.number})"
        if p.status != ItemStatus.SOLD.value:
            situation += f" and is {p.status.replace('_', ' ')}"
    try:
        check_move(p.status, ItemStatus.SOLD, p.serial, situation)
    except DomainError as exc:
        return exc.message
    return None


@dataclass
class SaleCart:
    services: Services
    customer: PartyView | None = None
    lines: list[CartLine] = field(default_factory=list)  # in the order scanned: undo takes the last one
    last_sale: SaleView | None = None  # its receipt can be printed or saved
    payments: list[str] = field(default_factory=list)  # cash|card|invoice[:AMOUNT]; none: the shop's default

    # --- the customer ----------------------------------------------------------------------------------------

    def find_customers_call(self, text: str, limit: int = 30) -> Callable[[], list[PartyView]]:
        catalogue, wanted = self.services.catalogue, text.strip()
        return lambda: catalogue.find_customers(wanted, limit=limit) if wanted else []

    def choose(self, customer: PartyView) -> str:
        self.customer = customer
        return f"Selling to {customer.name} ({customer.number}). Scan the units."

    def clear_customer(self) -> str:
        self.customer = None
        return "No customer chosen: find or add the customer before completing the sale."

    def add_customer_call(self, name: str, phone: str = "", email: str = "",
                          address: str = "") -> Callable[[], PartyView]:
        catalogue = self.services.catalogue
        return lambda: catalogue.add_customer(name, phone=phone or None, email=email or None,
                                              address=address or None)

    def add_customer(self, name: str, phone: str = "", email: str = "", address: str = "") -> PartyView:
        customer = self.add_customer_call(name, phone, email, address)()
        self.choose(customer)
        return customer

    # --- scanning --------------------------------------------------------------------------------------------

    def scan_call(self, text: str) -> Callable[[], UnitForSale]:
        """The one service call of a scan: the unit the text names (the one classifier) with its product."""
        sales, ref = self.services.sales, text.strip()
        return lambda: sales.unit_for_sale(ref)

    def scan_done(self, text: str, result: UnitForSale | DomainError) -> CartOutcome:
        if isinstance(result, DomainError):
            if result.code == "unknown_product_barcode":
                return CartOutcome("warn", text, result.message, gtin=str(result.details.get("gtin")))
            return CartOutcome("bad", text, result.message)
        p, product = result.passport, result.product
        reason = refusal(p)
        if reason is None and any(line.sku == p.sku and line.serial == p.serial for line in self.lines):
            reason = f"Serial {p.serial} is already in this sale."
        if reason is not None:
            return CartOutcome("bad", text, reason)
        line = CartLine(p.sku, p.product, p.serial, product.price, product.price, product.warranty_months)
        self.lines.append(line)
        return CartOutcome("good", text, f"✓ {p.serial} · {p.product} · {format_money(line.price)}", line)

    def scan(self, text: str) -> CartOutcome:
        return self.scan_done(text, _attempt(self.scan_call(text)))

    # --- the lines -------------------------------------------------------------------------------------------

    def remove(self, index: int) -> CartOutcome:
        if not 0 <= index < len(self.lines):
            raise DomainError("Choose the line to take out of the cart.", code="no_line")
        line = self.lines.pop(index)
        return CartOutcome("info", line.serial, f"{line.serial} taken out of the cart.", line)

    def undo(self) -> CartOutcome:
        """Take the last scanned unit out again (a scan by mistake)."""
        if not self.lines:
            raise DomainError("Nothing to undo: the cart is empty.", code="nothing_to_undo")
        return self.remove(len(self.lines) - 1)

    def set_price(self, index: int, value: object) -> CartLine:
        """A price typed over the list price; DomainError (nothing changed) for a price that is no price."""
        if not 0 <= index < len(self.lines):
            raise DomainError("Choose the line whose price changes.", code="no_line")
        line = self.lines[index]
        price = to_money(value, "Price")
        if line.discount_text:  # the discount again on the new price (a percentage changes with it)
            line = replace(line, price=price, discount=line_discount(price, line.discount_text, MONEY_PLACES))
        else:
            line = replace(line, price=price)
        self.lines[index] = line
        return line

    def set_discount(self, index: int, amount: str, reason: str) -> CartLine:
        """A discount on one line: an amount ('25.00') or a percentage ('10%') of its price, with the reason the
        receipt prints (an empty amount takes the discount off). The shop's limit for the clerk's role is the
        sale's to check; DomainError here for what is no discount at all."""
        if not 0 <= index < len(self.lines):
            raise DomainError("Choose the line to discount.", code="no_line")
        line = self.lines[index]
        if not amount.strip():
            line = replace(line, discount=Decimal("0.00"), discount_text="", discount_reason="")
        else:
            if not reason.strip():
                raise DomainError(f"Say why {line.serial} is discounted (the reason is printed and kept on "
                                  "record).", code="discount_reason_required")
            off = line_discount(line.price, amount, MONEY_PLACES)
            line = replace(line, discount=off, discount_text=amount.strip(), discount_reason=reason.strip())
        self.lines[index] = line
        return line

    def set_payments(self, texts: list[str]) -> str:
        """How the customer pays: 'card', or a split such as ['cash:100', 'card'] (one without an amount pays
        the rest). DomainError for a way of paying there is not; the sale checks that they add up."""
        asked = [t.strip() for t in texts if t.strip()]
        parsed = [parse_payment(t) for t in asked]
        if sum(1 for _, amount in parsed if amount is None) > 1:
            raise DomainError("Only one way of paying may be without an amount (it pays the rest).",
                              code="bad_payment")
        self.payments = asked
        return "Paid by " + " + ".join(asked) if asked else "Paid the shop's usual way"

    def total(self) -> Decimal:
        return sum((line.to_pay for line in self.lines), Decimal("0.00"))

    def refs(self) -> list[str]:
        return [line.ref for line in self.lines]

    @property
    def ready(self) -> bool:
        return bool(self.lines) and self.customer is not None

    def summary(self) -> str:
        return f"Total {format_money(self.total())}" + (f"  ·  {plural(len(self.lines), 'unit')}" if self.lines else "")

    # --- the sale --------------------------------------------------------------------------------------------

    def sell_call(self) -> Callable[[], SaleView]:
        """The sale, all or nothing, as one service call; DomainError before any call for what the clerk must
        do first. A refused sale leaves the cart as it was."""
        if self.customer is None:
            raise DomainError("Choose the customer first (Ctrl+F to find, Ctrl+N to add).", code="no_customer")
        if not self.lines:
            raise DomainError("The cart is empty: scan the units being sold.", code="empty_sale")
        sales, customer, refs = self.services.sales, self.customer.number, self.refs()
        prices: list[Decimal | str | None] = [line.price for line in self.lines]
        discounts = [(ln.discount_text, ln.discount_reason) if ln.discount_text else None for ln in self.lines]
        pay = list(self.payments)
        return lambda: sales.sell_items(customer, refs, prices=prices, pay=pay,
                                        discounts=discounts if any(discounts) else None)

    def sell_done(self, sale: SaleView) -> str:
        self.last_sale, self.customer, self.lines, self.payments = sale, None, [], []
        return (f"Sale {sale.number} completed: {plural(len(sale.lines), 'unit')} to {sale.customer.name}, "
                f"total {format_money(sale.total)}.")

    def sell(self) -> SaleView:
        sale = self.sell_call()()
        self.sell_done(sale)
        return sale

    def receipt(self) -> Receipt:
        if self.last_sale is None:
            raise DomainError("No sale yet: complete a sale, then print or save its receipt.", code="no_sale")
        return receipt_of(self.last_sale)

    def returns(self) -> ReturnSession:
        return ReturnSession(self.services)


# --- the receipt -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReceiptLine:
    name: str
    sku: str
    serial: str
    warranty_until: datetime | None  # None: the product has no warranty
    price: Decimal


@dataclass(frozen=True)
class Receipt:
    """What a sale's receipt says, for the screen, paper, a PDF or the CLI."""

    number: str
    sold_at: datetime
    sold_by: str
    customer: str
    customer_number: str
    contact: tuple[str, ...]  # phone, e-mail — those on record
    lines: tuple[ReceiptLine, ...]
    total: Decimal
    note: str = KEEP_RECEIPT


def receipt_of(sale: SaleView) -> Receipt:
    c = sale.customer
    return Receipt(sale.number, sale.sold_at, sale.sold_by, c.name, c.number,
                   tuple(x for x in (c.phone, c.email) if x),
                   tuple(ReceiptLine(ln.name, ln.sku, ln.serial, ln.warranty_until, ln.price) for ln in sale.lines),
                   sale.total)


# --- returns ---------------------------------------------------------------------------------------------------

@dataclass
class ReturnSession:
    """Taking a return: scan the unit (whose is it? may it come back?), then say why and where it goes."""

    services: Services
    unit: ItemPassport | None = None
    looked_up: str = ""

    def look_up_call(self, text: str) -> Callable[[], ItemPassport] | None:
        """None when there is nothing new to look up (empty, or the text just looked up)."""
        text = text.strip()
        if not text or text == self.looked_up:
            return None
        self.looked_up, lookup = text, self.services.lookup
        return lambda: lookup.passport(text)

    def look_up_done(self, p: ItemPassport) -> ItemPassport:
        """The unit to take back; DomainError when it is not out with a customer."""
        if p.status not in RETURNABLE:
            self.unit = None
            raise DomainError(f"{p.serial} ({p.product}) is not out with a customer: it is "
                              f"{p.status.replace('_', ' ')}. Only a sold unit can be returned.", code="not_returnable")
        self.unit = p
        return p

    def look_up(self, text: str) -> ItemPassport | None:
        call = self.look_up_call(text)
        return self.look_up_done(call()) if call is not None else self.unit

    def take_back_call(self, serial: str, to: str, reason: str) -> Callable[[], ReturnView]:
        sales, text = self.services.sales, serial.strip()
        unit = self.unit if self.unit is not None and text == self.looked_up else None
        if unit is not None:  # the unit looked up, named without doubt
            return lambda: sales.return_item(unit.serial, to=to, reason=reason, sku=unit.sku)
        return lambda: sales.return_item(text, to=to, reason=reason)

    @staticmethod
    def take_back_done(view: ReturnView) -> str:
        return f"{view.serial} taken back from {view.customer} ({view.sale}) → {view.disposition}."

    def take_back(self, serial: str, to: str, reason: str) -> ReturnView:
        return self.take_back_call(serial, to, reason)()


def _attempt(call: Callable[[], UnitForSale]) -> UnitForSale | DomainError:
    try:
        return call()
    except DomainError as exc:
        return exc
