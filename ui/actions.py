"""The window's menus, shortcuts and what each user action does (one service call each)."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from sqlalchemy.orm import Session

from tracker import APP_NAME, __version__
from tracker.db import models as m
from tracker.errors import TrackerError
from tracker.services import evidence, plans_edit, tasks, unit_admin
from tracker.services import undo as cmd
from tracker.services.progress import ProgressInput
from tracker.views.record import load_task_record
from tracker.views.rules import JudgingSettings, load_settings, save_settings
from ui.common import confirm, show_error
from ui.edit_dialogs import MoveTaskDialog, PlanDialog, RecycleBinDialog, TaskDialog, UnitAdminDialog
from ui.folders import save_dialog
from ui.help_dialog import HelpDialog
from ui.progress_dialog import ProgressDialog
from ui.small_dialogs import CloseDialog, ReasonDialog, SettingsDialog
from ui.work import Report

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger("ui.actions")
T = TypeVar("T")
KEEP_SORT_KEY = "view/keep_sort"  # QSettings: "true" when the officer keeps a sort across starts


def action_tip(action: QAction) -> str:
    """A toolbar tip that names the shortcut, as the menu does: “记录进展（Ctrl+N）”."""
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
    text = re.sub(r"\([A-Z0-9]\)$", "", text)
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{text}（{keys}）" if keys else text


class WindowActions:
    """Builds the menus and runs the actions for one main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: QWidget | None = None  # the last dialog opened (tests drive it)
        w = window
        menu = w.menuBar()

        def act(text: str, slot: Callable[[], Any], shortcut: Any = None, name: str = "") -> QAction:
            action = QAction(text, w)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            if name:
                action.setObjectName(name)
            action.setToolTip(action_tip(action))
            action.triggered.connect(lambda _checked=False: slot())
            self.all_actions.append(action)
            return action

        self.all_actions: list[QAction] = []
        self.search_action = act("搜索(&F)", self.focus_search, QKeySequence.StandardKey.Find, "searchAction")
        self.record_action = act("记录进展(&N)…", self.record_current, "Ctrl+N", "recordAction")
        self.export_action = act("导出(&E)…", self.open_reports, "Ctrl+E", "exportAction")
        self.print_action = act("打印(&P)…", self.open_reports, "Ctrl+P", "printAction")
        self.reload_action = act("刷新(&R)", w.reload, QKeySequence.StandardKey.Refresh, "reloadAction")
        self.import_plan_action = act("导入方案(&I)…", self.import_plan, "Ctrl+I", "importPlanAction")
        self.forms_export_action = act(
            "导出填报表(&O)…", self.export_forms, "Ctrl+Shift+E", "formsExportAction"
        )
        self.forms_import_action = act(
            "导入填报表(&M)…", self.import_forms, "Ctrl+Shift+I", "formsImportAction"
        )

        file_menu = menu.addMenu("文件(&F)")
        file_menu.addAction(self.import_plan_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.forms_export_action)
        file_menu.addAction(self.forms_import_action)
        file_menu.addSeparator()
        file_menu.addAction(self.reload_action)
        file_menu.addAction(act("退出(&X)", w.close, QKeySequence.StandardKey.Quit))

        task_menu = menu.addMenu("任务(&T)")
        task_menu.addAction(self.search_action)
        task_menu.addAction(self.record_action)
        self.close_action = act("销号(&C)…", self.close_current, "Ctrl+K", "closeAction")
        self.reopen_action = act("撤销销号(&O)…", self.reopen_current, "Ctrl+Shift+K", "reopenAction")
        task_menu.addAction(self.close_action)
        task_menu.addAction(self.reopen_action)

        edit_menu = menu.addMenu("编辑(&E)")
        self.edit_menu = edit_menu
        self.undo_stack = cmd.UndoStack()
        self.undo_action = act("撤销(&U)", self.undo, QKeySequence.StandardKey.Undo, "undoAction")
        self.redo_action = act("重做(&R)", self.redo, "Ctrl+Y", "redoAction")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self._show_undo()
        edit_menu.addAction(act("新增任务（交办事项）(&A)…", self.new_task, "Ctrl+Shift+N", "newTaskAction"))
        edit_menu.addAction(
            act("新增下级任务(&B)…", lambda: self.new_task(child=True), "Ctrl+Alt+N", "newChildAction")
        )
        edit_menu.addAction(act("编辑任务(&E)…", self.edit_current, "F2", "editTaskAction"))
        edit_menu.addAction(act("移动任务(&M)…", self.move_current, "Ctrl+M", "moveTaskAction"))
        edit_menu.addAction(act("删除任务(&D)…", self.delete_current, "Del", "deleteTaskAction"))
        edit_menu.addSeparator()
        edit_menu.addAction(act("新增方案(&P)…", self.new_plan, name="newPlanAction"))
        edit_menu.addAction(act("编辑方案(&L)…", self.edit_plan, "Shift+F2", "editPlanAction"))
        edit_menu.addAction(act("方案上移(&U)", lambda: self.move_plan(-1), "Ctrl+Shift+Up"))
        edit_menu.addAction(act("方案下移(&W)", lambda: self.move_plan(1), "Ctrl+Shift+Down"))
        edit_menu.addAction(act("删除方案(&R)…", self.delete_plan, "Shift+Del", "deletePlanAction"))
        edit_menu.addSeparator()
        edit_menu.addAction(
            act("单位管理（更名、合并）(&G)…", self.unit_admin, "Ctrl+Shift+U", "unitAdminAction")
        )
        edit_menu.addAction(act("回收站(&H)…", self.recycle_bin, "Ctrl+Shift+Del", "recycleBinAction"))

        view_menu = menu.addMenu("视图(&V)")
        self.view_menu = view_menu
        view_menu.addAction(act("导航窗格(&1)", w.focus_navigation, "Ctrl+1", "focusNavAction"))
        view_menu.addAction(act("任务台账(&2)", w.focus_table, "Ctrl+2", "focusTableAction"))
        view_menu.addAction(act("任务详情(&3)", w.focus_detail, "Ctrl+3", "focusDetailAction"))
        view_menu.addAction(act("总览(&4)", lambda: w.center.setCurrentIndex(1), "Ctrl+4", "overviewAction"))
        view_menu.addSeparator()
        view_menu.addAction(act("清除筛选(&L)", w.clear_filters, "Ctrl+Shift+L", "clearFiltersAction"))
        self.restore_order_action = act(
            "恢复原顺序(&O)", w.restore_order, "Ctrl+Shift+O", "restoreOrderAction"
        )
        self.restore_order_action.setEnabled(not w.table_model.in_tree_order())
        view_menu.addAction(self.restore_order_action)
        self.keep_sort_action = QAction("下次启动保持排序(&K)", w)
        self.keep_sort_action.setObjectName("keepSortAction")
        self.keep_sort_action.setCheckable(True)
        self.keep_sort_action.setChecked(QSettings().value(KEEP_SORT_KEY) == "true")
        self.keep_sort_action.toggled.connect(
            lambda on: QSettings().setValue(KEEP_SORT_KEY, "true" if on else "")
        )
        view_menu.addAction(self.keep_sort_action)
        view_menu.addSeparator()
        view_menu.addAction(
            act("显示/隐藏详情窗格(&D)", w.toggle_detail, "Ctrl+Shift+D", "toggleDetailAction")
        )

        tools = menu.addMenu("工具(&O)")
        tools.addAction(act("设置(&S)…", self.settings, "Ctrl+,", "settingsAction"))

        help_menu = menu.addMenu("帮助(&H)")
        help_menu.addAction(
            act("使用说明(&H)", self.help, QKeySequence.StandardKey.HelpContents, "helpAction")
        )
        help_menu.addAction(act("关于(&A)", self.about))

        bar = w.main_toolbar
        bar.addSeparator()
        for action in (self.record_action, self.export_action, self.print_action, self.reload_action):
            bar.addAction(action)
        bar.addAction(act("设置", self.settings))

        w.nav.legend.guide_requested.connect(self.help)
        detail = w.detail
        detail.record_requested.connect(lambda _id: self.record_current())
        detail.close_requested.connect(lambda _id: self.close_current())
        detail.reopen_requested.connect(lambda _id: self.reopen_current())
        detail.edit_requested.connect(lambda _id: self.edit_current())
        detail.delete_requested.connect(lambda _id: self.delete_current())
        detail.open_evidence.connect(self.open_evidence)
        detail.save_evidence.connect(self.save_evidence)
        detail.remove_evidence.connect(self.remove_evidence)

    # -- plumbing ----------------------------------------------------------------------------
    @property
    def actor(self) -> str | None:
        snapshot = self.window.snapshot
        return (snapshot.settings.officer_name or None) if snapshot else None

    def run(self, work: Callable[[Session], T], select_task: int | None = None) -> str | None:
        """One service call in one transaction; returns the error message, or None and reloads."""
        try:
            with self.window.database.unit_of_work() as session:
                work(session)
        except TrackerError as exc:
            return str(exc)
        self.window.reload(select_task=select_task)
        return None

    def run_command(self, command: cmd.Command) -> str | None:
        """An edit that 撤销 can take back: run it in one transaction, remember it, reload."""
        try:
            with self.window.database.unit_of_work() as session:
                command.do(session)
        except TrackerError as exc:
            return str(exc)
        self.remember(command)
        return None

    def remember(self, command: cmd.Command) -> None:
        """An edit made (and committed): 撤销 offers it next; the window shows its task."""
        self.undo_stack.push(command)
        self._show_undo()
        self.window.reload(select_task=command.task_id)

    def forget_undo(self) -> None:
        """After the ledger was replaced (a restore), nothing before can be undone."""
        self.undo_stack.clear()
        self._show_undo()

    def _show_undo(self) -> None:
        for action, verb, label in (
            (self.undo_action, "撤销", self.undo_stack.undo_label),
            (self.redo_action, "重做", self.undo_stack.redo_label),
        ):
            action.setEnabled(label is not None)
            action.setText(f"{verb} {label}(&{'U' if verb == '撤销' else 'R'})" if label else f"{verb}")
            action.setToolTip(action_tip(action))

    def undo(self) -> str | None:
        """Ctrl+Z: take back the last edit; its undoing is written to the 留痕."""
        return self._reverse(self.undo_stack.undo, bool(self.undo_stack.done), "撤销")

    def redo(self) -> str | None:
        """Ctrl+Y: make the edit just taken back again."""
        return self._reverse(self.undo_stack.redo, bool(self.undo_stack.undone), "重做")

    def _reverse(self, step: Callable[[Any], cmd.Command], possible: bool, verb: str) -> str | None:
        if not possible:
            self.window.status_label.setText(f"没有可{verb}的操作")
            return None
        try:
            command = step(self.window.database.unit_of_work)
        except TrackerError as exc:
            self._show_undo()
            show_error(self.window, str(exc), f"无法{verb}")
            return str(exc)
        self._show_undo()
        self.window.reload(select_task=command.task_id)
        self.window.status_label.setText(f"已{verb}：{command.label}")
        return None

    def _open(self, dialog: QWidget) -> QWidget:
        self.dialog = dialog
        if isinstance(dialog, QDialog):
            dialog.open()
        else:
            dialog.show()
        return dialog

    def _task_id(self) -> int | None:
        task_id = self.window.current_task_id()
        if task_id is None:
            show_error(self.window, "请先在任务表中选择一项任务", "未选择任务")
        return task_id

    # -- progress --------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.window.center.setCurrentWidget(self.window.table)
        self.window.search.setFocus()
        self.window.search.selectAll()

    def record_current(self) -> QWidget | None:
        task_id = self._task_id()
        if task_id is None:
            return None
        row = self.window.row_of(task_id)
        if row is not None and row.closed:
            show_error(self.window, "该任务已销号，如需继续填报请先撤销销号", "已销号")
            return None
        with self.window.database.reading() as session:
            record = load_task_record(session, task_id, self.window.period)
        actor = self.actor
        database = self.window.database
        commands: list[cmd.RecordProgress] = []

        def save(data: ProgressInput, report: Report) -> None:
            """In a worker thread: the record, its actuals and evidence files in one transaction."""
            command = cmd.RecordProgress(task_id, data, actor)
            with database.unit_of_work() as session:
                command.do(session, progress=report)
                report(1, 1)  # a last look at 取消 before the commit
            commands.append(command)

        def saved() -> None:
            if self.window.isVisible() and commands:  # a window closed meanwhile needs no refresh
                self.remember(commands[-1])

        label = f"{row.code}　{row.title}" if row else str(task_id)
        dialog = ProgressDialog(
            label,
            self.window.period,
            record.metrics if record else [],
            row.status if row else "in_progress",
            row.percent if row else None,
            save=save,
            saved=saved,
            parent=self.window,
        )
        return self._open(dialog)

    def close_current(self) -> QWidget | None:
        task_id = self._task_id()
        if task_id is None:
            return None
        actor = self.actor
        dialog = CloseDialog(
            self.window.period,
            lambda reason, day, period: self.run_command(cmd.CloseTask(task_id, reason, actor, day, period)),
            parent=self.window,
        )
        return self._open(dialog)

    def reopen_current(self) -> QWidget | None:
        task_id = self._task_id()
        if task_id is None:
            return None
        actor = self.actor
        dialog = ReasonDialog(
            "撤销销号",
            "撤销销号后任务恢复跟踪，原销号记录保留在留痕中。理由（可不填）：",
            lambda reason: self.run_command(cmd.ReopenTask(task_id, reason, actor)),
            required=False,
            parent=self.window,
        )
        return self._open(dialog)

    # -- evidence -------------------------------------------------------------------------------
    def _evidence_name(self, evidence_id: int) -> str:
        with self.window.database.reading() as session:
            item = session.get(m.Evidence, evidence_id)
            return item.filename if item else "佐证材料"

    def open_evidence(self, evidence_id: int) -> Path | None:
        """Copy the file to the cache folder off the GUI thread, then open it with the system's program."""
        from ui.evidence_files import EvidenceFiles

        return EvidenceFiles.of(self.window).open(
            evidence_id, lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        )

    def save_evidence(self, evidence_id: int) -> QWidget:
        name = evidence.safe_filename(self._evidence_name(evidence_id))
        dialog = save_dialog(
            self.window,
            "另存佐证材料",
            "evidence",
            name,
            "所有文件 (*)",
            lambda path: self.save_evidence_to(evidence_id, path),
        )
        self.dialog = dialog
        return dialog

    def save_evidence_to(self, evidence_id: int, target: Path) -> bool:
        """Start writing the file to `target` off the GUI thread (EvidenceFiles.saved follows)."""
        from ui.evidence_files import EvidenceFiles

        return EvidenceFiles.of(self.window).save_to(evidence_id, target)

    def remove_evidence(self, evidence_id: int) -> QMessageBox:
        name = self._evidence_name(evidence_id)
        actor = self.actor

        def go() -> None:
            error = self.run_command(cmd.RemoveEvidence(evidence_id, actor=actor))
            if error:
                show_error(self.window, error)

        box = confirm(self.window, f"移除佐证材料“{name}”？", go, "文件内容仍保留在台账中，留痕可查。")
        self.dialog = box
        return box

    # -- editing --------------------------------------------------------------------------------
    def _current_plan(self) -> int | None:
        task_id = self.window.current_task_id()
        row = self.window.row_of(task_id) if task_id is not None else None
        if row is not None:
            return row.plan_id
        plan = self.window.plan_filter.currentData()
        return int(plan) if plan is not None else None

    def new_task(self, child: bool = False) -> QWidget | None:
        plan_id = self._current_plan()
        if plan_id is None:
            show_error(self.window, "请先选择一项任务或在筛选栏选定方案，新任务将加入该方案", "未选择方案")
            return None
        parent_id = self.window.current_task_id() if child else None
        if child and parent_id is None:
            return None
        actor = self.actor

        def save(data: tasks.TaskInput) -> str | None:
            return self.run_command(cmd.CreateTask(plan_id, data, parent_id, actor))

        return self._open(TaskDialog(save, parent=self.window))

    def edit_current(self) -> QWidget | None:
        task_id = self._task_id()
        if task_id is None:
            return None
        with self.window.database.reading() as session:
            task = session.get(m.Task, task_id)
            assert task is not None
            current = tasks.input_of(task)
        actor = self.actor
        return self._open(
            TaskDialog(
                lambda data: self.run_command(cmd.EditTask(task_id, current, data, actor)),
                current,
                self.window,
            )
        )

    def move_current(self) -> QWidget | None:
        task_id = self._task_id()
        snapshot = self.window.snapshot
        row = self.window.row_of(task_id) if task_id is not None else None
        if task_id is None or snapshot is None or row is None:
            return None
        if not snapshot.complete:  # the other plans' tasks are not all read yet
            self.window.statusBar().showMessage("正在读取台账，读完后再移动任务", 5_000)
            return None
        rows = snapshot.rows

        def tasks_of(plan_id: int) -> list[tuple[int, str]]:
            return [
                (r.id, f"{'　' * r.depth}{r.code} {r.title[:40]}")
                for r in rows
                if r.plan_id == plan_id and r.id != task_id
            ]

        actor = self.actor

        def save(value: tuple[int, int | None]) -> str | None:
            plan_id, parent_id = value
            return self.run_command(cmd.MoveTask(task_id, plan_id, parent_id, actor))

        plans = [(p.id, p.label) for p in snapshot.plans]
        return self._open(MoveTaskDialog(save, plans, tasks_of, row.plan_id, self.window))

    def delete_current(self) -> QMessageBox | None:
        task_id = self._task_id()
        if task_id is None:
            return None
        row = self.window.row_of(task_id)
        label = f"{row.code} {row.title[:40]}" if row else str(task_id)
        actor = self.actor

        def go() -> None:
            error = self.run_command(cmd.DeleteTask(task_id, actor))
            if error:
                show_error(self.window, error)

        detail = "下级任务一并删除。" if row and row.has_children else ""
        box = confirm(self.window, f"删除任务“{label}”？", go, detail + "删除后可在“编辑 → 回收站”中恢复。")
        self.dialog = box
        return box

    def new_plan(self) -> QWidget:
        actor = self.actor
        return self._open(
            PlanDialog(
                lambda data: self.run(lambda s: plans_edit.create_plan(s, data, actor=actor)),
                parent=self.window,
            )
        )

    def edit_plan(self) -> QWidget | None:
        plan_id = self._current_plan()
        if plan_id is None:
            show_error(self.window, "请先选择方案", "未选择方案")
            return None
        with self.window.database.reading() as session:
            plan = session.get(m.Plan, plan_id)
            assert plan is not None
            current = plans_edit.PlanInput(
                plan.title, plan.short_title, plan.doc_number, plan.issuer, plan.issued_on,
                plan.period_start, plan.period_end, plan.notes,
            )  # fmt: skip
        actor = self.actor
        return self._open(
            PlanDialog(
                lambda data: self.run_command(cmd.EditPlan(plan_id, current, data, actor)),
                current,
                self.window,
            )
        )

    def move_plan(self, steps: int) -> None:
        plan_id = self._current_plan()
        if plan_id is not None:
            actor = self.actor
            error = self.run(lambda s: plans_edit.move_plan(s, plan_id, steps, actor=actor))
            if error:
                show_error(self.window, error)

    def delete_plan(self) -> QMessageBox | None:
        plan_id = self._current_plan()
        if plan_id is None:
            show_error(self.window, "请先选择方案", "未选择方案")
            return None
        with self.window.database.reading() as session:
            plan = session.get(m.Plan, plan_id)
            title = plan.title if plan else str(plan_id)
        actor = self.actor

        def go() -> None:
            error = self.run(lambda s: plans_edit.delete_plan(s, plan_id, actor=actor))
            if error:
                show_error(self.window, error)
            else:
                self.window.clear_filters()

        box = confirm(
            self.window, f"删除方案“{title}”及其全部任务？", go, "删除后可在“编辑 → 回收站”中恢复。"
        )
        self.dialog = box
        return box

    def recycle_bin(self) -> QWidget:
        from tracker.services import purge

        def load() -> list[tasks.DeletedItem]:
            with self.window.database.reading() as session:
                return tasks.recycle_bin(session)

        actor = self.actor

        def restore(item: tasks.DeletedItem) -> str | None:
            if item.kind == "plan":
                return self.run(lambda s: plans_edit.restore_plan(s, item.id, actor=actor))
            return self.run(lambda s: tasks.restore_task(s, item.id, actor=actor), item.id)

        def purge_one(item: tasks.DeletedItem) -> str | None:
            return self.run(lambda s: purge.purge_item(s, item, actor=actor))

        def purge_all() -> str | None:
            return self.run(lambda s: purge.empty_recycle_bin(s, actor=actor))

        dialog = RecycleBinDialog(load, restore, self.window, purge=purge_one, purge_all=purge_all)
        return self._open(dialog)

    def unit_admin(self) -> QWidget:
        def load() -> list[unit_admin.UnitInfo]:
            with self.window.database.reading() as session:
                return [u for u in unit_admin.list_units(session) if u.tasks or u.aliases]

        actor = self.actor
        return self._open(
            UnitAdminDialog(
                load,
                lambda unit_id, name: self.run_command(cmd.RenameUnit(unit_id, name, actor)),
                lambda source, target: self.run_command(cmd.MergeUnits(source, target, actor)),
                self.window,
            )
        )

    # -- settings, reports, help -----------------------------------------------------------------
    def settings(self) -> QWidget:
        from tracker.reports.options import read_document_settings, write_document_settings

        with self.window.database.reading() as session:
            current = load_settings(session)
            document = read_document_settings(session)

        def save(value: JudgingSettings) -> str | None:
            fields = dialog.document_value()

            def both(s: Session) -> None:
                save_settings(s, value)
                if fields is not None:
                    write_document_settings(s, *fields)

            return self.run(both)

        dialog = SettingsDialog(current, save, self.window, document)
        return self._open(dialog)

    # The dialogs below pull in openpyxl, reportlab and pydantic: imported when first
    # opened, so the window starts without them.
    def open_reports(self) -> QWidget:
        from ui.reports import open_report_dialog

        self.dialog = open_report_dialog(self.window)
        return self.dialog

    def import_plan(self) -> QWidget:
        from ui.dialogs.plan_import import open_plan_import_dialog

        self.dialog = open_plan_import_dialog(self.window)
        return self.dialog

    def export_forms(self) -> QWidget:
        from ui.dialogs.forms_export import open_forms_export_dialog

        self.dialog = open_forms_export_dialog(self.window)
        return self.dialog

    def import_forms(self) -> QWidget:
        from ui.dialogs.forms_import import open_forms_import_dialog

        self.dialog = open_forms_import_dialog(self.window)
        return self.dialog

    def help(self, section: str | None = None) -> QWidget:
        return self._open(HelpDialog(self.window, section or None))

    def about(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Information, APP_NAME, f"{APP_NAME} {__version__}", parent=self.window
        )
        box.setInformativeText("科技局督查任务台账：跟踪方案任务、记录进展和佐证材料、亮灯督办。")
        box.open()
        self.dialog = box
        return box
