"""Assemble a report's content once (督查通报, 台账, 催办单 and the on-screen preview all read it).

`assemble_report(session, period, scope)` turns the ledger into plain frozen dataclasses:
totals per status and light, per-unit rows, the late items, the ledger rows, indicator
rows with a judgement, and the evidence list. Statuses and lights come from
`tracker.views.status.task_states`, never re-derived here. No Qt.

Counting rule: statistics (totals, per unit, late items) count the *items* a unit answers
for, i.e. tasks without sub-tasks; a 抓手 with sub-tasks is a heading whose light rolls up
from them. The ledger lists every task, headings included, in the document's order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput
from tracker.lights import STATUS_LABELS, Light, LightRules
from tracker.periods import Period
from tracker.views.indicators import baseline_words, judge_metrics
from tracker.views.rules import load_indicator_rules
from tracker.views.status import TaskState, task_states

STATUS_ORDER = ("done", "closed", "in_progress", "ongoing", "late", "not_started")
LIGHT_ORDER = (Light.GREEN, Light.YELLOW, Light.RED, Light.GREY)


@dataclass(frozen=True)
class Scope:
    """Which part of the ledger a report covers; empty tuples mean everything."""

    plan_ids: tuple[int, ...] = ()
    units: tuple[str, ...] = ()  # unit names (canonical)
    kinds: tuple[str, ...] = ()  # task kinds: task / platform / project


@dataclass(frozen=True)
class Count:
    key: str  # status code or light code
    label: str
    count: int
    percent: float  # of the total, 0–100, one decimal


@dataclass(frozen=True)
class Totals:
    items: int  # tasks without sub-tasks in scope
    done: int  # 已完成 + 已销号
    on_schedule: int  # green and not finished (序时推进 / 长期坚持)
    late: int  # red light
    slow: int  # yellow light
    not_started: int
    not_reported: int  # unfinished items with no update in this period
    completion_rate: float  # done / items, percent
    by_status: tuple[Count, ...]
    by_light: tuple[Count, ...]


@dataclass(frozen=True)
class UnitRow:
    """各单位推进情况: one unit's items (led or supported) and how they stand."""

    unit: str
    led: int
    supporting: int
    done: int
    on_schedule: int
    late: int
    not_reported: int

    @property
    def total(self) -> int:
        return self.led + self.supporting


@dataclass(frozen=True)
class LateItem:
    """滞后事项: a red item, with its lead unit and latest progress."""

    task_id: int
    plan: str
    code: str
    title: str
    lead_unit: str
    support_units: str
    deadline: str
    overdue: bool  # past its deadline unfinished
    reason: str
    status: str  # label
    progress: str  # latest progress text, "" when none


@dataclass(frozen=True)
class LedgerRow:
    """One row of the 台账, in the CONVENTIONS.md column order."""

    task_id: int
    seq: int
    plan: str
    code: str
    title: str
    content: str
    lead_units: str
    support_units: str
    leader: str
    deadline: date | None
    deadline_text: str
    progress: str
    problems: str
    next_steps: str
    status: str  # label
    light: Light
    evidence: str  # file names, one a line
    remarks: str
    reported_in_period: bool
    is_heading: bool  # has sub-tasks; its light rolls up
    depth: int


@dataclass(frozen=True)
class IndicatorRow:
    """指标完成情况: the target that applies, the actual, and the judgement with its grounds.

    `judgement`, `rule`, `reason`, `baseline`, `expected` and `achieved` come from
    `tracker.rules.indicators.judge_indicator`; `baseline` is the baseline progress was
    measured from (printed 基期值, zero for counts of new things, or the first actual
    recorded), and `baseline_text` says which.
    """

    plan: str
    name: str
    unit: str
    baseline: float | None
    baseline_text: str
    target_year: int | None
    target: float | None
    target_text: str
    actual: float | None
    actual_period: str
    ratio: float | None  # completion ratio in percent (target over actual when smaller is better)
    expected: float | None  # 序时进度 the progress is compared with, percent
    judgement: str
    achieved: float | None = None  # progress from the baseline toward the target, percent
    rule: str = ""  # the rule used, one short phrase
    reason: str = ""  # why 无法判断
    lower_is_better: bool = False  # ranks and “≤” targets


@dataclass(frozen=True)
class EvidenceRow:
    task_code: str
    task_title: str
    filename: str
    size: int
    added_at: datetime


@dataclass(frozen=True)
class Report:
    period: Period
    scope: Scope
    plan_titles: tuple[str, ...]
    as_of: date
    totals: Totals
    units: tuple[UnitRow, ...]
    late: tuple[LateItem, ...]
    ledger: tuple[LedgerRow, ...]
    indicators: tuple[IndicatorRow, ...]
    evidence: tuple[EvidenceRow, ...]
    reporting_units: tuple[str, ...] = field(default=())  # units with unreported items

    @property
    def overdue(self) -> tuple[LateItem, ...]:
        return tuple(item for item in self.late if item.overdue)


def _percent(part: int, whole: int) -> float:
    return round(part * 100 / whole, 1) if whole else 0.0


def resolve_scope(
    session: Session,
    plan_text: str | None = None,
    unit: str | None = None,
    kinds: Sequence[str] = (),
) -> Scope:
    """A scope from the CLI's words; BadInput naming the word that matches nothing."""
    plan_ids: tuple[int, ...] = ()
    if plan_text:
        like = f"%{plan_text}%"
        ids = session.scalars(
            select(m.Plan.id)
            .where(m.Plan.deleted_at.is_(None))
            .where(or_(m.Plan.title.like(like), m.Plan.short_title.like(like), m.Plan.doc_number.like(like)))
            .order_by(m.Plan.position, m.Plan.id)
        ).all()
        if not ids:
            raise BadInput(f"没有标题或文号含“{plan_text}”的方案 (--plan matches no plan)")
        plan_ids = tuple(ids)
    units: tuple[str, ...] = ()
    if unit:
        name = unit.strip()
        found = session.scalar(select(m.Unit.name).where(m.Unit.name == name))
        if found is None:
            found = session.scalar(select(m.Unit.name).join(m.UnitAlias).where(m.UnitAlias.alias == name))
        if found is None:
            raise BadInput(f"台账中没有责任单位“{name}” (--unit matches no unit)")
        units = (found,)
    for kind in kinds:
        if kind not in m.TASK_KINDS:
            raise BadInput(f"任务类别“{kind}”无法识别，应为 task、platform 或 project")
    return Scope(plan_ids, units, tuple(kinds))


@dataclass
class _TaskRow:
    id: int
    plan_id: int
    parent_id: int | None
    code: str
    title: str
    content: str
    kind: str
    deadline: date | None
    deadline_text: str | None
    leader: str | None
    remarks: str | None
    plan_position: int
    position: int
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (printed, role, canonical)
    unit_names: set[str] = field(default_factory=set)


def _load_tasks(session: Session, plan_ids: Sequence[int] | None) -> dict[int, _TaskRow]:
    query = (
        select(
            m.Task.id,
            m.Task.plan_id,
            m.Task.parent_id,
            m.Task.code,
            m.Task.title,
            m.Task.content,
            m.Task.kind,
            m.Task.deadline,
            m.Task.deadline_text,
            m.Task.leader,
            m.Task.remarks,
            m.Plan.position,
            m.Task.position,
        )
        .join(m.Plan)
        .where(m.Task.deleted_at.is_(None), m.Plan.deleted_at.is_(None))
    )
    if plan_ids:
        query = query.where(m.Task.plan_id.in_(plan_ids))
    rows = {r[0]: _TaskRow(*r) for r in session.execute(query)}
    links = select(m.TaskUnit.task_id, m.TaskUnit.printed_name, m.TaskUnit.role, m.Unit.name).join(m.Unit)
    if plan_ids:
        links = links.join(m.Task).where(m.Task.plan_id.in_(plan_ids))
    for task_id, printed, role, name in session.execute(links.order_by(m.TaskUnit.position)):
        row = rows.get(task_id)
        if row is not None:
            row.links.append((printed, role, name))
            row.unit_names.add(name)
    return rows


def _tree_order(rows: dict[int, _TaskRow]) -> list[tuple[_TaskRow, int]]:
    """Tasks in the document's order (plan, then depth-first by position), with depth."""
    children: dict[int | None, list[_TaskRow]] = defaultdict(list)
    for row in rows.values():
        parent = row.parent_id if row.parent_id in rows else None
        children[parent].append(row)
    for kids in children.values():
        kids.sort(key=lambda r: (r.plan_position, r.plan_id, r.position, r.id))
    ordered: list[tuple[_TaskRow, int]] = []
    stack = [(row, 0) for row in reversed(children[None])]
    while stack:
        row, depth = stack.pop()
        ordered.append((row, depth))
        stack.extend((kid, depth + 1) for kid in reversed(children.get(row.id, [])))
    return ordered


def _lead_and_support(links: list[tuple[str, str, str]]) -> tuple[str, str]:
    lead = [name for name, role, _ in links if role == "lead"]
    support = [name for name, role, _ in links if role == "support"]
    responsible = [name for name, role, _ in links if role == "responsible"]
    if not lead and responsible:  # the document names no lead: all are 责任单位
        return "、".join(responsible), ""
    return "、".join(lead + responsible), "、".join(support)


def _deadline_words(row: _TaskRow) -> str:
    if row.deadline_text:
        return row.deadline_text
    if row.deadline is not None:
        return f"{row.deadline.year}年{row.deadline.month}月{row.deadline.day}日"
    return ""


def _in_scope(row: _TaskRow, scope: Scope) -> bool:
    if scope.kinds and row.kind not in scope.kinds:
        return False
    return not (scope.units and not row.unit_names.intersection(scope.units))


def assemble_report(
    session: Session,
    period: Period,
    scope: Scope | None = None,
    rules: LightRules | None = None,
) -> Report:
    """Everything a bulletin, a ledger or a reminder prints, for `period` and `scope`."""
    scope = scope or Scope()
    plan_ids = list(scope.plan_ids) or None
    states = task_states(session, period, rules, plan_ids)
    rows = _load_tasks(session, plan_ids)
    plans = {
        p.id: p
        for p in session.execute(
            select(m.Plan.id, m.Plan.title, m.Plan.short_title, m.Plan.position).where(
                m.Plan.deleted_at.is_(None)
            )
        )
    }
    plan_name = {pid: (p.short_title or p.title) for pid, p in plans.items()}
    evidence_by_task: dict[int, list[m.Evidence]] = defaultdict(list)
    evidence_query = select(m.Evidence).where(m.Evidence.removed_at.is_(None)).order_by(m.Evidence.added_at)
    if plan_ids:
        evidence_query = evidence_query.join(m.Task).where(m.Task.plan_id.in_(plan_ids))
    for ev in session.scalars(evidence_query):
        if ev.added_at.date() <= period.end:
            evidence_by_task[ev.task_id].append(ev)

    ordered = [(row, depth) for row, depth in _tree_order(rows) if row.id in states]
    has_children = {row.parent_id for row in rows.values() if row.parent_id is not None}
    ledger: list[LedgerRow] = []
    items: list[tuple[_TaskRow, TaskState]] = []
    late: list[LateItem] = []
    evidence: list[EvidenceRow] = []
    for row, depth in ordered:
        if not _in_scope(row, scope):
            continue
        state = states[row.id]
        heading = row.id in has_children
        lead, support = _lead_and_support(row.links)
        latest = state.latest
        files = evidence_by_task.get(row.id, [])
        ledger.append(
            LedgerRow(
                row.id,
                len(ledger) + 1,
                plan_name.get(row.plan_id, ""),
                row.code,
                row.title,
                row.content or "",
                lead,
                support,
                row.leader or "",
                row.deadline,
                _deadline_words(row),
                latest.progress if latest else "",
                (latest.problems or "") if latest else "",
                (latest.next_steps or "") if latest else "",
                STATUS_LABELS.get(state.status, state.status),
                state.light,
                "\n".join(ev.filename for ev in files),
                row.remarks or "",
                state.reported_in_period,
                heading,
                depth,
            )
        )
        evidence.extend(EvidenceRow(row.code, row.title, ev.filename, ev.size, ev.added_at) for ev in files)
        if heading:
            continue
        items.append((row, state))
        if state.light is Light.RED:
            late.append(
                LateItem(
                    row.id,
                    plan_name.get(row.plan_id, ""),
                    row.code,
                    row.title,
                    lead or "（未明确责任单位）",
                    support,
                    _deadline_words(row),
                    state.judgement.reason == "逾期未完成",
                    state.judgement.reason,
                    STATUS_LABELS.get(state.status, state.status),
                    latest.progress if latest else "",
                )
            )

    totals = _totals(items)
    unit_rows = _unit_rows(items, scope)
    used_plans = sorted({row.plan_id for row, _ in ordered}, key=lambda pid: (plans[pid].position, pid))
    if scope.plan_ids:
        used_plans = [pid for pid in scope.plan_ids if pid in plans]
    indicators = _indicators(session, period, used_plans, plan_name, rows, scope)
    return Report(
        period=period,
        scope=scope,
        plan_titles=tuple(plans[pid].title for pid in used_plans),
        as_of=period.end,
        totals=totals,
        units=tuple(unit_rows),
        late=tuple(late),
        ledger=tuple(ledger),
        indicators=tuple(indicators),
        evidence=tuple(evidence),
        reporting_units=tuple(u.unit for u in unit_rows if u.not_reported or u.late),
    )


