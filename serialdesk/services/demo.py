"""A believable demo shop: power tools, bikes and electronics, a year of receipts, sales and returns."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from serialdesk.domain.errors import DomainError
from serialdesk.domain.products import gtin_check_digit

if TYPE_CHECKING:
    from serialdesk.services.bundle import Services

# sku, name, cost, price, warranty months, serial prefix, serial digits
PRODUCTS = [
    ("DRL-18V-BL", "Cordless drill 18V brushless", "82.00", "139.00", 36, "DB18", 7),
    ("IMP-18V", "Impact driver 18V", "74.50", "119.00", 36, "ID8", 8),
    ("SAW-CIRC-190", "Circular saw 190 mm", "96.00", "159.00", 24, "CS19", 6),
    ("EBIKE-TR500", "E-bike Trekking 500 Wh", "1390.00", "2199.00", 24, "TR5", 6),
    ("BIKE-CITY-28", "City bike 28\" 7-speed", "310.00", "549.00", 24, "WCB", 7),
    ("LAP-14-I5", "Laptop 14\" i5 16 GB", "540.00", "849.00", 24, "5CG", 7),
    ("PHN-A55-128", "Smartphone A55 128 GB", "255.00", "399.00", 24, "R58", 8),
    ("WASH-8KG-A", "Washing machine 8 kg A-class", "365.00", "599.00", 24, "WM8", 7),
]
# The buyer's story (issue 17): a battery pack that sells 2 a day, every day of the last 90, comes in packs of 10
# with a 14-day lead time, and has 10 left — the top of the reorder advice.
FAST_MOVER = ("BAT-18V-5AH", "Battery pack 18V 5.0 Ah", "38.00", "69.00", 24, "BP5", 14, 10)
FAST_LOTS = ((95, 70), (60, 60), (30, 60))  # (days ago, units): each delivered before the sales it serves
FAST_UNITS = sum(units for _, units in FAST_LOTS)
FAST_FROM_ITEMS = 240  # a demo of fewer units has no room for it: its units are part of ``items``
SUPPLIERS = ["Nordic Tools Wholesale", "Velo Import GmbH", "TechDistri Europe", "HomeAppliance Direct"]
SUPPLIER_OF = {"DRL": 0, "IMP": 0, "SAW": 0, "EBIKE": 1, "BIKE": 1, "LAP": 2, "PHN": 2, "WASH": 3}
FIRST = ["Anna", "Ben", "Clara", "David", "Elif", "Finn", "Greta", "Hugo", "Ines", "Jonas", "Karin", "Luca",
         "Mira", "Noah", "Olga", "Paul", "Rosa", "Samir", "Tilde", "Umar", "Vera", "Wim", "Yusuf", "Zoe"]
LAST = ["Andersen", "Becker", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen", "Ivanova", "Jensen",
        "Kowalski", "Larsen", "Meyer", "Novak", "Olsen", "Petersen", "Rossi", "Schmidt", "Weber", "Yilmaz"]
RETURN_REASONS = [("stock", "Unopened, changed mind"), ("quarantine", "Does not power on"),
                  ("quarantine", "Noise from gearbox"), ("scrap", "Dropped in transit, casing cracked")]


def _gtin(n: int) -> str:
    body = f"400638{n:06d}"
    return body + str(gtin_check_digit(body))


def build_demo_shop(services: Services, *, items: int, seed: int, now: datetime) -> dict[str, Any]:
    """Fill an empty database; refuses one that already has products."""
    rnd = random.Random(seed)
    if services.catalogue.products():
        raise DomainError("This database already has products; the demo needs an empty database.",
                          code="not_empty")
    for name, role in (("clerk1", "clerk"), ("counter1", "counter"), ("tech1", "technician")):
        services.users.add_user(name, role, "1234")
    suppliers = [services.catalogue.add_supplier(n).name for n in SUPPLIERS]
    for n, (sku, name, cost, price, months, _, _) in enumerate(PRODUCTS):
        services.catalogue.add_product(sku, name, gtin=_gtin(1000 + n * 37), cost=cost, price=price,
                                       warranty_months=months)
    customers = [services.catalogue.add_customer(
        f"{rnd.choice(FIRST)} {rnd.choice(LAST)}", phone=f"+45 {rnd.randint(20, 99)} {rnd.randint(100000, 999999)}",
        email=None if rnd.random() < 0.3 else f"customer{i}@example.net").number for i in range(max(8, items // 12))]
    fast = items >= FAST_FROM_ITEMS
    received = _receive_year(services, rnd, items - FAST_UNITS if fast else items, suppliers, now)
    sold, returned = _sell_and_return(services, rnd, received, customers, now)
    fast_received, fast_sold = _fast_mover(services, suppliers[0], customers, now) if fast else (0, 0)
    return {"products": len(PRODUCTS) + fast, "suppliers": len(suppliers), "customers": len(customers),
            "units": len(received) + fast_received, "sold": sold + fast_sold, "returned": returned}


def _fast_mover(services: Services, supplier: str, customers: list[str], now: datetime) -> tuple[int, int]:
    """FAST_MOVER: its deliveries, then two sold every day of the last 90 days (oldest units first)."""
    from serialdesk.services.product_settings import Buying

    sku, name, cost, price, months, prefix, lead, pack = FAST_MOVER
    services.product_settings.add_product(sku, name, Buying(lead_time_days=lead, pack_size=pack),
                                          gtin=_gtin(1000 + len(PRODUCTS) * 37), cost=cost, price=price,
                                          warranty_months=months)
    serials: list[str] = []
    for days_ago, units in FAST_LOTS:
        when = now - timedelta(days=days_ago, hours=2)
        batch = [f"{prefix}{len(serials) + n + 1:07d}" for n in range(units)]
        services.receiving.receive_units(supplier=supplier, sku=sku, serials=batch, lot=f"L{when:%y%m}P", at=when)
        serials += batch
    pairs = iter(serials)
    sold = 0
    for n, days_ago in enumerate(range(89, -1, -1)):
        services.sales.sell_items(customers[n % len(customers)], [f"{sku}:{next(pairs)}", f"{sku}:{next(pairs)}"],
                                  at=now - timedelta(days=days_ago, minutes=30))
        sold += 2
    return len(serials), sold


def _receive_year(services: Services, rnd: random.Random, items: int, suppliers: list[str],
                  now: datetime) -> list[tuple[str, str, datetime]]:
    """Deliveries spread over the past year, one lot each; returns (sku, serial, received_at)."""
    received: list[tuple[str, str, datetime]] = []
    counters = {p[0]: rnd.randint(1000, 5000) for p in PRODUCTS}
    while len(received) < items:
        sku, _, _, _, _, prefix, digits = rnd.choice(PRODUCTS)
        when = now - timedelta(days=rnd.uniform(5, 365), hours=rnd.uniform(0, 8))
        count = min(rnd.randint(4, 24), items - len(received))
        serials = []
        for _ in range(count):
            counters[sku] += rnd.randint(1, 3)
            serials.append(f"{prefix}{counters[sku]:0{digits}d}")
        lot = f"L{when:%y%m}{rnd.choice('ABCDEF')}"
        services.receiving.receive_units(supplier=suppliers[SUPPLIER_OF[sku.split('-')[0]]], sku=sku,
                                         serials=serials, lot=lot, at=when)
        received += [(sku, s, when) for s in serials]
    return received


def _sell_and_return(services: Services, rnd: random.Random, received: list[tuple[str, str, datetime]],
                     customers: list[str], now: datetime) -> tuple[int, int]:
    sold = returned = 0
    for sku, serial, when in sorted(received, key=lambda r: r[2]):
        if rnd.random() > 0.62:
            continue
        sold_at = when + timedelta(days=rnd.uniform(1, max(2.0, (now - when).days * 0.8)))
        if sold_at >= now:
            continue
        discount = Decimal(rnd.choice(["0", "0", "0", "5", "10"]))
        price = None if not discount else _discounted(services, sku, discount)
        services.sales.sell_items(rnd.choice(customers), [f"{sku}:{serial}"], at=sold_at, prices=[price])
        sold += 1
        if rnd.random() < 0.05:
            _service_visit(services, rnd, sku, serial, sold_at, now)
        elif rnd.random() < 0.06:
            back = sold_at + timedelta(days=rnd.uniform(1, 20))
            if back < now:
                to, reason = rnd.choice(RETURN_REASONS)
                services.sales.return_item(serial, sku=sku, to=to, reason=reason, at=back)
                returned += 1
    return sold, returned


PROBLEMS = [("Does not switch on", "Replaced power board"), ("Battery drains overnight", "Battery replaced"),
            ("Strange noise under load", "Bearing replaced, tested 30 min"), ("Display flickers", "Cable reseated")]


def _service_visit(services: Services, rnd: random.Random, sku: str, serial: str, sold_at: datetime,
                   now: datetime) -> None:
    """A repair some weeks after the sale: in warranty, so it counts against the supplier's quality."""
    opened = sold_at + timedelta(days=rnd.uniform(10, 120))
    closed = opened + timedelta(days=rnd.uniform(1, 9))
    if closed >= now:
        return
    problem, fix = rnd.choice(PROBLEMS)
    ticket = services.service_desk.open_ticket(f"{sku}:{serial}", problem, at=opened)
    services.service_desk.close_ticket(ticket.id, fix, at=closed)


def _discounted(services: Services, sku: str, percent: Decimal) -> Decimal:
    price = services.catalogue.product(sku).price
    return (price * (100 - percent) / 100).quantize(Decimal("0.01"))
