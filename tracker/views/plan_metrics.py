"""方案指标: the plans' own indicator tables (温州 九大指标, 温岭 表1, 永嘉 附件1 …) as of a period."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.periods import Period, parse_period
from tracker.views.conflicts import conflict_notes
from tracker.views.table import metric_ratio, target_for_year


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

    @property
    def ratio_text(self) -> str:
        return "—" if self.ratio is None else f"{self.ratio * 100:.0f}%"


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
    actuals: dict[int, list[m.Actual]] = defaultdict(list)
    for a in session.scalars(select(m.Actual).where(m.Actual.metric_id.in_(ids))):
        actuals[a.metric_id].append(a)
    notes = conflict_notes(session.connection(), list(plans))
    order = {plan_id: index for index, plan_id in enumerate(plans)}
    rows = []
    for metric in sorted(metrics, key=lambda x: (order[x.plan_id], x.position, x.id)):
        own = targets[metric.id]
        current = target_for_year([(t.year, t.value, t.comparator) for t in own], period.year)
        words = next((t.text for t in own if current and t.year == current[0]), "")
        known = [
            (parse_period(a.period).end, a.value)
            for a in actuals[metric.id]
            if parse_period(a.period).end <= period.end
        ]
        actual = max(known)[1] if known else None
        baseline = ""
        if metric.baseline_year is not None:
            shown = metric.baseline_text or f"{metric.baseline_value:g}"
            baseline = f"{metric.baseline_year}年 {shown}" + ("（预计）" if metric.baseline_estimated else "")
        rows.append(
            PlanMetricRow(
                metric.id,
                plans[metric.plan_id],
                metric.name,
                metric.unit or "",
                metric.source or "",
                baseline,
                "；".join(f"{t.year}年：{t.text}" for t in own),
                f"{current[0]}年 {words}" if current else "",
                actual,
                metric_ratio(current[2], current[1], actual) if current else None,
                notes.get(metric.id, []),
            )
        )
    return rows
