"""F5 Assembly: choose the product to build (or scan its barcode), scan the new unit's serial (or have it
generated), scan its parts and watch the slots fill, then build it — one service call, one transaction.

The bench and its rules are workflows.assembly.AssemblySession; each scan is read and checked by the services
(the one classifier) as the build will check it, so a part fitted elsewhere, of the wrong product, over a full
slot or held by a recall is refused at the scan, in words. Ctrl+Z takes the last scan back. The last unit built
is shown on the right with its passport and tree of parts.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from serialdesk.bootstrap import Services
from serialdesk.domain.changes import Changes
from serialdesk.domain.errors import DomainError
from serialdesk.gui.generated.ui_assembly_pane import Ui_AssemblyPane
from serialdesk.gui.models.table import Column, RowsModel
from serialdesk.gui.panes.base import ScanningPane, ScanQueue
from serialdesk.gui.tasks import Task, TaskRunner, refused
from serialdesk.gui.widgets.tables import fit_columns
from serialdesk.services.dto import AssemblyScan, AssemblyView, ItemPassport
from serialdesk.workflows.assembly import AssemblySession, BenchOutcome, PartLine


@dataclass(frozen=True)
class SlotRow:
    """One place in the new unit: a slot (its number when it takes several) and the part scanned for it."""

    slot: str
    part: PartLine | None


def slot_rows(session: AssemblySession) -> list[SlotRow]:
    rows = []
    for fill in session.declared:
        fitted = [p for p in session.parts if p.unit.sku == fill.sku]
        for n in range(fill.count):
            number = f" #{n + 1}" if fill.count > 1 else ""
            rows.append(SlotRow(f"{fill.product} ({fill.sku}){number}", fitted[n] if n < len(fitted) else None))
    return rows


SLOT_COLUMNS: tuple[Column[SlotRow], ...] = (
    Column("Slot", lambda r: r.slot),
    Column("Part", lambda r: r.part.unit.serial if r.part else "— still missing",
           tone=lambda r: "good" if r.part else "warn"),
    Column("Lot", lambda r: (r.part.lot or "—") if r.part else ""),
    Column("Supplier", lambda r: (r.part.supplier or "—") if r.part else ""),
)


class AssemblyPane(ScanningPane):
    title = "Assembly"
    help_topic = "assembly"
    sig_scan_handled = Signal(str, str)  # tone, message
    sig_built = Signal(object)  # AssemblyView

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.ui = Ui_AssemblyPane()
        self.ui.setupUi(self)
        self.session = AssemblySession(services)
        self.products: list[AssemblyScan] = []
        self.slots = RowsModel(SLOT_COLUMNS, self)
        self.queue = ScanQueue(self._check_scan)
        ui = self.ui
        for name, role in (("titleLabel", "paneTitle"), ("productChip", "chip"), ("scanCaption", "section"),
                           ("slotsCaption", "section"), ("lastCaption", "section"), ("buildButton", "primary")):
            getattr(ui, name).setProperty("role", role)
        ui.slotsView.setModel(self.slots)
        fit_columns(ui.slotsView, (1, 2, 3), stretch=0)
        ui.passportPanel.hide_tree_columns("Since", "How it came in")  # the build just made: the same on each row
        ui.passportPanel.ui.placeholder.setText("The unit built last shows here: its passport and its parts.")
        ui.scanEdit.sig_entered.connect(self._typed)
        ui.productCombo.activated.connect(self._combo_chosen)
        ui.generateCheck.toggled.connect(self._generate)
        ui.undoButton.clicked.connect(self.undo)
        ui.clearButton.clicked.connect(self.start_again)
        ui.buildButton.clicked.connect(self.build)
        self.shortcut("Ctrl+Z", self.undo)
        self.shortcut("Ctrl+G", ui.generateCheck.toggle)
        self.shortcut("Ctrl+Return", self.build)
        self.shortcut("Ctrl+Enter", self.build)
        ui.scanEdit.installEventFilter(self)  # its own Ctrl+Z (undo typing) would win over the bench's
        self._show()

    # --- the window's calls ---------------------------------------------------------------------------------

    def load(self) -> None:
        if self.isEnabled():
            self.call(self.services.assembly.buildable, self._products, self.ui.banner.bad,
                      label="products that can be built")

    def activate(self) -> None:
        self.ui.scanEdit.setFocus()

    def refresh(self, changes: Changes) -> None:
        if changes.touches("catalogue"):
            self.load()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Undo)):
            return True
        return super().eventFilter(watched, event)

    # --- the product ----------------------------------------------------------------------------------------

    def _products(self, products: list[AssemblyScan]) -> None:
        self.products = products
        combo = self.ui.productCombo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("— choose the product to build —", None)
        for p in products:
            combo.addItem(f"{p.product} ({p.sku})", p.sku)
        combo.blockSignals(False)
        if not products:
            self.ui.banner.warn("No product declares slots yet, so nothing can be built here: declare what a "
                                "product takes first (product slot SKU --part PART_SKU).")
        self._sync_combo()

    def _combo_chosen(self, index: int) -> None:
        sku = self.ui.productCombo.itemData(index)
        chosen = next((p for p in self.products if p.sku == sku), None)
        if chosen is not None and chosen.sku != self.session.sku:
            self._say(self.session.scan_done("", chosen))
        self.ui.scanEdit.setFocus()

    def choose_product(self, sku: str) -> None:
        """Choose the product to build (as picking it in the list does)."""
        index = self.ui.productCombo.findData(sku)
        if index >= 0:
            self.ui.productCombo.setCurrentIndex(index)
            self._combo_chosen(index)

    def _sync_combo(self) -> None:
        index = self.ui.productCombo.findData(self.session.sku) if self.session.sku else 0
        self.ui.productCombo.setCurrentIndex(max(index, 0))

    def _generate(self, on: bool) -> None:
        self._say(self.session.set_generate(on))

    # --- scans ----------------------------------------------------------------------------------------------

    def _check_scan(self, text: str) -> None:
        task: Task = self.call(self.session.scan_call(text), lambda r: self._scanned(text, r),
                               lambda m: self._scanned(text, refused(task, m)), label=f"assembly scan {text}")

    def _scanned(self, text: str, result: AssemblyScan | DomainError) -> None:
        outcome = self.session.scan_done(text, result)
        if isinstance(result, AssemblyScan) and result.kind == "product":
            self._sync_combo()
        self.ui.scanEdit.flash(outcome.tone)
        self.sig_scan_handled.emit(outcome.tone, outcome.message)
        self._say(outcome)
        self.queue.done()

    def undo(self) -> None:
        if self.queue.busy:
            self.ui.banner.warn("A scan is still being checked; press Ctrl+Z again in a moment.")
            return
        try:
            self._say(self.session.undo())
        except DomainError as exc:
            self.ui.banner.warn(exc.message)

    def start_again(self) -> None:
        self.session.clear()
        self._say(BenchOutcome("info", "", "Started again: scan the new unit's serial, then its parts."))

    # --- the build ------------------------------------------------------------------------------------------

    def build(self) -> None:
        if self.queue.busy:
            self.ui.banner.warn("A scan is still being checked; build again in a moment.")
            return
        try:
            call = self.session.build_call()
        except DomainError as exc:
            self.ui.banner.warn(exc.message)
            return
        self.ui.buildButton.setEnabled(False)
        self.call(call, self._built, self._build_refused, label="build the unit")

    def _build_refused(self, message: str) -> None:
        self.ui.banner.bad(message)
        self._show()

    def _built(self, view: AssemblyView) -> None:
        self._say(self.session.build_done(view))
        self.ui.scanEdit.reset()
        self.sig_built.emit(view)
        lookup, label = self.services.lookup, view.host.label
        self.call(lambda: lookup.passport(label), self._show_built, lambda _m: None, label=f"passport {label}")

    def _show_built(self, passport: ItemPassport) -> None:
        self.ui.passportPanel.show_passport(passport)

    # --- what is shown --------------------------------------------------------------------------------------

    def _say(self, outcome: BenchOutcome) -> None:
        self.ui.banner.say(outcome.message, outcome.tone)
        self._show()

    def _show(self) -> None:
        s, ui = self.session, self.ui
        self.slots.set_rows(slot_rows(s))
        serial = "serial generated when built" if s.generate else (s.host or "no serial yet")
        ui.productChip.setText(f"Building {s.product} ({s.sku}) · {serial}" if s.sku else "No product chosen")
        ui.summaryLabel.setText(s.summary())
        ui.buildButton.setEnabled(s.ready)
        ui.undoButton.setEnabled(bool(s.parts) or s.host is not None)
        ui.clearButton.setEnabled(bool(s.parts) or s.host is not None)
        ui.scanCaption.setText("Scan each part" if s.generate or s.host else
                               "Scan the new unit's serial, then each part")
        if ui.generateCheck.isChecked() != s.generate:
            ui.generateCheck.blockSignals(True)
            ui.generateCheck.setChecked(s.generate)
            ui.generateCheck.blockSignals(False)
