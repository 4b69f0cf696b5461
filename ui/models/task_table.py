"""The task table (任务台账): all rows as a model, and the filtered rows the window shows.

Filtering runs over the rows already in memory: `TaskFilterProxy` picks the rows it
shows in one pass and resets, which a view absorbs in time proportional to what is on
screen. (A QSortFilterProxyModel relays a filter change as one removal per run of hidden
rows, each costing the view a pass over its sections: a text filter over 50,000 tasks
took 230 ms that way.) Sorting is done by the source model with Python sort keys, in one
pass rather than a comparison per call into Python.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tracker.lights import Light
from tracker.periods import Period, words
from tracker.views.table import VIEW_ALL, VIEW_LATE, VIEW_UNREPORTED, TaskRow
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
    ("status", "报送状态"),
    ("progress", "最新进展"),
    ("completion", "指标完成"),
)
COLUMN_KEYS = [key for key, _ in COLUMNS]
TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# A 常用视图 per light: the red one is the 滞后 view (VIEW_LATE), the others their light's code.
# 红灯 is the 滞后 view (VIEW_LATE) and the 未报送 light the 本期未报送 view; those two views
# filter through TaskRow.in_view, the other lights here.
LIGHT_VIEW_KEYS = {
    light: {Light.RED: VIEW_LATE, Light.UNREPORTED: VIEW_UNREPORTED}.get(light, light.code) for light in Light
}
_LIGHT_OF_VIEW = {
    key: light for light, key in LIGHT_VIEW_KEYS.items() if light not in (Light.RED, Light.UNREPORTED)
}
ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


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
    "status": lambda r: (r.report_label, r.order),
    "progress": lambda r: (r.progress, r.order),
    "completion": lambda r: (-1.0 if r.completion is None else r.completion, r.order),
}


def display_text(row: TaskRow, key: str, tree_order: bool = True) -> str:
    """What the cell of column `key` shows for `row`; titles are indented only in the
    document's order, where the indent shows the tree (sorted otherwise, it would lie)."""
    if key == "code":
        return row.code
    if key == "title":
        title = f"★{row.title}" if row.is_key else row.title  # 重点事项
        return "　" * row.depth + title if tree_order else title
    if key == "plan":
        return row.plan_label
    if key == "lead":
        return row.lead_unit
    if key == "support":
        return row.support_units
    if key == "deadline":
        return words(row.deadline_text)
    if key == "light":
        return row.light.label
    if key == "status":
        if not row.counted:
            return "（分组）" if row.begun else "（未开始）"
        if row.percent is not None and not row.finished and row.reported:
            return f"{row.report_label} {row.percent}%"
        return row.report_label
    if key == "progress":
        return _first_line(row.period_progress())  # an earlier period's text comes labelled
    return row.completion_text


def tooltip_text(row: TaskRow, key: str) -> str | None:
    if key == "title":
        return f"重点事项：{row.title}" if row.is_key else row.title
    if key == "light":
        expected = "" if row.expected_percent is None else f"（序时进度 {row.expected_percent:.0f}%）"
        return f"{row.light.label}：{row.light_reason}{expected}"
    if key == "status" and not row.reported and row.progress_period and not row.finished:
        return f"本期未报送；最近一次（{words(row.progress_period)}）报送：{row.status_label}"
    if key == "progress" and row.progress:
        return f"{words(row.progress_period)}：{row.progress}"
    if key == "support" and row.support_units:
        return row.support_units
    return None


def cell_data(row: TaskRow, column: int, role: int, tree_order: bool = True) -> Any:
    """A cell's data for one Qt item role; both models of this module answer with it."""
    key = COLUMN_KEYS[column]
    if role == Qt.ItemDataRole.DisplayRole:
        return display_text(row, key, tree_order)
    if role == Qt.ItemDataRole.DecorationRole and key == "light":
        return dot(row.light.colour)
    if role == Qt.ItemDataRole.ToolTipRole:
        return tooltip_text(row, key)
    if role == TASK_ID_ROLE:
        return row.id
    return None


def header_data(section: int, orientation: Qt.Orientation, role: int) -> Any:
    if role != Qt.ItemDataRole.DisplayRole:
        return None
    if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
        return COLUMNS[section][1]
    if orientation == Qt.Orientation.Vertical:
        return section + 1
    return None


