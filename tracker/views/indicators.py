"""Indicators judged as of a period, read once for the 通报, the 台账 and the window's views.

The rule itself is `tracker.rules.indicators.judge_indicator`; this module only gathers its facts
from the ledger (the target that applies, the baseline, every actual recorded, the plan's start),
so the PDF, the Excel and the screen never judge the same indicator two ways.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput
from tracker.periods import Period, parse_period
from tracker.rules.indicators import (
    IndicatorFacts,
    IndicatorJudgement,
    IndicatorRules,
    Reading,
    judge_indicator,
)


@dataclass(frozen=True)
class JudgedMetric:
    """One indicator's applicable target (as printed) and its judgement."""

    metric_id: int
    target_year: int | None
    target_value: float | None
    target_text: str
    judgement: IndicatorJudgement


def applicable_target(targets: Sequence[m.Target], year: int) -> m.Target | None:
    """The target that applies in `year`: that year's, else the next later one, else the last."""
    ordered = sorted(targets, key=lambda t: t.year)
    return next((t for t in ordered if t.year >= year), ordered[-1] if ordered else None)


def judge_metrics(
    session: Session, metrics: Sequence[m.Metric], period: Period, rules: IndicatorRules | None = None
) -> dict[int, JudgedMetric]:
    """Each metric's judgement as of `period`, keyed by metric id (three queries, whatever the count)."""
    ids = [metric.id for metric in metrics]
    if not ids:
        return {}
    targets: dict[int, list[m.Target]] = defaultdict(list)
    for row in session.scalars(select(m.Target).where(m.Target.metric_id.in_(ids))):
        targets[row.metric_id].append(row)
    readings: dict[int, list[Reading]] = defaultdict(list)
    parsed: dict[str, Period | None] = {}
    for metric_id, code, value in session.execute(
        select(m.Actual.metric_id, m.Actual.period, m.Actual.value).where(m.Actual.metric_id.in_(ids))
    ):
        if code not in parsed:
            try:
                parsed[code] = parse_period(code)
            except BadInput:
                parsed[code] = None  # a malformed period never judges anything
        of = parsed[code]
        if of is not None:
            readings[metric_id].append(Reading(value, of))
    plan_ids = {metric.plan_id for metric in metrics}
    starts = dict(
        session.execute(select(m.Plan.id, m.Plan.period_start).where(m.Plan.id.in_(plan_ids))).tuples().all()
    )
    judged: dict[int, JudgedMetric] = {}
    for metric in metrics:
        target = applicable_target(targets.get(metric.id, []), period.year)
        facts = IndicatorFacts(
            name=metric.name,
            unit=metric.unit or "",
            target_year=target.year if target else None,
            comparator=target.comparator if target else "text",
            target_value=target.value if target else None,
            target_max=target.max if target else None,
            target_kind=target.kind if target else "level",
            recurring=target.recurring if target else None,
            target_text=target.text if target else "",
            baseline_year=metric.baseline_year,
            baseline_value=metric.baseline_value,
            plan_start=starts.get(metric.plan_id),
            readings=tuple(readings.get(metric.id, ())),
        )
        judged[metric.id] = JudgedMetric(
            metric.id,
            target.year if target else None,
            target.value if target else None,
            target.text if target else "",
            judge_indicator(facts, period, rules),
        )
    return judged


def baseline_words(metric: m.Metric, judgement: IndicatorJudgement) -> str:
    """The baseline a judgement measured from, as a table cell: “2020年 116”, “2021年初 0”,
    “2023年第一季度 3800”; the printed baseline where none was used."""
    if judgement.baseline is None:
        if metric.baseline_year is not None and (metric.baseline_text or metric.baseline_value is not None):
            shown = metric.baseline_text or f"{metric.baseline_value:g}"
            return f"{metric.baseline_year}年 {shown}" + ("（预计）" if metric.baseline_estimated else "")
        return ""
    printed = metric.baseline_year is not None and judgement.baseline_when == f"{metric.baseline_year}年"
    shown = (metric.baseline_text if printed else None) or f"{judgement.baseline:g}"
    return f"{judgement.baseline_when} {shown}" + (
        "（预计）" if printed and metric.baseline_estimated else ""
    )
