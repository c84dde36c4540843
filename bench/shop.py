"""Two years of a busy shop as plain rows: what the real services would have written, planned in one go.

``ShopPlan`` decides every lot, unit, sale, return and service ticket (deterministic for a seed), then reads them
out table by table as tuples in column order, so the same rows go into SQLite (``sqlite3.executemany``) and
PostgreSQL (``COPY``). Times are naive-UTC text ('2026-03-03 10:00:00.000000'), SQLAlchemy's SQLite format, which
PostgreSQL reads as UTC in a session whose time zone is UTC. Event rows carry the kinds, refs, data and
status_from/status_to moves exactly as ``services/receiving.py``, ``sales.py`` and ``service_desk.py`` write them.
"""

from __future__ import annotations

import json
import math
import random
from array import array
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from bench.catalogue import GENERATED_PATTERN, ProductSpec
from serialdesk.domain.serials import SerialPattern
from serialdesk.domain.warranty import add_months

Row = tuple[object, ...]
US = 1_000_000
HOUR = 3600 * US
DAY = 24 * HOUR
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
SCAN_GAP = 4 * US  # a clerk scans a unit every few seconds
MEAN_SHELF_DAYS = 60  # a unit that sells waits this long on the shelf on average
MULTI_LINE_SALE = 0.15  # chance that the next unit goes into the same sale (at most 3 lines)
RETURN_SHARE, TICKET_SHARE = 0.025, 0.012
CLERK, COUNTER, TECH = "clerk1", "counter1", "tech1"

COLUMNS: dict[str, tuple[str, ...]] = {
    "customers": ("id", "name", "phone", "email", "address", "created_at"),
    "lots": ("id", "product_id", "code", "supplier_id", "received_at", "expiry"),
    "receipts": ("id", "supplier_id", "status", "created_by", "station", "created_at", "posted_at", "note"),
    "items": ("id", "product_id", "serial", "lot_id", "status", "serial_source", "cost", "location", "supplier_id",
              "received_at", "created_at"),
    "receipt_lines": ("id", "receipt_id", "item_id", "scanned_at"),
    "sales": ("id", "customer_id", "status", "sold_by", "station", "sold_at"),
    "sale_lines": ("id", "sale_id", "item_id", "price", "warranty_until"),
    "returns": ("id", "sale_line_id", "reason", "disposition", "by_user", "at"),
    "service_tickets": ("id", "item_id", "customer_id", "problem", "status", "sold_by_us", "warranty_claim",
                        "warranty_override_by", "opened_by", "opened_at", "closed_at", "resolution"),
    "work_logs": ("id", "ticket_id", "text", "minutes", "by_user", "at"),
    "serial_sequences": ("id", "product_id", "scope", "next_value"),
    "events": ("id", "at", "kind", "item_id", "product_id", "serial", "by_user", "station", "ref_type", "ref_id",
               "status_from", "status_to", "data"),
}

FIRST = ("Anna", "Ben", "Clara", "David", "Elif", "Finn", "Greta", "Hugo", "Ines", "Jonas", "Karin", "Luca", "Mira",
         "Noah", "Olga", "Paul", "Rosa", "Samir", "Tilde", "Umar", "Vera", "Wim", "Yusuf", "Zoe")
LAST = ("Andersen", "Becker", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen", "Ivanova", "Jensen",
        "Kowalski", "Larsen", "Meyer", "Novak", "Olsen", "Petersen", "Rossi", "Schmidt", "Weber", "Yilmaz")
RETURNS = (("stock", "in_stock", "Unopened, changed mind"), ("quarantine", "quarantined", "Does not power on"),
           ("quarantine", "quarantined", "Noise from gearbox"), ("scrap", "scrapped", "Casing cracked in transit"))


