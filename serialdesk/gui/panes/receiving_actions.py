"""The receiving pane's other actions: generate serials, print labels, add a product a scan did not know."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from serialdesk.domain.text import plural
from serialdesk.gui.models.scans import ScanLine
from serialdesk.gui.panes.receiving_host import ReceivingHost
from serialdesk.gui.panes.receiving_texts import SHOWN_SCANS, now
from serialdesk.gui.widgets.form_dialog import Field, FormDialog
from serialdesk.services.dto import ProductView, ReceiptView

if TYPE_CHECKING:  # imported when first opened: it loads Qt's PDF and print modules (~0.05 s of the cold start)
    from serialdesk.gui.labels_dialog import LabelsDialog


class ReceivingActions(QObject):
    def __init__(self, pane: ReceivingHost) -> None:
        super().__init__(pane)  # type: ignore[arg-type]  # the pane is a QWidget
        self.pane = pane
        self.unknown_gtin: str | None = None  # the last barcode no product had: Ctrl+Shift+N adds it
        ui = pane.ui
        ui.generateButton.clicked.connect(self.ask_generate)
        ui.labelsButton.clicked.connect(self.ask_labels)
        pane.shortcut("Ctrl+G", self.ask_generate)
        pane.shortcut("Ctrl+P", self.ask_labels)
        pane.shortcut("Ctrl+Shift+N", self.ask_add_product)

    # --- an unknown product barcode ------------------------------------------------------------------------

    def ask_add_product(self) -> FormDialog | None:
        """The product form, its GTIN filled in from the scan that nobody knew."""
        if self.unknown_gtin is None:
            self.pane.ui.banner.warn("No unknown product barcode was scanned.")
            return None
        gtin = self.unknown_gtin
        dialog = FormDialog("Add the product", [Field("sku", "Product code (SKU)", required=True),
                                                Field("name", "Name", required=True),
                                                Field("gtin", "Barcode (GTIN)", value=gtin.lstrip("0").zfill(13))],
                            intro="The barcode just scanned belongs to no product yet.", ok_text="Add product",
                            parent=self.pane)  # type: ignore[arg-type]
        catalogue = self.pane.services.catalogue

        def submitted(values: dict[str, str]) -> None:
            self.pane.call(lambda: catalogue.add_product(str(values["sku"]), str(values["name"]),
                                                         gtin=str(values["gtin"]) or None),
                           lambda product: self._added(dialog, product), dialog.refuse, label="add a product")

        dialog.sig_submitted.connect(submitted)
        dialog.open()
        return dialog

    def _added(self, dialog: FormDialog, product: ProductView) -> None:
        dialog.finish()
        self.unknown_gtin = None
        self.pane.ui.banner.good(f"{product.name} ({product.sku}) added; scan its barcode, then its serials.")

    # --- generated serials ---------------------------------------------------------------------------------

    def ask_generate(self) -> None:
        product = self.pane.product_view(self.pane.current_sku())
        if product is None:
            self.pane.ui.banner.warn("Choose the product first (or scan its barcode), then generate its serials.")
            return
        dialog = FormDialog("Generate serials", [Field("count", "How many units", "number", minimum=1, maximum=1000,
                                                       value=1)],
                            intro=f"New serials for {product.name} ({product.sku}) from its pattern, marked "
                                  "'generated here' for labelling.", ok_text="Generate",
                            parent=self.pane)  # type: ignore[arg-type]
        dialog.sig_submitted.connect(lambda values: self._generate(dialog, product.sku, int(values["count"])))
        dialog.open()

    def _generate(self, dialog: FormDialog, sku: str, count: int) -> None:
        session, receiving = self.pane.session, self.pane.services.receiving
        lot, supplier = self.pane.ui.lotEdit.text().strip() or None, session.supplier
        draft_id = session.draft.id if session.draft else None

        def generate() -> ReceiptView:
            receipt = draft_id if draft_id is not None else receiving.open_receipt(supplier).id
            return receiving.add_generated(receipt, sku, count, lot=lot)

        self.pane.call(generate, lambda receipt: self._generated(dialog, receipt), dialog.refuse,
                       label="generate serials")

    def _generated(self, dialog: FormDialog, receipt: ReceiptView) -> None:
        session = self.pane.session
        known = {u.item_id for u in session.accepted}
        new = sorted((u for u in receipt.units if u.item_id not in known), key=lambda u: u.item_id)
        session.accepted.extend(new)
        session.draft, session.count = receipt, receipt.count
        for unit in new[-SHOWN_SCANS:]:
            self.pane.scans.insert_first(ScanLine(unit.scanned_at, unit.serial, unit.sku, "good", "Generated",
                                                  unit.lot or ""),
                                         keep=SHOWN_SCANS)
        span = f"{new[0].serial} … {new[-1].serial}" if len(new) > 1 else (new[0].serial if new else "")
        self.pane.ui.banner.good(f"{plural(len(new), 'serial')} generated ({span}); label the units before stocking.")
        self.pane.show_draft()
        dialog.finish()

    # --- undo -----------------------------------------------------------------------------------------------

    def undo_last(self) -> None:
        """Ctrl+Z: the last accepted scan off the draft, whatever field has the cursor."""
        pane, session = self.pane, self.pane.session
        if session.draft is None or not session.accepted:
            pane.ui.banner.warn("Nothing to undo: no serial has been added to this receipt yet.")
            return

        def undone(receipt: ReceiptView) -> None:
            outcome = session.undo_done(receipt)
            pane.scans.insert_first(ScanLine(now(), outcome.text, outcome.sku, "info", "Undone — taken off the "
                                             "receipt", (outcome.unit.lot or "") if outcome.unit else ""),
                                    keep=SHOWN_SCANS)
            pane.ui.banner.say(outcome.message)
            pane.show_draft()

        pane.call(session.undo_call(), undone, pane.ui.banner.bad, label="undo the last scan")

    # --- labels --------------------------------------------------------------------------------------------

    def ask_labels(self) -> LabelsDialog | None:
        pane = self.pane
        receipt = pane.labels_receipt()
        if receipt is None:
            pane.ui.banner.warn("Nothing to label yet: scan units onto a receipt (or post one) first.")
            return None
        from serialdesk.gui.labels_dialog import LabelsDialog

        dialog = LabelsDialog(pane.services, pane.runner, receipt.id, receipt.number, pane.preferences,
                              pane)  # type: ignore[arg-type]
        dialog.open()
        return dialog

    # --- throwing the draft away ---------------------------------------------------------------------------

    def ask_discard(self) -> None:
        session = self.pane.session
        if session.draft is None:
            return
        answer = QMessageBox.question(self.pane, "Discard draft",  # type: ignore[call-overload]
                                      f"Throw away draft {session.draft.number} and its "
                                      f"{plural(session.count, 'scan')}?")
        if answer == QMessageBox.StandardButton.Yes:
            self.discard()

    def discard(self) -> None:
        if self.pane.session.draft is None:
            return

        def discarded(receipt: ReceiptView) -> None:
            self.pane.reset()
            self.pane.ui.banner.say(f"Draft {receipt.number} was discarded; nothing went into stock.")

        self.pane.call(self.pane.session.cancel_call(), discarded, self.pane.ui.banner.bad, label="discard the draft")
