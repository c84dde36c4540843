"""F2 Receiving: scan serials onto a draft receipt (each scan saved at once), then post it into stock.

The pane renders a receiving session (workflows.receiving) and forwards keys to it: a scan is one service call
that classifies it, opens the draft on the first serial and saves the unit; a product barcode switches the
product; a GS1 label brings product, lot and serial at once; a barcode no product has is amber, with an offer
to add the product. Every scan ends in the list with its outcome, refused ones with the reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from serialdesk.domain.changes import Changes
from serialdesk.domain.errors import DomainError
from serialdesk.domain.text import plural
from serialdesk.gui.formats import local_time
from serialdesk.gui.generated.ui_receiving_pane import Ui_ReceivingPane
from serialdesk.gui.models.scans import SCAN_COLUMNS, ScanLine
from serialdesk.gui.models.table import RowsModel
from serialdesk.gui.panes.base import ScanningPane, ScanQueue
from serialdesk.gui.panes.receiving_actions import ReceivingActions
from serialdesk.gui.panes.receiving_bulk import BulkEntry
from serialdesk.gui.panes.receiving_drafts import DraftOffers
from serialdesk.gui.panes.receiving_offline import OfflineScans, WaitingScan, waiting_file
from serialdesk.gui.panes.receiving_setup import PaneKeys, ReceivingSetup, load_receiving
from serialdesk.gui.panes.receiving_texts import KEYS_TEXT, ROLES, SHOWN_SCANS, now
from serialdesk.gui.preferences import Preferences
from serialdesk.gui.tasks import Task, TaskRunner
from serialdesk.gui.widgets.tables import fit_columns
from serialdesk.services.bundle import Services
from serialdesk.services.drafts import DraftScan
from serialdesk.services.dto import PartyView, ProductView, ReceiptView, ScannedUnit
from serialdesk.workflows.receiving import ReceivingSession

if TYPE_CHECKING:  # built once the window has painted (build_rest), or when first asked for
    from serialdesk.gui.labels_dialog import LabelsDialog
    from serialdesk.gui.panes.receiving_expected import ExpectedDialog

class ReceivingPane(ScanningPane):
    title = "Receiving"
    help_topic = "receiving"
    sig_scan_handled = Signal(str, str)  # tone (good · bad · warn · info), message — after each scan's outcome
    sig_loaded = Signal()

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None, *,
                 database: str = "") -> None:
        super().__init__(services, runner, parent)
        self.ui = Ui_ReceivingPane()
        self.ui.setupUi(self)
        self.session = ReceivingSession(services)
        self.products: dict[str, ProductView] = {}
        self.last_posted: ReceiptView | None = None  # "Print labels…" after posting
        self.preferences = Preferences()
        self.scans = RowsModel(SCAN_COLUMNS, self)
        self.queue = ScanQueue(self._scan)
        self.setup = ReceivingSetup(self.ui, self, self.session)
        self.bulk = BulkEntry(self)  # Paste serials…, Range… (their buttons and keys)
        self._expected: ExpectedDialog | None = None  # Expected list…: build_rest() (or when first asked for)
        self.offline = OfflineScans(self, waiting_file(database))  # scans kept while the database is away
        self.offers = DraftOffers(self)  # unfinished drafts, the supplier of the draft
        self.actions = ReceivingActions(self)  # generate, labels, add an unknown product
        for name, role in ROLES:
            getattr(self.ui, name).setProperty("role", role)
        self.ui.keysLabel.setText(KEYS_TEXT)
        self.ui.scansView.setModel(self.scans)
        fit_columns(self.ui.scansView, (0, 1, 2, 3), stretch=4)
        self.ui.draftsBar.hide()
        PaneKeys(self)  # Ctrl+Z undoes the last scan in the lot field too
        self._connect()
        self.show_draft()

    def _connect(self) -> None:
        ui = self.ui
        ui.scanEdit.sig_entered.connect(self._typed)
        ui.undoButton.clicked.connect(self.undo_last)
        ui.postButton.clicked.connect(self.post)
        ui.discardButton.clicked.connect(self.actions.ask_discard)
        ui.productCombo.currentIndexChanged.connect(lambda _i: self.show_draft())
        self.attach_camera(ui.cameraPanel, ui.banner)
        for keys, slot in (("Ctrl+Z", self.undo_last), ("Ctrl+Return", self.post), ("Ctrl+Enter", self.post)):
            self.shortcut(keys, slot)

    def build_rest(self) -> None:
        """After the window's first paint: what the first look at the pane does not need."""
        self.expected  # noqa: B018 - builds the Expected list dialog (its button and Ctrl+Shift+E)

    @property
    def expected(self) -> ExpectedDialog:
        if self._expected is None:
            from serialdesk.gui.panes.receiving_expected import ExpectedDialog

            self._expected = ExpectedDialog(self)
        return self._expected

    # --- the session as the pane shows it --------------------------------------------------------------------

    @property
    def draft(self) -> ReceiptView | None:
        return self.session.draft

    @property
    def count(self) -> int:
        return self.session.count

    @property
    def accepted(self) -> list[ScannedUnit]:
        return self.session.accepted

    def load(self) -> None:
        receiving, catalogue = self.services.receiving, self.services.catalogue
        self.call(lambda: load_receiving(catalogue, receiving), self._loaded, self.ui.banner.bad,
                  label="load products and suppliers")

    def _loaded(self, loaded: tuple) -> None:  # type: ignore[type-arg]
        products, suppliers, drafts = loaded
        self.products = {p.sku: p for p in products}
        self.setup.fill(products, suppliers)
        self.offers.offer(drafts)
        self.show_draft()
        self.offline.start()
        self.sig_loaded.emit()

    def refresh(self, changes: Changes) -> None:
        """New or changed products and suppliers (here or at another station) refill the combos, keeping the
        choice; this pane's own scans and drafts are already on screen (a draft left open elsewhere is offered at
        the next sign-in), so they reload nothing."""
        if not changes.touches("catalogue"):
            return
        catalogue = self.services.catalogue

        def refill(found: tuple[list[ProductView], list[PartyView]]) -> None:
            products, suppliers = found
            self.products = {p.sku: p for p in products}
            self.setup.fill(products, suppliers)

        self.call(lambda: (catalogue.products(), catalogue.suppliers()), refill, self.ui.banner.bad,
                  label="reload products and suppliers")

    def activate(self) -> None:
        self.ui.scanEdit.setFocus()

    def current_sku(self) -> str | None:
        data = self.ui.productCombo.currentData()
        return str(data) if data else None

    def product_view(self, sku: str | None) -> ProductView | None:
        return self.products.get(sku) if sku else None

    def show_draft(self) -> None:
        ui, draft = self.ui, self.session.draft
        ui.draftLabel.setText("No draft yet — the first scan opens one" if draft is None else
                              f"Draft {draft.number} · started {local_time(draft.created_at)} by {draft.created_by}")
        ui.countLabel.setText(str(self.count))
        ui.countCaption.setText("unit on this receipt" if self.count == 1 else "units on this receipt")
        ui.undoButton.setEnabled(bool(self.accepted))
        ui.postButton.setEnabled(draft is not None and self.count > 0)
        ui.discardButton.setEnabled(draft is not None)
        for button in (ui.generateButton, ui.pasteButton, ui.rangeButton):
            button.setEnabled(self.current_sku() is not None)
        ui.labelsButton.setEnabled(self.labels_receipt() is not None)
        self.setup.show_product(self.product_view(self.current_sku()))

    def reset(self) -> None:
        self.session.reset()
        self.ui.scanEdit.reset()
        self.scans.set_rows(())
        self.show_draft()

    # --- scanning: one service call per scan -----------------------------------------------------------------

    def _forward_setup(self) -> None:
        self.session.sku, self.session.lot = self.current_sku(), self.setup.lot()
        self.session.supplier = self.setup.supplier_ref()

    def _scan(self, item: str | WaitingScan) -> None:
        if isinstance(item, WaitingScan):
            self.offline.replay(item)
            return
        self._forward_setup()
        waiting = WaitingScan(self.draft.id if self.draft else None, self.session.sku or "", item, self.session.lot)
        task: Task = self.call(self.session.scan_call(item), lambda result: self.scanned(item, result),
                               lambda message: self.offline.save_failed(task, waiting, message),
                               label=f"save scan {item.strip()}")

    def scanned(self, text: str, result: DraftScan | DomainError, note: str = "") -> None:
        """Show what the session made of one scan (called on the GUI thread with the service's answer)."""
        outcome = self.session.scan_done(text, result)
        if outcome.tone in ("good", "info"):
            self.setup.select_product(outcome.sku)
            self.setup.show_lot(self.session.lot)  # the label's lot, or none when the product changed
        if outcome.tone == "warn":
            self.actions.unknown_gtin = outcome.gtin
        unit = outcome.unit
        shown = {"good": note or outcome.note or "Added", "info": "Product chosen"}.get(outcome.tone, outcome.message)
        line = ScanLine(unit.scanned_at if unit else now(), unit.serial if unit else text.strip(), outcome.sku,
                        outcome.tone, shown, (unit.lot or "") if unit else "")
        self.outcome(line, outcome.message + (f" {note}." if note and unit else ""))

    def refused(self, text: str, sku: str, message: str) -> None:
        self.outcome(ScanLine(now(), text, sku, "bad", message), message)

    def outcome(self, line: ScanLine, message: str) -> None:
        self.scans.insert_first(line, keep=SHOWN_SCANS)
        self.ui.banner.say(message, line.tone)
        self.ui.scanEdit.flash("good" if line.tone in ("good", "info") else "bad")
        self.show_draft()
        self.sig_scan_handled.emit(line.tone, message)
        self.queue.done()

    def undo_last(self) -> None:
        self.actions.undo_last()

    def post(self) -> None:
        if self.draft is None or self.count == 0:
            self.ui.banner.warn("Nothing to post yet: scan the first serial.")
            return
        self._forward_setup()
        self.call(self.session.post_call(), self._posted, self.ui.banner.bad, label="post the receipt")

    def _posted(self, receipt: ReceiptView) -> None:
        self.last_posted = receipt
        self.reset()
        self.ui.banner.good(f"Receipt {receipt.number} posted: {plural(receipt.count, 'unit')} from "
                            f"{receipt.supplier} {'is' if receipt.count == 1 else 'are'} in stock. "
                            "Print labels… (Ctrl+P) for its units.")

    def preferences_changed(self, preferences: Preferences) -> None:
        self.preferences = preferences
        self.ui.cameraPanel.set_source(preferences.camera_source())

    def labels_receipt(self) -> ReceiptView | None:
        """Whose units "Print labels…" prints: the draft being scanned, else the receipt posted last."""
        return self.draft if self.draft is not None and self.count > 0 else self.last_posted

    def ask_generate(self) -> None:  # the pane's actions, as the keys and the tests reach them
        self.actions.ask_generate()

    def ask_labels(self) -> LabelsDialog | None:
        return self.actions.ask_labels()
