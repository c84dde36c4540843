"""What a scan means, with the database as the catalogue (classification rules live in domain.scan)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from serialdesk.db.models import Product
from serialdesk.domain.label_scan import LabelReading, classify_label
from serialdesk.domain.roles import Action
from serialdesk.domain.scan import ProductRef, ScanResult, classify_scan
from serialdesk.services.common import Service
from serialdesk.services.patterns import scanned_serial


def product_ref(p: Product) -> ProductRef:
    return ProductRef(p.sku, p.name, p.gtin, p.serial_regex, p.serial_case, p.serial_pattern)


class _Catalogue:
    """domain.scan's Catalogue backed by the products table."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def by_gtin(self, gtin: str) -> ProductRef | None:
        product = self.session.scalar(select(Product).where(Product.gtin == gtin))
        return product_ref(product) if product else None

    def by_code(self, text: str) -> ProductRef | None:
        product = self.session.scalar(select(Product).where(Product.sku == text.strip().upper()))
        return product_ref(product) if product else None


class ScanService(Service):
    def classify(self, text: str, current_sku: str | None = None) -> ScanResult:
        """Say what a scan is: a GS1 string (GTIN, lot, serial, expiry), a product's barcode or SKU, or a
        serial of the current product — checked against its format and, for generated serials, its check
        digit. DomainError (in the clerk's words) for anything that cannot be taken."""
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            catalogue = _Catalogue(uow.session)
            current = catalogue.by_code(current_sku) if current_sku else None

            def check(ref: ProductRef, serial: str) -> None:
                product = uow.session.scalar(select(Product).where(Product.sku == ref.sku))
                if product is not None:
                    scanned_serial(product, serial)

            return classify_scan(text, catalogue, current, check)

    def classify_label(self, texts: list[str], current_sku: str | None = None) -> LabelReading:
        """Product, serial and lot from the several codes read off one photo of a label, and which code was
        taken as what (domain.label_scan)."""
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            catalogue = _Catalogue(uow.session)
            current = catalogue.by_code(current_sku) if current_sku else None

            def check(ref: ProductRef, serial: str) -> None:
                product = uow.session.scalar(select(Product).where(Product.sku == ref.sku))
                if product is not None:
                    scanned_serial(product, serial)

            return classify_label(texts, catalogue, current, check)
