"""The undo stack below the window: inverse service calls, the 留痕 writing both sides."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.errors import BadInput
from tracker.services import undo
from tracker.services.progress import ProgressInput


def _task_with_metric(database: Database) -> tuple[int, int]:
    with database.reading() as session:
        task = session.scalars(
            select(m.Task).join(m.Metric, m.Metric.task_id == m.Task.id).order_by(m.Task.id)
        ).first()
        assert task is not None
        return task.id, task.metrics[0].id


def test_record_progress_undone_returns_the_earlier_actual(seeded: Database, tmp_path: Path) -> None:
    task_id, metric_id = _task_with_metric(seeded)
    stack = undo.UndoStack()
    first = undo.RecordProgress(
        task_id, ProgressInput("2023Q2", "in_progress", "一季度", actuals={metric_id: 5})
    )
    with seeded.unit_of_work() as session:
        first.do(session)
    stack.push(first)
    proof = tmp_path / "纪要.txt"
    proof.write_text("会议纪要", encoding="utf-8")
    second = undo.RecordProgress(
        task_id,
        ProgressInput("2023Q2", "done", "完成", percent=100, actuals={metric_id: 9}, evidence=[proof]),
    )
    with seeded.unit_of_work() as session:
        second.do(session)
    stack.push(second)
    assert stack.undo_label == "记录进展"

    stack.undo(seeded.unit_of_work)
    with seeded.reading() as session:
        assert session.scalar(select(m.Actual.value).where(m.Actual.metric_id == metric_id)) == 5
        statuses = list(session.scalars(select(m.Update.status).where(m.Update.task_id == task_id)))
        assert statuses == ["in_progress"]
        live = session.scalar(
            select(func.count())
            .select_from(m.Evidence)
            .where(m.Evidence.task_id == task_id, m.Evidence.removed_at.is_(None))
        )
        assert live == 0
        trail = list(session.scalars(select(m.AuditEntry.summary).where(m.AuditEntry.task_id == task_id)))
    assert "撤销“记录进展”：删除2023年第二季度进展记录（已完成）" in trail
    assert any(s.startswith("撤销“记录进展”：指标") and "9 → 5" in s for s in trail), trail

    stack.undo(seeded.unit_of_work)  # the first record too: no actual is left for the period
    with seeded.reading() as session:
        assert (
            session.scalar(select(func.count()).select_from(m.Actual).where(m.Actual.metric_id == metric_id))
            == 0
        )
    assert stack.undo_label is None and stack.redo_label == "记录进展"

    stack.redo(seeded.unit_of_work)
    stack.redo(seeded.unit_of_work)
    with seeded.reading() as session:
        assert session.scalar(select(m.Actual.value).where(m.Actual.metric_id == metric_id)) == 9
        files = list(
            session.scalars(
                select(m.Evidence.filename).where(
                    m.Evidence.task_id == task_id, m.Evidence.removed_at.is_(None)
                )
            )
        )
        assert files == ["纪要.txt"]


def test_a_new_edit_clears_redo_and_a_failed_undo_is_dropped(seeded: Database) -> None:
    task_id, _ = _task_with_metric(seeded)
    stack = undo.UndoStack(limit=2)
    for reason in ("甲", "乙"):
        close = undo.CloseTask(task_id, reason)
        with seeded.unit_of_work() as session:
            close.do(session)
        stack.push(close)
        stack.undo(seeded.unit_of_work)
    assert len(stack.undone) == 1  # the second push cleared the first undone edit
    delete = undo.DeleteTask(task_id)
    with seeded.unit_of_work() as session:
        delete.do(session)
    stack.push(delete)
    with seeded.unit_of_work() as session:  # restored elsewhere meanwhile
        from tracker.services.tasks import restore_task

        restore_task(session, task_id)
    with pytest.raises(BadInput, match=r"无法撤销“删除任务”：.*不在回收站中"):
        stack.undo(seeded.unit_of_work)
    assert stack.undo_label is None and not stack.undone  # dropped, not retried forever


def _unit_state(database: Database, unit_id: int) -> tuple[str, list[str], list[tuple[int, int, str, str]]]:
    with database.reading() as session:
        unit = session.get(m.Unit, unit_id)
        assert unit is not None
        links = sorted(
            (link.task_id, link.position, link.role, link.printed_name)
            for link in session.scalars(select(m.TaskUnit).where(m.TaskUnit.unit_id == unit_id))
        )
        return unit.name, sorted(a.alias for a in unit.aliases), links


def test_merge_units_undone_splits_the_unit_out_again(seeded: Database) -> None:
    with seeded.reading() as session:
        # two units sharing a task, so the shared link's role and place matter too
        pair = session.execute(
            select(m.TaskUnit.task_id, func.count()).group_by(m.TaskUnit.task_id).having(func.count() >= 2)
        ).first()
        assert pair is not None
        first, second = session.scalars(
            select(m.TaskUnit.unit_id).where(m.TaskUnit.task_id == pair[0]).order_by(m.TaskUnit.position)
        ).all()[:2]
    source_before, target_before = _unit_state(seeded, second), _unit_state(seeded, first)
    stack = undo.UndoStack()
    merge = undo.MergeUnits(second, first)
    with seeded.unit_of_work() as session:
        merge.do(session)
    stack.push(merge)
    with seeded.reading() as session:
        assert session.get(m.Unit, second) is None
    stack.undo(seeded.unit_of_work)
    assert _unit_state(seeded, second) == source_before
    assert _unit_state(seeded, first) == target_before
    with seeded.reading() as session:
        trail = session.scalars(select(m.AuditEntry.summary).order_by(m.AuditEntry.id.desc())).first()
    assert trail is not None and trail.startswith(f"撤销“合并单位”：拆回单位：“{source_before[0]}”")
    stack.redo(seeded.unit_of_work)
    with seeded.reading() as session:
        assert session.get(m.Unit, second) is None
