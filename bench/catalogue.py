"""What the benchmark shop sells and whom it buys from: 40 products in 10 families, 12 suppliers.

These few records are made through the real catalogue service (``bench.build``), exactly as a shop would; only
the millions of rows after them are bulk-loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from serialdesk.domain.products import gtin_check_digit

# family code, name, cost, price, warranty months, serial prefix (None: serials generated here), digits
FAMILIES: tuple[tuple[str, str, str, str, int, str | None, int], ...] = (
    ("DRL", "Cordless drill 18V", "62.00", "99.00", 36, "DB", 8),
    ("IMP", "Impact driver 18V", "58.00", "94.00", 36, "ID", 8),
    ("SAW", "Circular saw 190 mm", "88.00", "149.00", 24, "CS", 8),
    ("GRD", "Angle grinder 125 mm", "41.00", "69.00", 24, "AG", 8),
    ("EBK", "E-bike trekking", "1190.00", "1899.00", 24, "EB", 7),
    ("BIK", "City bike 28in", "290.00", "499.00", 24, "WCB", 7),
    ("LAP", "Laptop 14in", "480.00", "749.00", 24, "5CG", 8),
    ("PHN", "Smartphone 128 GB", "220.00", "349.00", 24, "R58", 9),
    ("WSH", "Washing machine 8 kg", "330.00", "549.00", 24, "WM", 8),
    ("RLP", "Refurbished laptop", "190.00", "329.00", 12, None, 0),
)
VARIANTS = (("BASIC", "1.00"), ("PLUS", "1.25"), ("PRO", "1.60"), ("MAX", "2.10"))
# The seed's VIN idea: the lot is readable from the label, e.g. L2406A-00017-3.
GENERATED_PATTERN = "{LOT}-{SEQ:5}-{CHK:luhn}"
SUPPLIERS = (
    "Nordic Tools Wholesale", "Velo Import GmbH", "TechDistri Europe", "HomeAppliance Direct",
    "Makita Europe", "Bosch Professional", "Lenovo Channel", "Samsung Mobile Nordic", "Gazelle Bikes",
    "Electrolux Pro", "Refurb Partners", "Baltic Power Tools",
)
# Each family's usual supplier (an index into SUPPLIERS); about one lot in five comes from another one.
USUAL_SUPPLIER = {"DRL": 4, "IMP": 5, "SAW": 0, "GRD": 11, "EBK": 1, "BIK": 8, "LAP": 6, "PHN": 7, "WSH": 9,
                  "RLP": 10}


@dataclass(frozen=True)
class ProductSpec:
    sku: str
    name: str
    gtin: str
    cost: Decimal
    price: Decimal
    warranty_months: int
    serial_prefix: str | None  # None: the shop generates the serials from GENERATED_PATTERN
    serial_digits: int
    usual_supplier: int

    @property
    def generated(self) -> bool:
        return self.serial_prefix is None


def _gtin(n: int) -> str:
    body = f"57012345{n:04d}"
    return body + str(gtin_check_digit(body))


def catalogue() -> list[ProductSpec]:
    specs = []
    for f, (code, name, cost, price, months, prefix, digits) in enumerate(FAMILIES):
        for v, (variant, factor) in enumerate(VARIANTS):
            scale = Decimal(factor)
            specs.append(ProductSpec(
                sku=f"{code}-{variant}", name=f"{name} {variant.title()}", gtin=_gtin(f * 10 + v),
                cost=(Decimal(cost) * scale).quantize(Decimal("0.01")),
                price=(Decimal(price) * scale).quantize(Decimal("0.01")), warranty_months=months,
                serial_prefix=f"{prefix}{v + 1}" if prefix else None, serial_digits=digits,
                usual_supplier=USUAL_SUPPLIER[code]))
    return specs
