"""The receiving pane's set-up row: supplier, product and lot, the purchase order received against (issue 15:
"12 of 20", the PO line's cost, over-delivery and serials not on the notice), and the card about the product."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QWidget

from serialdesk.gui.generated.ui_receiving_pane import Ui_ReceivingPane
from serialdesk.gui.panes.purchasing_receive import PoChooser
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.widgets.form_dialog import ScanReader
from serialdesk.services.bundle import Services
from serialdesk.services.catalogue import CatalogueService
from serialdesk.services.dto import PartyView, ProductView, ReceiptView, ScannedUnit
from serialdesk.services.receiving import ReceivingService
from serialdesk.workflows.receiving import ReceivingSession

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


def serial_reader(services: Services, runner: TaskRunner, sku: str | None) -> ScanReader:
    """A receiving form's scans (paste, range): serials of ``sku`` by the one classifier; another product's label
    or a product barcode is refused in the form."""
    lookup = services.lookup
    return ScanReader(lambda text: lookup.scanned_unit(text, sku, of_product=True), runner)


class PaneKeys(QObject):
    """Ctrl+Z means "undo the last scan" in every field of the pane: a line edit's own undo (which wiped a
    typed lot) gives the key up, so the pane's shortcut has it whichever field has the cursor."""

    KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)

    def __init__(self, pane: QWidget) -> None:
        super().__init__(pane)
        for kind in (QLineEdit, QPlainTextEdit, QAbstractSpinBox):
            for field in pane.findChildren(kind):
                field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and any(event.matches(key) for key in self.KEYS)):
            event.ignore()  # not overridden: the pane's QShortcut fires
            return True
        return False


class ReceivingSetup:
    def __init__(self, ui: Ui_ReceivingPane, pane: QWidget, session: ReceivingSession) -> None:
        self.ui = ui
        self.pane = pane
        self.session = session
        ui.productCombo.currentIndexChanged.connect(lambda _i: self.product_picked())
        self.po = PoChooser(ui, pane, session)  # receiving against a purchase order
        scans = getattr(pane, "scans", None)
        if scans is not None:
            self.po.watch(scans)
        pane.installEventFilter(self.po)  # the open orders again each time the pane is shown

    def product_picked(self) -> None:
        """Another product chosen by hand clears the lot typed for the last one, and says so; a lot typed
        before any product is for the product chosen now (the session's rule, workflows.receiving)."""
        data = self.ui.productCombo.currentData()
        sku = str(data) if data else None
        if sku == self.session.sku:
            return  # chosen by a scan: the session has already decided about the lot
        self.session.lot = self.lot()
        cleared = self.session.choose_product(sku)
        if cleared:
            self.ui.lotEdit.clear()
            self.ui.banner.say(f"Lot {cleared} cleared: it was for the product before. Type this product's lot, "
                               "or scan its label.")

    def show_lot(self, lot: str | None) -> None:
        if self.lot() != lot:
            self.ui.lotEdit.setText(lot or "")

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
        self.po.load()

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
