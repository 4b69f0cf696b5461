"""Hand-edited tasks: add, edit, move, delete to the recycle bin and restore, all recorded."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.errors import BadInput
from tracker.periods import parse_period
from tracker.services.tasks import (
    TaskInput,
    create_task,
    delete_task,
    edit_task,
    move_task,
    recycle_bin,
    restore_task,
)
from tracker.views.status import task_states


def plan_ids(session) -> list[int]:  # type: ignore[no-untyped-def]
    return list(session.scalars(select(m.Plan.id).order_by(m.Plan.id)))


def audit_summaries(session, task_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    return list(session.scalars(select(m.AuditEntry.summary).where(m.AuditEntry.task_id == task_id)))


def test_create_edit_and_units(seeded: Database) -> None:
    data = TaskInput(
        title="推进科技特派员工作",
        code="交1",
        deadline=date(2023, 12, 31),
        units=[("市科技局", "lead"), ("市农业农村局", "support")],
    )
    with seeded.unit_of_work() as session:
        plan_id = plan_ids(session)[0]
        task = create_task(session, plan_id, data, actor="张科长")
        task_id = task.id
    with seeded.unit_of_work() as session:
        task = session.get(m.Task, task_id)
        assert task is not None
        assert [(u.printed_name, u.role) for u in task.unit_links] == data.units
        data.title = "深入推进科技特派员工作"
        data.units = [("市科技局", "lead")]
        edit_task(session, task_id, data, actor="张科长")
    with seeded.reading() as session:
        task = session.get(m.Task, task_id)
        assert task is not None and task.title == "深入推进科技特派员工作" and len(task.unit_links) == 1
        summaries = audit_summaries(session, task_id)
        assert summaries[0].startswith("新增任务") and summaries[1].endswith("：任务名称、责任单位")
        assert task_id in task_states(session, parse_period("2023Q2"))


def test_bad_input_writes_nothing(seeded: Database) -> None:
    with seeded.reading() as session:
        plan_id = plan_ids(session)[0]
        before = len(list(session.scalars(select(m.Task.id))))
    for bad in (
        TaskInput(title="  "),
        TaskInput(title="x", units=[("甲", "boss")]),
    ):
        with pytest.raises(BadInput), seeded.unit_of_work() as session:
            create_task(session, plan_id, bad)
    with seeded.reading() as session:
        assert len(list(session.scalars(select(m.Task.id)))) == before


def test_delete_and_restore_subtree(seeded: Database) -> None:
    with seeded.reading() as session:
        parent = session.scalars(
            select(m.Task).where(m.Task.id.in_(select(m.Task.parent_id).where(m.Task.parent_id.is_not(None))))
        ).first()
        assert parent is not None
        parent_id = parent.id
        child_ids = [c.id for c in parent.children]
    period = parse_period("2023Q2")
    with seeded.unit_of_work() as session:
        delete_task(session, parent_id, actor="张科长")
    with seeded.reading() as session:
        states = task_states(session, period)
        assert parent_id not in states and not set(child_ids) & set(states)
        [item] = [i for i in recycle_bin(session) if i.kind == "task"]
        assert item.id == parent_id and item.subtasks >= len(child_ids)
    with pytest.raises(BadInput, match="上级任务"), seeded.unit_of_work() as session:
        restore_task(session, child_ids[0])
    with seeded.unit_of_work() as session:
        restore_task(session, parent_id)
    with seeded.reading() as session:
        states = task_states(session, period)
        assert parent_id in states and set(child_ids) <= set(states)
        assert recycle_bin(session) == []
        summaries = audit_summaries(session, parent_id)
        assert any("删除任务" in s for s in summaries) and any("恢复任务" in s for s in summaries)


def test_move_to_other_plan_and_refuse_cycles(seeded: Database) -> None:
    with seeded.reading() as session:
        parent = session.scalars(
            select(m.Task).where(m.Task.id.in_(select(m.Task.parent_id).where(m.Task.parent_id.is_not(None))))
        ).first()
        assert parent is not None
        first = parent.plan_id
        second = next(p for p in plan_ids(session) if p != first)
        parent_id, child_id = parent.id, parent.children[0].id
    with pytest.raises(BadInput, match="自己"), seeded.unit_of_work() as session:
        move_task(session, parent_id, plan_id=first, parent_id=child_id)
    with seeded.unit_of_work() as session:
        move_task(session, parent_id, plan_id=second)
    with seeded.reading() as session:
        child = session.get(m.Task, child_id)
        moved = session.get(m.Task, parent_id)
        assert moved is not None and child is not None
        assert moved.plan_id == second and moved.parent_id is None and child.plan_id == second
        metrics = session.scalars(select(m.Metric.plan_id).where(m.Metric.task_id == parent_id)).all()
        assert all(p == second for p in metrics)
        assert any("移动任务" in s for s in audit_summaries(session, parent_id))


def test_co_leads_are_kept_through_an_edit(database: Database) -> None:
    """Names printed under 牵头单位 are all lead (共同牵头); editing the task keeps them so."""
    from tracker.services.tasks import create_task, edit_task, input_of

    with database.unit_of_work() as session:
        plan = m.Plan(title="共同牵头测试")
        session.add(plan)
        session.flush()
        task = create_task(
            session,
            plan.id,
            TaskInput(title="共建实验室", units=[("甲局", "lead"), ("乙局", "lead"), ("丙局", "support")]),
        )
        data = input_of(task)
        data.remarks = "已调度"
        edit_task(session, task.id, data)
        assert [(link.printed_name, link.role) for link in task.unit_links] == [
            ("甲局", "lead"),
            ("乙局", "lead"),
            ("丙局", "support"),
        ]
