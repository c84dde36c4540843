"""The recalls on record: each recall's units with who was contacted and how each unit was dealt with."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QItemSelection, QObject, Signal
from PySide6.QtWidgets import QWidget

from serialdesk.domain.text import plural
from serialdesk.gui.generated.ui_recall_pane import Ui_RecallPane
from serialdesk.gui.models.recall import RECALL_COLUMNS, TRACK_COLUMNS, contacted_customers, resolved_units
from serialdesk.gui.models.table import ROW_ROLE, RowsModel, sorted_view
from serialdesk.gui.panes.recall_criteria import describe
from serialdesk.gui.tasks import Task
from serialdesk.gui.widgets.form_dialog import Field, FormDialog
from serialdesk.gui.widgets.tables import fit_columns
from serialdesk.services.bundle import Services
from serialdesk.services.dto import RecallUnit, RecallView

RESOLUTIONS = (("Inspected and cleared (may be sold again)", "cleared"), ("Repaired (may be sold again)", "repaired"),
               ("Replaced with a new unit (this one stays held)", "replaced"),
               ("Refunded (this one stays held)", "refunded"), ("Scrapped (the unit is scrapped)", "scrapped"))


class RecallHost(Protocol):
    """What the record needs of the recall pane (so it never imports the pane)."""

    ui: Ui_RecallPane
    services: Services

    def call(self, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
             failed: Callable[[str], None] | None = None, *, label: str = "") -> Task: ...

    def ask_save_csv(self, view: RecallView | None) -> None: ...

    def ask_save_letters(self, view: RecallView | None) -> None: ...


class RecallRecord(QObject):
    sig_loaded = Signal()
    sig_updated = Signal(object)  # RecallView, after a contact or a resolution was saved

    def __init__(self, pane: RecallHost) -> None:
        widget = pane if isinstance(pane, QWidget) else None  # the pane itself, in the window
        super().__init__(widget)
        self.pane, self.ui, self.widget = pane, pane.ui, widget
        self.recalls: RowsModel[RecallView] = RowsModel(RECALL_COLUMNS, self)
        self.units: RowsModel[RecallUnit] = RowsModel(TRACK_COLUMNS, self)
        self.units_view = sorted_view(self.units)
        ui = self.ui
        ui.recallsView.setModel(self.recalls)
        fit_columns(ui.recallsView, (0, 1, 2, 3, 4, 5, 6), stretch=7)
        ui.trackView.setModel(self.units_view)
        fit_columns(ui.trackView, (0, 1, 2, 3, 4), stretch=5)
        ui.recallsView.selectionModel().selectionChanged.connect(self._recall_chosen)
        ui.trackView.selectionModel().selectionChanged.connect(lambda *_: self._show_buttons())
        ui.trackFilterEdit.textChanged.connect(self.units_view.setFilterFixedString)
        ui.contactedButton.clicked.connect(self.mark_contacted)
        ui.resolveButton.clicked.connect(self.ask_resolve)
        ui.recordCsvButton.clicked.connect(lambda: self._with_current(pane.ask_save_csv))
        ui.recordLettersButton.clicked.connect(lambda: self._with_current(pane.ask_save_letters))
        self._show_buttons()

    # --- loading ---------------------------------------------------------------------------------------------

    def load(self, select_id: int | None = None) -> None:
        recalls = self.pane.services.recalls
        self.pane.call(lambda: recalls.recalls(), lambda views: self._loaded(views, select_id),
                       self.pane.ui.banner.bad, label="list the recalls")

    def _loaded(self, views: list[RecallView], select_id: int | None) -> None:
        self.recalls.set_rows(views)
        rows = [i for i, v in enumerate(views) if v.id == select_id] or ([0] if views else [])
        if rows:
            self.ui.recallsView.selectRow(rows[0])
        else:
            self.show_recall(None)
        self.sig_loaded.emit()

    def current(self) -> RecallView | None:
        rows = self.ui.recallsView.selectionModel().selectedRows()
        return self.recalls.row_at(rows[0].row()) if rows else None

    def selected_unit(self) -> RecallUnit | None:
        rows = self.ui.trackView.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select_unit(self, serial: str) -> None:
        for row in range(self.units_view.rowCount()):
            if self.units_view.index(row, 0).data(ROW_ROLE).serial == serial:
                self.ui.trackView.selectRow(row)
                return

    def _recall_chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.show_recall(self.current())

    def show_recall(self, view: RecallView | None) -> None:
        self.units.set_rows(view.units if view else ())
        self.ui.trackView.setColumnHidden(1, not (view and any(u.host for u in view.units)))  # "Sits in"
        if view is None:
            self.ui.recallTitle.setText("No recall yet. Start one under New recall.")
        else:
            told, holders = contacted_customers(view)
            self.ui.recallTitle.setText(
                f"<b>{view.number} · {view.product}</b> — {view.reason}<br><span style='color:#64748b'>"
                f"{describe(view.criteria)} · {view.counts.get('total', 0)} units · {told} of {holders} customers "
                f"contacted · {resolved_units(view)} of {plural(len(view.units), 'unit')} resolved</span>")
        self._show_buttons()

    def _show_buttons(self) -> None:
        unit, view = self.selected_unit(), self.current()
        self.ui.contactedButton.setEnabled(unit is not None and unit.customer is not None)
        self.ui.resolveButton.setEnabled(unit is not None and not unit.resolution)
        self.ui.recordCsvButton.setEnabled(view is not None)
        self.ui.recordLettersButton.setEnabled(view is not None and contacted_customers(view)[1] > 0)

    def _with_current(self, action: object) -> None:
        view = self.current()
        if view is not None and callable(action):
            action(view)

    # --- tracking ----------------------------------------------------------------------------------------------

    def mark_contacted(self) -> None:
        view, unit = self.current(), self.selected_unit()
        if view is None or view.id is None or unit is None or unit.customer is None:
            return
        recall_id, customer, recalls = view.id, unit.customer, self.pane.services.recalls
        self.pane.call(lambda: recalls.mark_contacted(recall_id, customer.number),
                       lambda v: self._updated(v, unit.serial, f"{customer.name} noted as contacted."),
                       self.pane.ui.banner.bad, label="note a customer contacted")

    def ask_resolve(self) -> FormDialog | None:
        view, unit = self.current(), self.selected_unit()
        if view is None or view.id is None or unit is None:
            return None
        recall_id, serial, recalls = view.id, unit.serial, self.pane.services.recalls
        dialog = FormDialog(f"Resolve {serial} on {view.number}", [
            Field("how", "Dealt with", "choice", choices=RESOLUTIONS),
            Field("note", "Note", placeholder="optional: new serial, refund number …")],
            intro=f"{view.product} · {serial}" + (f" · {unit.customer.name}" if unit.customer else " · on our shelf"),
            ok_text="Resolve", parent=self.widget)

        def resolve(values: dict[str, str | int]) -> None:
            how, note = str(values["how"]), str(values["note"] or "")
            text = how + (f": {note}" if note else "")

            def resolved(view: RecallView) -> None:
                dialog.finish()
                self._updated(view, serial, f"{serial} resolved: {text}.")

            self.pane.call(lambda: recalls.resolve(recall_id, serial, how, note), resolved, dialog.refuse,
                           label="resolve a recalled unit")

        dialog.sig_submitted.connect(resolve)
        dialog.open()
        return dialog

    def _updated(self, view: RecallView, serial: str, message: str) -> None:
        rows = [i for i, v in enumerate(self.recalls.rows()) if v.id == view.id]
        if rows:
            self.recalls.replace(rows[0], view)
        self.show_recall(view)
        self.select_unit(serial)
        self.pane.ui.banner.good(message)
        self.sig_updated.emit(view)