class _RowsTable(QAbstractTableModel):
    """A table of `TaskRow`s, one per line, in COLUMNS; subclasses say which rows."""

    TaskIdRole = TASK_ID_ROLE

    def _lines(self) -> list[TaskRow]:
        raise NotImplementedError

    def in_tree_order(self) -> bool:
        """Whether the rows are in the document's order (序号 ascending), the tree's own."""
        return True

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines())

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        return header_data(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        lines = self._lines()
        if not index.isValid() or not 0 <= index.row() < len(lines):
            return None
        return cell_data(lines[index.row()], index.column(), role, self.in_tree_order())

    def flags(self, index: Index) -> Qt.ItemFlag:
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags


class TaskTableModel(_RowsTable):
    """Every task of the ledger, judged as of the current period, in the chosen order."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[TaskRow] = []
        self._row_of: dict[int, int] = {}
        self.sorted_by: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)

    def in_tree_order(self) -> bool:
        return self.sorted_by == (0, Qt.SortOrder.AscendingOrder)

    # -- content ---------------------------------------------------------------------
    def set_rows(self, rows: list[TaskRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
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

    def _lines(self) -> list[TaskRow]:
        return self._rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        if (column, order) == (0, Qt.SortOrder.AscendingOrder) and all(
            a.order < b.order for a, b in pairwise(self._rows)
        ):
            self.sorted_by = (column, order)  # rows as read are in tree order: nothing moves
            return
        self.layoutAboutToBeChanged.emit()
        self.sorted_by = (column, order)
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
        if self.status is not None and row.report_status != self.status:
            return False
        if self.light is not None and row.light is not self.light:
            return False
        if self.year is not None:
            years = row.years()
            if years is not None and self.year not in years:
                return False
        if self.view in _LIGHT_OF_VIEW:
            if not row.counted or row.light is not _LIGHT_OF_VIEW[self.view]:
                return False
        elif self.view != VIEW_ALL and not row.in_view(self.view, period):
            return False
        return all(needle in row.search_text for needle in needles)


def matching_rows(rows: list[TaskRow], criteria: TaskFilter, period: Period) -> list[TaskRow]:
    """The rows `criteria` accepts, in their order; plain text searches take a fast path."""
    needles = [part.casefold() for part in criteria.text.split() if part]
    if criteria == TaskFilter(text=criteria.text):  # only text, the case of every keystroke
        if not needles:
            return list(rows)
        if len(needles) == 1:
            needle = needles[0]
            return [row for row in rows if needle in row.search_text]
        return [row for row in rows if all(n in row.search_text for n in needles)]
    return [row for row in rows if criteria.accepts(row, period, needles)]


class TaskFilterProxy(_RowsTable):
    """The rows of a `TaskTableModel` that the criteria accept, in the source's order.

    It follows the source: a new set of rows or a new order refilters (once per `batch`).
    """

    def __init__(self, source: TaskTableModel, period: Period) -> None:
        super().__init__()
        self._source = source
        self.period = period
        self.criteria = TaskFilter()
        self._shown: list[TaskRow] = []
        self._row_of: dict[int, int] = {}
        self._held = 0
        self._stale = False
        source.modelReset.connect(self.refilter)
        source.layoutChanged.connect(self.refilter)

    def set_period(self, period: Period) -> None:
        self.period = period

    def set_criteria(self, criteria: TaskFilter) -> None:
        self.criteria = criteria
        self.refilter()

    def update_criteria(self, **changes: Any) -> None:
        values = dict(self.criteria.__dict__)
        values.update(changes)
        self.set_criteria(TaskFilter(**values))

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Several changes to the rows, order or criteria, then one refilter."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            if not self._held and self._stale:
                self.refilter()

    def refilter(self) -> None:
        """Pick the shown rows from the source's rows in memory, then reset the view."""
        if self._held:
            self._stale = True
            return
        self._stale = False
        shown = matching_rows(self._source.rows(), self.criteria, self.period)
        self.beginResetModel()
        self._shown = shown
        self._row_of = {row.id: i for i, row in enumerate(shown)}
        self.endResetModel()

    def _lines(self) -> list[TaskRow]:
        return self._shown

    def in_tree_order(self) -> bool:
        return self._source.in_tree_order()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source sorts with Python keys in one pass; its layoutChanged refilters here.
        self._source.sort(column, order)

    # -- tasks -----------------------------------------------------------------------
    def task_id(self, index: Index) -> int | None:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        return self._shown[index.row()].id

    def index_of_task(self, task_id: int) -> QModelIndex:
        row = self._row_of.get(task_id)
        return QModelIndex() if row is None else self.index(row, 0)

    def shown_rows(self) -> list[TaskRow]:
        return self._shown
