"""The schema's own guards: foreign keys, checks, cascades, uniqueness."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from tracker.db import models as m
from tracker.db.engine import Database


def _plan_with_task(session) -> tuple[m.Plan, m.Task]:  # type: ignore[no-untyped-def]
    plan = m.Plan(title="方案")
    task = m.Task(plan=plan, code="1", title="任务")
    session.add_all([plan, task])
    session.flush()
    return plan, task


def test_foreign_keys_are_enforced(database: Database) -> None:
    with pytest.raises(IntegrityError), database.unit_of_work() as session:
        session.add(m.Task(plan_id=9999, code="1", title="孤儿"))


def test_check_constraints(database: Database) -> None:
    with pytest.raises(IntegrityError), database.unit_of_work() as session:
        _, task = _plan_with_task(session)
        session.add(m.Update(task=task, period="2023Q1", status="finished"))
    with pytest.raises(IntegrityError), database.unit_of_work() as session:
        _, task = _plan_with_task(session)
        task.kind = "meeting"


def test_one_target_per_metric_and_year(database: Database) -> None:
    with pytest.raises(IntegrityError), database.unit_of_work() as session:
        plan, _ = _plan_with_task(session)
        metric = m.Metric(plan=plan, name="高企")
        metric.targets = [
            m.Target(year=2025, value=1, comparator=">=", text="1"),
            m.Target(year=2025, value=2, comparator=">=", text="2"),
        ]
        session.add(metric)


def test_deleting_a_plan_removes_its_tasks_links_and_metrics(database: Database) -> None:
    with database.unit_of_work() as session:
        plan, task = _plan_with_task(session)
        unit = m.Unit(name="市科技局")
        task.unit_links = [m.TaskUnit(unit=unit, role="lead", printed_name="市科技局")]
        task.metrics = [m.Metric(plan=plan, name="高企")]
        plan_id = plan.id
    with database.unit_of_work() as session:
        session.delete(session.get(m.Plan, plan_id))
    with database.reading() as session:
        for table in (m.Task, m.TaskUnit, m.Metric):
            assert session.scalar(select(func.count()).select_from(table)) == 0
        assert session.scalar(select(func.count()).select_from(m.Unit)) == 1  # units outlive plans


def test_failed_unit_of_work_writes_nothing(database: Database) -> None:
    with pytest.raises(RuntimeError), database.unit_of_work() as session:
        _plan_with_task(session)
        raise RuntimeError("boom")
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(m.Plan)) == 0


def test_version_column_counts_edits(database: Database) -> None:
    with database.unit_of_work() as session:
        _, task = _plan_with_task(session)
        task_id = task.id
    with database.unit_of_work() as session:
        session.get(m.Task, task_id).title = "改过的任务"  # type: ignore[union-attr]
    with database.reading() as session:
        assert session.get(m.Task, task_id).version == 2  # type: ignore[union-attr]
