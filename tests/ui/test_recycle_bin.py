"""回收站 → 彻底删除 and 清空回收站 through the real window: asked first, gone for good, in 全部留痕."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.ui.conftest import wait_loaded
from tracker.db import models as m
from tracker.services import evidence
from tracker.services.tasks import delete_task, restore_task
from ui.history_dialog import HistoryDialog
from ui.main_window import MainWindow
from ui.recycle_bin import RecycleBinDialog


def answer(qtbot: QtBot, box: QMessageBox | None, button: QMessageBox.StandardButton) -> None:
    assert box is not None and box.isVisible()
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)


def open_bin(window: MainWindow) -> RecycleBinDialog:
    dialog = window.actions_.recycle_bin()
    assert isinstance(dialog, RecycleBinDialog) and dialog.isVisible()
    return dialog


def errors(widget: object) -> list[str]:
    return [b.text() for b in widget.findChildren(QMessageBox, "errorBox") if b.isVisible()]  # type: ignore[attr-defined]


def test_purge_one_task_asks_first_and_is_kept_in_history(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    row = next(r for r in window.snapshot.rows if r.has_children)  # type: ignore[union-attr]
    proof = tmp_path / "现场 照片.jpg"
    proof.write_bytes(b"\xff\xd8 photo of the site" * 100)
    with window.database.unit_of_work() as session:
        task = session.get(m.Task, row.id)
        assert task is not None
        evidence.attach(session, task, proof)
    window.select_task(row.id)
    answer(qtbot, window.actions_.delete_current(), QMessageBox.StandardButton.Yes)
    wait_loaded(qtbot, window)
    assert window.row_of(row.id) is None

    dialog = open_bin(window)
    assert [i.id for i in dialog.model.records()] == [row.id]
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
    box = dialog.confirm_box
    assert box is not None and "彻底删除任务" in box.text() and "此操作不可撤销" in box.informativeText()
    answer(qtbot, box, QMessageBox.StandardButton.No)  # 否: nothing happens
    assert dialog.model.rowCount() == 1

    qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
    answer(qtbot, dialog.confirm_box, QMessageBox.StandardButton.Yes)
    wait_loaded(qtbot, window)
    assert dialog.model.rowCount() == 0 and not dialog.empty_button.isEnabled()
    sha = hashlib.sha256(proof.read_bytes()).hexdigest()
    with window.database.reading() as session:
        assert session.get(m.Task, row.id) is None
        assert session.scalar(select(func.count()).select_from(m.Task).where(m.Task.parent_id == row.id)) == 0
        assert session.get(m.Blob, sha) is None
    dialog.accept()

    history = window.data_actions.history()
    assert isinstance(history, HistoryDialog)
    history.search.setText("彻底删除")
    assert history.proxy.rowCount() == 1
    [entry] = [r for r in history.model.records() if r.summary.startswith("彻底删除")]
    assert row.code in entry.summary and row.title[:10] in entry.summary and "1 份佐证材料" in entry.summary
    history.accept()


def test_empty_the_bin_with_one_question(window: MainWindow, qtbot: QtBot) -> None:
    rows = [r for r in window.snapshot.rows if r.parent_id is None][:3]  # type: ignore[union-attr]
    with window.database.unit_of_work() as session:
        for row in rows:
            delete_task(session, row.id)
    dialog = open_bin(window)
    qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)  # nothing selected
    assert errors(dialog) == ["请先选择要彻底删除的项目"]
    assert dialog.model.rowCount() == 3 and dialog.empty_button.isEnabled()
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    box = dialog.confirm_box
    assert box is not None and "3 项" in box.text() and "此操作不可撤销" in box.informativeText()
    answer(qtbot, box, QMessageBox.StandardButton.Yes)
    wait_loaded(qtbot, window)
    assert dialog.model.rowCount() == 0
    with window.database.reading() as session:
        assert (
            session.scalar(select(func.count()).select_from(m.Task).where(m.Task.deleted_at.is_not(None)))
            == 0
        )
        purges = session.scalars(
            select(m.AuditEntry.summary).where(m.AuditEntry.summary.like("彻底删除%"))
        ).all()
        assert len(purges) == 3


def test_purge_refused_when_the_item_left_the_bin(window: MainWindow, qtbot: QtBot) -> None:
    row = window.snapshot.rows[0]  # type: ignore[union-attr]
    with window.database.unit_of_work() as session:
        delete_task(session, row.id)
    dialog = open_bin(window)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
    with window.database.unit_of_work() as session:  # restored elsewhere before the answer
        restore_task(session, row.id)
    answer(qtbot, dialog.confirm_box, QMessageBox.StandardButton.Yes)
    [text] = errors(dialog)
    assert "不在回收站" in text
    assert dialog.model.rowCount() == 0
    with window.database.reading() as session:
        assert session.get(m.Task, row.id) is not None
