"""Receiving against a delivery note: the serials it lists, checked off live as they are scanned.

The list comes pasted, from a CSV/TXT file (the first column) or from the supplier's EPCIS 2.0 shipment
(.jsonld/.json: its shipping events' units of the product being received, read as ``receive --expected``). The
dialog stays open beside the pane (it is not modal, so scans keep going to the pane) and shows expected / scanned
/ missing / unexpected counts and a list filtered by text and by state.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFileDialog

from serialdesk.gui.generated.ui_expected_dialog import Ui_ExpectedDialog
from serialdesk.gui.models.table import Column, RowsModel, sorted_view
from serialdesk.gui.panes.receiving_bulk import parse_serials
from serialdesk.gui.panes.receiving_host import ReceivingHost
from serialdesk.gui.widgets.tables import fit_columns
from serialdesk.services.epcis_import import EpcisChecklist, not_applying_text
from serialdesk.workflows.purchasing import is_epcis, shipment_checklist

SCANNED, MISSING, UNEXPECTED = "Scanned", "Missing", "Unexpected"
STATES = (("All serials", ""), ("Missing", MISSING), ("Scanned", SCANNED), ("Unexpected", UNEXPECTED))
_TONES = {SCANNED: "good", MISSING: "warn", UNEXPECTED: "bad"}
FILES = "Serial notices (*.csv *.jsonld *.json);;Lists (*.csv *.txt);;All files (*)"
_NOTES = {SCANNED: "On the list and on this receipt", MISSING: "On the list, not scanned yet",
          UNEXPECTED: "Scanned, but not on the list"}


@dataclass(frozen=True)
class ExpectedLine:
    serial: str
    state: str  # Scanned · Missing · Unexpected


EXPECTED_COLUMNS: tuple[Column[ExpectedLine], ...] = (
    Column("Serial", lambda line: line.serial),
    Column("State", lambda line: line.state, tone=lambda line: _TONES[line.state],
           tooltip=lambda line: _NOTES[line.state]),
)


def checklist(expected: list[str], scanned: list[str]) -> list[ExpectedLine]:
    """The expected serials in their order, each scanned or missing, then the scanned ones not expected.

    Serials compare without regard to case, as scanners and delivery notes disagree on it."""
    seen = {s.upper() for s in scanned}
    listed = {s.upper() for s in expected}
    lines = [ExpectedLine(s, SCANNED if s.upper() in seen else MISSING) for s in expected]
    return lines + [ExpectedLine(s, UNEXPECTED) for s in scanned if s.upper() not in listed]


class ExpectedDialog(QDialog):
    def __init__(self, pane: ReceivingHost) -> None:
        super().__init__(pane)  # type: ignore[arg-type]  # the pane is a QWidget
        self.pane = pane
        self.ui = Ui_ExpectedDialog()
        self.ui.setupUi(self)
        self.expected: list[str] = []
        self.counts: dict[str, int] = {}
        self.lines = RowsModel(EXPECTED_COLUMNS, self)
        self.by_state = sorted_view(self.lines)
        self.by_state.setFilterKeyColumn(1)
        self.by_text = sorted_view(self.lines)
        self.by_text.setSourceModel(self.by_state)
        self.by_text.setFilterKeyColumn(0)
        self.ui.listView.setModel(self.by_text)
        fit_columns(self.ui.listView, (1,), stretch=0)
        for shown, state in STATES:
            self.ui.stateCombo.addItem(shown, state)
        for name in ("expectedCount", "scannedCount", "missingCount", "unexpectedCount"):
            getattr(self.ui, name).setProperty("role", "strong")
        self._connect()

    def _connect(self) -> None:
        ui = self.ui
        ui.openButton.clicked.connect(self.ask_file)
        ui.applyButton.clicked.connect(self.use_pasted)
        ui.filterEdit.textChanged.connect(self.by_text.setFilterFixedString)
        ui.stateCombo.currentIndexChanged.connect(lambda _i: self._filter_state())
        ui.buttons.rejected.connect(self.close)
        for keys, slot in (("Ctrl+O", self.ask_file), ("Ctrl+Return", self.use_pasted),
                           ("Ctrl+Enter", self.use_pasted), ("Ctrl+F", ui.filterEdit.setFocus)):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        self.pane.ui.expectedButton.clicked.connect(self.start)
        self.pane.shortcut("Ctrl+Shift+E", self.start)
        # Every outcome, undo, reset or resume changes the pane's list of scans: check again then.
        # Only while the dialog is shown: a 10,000-serial paste must not rebuild a hidden list per chunk.
        self.pane.scans.rowsInserted.connect(lambda *_: self._refresh_shown())
        self.pane.scans.modelReset.connect(self._refresh_shown)

    def _refresh_shown(self) -> None:
        if self.isVisible():
            self.refresh()

    def start(self) -> None:
        self.refresh()
        self.show()
        self.raise_()
        self.activateWindow()

    def use_pasted(self) -> None:
        self.set_expected(parse_serials(self.ui.pasteEdit.toPlainText()), "the pasted text")

    def ask_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, "Open the list of expected serials", "", FILES)
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        if is_epcis(path):  # the supplier's EPCIS shipment, read as `receive --expected FILE.jsonld` reads it
            services, sku = self.pane.services, self.pane.current_sku()
            self.pane.call(lambda: shipment_checklist(services, path, sku), lambda got: self._shipped(got, path),
                           self.ui.banner.bad, label="read the supplier's EPCIS shipment")
            return
        try:
            text = path.read_text(encoding="utf-8-sig", errors="replace")
        except OSError as exc:
            self.ui.banner.bad(f"Could not read {path.name}: {exc.strerror or exc}.")
            return
        serials = parse_serials(text)
        if serials and not any(ch.isdigit() for ch in serials[0]):
            serials = serials[1:]  # a heading such as "serial" in the first row
        self.ui.pasteEdit.setPlainText("\n".join(serials))
        self.set_expected(serials, path.name)

    def _shipped(self, got: EpcisChecklist, path: Path) -> None:
        self.ui.pasteEdit.setPlainText("\n".join(got.serials))
        self.set_expected(list(got.serials), path.name)
        if got.notes:
            self.ui.banner.warn(f"{got.headline(path.name)} {not_applying_text(got.notes)}")

    def set_expected(self, serials: list[str], source: str) -> None:
        if not serials:
            self.ui.banner.bad(f"There are no serials in {source}.")
            return
        self.expected = serials
        self.ui.banner.good(f"{len(serials)} serials expected, from {source}. Scan away: the list keeps up.")
        self.refresh()

    def refresh(self) -> None:
        lines = checklist(self.expected, [u.serial for u in self.pane.session.accepted])
        self.lines.set_rows(lines)
        counts = {state: sum(1 for line in lines if line.state == state) for state in (SCANNED, MISSING, UNEXPECTED)}
        ui = self.ui
        ui.expectedCount.setText(f"{len(self.expected)} expected")
        ui.scannedCount.setText(f"{counts[SCANNED]} scanned")
        ui.missingCount.setText(f"{counts[MISSING]} missing")
        ui.unexpectedCount.setText(f"{counts[UNEXPECTED]} unexpected")
        self.counts = {"expected": len(self.expected), "scanned": counts[SCANNED], "missing": counts[MISSING],
                       "unexpected": counts[UNEXPECTED]}

    def shown_serials(self) -> list[str]:
        """The serials the list shows now (after both filters), top to bottom."""
        return [str(self.by_text.index(row, 0).data()) for row in range(self.by_text.rowCount())]

    def _filter_state(self) -> None:
        state = str(self.ui.stateCombo.currentData() or "")
        self.by_state.setFilterRegularExpression(QRegularExpression(f"^{state}$" if state else ""))
