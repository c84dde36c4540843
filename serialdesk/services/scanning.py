"""What a scan means, for ``parse-scan`` and the panes (the one classifier is services.classify)."""

from __future__ import annotations

from serialdesk.domain.roles import Action
from serialdesk.domain.scan import ScanResult
from serialdesk.services.classify import describe
from serialdesk.services.common import Service


class ScanService(Service):
    def classify(self, text: str, current_sku: str | None = None) -> ScanResult:
        """Say what a scan is: a GS1 string (GTIN, lot, serial, expiry), a product's barcode or SKU, an
        unknown product's barcode (kind product, no SKU, the GTIN and a note), ``SKU:SERIAL``, or a serial of
        the current product — checked against its format and, for generated serials, its check digit.
        DomainError (in the clerk's words) for anything that cannot be taken."""
        self.actor.require(Action.LOOKUP)
        with self.uows.reading() as uow:
            return describe(uow.session, text, current_sku)
