"""Reading the task table plan by plan gives the same rows as reading it at once."""

from __future__ import annotations

from sqlalchemy import select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.periods import parse_period
from tracker.services.progress import ProgressInput, close_task, record_update
from tracker.views.table import (
    filter_choices,
    live_plan_sizes,
    load_task_rows,
    plan_batches,
    task_row_batches,
    unit_summaries,
)

Q2 = parse_period("2023Q2")


def _report_in_every_plan(database: Database) -> None:
    """Updates in this period and an earlier one, a 销号 and an indicator actual, in each plan,
    so lights, 报送状态, roll-ups and completion all differ from task to task."""
    with database.reading() as session:
        rows = load_task_rows(session, Q2)
    by_plan: dict[int, list[int]] = {}
    for row in rows:
        if not row.has_children:
            by_plan.setdefault(row.plan_id, []).append(row.id)
    with database.unit_of_work() as session:
        for leaves in by_plan.values():
            record_update(session, leaves[0], ProgressInput("2023Q1", "in_progress", "推进中", percent=30))
            record_update(session, leaves[1], ProgressInput("2023Q2", "done", "已完成"))
            close_task(session, leaves[2], "已核实办结")
            metric = session.scalars(select(m.Metric.id).where(m.Metric.task_id.in_(leaves))).first()
            if metric is not None:
                task = session.get(m.Metric, metric)
                assert task is not None and task.task_id is not None
                record_update(
                    session, task.task_id, ProgressInput("2023Q2", "in_progress", "指标", actuals={metric: 3})
                )


def test_batches_join_to_the_whole_table(seeded: Database) -> None:
    _report_in_every_plan(seeded)
    statuses: set[str] = set()
    for period in (Q2, parse_period("2026Q4")):  # reported this period; and closed by then
        with seeded.reading() as session:
            whole = load_task_rows(session, period)
            batches = list(task_row_batches(session, period, first=10, then=20))
        assert len(batches) > 3  # the five built-in plans, some alone, none split
        assert [row for batch in batches for row in batch] == whole  # every field, in order
        statuses |= {r.status for r in whole}
        assert any(r.completion is not None for r in whole)
        assert any(r.reported for r in whole) == (period is Q2)
    assert statuses >= {"done", "closed", "in_progress", "not_started"}


def test_the_first_batch_is_the_first_screen_of_whole_plans(seeded: Database) -> None:
    with seeded.reading() as session:
        sizes = live_plan_sizes(session)
        first = next(task_row_batches(session, Q2, first=sizes[0][1] + 1, then=1000))
        whole = load_task_rows(session, Q2)
    assert len(sizes) == 5 and all(tasks > 0 for _plan, tasks in sizes)
    assert {r.plan_id for r in first} == {sizes[0][0], sizes[1][0]}  # one plan was not a screenful
    assert first == whole[: len(first)]


def test_plan_batches_fill_a_screen_first_and_never_split_a_plan() -> None:
    sizes = [(1, 40), (2, 70), (3, 500), (4, 10), (5, 20), (6, 300)]
    assert plan_batches(sizes, 100, 300) == [[1, 2], [3], [4, 5], [6]]
    assert plan_batches(sizes, 30, 1000) == [[1], [2, 3, 4, 5, 6]]
    assert plan_batches([], 100, 300) == []


def test_filter_choices_cover_the_finished_table(seeded: Database) -> None:
    with seeded.reading() as session:
        units, years = filter_choices(session)
        rows = load_task_rows(session, Q2)
        summaries = unit_summaries(session, rows)
    assert {(s.name, s.id) for s in summaries} <= set(units)
    assert [name for name, _id in units] == sorted(name for name, _id in units)
    assert years == sorted({r.deadline.year for r in rows if r.deadline is not None})
