"""Step 1 of a recall: what it covers — one product, and any of lots, a serial range, the supplier, and the
days the units were received or sold. Read into a ``RecallCriteria`` for the recall service."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QDateEdit, QListWidgetItem

from serialdesk.domain.errors import DomainError
from serialdesk.gui.formats import day_text
from serialdesk.gui.generated.ui_recall_pane import Ui_RecallPane
from serialdesk.services.catalogue import CatalogueService
from serialdesk.services.dto import PartyView, ProductView, RecallCriteria

ANY_SUPPLIER = "Any supplier"
NO_PRODUCT = "Choose the product…"
_SEPARATORS = re.compile(r"[\s,;]+")

HOW_TEXT = (
    "<b>How a recall works</b><ol style='margin-left:-20px'>"
    "<li>Say what it covers. Everything you fill in narrows it down; only the product is required.</li>"
    "<li><b>Preview</b> lists the affected units and who holds them. Nothing changes yet.</li>"
    "<li><b>Start recall</b>: units on our shelves go to <b>quarantine</b> (they can no longer be sold); "
    "units customers bought are marked <b>recalled</b>. One transaction: all of them or none.</li>"
    "<li>Print the customer letters, save the list as CSV, then note who was contacted and how each unit was "
    "dealt with under <i>Recalls on record</i>.</li></ol>"
    "<p style='color:#64748b'>The number after each lot is how many units were received in it.</p>")


@dataclass(frozen=True)
class RecallChoices:
    """What the criteria form offers: products, suppliers, and each product's lots with units received."""

    products: Sequence[ProductView]
    suppliers: Sequence[PartyView]
    lots: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


