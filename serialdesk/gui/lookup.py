"""Ctrl+L from anywhere: scan any unit and see its passport, without leaving what you were doing — or type part
of a serial, a customer's name or phone, or a ticket number and press Enter to search (``lookup.search``).

A scan opens the unit's passport. Typed text is searched: one unit found opens its passport at once; several
results are listed (a unit opens its passport, a customer lists their units under them, a ticket opens its unit).
Enter never closes the dialog (Esc or Close does).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QListWidget, QListWidgetItem, QPushButton, QWidget

from serialdesk.bootstrap import Services
from serialdesk.gui.generated.ui_lookup_dialog import Ui_LookupDialog
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.widgets.passport import owner_text
from serialdesk.services.dto import ItemPassport
from serialdesk.services.dto.search import FoundUnit, SearchResult

REF_ROLE = Qt.ItemDataRole.UserRole  # on a result line: the unit it opens (SKU:SERIAL), or None


class LookupDialog(QDialog):
    sig_passport_shown = Signal(object)
    sig_refused = Signal(str)
    sig_searched = Signal(object)  # SearchResult, once listed

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LookupDialog()
        self.ui.setupUi(self)
        self.ui.passportCard.setProperty("role", "card")
        self.ui.scanEdit.setPlaceholderText("Scan any unit, or type part of a serial, a customer's name or phone, "
                                            "or a ticket number, and press Enter")
        self.services, self.runner = services, runner
        self.results = QListWidget(self)
        self.results.setObjectName("resultsList")
        self.results.setMaximumHeight(180)
        self.results.hide()
        self.ui.lookupLayout.insertWidget(2, self.results)
        for button in self.ui.buttons.findChildren(QPushButton):  # Enter is for searching, not for Close
            button.setAutoDefault(False)
            button.setDefault(False)
        self.results.itemActivated.connect(lambda item: self.open_row(self.results.row(item)))
        self.ui.scanEdit.sig_entered.connect(self._typed)
        self.ui.buttons.rejected.connect(self.reject)

    def start(self) -> None:
        self.open()
        self.ui.scanEdit.setFocus()
        self.ui.scanEdit.selectAll()

    def handle_scan(self, text: str) -> None:
        """A scan names one unit: its passport."""
        self.ui.scanEdit.show_scan(text)
        self._passport(text)

    def _passport(self, ref: str) -> None:
        lookup = self.services.lookup
        self.runner.run(lambda: lookup.passport(ref), self._found, self._refused, label=f"look up {ref}")

    def _typed(self, text: str) -> None:
        lookup = self.services.lookup
        self.runner.run(lambda: lookup.search(text), self._listed, self._refused, label=f"search for {text}")

    def _listed(self, result: SearchResult) -> None:
        self.results.clear()
        only = result.only_unit
        if only is not None:
            self.results.hide()
            self._passport(only.ref)
            self.sig_searched.emit(result)
            return
        for unit in result.exact + result.units:
            self._line(_unit_text(unit), unit.ref)
        for found in result.customers:
            c = found.customer
            contact = " · ".join(x for x in (c.phone, c.email) if x)
            self._line(f"{c.name} ({c.number})" + (f" · {contact}" if contact else "")
                       + ("" if found.units else " · no units"), None)
            for unit in found.units:
                self._line("    " + _unit_text(unit), unit.ref)
            if found.more_units:
                self._line("    … and more", None)
        for ticket in result.tickets:
            self._line(f"Ticket {ticket.number} ({ticket.status.replace('_', ' ')}): {ticket.problem} — "
                       + _unit_text(ticket.unit), ticket.unit.ref)
        self.results.show()
        self.ui.passportPanel.clear()
        more = " — only the first of each kind are shown: type more to narrow it down" if result.truncated else ""
        self.ui.banner.say(f"{result.count} found for '{result.text}'{more}. Choose one and press Enter.",
                           "warn" if result.truncated else "info")
        self.results.setCurrentRow(0)
        self.sig_searched.emit(result)

    def _line(self, text: str, ref: str | None) -> None:
        item = QListWidgetItem(text)
        item.setData(REF_ROLE, ref)
        self.results.addItem(item)

    def open_row(self, row: int) -> None:
        """A result line chosen: its unit's passport (a customer's own line only heads their units)."""
        item = self.results.item(row)
        ref = item.data(REF_ROLE) if item is not None else None
        if ref:
            self._passport(str(ref))

    def _found(self, p: ItemPassport) -> None:
        self.ui.passportPanel.show_passport(p)
        self.ui.banner.say(f"{p.product} · {p.serial} · {owner_text(p)}")
        self.ui.scanEdit.flash("good")
        self.sig_passport_shown.emit(p)

    def _refused(self, message: str) -> None:
        self.ui.passportPanel.clear()
        self.results.clear()
        self.results.hide()
        self.ui.banner.bad(message)
        self.ui.scanEdit.flash("bad")
        self.sig_refused.emit(message)


def _unit_text(unit: FoundUnit) -> str:
    return f"{unit.ref}  {unit.product} · {unit.status.replace('_', ' ')}"
