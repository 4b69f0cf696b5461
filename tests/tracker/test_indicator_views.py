"""The indicator judgement as the ledger's views read it: settings, the 通报's rows, the window's."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.errors import BadInput
from tracker.lights import LightRules
from tracker.periods import parse_period
from tracker.reports.assemble import assemble_report
from tracker.rules.indicators import BEHIND, EARLY, ON_TRACK, IndicatorRules
from tracker.views.plan_metrics import load_plan_metrics
from tracker.views.record import load_task_record
from tracker.views.rules import JudgingSettings, load_settings, save_settings

Q2 = parse_period("2023Q2")


def _metric(session: object, plan_words: str, name: str, task: bool) -> m.Metric:
    query = select(m.Metric).join(m.Plan).where(m.Plan.title.contains(plan_words), m.Metric.name == name)
    query = query.where(m.Metric.task_id.is_not(None) if task else m.Metric.task_id.is_(None))
    return session.scalars(query.order_by(m.Metric.id)).first()  # type: ignore[attr-defined,no-any-return]


@pytest.fixture
def reported(seeded: Database) -> Database:
    with seeded.unit_of_work() as session:
        staff = _metric(session, "永嘉", "每万名就业人员中研发人员", task=False)
        session.add(m.Actual(metric=staff, period="2023Q2", value=140))
        rank = _metric(session, "温州", "温州国家高新区全国排名", task=True)
        session.add(m.Actual(metric=rank, period="2023Q2", value=45))
    return seeded


def test_thresholds_are_ledger_settings_the_documents_and_window_obey(reported: Database) -> None:
    with reported.reading() as session:
        assert load_settings(session).indicators == IndicatorRules()
        row = next(
            r
            for r in assemble_report(session, Q2).indicators
            if r.name == "每万名就业人员中研发人员" and r.actual
        )
        shown = next(
            r for r in load_plan_metrics(session, Q2) if r.name == "每万名就业人员中研发人员" and r.actual
        )
    assert (row.judgement, row.achieved, row.expected) == (BEHIND, 37.5, 49.9)
    assert row.baseline_text == shown.baseline == "2020年 116（预计）" and row.rule == shown.rule
    assert (shown.judgement, shown.achieved, shown.expected) == (BEHIND, 37.5, 49.9)
    assert shown.progress_text == "进度 37.5% / 序时 49.9%"

    lenient = IndicatorRules(ahead_gap=10, behind_gap=15, about_tolerance=5)
    with reported.unit_of_work() as session:
        save_settings(session, JudgingSettings(LightRules(), "", lenient))
    with reported.reading() as session:
        assert load_settings(session).indicators == lenient
        row = next(
            r
            for r in assemble_report(session, Q2).indicators
            if r.name == "每万名就业人员中研发人员" and r.actual
        )
        shown = next(
            r for r in load_plan_metrics(session, Q2) if r.name == "每万名就业人员中研发人员" and r.actual
        )
    assert row.judgement == shown.judgement == ON_TRACK  # 12.4 points behind, within 15


@pytest.mark.parametrize(
    ("rules", "words"),
    [
        (IndicatorRules(ahead_gap=120), "快于预期"),
        (IndicatorRules(behind_gap=-1), "滞后"),
        (IndicatorRules(about_tolerance=60), "左右"),
    ],
)
def test_bad_thresholds_are_refused_and_nothing_is_saved(
    seeded: Database, rules: IndicatorRules, words: str
) -> None:
    with pytest.raises(BadInput, match=words), seeded.unit_of_work() as session:
        save_settings(session, JudgingSettings(LightRules(), "王督查", rules))
    with seeded.reading() as session:
        assert load_settings(session) == JudgingSettings(LightRules(), "", IndicatorRules())


def test_a_tasks_indicators_carry_the_judgement(reported: Database) -> None:
    with reported.reading() as session:
        rank = _metric(session, "温州", "温州国家高新区全国排名", task=True)
        rank_id, task_id = rank.id, rank.task_id
        record = load_task_record(session, task_id, Q2)  # type: ignore[arg-type]
        row = next(r for r in assemble_report(session, Q2).indicators if r.name == rank.name and r.actual)
    assert record is not None
    item = next(x for x in record.metrics if x.id == rank_id)
    assert item.judgement == row.judgement == EARLY
    assert item.lower_is_better and row.lower_is_better and "越小越好" in item.rule
    assert item.current_target == "2027年 进入全国前50位"
    assert item.ratio is not None and item.ratio > 1  # 50 / 45: better than the target reads above 100%
