"""Fitted columns are measured once per turn of the event loop, not once per model signal (a wedge scan's row
fired six measurements of every fitted column: 3–5 ms of each scan)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from serialdesk.gui.widgets.tables import MAX_FITTED_WIDTH, fit_columns

pytestmark = pytest.mark.gui


def test_a_burst_of_rows_is_measured_once_and_the_columns_still_fit(qtbot: QtBot) -> None:
    model = QStandardItemModel(0, 3)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    fit_columns(view, (0, 1), stretch=2)
    measured: list[int] = []
    real = view.resizeColumnToContents
    view.resizeColumnToContents = lambda column: (measured.append(column), real(column))  # type: ignore[method-assign]
    for n in range(5):
        model.appendRow([QStandardItem(f"SERIAL-{n:04d}" * (n + 1)), QStandardItem("x" * 400), QStandardItem("")])
        model.removeRow(0) if n == 2 else None
    assert measured == []  # nothing measured while the rows come in
    QApplication.processEvents()
    assert measured == [0, 1]
    header = view.horizontalHeader()
    assert header.sectionSize(0) >= min(view.sizeHintForColumn(0), MAX_FITTED_WIDTH) > 0
    assert header.sectionSize(1) == MAX_FITTED_WIDTH
