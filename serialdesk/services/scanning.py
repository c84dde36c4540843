"""What a scan means, for ``parse-scan`` and the panes (the one classifier is services.classify)."""

from __future__ import annotations

from serialdesk.domain.label_scan import LabelReading, classify_label
from serialdesk.domain.roles import Action
from serialdesk.domain.scan import ProductRef, ScanResult
from serialdesk.services.classify import DbCatalogue, describe
from serialdesk.services.common import Service
from serialdesk.services.patterns import scanned_serial


class ScanService(Service):
    def classify(self, text: str, current_sku: str | None = None) -> ScanResult:
        """Say what a scan is: a GS1 string (GTIN, lot, serial, expiry), a product's barcode or SKU, an
        unknown product's barcode (kind product, no SKU, the GTIN and a note), ``SKU:SERIAL``, or a serial of
        the current product — checked against its format and, for generated serials, its check digit.
        DomainError (in the clerk's words) for anything that cannot be taken."""
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            return describe(uow.session, text, current_sku)

    def classify_label(self, texts: list[str], current_sku: str | None = None) -> LabelReading:
        """Product, serial and lot from the several codes read off one photo of a label, and which code was
        taken as what (domain.label_scan), with the same catalogue and serial checks as every other scan."""
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            catalogue = DbCatalogue(uow.session)
            current = catalogue.by_code(current_sku) if current_sku else None

            def check(ref: ProductRef, serial: str) -> None:
                row = catalogue.row(ref)
                if row is not None:
                    scanned_serial(row, serial)

            return classify_label(texts, catalogue, current, check)
