"""The Transfers pane's widgets: open a transfer (from, to), the transfers, and the one shown — scan out or in,
what is short or extra, and its units."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from serialdesk.gui.models.table import RowsModel, sorted_view
from serialdesk.gui.panes.purchasing_layout import table
from serialdesk.gui.panes.transfers_models import TRANSFER_COLUMNS, UNIT_COLUMNS
from serialdesk.gui.widgets.feedback import Banner
from serialdesk.gui.widgets.scan_field import ScanField
from serialdesk.gui.widgets.tables import fit_columns


def build(pane: Any) -> None:
    """Builds the widgets onto the pane (TransfersPane): the attributes it then uses are set here."""
    layout = QVBoxLayout(pane)
    pane.banner = Banner(pane)
    pane.banner.say("Open a transfer from one location to another, then scan the units out; at the other "
                    "end, scan them in.")
    layout.addWidget(pane.banner)
    row = QHBoxLayout()
    pane.from_combo, pane.to_combo = QComboBox(pane), QComboBox(pane)
    for combo in (pane.from_combo, pane.to_combo):
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMinimumWidth(170)
    pane.open_button = QPushButton("Open transfer", pane)
    pane.open_button.setObjectName("openButton")
    for widget in (QLabel("From", pane), pane.from_combo, QLabel("to", pane), pane.to_combo, pane.open_button):
        row.addWidget(widget)
    row.addStretch(1)
    pane.resolve_button = QPushButton("Resolve…", pane)
    pane.resolve_button.setToolTip("Close the transfer shown; say what became of units that did not arrive")
    row.addWidget(pane.resolve_button)
    layout.addLayout(row)

    split = pane.split = QSplitter(Qt.Orientation.Horizontal, pane)
    pane.transfers = RowsModel(TRANSFER_COLUMNS, pane)
    pane.transfers_view = table(split, "transfersView")
    pane.transfers_sorted = sorted_view(pane.transfers)
    pane.transfers_view.setModel(pane.transfers_sorted)
    fit_columns(pane.transfers_view, (0, 2, 3, 4), stretch=1)
    right = QWidget(split)
    side = QVBoxLayout(right)
    side.setContentsMargins(0, 0, 0, 0)
    pane.title_label = QLabel("No transfer chosen", right)
    pane.title_label.setProperty("role", "strong")
    pane.title_label.setWordWrap(True)
    side.addWidget(pane.title_label)
    mode = QHBoxLayout()
    pane.out_radio = QRadioButton("Scan out (sending)", right)
    pane.in_radio = QRadioButton("Scan in (arriving)", right)
    pane.out_radio.setChecked(True)
    mode.addWidget(pane.out_radio)
    mode.addWidget(pane.in_radio)
    mode.addStretch(1)
    side.addLayout(mode)
    pane.scan_edit = ScanField(right)
    pane.scan_edit.setObjectName("scanEdit")
    pane.scan_edit.setPlaceholderText("Scan or type a serial, then Enter")
    side.addWidget(pane.scan_edit)
    pane.problems_label = QLabel("", right)
    pane.problems_label.setWordWrap(True)
    pane.problems_label.setObjectName("problemsLabel")
    pane.problems_label.setProperty("role", "banner")
    side.addWidget(pane.problems_label)
    pane.units = RowsModel(UNIT_COLUMNS, pane)
    pane.units_view = table(right, "unitsView")
    pane.units_view.setModel(sorted_view(pane.units))
    fit_columns(pane.units_view, (1, 2, 3), stretch=0)
    side.addWidget(pane.units_view, 1)
    split.addWidget(pane.transfers_view)
    split.addWidget(right)
    split.setStretchFactor(0, 1)
    split.setStretchFactor(1, 1)
    layout.addWidget(split, 1)
