"""The receiving pane's set-up row: supplier, product and lot, and the card about the current product."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from serialdesk.gui.generated.ui_receiving_pane import Ui_ReceivingPane
from serialdesk.services.catalogue import CatalogueService
from serialdesk.services.dto import PartyView, ProductView, ReceiptView, ScannedUnit
from serialdesk.services.receiving import ReceivingService

CHOOSE_LATER = "Choose later…"
NO_PRODUCT = "Choose a product, or scan its barcode…"


def load_receiving(
    catalogue: CatalogueService, receiving: ReceivingService
) -> tuple[list[ProductView], list[PartyView], list[ReceiptView]]:
    """What the pane needs on opening (runs on the worker): products, suppliers, drafts left unfinished."""
    return catalogue.products(), catalogue.suppliers(), receiving.receipts(open_only=True)


def product_rule(product: ProductView) -> str:
    if product.serial_source == "generated":
        source = f"Serials generated here ({product.serial_pattern})"
    elif product.serial_source == "either":
        source = "Supplier serials, or generated here"
    else:
        source = "Supplier serials (scan them from the units)"
    warranty = f"{product.warranty_months} months' warranty" if product.warranty_months else "no warranty"
    barcode = f" · barcode {product.gtin}" if product.gtin else ""
    return f"{source} · {warranty}{barcode}"


class ReceivingSetup:
    def __init__(self, ui: Ui_ReceivingPane, pane: QWidget) -> None:
        self.ui = ui
        self.pane = pane

    def fill(self, products: Sequence[ProductView], suppliers: Sequence[PartyView]) -> None:
        """Fill the combos, keeping what was chosen."""
        ui = self.ui
        sku, supplier = ui.productCombo.currentData(), ui.supplierCombo.currentData()
        ui.productCombo.blockSignals(True)
        ui.productCombo.clear()
        ui.productCombo.addItem(NO_PRODUCT, None)
        for p in products:
            ui.productCombo.addItem(f"{p.sku} — {p.name}", p.sku)
        ui.productCombo.setCurrentIndex(max(0, ui.productCombo.findData(sku)) if sku else 0)
        ui.productCombo.blockSignals(False)
        ui.supplierCombo.clear()
        ui.supplierCombo.addItem(CHOOSE_LATER, None)
        for s in suppliers:
            ui.supplierCombo.addItem(f"{s.name} ({s.number})", s.number)
        ui.supplierCombo.setCurrentIndex(max(0, ui.supplierCombo.findData(supplier)) if supplier else 0)

    def supplier_ref(self) -> str | None:
        data = self.ui.supplierCombo.currentData()
        return str(data) if data else None

    def lot(self) -> str | None:
        return self.ui.lotEdit.text().strip() or None

    def select_product(self, sku: str) -> None:
        index = self.ui.productCombo.findData(sku)
        if index >= 0:
            self.ui.productCombo.setCurrentIndex(index)

    def show_product(self, product: ProductView | None) -> None:
        if product is None:
            self.ui.productNameLabel.setText("No product chosen")
            self.ui.productRuleLabel.setText("Scan the product's barcode, or pick it above.")
            return
        self.ui.productNameLabel.setText(f"{product.name}\n{product.sku}")
        self.ui.productRuleLabel.setText(product_rule(product))

    def resume(self, receipt: ReceiptView, last: ScannedUnit | None) -> None:
        """Set supplier, product and lot as they were on a draft picked up again."""
        combo = self.ui.supplierCombo
        for i in range(combo.count()):
            if receipt.supplier and combo.itemText(i).startswith(receipt.supplier + " ("):
                combo.setCurrentIndex(i)
        if last is not None:
            self.select_product(last.sku)
            self.ui.lotEdit.setText(last.lot or "")
