"""Small input dialogs (new customer, log work, close ticket …), built from a list of fields.

The dialog does not call services itself: it emits ``sig_submitted(values)``; the pane runs the call and
answers with ``finish()`` (closes) or ``refuse(message)`` (stays open with the reason, nothing retyped).
A dialog with a ``scan_field`` takes the scanner's input while it is open.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from serialdesk.gui.widgets.feedback import Banner


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = "text"  # text · lines · number · choice
    required: bool = False
    placeholder: str = ""
    value: str | int = ""
    minimum: int = 0
    maximum: int = 999_999
    choices: Sequence[tuple[str, str]] = ()  # (shown, value)


class FormDialog(QDialog):
    sig_submitted = Signal(dict)
    sig_scanned = Signal(str)

    def __init__(self, title: str, fields: Sequence[Field], *, intro: str = "", ok_text: str = "OK",
                 scan_field: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("formDialog")
        self.setMinimumWidth(460)
        self._fields = {f.name: f for f in fields}
        self._scan_field = scan_field
        self.inputs: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        self.banner = Banner(self)
        self.banner.say(intro or title)
        layout.addWidget(self.banner)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for f in fields:
            self.inputs[f.name] = self._make_input(f)
            form.addRow(f.label + ("*" if f.required else ""), self.inputs[f.name])
        layout.addLayout(form)
        self.form = form  # subclasses add rows of their own
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _make_input(self, f: Field) -> QWidget:
        if f.kind == "lines":
            edit = QPlainTextEdit(self)
            edit.setPlaceholderText(f.placeholder)
            edit.setPlainText(str(f.value))
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(84)
            return edit
        if f.kind == "number":
            spin = QSpinBox(self)
            spin.setRange(f.minimum, f.maximum)
            spin.setValue(int(f.value or f.minimum))
            return spin
        if f.kind == "choice":
            combo = QComboBox(self)
            for shown, value in f.choices:
                combo.addItem(shown, value)
            return combo
        line = QLineEdit(self)
        line.setPlaceholderText(f.placeholder)
        line.setText(str(f.value))
        return line

    # --- values ------------------------------------------------------------------------------------------

    def values(self) -> dict[str, str | int]:
        out: dict[str, str | int] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText().strip()
            elif isinstance(widget, QSpinBox):
                out[name] = widget.value()
            elif isinstance(widget, QComboBox):
                out[name] = str(widget.currentData())
            elif isinstance(widget, QLineEdit):
                out[name] = widget.text().strip()
        return out

    def set_value(self, name: str, value: str) -> None:
        widget = self.inputs[name]
        if isinstance(widget, QLineEdit):
            widget.setText(value)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)

    # --- the conversation with the pane ------------------------------------------------------------------

    def handle_scan(self, text: str) -> None:
        if self._scan_field is None:
            self.banner.warn("This form does not take scans; finish or cancel it first.")
            return
        self.set_value(self._scan_field, text.strip())
        self.sig_scanned.emit(text.strip())

    def refuse(self, message: str) -> None:
        self._busy(False)
        self.banner.bad(message)

    def finish(self) -> None:
        self._busy(False)
        self.accept()

    def _submit(self) -> None:
        values = self.values()
        missing = [f.label for f in self._fields.values() if f.required and not str(values[f.name]).strip()]
        if missing:
            self.banner.bad(f"Fill in: {', '.join(missing)}.")
            return
        self._busy(True)
        self.sig_submitted.emit(values)

    def _busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        if busy:
            self.banner.say("Saving…")
