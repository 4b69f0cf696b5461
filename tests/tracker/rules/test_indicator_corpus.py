"""Every indicator of the five built-in plans, judged after two quarters of realistic actuals.

The actuals are what offices report: stocks a little way from their baseline toward the target,
rates near the rate, yearly amounts part of the year's amount, ranks around the target, 乐清's
2022 targets reported late. No judgement may be absurd: no past target “ahead”, no rate judged
as a stock, no rank judged upside down; and the 通报/台账 and the window read the same words.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.lights import TaskFacts, expected_progress
from tracker.periods import parse_period
from tracker.reports.assemble import assemble_report
from tracker.rules.indicators import (
    BEHIND,
    DONE,
    EARLY,
    FASTER,
    MISSED,
    ON_TRACK,
    UNKNOWN,
    YEAR_MET,
    IndicatorFacts,
    Nature,
    classify,
    elapsed_share,
)
from tracker.views.indicators import applicable_target, judge_metrics
from tracker.views.plan_metrics import load_plan_metrics

Q1, Q2 = "2023Q1", "2023Q2"
PERIOD = parse_period(Q2)
ISSUE_CASES = {  # (plan words, metric name) → the value reported for 2023Q2 (issue 12)
    ("永嘉", "每万名就业人员中研发人员"): 140.0,
    ("乐清", "温州市“特支计划”科技创新、创业领军人才"): 5.0,
    ("温岭", "省企业研究院"): 6.0,
    ("温岭", "高新技术产业投资年增长"): 11.2,
    ("温州", "温州国家高新区全国排名"): 45.0,
}


PACES = ("behind", "on", "ahead")


def _reported(metric: m.Metric, plan: m.Plan, j: int) -> tuple[list[tuple[str, float]], str]:
    """Two quarters of plausible actuals for one metric (the j-th), by the shape of its target,
    and the pace they were made at: behind, on or ahead of schedule ("" when pace does not apply)."""
    target = applicable_target(metric.targets, 2023)
    if target is None or target.value is None:
        return ([(Q2, 3.0)] if j % 5 == 0 else []), ""  # a text target with a number reported anyway
    t, b = target.value, metric.baseline_value
    nature, lower = classify(
        IndicatorFacts(
            metric.name,
            metric.unit or "",
            target.year,
            target.comparator,
            t,
            target.max,
            target.kind,
            target.recurring,
            target.text,
        )
    )
    for (words, name), value in ISSUE_CASES.items():
        if words in plan.title and metric.name == name:
            return [(Q2, value)], ""
    pick = j % 3
    pace = PACES[pick]
    end = date(target.year, 12, 31)
    if target.year < 2023:  # 乐清's 2022 targets, reported after the year
        return [("2022", t * (0.6, 1.1, 0.95)[pick])], ""
    if nature is Nature.RATE:
        return [(Q1, t * 0.9), (Q2, t * (0.8, 0.95, 1.12)[pick])], ""
    if nature is Nature.YEARLY:
        return [(Q1, t * 0.2), (Q2, t * (0.3, 0.5, 0.7)[pick])], ""
    if nature is Nature.BINARY:
        return [(Q1, 0.0), (Q2, float(pick == 2))], ""
    if lower:
        if t == 0:  # 清零
            return [(Q1, 12.0), (Q2, (10.0, 6.0, 0.0)[pick])], ""
        return [(Q1, t * 1.3), (Q2, t * (1.2, 1.05, 0.9)[pick])], ""
    if b is not None and metric.baseline_year is not None:
        if t <= b:  # a level to hold
            return [(Q1, t * 1.01), (Q2, t * (0.97, 1.02, 1.0)[pick])], ""
        start, first = date(metric.baseline_year + 1, 1, 1), b
    elif nature is Nature.INCREMENT:
        start, first = date(plan.period_start or target.year, 1, 1), 0.0
    else:  # no baseline: the first quarter's value is where progress is measured from
        start, first = parse_period(Q1).end, t * 0.7
    expected = elapsed_share(start, end, PERIOD.end)
    share = {"behind": expected * 0.4, "on": expected, "ahead": expected + 20}[pace]
    q2 = first + (t - first) * share / 100
    q1 = first if first else q2 * 0.8
    return [(Q1, q1), (Q2, q2)], pace


PACE: dict[int, str] = {}  # metric id → the pace its actuals were made at, for the assertions


@pytest.fixture
def corpus(seeded: Database) -> Database:
    PACE.clear()
    with seeded.unit_of_work() as session:
        metrics = session.scalars(select(m.Metric).order_by(m.Metric.plan_id, m.Metric.id)).all()
        for j, metric in enumerate(metrics):
            actuals, pace = _reported(metric, metric.plan, j)
            for code, value in actuals:
                session.add(m.Actual(metric=metric, period=code, value=round(value, 4)))
            PACE[metric.id] = pace
    return seeded


def test_no_judgement_of_the_built_in_plans_is_absurd(corpus: Database) -> None:
    with corpus.reading() as session:
        metrics = session.scalars(select(m.Metric).order_by(m.Metric.id)).all()
        judged = judge_metrics(session, metrics, PERIOD)
        plans = {p.id: p for p in session.scalars(select(m.Plan))}
        assert len(metrics) > 250
        words: Counter[str] = Counter()
        for metric in metrics:
            item = judged[metric.id]
            j = item.judgement
            words[j.word] += 1
            where = f"{plans[metric.plan_id].title[:8]} {metric.name} {item.target_text}: {j}"
            if j.word == UNKNOWN:
                assert j.reason, where
                continue
            assert j.rule and j.actual is not None, where
            assert item.target_year is not None
            if item.target_year < 2023:  # a past target is done or missed, never ahead or behind
                assert j.word in (DONE, MISSED), where
            if j.nature is Nature.RATE:  # a rate is never accumulated into a stock
                assert j.word in (YEAR_MET, ON_TRACK, BEHIND, DONE, MISSED), where
                assert j.expected == 100.0 and j.baseline is None, where
            if j.nature is Nature.YEARLY:
                assert j.word != EARLY and j.baseline is None, where
                assert j.expected == 49.5, where  # half of this year, not of the plan
            if j.lower_is_better and item.target_year >= 2023 and item.target_value is not None:
                better = j.actual <= item.target_value
                assert (j.word == EARLY) == better, where
            if j.word == FASTER:
                assert j.achieved is not None and j.expected is not None, where
                assert j.achieved >= j.expected + 10, where
            if j.word == BEHIND and j.nature in (Nature.STOCK, Nature.INCREMENT) and j.achieved is not None:
                assert j.achieved < j.expected - 10, where  # type: ignore[operator]
            if j.nature is Nature.STOCK and metric.baseline_year is not None and j.achieved is not None:
                assert j.baseline == metric.baseline_value, where
                span = elapsed_share(
                    date(metric.baseline_year + 1, 1, 1), date(item.target_year, 12, 31), PERIOD.end
                )
                assert j.expected == span, where
                gap = item.target_value - metric.baseline_value  # type: ignore[operator]
                assert j.achieved == pytest.approx(
                    (j.actual - metric.baseline_value) / gap * 100, abs=0.06
                ), where
            pace = PACE[metric.id]
            if pace == "behind":  # behind schedule is never read as ahead of it
                assert j.word in (BEHIND, ON_TRACK), where
            elif pace == "on":
                assert j.word == ON_TRACK, where
            elif pace == "ahead":
                assert j.word in (FASTER, EARLY), where
        assert {EARLY, DONE, YEAR_MET, FASTER, ON_TRACK, BEHIND, MISSED, UNKNOWN} <= set(words), words


def test_the_issues_cases_in_the_built_in_plans(corpus: Database) -> None:
    with corpus.reading() as session:
        report = assemble_report(session, PERIOD)
        rows = {(r.plan[:2], r.name, r.target_text): r for r in report.indicators}
        starts = {p.title: p.period_start for p in session.scalars(select(m.Plan))}
    by_name = {}
    for (plan, name, text), row in rows.items():
        by_name.setdefault((plan, name), []).append((text, row))
    (_, staff), *_ = [x for x in by_name[("永嘉", "每万名就业人员中研发人员")] if x[0] == "180"]
    assert (staff.actual, staff.achieved, staff.expected, staff.judgement) == (140, 37.5, 49.9, BEHIND)
    assert staff.baseline_text == "2020年 116（预计）"  # 永嘉 附件1 prints 2020年预计数
    (_, talent), *_ = by_name[("乐清", "温州市“特支计划”科技创新、创业领军人才")]
    assert talent.judgement == MISSED and talent.actual == 5
    (_, institutes), *_ = by_name[("温岭", "省企业研究院")]
    assert (institutes.achieved, institutes.expected, institutes.judgement) == (30.0, 49.9, BEHIND)
    (_, growth), *_ = by_name[("温岭", "高新技术产业投资年增长")]
    assert growth.judgement == YEAR_MET and growth.actual == 11.2
    for _text, rank in by_name[("温州", "温州国家高新区全国排名")]:
        assert (
            rank.lower_is_better and rank.judgement == EARLY and rank.ratio is not None and rank.ratio > 100
        )
    # 温岭's increments read the same 序时进度 as its tasks due at the end of 2025
    assert next(start for title, start in starts.items() if "温岭" in title) == 2021
    task = TaskFacts(start=date(2021, 1, 1), deadline=date(2025, 12, 31), status="in_progress", percent=10)
    assert institutes.expected == expected_progress(task, PERIOD.end)


def test_the_window_reads_the_same_words_as_the_documents(corpus: Database) -> None:
    with corpus.reading() as session:
        report = assemble_report(session, PERIOD)
        window = load_plan_metrics(session, PERIOD)
    documents = Counter((r.name, r.judgement, r.expected, r.achieved) for r in report.indicators)
    screen = Counter((r.name, r.judgement, r.expected, r.achieved) for r in window)
    assert window and not screen - documents  # every plan-level row on screen is in the 通报 as is
    assert any(r.judgement not in ("", UNKNOWN) for r in window)