def load_choices(catalogue: CatalogueService) -> RecallChoices:
    """On the worker: products, suppliers, and each product's lots with the units received in them."""
    lots: dict[str, list[tuple[str, int]]] = {}
    for lot in catalogue.lots():
        lots.setdefault(lot.sku, []).append((lot.code, lot.units))
    return RecallChoices(catalogue.products(), catalogue.suppliers(), {sku: sorted(v) for sku, v in lots.items()})


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class CriteriaForm:
    def __init__(self, ui: Ui_RecallPane) -> None:
        self.ui = ui
        self.choices = RecallChoices((), ())
        ui.howLabel.setText(HOW_TEXT)
        ui.productCombo.currentIndexChanged.connect(lambda _i: self.show_lots())
        for check, (first, last) in self._ranges():
            check.toggled.connect(first.setEnabled)
            check.toggled.connect(last.setEnabled)
        self.clear()

    def _ranges(self) -> tuple[tuple[QCheckBox, tuple[QDateEdit, QDateEdit]], ...]:
        ui = self.ui
        return ((ui.receivedCheck, (ui.receivedFromEdit, ui.receivedToEdit)),
                (ui.soldCheck, (ui.soldFromEdit, ui.soldToEdit)))

    def fill(self, choices: RecallChoices) -> None:
        """Fill the lists, keeping the product and supplier chosen."""
        ui, self.choices = self.ui, choices
        sku, supplier = ui.productCombo.currentData(), ui.supplierCombo.currentData()
        ui.productCombo.blockSignals(True)
        ui.productCombo.clear()
        ui.productCombo.addItem(NO_PRODUCT, None)
        for p in choices.products:
            ui.productCombo.addItem(f"{p.sku} — {p.name}", p.sku)
        ui.productCombo.setCurrentIndex(max(0, ui.productCombo.findData(sku)) if sku else 0)
        ui.productCombo.blockSignals(False)
        ui.supplierCombo.clear()
        ui.supplierCombo.addItem(ANY_SUPPLIER, None)
        for s in choices.suppliers:
            ui.supplierCombo.addItem(f"{s.name} ({s.number})", s.number)
        ui.supplierCombo.setCurrentIndex(max(0, ui.supplierCombo.findData(supplier)) if supplier else 0)
        self.show_lots()

    def show_lots(self) -> None:
        ticked = set(self.ticked_lots())
        self.ui.lotsList.clear()
        sku = self.ui.productCombo.currentData()
        for code, units in self.choices.lots.get(str(sku), []) if sku else []:
            item = QListWidgetItem(f"{code}  ({units})")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in ticked else Qt.CheckState.Unchecked)
            self.ui.lotsList.addItem(item)

    def ticked_lots(self) -> list[str]:
        items = (self.ui.lotsList.item(i) for i in range(self.ui.lotsList.count()))
        return [str(i.data(Qt.ItemDataRole.UserRole)) for i in items if i.checkState() == Qt.CheckState.Checked]

    def tick_lots(self, codes: Sequence[str]) -> None:
        wanted = {c.upper() for c in codes}
        for i in range(self.ui.lotsList.count()):
            item = self.ui.lotsList.item(i)
            code = str(item.data(Qt.ItemDataRole.UserRole)).upper()
            item.setCheckState(Qt.CheckState.Checked if code in wanted else Qt.CheckState.Unchecked)

    def select_product(self, sku: str) -> None:
        index = self.ui.productCombo.findData(sku)
        if index >= 0:
            self.ui.productCombo.setCurrentIndex(index)

    def clear(self) -> None:
        ui, today = self.ui, date.today()
        ui.productCombo.setCurrentIndex(0)
        ui.supplierCombo.setCurrentIndex(0)
        for edit in (ui.lotsEdit, ui.serialFromEdit, ui.serialToEdit):
            edit.clear()
        self.tick_lots(())
        for check, (first, last) in self._ranges():
            check.setChecked(False)
            first.setDate(_qdate(today - timedelta(days=365)))
            last.setDate(_qdate(today))
            first.setEnabled(False)
            last.setEnabled(False)

    def criteria(self) -> RecallCriteria:
        """The criteria as filled in; DomainError when the product is missing."""
        ui = self.ui
        sku = ui.productCombo.currentData()
        if not sku:
            raise DomainError("Choose the product to recall: a recall always covers one product.")
        typed = [code for code in _SEPARATORS.split(ui.lotsEdit.text().strip()) if code]
        lots = tuple(dict.fromkeys([*self.ticked_lots(), *typed]))
        received = self._range(0)
        sold = self._range(1)
        supplier = ui.supplierCombo.currentData()
        return RecallCriteria(str(sku), lots, ui.serialFromEdit.text().strip() or None,
                              ui.serialToEdit.text().strip() or None, str(supplier) if supplier else None,
                              received[0], received[1], sold[0], sold[1])

    def _range(self, which: int) -> tuple[date | None, date | None]:
        check, (first, last) = self._ranges()[which]
        if not check.isChecked():
            return None, None
        return first.date().toPython(), last.date().toPython()  # type: ignore[return-value]


def describe(c: RecallCriteria | dict[str, object]) -> str:
    """'DRL-18V · lots L2406A, L2406B · serials A…B · supplier V-0001 · received 1 Jan 2026 – 31 Jan 2026'."""
    values = c if isinstance(c, dict) else {k: getattr(c, k) for k in RecallCriteria.__dataclass_fields__}
    parts = [str(values.get("sku", ""))]
    lots = [str(lot) for lot in values.get("lots") or ()]  # type: ignore[union-attr]
    if lots:
        parts.append(("lots " if len(lots) > 1 else "lot ") + ", ".join(lots))
    if values.get("serial_from") or values.get("serial_to"):
        parts.append(f"serials {values.get('serial_from') or '…'} – {values.get('serial_to') or '…'}")
    if values.get("supplier"):
        parts.append(f"supplier {values['supplier']}")
    for what in ("received", "sold"):
        first, last = values.get(f"{what}_from"), values.get(f"{what}_to")
        if first or last:
            parts.append(f"{what} {_day(first)} – {_day(last)}")
    return " · ".join(parts)


def _day(value: object) -> str:
    if value is None:
        return "…"
    return day_text(value if isinstance(value, date) else date.fromisoformat(str(value)))
