"""Each task's state as of a reporting period: latest update, whether it reported, its light.

This is the one place the window, the reports and the forms get status and lights from,
so they never disagree. Lights of tasks with sub-tasks roll up from their children.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput
from tracker.lights import UNREPORTED, Judgement, Light, LightRules, TaskFacts, judge_period, roll_up
from tracker.periods import Period, parse_period
from tracker.services.extensions import deadline_basis, extended_deadlines


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class TaskState:
    task_id: int
    status: str  # effective status: 已销号 beats the latest update; no update is not_started
    percent: int | None
    latest: LatestUpdate | None
    reported_in_period: bool
    judgement: Judgement
    has_children: bool
    # 报送状态: what the unit said in this period (a status code), 已销号 when closed by then,
    # 已完成 once finished, else "unreported" (未报送) — distinct from the light (亮灯).
    report_status: str = UNREPORTED

    @property
    def light(self) -> Light:
        return self.judgement.light


# What judging a task needs of it; `live_tasks` selects these and callers may add more.
STATE_COLUMNS = (
    m.Task.id,
    m.Task.parent_id,
    m.Task.deadline,
    m.Task.recurring,
    m.Task.closed_at,
    m.Task.closed_period,
    m.Task.created_at,
    m.Plan.period_start,
)


def report_status(status: str, reported_in_period: bool) -> str:
    """报送状态: closed or finished stays so; otherwise what was said this period, or 未报送."""
    if status in ("closed", "done") or reported_in_period:
        return status
    return UNREPORTED


def closed_as_of(
    closed_at: Any, closed_period: str | None, period: Period, cache: dict[str, Period | None] | None = None
) -> bool:
    """A 销号 counts from the end of the period it closes in (else from its day) onward.

    Closed while back-filling 2023Q2 (say on 10 July, period 2023Q2): closed in the Q2, H1
    and later views, open in Q1's.
    """
    if closed_at is None:
        return False
    if closed_period:
        cache = {} if cache is None else cache
        if closed_period not in cache:
            try:
                cache[closed_period] = parse_period(closed_period)
            except BadInput:
                cache[closed_period] = None
        of = cache[closed_period]
        if of is not None:
            return of.end <= period.end
    day = closed_at.date() if hasattr(closed_at, "date") else closed_at
    return bool(day <= period.end)


def live_tasks(*columns: Any) -> Select[Any]:
    """Live tasks of live plans, with STATE_COLUMNS first and then `columns`."""
    return (
        select(*STATE_COLUMNS, *columns)
        .join(m.Plan, m.Plan.id == m.Task.plan_id)
        .where(m.Task.deleted_at.is_(None), m.Plan.deleted_at.is_(None))
    )


def task_states(
    session: Session,
    period: Period,
    rules: LightRules | None = None,
    plan_ids: list[int] | None = None,
    tasks: Sequence[Any] | None = None,
) -> dict[int, TaskState]:
    """States of every live task (of the given plans) as of `period.end`.

    `tasks`, when given, are the rows of a `live_tasks()` query the caller already ran
    (the task table reads its rows once for both).
    """
    rules = rules or LightRules()
    if tasks is None:
        query = live_tasks()
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
    ends: dict[str, int] = {}  # code → its last day, so the newest period's record wins
    for code in codes:
        try:
            of = parse_period(code)
        except BadInput:
            continue
        if of.end <= period.end:
            due.append(code)
            ends[code] = of.end.toordinal()
            if period.covers(of):
                inside.append(code)

    latest: dict[int, LatestUpdate] = {}
    reported: set[int] = set()
    if due:
        # A row 退回 in 审核 is kept for the record but is not the unit's report.
        in_scope: ColumnElement[bool] = m.Update.period.in_(due) & m.counts_as_report()
        if plan_ids is not None:
            in_scope &= m.Update.task_id.in_(select(m.Task.id).where(m.Task.plan_id.in_(plan_ids)))
        ranked = select(  # LatestUpdate's fields in order, then task_id and rank
            m.Update.id,
            m.Update.period,
            m.Update.status,
            m.Update.percent,
            m.Update.progress,
            m.Update.problems,
            m.Update.next_steps,
            m.Update.recorded_at,
            m.Update.source,
            m.Update.task_id,
            func.row_number()
            .over(
                partition_by=m.Update.task_id,
                # The latest period's record, then the latest recorded: a Q1 record back-filled
                # after Q2's does not displace it.
                order_by=(
                    case(ends, value=m.Update.period).desc(),
                    m.Update.recorded_at.desc(),
                    m.Update.id.desc(),
                ),
            )
            .label("rank"),
        ).where(in_scope)
        newest = ranked.subquery()
        # Plain tuples: attribute access on 10,000 result rows costs more than the query.
        for u in session.execute(select(newest).where(newest.c.rank == 1)).tuples():
            latest[u[9]] = LatestUpdate(*u[:9])
        if inside:
            said: ColumnElement[bool] = m.Update.period.in_(inside) & m.counts_as_report()
            if plan_ids is not None:
                said &= m.Update.task_id.in_(select(m.Task.id).where(m.Task.plan_id.in_(plan_ids)))
            reported = set(session.scalars(select(m.Update.task_id).where(said).distinct()))

    facts_of = [tuple(row[:8]) for row in tasks]  # STATE_COLUMNS, as plain tuples
    children: dict[int, list[int]] = {}
    for task_id, parent_id, *_rest in facts_of:
        if parent_id is not None:
            children.setdefault(parent_id, []).append(task_id)

    # A 延期 granted after the period's end does not change how that period is judged.
    extended = extended_deadlines(session, as_of=period.end) if deadline_basis(session) == "extended" else {}
    closing: dict[str, Period | None] = {}
    states: dict[int, TaskState] = {}
    for task_id, _parent, deadline, recurring, closed_at, closed_period, created_at, period_start in facts_of:
        if extended:
            deadline = extended.get(task_id, deadline)
        update = latest.get(task_id)
        closed = closed_as_of(closed_at, closed_period, period, closing)
        start = date(period_start, 1, 1) if period_start else created_at.date()
        status = "closed" if closed else (update.status if update else "not_started")
        facts = TaskFacts(
            start=start,
            deadline=deadline,
            recurring=recurring == "yearly",
            status=status,
            percent=update.percent if update else None,
            closed=closed,
        )
        in_period = task_id in reported
        states[task_id] = TaskState(
            task_id,
            status,
            facts.percent,
            update,
            in_period,
            judge_period(facts, in_period, period.end, rules),
            task_id in children,
            report_status(status, in_period),
        )

    def rolled(task_id: int) -> Light:
        kids = children.get(task_id)
        own = states[task_id]
        if not kids:
            return own.light
        light = roll_up([rolled(k) for k in kids if k in states])
        if own.status in ("done", "closed"):
            return own.light
        if light is not own.light or own.judgement.reason != "按子任务汇总":
            states[task_id] = TaskState(
                own.task_id,
                own.status,
                own.percent,
                own.latest,
                own.reported_in_period,
                Judgement(light, "按子任务汇总", own.judgement.expected_percent),
                True,
                own.report_status,
            )
        return light

    for task_id, parent_id, *_rest in facts_of:
        if parent_id is None:
            rolled(task_id)
    return states
