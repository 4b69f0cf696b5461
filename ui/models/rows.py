"""A read-only table model over a list of records, with one function per column.

Used for the small tables of the window (indicators, progress timeline, evidence,
history, units, recycle bin, overview), so each is an item model, never a widget per row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


_DOTS: dict[str, QPixmap] = {}


def dot(colour: str, size: int = 12) -> QPixmap:
    """A small filled circle (亮灯) for DecorationRole, cached per colour."""
    key = f"{colour}/{size}"
    pixmap = _DOTS.get(key)
    if pixmap is None:
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(colour).darker(130))
        painter.setBrush(QColor(colour))
        painter.drawEllipse(1, 1, size - 2, size - 2)
        painter.end()
        _DOTS[key] = pixmap
    return pixmap


@dataclass(frozen=True)
class Column(Generic[T]):
    title: str
    text: Callable[[T], Any]
    tooltip: Callable[[T], str | None] | None = None
    colour: Callable[[T], str | None] | None = None  # a DecorationRole dot
    align_right: bool = False


class RowsModel(QAbstractTableModel, Generic[T]):
    RecordRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, columns: Sequence[Column[T]], records: Sequence[T] = ()) -> None:
        super().__init__()
        self._columns = list(columns)
        self._records: list[T] = list(records)

    def set_records(self, records: Sequence[T]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list[T]:
        return self._records

    def record(self, row: int) -> T | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.text(record)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        if role == Qt.ItemDataRole.DecorationRole and column.colour is not None:
            colour = column.colour(record)
            return dot(colour) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.RecordRole:
            return index.row()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
