"""Hand-edited plans: add, edit, reorder, delete to the recycle bin and restore."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.errors import BadInput
from tracker.periods import parse_period
from tracker.services.plans_edit import (
    PlanInput,
    create_plan,
    delete_plan,
    edit_plan,
    move_plan,
    restore_plan,
)
from tracker.services.tasks import TaskInput, create_task, recycle_bin
from tracker.views.status import task_states
from tracker.views.tree import load_tree


def test_plan_lifecycle(seeded: Database) -> None:
    with seeded.unit_of_work() as session:
        plan = create_plan(session, PlanInput("2023年领导交办事项", short_title="交办事项"), actor="张科长")
        task = create_task(session, plan.id, TaskInput(title="筹备科技大会", units=[("市科技局", "lead")]))
        plan_id, task_id = plan.id, task.id
    with seeded.reading() as session:
        assert load_tree(session)[-1].label == "交办事项"
    with seeded.unit_of_work() as session:
        edit_plan(
            session,
            plan_id,
            PlanInput("2023年领导交办事项", short_title="交办", doc_number="乐科〔2023〕1号"),
        )
        move_plan(session, plan_id, -100)
    with seeded.reading() as session:
        first = load_tree(session)[0]
        assert (first.id, first.label, first.doc_number) == (plan_id, "交办", "乐科〔2023〕1号")
    with seeded.unit_of_work() as session:
        delete_plan(session, plan_id)
    with seeded.reading() as session:
        assert plan_id not in {p.id for p in load_tree(session)}
        assert task_id not in task_states(session, parse_period("2023Q2"))
        [item] = recycle_bin(session)
        assert (item.kind, item.id, item.subtasks) == ("plan", plan_id, 1)
    with seeded.unit_of_work() as session:
        restore_plan(session, plan_id)
    with seeded.reading() as session:
        assert task_id in task_states(session, parse_period("2023Q2"))
        actions = session.scalars(select(m.AuditEntry.action).where(m.AuditEntry.plan_id == plan_id)).all()
        assert {"create", "update", "move", "delete", "restore"} <= set(actions)


def test_plan_bad_input(seeded: Database) -> None:
    with pytest.raises(BadInput), seeded.unit_of_work() as session:
        create_plan(session, PlanInput(" "))
    with pytest.raises(BadInput), seeded.unit_of_work() as session:
        create_plan(session, PlanInput("x", period_start=2025, period_end=2021))
    with pytest.raises(BadInput), seeded.unit_of_work() as session:
        restore_plan(session, 1)
