"""Sign in with user name and PIN (``App.login``, off the GUI thread: a PIN check takes a moment)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from serialdesk.bootstrap import App
from serialdesk.domain.roles import Actor
from serialdesk.gui.generated.ui_login_dialog import Ui_LoginDialog
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.wedge import NO_SCANS


class LoginDialog(QDialog):
    sig_signed_in = Signal(object)  # Actor
    sig_refused = Signal(str)

    def __init__(self, app: App, runner: TaskRunner, user: str = "", message: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.setProperty(NO_SCANS, True)  # user name and PIN are typed by a person, however quickly
        self.app, self.runner = app, runner
        self.actor: Actor | None = None
        self.ui.subtitleLabel.setText(f"Sign in to station {app.settings.station}")
        self.ui.userEdit.setText(user)
        self.ui.signInButton.clicked.connect(self.sign_in)
        self.ui.quitButton.clicked.connect(self.reject)
        if message:
            self.ui.messageLabel.bad(message)
        (self.ui.pinEdit if user else self.ui.userEdit).setFocus()

    def sign_in(self) -> None:
        name, pin = self.ui.userEdit.text().strip(), self.ui.pinEdit.text()
        if not name or not pin:
            self.ui.messageLabel.warn("Enter your user name and your PIN.")
            return
        self._busy(True)
        app = self.app
        self.runner.run(lambda: app.login(name, pin), self._signed_in, self._refused, label="sign in")

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self._busy(False)
        self.sig_signed_in.emit(actor)
        self.accept()

    def _refused(self, message: str) -> None:
        self._busy(False)
        self.ui.messageLabel.bad(message)
        self.ui.pinEdit.clear()
        self.ui.pinEdit.setFocus()
        self.sig_refused.emit(message)

    def _busy(self, busy: bool) -> None:
        self.ui.signInButton.setEnabled(not busy)
        if busy:
            self.ui.messageLabel.say("Checking…")
