"""Each task's state as of a reporting period: latest update, whether it reported, its light.

This is the one place the window, the reports and the forms get status and lights from,
so they never disagree. Lights of tasks with sub-tasks roll up from their children.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput
from tracker.lights import Judgement, Light, LightRules, TaskFacts, judge, roll_up
from tracker.periods import Period, parse_period


@dataclass(frozen=True)
class LatestUpdate:
    id: int
    period: str
    status: str
    percent: int | None
    progress: str
    problems: str | None
    next_steps: str | None
    recorded_at: object
    source: str | None


@dataclass(frozen=True)
class TaskState:
    task_id: int
    status: str  # effective status: 已销号 beats the latest update; no update is not_started
    percent: int | None
    latest: LatestUpdate | None
    reported_in_period: bool
    judgement: Judgement
    has_children: bool

    @property
    def light(self) -> Light:
        return self.judgement.light


def task_states(
    session: Session,
    period: Period,
    rules: LightRules | None = None,
    plan_ids: list[int] | None = None,
) -> dict[int, TaskState]:
    """States of every live task (of the given plans) as of `period.end`."""
    rules = rules or LightRules()
    query = (
        select(
            m.Task.id,
            m.Task.parent_id,
            m.Task.deadline,
            m.Task.recurring,
            m.Task.closed_at,
            m.Task.created_at,
            m.Plan.period_start,
        )
        .join(m.Plan)
        .where(m.Task.deleted_at.is_(None), m.Plan.deleted_at.is_(None))
    )
    if plan_ids is not None:
        query = query.where(m.Task.plan_id.in_(plan_ids))
    tasks = session.execute(query).all()
    if not tasks:
        return {}

    # Which period codes count: the few distinct codes are parsed once, and the database
    # picks each task's latest update among them (a window function), so the work done in
    # Python is one row per task, not one per update.
    codes = session.scalars(select(m.Update.period).distinct()).all()
    due: list[str] = []
    inside: list[str] = []
    for code in codes:
        try:
            of = parse_period(code)
        except BadInput:
            continue
        if of.end <= period.end:
            due.append(code)
            if period.covers(of):
                inside.append(code)

    latest: dict[int, LatestUpdate] = {}
    reported: set[int] = set()
    if due:
        scope = select(m.Update).where(m.Update.period.in_(due))
        if plan_ids is not None:
            scope = scope.join(m.Task).where(m.Task.plan_id.in_(plan_ids))
        ranked = select(
            m.Update.id,
            m.Update.task_id,
            m.Update.period,
            m.Update.status,
            m.Update.percent,
            m.Update.progress,
            m.Update.problems,
            m.Update.next_steps,
            m.Update.recorded_at,
            m.Update.source,
            func.row_number()
            .over(
                partition_by=m.Update.task_id,
                order_by=(m.Update.recorded_at.desc(), m.Update.id.desc()),
            )
            .label("rank"),
        ).where(m.Update.id.in_(scope.with_only_columns(m.Update.id).scalar_subquery()))
        newest = ranked.subquery()
        for u in session.execute(select(newest).where(newest.c.rank == 1)):
            latest[u.task_id] = LatestUpdate(
                u.id,
                u.period,
                u.status,
                u.percent,
                u.progress,
                u.problems,
                u.next_steps,
                u.recorded_at,
                u.source,
            )
        if inside:
            reported = set(
                session.scalars(select(m.Update.task_id).where(m.Update.period.in_(inside)).distinct())
            )

    children: dict[int, list[int]] = {}
    for row in tasks:
        if row.parent_id is not None:
            children.setdefault(row.parent_id, []).append(row.id)

    states: dict[int, TaskState] = {}
    for row in tasks:
        update = latest.get(row.id)
        closed = row.closed_at is not None and row.closed_at.date() <= period.end
        start = date(row.period_start, 1, 1) if row.period_start else row.created_at.date()
        status = "closed" if closed else (update.status if update else "not_started")
        facts = TaskFacts(
            start=start,
            deadline=row.deadline,
            recurring=row.recurring == "yearly",
            status=status,
            percent=update.percent if update else None,
            closed=closed,
        )
        states[row.id] = TaskState(
            row.id,
            status,
            facts.percent,
            update,
            row.id in reported,
            judge(facts, period.end, rules),
            row.id in children,
        )

    def rolled(task_id: int) -> Light:
        kids = children.get(task_id)
        own = states[task_id]
        if not kids:
            return own.light
        light = roll_up([rolled(k) for k in kids if k in states])
        if own.status in ("done", "closed"):
            return own.light
        if light is not own.light:
            states[task_id] = TaskState(
                own.task_id,
                own.status,
                own.percent,
                own.latest,
                own.reported_in_period,
                Judgement(light, "按子任务汇总", own.judgement.expected_percent),
                True,
            )
        return light

    for row in tasks:
        if row.parent_id is None:
            rolled(row.id)
    return states
