"""Editing the ledger by hand: plan and task forms, moving a task, units (回收站: ui.recycle_bin).

Each dialog hands what was typed to a `save` callback (one service call in one
transaction) that returns an error message or None; on an error the dialog stays open.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.services.plans_edit import PlanInput
from tracker.services.tasks import ORIGIN_LABELS, TaskInput
from tracker.services.unit_admin import UnitInfo
from tracker.views.detail import KIND_LABELS
from ui.common import ScreenFitDialog, confirm, show_error
from ui.keys import SAVE_HINT, FormDialog
from ui.models.rows import Column, RowsModel
from ui.recycle_bin import RecycleBinDialog as RecycleBinDialog  # re-exported: its old home
from ui.task_detail_view import make_table

_SPLIT = re.compile(r"[、，,；;\s]+")


def _buttons(dialog: QDialog, accept: Callable[[], None]) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
    buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(SAVE_HINT)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class _SavingDialog(FormDialog):
    def __init__(self, save: Callable[..., str | None], parent: QWidget | None) -> None:
        super().__init__(parent)
        self._save = save

    def value(self) -> object:
        raise NotImplementedError

    def _try_accept(self) -> None:
        try:
            value = self.value()
        except ValueError as exc:
            show_error(self, str(exc), "输入有误")
            return
        error = self._save(value)
        if error:
            show_error(self, error)
            return
        self.accept()


class PlanDialog(_SavingDialog):
    def __init__(
        self,
        save: Callable[[PlanInput], str | None],
        current: PlanInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setObjectName("planDialog")
        self.setWindowTitle("编辑方案" if current else "新增方案")
        self.resize(560, 300)
        current = current or PlanInput(title="")
        self.title = QLineEdit(current.title)
        self.title.setObjectName("planTitle")
        self.short_title = QLineEdit(current.short_title or "")
        self.doc_number = QLineEdit(current.doc_number or "")
        self.issuer = QLineEdit(current.issuer or "")
        self.start = QSpinBox()
        self.end = QSpinBox()
        for box, value in ((self.start, current.period_start), (self.end, current.period_end)):
            box.setRange(1999, 2100)
            box.setSpecialValueText("不填")
            box.setValue(value or 1999)
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(self.end)
        form = QFormLayout()
        form.addRow("方案名称", self.title)
        form.addRow("简称", self.short_title)
        form.addRow("文号", self.doc_number)
        form.addRow("发文单位", self.issuer)
        form.addRow("规划期（起止年）", period)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self._try_accept))

    def value(self) -> PlanInput:
        return PlanInput(
            title=self.title.text(),
            short_title=self.short_title.text(),
            doc_number=self.doc_number.text(),
            issuer=self.issuer.text(),
            period_start=self.start.value() if self.start.value() > 1999 else None,
            period_end=self.end.value() if self.end.value() > 1999 else None,
        )


class TaskDialog(_SavingDialog):
    """A task's printed fields; units typed as names separated by 、."""

    def __init__(
        self,
        save: Callable[[TaskInput], str | None],
        current: TaskInput | None = None,
        parent: QWidget | None = None,
        *,
        assignment: bool = False,
    ) -> None:
        super().__init__(save, parent)
        self.setObjectName("taskDialog")
        title = "新增交办事项" if assignment else "编辑任务" if current else "新增任务"
        self.setWindowTitle(title)
        self.resize(620, 640)
        current = current or TaskInput(title="")
        self.current = current  # fields this dialog does not show are kept as they are
        self.code = QLineEdit(current.code)
        self.code.setObjectName("taskCode")
        self.title = QLineEdit(current.title)
        self.title.setObjectName("taskTitle")
        self.content = QPlainTextEdit(current.content)
        self.kind = QComboBox()
        for code, label in KIND_LABELS.items():
            self.kind.addItem(label, code)
        self.kind.setCurrentIndex(list(KIND_LABELS).index(current.kind))
        self.has_deadline = QCheckBox("有完成时限")
        self.has_deadline.setObjectName("hasDeadline")
        self.deadline = QDateEdit()
        self.deadline.setObjectName("taskDeadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy年M月d日")
        when = current.deadline or date(date.today().year, 12, 31)
        self.deadline.setDate(QDate(when.year, when.month, when.day))
        self.has_deadline.setChecked(current.deadline is not None)
        self.deadline.setEnabled(current.deadline is not None)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.deadline_text = QLineEdit(current.deadline_text or "")
        self.deadline_text.setPlaceholderText("时限原文，如“2025年底前”（可不填）")
        self.recurring = QCheckBox("每年都要完成（每年）")
        self.recurring.setChecked(current.recurring)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.has_deadline)
        deadline_row.addWidget(self.deadline)
        deadline_row.addWidget(self.recurring)

        def named(role: str) -> str:
            return "、".join(name for name, r in current.units if r == role)

        # Each unit under its own role: a （责任） unit (the document named no lead) is not a 配合单位.
        self.lead = QLineEdit(named("lead"))
        self.lead.setObjectName("leadUnit")
        self.support = QLineEdit(named("support"))
        self.support.setObjectName("supportUnits")
        self.support.setPlaceholderText("多个单位用“、”分隔")
        self.responsible = QLineEdit(named("responsible"))
        self.responsible.setObjectName("responsibleUnits")
        self.responsible.setPlaceholderText("文件未分牵头、配合时列在这里，多个用“、”分隔")
        self.remarks = QLineEdit(current.remarks or "")
        self.leader = QLineEdit(current.leader or "")
        self.leader.setObjectName("taskLeader")
        self.leader.setPlaceholderText("分管的责任领导，如“李副县长”（可不填）")
        self.is_key = QCheckBox("重点事项")
        self.is_key.setObjectName("taskIsKey")
        self.is_key.setChecked(current.is_key)
        self.origin_kind = QComboBox()
        self.origin_kind.setObjectName("originKind")
        self.origin_kind.addItem("随方案部署（无单独交办）", None)
        for code, label in ORIGIN_LABELS.items():
            self.origin_kind.addItem(label, code)
        wanted = current.origin_kind or ("instruction" if assignment else None)
        self.origin_kind.setCurrentIndex(max(0, self.origin_kind.findData(wanted)))
        self.origin_leader = QLineEdit(current.origin_leader or "")
        self.origin_leader.setObjectName("originLeader")
        self.origin_leader.setPlaceholderText("作出批示的领导，如“王书记”")
        self.origin_text = QPlainTextEdit(current.origin_text or "")
        self.origin_text.setObjectName("originText")
        self.origin_text.setPlaceholderText("批示内容或会议议定的要求")
        self.origin_text.setMaximumHeight(70)
        self.origin_text.setTabChangesFocus(True)
        self.assigned_on = QDateEdit()
        self.assigned_on.setObjectName("assignedOn")
        self.assigned_on.setCalendarPopup(True)
        self.assigned_on.setDisplayFormat("yyyy年M月d日")
        given = current.assigned_on or date.today()
        self.assigned_on.setDate(QDate(given.year, given.month, given.day))
        self.origin_kind.currentIndexChanged.connect(self._origin_changed)
        self._origin_changed()
        form = QFormLayout()
        form.addRow("序号", self.code)
        form.addRow("任务名称", self.title)
        form.addRow("工作内容/目标", self.content)
        form.addRow("类型", self.kind)
        form.addRow("完成时限", deadline_row)
        form.addRow("时限说明", self.deadline_text)
        form.addRow("牵头单位", self.lead)
        form.addRow("配合单位", self.support)
        form.addRow("责任单位", self.responsible)
        form.addRow("备注", self.remarks)
        form.addRow("责任领导", self.leader)
        form.addRow("", self.is_key)
        form.addRow("交办来源", self.origin_kind)
        form.addRow("批示领导", self.origin_leader)
        form.addRow("批示内容/会议要求", self.origin_text)
        form.addRow("交办日期", self.assigned_on)
        if assignment:
            self.code.setPlaceholderText("留空则自动编号")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self._try_accept))

    def _origin_changed(self) -> None:
        kind = self.origin_kind.currentData()
        self.origin_leader.setEnabled(kind == "instruction")
        self.origin_text.setEnabled(kind is not None)
        self.assigned_on.setEnabled(kind is not None)

    def value(self) -> TaskInput:
        units: list[tuple[str, str]] = []
        leads = [name for name in _SPLIT.split(self.lead.text()) if name]
        for name in leads:  # co-leads (共同牵头) are all lead
            if name not in dict(units):
                units.append((name, "lead"))
        for name in _SPLIT.split(self.support.text()):
            if name and name not in dict(units):
                units.append((name, "support" if leads else "responsible"))
        for name in _SPLIT.split(self.responsible.text()):
            if name and name not in dict(units):
                units.append((name, "responsible"))
        when = self.deadline.date()
        return replace(
            self.current,
            title=self.title.text(),
            code=self.code.text(),
            content=self.content.toPlainText(),
            kind=str(self.kind.currentData()),
            deadline=date(when.year(), when.month(), when.day()) if self.has_deadline.isChecked() else None,
            deadline_text=self.deadline_text.text(),
            recurring=self.recurring.isChecked(),
            units=units,
            remarks=self.remarks.text(),
            leader=self.leader.text(),
            is_key=self.is_key.isChecked(),
            origin_kind=self.origin_kind.currentData(),
            origin_leader=self.origin_leader.text()
            if self.origin_kind.currentData() == "instruction"
            else None,
            origin_text=self.origin_text.toPlainText() if self.origin_kind.currentData() else None,
            assigned_on=(
                date(*self.assigned_on.date().getDate()) if self.origin_kind.currentData() else None
            ),
        )


