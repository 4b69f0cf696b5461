"""方案 → 任务 tree as a QAbstractItemModel (never a widget per row)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from tracker.periods import words
from tracker.views.tree import PlanNode, TaskNode

Index = QModelIndex | QPersistentModelIndex

KIND_LABELS = {"task": "任务", "platform": "平台", "project": "项目"}
HEADERS = ("序号 / 名称", "牵头单位", "配合单位", "完成时限")


@dataclass(eq=False)
class _Item:
    """A node's place in the tree; its children's items are made when first asked for."""

    node: PlanNode | TaskNode | None
    parent: _Item | None
    row: int
    _children: list[_Item] | None = field(default=None, repr=False)

    def subnodes(self) -> list[Any]:
        node = self.node
        return node.tasks if isinstance(node, PlanNode) else node.children if node is not None else []

    @property
    def children(self) -> list[_Item]:
        if self._children is None:
            self._children = [_Item(child, self, i) for i, child in enumerate(self.subnodes())]
        return self._children


class PlanTreeModel(QAbstractItemModel):
    """Plans at the top, their tasks nested below, in the document's order."""

    TaskIdRole = Qt.ItemDataRole.UserRole + 1
    PlanIdRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, plans: list[PlanNode] | None = None) -> None:
        super().__init__()
        self._root = _Item(None, None, 0)
        self.set_plans(plans or [])

    def set_plans(self, plans: list[PlanNode]) -> None:
        self.beginResetModel()
        self._root = _Item(None, None, 0)
        self._root._children = [_Item(plan, self._root, i) for i, plan in enumerate(plans)]
        self.endResetModel()

    def node(self, index: Index) -> PlanNode | TaskNode | None:
        """The plan or task behind an index (None for the invisible root)."""
        return self._item(index).node if index.isValid() else None

    def _item(self, index: Index) -> _Item:
        if index.isValid():
            item = index.internalPointer()
            assert isinstance(item, _Item)
            return item
        return self._root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= len(HEADERS):
            return QModelIndex()
        parent_item = self._item(parent)
        if 0 <= row < len(parent_item.children):
            return self.createIndex(row, column, parent_item.children[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self._item(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._item(parent).subnodes()) if parent.isValid() else len(self._root.children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._item(index).node
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(node, PlanNode):
                return node.label if column == 0 else None
            assert isinstance(node, TaskNode)
            if column == 0:
                prefix = "" if node.kind == "task" else f"[{KIND_LABELS[node.kind]}] "
                return f"{node.code} {prefix}{node.title}"
            if column == 1:
                return node.lead_unit
            if column == 2:
                return "、".join(node.support_units)
            if column == 3:
                return words(node.deadline_text or node.deadline)
        if role == Qt.ItemDataRole.ToolTipRole:
            if isinstance(node, PlanNode):
                return "\n".join(x for x in (node.title, node.doc_number, node.issuer) if x)
            if isinstance(node, TaskNode) and column == 0:
                return node.title
        if role == self.TaskIdRole and isinstance(node, TaskNode):
            return node.id
        if role == self.PlanIdRole:
            return node.id if isinstance(node, PlanNode) else getattr(node, "plan_id", None)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
