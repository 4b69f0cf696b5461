"""The navigation pane: ready-made views, plans with their task tree, responsible units."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from tracker.facts.counts import tally
from tracker.lights import Light
from tracker.periods import Period
from tracker.views.table import (
    VIEW_ALL,
    VIEW_DONE,
    VIEW_DUE_SOON,
    VIEW_KEY,
    VIEW_LABELS,
    VIEW_UNREPORTED,
    TaskRow,
    UnitSummary,
)
from tracker.views.tree import PlanNode, TaskNode
from ui.legend import LightLegend
from ui.models.plan_tree import PlanTreeModel
from ui.models.rows import Column, RowsModel
from ui.models.task_table import LIGHT_VIEW_KEYS
from ui.task_detail_view import make_table


@dataclass(frozen=True)
class ViewEntry:
    key: str
    label: str
    count: int | None  # None while the ledger is still being read


EXPAND_PLANS_UP_TO = 10
# 常用视图, in the order the officer reads them: everything, each light worst first, then
# what the unit owes, what is near its deadline and what is done. The red light is the
# old 滞后 view (its key kept, so a remembered choice still opens it).
VIEW_ORDER: list[tuple[str, str]] = [
    (VIEW_ALL, VIEW_LABELS[VIEW_ALL]),
    *(
        (LIGHT_VIEW_KEYS[light], light.label)
        for light in sorted(Light, reverse=True)
        if light is not Light.UNREPORTED
    ),
    (VIEW_UNREPORTED, VIEW_LABELS[VIEW_UNREPORTED]),
    (VIEW_DUE_SOON, VIEW_LABELS[VIEW_DUE_SOON]),
    (VIEW_DONE, VIEW_LABELS[VIEW_DONE]),
    (VIEW_KEY, VIEW_LABELS[VIEW_KEY]),
]
VIEW_COLOURS = {key: light.colour for light, key in LIGHT_VIEW_KEYS.items()}
VIEW_TIPS = {
    VIEW_UNREPORTED: "尚未完成、本报告期还没有记录进展的任务（要催报的）",
    VIEW_DUE_SOON: "尚未完成、完成时限在下一报告期结束前的任务",
    VIEW_DONE: "已完成或已销号的任务",
    VIEW_KEY: "标为重点的事项（编辑任务时勾选“重点事项”）",
}
VIEW_COLUMNS: list[Column[ViewEntry]] = [
    Column(
        "常用视图",
        lambda v: f"{v.label}（{'…' if v.count is None else v.count}）",
        lambda v: VIEW_TIPS.get(v.key),
        colour=lambda v: VIEW_COLOURS.get(v.key),
    ),
]
UNIT_COLUMNS: list[Column[UnitSummary]] = [
    Column(
        "责任单位",
        lambda u: u.name,
        lambda u: (
            f"{u.name}：牵头 {u.led} 项（红灯 {u.late}、未报送 {u.unreported}），配合 {u.supporting} 项"
        ),
    ),
    Column("牵头", lambda u: u.led, align_right=True),
    Column(
        "红灯",
        lambda u: u.late or "",
        lambda u: "牵头任务中亮红灯（滞后序时或逾期未完成）的项数",
        align_right=True,
        colour=lambda u: Light.RED.colour if u.late else None,
    ),
    Column(
        "未报", lambda u: u.unreported or "", lambda u: "牵头任务中本期未报送进展的项数", align_right=True
    ),
]


def view_counts(rows: list[TaskRow], period: Period) -> dict[str, int]:
    """How many tasks each 常用视图 holds (groups not counted), in one pass over the rows.

    全部, each light, 本期未报送 and 已办结 are the 总览's and the 通报's figures (tracker.facts.counts).
    """
    counted = tally(rows)
    counts = dict.fromkeys((key for key, _ in VIEW_ORDER), 0)
    counts[VIEW_ALL] = counted.total
    for light, key in LIGHT_VIEW_KEYS.items():
        counts[key] = counted.by_light.get(light, 0)
    counts[VIEW_DONE] = counted.finished
    counts[VIEW_UNREPORTED] = counted.unreported
    for row in rows:
        if row.counted and row.due_soon(period):
            counts[VIEW_DUE_SOON] += 1
        if row.is_key:
            counts[VIEW_KEY] += 1
    return counts


def add_view_counts(totals: dict[str, int], part: dict[str, int]) -> None:
    """Add the view counts of some of the rows into running totals: every count is a sum
    over the rows, so a ledger read a few plans at a time is counted as it comes."""
    for key, count in part.items():
        totals[key] = totals.get(key, 0) + count


def view_entries(
    rows: list[TaskRow], period: Period, counts: dict[str, int] | None = None
) -> list[ViewEntry]:
    """Each ready-made view with the number of tasks in it (`counts`: counted already)."""
    if counts is None:
        counts = view_counts(rows, period)
    return [ViewEntry(key, label, counts[key]) for key, label in VIEW_ORDER]


def subtree_ids(node: TaskNode) -> set[int]:
    ids = {node.id}
    for child in node.children:
        ids |= subtree_ids(child)
    return ids


class NavigationPane(QWidget):
    """Emits what the officer picked: a view, a plan, a task with its sub-tasks, or a unit."""

    view_picked = Signal(str)
    plan_picked = Signal(int)
    task_picked = Signal(int, object)  # task id, the ids of it and its sub-tasks
    unit_picked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view_model: RowsModel[ViewEntry] = RowsModel(VIEW_COLUMNS)
        self.view_list = QListView()
        self.view_list.setObjectName("viewList")
        self.view_list.setModel(self.view_model)
        self.view_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.legend = LightLegend()
        # Moving through a list with the arrow keys only looks; Enter or a click chooses.
        self.view_list.clicked.connect(self._view_chosen)
        self.view_list.activated.connect(self._view_chosen)

        self.tree_model = PlanTreeModel()
        self.tree = QTreeView()
        self.tree.setObjectName("planTree")
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderHidden(True)
        for column in range(1, self.tree_model.columnCount()):
            self.tree.setColumnHidden(column, True)
        self.tree.clicked.connect(self._tree_chosen)
        self.tree.activated.connect(self._tree_chosen)

        self.unit_model: RowsModel[UnitSummary] = RowsModel(UNIT_COLUMNS)
        self.unit_table = make_table(self.unit_model, "unitTable", stretch=0)
        header = self.unit_table.horizontalHeader()
        # Fixed widths that fit a header or a four-digit count: sizing to contents would
        # read every unit's counts at each reload.
        digits = self.fontMetrics().horizontalAdvance("8888") + 16
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            title = UNIT_COLUMNS[column].title
            header.resizeSection(column, max(digits, header.fontMetrics().horizontalAdvance(title) + 20))
        self.unit_table.clicked.connect(self._unit_chosen)
        self.unit_table.activated.connect(self._unit_chosen)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("navTabs")
        self.tabs.addTab(self.tree, "方案")
        self.tabs.addTab(self.unit_table, "责任单位")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("常用视图"))
        layout.addWidget(self.view_list)
        layout.addWidget(self.legend)
        layout.addWidget(self.tabs, 1)
        self._quiet = False

    def set_content(
        self,
        plans: list[PlanNode],
        rows: list[TaskRow],
        units: list[UnitSummary],
        period: Period,
        counts: dict[str, int] | None = None,
    ) -> None:
        """`counts`: the rows' `view_counts`, when counted already (as the rows were read)."""
        self._quiet = True
        current_view = self.current_view()
        self.view_model.set_records(view_entries(rows, period, counts))
        self._fit_view_list()
        keys = [v.key for v in self.view_model.records()]
        self.view_list.setCurrentIndex(self.view_model.index(keys.index(current_view), 0))
        expanded = {
            self.tree_model.index(r, 0).data(PlanTreeModel.PlanIdRole)
            for r in range(self.tree_model.rowCount())
            if self.tree.isExpanded(self.tree_model.index(r, 0))
        }
        # The first time, plans open when they are few enough to read through (the
        # built-in five); a ledger of years of plans starts as a list of plans.
        first = self.tree_model.rowCount() == 0 and len(plans) <= EXPAND_PLANS_UP_TO
        self.tree_model.set_plans(plans)
        for r in range(self.tree_model.rowCount()):
            index = self.tree_model.index(r, 0)
            if first or index.data(PlanTreeModel.PlanIdRole) in expanded:
                self.tree.expand(index)
        self.unit_model.set_records(units)
        self._quiet = False

    def show_reading(self) -> None:
        """While the ledger is being read: the views without counts, no plans or units yet."""
        self._quiet = True
        current_view = self.current_view()
        self.view_model.set_records([ViewEntry(key, label, None) for key, label in VIEW_ORDER])
        self._fit_view_list()
        keys = [v.key for v in self.view_model.records()]
        self.view_list.setCurrentIndex(self.view_model.index(keys.index(current_view), 0))
        self._quiet = False

    def _fit_view_list(self) -> None:
        """The 常用视图 list exactly as tall as its entries: no scroll bar, no blank space."""
        rows = sum(self.view_list.sizeHintForRow(r) for r in range(self.view_model.rowCount()))
        self.view_list.setFixedHeight(rows + 2 * self.view_list.frameWidth() + 2)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_view_list()  # measured again once the list has its font and style

    def current_view(self) -> str:
        index = self.view_list.currentIndex()
        record = self.view_model.record(index.row()) if index.isValid() else None
        return record.key if record else "all"

    def set_view(self, key: str) -> None:
        """Choose a ready-made view, as a click on it does."""
        keys = [v.key for v in self.view_model.records()]
        if key in keys:
            index = self.view_model.index(keys.index(key), 0)
            self.view_list.setCurrentIndex(index)
            self._view_chosen(index)

    def select_unit(self, unit_id: int) -> None:
        """Choose a unit, as a click on it does."""
        for row, unit in enumerate(self.unit_model.records()):
            if unit.id == unit_id:
                self.tabs.setCurrentWidget(self.unit_table)
                self.unit_table.selectRow(row)
                self._unit_chosen(self.unit_model.index(row, 0))
                return

    def clear_selection(self) -> None:
        self._quiet = True
        self.tree.clearSelection()
        self.tree.setCurrentIndex(QModelIndex())
        self.unit_table.clearSelection()
        self._quiet = False

    def focus(self) -> None:
        """Ctrl+1: the keyboard goes to the plan tree (or the unit list, when that tab is up)."""
        widget = self.tabs.currentWidget()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        view = widget if isinstance(widget, QAbstractItemView) else None
        if view is not None and not view.currentIndex().isValid() and view.model().rowCount():
            view.selectionModel().setCurrentIndex(
                view.model().index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def _view_chosen(self, current: QModelIndex) -> None:
        record = self.view_model.record(current.row())
        if record is not None and not self._quiet:
            self.view_picked.emit(record.key)

    def _tree_chosen(self, current: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        item = self.tree_model.node(current)
        if isinstance(item, PlanNode):
            self.plan_picked.emit(item.id)
        elif isinstance(item, TaskNode):
            self.task_picked.emit(item.id, frozenset(subtree_ids(item)))

    def _unit_chosen(self, current: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        unit = self.unit_model.record(current.row())
        if unit is not None:
            self.unit_picked.emit(unit.id)