class MoveTaskDialog(_SavingDialog):
    """Pick the plan, and optionally the parent task, to move a task under."""

    def __init__(
        self,
        save: Callable[[tuple[int, int | None]], str | None],
        plans: list[tuple[int, str]],
        tasks_of: Callable[[int], list[tuple[int, str]]],
        current_plan: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setObjectName("moveDialog")
        self.setWindowTitle("移动任务")
        self.resize(560, 160)
        self._tasks_of = tasks_of
        self.plan = QComboBox()
        self.plan.setObjectName("movePlan")
        for plan_id, label in plans:
            self.plan.addItem(label, plan_id)
        self.parent_task = QComboBox()
        self.parent_task.setObjectName("moveParent")
        self.parent_task.setMaximumWidth(520)
        self.plan.currentIndexChanged.connect(self._fill_parents)
        self.plan.setCurrentIndex(max(0, [p for p, _ in plans].index(current_plan) if plans else 0))
        self._fill_parents()
        form = QFormLayout()
        form.addRow("移到方案", self.plan)
        form.addRow("上级任务", self.parent_task)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self._try_accept))

    def _fill_parents(self) -> None:
        self.parent_task.clear()
        self.parent_task.addItem("（无，作为顶层任务）", None)
        plan_id = self.plan.currentData()
        if plan_id is not None:
            for task_id, label in self._tasks_of(int(plan_id)):
                self.parent_task.addItem(label, task_id)

    def value(self) -> tuple[int, int | None]:
        parent = self.parent_task.currentData()
        return int(self.plan.currentData()), None if parent is None else int(parent)