def _unfinished(state: TaskState) -> bool:
    return state.status not in ("done", "closed")


def _totals(items: list[tuple[_TaskRow, TaskState]]) -> Totals:
    n = len(items)
    by_status = {code: 0 for code in STATUS_ORDER}
    by_light = {light: 0 for light in LIGHT_ORDER}
    not_reported = 0
    for _row, state in items:
        by_status[state.status] = by_status.get(state.status, 0) + 1
        by_light[state.light] += 1
        if _unfinished(state) and not state.reported_in_period:
            not_reported += 1
    done = by_status["done"] + by_status["closed"]
    on_schedule = sum(1 for _r, s in items if s.light is Light.GREEN and _unfinished(s))
    return Totals(
        items=n,
        done=done,
        on_schedule=on_schedule,
        late=by_light[Light.RED],
        slow=by_light[Light.YELLOW],
        not_started=by_status["not_started"],
        not_reported=not_reported,
        completion_rate=_percent(done, n),
        by_status=tuple(
            Count(code, STATUS_LABELS[code], count, _percent(count, n)) for code, count in by_status.items()
        ),
        by_light=tuple(
            Count(light.code, light.label, count, _percent(count, n)) for light, count in by_light.items()
        ),
    )


def _unit_rows(items: list[tuple[_TaskRow, TaskState]], scope: Scope) -> list[UnitRow]:
    tally: dict[str, list[int]] = {}
    order: list[str] = []
    for _row, state in items:
        for _printed, role, name in _row.links:
            if scope.units and name not in scope.units:
                continue
            counts = tally.get(name)
            if counts is None:
                counts = tally[name] = [0] * 6
                order.append(name)
            counts[1 if role == "support" else 0] += 1
            if not _unfinished(state):
                counts[2] += 1
            elif state.light is Light.GREEN:
                counts[3] += 1
            if state.light is Light.RED:
                counts[4] += 1
            if _unfinished(state) and not state.reported_in_period:
                counts[5] += 1
    rank = {name: i for i, name in enumerate(order)}
    result = [UnitRow(name, *tally[name]) for name in order]
    result.sort(key=lambda r: (-r.late, -r.not_reported, -r.total, rank[r.unit]))
    return result


def _indicators(
    session: Session,
    period: Period,
    plan_ids: list[int],
    plan_name: dict[int, str],
    rows: dict[int, _TaskRow],
    scope: Scope,
) -> list[IndicatorRow]:
    """Every indicator in scope, judged by the one rule the window uses too."""
    if not plan_ids:
        return []
    metrics = session.scalars(
        select(m.Metric).where(m.Metric.plan_id.in_(plan_ids)).order_by(m.Metric.plan_id, m.Metric.position)
    ).all()
    order = {pid: i for i, pid in enumerate(plan_ids)}
    chosen: list[m.Metric] = []
    for metric in sorted(metrics, key=lambda x: (order[x.plan_id], x.task_id or 0, x.position)):
        if metric.task_id is not None:
            task = rows.get(metric.task_id)
            if task is None or not _in_scope(task, scope):
                continue
        elif scope.units or scope.kinds:
            continue  # plan-level indicators belong to no unit or kind
        chosen.append(metric)
    judged = judge_metrics(session, chosen, period, load_indicator_rules(session))
    result: list[IndicatorRow] = []
    for metric in chosen:
        item = judged[metric.id]
        j = item.judgement
        result.append(
            IndicatorRow(
                plan=plan_name.get(metric.plan_id, ""),
                name=metric.name,
                unit=metric.unit or "",
                baseline=j.baseline,
                baseline_text=baseline_words(metric, j),
                target_year=item.target_year,
                target=item.target_value,
                target_text=item.target_text,
                actual=j.actual,
                actual_period=j.actual_period.code if j.actual_period else "",
                ratio=j.ratio,
                expected=j.expected,
                judgement=j.word,
                achieved=j.achieved,
                rule=j.rule,
                reason=j.reason,
                lower_is_better=j.lower_is_better,
            )
        )
    return result
