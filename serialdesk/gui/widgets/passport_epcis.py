"""The passport's "EPCIS…" button (issue 16): one unit's history saved as an EPCIS 2.0 document, so a service desk
can hand it to the manufacturer. The file is written on the task runner of the window showing the passport (the
look-up dialog, the service pane: anything with ``services`` and ``runner``); the outcome is said next to the
button, a refusal in the service's words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from serialdesk.services.epcis import EpcisExport, EpcisExported


class EpcisSaver(QObject):
    sig_saved = Signal(str, int)  # the file, the events written
    sig_failed = Signal(str)

    def __init__(self, panel: Any) -> None:
        super().__init__(panel)
        self.panel = panel
        row = QHBoxLayout()
        self.note = QLabel("", panel.ui.content)
        self.note.setObjectName("epcisNote")
        self.note.setWordWrap(True)
        self.button = QPushButton("EPCIS…", panel.ui.content)
        self.button.setObjectName("epcisButton")
        self.button.setToolTip("Save this unit's history as an EPCIS 2.0 file (JSON-LD), e.g. for its manufacturer")
        self.button.clicked.connect(self.ask)
        row.addWidget(self.note, 1)
        row.addWidget(self.button)
        panel.ui.contentLayout.addLayout(row)

    def ask(self) -> None:
        p = self.panel.passport
        if p is None:
            return
        name = "".join(c if c.isalnum() or c in "-_." else "-" for c in f"{p.sku}-{p.serial}") + ".jsonld"
        path, _ = QFileDialog.getSaveFileName(self.panel, f"Save the history of {p.sku} {p.serial} as EPCIS",
                                              str(Path.home() / name), "EPCIS JSON-LD (*.jsonld)")
        if path:
            self.save(path)

    def save(self, path: str | Path) -> None:
        p, host = self.panel.passport, _host(self.panel)
        if p is None or host is None:
            return
        export = EpcisExport.like(host.services.export)
        sku, serial = p.sku, p.serial
        self.note.setText(f"Writing the history of {serial}…")
        host.runner.run(lambda: export.unit(path, sku, serial), self._saved, self._failed,
                        label=f"save the EPCIS history of {serial}")

    def _saved(self, done: EpcisExported) -> None:
        self.note.setText(f"Saved {done.file}: {done.events} EPCIS event(s).")
        self.sig_saved.emit(done.file, done.events)

    def _failed(self, message: str) -> None:
        self.note.setText(message)
        self.sig_failed.emit(message)


def _host(widget: QWidget) -> Any:
    """The nearest parent that runs service calls (it has ``services`` and ``runner``)."""
    here: Any = widget.parentWidget()
    while here is not None and not (hasattr(here, "services") and hasattr(here, "runner")):
        here = here.parentWidget()
    return here
