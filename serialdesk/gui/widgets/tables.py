"""Table views that size their columns to what they show.

QHeaderView's ResizeToContents ignores the rows once the vertical header is hidden (as it is everywhere here),
so the fitted columns are re-measured whenever the rows change.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

MAX_FITTED_WIDTH = 360  # a long serial or name must not push the stretching column out of sight


def fit_columns(view: QTableView, fitted: Sequence[int], stretch: int) -> None:
    """Columns ``fitted`` follow their contents; ``stretch`` takes the rest of the width."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    model = view.model()
    for column in range(model.columnCount()):
        mode = QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.Interactive
        header.setSectionResizeMode(column, mode)

    def refit() -> None:
        for column in fitted:
            view.resizeColumnToContents(column)
            if header.sectionSize(column) > MAX_FITTED_WIDTH:
                header.resizeSection(column, MAX_FITTED_WIDTH)

    # One refit per turn of the event loop, however many model signals came (a scan's row is an insert and a
    # remove, a paste thousands): measuring the columns on every signal cost a wedge scan 3–5 ms.
    timer = QTimer(view)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(refit)
    _watch(model, lambda *_args: timer.start())
    refit()


def _watch(model: QAbstractItemModel, refit: object) -> None:
    for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged, model.layoutChanged):
        signal.connect(refit)
