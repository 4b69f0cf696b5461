"""Assemble a report's content once (督查通报, 台账, 催办单 and the on-screen preview all read it).

`assemble_report(session, period, scope)` turns the ledger into plain frozen dataclasses:
totals per 报送状态 and 亮灯, per-unit rows, the late items, the ledger rows, indicator
rows with a judgement, and the evidence list. Every count comes from the facts model
(`tracker.facts`: the rows the window shows, counted by the same functions), never
re-derived here. No Qt.

Counting rule (tracker.rules.counting): a leaf, or a heading that carries its own units,
is a task; a heading that only groups is shown in the ledger, never counted. The ledger
lists every task, groups included, in the document's order; 本期进展情况 is the period's
own text, an earlier period's only labelled as such.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput
from tracker.facts.counts import REPORT_ORDER, Tally, UnitRow, percent, report_label, unit_column
from tracker.facts.period import PeriodFacts, Scope, read_facts
from tracker.lights import LIGHT_ORDER, Light, LightRules
from tracker.periods import Period, parse_period
from tracker.rules.scoring import rank
from tracker.views.assessment import Assessment, assess
from tracker.views.changes import PeriodChanges, period_changes
from tracker.views.indicators import baseline_words, judge_metrics
from tracker.views.rules import load_indicator_rules
from tracker.views.table import TaskRow

STATUS_ORDER = REPORT_ORDER  # 报送状态, 未报送 last
__all__ = ["LIGHT_ORDER", "STATUS_ORDER", "Scope", "UnitRow", "assemble_report", "resolve_scope"]


@dataclass(frozen=True)
class Count:
    key: str  # status code or light code
    label: str
    count: int
    percent: float  # of the total, 0–100, one decimal


@dataclass(frozen=True)
class Totals:
    items: int  # counted tasks in scope (groups not counted)
    done: int  # 已完成 + 已销号
    on_schedule: int  # green and not finished (序时推进 / 长期坚持)
    late: int  # red light (亮红灯: 滞后序时 or 逾期未完成)
    slow: int  # yellow light
    not_started: int  # 报送状态 未启动
    not_reported: int  # 报送状态 未报送: unfinished, nothing recorded in this period
    completion_rate: float  # done / items, percent
    by_status: tuple[Count, ...]  # 报送状态, 未报送 included
    by_light: tuple[Count, ...]  # 亮灯, 未报送 included


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
    lead_names: tuple[str, ...] = ()  # the lead units' canonical names (a unit scope's test)


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
    supervision: str = ""  # 督办记录: 延期 in force and 催办次数 with the last notice, in words


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
    # Counted, unfinished tasks that are red or 未报送 and name no lead or responsible unit.
    unassigned: tuple[str, ...] = field(default=())
    # 较上期 and 单位考核 of the same period and scope (tracker.views.changes / .assessment).
    changes: PeriodChanges | None = None
    assessment: Assessment | None = None

    @property
    def overdue(self) -> tuple[LateItem, ...]:
        return tuple(item for item in self.late if item.overdue)

    @property
    def late_unassigned(self) -> int:
        """How many of the late items name no responsible unit."""
        return sum(1 for item in self.late if not item.lead_unit or item.lead_unit == NO_UNIT)

    def unassigned_note(self) -> str:
        """“其中N项未明确责任单位” for the late list, "" when every late item has a unit."""
        count = self.late_unassigned
        return f"其中{count}项未明确责任单位，请明确责任单位后督办" if count else ""


NO_UNIT = "（未明确责任单位）"
_percent = percent


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
        from tracker.services.unit_lookup import find_unit

        units = (find_unit(session, unit).name,)  # a full name, an alias or a short form
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
    facts: PeriodFacts | None = None,
) -> Report:
    """Everything a bulletin, a ledger or a reminder prints, for `period` and `scope`."""
    scope = scope or Scope()
    facts = facts or read_facts(session, period, scope, rules)
    plan_ids = list(scope.plan_ids) or None
    rows = _load_tasks(session, plan_ids)  # for the indicators' scope
    plans = {
        p.id: p
        for p in session.execute(
            select(m.Plan.id, m.Plan.title, m.Plan.short_title, m.Plan.position).where(
                m.Plan.deleted_at.is_(None)
            )
        )
    }
    plan_name = {pid: (p.short_title or p.title) for pid, p in plans.items()}
    evidence_by_task = _evidence_of_period(session, period, plan_ids)
    supervision = supervision_words(session, period)

    ledger: list[LedgerRow] = []
    late: list[LateItem] = []
    evidence: list[EvidenceRow] = []
    for row in facts.rows:
        files = evidence_by_task.get(row.id, [])
        ledger.append(_ledger_row(row, len(ledger) + 1, period, files, supervision.get(row.id, "")))
        evidence.extend(EvidenceRow(row.code, row.title, ev.filename, ev.size, ev.added_at) for ev in files)
    for row in facts.late:
        late.append(
            LateItem(
                row.id,
                row.plan_label,
                row.code,
                row.title,
                row.lead_unit or NO_UNIT,
                row.support_units,
                row.deadline_text_words,
                row.overdue,
                row.light_reason,
                row.report_label,
                row.period_progress(period),
                tuple(sorted(facts.names.get(i, "") for i in row.lead_unit_ids)),
            )
        )

    unit_rows = facts.units
    used_plans = sorted({row.plan_id for row in facts.rows}, key=lambda pid: (plans[pid].position, pid))
    if scope.plan_ids:
        used_plans = [pid for pid in scope.plan_ids if pid in plans]
    indicators = _indicators(session, period, used_plans, plan_name, rows, scope)
    unassigned = [
        f"{row.plan_label}第{row.code}项 {row.title}"
        for row in facts.unassigned
        if not row.finished and (row.light is Light.RED or row.owes_update)
    ]
    return Report(
        period=period,
        scope=scope,
        plan_titles=tuple(plans[pid].title for pid in used_plans),
        as_of=period.end,
        totals=totals_of(facts.tally, facts.counted),
        units=tuple(unit_rows),
        late=tuple(late),
        ledger=tuple(ledger),
        indicators=tuple(indicators),
        evidence=tuple(evidence),
        reporting_units=tuple(u.unit for u in unit_rows if u.not_reported or u.late),
        unassigned=tuple(unassigned),
        changes=period_changes(session, period, scope, now=facts),
        assessment=_scoped(
            assess(session, period, list(scope.plan_ids) or None, facts=facts if not scope.units else None),
            scope,
        ),
    )


def _scoped(assessment: Assessment, scope: Scope) -> Assessment:
    """The 考核 covers the units in scope only: a unit scope keeps its units, ranked among themselves.

    Each unit's score is of all its tasks in the plans in scope (what 考核 judges); a plan scope
    already holds just the units of those plans' tasks.
    """
    if not scope.units:
        return assessment
    wanted = set(scope.units)
    return replace(assessment, scores=rank(s for s in assessment.scores if s.unit in wanted))


def _evidence_of_period(
    session: Session, period: Period, plan_ids: list[int] | None
) -> dict[int, list[m.Evidence]]:
    """Evidence filed under this period or an earlier one (the period of its record, not its upload day)."""
    evidence_by_task: dict[int, list[m.Evidence]] = defaultdict(list)
    query = select(m.Evidence).where(m.Evidence.removed_at.is_(None)).order_by(m.Evidence.added_at)
    if plan_ids:
        query = query.join(m.Task).where(m.Task.plan_id.in_(plan_ids))
    parsed: dict[str, Period | None] = {}
    for ev in session.scalars(query):
        if evidence_in_period(ev.period, ev.added_at.date(), period, parsed):
            evidence_by_task[ev.task_id].append(ev)
    return evidence_by_task


def evidence_in_period(
    code: str | None, added_on: date, period: Period, cache: dict[str, Period | None] | None = None
) -> bool:
    """A file belongs to the ledger of its record's period and later ones, whatever its upload day."""
    if code:
        cache = {} if cache is None else cache
        if code not in cache:
            try:
                cache[code] = parse_period(code)
            except BadInput:
                cache[code] = None
        of = cache[code]
        if of is not None:
            return of.end <= period.end
    return added_on <= period.end