UNIT_COLUMNS: list[Column[UnitInfo]] = [
    Column("单位名称", lambda u: u.name, lambda u: u.name),
    Column("别名", lambda u: "、".join(u.aliases), lambda u: "、".join(u.aliases) or None),
    Column("任务数", lambda u: u.tasks, align_right=True),
]


class UnitAdminDialog(ScreenFitDialog):
    """单位管理: rename a unit, or merge the selected unit into another."""

    def __init__(
        self,
        load: Callable[[], list[UnitInfo]],
        rename: Callable[[int, str], str | None],
        merge: Callable[[int, int], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unitAdmin")
        self.setWindowTitle("单位管理（更名、合并）")
        self.resize(760, 520)
        self._load, self._rename, self._merge = load, rename, merge
        self.model: RowsModel[UnitInfo] = RowsModel(UNIT_COLUMNS)
        self.table = make_table(self.model, "unitAdminTable", stretch=1)
        self.table.horizontalHeader().resizeSection(0, 260)
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newUnitName")
        self.new_name.setPlaceholderText("新名称")
        rename_button = QPushButton("更名")
        rename_button.setObjectName("renameButton")
        rename_button.clicked.connect(self.rename_selected)
        self.target = QComboBox()
        self.target.setObjectName("mergeTarget")
        self.target.setMaximumWidth(300)
        merge_button = QPushButton("并入此单位…")
        merge_button.setObjectName("mergeButton")
        merge_button.clicked.connect(self.merge_selected)
        row1 = QHBoxLayout()
        row1.addWidget(self.new_name, 1)
        row1.addWidget(rename_button)
        row2 = QHBoxLayout()
        row2.addWidget(self.target, 1)
        row2.addWidget(merge_button)
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        units = self._load()
        self.model.set_records(units)
        self.target.clear()
        for unit in units:
            self.target.addItem(unit.name, unit.id)

    def selected(self) -> UnitInfo | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def rename_selected(self) -> None:
        unit = self.selected()
        if unit is None:
            show_error(self, "请先选择单位", "单位管理")
            return
        error = self._rename(unit.id, self.new_name.text())
        if error:
            show_error(self, error)
            return
        self.new_name.clear()
        self.refresh()

    def merge_selected(self) -> QWidget | None:
        unit = self.selected()
        target = self.target.currentData()
        if unit is None or target is None:
            show_error(self, "请先选择要合并的单位和并入的单位", "单位管理")
            return None

        def go() -> None:
            error = self._merge(unit.id, int(target))
            if error:
                show_error(self, error)
            self.refresh()

        return confirm(
            self,
            f"把“{unit.name}”并入“{self.target.currentText()}”？",
            go,
            "其任务改由后者负责，原名保留为别名，以后导入时自动识别。",
        )