@dataclass(frozen=True)
class ShopShape:
    """How big the shop is: ~500-unit lots of 40 products over two years, ~60 % sold to items/50 customers."""

    items: int
    lot_size: int = 500
    sold_share: float = 0.6
    days: int = 730
    seed: int = 2406

    @property
    def customers(self) -> int:
        return max(50, self.items // 50)


@dataclass(frozen=True)
class Product:
    id: int
    spec: ProductSpec


@dataclass(frozen=True)
class LotPlan:
    id: int  # the lot's id, and its receipt's id (one receipt per lot)
    product: Product
    supplier_id: int
    code: str
    opened: int  # µs since the epoch: the receipt's creation
    received: int  # µs: posted, units in stock
    first_item: int
    size: int
    scanned: bool  # scanned unit by unit into a draft; else one bulk receipt (receive_units)


@dataclass(frozen=True)
class SalePlan:
    at: int
    customer: int  # a customer slot until customers are numbered, then the customer id
    items: tuple[int, ...]


@dataclass(frozen=True)
class TicketPlan:
    item: int
    opened: int
    closed: int | None  # None: still open, the unit is in service
    claim: bool


def stamp(us: int) -> str:
    """µs since the epoch → SQLAlchemy's SQLite text for a UTC time."""
    day, rest = divmod(us, DAY)
    text = _DAYS.get(day)
    if text is None:
        text = _DAYS[day] = f"{EPOCH + timedelta(days=day):%Y-%m-%d}"
    seconds, micro = divmod(rest, US)
    hours, seconds = divmod(seconds, 3600)
    return f"{text} {hours:02d}:{seconds // 60:02d}:{seconds % 60:02d}.{micro:06d}"


_DAYS: dict[int, str] = {}


def _letters(n: int) -> str:
    """1 → A, 26 → Z, 27 → AA: the lot's letter(s) within its month."""
    text = ""
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(65 + rest) + text
    return text


def to_us(moment: datetime) -> int:
    return (moment - EPOCH) // timedelta(microseconds=1)


def json_data(**values: object) -> str:
    return json.dumps(values)  # as SQLAlchemy's JSON type writes it


class ShopPlan:
    """Every row of the shop's history; ``rows(table)`` reads one table out in id order."""

    def __init__(self, shape: ShopShape, products: list[Product], supplier_ids: list[int], now: datetime,
                 first_event_id: int) -> None:
        self.shape, self.products, self.supplier_ids = shape, products, supplier_ids
        self.now, self.start = to_us(now), to_us(now) - shape.days * DAY
        self.first_event_id = first_event_id
        self.rnd = random.Random(shape.seed)
        self.lots = self._plan_lots()
        self.lot_of = array("i", [0]) * (shape.items + 1)
        for lot in self.lots:
            self.lot_of[lot.first_item : lot.first_item + lot.size] = array("i", [lot.id]) * lot.size
        self.serials = self._serials()
        self.sales = self._plan_sales()
        self.line_of = array("i", [0]) * (shape.items + 1)  # item id → its sale line id (= position in sales)
        self.sale_of = array("i", [0]) * (shape.items + 1)
        self.sold_at = array("q", [0]) * (shape.items + 1)
        line = 0
        for sale_id, sale in enumerate(self.sales, start=1):
            for item in sale.items:
                line += 1
                self.line_of[item], self.sale_of[item], self.sold_at[item] = line, sale_id, sale.at
        self.customers = self._number_customers()
        self.returns = self._plan_returns()
        self.tickets = self._plan_tickets()
        self.status = self._final_status()

    # ---- planning --------------------------------------------------------------------------------------------

    def _plan_lots(self) -> list[LotPlan]:
        rnd, shape = self.rnd, self.shape
        sizes: list[int] = []
        left = shape.items
        while left > 0:
            sizes.append(min(rnd.randint(shape.lot_size * 6 // 10, shape.lot_size * 14 // 10), left))
            left -= sizes[-1]
        weights = [1 / (rank + 1) ** 0.8 for rank in range(len(self.products))]
        rnd.shuffle(weights)
        received = sorted(rnd.randrange(self.start, self.now - DAY) for _ in sizes)
        codes: dict[str, int] = {}
        lots, first = [], 1
        for n, (size, at) in enumerate(zip(sizes, received, strict=True), start=1):
            product = rnd.choices(self.products, weights)[0]
            supplier = product.spec.usual_supplier if rnd.random() < 0.8 else rnd.randrange(len(self.supplier_ids))
            month = f"{EPOCH + timedelta(microseconds=at):%y%m}"
            codes[month] = codes.get(month, 0) + 1
            code = f"L{month}{_letters(codes[month])}"  # unique in the shop, so lot-prefixed serials are too
            scanned = not product.spec.generated and rnd.random() < 0.5
            opened = at - (size + 1) * SCAN_GAP if scanned else at
            lots.append(LotPlan(n, product, self.supplier_ids[supplier], code, opened, at, first, size, scanned))
            first += size
        return lots

    def _serials(self) -> list[str]:
        """Supplier serials run on per product, lot after lot; generated ones restart per lot, lot-prefixed."""
        serials = [""]
        counters = {p.id: self.rnd.randrange(10_000, 90_000) for p in self.products}
        pattern = SerialPattern.parse(GENERATED_PATTERN)
        for lot in self.lots:
            spec = lot.product.spec
            if spec.serial_prefix is None:
                serials += [pattern.render(n, lot=lot.code) for n in range(1, lot.size + 1)]
            else:
                base = counters[lot.product.id]
                counters[lot.product.id] += lot.size + self.rnd.randrange(0, 50)
                serials += [f"{spec.serial_prefix}{n:0{spec.serial_digits}d}" for n in range(base, base + lot.size)]
        return serials

    def _plan_sales(self) -> list[SalePlan]:
        """About ``sold_share`` of the units sell, each after an exponential time on the shelf (so recent lots
        are mostly in stock); a sale takes 1 to 3 units, to one customer."""
        rnd, mean = self.rnd, MEAN_SHELF_DAYS * DAY
        sold_by_now = sum(lot.size * (1 - math.exp(-(self.now - lot.received) / mean)) for lot in self.lots)
        chance = min(1.0, self.shape.sold_share * self.shape.items / sold_by_now)
        planned = []
        for lot in self.lots:
            for item in range(lot.first_item, lot.first_item + lot.size):
                if rnd.random() < chance:
                    at = lot.received + int(rnd.expovariate(1 / mean)) + US
                    if at < self.now - HOUR:
                        planned.append((at, item))
        planned.sort()
        sales, n = [], 0
        while n < len(planned):
            at, item = planned[n]
            items = [item]
            n += 1
            while (n < len(planned) and len(items) < 3 and rnd.random() < MULTI_LINE_SALE
                   and self.lots[self.lot_of[planned[n][1]] - 1].received < at):
                items.append(planned[n][1])
                n += 1
            sales.append(SalePlan(at, rnd.randrange(self.shape.customers), tuple(items)))
        return sales

    def _number_customers(self) -> list[tuple[str, str, str | None, int]]:
        """Customers are numbered in the order they were added: just before their first purchase."""
        rnd, number, customers = self.rnd, {}, []
        for k, sale in enumerate(self.sales):
            if sale.customer not in number:
                number[sale.customer] = len(customers) + 1
                customers.append(self._customer(len(customers) + 1, sale.at - rnd.randrange(60 * US, HOUR)))
            self.sales[k] = SalePlan(sale.at, number[sale.customer], sale.items)
        while len(customers) < self.shape.customers:  # customers on file who have not bought yet
            customers.append(self._customer(len(customers) + 1, rnd.randrange(self.start, self.now - HOUR)))
        return customers

    def _customer(self, number: int, added: int) -> tuple[str, str, str | None, int]:
        rnd = self.rnd
        name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
        phone = f"+45 {rnd.randint(20, 99)} {rnd.randint(100000, 999999)}"
        email = None if rnd.random() < 0.3 else f"customer{number}@example.net"
        return name, phone, email, added

    def _plan_returns(self) -> list[tuple[int, int, int]]:
        """(at, item, index into RETURNS), in time order: the return ids."""
        rnd, found = self.rnd, []
        for sale in self.sales:
            for item in sale.items:
                if rnd.random() < RETURN_SHARE:
                    back = sale.at + rnd.randrange(DAY, 20 * DAY)
                    if back < self.now - HOUR:
                        found.append((back, item, rnd.randrange(len(RETURNS))))
        return sorted(found)

    def _plan_tickets(self) -> list[TicketPlan]:
        rnd, returned, found = self.rnd, {item for _, item, _ in self.returns}, []
        for sale in self.sales:
            for item in sale.items:
                if item in returned or rnd.random() >= TICKET_SHARE:
                    continue
                opened = sale.at + rnd.randrange(20 * DAY, 400 * DAY)
                if opened >= self.now - HOUR:
                    continue
                closed = opened + rnd.randrange(2 * DAY, 14 * DAY)
                until = self.warranty_until(item)
                found.append(TicketPlan(item, opened, closed if closed < self.now - HOUR else None,
                                        until is not None and opened <= until))
        return sorted(found, key=lambda t: t.opened)

    def _final_status(self) -> dict[int, str]:
        """Units not simply in stock or sold: returned ones and those in service now (sold ones: sale_of)."""
        status = {item: RETURNS[kind][1] for _, item, kind in self.returns}
        status.update({t.item: "in_service" for t in self.tickets if t.closed is None})
        return status

    def product_of(self, item: int) -> Product:
        return self.lots[self.lot_of[item] - 1].product

    def warranty_until(self, item: int) -> int | None:
        months = self.product_of(item).spec.warranty_months
        sold = EPOCH + timedelta(microseconds=self.sold_at[item])
        return to_us(add_months(sold, months)) if months else None

    def price(self, item: int) -> Decimal:
        price = self.product_of(item).spec.price
        percent = (0, 0, 0, 5, 10)[item * 7919 % 5]  # a fixed share of the lines got a discount
        return (price * (100 - percent) / 100).quantize(Decimal("0.01"))
