"""Ctrl+L from anywhere: scan any unit and see its passport, without leaving what you were doing."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from serialdesk.bootstrap import Services
from serialdesk.gui.generated.ui_lookup_dialog import Ui_LookupDialog
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.widgets.passport import owner_text
from serialdesk.services.dto import ItemPassport


class LookupDialog(QDialog):
    sig_passport_shown = Signal(object)
    sig_refused = Signal(str)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LookupDialog()
        self.ui.setupUi(self)
        self.ui.passportCard.setProperty("role", "card")
        self.services, self.runner = services, runner
        self.ui.scanEdit.sig_entered.connect(self._typed)
        self.ui.buttons.rejected.connect(self.reject)

    def start(self) -> None:
        self.open()
        self.ui.scanEdit.setFocus()
        self.ui.scanEdit.selectAll()

    def handle_scan(self, text: str) -> None:
        self.ui.scanEdit.show_scan(text)
        lookup = self.services.lookup
        self.runner.run(lambda: lookup.passport(text), self._found, self._refused, label=f"look up {text}")

    def _typed(self, text: str) -> None:
        self.handle_scan(text)

    def _found(self, p: ItemPassport) -> None:
        self.ui.passportPanel.show_passport(p)
        self.ui.banner.say(f"{p.product} · {p.serial} · {owner_text(p)}")
        self.ui.scanEdit.flash("good")
        self.sig_passport_shown.emit(p)

    def _refused(self, message: str) -> None:
        self.ui.passportPanel.clear()
        self.ui.banner.bad(message)
        self.ui.scanEdit.flash("bad")
        self.sig_refused.emit(message)
