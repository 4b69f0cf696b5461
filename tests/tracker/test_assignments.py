"""交办事项 and 领导批示: origin, 重点 and 责任领导 kept on the task, and the yearly 交办 plan."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.errors import BadInput
from tracker.services.tasks import TaskInput, create_assignment, edit_task, input_of


def test_an_instruction_becomes_a_task_in_the_years_assignment_plan(database: Database) -> None:
    data = TaskInput(
        title="加快推进科创飞地建设",
        units=[("县科技局", "lead"), ("县发改局", "support")],
        deadline=date(2024, 6, 30),
        leader="李副县长",
        is_key=True,
        origin_kind="instruction",
        origin_leader="王书记",
        origin_text="请科技局牵头，6月底前拿出方案。",
        assigned_on=date(2024, 3, 8),
    )
    with database.unit_of_work() as session:
        first = create_assignment(session, data)
        second = create_assignment(
            session,
            TaskInput(title="研究人才新政", origin_text="县委常委会议定", assigned_on=date(2024, 4, 2)),
        )
        third = create_assignment(
            session, TaskInput(title="明年的事", origin_text="会议", assigned_on=date(2025, 1, 5))
        )
        ids = (first.id, second.id, third.id)
    with database.reading() as session:
        a, b, c = (session.get(m.Task, i) for i in ids)
        assert a is not None and b is not None and c is not None
        assert a.plan.title == "2024年交办事项" and a.plan_id == b.plan_id != c.plan_id
        assert (a.code, b.code, c.code) == ("1", "2", "1")
        assert (a.origin_kind, a.origin_leader, a.assigned_on) == ("instruction", "王书记", date(2024, 3, 8))
        assert a.is_key and a.leader == "李副县长"
        assert b.origin_kind == "meeting" and not b.is_key
        assert [link.printed_name for link in a.unit_links] == ["县科技局", "县发改局"]
        plans = session.scalars(select(m.Plan.title).order_by(m.Plan.id)).all()
        assert plans == ["2024年交办事项", "2025年交办事项"]


def test_an_instruction_needs_its_leader_and_words(database: Database) -> None:
    with database.unit_of_work() as session:
        with pytest.raises(BadInput, match="批示领导"):
            create_assignment(session, TaskInput(title="事项", origin_kind="instruction", origin_text="批示"))
        with pytest.raises(BadInput, match="批示内容"):
            create_assignment(
                session, TaskInput(title="事项", origin_kind="instruction", origin_leader="王书记")
            )
        with pytest.raises(BadInput, match="交办来源"):
            create_assignment(session, TaskInput(title="事项", origin_kind="rumour", origin_text="x"))


def test_editing_keeps_and_records_leader_and_key_mark(seeded: Database) -> None:
    with seeded.reading() as session:
        task = session.scalars(select(m.Task).where(m.Task.parent_id.is_not(None)).limit(1)).one()
        task_id, data = task.id, input_of(task)
    data.leader = "陈副市长"
    data.is_key = True
    with seeded.unit_of_work() as session:
        edit_task(session, task_id, data)
    with seeded.unit_of_work() as session:
        task = session.get(m.Task, task_id)
        assert task is not None and task.leader == "陈副市长" and task.is_key
        entry = session.scalars(select(m.AuditEntry).where(m.AuditEntry.task_id == task_id)).all()[-1]
        assert entry.summary.endswith("：责任领导、重点")
        # an edit that does not touch them keeps them
        again = input_of(task)
        again.remarks = "已调度"
        edit_task(session, task_id, again)
    with seeded.reading() as session:
        task = session.get(m.Task, task_id)
        assert task is not None and task.leader == "陈副市长" and task.is_key and task.remarks == "已调度"


def test_a_task_counts_only_once_it_has_begun(seeded: Database) -> None:
    """A 交办事项 assigned on 1 July owes nothing for Q2; a 2023—2027 plan owes nothing for 2022."""
    from tracker.facts.period import read_facts
    from tracker.periods import parse_period

    with seeded.unit_of_work() as session:
        task_id = create_assignment(
            session,
            TaskInput(
                title="七月交办",
                units=[("温岭市科学技术局", "lead")],
                origin_text="会议",
                assigned_on=date(2023, 7, 1),
            ),
        ).id
    with seeded.reading() as session:
        q2 = read_facts(session, parse_period("2023Q2"))
        q3 = read_facts(session, parse_period("2023Q3"))
        row_q2 = next(r for r in q2.rows if r.id == task_id)
        assert not row_q2.counted and not row_q2.begun and len(q2.counted) == 130
        assert any(r.id == task_id for r in q3.counted)
        wenzhou_2022 = [
            r for r in read_facts(session, parse_period("2022Q4")).rows if r.plan_label == "温州八大抓手"
        ]
        assert wenzhou_2022 and not any(r.counted for r in wenzhou_2022)