def _ledger_row(
    row: TaskRow, seq: int, period: Period, files: list[m.Evidence], supervision: str = ""
) -> LedgerRow:
    own = row.reported  # problems and next steps are the period's own, or nothing
    return LedgerRow(
        row.id,
        seq,
        row.plan_label,
        row.code,
        row.title,
        row.content,
        row.lead_unit,
        row.support_units,
        row.leader,
        row.deadline,
        row.deadline_text_words,
        row.period_progress(period),
        row.problems if own else "",
        row.next_steps if own else "",
        row.report_label if row.counted else "（分组）" if row.begun else "（未开始）",
        row.light,
        "\n".join(ev.filename for ev in files),
        row.remarks,
        row.reported,
        not row.counted,
        row.depth,
        supervision,
    )


def _words_day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def supervision_words(session: Session, period: Period) -> dict[int, str]:
    """督办记录 per task as of the period: the 延期 in force (with the original deadline) and
    the 催办单 issued up to the period's end, counted, with the last one named."""
    from tracker.services.extensions import extended_deadlines
    from tracker.services.notices import task_notices

    out: dict[int, list[str]] = {}
    granted = select(m.DeadlineExtension.task_id)  # every 延期 in force, for the officer's information
    originals = {
        task_id: deadline
        for task_id, deadline in session.execute(
            select(m.Task.id, m.Task.deadline).where(m.Task.id.in_(granted))
        )
    }
    for task_id, new in extended_deadlines(session, list(originals)).items():  # lights: status.py
        original = originals.get(task_id)
        was = f"（原定{_words_day(original)}）" if original else ""
        out.setdefault(task_id, []).append(f"延期至{_words_day(new)}{was}")
    # 催办 for a quarter are issued after it ends: the notices about this period or an earlier one
    codes = [c for c in session.scalars(select(m.ReminderNotice.period).distinct()) if _not_later(c, period)]
    issued = select(m.ReminderNotice.id).where(m.ReminderNotice.period.in_(codes))
    for task_id, found in task_notices(session, notice_ids=issued).items():
        out.setdefault(task_id, []).append(
            f"催办{found.count}次，最近{found.last_number}（{found.last_level.words}）"
        )
    return {task_id: "；".join(parts) for task_id, parts in out.items()}


def _not_later(code: str, period: Period) -> bool:
    try:
        return parse_period(code).end <= period.end
    except BadInput:
        return False


def totals_of(counted: Tally, rows: list[TaskRow]) -> Totals:
    """The 通报's and the 台账's totals from the facts' tally (the 总览's figures)."""
    n = counted.total
    on_schedule = sum(1 for row in rows if unit_column(row) == "on_schedule")
    return Totals(
        items=n,
        done=counted.finished,
        on_schedule=on_schedule,
        late=counted.by_light[Light.RED],
        slow=counted.by_light[Light.YELLOW],
        not_started=counted.by_status.get("not_started", 0),
        not_reported=counted.unreported,
        completion_rate=_percent(counted.finished, n),
        by_status=tuple(
            Count(code, report_label(code), count, _percent(count, n))
            for code, count in counted.by_status.items()
        ),
        by_light=tuple(
            Count(light.code, light.label, count, _percent(count, n))
            for light, count in counted.by_light.items()
        ),
    )


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
