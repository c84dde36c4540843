"""A table model over frozen DTO rows: columns say how to show a row; nothing is copied into items."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

TONES = {"good": "#15803d", "bad": "#b91c1c", "warn": "#b45309", "muted": "#64748b"}
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[T]):
    """How one column shows a row: its text, how it sorts, and optionally a tone (colour) and tooltip."""

    title: str
    text: Callable[[T], str]
    sort: Callable[[T], Any] | None = None
    align: Qt.AlignmentFlag = LEFT
    tone: Callable[[T], str | None] | None = None
    tooltip: Callable[[T], str] | None = None
    raw: Callable[[T], object] | None = None  # the value in a CSV export (plain numbers); the text if None
    # How an XLSX cell shows the raw value when its type alone does not say: "percent" (a Decimal ratio),
    # "money" or "text"; None: by the value's type (Decimal, int, date, datetime, str).
    kind: str | None = None

    def value(self, row: T) -> object:
        """The value itself (a Decimal, an int, a date …) for a typed cell; the text without ``raw``."""
        return self.raw(row) if self.raw is not None else self.text(row)

    def export(self, row: T) -> str:
        value = self.value(row)
        return "" if value is None else str(value)


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows of frozen values; ``set_rows`` replaces them all, ``insert_first`` adds one on top."""

    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: list[T] = []

    # --- the rows ------------------------------------------------------------------------------------------

    def rows(self) -> tuple[T, ...]:
        return tuple(self._rows)

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def insert_first(self, row: T, keep: int | None = None) -> None:
        """Put ``row`` on top; with ``keep``, drop the oldest rows beyond that many."""
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, row)
        self.endInsertRows()
        if keep is not None and len(self._rows) > keep:
            self.beginRemoveRows(QModelIndex(), keep, len(self._rows) - 1)
            del self._rows[keep:]
            self.endRemoveRows()

    def append(self, row: T) -> None:
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(row)
        self.endInsertRows()

    def replace(self, row: int, value: T) -> None:
        self._rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))

    def remove(self, row: int) -> T:
        self.beginRemoveRows(QModelIndex(), row, row)
        value = self._rows.pop(row)
        self.endRemoveRows()
        return value

    # --- Qt's side -----------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return self._columns[section].align
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.text(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.ForegroundRole and column.tone is not None:
            tone = column.tone(row)
            return QBrush(QColor(TONES[tone])) if tone else None
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return None


def sorted_view(model: RowsModel[Any]) -> QSortFilterProxyModel:
    """A proxy that sorts by each column's sort key and filters on any column's text (case-insensitive)."""
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy
