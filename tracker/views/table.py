"""The task table (任务台账) as plain rows, built with a few set-based queries.

One row per live task, judged as of a reporting period through `task_states` (the one
source of status and lights). Every field a filter needs is precomputed here, so the
window filters 20,000 rows in memory and never queries the database per keystroke.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput
from tracker.facts.counts import Tally, UnitRow, late_rows, tally, unassigned, unit_rows
from tracker.lights import REPORT_LABELS, STATUS_LABELS, UNREPORTED, Light, LightRules
from tracker.periods import Period, parse_period
from tracker.rules.counting import counts_as_task, has_begun, lead_and_support
from tracker.views.bulk import collector_paused
from tracker.views.status import TaskState, live_tasks, task_states

FINISHED = ("done", "closed")

# Ready-made views (常用视图) of the navigation pane, in their order.
VIEW_ALL = "all"
VIEW_LATE = "late"
VIEW_DUE_SOON = "due_soon"
VIEW_UNREPORTED = "unreported"
VIEW_DONE = "done"
VIEW_KEY = "key"  # 重点事项
VIEW_LABELS = {
    VIEW_ALL: "全部",
    VIEW_LATE: "红灯",
    VIEW_DUE_SOON: "临近时限",
    VIEW_UNREPORTED: "本期未报送",
    VIEW_DONE: "已办结",  # 已完成 + 已销号
    VIEW_KEY: "重点事项",
}


@dataclass(slots=True)
class TaskRow:
    """One line of the task table, with what filters and sorting need."""

    id: int
    plan_id: int
    plan_label: str
    parent_id: int | None
    order: int  # document order across the ledger
    depth: int
    code: str
    title: str
    content: str
    kind: str
    deadline: date | None
    deadline_text: str
    recurring: bool
    lead_unit: str  # lead units' names as printed, 、-joined (tracker.rules.counting)
    support_units: str
    unit_ids: frozenset[int]
    lead_unit_id: int | None  # the first lead unit
    status: str  # effective status: the latest record up to the period (already finished stays so)
    light: Light
    light_reason: str
    expected_percent: float | None
    percent: int | None
    progress: str
    progress_period: str | None
    reported: bool
    has_children: bool
    closed: bool
    lead_unit_ids: frozenset[int] = frozenset()
    support_unit_ids: frozenset[int] = frozenset()
    report_status: str = UNREPORTED  # 报送状态: what the unit said this period
    counted: bool = True  # a task, not a group heading (tracker.rules.counting)
    problems: str = ""
    next_steps: str = ""
    leader: str = ""
    remarks: str = ""
    is_key: bool = False  # 重点事项
    begun: bool = True  # False: its plan starts, or it was assigned, after the period (not counted)
    metric_count: int = 0
    completion: float | None = None  # mean ratio of actual to target, 1.0 = met
    search_text: str = field(default="", repr=False)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def report_label(self) -> str:
        """报送状态 in words (已完成 … 未报送)."""
        return REPORT_LABELS.get(self.report_status, self.report_status)

    @property
    def deadline_text_words(self) -> str:
        """完成时限 as the document words it, else the date in Chinese (2023年6月30日)."""
        if self.deadline is not None and self.deadline_text == self.deadline.isoformat():
            return f"{self.deadline.year}年{self.deadline.month}月{self.deadline.day}日"
        return self.deadline_text

    @property
    def overdue(self) -> bool:
        """Past its deadline unfinished, as the light rule found it."""
        return self.light is Light.RED and self.light_reason == "逾期未完成"

    def period_progress(self, period: Period | None = None) -> str:
        """本期进展情况: this period's text; an earlier period's only labelled as such.

        (The rows are judged as of one period already; `period` is accepted for readability.)
        """
        if not self.progress or self.progress_period is None:
            return ""
        if self.reported:
            return self.progress
        try:
            label = parse_period(self.progress_period).label
        except BadInput:
            label = self.progress_period
        return f"（{label}报送）{self.progress}"

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def owes_update(self) -> bool:
        """A counted task, not finished, with nothing recorded in this period (本期未报送)."""
        return self.counted and self.report_status == UNREPORTED

    @property
    def completion_text(self) -> str:
        if self.completion is None:
            return "—" if not self.metric_count else f"未填（{self.metric_count}项）"
        return f"{self.completion * 100:.0f}%（{self.metric_count}项）"

    def due_soon(self, period: Period) -> bool:
        """临近时限: unfinished, lit yellow for its deadline, or due before the next period ends."""
        if self.finished or self.deadline is None or self.recurring:
            return False
        if self.light_reason == "临近时限":
            return True
        return period.end < self.deadline <= period.next().end

    def years(self) -> range | None:
        """Deadline years a year filter matches; None matches every year (每年 / no deadline)."""
        if self.recurring or self.deadline is None:
            return None
        return range(self.deadline.year, self.deadline.year + 1)

    def in_view(self, view: str, period: Period) -> bool:
        if view == VIEW_LATE:
            return self.counted and self.light is Light.RED
        if view == VIEW_DUE_SOON:
            return self.counted and self.due_soon(period)
        if view == VIEW_UNREPORTED:
            return self.owes_update
        if view == VIEW_DONE:
            return self.counted and self.finished
        if view == VIEW_KEY:
            return self.is_key
        return True


def metric_ratio(comparator: str, target: float | None, actual: float | None) -> float | None:
    """完成率 of one indicator: actual over target (target over actual for “不高于” targets)."""
    if target is None or actual is None:
        return None
    if comparator == "<=":
        if actual <= 0:
            return 1.0
        return target / actual
    if comparator == "text" or target == 0:
        return None
    return actual / target


def target_for_year(
    targets: list[tuple[int, float | None, str]], year: int
) -> tuple[int, float | None, str] | None:
    """The target that applies in `year`: that year's, else the next later one, else the last."""
    if not targets:
        return None
    ordered = sorted(targets)
    for item in ordered:
        if item[0] >= year:
            return item
    return ordered[-1]


def _completions(
    session: Session, period: Period, task_ids: Iterable[int], plan_ids: Sequence[int] | None = None
) -> tuple[dict[int, int], dict[int, float]]:
    wanted = set(task_ids)
    task_metrics = select(m.Metric.id, m.Metric.task_id).where(m.Metric.task_id.is_not(None))
    target_query = select(m.Target.metric_id, m.Target.year, m.Target.value, m.Target.comparator)
    actual_query = select(m.Actual.metric_id, m.Actual.period, m.Actual.value)
    if plan_ids is not None:  # a part of the ledger: the database leaves the other plans out
        task_metrics = task_metrics.where(m.Metric.plan_id.in_(plan_ids))
        of_plans = select(m.Metric.id).where(m.Metric.plan_id.in_(plan_ids), m.Metric.task_id.is_not(None))
        target_query = target_query.where(m.Target.metric_id.in_(of_plans))
        actual_query = actual_query.where(m.Actual.metric_id.in_(of_plans))
    metrics = {
        metric_id: task_id for metric_id, task_id in session.execute(task_metrics) if task_id in wanted
    }
    counts: dict[int, int] = defaultdict(int)
    for task_id in metrics.values():
        counts[task_id] += 1
    targets: dict[int, list[tuple[int, float | None, str]]] = defaultdict(list)
    for metric_id, year, value, comparator in session.execute(target_query):
        if metric_id in metrics:
            targets[metric_id].append((year, value, comparator))
    actuals: dict[int, tuple[date, float]] = {}
    parsed: dict[str, Period | None] = {}
    for metric_id, code, value in session.execute(actual_query):
        if metric_id not in metrics:
            continue
        if code not in parsed:
            try:
                parsed[code] = parse_period(code)
            except BadInput:
                parsed[code] = None
        of = parsed[code]
        if of is None or of.end > period.end:
            continue
        if metric_id not in actuals or actuals[metric_id][0] <= of.end:
            actuals[metric_id] = (of.end, value)
    ratios: dict[int, list[float]] = defaultdict(list)
    for metric_id, task_id in metrics.items():
        actual = actuals.get(metric_id)
        target = target_for_year(targets.get(metric_id, []), period.year)
        if actual is None or target is None:
            continue
        ratio = metric_ratio(target[2], target[1], actual[1])
        if ratio is not None:
            ratios[task_id].append(ratio)
    return counts, {t: sum(r) / len(r) for t, r in ratios.items()}


def load_task_rows(
    session: Session,
    period: Period,
    rules: LightRules | None = None,
    states: dict[int, TaskState] | None = None,
    plan_ids: Sequence[int] | None = None,
    first_order: int = 0,
) -> list[TaskRow]:
    """Every live task as a table row, in document order (plans, then tasks depth-first).

    With `plan_ids`, only those plans' tasks, numbered from `first_order`: a task's row,
    lights and counts depend only on its own plan's tasks, so reading the ledger plan by
    plan (`task_row_batches`) gives the same rows as reading it at once.
    """
    with collector_paused():
        return _load_task_rows(session, period, rules, states, plan_ids, first_order)


def live_plan_sizes(session: Session) -> list[tuple[int, int]]:
    """(plan id, live tasks) of every live plan, in the documents' order."""
    sizes = dict(
        session.execute(live_tasks().with_only_columns(m.Task.plan_id, func.count()).group_by(m.Task.plan_id))
        .tuples()
        .all()
    )
    ordered = session.scalars(
        select(m.Plan.id).where(m.Plan.deleted_at.is_(None)).order_by(m.Plan.position, m.Plan.id)
    )
    return [(plan_id, sizes.get(plan_id, 0)) for plan_id in ordered]


def plan_batches(sizes: Sequence[tuple[int, int]], first: int, then: int) -> list[list[int]]:
    """Consecutive plans grouped so each group holds about `first` tasks (the first group:
    a screenful) or `then` (the rest); a plan is never split, so a big one is a group alone."""
    batches: list[list[int]] = []
    current: list[int] = []
    held = 0
    for plan_id, tasks in sizes:
        if batches and current and held + tasks > then:
            batches.append(current)
            current, held = [], 0
        current.append(plan_id)
        held += tasks
        if not batches and held >= first:
            batches.append(current)
            current, held = [], 0
    if current:
        batches.append(current)
    return batches


def task_row_batches(
    session: Session, period: Period, rules: LightRules | None = None, first: int = 100, then: int = 400
) -> Iterator[list[TaskRow]]:
    """The task table's rows, a few plans at a time, in the table's order.

    The first batch is the plans that fill a screen (`first` tasks or more), so a window
    can show them before the rest are read; each later batch is about `then` tasks, a
    bounded piece of work. Joined, the batches are `load_task_rows` of the whole ledger.
    """
    order = 0
    for plan_ids in plan_batches(live_plan_sizes(session), first, then):
        rows = load_task_rows(session, period, rules, plan_ids=plan_ids, first_order=order)
        order += len(rows)
        yield rows


class _TaskLine(NamedTuple):
    """One task as the table query reads it (status.STATE_COLUMNS first)."""

    id: int
    parent_id: int | None
    deadline: date | None
    recurring: str | None
    closed_at: datetime | None
    closed_period: str | None
    created_at: datetime
    period_start: int | None
    plan_id: int
    code: str
    title: str
    content: str | None
    kind: str
    deadline_text: str | None
    leader: str | None
    remarks: str | None
    is_key: bool | None
    assigned_on: date | None


def _load_task_rows(
    session: Session,
    period: Period,
    rules: LightRules | None,
    states: dict[int, TaskState] | None,
    plan_ids: Sequence[int] | None = None,
    first_order: int = 0,
) -> list[TaskRow]:
    query = live_tasks(
        m.Task.plan_id,
        m.Task.code,
        m.Task.title,
        m.Task.content,
        m.Task.kind,
        m.Task.deadline_text,
        m.Task.leader,
        m.Task.remarks,
        m.Task.is_key,
        m.Task.assigned_on,
    ).order_by(m.Task.position, m.Task.id)
    if plan_ids is not None:
        query = query.where(m.Task.plan_id.in_(plan_ids))
    # Named tuples: reading fields of a result row costs more than of a tuple, ×20 per row.
    tasks = [_TaskLine._make(row) for row in session.execute(query).tuples()]
    if states is None:
        states = task_states(
            session, period, rules, plan_ids=None if plan_ids is None else list(plan_ids), tasks=tasks
        )
    plans = {
        p.id: (p.short_title or p.title, index)
        for index, p in enumerate(
            session.execute(
                select(m.Plan.id, m.Plan.title, m.Plan.short_title)
                .where(m.Plan.deleted_at.is_(None))
                .order_by(m.Plan.position, m.Plan.id)
            )
        )
    }
    links: dict[int, list[tuple[int, str, str]]] = defaultdict(list)  # (unit id, printed, role)
    link_query = select(m.TaskUnit.task_id, m.TaskUnit.unit_id, m.TaskUnit.printed_name, m.TaskUnit.role)
    if plan_ids is not None:
        link_query = link_query.where(
            m.TaskUnit.task_id.in_(select(m.Task.id).where(m.Task.plan_id.in_(plan_ids)))
        )
    for task_id, unit_id, name, role in session.execute(
        link_query.order_by(m.TaskUnit.task_id, m.TaskUnit.position)
    ):
        links[task_id].append((unit_id, name, role))
    counts, completions = _completions(session, period, states, plan_ids)

    children: dict[int | None, list[_TaskLine]] = defaultdict(list)
    live = [t for t in tasks if t.plan_id in plans and t.id in states]
    by_id = {t.id: t for t in live}
    for t in live:
        parent = t.parent_id if t.parent_id in by_id else None
        children[parent].append(t)
    roots = sorted(children[None], key=lambda t: plans[t.plan_id][1])

    rows: list[TaskRow] = []

    def visit(t: _TaskLine, depth: int) -> None:
        rows.append(_row(t, depth, first_order + len(rows)))
        for child in children.get(t.id, []):
            visit(child, depth + 1)

    def _row(task: _TaskLine, depth: int, order: int) -> TaskRow:
        units = links.get(task.id, [])
        lead_links, support_links = lead_and_support((u, u[2]) for u in units)
        lead = lead_links[0] if lead_links else None
        supports = "、".join(u[1] for u in support_links)
        kids = children.get(task.id)
        begun = has_begun(task.period_start, task.assigned_on, period)
        counted = begun and (
            kids is None
            or counts_as_task(
                True, (u[0] for u in units), (u[0] for kid in kids for u in links.get(kid.id, ()))
            )
        )
        state = states[task.id]
        latest = state.latest
        deadline_text = task.deadline_text or (task.deadline.isoformat() if task.deadline else "")
        plan_label = plans[task.plan_id][0]
        row = TaskRow(
            id=task.id,
            plan_id=task.plan_id,
            plan_label=plan_label,
            parent_id=task.parent_id,
            order=order,
            depth=depth,
            code=task.code,
            title=task.title,
            content=task.content or "",
            kind=task.kind,
            deadline=task.deadline,
            deadline_text=deadline_text,
            recurring=task.recurring == "yearly",
            lead_unit="、".join(u[1] for u in lead_links),
            support_units=supports,
            unit_ids=frozenset(u[0] for u in units),
            lead_unit_id=lead[0] if lead else None,
            status=state.status,
            light=state.light,
            light_reason=state.judgement.reason,
            expected_percent=state.judgement.expected_percent,
            percent=state.percent,
            progress=latest.progress if latest else "",
            progress_period=latest.period if latest else None,
            reported=state.reported_in_period,
            has_children=state.has_children,
            closed=state.status == "closed",
            lead_unit_ids=frozenset(u[0] for u in lead_links),
            support_unit_ids=frozenset(u[0] for u in support_links),
            report_status=state.report_status,
            counted=counted,
            problems=(latest.problems or "") if latest else "",
            next_steps=(latest.next_steps or "") if latest else "",
            leader=task.leader or "",
            remarks=task.remarks or "",
            is_key=bool(task.is_key),
            begun=begun,
            metric_count=counts.get(task.id, 0),
            completion=completions.get(task.id),
        )
        row.search_text = "\n".join(
            (row.code, row.title, row.content, row.lead_unit, supports, plan_label)
        ).casefold()
        return row

    for root in roots:
        visit(root, 0)
    return rows


def filter_choices(session: Session) -> tuple[list[tuple[str, int]], list[int]]:
    """Every unit a live task names (name, id; by name) and every year a live task is due in.

    What the window's unit and year filters offer while its rows are still being read:
    a superset of the units of the finished table (which lists those of counted tasks).
    """
    named = (
        select(m.TaskUnit.task_id)
        .join(m.Task, m.Task.id == m.TaskUnit.task_id)
        .join(m.Plan, m.Plan.id == m.Task.plan_id)
        .where(m.TaskUnit.unit_id == m.Unit.id, m.Task.deleted_at.is_(None), m.Plan.deleted_at.is_(None))
        .exists()
    )
    # EXISTS stops at a unit's first live task: a join with DISTINCT read every link (45 ms).
    units = session.execute(select(m.Unit.name, m.Unit.id).where(named).order_by(m.Unit.name)).tuples()
    # Each year between the first and last deadline asked for through the deadline index:
    # a DISTINCT over the live tasks' deadlines read them all (25 ms at 50,000 tasks).
    first, last = session.execute(select(func.min(m.Task.deadline), func.max(m.Task.deadline))).one()
    years = []
    if first is not None and last is not None:
        for year in range(first.year, last.year + 1):
            due = live_tasks().where(m.Task.deadline.between(date(year, 1, 1), date(year, 12, 31)))
            if session.scalar(select(due.exists())):
                years.append(year)
    return list(units), years


# 责任单位 with its counts as of the period (tracker.facts.counts.UnitRow).
UnitSummary = UnitRow


def unit_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(m.Unit.id, m.Unit.name)).tuples().all())


def unit_summaries(session: Session, rows: list[TaskRow]) -> list[UnitSummary]:
    """Every unit that leads or supports a counted task, most led first (the 责任单位 tab)."""
    return in_summary_order(unit_rows(rows, unit_names(session)))


def in_summary_order(units: Iterable[UnitSummary]) -> list[UnitSummary]:
    """The 责任单位 tab's order: most led first, then most tasks, then by name."""
    return sorted(units, key=lambda s: (-s.led, -s.total, s.name))


@dataclass
class Overview:
    period: Period
    ledger: Tally
    plans: list[Tally]
    units: list[Tally]
    owing_units: list[UnitSummary]  # units that owe an update this period, most first
    late_unassigned: int = 0  # red tasks that name no lead or responsible unit


def overview(session: Session, period: Period, rows: list[TaskRow]) -> Overview:
    """总览: the ledger, each plan and each lead unit counted by light and status."""
    return overview_of(period, rows, unit_summaries(session, rows))


def overview_of(period: Period, rows: list[TaskRow], summaries: list[UnitSummary]) -> Overview:
    """The 总览 from rows and their `unit_summaries` (every lead unit is among them).

    Counts come from `tracker.facts.counts` (groups skipped), as in the 通报 and the 台账.
    """
    ledger = tally(rows)
    plans: dict[int, Tally] = {}
    units: dict[int, Tally] = {}
    names = {s.id: s.name for s in summaries}
    for row in rows:
        plan = plans.get(row.plan_id)
        if plan is None:
            plan = plans[row.plan_id] = Tally(row.plan_label, row.plan_id)
        plan.add(row)
        for unit_id in row.lead_unit_ids:
            unit = units.get(unit_id)
            if unit is None:
                unit = units[unit_id] = Tally(names.get(unit_id, "?"), unit_id)
            unit.add(row)
    owing = [s for s in summaries if s.unreported]
    owing.sort(key=lambda s: (-s.unreported, s.name))
    return Overview(
        period,
        ledger,
        [p for p in plans.values() if p.total],
        sorted((u for u in units.values() if u.total), key=lambda t: (-t.total, t.label)),
        owing,
        len(unassigned(late_rows(rows))),
    )


def tree_from_rows(session: Session, rows: list[TaskRow]) -> list[Any]:
    """The plan → task tree (tracker.views.tree nodes) from rows already loaded."""
    from tracker.views.tree import PlanNode, TaskNode

    plans = [
        PlanNode(p.id, p.title, p.short_title, p.doc_number, p.issuer)
        for p in session.execute(
            select(m.Plan.id, m.Plan.title, m.Plan.short_title, m.Plan.doc_number, m.Plan.issuer)
            .where(m.Plan.deleted_at.is_(None))
            .order_by(m.Plan.position, m.Plan.id)
        )
    ]
    by_plan = {p.id: p for p in plans}
    nodes: dict[int, TaskNode] = {}
    for row in sorted(rows, key=lambda r: r.order):
        units = [(row.lead_unit, "lead")] if row.lead_unit else []
        units += [(name, "support") for name in row.support_units.split("、") if name]
        node = TaskNode(
            row.id,
            row.plan_id,
            row.parent_id,
            row.code,
            row.title,
            row.kind,
            row.deadline,
            row.deadline_text or None,
            units,
        )
        nodes[row.id] = node
        if row.parent_id is not None and row.parent_id in nodes:
            nodes[row.parent_id].children.append(node)
        elif row.plan_id in by_plan:
            by_plan[row.plan_id].tasks.append(node)
    return plans
