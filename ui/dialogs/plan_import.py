"""导入方案: a plan file, an Excel task list or a policy document, previewed as a tree first.

The officer sees what was read (warnings marked on their tasks), corrects titles, 序号 and
units in place, and imports on confirmation. An Excel list whose headers are not recognised
gets a page to say which column is which.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from openpyxl.utils import column_index_from_string
from pydantic import ValidationError
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from tracker.drafting import Draft, draft_file
from tracker.drafting.review import ReviewMark, apply_corrections, clip, settled
from tracker.drafting.units import split_units
from tracker.errors import TrackerError
from tracker.importers.columns import FIELD_LABELS
from tracker.importers.xlsx_tasks import SheetHeaders, UnknownColumns, read_task_list
from tracker.periods import words
from tracker.planfile import load_plan_file
from tracker.planfile import model as pf
from tracker.services.plan_import import import_plan
from tracker.services.units import known_corrections, remember_corrections
from ui.common import ScreenFitDialog, show_error
from ui.dialogs._shared import actor_of, inform, reload_window
from ui.folders import last_folder, remember_folder

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("序号", "任务名称", "责任单位", "完成时限", "待核对")
ROLE_WORDS = {"lead": "牵头", "support": "配合", "responsible": "责任"}
ROLE_OF_WORD = {word: role for role, word in ROLE_WORDS.items()}
MARK = re.compile(r"[（(](牵头|配合|责任)[）)]$")
SUFFIXES = ("*.json", "*.xlsx", "*.txt", "*.csv", "*.docx", "*.doc", "*.wps", "*.pdf")
DOCUMENTS = (".txt", ".csv", ".docx", ".doc", ".wps", ".pdf")


def units_text(task: pf.Task) -> str:
    return "、".join(f"{u.name}（{ROLE_WORDS[u.role]}）" for u in task.units)


def parse_units_text(text: str) -> list[pf.UnitRef]:
    """“市科技局（牵头）、市发改委（配合）” back to units; an unmarked name is 责任."""
    out: list[pf.UnitRef] = []
    for raw in split_units(text):
        match = MARK.search(raw)
        name = MARK.sub("", raw).strip()
        role = ROLE_OF_WORD[match.group(1)] if match else "responsible"
        if name and all(u.name != name for u in out):
            out.append(pf.UnitRef(name=name, role=role))
    return out


def read_any(path: Path, columns: dict[str, int] | None = None) -> Draft:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return read_task_list(path, columns)
    if suffix in DOCUMENTS:
        return draft_file(path)
    if suffix == ".json":
        return Draft(load_plan_file(path), [])
    raise TrackerError(
        f"{path.name}：不支持的文件类型“{path.suffix}”，可导入 .json、.xlsx、.txt、.csv、.docx、.doc、.wps、.pdf"
    )


class _Node:
    __slots__ = ("children", "parent", "task", "warnings")

    def __init__(self, task: pf.Task | None, parent: _Node | None) -> None:
        self.task = task
        self.parent = parent
        self.children: list[_Node] = []
        self.warnings: list[str] = []

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent is not None else 0


class PlanTreeModel(QAbstractItemModel):
    """The read plan as a tree; 序号, 名称 and 责任单位 are editable, warnings are marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.root = _Node(None, None)
        self.plan: pf.Plan | None = None
        self.unplaced: list[str] = []  # warnings that belong to no task
        self._warn_icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)

    def set_draft(self, draft: Draft | None) -> None:
        self.beginResetModel()
        self.root = _Node(None, None)
        self.plan = draft.plan if draft else None
        self.unplaced = []
        nodes: list[_Node] = []

        def add(tasks: list[pf.Task], parent: _Node) -> None:
            for task in tasks:
                node = _Node(task, parent)
                parent.children.append(node)
                nodes.append(node)
                add(task.children, node)

        if draft is not None:
            add(draft.plan.tasks, self.root)
            for warning in draft.warnings:
                owners = [n for n in nodes if n.task and n.task.source and _about(warning, n.task.source)]
                if owners:
                    # the most specific task the warning names (a child's path extends its parent's)
                    max(owners, key=lambda n: len(n.task.source or "") if n.task else 0).warnings.append(
                        warning
                    )
                else:
                    self.unplaced.append(warning)
        self.endResetModel()

    def index_of(self, source: str) -> QModelIndex:
        """The row of the task whose source is `source` (an invalid index if none)."""

        def walk(node: _Node, parent: QModelIndex) -> QModelIndex:
            for row, child in enumerate(node.children):
                index = self.index(row, 0, parent)
                if child.task is not None and child.task.source == source:
                    return index
                found = walk(child, index)
                if found.isValid():
                    return found
            return QModelIndex()

        return walk(self.root, QModelIndex())

    def node(self, index: Index) -> _Node:
        if index.isValid():
            node = index.internalPointer()
            if isinstance(node, _Node):
                return node
        return self.root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        node = self.node(parent)
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = self.node(index)
        up = node.parent
        if up is None or up is self.root:
            return QModelIndex()
        return self.createIndex(up.row(), 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        task = node.task
        if task is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return task.code
            if column == 1:
                return task.title
            if column == 2:
                return units_text(task)
            if column == 3:
                due = task.deadline_text or ""
                if task.deadline:
                    return f"{due}（{words(task.deadline)}）" if due else words(task.deadline)
                return due
            if column == 4:
                return f"{len(node.warnings)} 处" if node.warnings else ""
        if role == Qt.ItemDataRole.ToolTipRole and node.warnings:
            return "\n".join(node.warnings)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1 and task.content:
            return task.content[:500]
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and node.warnings:
            return self._warn_icon
        if role == Qt.ItemDataRole.BackgroundRole and node.warnings:
            return QBrush(QColor("#fff4ce"))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (0, 1, 2):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        task = self.node(index).task
        text = str(value or "").strip()
        if task is None:
            return False
        column = index.column()
        if column == 0 and text:
            task.code = text[:40]
        elif column == 1 and text:
            task.title = text
        elif column == 2:
            task.units = parse_units_text(text)
        else:
            return False
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True


class ReviewListModel(QAbstractListModel):
    """待核对: the tasks the drafter was unsure of, one row per doubt, shown before the tree."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.marks: list[ReviewMark] = []
        self.labels: dict[str, str] = {}  # task source → “序号 名称”

    def set_marks(self, marks: list[ReviewMark], plan: pf.Plan | None) -> None:
        self.beginResetModel()
        self.marks = list(marks)
        self.labels = {}

        def label(tasks: list[pf.Task], above: str) -> None:
            # “二1”, not “1”: numbering that restarts in each section names its section too
            for task in tasks:
                code = f"{above}{task.code}"
                if task.source:
                    self.labels[task.source] = f"{code} {clip(task.title, 24)}"
                label(task.children, code)

        label(plan.tasks if plan else [], "")
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.marks)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.marks):
            return None
        mark = self.marks[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self.labels.get(mark.task, mark.task)}：{mark.detail}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return mark.warning
        if role == Qt.ItemDataRole.UserRole:
            return mark.task
        return None


def _about(warning: str, source: str) -> bool:
    return warning.startswith((f"{source}：", f"{source} ", f"{source}，"))


class PlanImportDialog(ScreenFitDialog):
    PAGE_EMPTY, PAGE_TREE, PAGE_COLUMNS = 0, 1, 2

    def __init__(self, main_window: Any) -> None:
        super().__init__(main_window if isinstance(main_window, QWidget) else None)
        self.main_window = main_window
        self.database = main_window.database
        self.source_path: Path | None = None
        self.draft: Draft | None = None
        self.columns: dict[str, int] | None = None
        self.printed: dict[int, list[str]] = {}  # task → unit names as read, to learn corrections
        self.imported_plan_id: int | None = None
        self.result_text = ""
        self.setWindowTitle("导入方案")
        self.resize(980, 640)

        self.path = QLineEdit()
        self.path.setPlaceholderText(
            "方案文件 .json、Excel 任务表 .xlsx 或政策文件 .txt/.docx/.doc/.wps/.pdf"
        )
        browse = QPushButton("选择文件…")
        browse.clicked.connect(self.browse)
        self.read_button = QPushButton("读取")
        self.read_button.clicked.connect(lambda: self.load(Path(self.path.text().strip())))
        top = QHBoxLayout()
        top.addWidget(QLabel("文件："), 0)
        top.addWidget(self.path, 1)
        top.addWidget(browse)
        top.addWidget(self.read_button)
        self.summary = QLabel("请选择要导入的文件。读出的任务先在这里核对，确认后才写入台账。")
        self.summary.setWordWrap(True)

        # the tree page
        self.title = QLineEdit()
        self.model = PlanTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.warnings = QPlainTextEdit()
        self.warnings.setReadOnly(True)
        self.warnings.setMaximumHeight(120)
        self.review_model = ReviewListModel(self)
        self.review = QListView()
        self.review.setObjectName("reviewFirst")
        self.review.setModel(self.review_model)
        self.review.setMaximumHeight(130)
        self.review.clicked.connect(self.show_marked)
        self.review_label = QLabel()
        tree_page = QWidget()
        tree_layout = QVBoxLayout(tree_page)
        tree_layout.setContentsMargins(0, 0, 0, 0)
        title_row = QFormLayout()
        title_row.addRow("方案名称：", self.title)
        tree_layout.addLayout(title_row)
        tree_layout.addWidget(self.review_label)
        tree_layout.addWidget(self.review)
        tree_layout.addWidget(self.tree, 1)
        tree_layout.addWidget(
            QLabel("待核对（双击序号、名称、责任单位可修改；单位写作“名称（牵头）、名称（配合）”）：")
        )
        tree_layout.addWidget(self.warnings)

        # the column-mapping page
        self.columns_page = QWidget()
        self.columns_layout = QVBoxLayout(self.columns_page)
        self.columns_note = QLabel()
        self.columns_note.setWordWrap(True)
        self.columns_form = QFormLayout()
        self.column_boxes: dict[int, QComboBox] = {}
        self.map_button = QPushButton("按此对应读取")
        self.map_button.clicked.connect(self.read_with_mapping)
        self.columns_layout.addWidget(self.columns_note)
        self.columns_layout.addLayout(self.columns_form)
        self.columns_layout.addWidget(self.map_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.columns_layout.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(QWidget())
        self.pages.addWidget(tree_page)
        self.pages.addWidget(self.columns_page)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("确认导入", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_now)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)

    # -- reading ----------------------------------------------------------------------

    def browse(self) -> None:
        patterns = " ".join(SUFFIXES)
        name, _ = QFileDialog.getOpenFileName(
            self, "选择方案文件", str(last_folder("plan")), f"方案、任务表、政策文件 ({patterns})"
        )
        if name:
            remember_folder("plan", Path(name))
            self.load(Path(name))

    def load(self, path: Path, columns: dict[str, int] | None = None) -> None:
        self.path.setText(str(path))
        self.source_path = path
        self.columns = columns
        self.draft = None
        self.model.set_draft(None)
        self.import_button.setEnabled(False)
        if not str(path) or not path.is_file():
            self.summary.setText(f"找不到文件 {path}")
            self.pages.setCurrentIndex(self.PAGE_EMPTY)
            return
        try:
            draft = read_any(path, columns)
        except UnknownColumns as exc:
            self.show_mapping(exc)
            return
        except TrackerError as exc:
            self.summary.setText(str(exc))
            self.pages.setCurrentIndex(self.PAGE_EMPTY)
            return
        if path.suffix.lower() != ".json":
            # unit names the officer corrected in earlier reviews are offered again
            with self.database.reading() as session:
                corrections = known_corrections(session)
            offered = apply_corrections(draft.plan, corrections)
            gone = settled(draft.marks, draft.plan)
            draft.marks = [*offered, *(m for m in draft.marks if m not in gone)]
            dropped = {m.warning for m in gone}
            draft.warnings = [*(w for w in draft.warnings if w not in dropped), *(m.warning for m in offered)]
        self.printed = {id(t): [u.name for u in t.units] for t in pf.iter_tasks(draft.plan.tasks)}
        self.draft = draft
        self.model.set_draft(draft)
        self.review_model.set_marks(draft.marks, draft.plan)
        self.review.setVisible(bool(draft.marks))
        marked = len({m.task for m in draft.marks})
        task_notes = {m.warning for m in draft.marks}
        plan_notes = [w for w in draft.warnings if w not in task_notes]  # notes no row is marked for
        self.review_label.setText(
            f"请先核对这 {marked} 项任务（点击跳到该任务）："
            if draft.marks
            else "没有需要逐项核对的任务。"
            + (f"另有 {len(plan_notes)} 条说明，见下方“待核对”框。" if plan_notes else "")
        )
        self.title.setText(draft.plan.title)
        self.tree.expandAll()
        for column in (0, 2, 3, 4):
            self.tree.resizeColumnToContents(column)
        self.warnings.setPlainText("\n".join(draft.warnings) or "（无）")
        count = _count_words(draft.plan.tasks)
        checks = [f"{marked} 项任务待核对（标黄的行）"] if marked else []
        checks += [f"{len(plan_notes)} 条说明见下方"] if plan_notes else []
        self.summary.setText(
            f"从 {path.name} 读出《{draft.plan.title}》：{count}"
            + (f"，{'、'.join(checks)}" if checks else "，没有待核对之处")
            + "。核对无误后点“确认导入”。"
        )
        self.pages.setCurrentIndex(self.PAGE_TREE)
        self.import_button.setEnabled(bool(draft.plan.tasks))
        if draft.marks:
            self.show_marked(self.review_model.index(0, 0))

    def show_marked(self, index: QModelIndex) -> None:
        """Select, in the tree, the task a review row names."""
        source = self.review_model.data(index, Qt.ItemDataRole.UserRole)
        found = self.model.index_of(source) if source else QModelIndex()
        if found.isValid():
            self.tree.setCurrentIndex(found)
            self.tree.scrollTo(found)

    def corrections(self) -> dict[str, str]:
        """Printed unit name → the name the officer typed over it, task by task."""
        pairs: dict[str, str] = {}
        if self.model.plan is None:
            return pairs
        for task in pf.iter_tasks(self.model.plan.tasks):
            before = self.printed.get(id(task), [])
            after = [u.name for u in task.units]
            if len(before) != len(after):
                continue
            for old, new in zip(before, after, strict=True):
                if old != new and old not in after:
                    pairs[old] = new
        return pairs

    def show_mapping(self, error: UnknownColumns) -> None:
        """Excel headers the reader does not know: the officer says which column is which."""
        while self.columns_form.rowCount():
            self.columns_form.removeRow(0)
        self.column_boxes = {}
        sheet: SheetHeaders | None = error.sheets[0] if error.sheets else None
        if sheet is None:
            self.summary.setText(str(error))
            self.pages.setCurrentIndex(self.PAGE_EMPTY)
            return
        self.summary.setText(f"{error.path.name}：表头认不出，请指明各列的含义。")
        self.columns_note.setText(
            f"工作表“{sheet.sheet}”第 {sheet.row} 行的表头如下。至少指明“任务”或“工作内容”列；"
            "不需要的列选“（不导入）”。同样的对应关系用于各工作表。"
        )
        for letter, text in sheet.headers:
            box = QComboBox()
            box.addItem("（不导入）", None)
            for key, label in FIELD_LABELS.items():
                box.addItem(label, key)
            self.column_boxes[column_index_from_string(letter)] = box
            self.columns_form.addRow(f"{letter} 列“{text}”：", box)
        self.pages.setCurrentIndex(self.PAGE_COLUMNS)

    def mapping(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for column, box in sorted(self.column_boxes.items()):
            key = box.currentData()
            if key and key not in out:
                out[key] = column
        return out

    def read_with_mapping(self) -> None:
        mapping = self.mapping()
        if "title" not in mapping and "content" not in mapping:
            show_error(self, "请至少指明“任务”或“工作内容”所在的列", "列未指定")
            return
        if self.source_path is not None:
            self.load(self.source_path, mapping)

    # -- importing --------------------------------------------------------------------

    def import_now(self) -> None:
        if self.draft is None or self.model.plan is None:
            return
        plan = self.model.plan
        title = self.title.text().strip()
        if not title:
            show_error(self, "请填写方案名称", "方案名称为空")
            return
        plan.title = title
        try:
            checked = pf.Plan.model_validate(plan.model_dump())
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(p) for p in error["loc"])
            show_error(self, f"修改后的方案未通过校验（{where}）：{error['msg']}", "无法导入")
            return
        name = self.source_path.name if self.source_path else "文件"
        try:
            with self.database.unit_of_work() as session:
                created = import_plan(
                    session, checked, origin=f"导入文件 {name}", actor=actor_of(self.main_window)
                )
                remember_corrections(session, self.corrections())
                self.imported_plan_id = created.id
        except TrackerError as exc:
            show_error(self, str(exc), "导入失败")
            return
        count = _count_words(checked.tasks)
        self.result_text = f"已导入方案《{checked.title}》，共 {count}（来源：{name}）"
        self.import_button.setEnabled(False)
        self.summary.setText(self.result_text)
        reload_window(self.main_window)
        inform(self, self.result_text, "导入完成")


def open_plan_import_dialog(main_window: Any) -> PlanImportDialog:
    dialog = PlanImportDialog(main_window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _count_words(tasks: list[pf.Task]) -> str:
    """“6 项任务” as the ledger will count them, with the headings that only group named apart."""
    counted = len(pf.counted_tasks(tasks))
    groups = len(pf.iter_tasks(tasks)) - counted
    return f"{counted} 项任务" + (f"（另有 {groups} 个分组标题）" if groups else "")
