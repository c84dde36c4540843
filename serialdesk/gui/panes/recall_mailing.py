"""The recall pane's "E-mail letters" (issue 18 §5): each customer not yet contacted who has an e-mail address gets
the letter's text and PDF through the shop's mail server, on the worker; a line is marked contacted only when the
server accepted it. Without a mail server, .eml files go into a folder the user picks and nobody is marked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from serialdesk.config import smtp_password
from serialdesk.documents.recall_mail import MailReport, email_recall_letters
from serialdesk.gui.generated.ui_recall_pane import Ui_RecallPane
from serialdesk.gui.models.recall import CustomerToContact, customers_to_contact
from serialdesk.gui.models.table import RowsModel
from serialdesk.gui.tasks import Task
from serialdesk.labels import letters as _letters  # noqa: F401 - painted on the worker: Qt imported here, on the GUI thread
from serialdesk.services.bundle import Services
from serialdesk.services.dto import PartyView, RecallView
from serialdesk.services.shop import ShopProfileView


class _Record(Protocol):
    def load(self, select_id: int | None = None) -> None: ...


class RecallMailHost(Protocol):
    """What the mailing needs of the recall pane (so it never imports the pane)."""

    ui: Ui_RecallPane
    services: Services
    customers: RowsModel[CustomerToContact]
    record: _Record
    sig_started: SignalInstance

    def call(self, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
             failed: Callable[[str], None] | None = None, *, label: str = "") -> Task: ...


class RecallMailing(QObject):
    sig_mailed = Signal(object)  # MailReport

    def __init__(self, host: RecallMailHost) -> None:
        widget = host if isinstance(host, QWidget) else None
        super().__init__(widget)
        self.host, self.widget = host, widget
        self.view: RecallView | None = None
        self.button = QPushButton("E-mail letters", host.ui.startedCard)
        self.button.setObjectName("emailLettersButton")
        self.button.setToolTip("E-mail each customer with an address the letter (text and PDF) through the shop's "
                               "mail server (Settings → Shop profile); marked contacted once the server accepts it")
        self.button.setEnabled(False)
        host.ui.outputsLayout.insertWidget(host.ui.outputsLayout.indexOf(host.ui.lettersButton) + 1, self.button)
        self.button.clicked.connect(self.ask)
        host.sig_started.connect(self.started)

    def started(self, view: RecallView) -> None:
        self.view = view
        self.button.setEnabled(view.counts.get("customers", 0) > 0)

    def ask(self) -> None:
        """Read the shop's mail settings first (on the worker); without a server, ask where the .eml files go."""
        if self.view is None:
            return
        view = self.view
        self.host.call(self.host.services.shop.profile, lambda profile: self._with_profile(view, profile),
                       self.host.ui.banner.bad, label="read the shop's mail settings")

    def _with_profile(self, view: RecallView, profile: ShopProfileView) -> None:
        folder = ""
        if not profile.smtp_host:
            folder = QFileDialog.getExistingDirectory(
                self.widget, "No mail server is set — save the e-mails as .eml files in", str(Path.home()))
            if not folder:
                self.host.ui.banner.say("Nothing was e-mailed. Set the shop's mail server in Settings → Shop "
                                        "profile.")
                return
        self.send(view, profile, folder)

    def send(self, view: RecallView, profile: ShopProfileView, eml_dir: str) -> None:
        recalls, recall_id = self.host.services.recalls, view.id or 0
        waiting = {u.customer.id for u in view.units if u.customer and u.contacted_at is None}

        def mark(p: PartyView, to: str) -> None:
            recalls.mark_contacted(recall_id, p.number, emailed_to=to)

        def work() -> tuple[MailReport, RecallView]:
            report = email_recall_letters(view, profile, password=smtp_password(profile.smtp_host, profile.smtp_user),
                                          mark=mark, eml_dir=Path(eml_dir or "."), only=lambda p: p.id in waiting)
            return report, recalls.recall(recall_id)

        self.button.setEnabled(False)
        self.host.ui.banner.say(f"E-mailing the letters of recall {view.number}…")
        self.host.call(work, self._sent, self._failed, label="e-mail the recall letters")

    def _failed(self, message: str) -> None:
        self.button.setEnabled(True)
        self.host.ui.banner.bad(message)

    def _sent(self, result: tuple[MailReport, RecallView]) -> None:
        report, view = result
        self.view = view
        self.button.setEnabled(True)
        (self.host.ui.banner.good if report.complete else self.host.ui.banner.warn)(report.text())
        self.host.customers.set_rows(customers_to_contact(view))
        self.host.record.load(select_id=view.id)
        self.sig_mailed.emit(report)
