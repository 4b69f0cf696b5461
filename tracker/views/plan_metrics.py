"""方案指标: the plans' own indicator tables (温州 九大指标, 温岭 表1, 永嘉 附件1 …) as of a period."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.periods import Period
from tracker.views.conflicts import conflict_notes
from tracker.views.indicators import baseline_words, judge_metrics
from tracker.views.rules import load_indicator_rules


@dataclass
class PlanMetricRow:
    id: int
    plan: str
    name: str
    unit: str
    source: str
    baseline: str
    targets: str  # every year as printed: “2023年：2.7；2025年：3.0”
    current_target: str  # the target that applies in the period's year
    actual: float | None
    ratio: float | None
    conflicts: list[str] = field(default_factory=list)
    judgement: str = ""  # 指标判断 (tracker.rules.indicators), the same word the 通报 prints
    rule: str = ""
    reason: str = ""
    expected: float | None = None  # 序时进度, percent
    achieved: float | None = None  # progress from the baseline, percent

    @property
    def ratio_text(self) -> str:
        return "—" if self.ratio is None else f"{self.ratio * 100:.0f}%"

    @property
    def progress_text(self) -> str:
        """“进度 37.5% / 序时 49.9%”, or what is known of the two."""
        return progress_words(self.achieved, self.expected)


def judgement_tip(rule: str, reason: str) -> str | None:
    """A judgement's tooltip: the rule used, and why it could not be judged."""
    lines = [f"依据：{rule}"] if rule and rule != "—" else []
    if reason:
        lines.append(f"原因：{reason}")
    return "\n".join(lines) or None


def grounds(rule: str, reason: str) -> str:
    """The cell beside a judgement: why it could not be judged, else the rule used."""
    return reason or ("" if rule == "—" else rule)


BELOW_BASELINE = "低于基期"


def achieved_text(achieved: float | None) -> str:
    """进度 as printed everywhere: the percent from the baseline toward the target.

    Rule: an actual value below the baseline is written “低于基期”, never as a negative percent
    (−2577.8% says nothing a superior can use; the actual and baseline sit beside it).
    """
    if achieved is None:
        return "—"
    return BELOW_BASELINE if achieved < 0 else f"{achieved:.1f}%"


def progress_words(achieved: float | None, expected: float | None) -> str:
    parts = []
    if achieved is not None:
        parts.append(f"进度 {achieved_text(achieved)}")
    if expected is not None:
        parts.append(f"序时 {expected:.1f}%")
    return " / ".join(parts) or "—"


def load_plan_metrics(session: Session, period: Period) -> list[PlanMetricRow]:
    """Plan-level metrics in ledger order, each marked where the document contradicts it."""
    plans = {
        p.id: p.short_title or p.title
        for p in session.execute(
            select(m.Plan.id, m.Plan.title, m.Plan.short_title)
            .where(m.Plan.deleted_at.is_(None))
            .order_by(m.Plan.position, m.Plan.id)
        )
    }
    metrics = session.scalars(
        select(m.Metric)
        .where(m.Metric.task_id.is_(None), m.Metric.plan_id.in_(list(plans)))
        .order_by(m.Metric.plan_id, m.Metric.position, m.Metric.id)
    ).all()
    ids = [x.id for x in metrics]
    targets: dict[int, list[m.Target]] = defaultdict(list)
    for t in session.scalars(select(m.Target).where(m.Target.metric_id.in_(ids)).order_by(m.Target.year)):
        targets[t.metric_id].append(t)
    judged = judge_metrics(session, metrics, period, load_indicator_rules(session))
    notes = conflict_notes(session.connection(), list(plans))
    order = {plan_id: index for index, plan_id in enumerate(plans)}
    rows = []
    for metric in sorted(metrics, key=lambda x: (order[x.plan_id], x.position, x.id)):
        own = targets[metric.id]
        item = judged[metric.id]
        j = item.judgement
        baseline = baseline_words(metric, j)
        rows.append(
            PlanMetricRow(
                metric.id,
                plans[metric.plan_id],
                metric.name,
                metric.unit or "",
                metric.source or "",
                baseline,
                "；".join(f"{t.year}年：{t.text}" for t in own),
                f"{item.target_year}年 {item.target_text}" if item.target_year is not None else "",
                j.actual,
                None if j.ratio is None else j.ratio / 100,
                notes.get(metric.id, []),
                j.word,
                j.rule,
                j.reason,
                j.expected,
                j.achieved,
            )
        )
    return rows
