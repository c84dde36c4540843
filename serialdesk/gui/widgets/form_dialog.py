"""Small input dialogs (new customer, log work, close ticket …), built from a list of fields.

The dialog does not call services itself: it emits ``sig_submitted(values)``; the pane runs the call and
answers with ``finish()`` (closes) or ``refuse(message)`` (stays open with the reason, nothing retyped).
A dialog with a ``scan_field`` (or several) takes the scanner's input while it is open; with a ``scan_reader``
each scan is read by the one classifier first (off the GUI thread), so a GS1 label puts its serial in the field
— never the raw string, whose GS separators a line edit would drop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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

from serialdesk.gui.tasks import TaskRunner
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


@dataclass(frozen=True)
class ScanReader:
    """How a form reads a scan routed to it: ``read`` (a service call, on the worker) gives the field's text."""

    read: Callable[[str], str]
    runner: TaskRunner


class FormDialog(QDialog):
    sig_submitted = Signal(dict)
    sig_scanned = Signal(str)

    def __init__(self, title: str, fields: Sequence[Field], *, intro: str = "", ok_text: str = "OK",
                 scan_field: str | Sequence[str] | None = None, scan_reader: ScanReader | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("formDialog")
        self.setMinimumWidth(460)
        self._fields = {f.name: f for f in fields}
        self._scan_fields = (scan_field,) if isinstance(scan_field, str) else tuple(scan_field or ())
        self._scan_reader = scan_reader
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
        if not self._scan_fields:
            self.banner.warn("This form does not take scans; finish or cancel it first.")
            return
        reader = self._scan_reader
        if reader is None:
            self.take_scan(text.strip())
            return
        read = reader.read
        reader.runner.run(lambda: read(text), self.take_scan, self.banner.bad, label="read a scan")

    def take_scan(self, value: str) -> None:
        """Into the scan field with the cursor if it is empty (or a list, which gets one more line), else the
        first empty one — so a range's two scans fill first and last — else the one with the cursor, or the last."""
        name = self._scan_target()
        widget = self.inputs[name]
        if isinstance(widget, QPlainTextEdit):
            lines = widget.toPlainText().rstrip("\n")
            widget.setPlainText(f"{lines}\n{value}" if lines else value)
        else:
            self.set_value(name, value)
        self.banner.say(f"Scanned: {value}")
        self.sig_scanned.emit(value)

    def _scan_target(self) -> str:
        values = self.values()
        focused = [n for n in self._scan_fields if self.inputs[n].hasFocus()]
        empty = [n for n in self._scan_fields if not str(values[n]).strip()]
        if focused and (focused[0] in empty or not empty or isinstance(self.inputs[focused[0]], QPlainTextEdit)):
            return focused[0]
        return empty[0] if empty else self._scan_fields[-1]

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
