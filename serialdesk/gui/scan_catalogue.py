"""The catalogue as scan classification (domain/scan.py) needs it, built from the products the pane loaded.

Classifying is pure and fast, so it runs on the GUI thread: a product barcode switches the product without
a database call, and only a serial goes on to the service.
"""

from __future__ import annotations

from collections.abc import Sequence

from serialdesk.domain.scan import ProductRef, ScanResult, classify_scan
from serialdesk.services.dto import ProductView


def product_ref(view: ProductView) -> ProductRef:
    return ProductRef(view.sku, view.name, view.gtin, view.serial_regex, view.serial_case, view.serial_pattern)


class ShopCatalogue:
    """Products by SKU and by GTIN (as stored; classify_scan tries each GTIN length)."""

    def __init__(self, products: Sequence[ProductView] = ()) -> None:
        self.products = tuple(products)
        self._by_sku = {p.sku: p for p in self.products}
        self._by_gtin = {p.gtin: p for p in self.products if p.gtin}

    def view(self, sku: str | None) -> ProductView | None:
        return self._by_sku.get(sku) if sku else None

    def by_gtin(self, gtin: str) -> ProductRef | None:
        found = self._by_gtin.get(gtin)
        return product_ref(found) if found else None

    def by_code(self, text: str) -> ProductRef | None:
        found = self._by_sku.get(text.strip().upper())
        return product_ref(found) if found else None

    def classify(self, text: str, current_sku: str | None) -> ScanResult:
        """What the scan is: a product to switch to, a GS1 label, or a serial of the current product.
        DomainError when it is none of these (the message says what to do)."""
        current = self.view(current_sku)
        return classify_scan(text, self, product_ref(current) if current else None)
