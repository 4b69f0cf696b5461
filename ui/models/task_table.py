"""The task table (任务台账): a table model over `TaskRow`s and a filter proxy.

Filtering runs over the rows already in memory: the proxy computes the set of accepted
task ids in one pass, then answers `filterAcceptsRow` by set lookup. Sorting is done by
the source model with Python sort keys (one pass, not a comparison per call into Python).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from tracker.lights import Light
from tracker.periods import Period
from tracker.views.table import VIEW_ALL, TaskRow
from ui.models.rows import dot

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    ("code", "序号"),
    ("title", "任务"),
    ("plan", "所属方案"),
    ("lead", "牵头单位"),
    ("support", "配合单位"),
    ("deadline", "完成时限"),
    ("light", "亮灯"),
    ("status", "状态"),
    ("progress", "最新进展"),
    ("completion", "指标完成"),
)
COLUMN_KEYS = [key for key, _ in COLUMNS]


def _col(key: str) -> int:
    return COLUMN_KEYS.index(key)


def _first_line(text: str, limit: int = 80) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


_SORT_KEYS: dict[str, Any] = {
    "code": lambda r: r.order,
    "title": lambda r: r.title,
    "plan": lambda r: (r.plan_label, r.order),
    "lead": lambda r: (r.lead_unit, r.order),
    "support": lambda r: (r.support_units, r.order),
    "deadline": lambda r: (r.deadline or date.max, r.order),
    "light": lambda r: (int(r.light), r.order),
    "status": lambda r: (r.status_label, r.order),
    "progress": lambda r: (r.progress, r.order),
    "completion": lambda r: (-1.0 if r.completion is None else r.completion, r.order),
}


class TaskTableModel(QAbstractTableModel):
    """One row per task, judged as of the current period."""

    TaskIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[TaskRow] = []
        self._row_of: dict[int, int] = {}

    # -- content ---------------------------------------------------------------------
    def set_rows(self, rows: list[TaskRow]) -> None:
        self.beginResetModel()
        self._rows[:] = rows  # in place: the proxy holds this list
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._row_of = {row.id: i for i, row in enumerate(self._rows)}

    def rows(self) -> list[TaskRow]:
        return self._rows

    def row_at(self, row: int) -> TaskRow:
        return self._rows[row]

    def row_of_task(self, task_id: int) -> int | None:
        return self._row_of.get(task_id)

    # -- Qt model --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section][1]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        key = COLUMN_KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.DecorationRole and key == "light":
            return dot(row.light.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        if role == self.TaskIdRole:
            return row.id
        return None

    def _display(self, row: TaskRow, key: str) -> str:
        if key == "code":
            return row.code
        if key == "title":
            indent = "　" * row.depth
            return f"{indent}{row.title}"
        if key == "plan":
            return row.plan_label
        if key == "lead":
            return row.lead_unit
        if key == "support":
            return row.support_units
        if key == "deadline":
            return row.deadline_text
        if key == "light":
            return row.light.label
        if key == "status":
            if row.percent is not None and not row.finished:
                return f"{row.status_label} {row.percent}%"
            return row.status_label
        if key == "progress":
            return _first_line(row.progress)
        return row.completion_text

    def _tooltip(self, row: TaskRow, key: str) -> str | None:
        if key == "title":
            return row.title
        if key == "light":
            expected = "" if row.expected_percent is None else f"（序时进度 {row.expected_percent:.0f}%）"
            return f"{row.light.label}：{row.light_reason}{expected}"
        if key == "progress" and row.progress:
            return f"{row.progress_period}：{row.progress}"
        if key == "support" and row.support_units:
            return row.support_units
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[i.row()].id for i in persistent]
        self._rows.sort(key=_SORT_KEYS[COLUMN_KEYS[column]], reverse=order == Qt.SortOrder.DescendingOrder)
        self._reindex()
        self.changePersistentIndexList(
            persistent,
            [
                self.index(self._row_of[task_id], i.column())
                for task_id, i in zip(ids, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()


@dataclass
class TaskFilter:
    """What the officer narrowed the table to; empty fields match everything."""

    text: str = ""
    view: str = VIEW_ALL
    plan_id: int | None = None
    task_ids: frozenset[int] | None = None  # a task and its sub-tasks, picked in the tree
    unit_id: int | None = None
    status: str | None = None
    light: Light | None = None
    year: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def accepts(self, row: TaskRow, period: Period, needles: list[str]) -> bool:
        if self.plan_id is not None and row.plan_id != self.plan_id:
            return False
        if self.task_ids is not None and row.id not in self.task_ids:
            return False
        if self.unit_id is not None and self.unit_id not in row.unit_ids:
            return False
        if self.status is not None and row.status != self.status:
            return False
        if self.light is not None and row.light is not self.light:
            return False
        if self.year is not None:
            years = row.years()
            if years is not None and self.year not in years:
                return False
        if self.view != VIEW_ALL and not row.in_view(self.view, period):
            return False
        return all(needle in row.search_text for needle in needles)


class TaskFilterProxy(QSortFilterProxyModel):
    """Filters the task table in memory; sorting is delegated to the source model."""

    def __init__(self, source: TaskTableModel, period: Period) -> None:
        super().__init__()
        self._source = source
        self.setSourceModel(source)
        self.period = period
        self.criteria = TaskFilter()
        self._accepted: set[int] | None = None
        self._rows: list[TaskRow] = source.rows()

    def set_period(self, period: Period) -> None:
        self.period = period

    def set_criteria(self, criteria: TaskFilter) -> None:
        self.criteria = criteria
        self.refilter()

    def update_criteria(self, **changes: Any) -> None:
        values = dict(self.criteria.__dict__)
        values.update(changes)
        self.set_criteria(TaskFilter(**values))

    def refilter(self) -> None:
        """Recompute the accepted ids from the rows in memory, then let Qt apply them."""
        criteria = self.criteria
        modern = hasattr(self, "endFilterChange")  # Qt 6.10 deprecates invalidateRowsFilter
        if modern:
            self.beginFilterChange()
        needles = [part.casefold() for part in criteria.text.split() if part]
        plain = criteria == TaskFilter(text=criteria.text) and not needles
        rows = self._source.rows()
        if plain:
            self._accepted = None
        elif criteria == TaskFilter(text=criteria.text) and len(needles) == 1:  # the hot case
            needle = needles[0]
            self._accepted = {row.id for row in rows if needle in row.search_text}
        elif criteria == TaskFilter(text=criteria.text):
            self._accepted = {row.id for row in rows if all(n in row.search_text for n in needles)}
        else:
            period = self.period
            self._accepted = {row.id for row in rows if criteria.accepts(row, period, needles)}
        self._rows = rows
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        accepted = self._accepted
        return accepted is None or self._rows[source_row].id in accepted

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source sorts with Python keys in one pass; the proxy keeps the source order.
        self._source.sort(column, order)

    def task_id(self, index: Index) -> int | None:
        value = index.data(TaskTableModel.TaskIdRole) if index.isValid() else None
        return int(value) if value is not None else None

    def index_of_task(self, task_id: int) -> QModelIndex:
        row = self._source.row_of_task(task_id)
        if row is None:
            return QModelIndex()
        return self.mapFromSource(self._source.index(row, 0))
