"""Settings → Shop profile… (managers): the shop's name, address, VAT number, logo, receipt footer, repair terms,
language, currency and tax rates, and its mail server, stored in the database so every station prints and sends
the same (issue 18). The mail password goes to this computer's keyring, never to the database or QSettings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from serialdesk.config import remember_smtp_password
from serialdesk.gui.tasks import TaskRunner
from serialdesk.gui.widgets.feedback import Banner
from serialdesk.services.bundle import Services
from serialdesk.services.shop import SMTP_TLS_MODES, ShopProfileView

_LINES = (("name", "Shop name"), ("phone", "Phone"), ("email", "E-mail"), ("vat_number", "VAT / company no."),
          ("currency", "Currency (EUR, GBP…)"), ("language", "Language of documents"),
          ("rate_standard", "Standard tax rate %"), ("rate_reduced", "Reduced tax rate %"),
          ("rate_zero", "Zero tax rate %"), ("counter_discount_limit", "Counter's discount limit %"))
_TEXTS = (("address", "Address"), ("receipt_footer", "Receipt footer"), ("repair_terms", "Repair terms"))
_SMTP = (("smtp_host", "Server (SMTP)", "none: saved as .eml files"), ("smtp_port", "Port", "0: the usual one"),
         ("smtp_user", "User", "none: no login"), ("smtp_sender", "From", "the shop's e-mail"))
NO_KEYRING = ("This computer has no keyring to keep the mail password in: set SERIALDESK_SMTP_PASSWORD for "
              "serialdesk instead.")


class ShopSettingsDialog(QDialog):
    """Loads the profile off the GUI thread, saves it as one service call; ``sig_saved(profile)``."""

    sig_saved = Signal(object)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Shop profile")
        self.services, self.runner = services, runner
        self.logo: bytes | None = None
        self.logo_changed = False
        self.banner = Banner(self)
        form = QFormLayout()
        self.lines: dict[str, QLineEdit] = {}
        self.texts: dict[str, QPlainTextEdit] = {}
        for key, label in _LINES[:4]:
            self.lines[key] = QLineEdit(self)
            form.addRow(label, self.lines[key])
        self.texts["address"] = QPlainTextEdit(self)
        self.texts["address"].setFixedHeight(70)
        form.insertRow(1, "Address", self.texts["address"])
        for key, label in _LINES[4:]:
            self.lines[key] = QLineEdit(self)
            form.addRow(label, self.lines[key])
        self.incl_tax = QCheckBox("Prices are entered including tax", self)
        form.addRow("", self.incl_tax)
        for key, label in _TEXTS[1:]:
            self.texts[key] = QPlainTextEdit(self)
            self.texts[key].setFixedHeight(60)
            form.addRow(label, self.texts[key])
        self.logo_preview = QLabel("no logo", self)
        choose, remove = QPushButton("Choose…", self), QPushButton("Remove", self)
        choose.setToolTip("A PNG or JPEG image under 1 MB, printed at the top of every document")
        choose.clicked.connect(self.ask_logo)
        remove.clicked.connect(lambda: self.set_logo(b""))
        logo_row = QHBoxLayout()
        for widget in (self.logo_preview, choose, remove):
            logo_row.addWidget(widget)
        form.addRow("Logo", logo_row)
        mail_box = QGroupBox("E-mail (receipts, recall letters)", self)
        mail = QFormLayout(mail_box)
        mail_box.setMinimumWidth(380)
        for key, label, hint in _SMTP:
            self.lines[key] = QLineEdit(self)
            self.lines[key].setPlaceholderText(hint)
            self.lines[key].setAccessibleName(f"Mail {label}")
            mail.addRow(label, self.lines[key])
        self.tls = QComboBox(self)
        self.tls.addItems(list(SMTP_TLS_MODES))
        self.tls.setAccessibleName("Mail connection security")
        mail.addRow("Security", self.tls)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Mail password")
        self.password.setPlaceholderText("unchanged")
        mail.addRow("Password", self.password)
        mail.addRow(QLabel("The password stays in this computer's keyring: type it on each station that sends "
                           "mail. Without a mail server, e-mails are saved as .eml files.", wordWrap=True))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        columns = QHBoxLayout()
        columns.addLayout(form, 1)
        column = QVBoxLayout()
        column.addWidget(mail_box)
        column.addStretch(1)
        columns.addLayout(column, 1)
        layout.addLayout(columns)
        layout.addWidget(self.buttons)
        self.buttons.setEnabled(False)
        self.runner.run(self.services.shop.profile, self.show_profile, self.banner.bad, label="read the shop profile")

    def show_profile(self, p: ShopProfileView) -> None:
        for key, edit in self.lines.items():
            edit.setText(str(getattr(p, key)))
        for key, text in self.texts.items():
            text.setPlainText(str(getattr(p, key)))
        self.incl_tax.setChecked(p.prices_include_tax)
        self.tls.setCurrentText(p.smtp_tls)
        if not p.smtp_port:
            self.lines["smtp_port"].clear()  # the placeholder says: the usual one
        self.logo, self.logo_changed = p.logo, False
        self._preview()
        self.buttons.setEnabled(True)
        if p.missing:
            self.banner.warn(f"Receipts need the shop's {', '.join(p.missing)}.")

    def ask_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, "Choose the shop's logo", str(Path.home()),
                                                    "Images (*.png *.jpg *.jpeg)")
        if path:
            try:
                self.set_logo(Path(path).read_bytes())
            except OSError as exc:
                self.banner.bad(f"Cannot read {path}: {exc.strerror or exc}.")

    def set_logo(self, data: bytes) -> None:
        self.logo, self.logo_changed = data or None, True
        self._preview()

    def _preview(self) -> None:
        pixmap = QPixmap()
        if self.logo and pixmap.loadFromData(self.logo):
            self.logo_preview.setPixmap(pixmap.scaledToHeight(48))
        else:
            self.logo_preview.setText("no logo" if not self.logo else "not an image the shop can print")

    def values(self) -> dict[str, Any]:
        found: dict[str, Any] = {key: edit.text() for key, edit in self.lines.items()}
        found.update({key: text.toPlainText() for key, text in self.texts.items()})
        found["prices_include_tax"] = self.incl_tax.isChecked()
        found["smtp_tls"] = self.tls.currentText()
        found["smtp_port"] = found["smtp_port"].strip() or 0
        if self.logo_changed:
            found["logo"] = self.logo or b""
        return found

    def save(self) -> None:
        values, shop, password = self.values(), self.services.shop, self.password.text()
        self.buttons.setEnabled(False)

        def failed(message: str) -> None:
            self.buttons.setEnabled(True)
            self.banner.bad(message)

        def work() -> tuple[ShopProfileView, bool]:
            profile = shop.update_profile(**values)
            kept = not password or remember_smtp_password(profile.smtp_host, profile.smtp_user, password)
            return profile, kept

        self.runner.run(work, self.saved, failed, label="save the shop profile")

    def saved(self, result: tuple[ShopProfileView, bool]) -> None:
        profile, kept = result
        self.password.clear()
        self.sig_saved.emit(profile)
        if not kept:
            self.buttons.setEnabled(True)
            self.banner.warn("The shop profile was saved. " + NO_KEYRING)
            return
        self.accept()
