"""F2 Receiving: scan serials onto a draft receipt (each scan saved at once), then post it into stock.

The first serial opens the draft; a product barcode switches the product; a GS1 label brings product, lot
and serial in one scan. Every scan ends in the list with its outcome, refused ones with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget

from serialdesk.domain.errors import DomainError
from serialdesk.domain.scan import ScanKind, ScanResult
from serialdesk.domain.text import plural
from serialdesk.gui.formats import local_time
from serialdesk.gui.generated.ui_receiving_pane import Ui_ReceivingPane
from serialdesk.gui.labels_dialog import LabelsDialog
from serialdesk.gui.models.scans import SCAN_COLUMNS, ScanLine
from serialdesk.gui.models.table import RowsModel
from serialdesk.gui.panes.base import ScanningPane, ScanQueue
from serialdesk.gui.panes.receiving_bulk import BulkEntry
from serialdesk.gui.panes.receiving_expected import ExpectedDialog
from serialdesk.gui.panes.receiving_offline import OfflineScans, WaitingScan, waiting_file
from serialdesk.gui.panes.receiving_setup import ReceivingSetup, load_receiving
from serialdesk.gui.preferences import Preferences
from serialdesk.gui.scan_catalogue import ShopCatalogue
from serialdesk.gui.tasks import Task, TaskRunner
from serialdesk.gui.widgets.form_dialog import Field, FormDialog
from serialdesk.gui.widgets.tables import fit_columns
from serialdesk.services.bundle import Services
from serialdesk.services.dto import ReceiptView, ScanAccepted, ScannedUnit

SHOWN_SCANS = 10
KEYS_TEXT = ("<b>Keys</b><br>Enter — add a typed serial<br>Ctrl+Z — undo last scan<br>Ctrl+G — generate serials"
             "<br>Ctrl+Shift+V — paste serials<br>Ctrl+Shift+R — a range of serials<br>Ctrl+Shift+E — expected list"
             "<br>Ctrl+P — print labels<br>Ctrl+K — camera on/off<br>Ctrl+Enter — post the receipt<br>F1 — help")


class ReceivingPane(ScanningPane):
    title = "Receiving"
    help_topic = "receiving"
    sig_scan_handled = Signal(str, str)  # tone (good · bad · info), message — after each scan's outcome
    sig_loaded = Signal()

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None, *,
                 database: str = "") -> None:
        super().__init__(services, runner, parent)
        self.ui = Ui_ReceivingPane()
        self.ui.setupUi(self)
        self.catalogue = ShopCatalogue()
        self.draft: ReceiptView | None = None
        self.last_posted: ReceiptView | None = None  # "Print labels…" after posting
        self.preferences = Preferences()
        self.count = 0
        self.accepted: list[ScannedUnit] = []
        self.scans = RowsModel(SCAN_COLUMNS, self)
        self.queue = ScanQueue(self._classify)
        self.setup = ReceivingSetup(self.ui, self)
        self.bulk = BulkEntry(self)  # Paste serials…, Range… (their buttons and keys)
        self.expected = ExpectedDialog(self)  # Expected list…
        self.offline = OfflineScans(self, waiting_file(database))  # scans kept while the database is away
        self._setup_view()
        self._connect()
        self._show_draft()

    def _setup_view(self) -> None:
        ui = self.ui
        for name, role in (("titleLabel", "paneTitle"), ("draftLabel", "chip"), ("draftsBar", "notice"),
                           ("setupCard", "card"), ("counterCard", "card"), ("productCard", "card"),
                           ("keysCard", "card"), ("countLabel", "bigNumber"), ("countCaption", "caption"),
                           ("productCardCaption", "caption"), ("productRuleLabel", "muted"),
                           ("productNameLabel", "strong"), ("scansCaption", "section"), ("scanCaption", "section"),
                           ("keysLabel", "muted"), ("postButton", "primary"), ("discardButton", "danger")):
            getattr(ui, name).setProperty("role", role)
        ui.keysLabel.setText(KEYS_TEXT)
        ui.scansView.setModel(self.scans)
        fit_columns(ui.scansView, (0, 1, 2), stretch=3)
        ui.draftsBar.hide()

    def _connect(self) -> None:
        ui = self.ui
        ui.scanEdit.sig_entered.connect(self._typed)
        ui.undoButton.clicked.connect(self.undo_last)
        ui.generateButton.clicked.connect(self.ask_generate)
        ui.postButton.clicked.connect(self.post)
        ui.discardButton.clicked.connect(self.ask_discard)
        ui.labelsButton.clicked.connect(self.ask_labels)
        ui.resumeButton.clicked.connect(self.resume_selected)
        ui.supplierCombo.activated.connect(self._supplier_chosen)
        ui.productCombo.currentIndexChanged.connect(lambda _i: self._show_draft())
        self.attach_camera(ui.cameraPanel, ui.banner)
        self.shortcut("Ctrl+Z", self.undo_last)
        self.shortcut("Ctrl+G", self.ask_generate)
        self.shortcut("Ctrl+P", self.ask_labels)
        self.shortcut("Ctrl+Return", self.post)
        self.shortcut("Ctrl+Enter", self.post)

    # --- loading and state ----------------------------------------------------------------------------------

    def load(self) -> None:
        receiving, catalogue = self.services.receiving, self.services.catalogue
        self.call(lambda: load_receiving(catalogue, receiving), self._loaded, self.ui.banner.bad,
                  label="load products and suppliers")

    def _loaded(self, loaded: tuple) -> None:  # type: ignore[type-arg]
        products, suppliers, drafts = loaded
        self.catalogue = ShopCatalogue(products)
        self.setup.fill(products, suppliers)
        self._offer_drafts(drafts)
        self._show_draft()
        self.offline.start()
        self.sig_loaded.emit()

    def refresh(self, what: str) -> None:
        if what in ("catalogue", "drafts"):
            self.load()

    def activate(self) -> None:
        self.ui.scanEdit.setFocus()

    def current_sku(self) -> str | None:
        data = self.ui.productCombo.currentData()
        return str(data) if data else None

    def _show_draft(self) -> None:
        ui = self.ui
        if self.draft is None:
            ui.draftLabel.setText("No draft yet — the first scan opens one")
        else:
            ui.draftLabel.setText(f"Draft {self.draft.number} · started {local_time(self.draft.created_at)} "
                                  f"by {self.draft.created_by}")
        ui.countLabel.setText(str(self.count))
        ui.countCaption.setText("unit on this receipt" if self.count == 1 else "units on this receipt")
        ui.undoButton.setEnabled(bool(self.accepted))
        ui.postButton.setEnabled(self.draft is not None and self.count > 0)
        ui.discardButton.setEnabled(self.draft is not None)
        for button in (ui.generateButton, ui.pasteButton, ui.rangeButton):
            button.setEnabled(self.current_sku() is not None)
        ui.labelsButton.setEnabled(self.labels_receipt() is not None)
        self.setup.show_product(self.catalogue.view(self.current_sku()))

    def _reset(self) -> None:
        self.draft, self.count, self.accepted = None, 0, []
        self.ui.scanEdit.reset()
        self.scans.set_rows(())
        self._show_draft()

    # --- scanning ------------------------------------------------------------------------------------------

    def _classify(self, text: str | WaitingScan) -> None:
        if isinstance(text, WaitingScan):
            self.offline.replay(text)
            return
        try:
            result = self.catalogue.classify(text, self.current_sku())
        except DomainError as exc:
            self.refused(text, self.current_sku() or "", exc.message)
            return
        if result.kind is ScanKind.PRODUCT or (result.kind is ScanKind.GS1 and result.serial is None):
            self._switched(result)
            return
        if result.product is None or result.serial is None:
            self.refused(text, "", result.note or "This label holds no product this shop knows.")
            return
        if result.product.sku != self.current_sku():
            self.setup.select_product(result.product.sku)
        if result.lot:
            self.ui.lotEdit.setText(result.lot)
        self._add(result.product.sku, result.serial, result.lot or self.setup.lot(), result.note)

    def _switched(self, result: ScanResult) -> None:
        if result.product is None:
            self.refused(result.text, "", result.note or "This label holds no product this shop knows.")
            return
        self.setup.select_product(result.product.sku)
        if result.lot:
            self.ui.lotEdit.setText(result.lot)
        message = f"Now scanning {result.product.name} ({result.product.sku})" + (
            f", lot {result.lot}" if result.lot else "") + ". Scan its serials."
        self.outcome(ScanLine(_now(), result.text, result.product.sku, "info", "Product chosen"), message)

    def _add(self, sku: str, serial: str, lot: str | None, note: str) -> None:
        receiving = self.services.receiving

        def scan(receipt_id: int) -> None:
            waiting = WaitingScan(receipt_id, sku, serial, lot)
            task: Task = self.call(lambda: receiving.add_scan(receipt_id, sku, serial, lot=lot),
                                   lambda accepted: self.accepted_unit(accepted, note),
                                   lambda message: self.offline.save_failed(task, waiting, message),
                                   label=f"save scan {serial}")

        self._with_draft(scan, lambda message: self.refused(serial, sku, message))

    def accepted_unit(self, accepted: ScanAccepted, note: str) -> None:
        self.accepted.append(accepted.unit)
        self.count = accepted.count
        unit = accepted.unit
        message = f"✓ {unit.serial} added — {plural(accepted.count, 'unit')} on {accepted.receipt}."
        self.outcome(ScanLine(unit.scanned_at, unit.serial, unit.sku, "good", note or "Added"),
                      message + (f" {note}" if note else ""))

    def refused(self, text: str, sku: str, message: str) -> None:
        self.outcome(ScanLine(_now(), text, sku, "bad", message), message)

    def outcome(self, line: ScanLine, message: str) -> None:
        self.scans.insert_first(line, keep=SHOWN_SCANS)
        self.ui.banner.say(message, line.tone)
        self.ui.scanEdit.flash("bad" if line.tone == "bad" else "good")
        self._show_draft()
        self.sig_scan_handled.emit(line.tone, message)
        self.queue.done()

    def _with_draft(self, then: Callable[[int], None], failed: Callable[[str], None]) -> None:
        """Call ``then(receipt_id)``, opening a draft first if there is none (the first scan opens it)."""
        if self.draft is not None:
            then(self.draft.id)
            return
        supplier = self.setup.supplier_ref()

        def opened(receipt: ReceiptView) -> None:
            self.draft, self.count, self.accepted = receipt, 0, []
            self._show_draft()
            self.sig_data_changed.emit("drafts")
            then(receipt.id)

        receiving = self.services.receiving
        self.call(lambda: receiving.open_receipt(supplier), opened, failed, label="open a draft receipt")

    # --- actions ---------------------------------------------------------------------------------------------

    def undo_last(self) -> None:
        if self.draft is None or not self.accepted:
            self.ui.banner.warn("Nothing to undo: no serial has been added to this receipt yet.")
            return
        unit, receipt_id = self.accepted[-1], self.draft.id
        receiving = self.services.receiving

        def undone(receipt: ReceiptView) -> None:
            if self.accepted and self.accepted[-1] == unit:
                self.accepted.pop()
            self.draft, self.count = receipt, receipt.count
            self.scans.insert_first(ScanLine(_now(), unit.serial, unit.sku, "info", "Undone — taken off the receipt"),
                                    keep=SHOWN_SCANS)
            self.ui.banner.say(f"{unit.serial} was taken off {receipt.number}; {plural(receipt.count, 'unit')} left.")
            self._show_draft()

        self.call(lambda: receiving.remove_scan(receipt_id, unit.serial, unit.sku), undone, self.ui.banner.bad,
                  label="undo the last scan")

    def ask_generate(self) -> None:
        product = self.catalogue.view(self.current_sku())
        if product is None:
            self.ui.banner.warn("Choose the product first (or scan its barcode), then generate its serials.")
            return
        dialog = FormDialog("Generate serials", [Field("count", "How many units", "number", minimum=1, maximum=1000,
                                                       value=1)],
                            intro=f"New serials for {product.name} ({product.sku}) from its pattern, marked "
                                  "'generated here' for labelling.", ok_text="Generate", parent=self)
        dialog.sig_submitted.connect(lambda values: self._generate(dialog, product.sku, int(values["count"])))
        dialog.open()

    def _generate(self, dialog: FormDialog, sku: str, count: int) -> None:
        lot, receiving = self.setup.lot(), self.services.receiving
        known = {u.item_id for u in self.accepted}

        def generated(receipt: ReceiptView) -> None:
            new = sorted((u for u in receipt.units if u.item_id not in known), key=lambda u: u.item_id)
            self.accepted.extend(new)
            self.draft, self.count = receipt, receipt.count
            for unit in new[-SHOWN_SCANS:]:
                self.scans.insert_first(ScanLine(unit.scanned_at, unit.serial, unit.sku, "good", "Generated"),
                                        keep=SHOWN_SCANS)
            span = f"{new[0].serial} … {new[-1].serial}" if len(new) > 1 else (new[0].serial if new else "")
            self.ui.banner.good(f"{plural(len(new), 'serial')} generated ({span}); label the units before stocking.")
            self._show_draft()
            dialog.finish()

        def generate(receipt_id: int) -> None:
            self.call(lambda: receiving.add_generated(receipt_id, sku, count, lot=lot), generated, dialog.refuse,
                      label="generate serials")

        self._with_draft(generate, dialog.refuse)

    def post(self) -> None:
        if self.draft is None or self.count == 0:
            self.ui.banner.warn("Nothing to post yet: scan the first serial.")
            return
        receipt_id, supplier = self.draft.id, self.setup.supplier_ref()
        receiving = self.services.receiving
        self.call(lambda: receiving.post_receipt(receipt_id, supplier=supplier), self._posted, self.ui.banner.bad,
                  label="post the receipt")

    def _posted(self, receipt: ReceiptView) -> None:
        self.last_posted = receipt
        self._reset()
        self.ui.banner.good(f"Receipt {receipt.number} posted: {plural(receipt.count, 'unit')} from "
                                            f"{receipt.supplier} {'is' if receipt.count == 1 else 'are'} in stock. "
                            "Print labels… (Ctrl+P) for its units.")
        self.sig_data_changed.emit("stock")

    # --- labels --------------------------------------------------------------------------------------------

    def preferences_changed(self, preferences: Preferences) -> None:
        self.preferences = preferences
        self.ui.cameraPanel.set_source(preferences.camera_source())

    def labels_receipt(self) -> ReceiptView | None:
        """Whose units "Print labels…" prints: the draft being scanned, else the receipt posted last."""
        if self.draft is not None and self.count > 0:
            return self.draft
        return self.last_posted

    def ask_labels(self) -> LabelsDialog | None:
        receipt = self.labels_receipt()
        if receipt is None:
            self.ui.banner.warn("Nothing to label yet: scan units onto a receipt (or post one) first.")
            return None
        dialog = LabelsDialog(self.services, self.runner, receipt.id, receipt.number, self.preferences, self)
        dialog.open()
        return dialog

    def ask_discard(self) -> None:
        if self.draft is None:
            return
        answer = QMessageBox.question(self, "Discard draft",
                                      f"Throw away draft {self.draft.number} and its {plural(self.count, 'scan')}?")
        if answer == QMessageBox.StandardButton.Yes:
            self.discard()

    def discard(self) -> None:
        if self.draft is None:
            return
        receipt_id, receiving = self.draft.id, self.services.receiving

        def discarded(receipt: ReceiptView) -> None:
            self._reset()
            self.ui.banner.say(f"Draft {receipt.number} was discarded; nothing went into stock.")

        self.call(lambda: receiving.cancel_receipt(receipt_id), discarded, self.ui.banner.bad,
                  label="discard the draft")

    # --- supplier and unfinished drafts --------------------------------------------------------------------

    def _supplier_chosen(self, _index: int) -> None:
        supplier = self.setup.supplier_ref()
        if self.draft is None or supplier is None:
            return
        receipt_id, receiving = self.draft.id, self.services.receiving

        def chosen(receipt: ReceiptView) -> None:
            self.draft = receipt
            self.ui.banner.say(f"Supplier of {receipt.number}: {receipt.supplier}.")

        self.call(lambda: receiving.set_supplier(receipt_id, supplier), chosen, self.ui.banner.bad,
                  label="set the supplier")

    def _offer_drafts(self, drafts: list[ReceiptView]) -> None:
        combo: QComboBox = self.ui.draftsCombo
        combo.clear()
        for receipt in drafts:
            if self.draft is not None and receipt.id == self.draft.id:
                continue
            where = f" at {receipt.station}" if receipt.station else ""
            combo.addItem(f"{receipt.number} · {plural(receipt.count, 'unit')} · {receipt.supplier or 'no supplier'}"
                          f" · {receipt.created_by}{where} · {local_time(receipt.created_at)}", receipt.id)
        self.ui.draftsBar.setVisible(combo.count() > 0)

    def resume_selected(self) -> None:
        receipt_id = self.ui.draftsCombo.currentData()
        if receipt_id is None:
            return
        receiving = self.services.receiving
        self.call(lambda: receiving.receipt(int(receipt_id)), self.resume, self.ui.banner.bad,
                  label="open the draft")

    def resume(self, receipt: ReceiptView) -> None:
        units = sorted(receipt.units, key=lambda u: (u.scanned_at, u.item_id))
        self.draft, self.count, self.accepted = receipt, receipt.count, units
        self.scans.set_rows([ScanLine(u.scanned_at, u.serial, u.sku, "good", "On the receipt")
                             for u in reversed(units[-SHOWN_SCANS:])])
        self.setup.resume(receipt, units[-1] if units else None)
        self._drop_offer(receipt.id)
        self.ui.banner.say(f"Resumed {receipt.number} with {plural(receipt.count, 'unit')}; carry on scanning.")
        self._show_draft()
        self.activate()

    def _drop_offer(self, receipt_id: int) -> None:
        combo = self.ui.draftsCombo
        index = combo.findData(receipt_id)
        if index >= 0:
            combo.removeItem(index)
        self.ui.draftsBar.setVisible(combo.count() > 0)


def _now() -> datetime:
    return datetime.now(UTC)
