"""The Digital Link resolver in Settings (issue 16): the web address labels put before /01/GTIN/21/SERIAL. Kept in
the station's settings file under ``resolver``, which the CLI reads too (config.Settings.resolver)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from serialdesk.gui.preferences import preference_store

DEFAULT = "https://id.gs1.org"


class ResolverField:
    def __init__(self, form: QFormLayout, parent: QWidget, store: QSettings | None) -> None:
        self.store = store
        self.edit = QLineEdit(parent)
        self.edit.setObjectName("resolverEdit")
        self.edit.setPlaceholderText(DEFAULT)
        self.edit.setToolTip("Where a phone scanning a Digital Link QR label is sent: your own resolver or GS1's "
                             f"(empty: {DEFAULT})")
        self.edit.setText(str((store or preference_store()).value("resolver", "") or ""))
        form.addRow("Digital Link resolver", self.edit)

    def value(self) -> str:
        return self.edit.text().strip().rstrip("/")

    def problem(self) -> str | None:
        text = self.value()
        if text and (not text.lower().startswith(("https://", "http://")) or " " in text or len(text) < 10):
            return f"The Digital Link resolver '{text}' is not a web address (e.g. https://id.gs1.org)."
        return None

    def save(self) -> None:
        store = self.store or preference_store()
        store.setValue("resolver", self.value())
        store.sync()
