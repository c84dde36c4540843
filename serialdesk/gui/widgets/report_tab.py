"""One tab of the reports pane: key figures on top, the chart, the table behind it, and CSV export."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from serialdesk.gui.charts import ChartView
from serialdesk.gui.models.table import Column, RowsModel, sorted_view
from serialdesk.gui.widgets.tables import fit_columns


class Figure(QFrame):
    """A card with one number and what it means."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(0)
        self.value = QLabel("—", self)
        self.value.setProperty("role", "figure")
        self.caption = QLabel(caption, self)
        self.caption.setProperty("role", "caption")
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def show_value(self, text: str, tooltip: str = "") -> None:
        self.value.setText(text)
        self.setToolTip(tooltip)


class ReportTab(QWidget):
    sig_export = Signal()  # the manager asked for the table as CSV

    def __init__(self, figures: Sequence[str], columns: Sequence[Column[Any]], note: str, *, stretch: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._stretch = stretch
        self.rows: RowsModel[Any] = RowsModel(self.columns, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(10)
        row = QHBoxLayout()
        row.setSpacing(10)
        self.figures = {caption: Figure(caption, self) for caption in figures}
        for figure in self.figures.values():
            row.addWidget(figure)
        layout.addLayout(row)
        layout.addWidget(self._body(), 1)
        layout.addLayout(self._footer(note))

    def _body(self) -> QSplitter:
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        card = QFrame(splitter)
        card.setProperty("role", "card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(8, 6, 8, 6)
        self.chart_view = ChartView(card)
        inner.addWidget(self.chart_view)
        self.table = QTableView(splitter)
        self.table.setModel(sorted_view(self.rows))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        fit_columns(self.table, [c for c in range(len(self.columns)) if c != self._stretch], stretch=self._stretch)
        splitter.addWidget(card)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        return splitter

    def _footer(self, note: str) -> QHBoxLayout:
        footer = QHBoxLayout()
        self.note = QLabel(note, self)
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        self.export_button = QPushButton("Export…", self)
        self.export_button.setToolTip("Save the table above as a CSV file or an Excel workbook (XLSX)")
        self.export_button.clicked.connect(self.sig_export.emit)
        self.export_button.setEnabled(False)
        footer.addWidget(self.note, 1)
        footer.addWidget(self.export_button)
        return footer

    def show_rows(self, rows: Sequence[Any]) -> None:
        self.rows.set_rows(rows)
        self.export_button.setEnabled(bool(rows))

    def figure(self, caption: str, text: str, tooltip: str = "") -> None:
        self.figures[caption].show_value(text, tooltip)
