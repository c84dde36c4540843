"""F6 Recalls (managers): a three-step wizard — criteria, preview of the affected units, start — then the
customer letters, the CSV, and tracking of who was contacted and how each unit was dealt with."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from serialdesk.bootstrap import Services
from serialdesk.domain.changes import Changes
from serialdesk.domain.errors import DomainError
from serialdesk.domain.text import plural
from serialdesk.gui.formats import status_word
from serialdesk.gui.generated.ui_recall_pane import Ui_RecallPane
from serialdesk.gui.models.recall import (
    CONTACT_COLUMNS,
    PREVIEW_COLUMNS,
    CustomerToContact,
    customers_to_contact,
)
from serialdesk.gui.models.table import RowsModel, sorted_view
from serialdesk.gui.panes.base import Pane
from serialdesk.gui.panes.recall_criteria import CriteriaForm, RecallChoices, describe, load_choices
from serialdesk.gui.panes.recall_mailing import RecallMailing
from serialdesk.gui.panes.recall_record import RecallRecord
from serialdesk.gui.panes.recall_saving import RecallSaving
from serialdesk.gui.panes.recall_texts import confirmation, started_text
from serialdesk.gui.preferences import Preferences
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.widgets.feedback import restyle
from serialdesk.gui.widgets.report_tab import Figure
from serialdesk.gui.widgets.tables import fit_columns
from serialdesk.services.dto import RecallCriteria, RecallUnit, RecallView

CRITERIA, PREVIEW, STARTED = range(3)
COUNT_FIGURES = ("Units affected", "On our shelves", "Sold to customers", "Other units", "Customers to contact")


class RecallPane(Pane, RecallSaving):
    title = "Recalls"
    help_topic = "recalls"
    sig_previewed = Signal(object)  # RecallView (not saved)
    sig_started = Signal(object)  # RecallView (saved)
    sig_file_written = Signal(str, int)  # path, pages (0 for a CSV)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.ui = Ui_RecallPane()
        self.ui.setupUi(self)
        self.shop_name = Preferences().shop_name
        self.criteria_form = CriteriaForm(self.ui)
        self.criteria: RecallCriteria | None = None
        self.preview: RecallView | None = None
        self.started: RecallView | None = None
        self.units: RowsModel[RecallUnit] = RowsModel(PREVIEW_COLUMNS, self)
        self.units_view = sorted_view(self.units)
        self.customers: RowsModel[CustomerToContact] = RowsModel(CONTACT_COLUMNS, self)
        self.counts = {caption: Figure(caption, self) for caption in COUNT_FIGURES}
        self.record = RecallRecord(self)
        self.mailing = RecallMailing(self)  # "E-mail letters" beside "Letters…"
        self._loaded = False
        self._setup_view()
        self._connect()
        self.go_to(CRITERIA)

    def _setup_view(self) -> None:
        ui = self.ui
        for name, role in (("titleLabel", "paneTitle"), ("criteriaCard", "card"), ("howCard", "card"),
                           ("startedCard", "card"), ("previewButton", "primary"), ("startButton", "dangerPrimary"),
                           ("startedTitle", "strong"), ("shownLabel", "muted"), ("lettersButton", "primary"),
                           ("customersCaption", "section")):
            getattr(ui, name).setProperty("role", role)
        for label in (ui.step1Label, ui.step2Label, ui.step3Label):
            label.setProperty("role", "step")
        for figure in self.counts.values():
            ui.countsLayout.addWidget(figure)
        ui.unitsView.setModel(self.units_view)
        fit_columns(ui.unitsView, (0, 1, 2, 3, 4, 5, 6, 7), stretch=8)
        ui.customersView.setModel(self.customers)
        fit_columns(ui.customersView, (0, 1, 2, 3, 4), stretch=5)

    def _connect(self) -> None:
        ui = self.ui
        ui.previewButton.clicked.connect(self.find_affected)
        ui.clearButton.clicked.connect(self.criteria_form.clear)
        ui.backButton.clicked.connect(lambda: self.go_to(CRITERIA))
        ui.previewCsvButton.clicked.connect(lambda: self.ask_save_csv(self.preview))
        ui.startButton.clicked.connect(self.ask_start)
        ui.csvButton.clicked.connect(lambda: self.ask_save_csv(self.started))
        ui.lettersButton.clicked.connect(lambda: self.ask_save_letters(self.started))
        ui.trackButton.clicked.connect(self.track_started)
        ui.newRecallButton.clicked.connect(self.new_recall)
        ui.filterEdit.textChanged.connect(self._filter)
        self.shortcut("Ctrl+Return", self._next_step)
        self.shortcut("Ctrl+Enter", self._next_step)
        self.shortcut("Ctrl+F", lambda: ui.filterEdit.setFocus())

    # --- the pane --------------------------------------------------------------------------------------------

    def activate(self) -> None:
        if not self._loaded:
            self.load_choices()
        self.ui.productCombo.setFocus()

    def refresh(self, changes: Changes) -> None:
        if changes.touches("catalogue", "stock"):
            self._loaded = False

    def preferences_changed(self, preferences: Preferences) -> None:
        self.shop_name = preferences.shop_name

    def handle_scan(self, text: str) -> None:
        """A scanned serial fills the serial range (first the start, then the end)."""
        if self.ui.steps.currentIndex() != CRITERIA:
            self.ui.banner.warn("Scans fill in the serial range on the criteria page: go back to it first.")
            return
        edit = self.ui.serialToEdit if self.ui.serialFromEdit.text() else self.ui.serialFromEdit
        edit.setText(text.strip())

    def load_choices(self) -> None:
        catalogue = self.services.catalogue
        self.call(lambda: load_choices(catalogue), self._choices_loaded, self.ui.banner.bad,
                  label="load products, suppliers and lots")

    def _choices_loaded(self, choices: RecallChoices) -> None:
        self._loaded = True
        self.criteria_form.fill(choices)
        self.record.load()

    def go_to(self, step: int) -> None:
        self.ui.steps.setCurrentIndex(step)
        for index, label in enumerate((self.ui.step1Label, self.ui.step2Label, self.ui.step3Label)):
            label.setProperty("state", "current" if index == step else "done" if index < step else "next")
            restyle(label)

    def _next_step(self) -> None:
        step = self.ui.steps.currentIndex()
        if step == CRITERIA:
            self.find_affected()
        elif step == PREVIEW:
            self.ask_start()

    # --- step 1 → 2: preview ---------------------------------------------------------------------------------

    def find_affected(self) -> None:
        try:
            criteria = self.criteria_form.criteria()
        except DomainError as exc:
            self.ui.banner.bad(exc.message)
            return
        recalls = self.services.recalls
        self.ui.banner.say("Looking for the affected units…")
        self.call(lambda: recalls.find_affected(criteria), lambda view: self._previewed(criteria, view),
                  self.ui.banner.bad, label="preview a recall")

    def _previewed(self, criteria: RecallCriteria, view: RecallView) -> None:
        self.criteria, self.preview = criteria, view
        self.units.set_rows(view.units)
        self.ui.unitsView.setColumnHidden(1, not any(u.host for u in view.units))  # "Sits in": parts in units only
        self.ui.filterEdit.clear()
        self._show_counts(view)
        total = view.counts.get("total", 0)
        self.ui.startButton.setEnabled(total > 0)
        self.ui.previewCsvButton.setEnabled(total > 0)
        if total:
            self.ui.banner.say(f"Preview — nothing has changed yet. {describe(criteria)}: "
                               f"{plural(total, 'unit')}, {plural(view.counts.get('customers', 0), 'customer')}.")
        else:
            self.ui.banner.warn(f"No unit matches {describe(criteria)}. Change the criteria.")
        self.go_to(PREVIEW)
        self.ui.reasonEdit.setFocus()
        self.sig_previewed.emit(view)

    def _show_counts(self, view: RecallView) -> None:
        counts = view.counts
        others = {k: n for k, n in counts.items() if k not in ("total", "customers", "in_stock", "sold")}
        self.counts["Units affected"].show_value(f"{counts.get('total', 0):,}")
        self.counts["On our shelves"].show_value(f"{counts.get('in_stock', 0):,}", "In stock: go to quarantine")
        self.counts["Sold to customers"].show_value(f"{counts.get('sold', 0):,}", "Sold: marked recalled")
        self.counts["Other units"].show_value(
            f"{sum(others.values()):,}", " · ".join(f"{status_word(k)} {n}" for k, n in sorted(others.items()))
            or "No unit in another state (in service, returned, quarantined …)")
        self.counts["Customers to contact"].show_value(f"{counts.get('customers', 0):,}")

    def _filter(self, text: str) -> None:
        self.units_view.setFilterFixedString(text)
        shown, total = self.units_view.rowCount(), self.units.rowCount()
        self.ui.shownLabel.setText(f"{shown} of {total} shown" if text else "")

    # --- step 2 → 3: start -----------------------------------------------------------------------------------

    def ask_start(self) -> QMessageBox | None:
        view = self.preview
        if view is None or not view.counts.get("total"):
            return None
        if not self.ui.reasonEdit.text().strip():
            self.ui.banner.bad("Give the reason for the recall: it is printed in the customer letters.")
            self.ui.reasonEdit.setFocus()
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, "Start the recall", confirmation(view),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.button(QMessageBox.StandardButton.Yes).setText("Start recall")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(self.start_recall)
        box.open()
        return box

    def start_recall(self) -> None:
        criteria, reason = self.criteria, self.ui.reasonEdit.text().strip()
        if criteria is None:
            return
        recalls = self.services.recalls
        self.ui.startButton.setEnabled(False)
        also = bool(self.preview and self.preview.overlaps)  # the confirmation named the open recalls
        self.call(lambda: recalls.start_recall(criteria, reason, also=also), self._started, self._start_refused,
                  label="start a recall")

    def _start_refused(self, message: str) -> None:
        self.ui.startButton.setEnabled(True)
        self.ui.banner.bad(message)

    def _started(self, view: RecallView) -> None:
        self.started = view
        counts = view.counts
        self.ui.startedTitle.setText(f"Recall {view.number} started — {view.product}")
        self.ui.startedText.setText(started_text(view))
        self.ui.lettersButton.setEnabled(counts.get("customers", 0) > 0)
        self.customers.set_rows(customers_to_contact(view))
        self.ui.customersCaption.setText(f"Customers to contact ({counts.get('customers', 0)})")
        self.ui.banner.good(f"Recall {view.number} saved: {plural(counts.get('total', 0), 'unit')}.")
        self.go_to(STARTED)
        self.record.load(select_id=view.id)
        self.sig_started.emit(view)

    def track_started(self) -> None:
        if self.started is not None:
            self.record.load(select_id=self.started.id)
        self.ui.tabs.setCurrentWidget(self.ui.recordTab)

    def new_recall(self) -> None:
        self.criteria = self.preview = self.started = None
        self.units.set_rows(())
        self.customers.set_rows(())
        self.ui.reasonEdit.clear()
        self.criteria_form.clear()
        self.ui.banner.say("Choose what the recall covers: the product, and any of lots, serial range, supplier "
                           "and dates.")
        self.go_to(CRITERIA)

