"""撤销 / 重做 in the window: each kind of edit taken back and made again, the 留痕 showing both."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.ui.conftest import wait_loaded
from tracker.db import models as m
from tracker.periods import parse_period
from ui.edit_dialogs import MoveTaskDialog, TaskDialog, UnitAdminDialog
from ui.main_window import MainWindow
from ui.progress_dialog import ProgressDialog
from ui.small_dialogs import ReasonDialog


def audit_summaries(window: MainWindow, task_id: int | None = None) -> list[str]:
    with window.database.reading() as session:
        query = select(m.AuditEntry.summary).order_by(m.AuditEntry.id)
        if task_id is not None:
            query = query.where(m.AuditEntry.task_id == task_id)
        return list(session.scalars(query))


def undo(qtbot: QtBot, window: MainWindow) -> None:
    assert window.actions_.undo() is None
    wait_loaded(qtbot, window)


def redo(qtbot: QtBot, window: MainWindow) -> None:
    assert window.actions_.redo() is None
    wait_loaded(qtbot, window)


def pick(window: MainWindow, with_metric: bool = False) -> int:
    assert window.snapshot is not None
    row = next(
        r
        for r in window.snapshot.rows
        if not r.has_children and not r.finished and (r.metric_count > 0 or not with_metric)
    )
    assert window.select_task(row.id)
    return row.id


def yes(qtbot: QtBot, box: QMessageBox) -> None:
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)


def test_undo_redo_record_progress_with_actual_and_evidence(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.period_bar.set_period(parse_period("2023Q2"))
    wait_loaded(qtbot, window)
    task_id = pick(window, with_metric=True)
    actions = window.actions_
    assert not actions.undo_action.isEnabled() and actions.undo_action.text() == "撤销"
    proof = tmp_path / "会议 纪要.pdf"
    proof.write_bytes(b"%PDF-1.4 minutes")
    dialog = actions.record_current()
    assert isinstance(dialog, ProgressDialog)
    dialog.add_files([proof])
    dialog.progress.setPlainText("完成年度任务的一半")
    metric_id = dialog.metrics[0].id
    dialog.actual_edits[metric_id].setText("42")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    wait_loaded(qtbot, window)
    assert actions.undo_action.isEnabled() and actions.undo_action.text() == "撤销 记录进展(&U)"

    def state() -> tuple[int, list[float], list[str]]:
        with window.database.reading() as session:
            updates = session.scalar(
                select(func.count()).select_from(m.Update).where(m.Update.task_id == task_id)
            )
            actuals = list(session.scalars(select(m.Actual.value).where(m.Actual.metric_id == metric_id)))
            files = list(
                session.scalars(
                    select(m.Evidence.filename).where(
                        m.Evidence.task_id == task_id, m.Evidence.removed_at.is_(None)
                    )
                )
            )
            return int(updates or 0), actuals, files

    assert state() == (1, [42.0], [proof.name])
    undo(qtbot, window)
    assert state() == (0, [], [])
    assert not actions.undo_action.isEnabled() and actions.redo_action.text() == "重做 记录进展(&R)"
    row = window.row_of(task_id)
    assert row is not None and not row.reported
    trail = audit_summaries(window, task_id)
    assert any(s.startswith("撤销“记录进展”：删除2023年第二季度进展记录") for s in trail), trail
    assert any(s.startswith("撤销“记录进展”：移除佐证材料“会议 纪要.pdf”") for s in trail), trail
    assert any(s.startswith("记录 2023年第二季度 进展") for s in trail)  # the change itself stays

    redo(qtbot, window)
    assert state() == (1, [42.0], [proof.name])  # the file comes back from the ledger, not the disk
    assert any(s.startswith("重做“记录进展”：") for s in audit_summaries(window, task_id))
    assert window.detail.update_model.records()[0].progress == "完成年度任务的一半"


def test_undo_close_and_reopen_keep_the_reason_and_date(qtbot: QtBot, window: MainWindow) -> None:
    task_id = pick(window)
    actions = window.actions_
    dialog = actions.close_current()
    assert isinstance(dialog, ReasonDialog)
    dialog.reason.setPlainText("已完成并经现场核实")
    dialog._try_accept()
    wait_loaded(qtbot, window)
    with window.database.reading() as session:
        task = session.get(m.Task, task_id)
        assert task is not None and task.closed_at is not None
        closed_at = task.closed_at
    undo(qtbot, window)
    with window.database.reading() as session:
        task = session.get(m.Task, task_id)
        assert task is not None and task.closed_at is None
    assert audit_summaries(window, task_id)[-1] == "撤销“销号”：撤销销号"

    redo(qtbot, window)
    reopen = actions.reopen_current()
    assert isinstance(reopen, ReasonDialog)
    reopen._try_accept()
    wait_loaded(qtbot, window)
    undo(qtbot, window)  # takes back the 撤销销号: closed again, with the first reason
    with window.database.reading() as session:
        task = session.get(m.Task, task_id)
        assert task is not None and task.closed_reason == "已完成并经现场核实"
        assert task.closed_at is not None and task.closed_at >= closed_at
    last = audit_summaries(window, task_id)[-1]
    assert last.startswith("撤销“撤销销号”：销号（") and last.endswith("）：已完成并经现场核实"), last
    assert "年" in last and "-" not in last  # its date in words, as every date the officer reads


def test_undo_edit_task_delete_and_move(qtbot: QtBot, window: MainWindow) -> None:
    task_id = pick(window)
    actions = window.actions_
    with window.database.reading() as session:
        task = session.get(m.Task, task_id)
        assert task is not None
        title, units, plan_id, parent, position = (
            task.title,
            [(u.printed_name, u.role) for u in task.unit_links],
            task.plan_id,
            task.parent_id,
            task.position,
        )
    dialog = actions.edit_current()
    assert isinstance(dialog, TaskDialog)
    dialog.title.setText("改过的任务名称")
    dialog.support.setText("市财政局")
    dialog.remarks.setText("备注一句")
    dialog._try_accept()
    wait_loaded(qtbot, window)
    assert window.row_of(task_id).title == "改过的任务名称"  # type: ignore[union-attr]
    assert actions.undo_action.text() == "撤销 编辑任务(&U)"
    undo(qtbot, window)
    with window.database.reading() as session:
        task = session.get(m.Task, task_id)
        assert task is not None and task.title == title and task.remarks is None
        assert [(u.printed_name, u.role) for u in task.unit_links] == units
    assert audit_summaries(window, task_id)[-1].startswith("撤销“编辑任务”：修改任务")

    # delete (to the 回收站) and back
    box = actions.delete_current()
    assert box is not None
    yes(qtbot, box)
    wait_loaded(qtbot, window)
    assert window.row_of(task_id) is None
    undo(qtbot, window)
    assert window.row_of(task_id) is not None and window.current_task_id() == task_id
    assert audit_summaries(window, task_id)[-1].startswith("撤销“删除任务”：从回收站恢复任务")

    # move under another plan, and back to the same place among its siblings
    move = actions.move_current()
    assert isinstance(move, MoveTaskDialog)
    move.plan.setCurrentIndex(1 if move.plan.currentIndex() == 0 else 0)
    move._try_accept()
    wait_loaded(qtbot, window)
    assert window.row_of(task_id).plan_id != plan_id  # type: ignore[union-attr]
    undo(qtbot, window)
    with window.database.reading() as session:
        task = session.get(m.Task, task_id)
        assert task is not None and (task.plan_id, task.parent_id, task.position) == (
            plan_id,
            parent,
            position,
        )


def test_undo_remove_evidence_and_unit_rename_and_keys(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    pick(window)
    actions = window.actions_
    proof = tmp_path / "照片.jpg"
    proof.write_bytes(b"\xff\xd8 photo")
    dialog = actions.record_current()
    assert isinstance(dialog, ProgressDialog)
    dialog.add_files([proof])
    dialog.progress.setPlainText("现场照片")
    dialog._try_accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    wait_loaded(qtbot, window)
    [item] = window.detail.evidence_model.records()
    box = actions.remove_evidence(item.id)
    yes(qtbot, box)
    wait_loaded(qtbot, window)
    assert window.detail.evidence_model.rowCount() == 0
    assert actions.undo_action.text() == "撤销 移除佐证材料(&U)"

    # Ctrl+Z from the table, the keyboard way
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_loaded(qtbot, window)
    assert [e.filename for e in window.detail.evidence_model.records()] == [proof.name]
    assert (
        window.detail.history_model.records()[0].summary == f"撤销“移除佐证材料”：恢复佐证材料“{proof.name}”"
    )
    QTest.keyClick(window.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    wait_loaded(qtbot, window)
    assert window.detail.evidence_model.rowCount() == 0

    # a unit renamed and named back, leaving no alias behind
    admin = actions.unit_admin()
    assert isinstance(admin, UnitAdminDialog)
    admin.table.selectRow(0)
    unit = admin.selected()
    assert unit is not None
    admin.new_name.setText("改名后的单位")
    admin.rename_selected()
    wait_loaded(qtbot, window)
    admin.close()
    undo(qtbot, window)
    with window.database.reading() as session:
        row = session.get(m.Unit, unit.id)
        assert row is not None and row.name == unit.name
        assert sorted(a.alias for a in row.aliases) == sorted(unit.aliases)
    last = audit_summaries(window)[-2:]  # one transaction: the rename back, the alias dropped
    assert any(s.startswith(f"撤销“单位更名”：单位更名：改名后的单位 → {unit.name}") for s in last), last
    assert f"撤销“单位更名”：单位“{unit.name}”去掉别名“改名后的单位”" in last


def test_an_undo_that_cannot_be_made_says_why_and_moves_on(qtbot: QtBot, window: MainWindow) -> None:
    task_id = pick(window)
    actions = window.actions_
    dialog = actions.close_current()
    assert isinstance(dialog, ReasonDialog)
    dialog.reason.setPlainText("已办结")
    dialog._try_accept()
    wait_loaded(qtbot, window)
    from tracker.services.progress import reopen_task

    with window.database.unit_of_work() as session:  # reopened elsewhere meanwhile
        reopen_task(session, task_id, "另一台电脑上撤销")
    error = actions.undo()
    assert error is not None and "无法撤销“销号”" in error and "未销号" in error
    assert not actions.undo_action.isEnabled()
    for box in window.findChildren(QMessageBox, "errorBox"):
        box.accept()
