"""A task's record beyond its printed text: indicators with actuals, progress, evidence, history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput
from tracker.lights import STATUS_LABELS
from tracker.periods import Period, parse_period
from tracker.views.conflicts import conflict_notes
from tracker.views.indicators import baseline_words, judge_metrics
from tracker.views.rules import load_indicator_rules


@dataclass
class MetricRecord:
    """指标: baseline, targets by year, actuals by period, completion as of a period."""

    id: int
    name: str
    unit: str
    baseline_year: int | None
    baseline_value: float | None
    baseline_text: str
    targets: list[tuple[int, float | None, str, str]]  # (year, value, comparator, words)
    actuals: list[tuple[str, float]]  # (period code, value), oldest first
    current_actual: float | None = None
    current_target: str = ""
    ratio: float | None = None
    conflicts: list[str] = field(default_factory=list)  # where the document says otherwise
    judgement: str = ""  # 指标判断 (tracker.rules.indicators), the same word the 通报 prints
    rule: str = ""
    reason: str = ""
    baseline_used: str = ""  # the baseline the judgement measured from
    expected: float | None = None  # 序时进度, percent
    achieved: float | None = None  # progress from the baseline, percent
    lower_is_better: bool = False  # ranks and “≤” targets

    @property
    def ratio_text(self) -> str:
        return "—" if self.ratio is None else f"{self.ratio * 100:.0f}%"


@dataclass
class UpdateRecord:
    id: int
    period: str
    period_label: str
    status_label: str
    percent: int | None
    progress: str
    problems: str
    next_steps: str
    recorded_at: datetime
    recorded_by: str
    source: str


@dataclass
class EvidenceRecord:
    id: int
    filename: str
    size: int
    added_at: datetime
    period: str  # the period it is evidence for (its record's), in words


@dataclass
class HistoryRecord:
    at: datetime
    actor: str
    source: str
    summary: str


@dataclass
class TaskRecord:
    task_id: int
    closed_reason: str | None
    closed_at: datetime | None
    closed_on: date | None = None  # the 销号 date the inspector gave
    closed_period_label: str = ""  # the period it closes in, in words
    metrics: list[MetricRecord] = field(default_factory=list)
    updates: list[UpdateRecord] = field(default_factory=list)  # newest first
    evidence: list[EvidenceRecord] = field(default_factory=list)
    history: list[HistoryRecord] = field(default_factory=list)  # newest first


def _period_or_none(code: str) -> Period | None:
    try:
        return parse_period(code)
    except BadInput:
        return None


def _label(code: str) -> str:
    period = _period_or_none(code)
    return period.label if period else code


def load_task_record(session: Session, task_id: int, period: Period) -> TaskRecord | None:
    task = session.get(m.Task, task_id)
    if task is None:
        return None
    record = TaskRecord(
        task.id,
        task.closed_reason,
        task.closed_at,
        task.closed_on,
        _label(task.closed_period) if task.closed_period else "",
    )
    notes = conflict_notes(session.connection(), [task.plan_id]) if any(x.key for x in task.metrics) else {}
    verdicts = judge_metrics(session, task.metrics, period, load_indicator_rules(session))
    for metric in task.metrics:
        targets = [(t.year, t.value, t.comparator, t.text) for t in metric.targets]
        actuals = [(a.period, a.value) for a in metric.actuals]
        item = MetricRecord(
            metric.id,
            metric.name,
            metric.unit or "",
            metric.baseline_year,
            metric.baseline_value,
            metric.baseline_text or ("" if metric.baseline_value is None else f"{metric.baseline_value:g}"),
            targets,
            actuals,
        )
        known = [(p, v) for code, v in actuals if (p := _period_or_none(code)) and p.end <= period.end]
        if known:
            item.current_actual = max(known, key=lambda pv: pv[0].end)[1]
        judged = verdicts[metric.id]
        if judged.target_year is not None:
            item.current_target = f"{judged.target_year}年 {judged.target_text}"
        j = judged.judgement
        item.ratio = None if j.ratio is None else j.ratio / 100
        item.judgement, item.rule, item.reason = j.word, j.rule, j.reason
        item.baseline_used = baseline_words(metric, j)
        item.expected, item.achieved, item.lower_is_better = j.expected, j.achieved, j.lower_is_better
        item.conflicts = notes.get(metric.id, [])
        record.metrics.append(item)
    updates = session.scalars(
        select(m.Update)
        .where(m.Update.task_id == task.id)
        .order_by(m.Update.recorded_at.desc(), m.Update.id.desc())
    ).all()
    periods = {u.id: u.period for u in updates}
    record.updates = [
        UpdateRecord(
            u.id,
            u.period,
            _label(u.period),
            STATUS_LABELS.get(u.status, u.status),
            u.percent,
            u.progress,
            u.problems or "",
            u.next_steps or "",
            u.recorded_at,
            u.recorded_by or "",
            u.source or "",
        )
        for u in updates
    ]
    record.evidence = [
        EvidenceRecord(
            e.id, e.filename, e.size, e.added_at, _label(e.period or periods.get(e.update_id or -1, ""))
        )
        for e in session.scalars(
            select(m.Evidence)
            .where(m.Evidence.task_id == task.id, m.Evidence.removed_at.is_(None))
            .order_by(m.Evidence.added_at, m.Evidence.id)
        )
    ]
    record.history = [
        HistoryRecord(a.at, a.actor, a.source, a.summary)
        for a in session.scalars(
            select(m.AuditEntry)
            .where(m.AuditEntry.task_id == task.id)
            .order_by(m.AuditEntry.at.desc(), m.AuditEntry.id.desc())
        )
    ]
    return record
