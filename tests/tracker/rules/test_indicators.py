"""指标判断, case by case: every case issue 12 names, and the shapes of target the seeds hold."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from tracker.lights import TaskFacts, expected_progress
from tracker.periods import parse_period
from tracker.rules.indicators import (
    BEHIND,
    DONE,
    EARLY,
    FASTER,
    MISSED,
    NO_ACTUAL,
    NO_ACTUAL_THIS_YEAR,
    NO_BASELINE,
    ON_TRACK,
    TEXT_TARGET,
    UNKNOWN,
    YEAR_MET,
    IndicatorFacts,
    IndicatorRules,
    Nature,
    Reading,
    classify,
    elapsed_share,
    judge_indicator,
)

Q2 = parse_period("2023Q2")


def reading(value: float, code: str = "2023Q2") -> Reading:
    return Reading(value, parse_period(code))


def facts(
    name: str, unit: str, year: int, comparator: str, value: float | None, *actuals: Reading, **kw: Any
) -> IndicatorFacts:
    return IndicatorFacts(name, unit, year, comparator, value, readings=actuals, **kw)


# 永嘉 附件1: 每万名就业人员中研发人员, 2020年 116 → 2025年 180, 140 reported for 2023Q2.
RD_STAFF = facts(
    "每万名就业人员中研发人员",
    "人年",
    2025,
    "=",
    180,
    reading(140),
    target_text="180",
    baseline_year=2020,
    baseline_value=116,
    plan_start=2021,
)
# 乐清 2022 targets, judged in 2023Q2.
SPECIAL_TALENT = facts(
    "温州市“特支计划”科技创新、创业领军人才",
    "人",
    2022,
    ">=",
    8,
    reading(5),
    target_text="不少于8人",
    plan_start=2022,
)
# 温岭 (三)2: 省企业研究院 20 家 (新增, kind increment), plan 2021–2025, no baseline.
WENLING_INSTITUTES = facts(
    "省企业研究院",
    "家",
    2025,
    "=",
    20,
    reading(6),
    target_kind="increment",
    target_text="省企业研究院 20 家",
    plan_start=2021,
)
# 温岭 (三)3: 力争高新技术产业投资年增长10%.
YEARLY_GROWTH = facts(
    "高新技术产业投资年增长",
    "%",
    2025,
    ">=",
    10,
    reading(11.2),
    target_kind="increment",
    recurring="yearly",
    target_text="力争高新技术产业投资年增长10%",
    plan_start=2021,
)
# 温州: 温州国家高新区全国排名, 进入全国前50位 by 2027.
RANK = facts(
    "温州国家高新区全国排名", "位", 2027, "<=", 50, reading(45), target_text="进入全国前50位", plan_start=2023
)


def test_stock_progress_is_measured_from_the_baseline_against_the_span_from_it() -> None:
    j = judge_indicator(RD_STAFF, Q2)
    assert (j.achieved, j.expected) == (37.5, 49.9)  # 24 of 64 closed at 49.9% of 2021–2025
    assert j.word == BEHIND != FASTER
    assert j.baseline == 116 and j.baseline_label == "2020年基期值"
    assert "基期" in j.rule and j.reason == ""
    assert j.ratio == 77.8  # the completion ratio is still shown, but it is not what is judged


@pytest.mark.parametrize(
    ("actual", "word"),
    [(158, FASTER), (150, ON_TRACK), (140, BEHIND), (110, BEHIND), (185, EARLY)],
)
def test_stock_words_around_the_schedule(actual: float, word: str) -> None:
    # 序时 49.9%: 158 is 65.6% of the gap, 150 is 53.1%, 140 is 37.5%, 110 went backwards.
    j = judge_indicator(replace(RD_STAFF, readings=(reading(actual),)), Q2)
    assert j.word == word


def test_a_target_whose_year_has_passed_is_done_or_missed_never_ahead() -> None:
    j = judge_indicator(SPECIAL_TALENT, Q2)
    assert j.word == MISSED and j.ratio == 62.5 and j.expected == 100.0
    assert "目标年已过" in j.rule
    done = judge_indicator(replace(SPECIAL_TALENT, readings=(reading(9),)), Q2)
    assert done.word == DONE
    # the year-end report of the target year decides too
    assert (
        judge_indicator(replace(SPECIAL_TALENT, readings=(reading(5, "2022"),)), parse_period("2022")).word
        == MISSED
    )
    # the value recorded within the target year is judged, not a later one
    both = replace(SPECIAL_TALENT, readings=(reading(8, "2022Q4"), reading(5, "2023Q2")))
    j = judge_indicator(both, Q2)
    assert j.word == DONE and j.actual == 8 and j.actual_period == parse_period("2022Q4")
    # the year's own figure is preferred to its last quarter's
    year_end = replace(SPECIAL_TALENT, readings=(reading(8, "2022Q4"), reading(7, "2022")))
    assert judge_indicator(year_end, Q2).actual_period == parse_period("2022")


def test_without_a_baseline_new_things_count_from_the_plans_start() -> None:
    j = judge_indicator(WENLING_INSTITUTES, Q2)
    assert classify(WENLING_INSTITUTES) == (Nature.INCREMENT, False)
    assert j.expected == 49.9 and j.achieved == 30.0 and j.word == BEHIND
    assert j.baseline == 0 and j.baseline_label == "新增数自2021年初起计"
    # the same 序时进度 as a task of the same plan due at the end of 2025
    task = TaskFacts(start=date(2021, 1, 1), deadline=date(2025, 12, 31), status="in_progress", percent=30)
    assert expected_progress(task, Q2.end) == j.expected


def test_rates_are_judged_per_year_never_as_a_stock() -> None:
    assert classify(YEARLY_GROWTH)[0] is Nature.RATE
    j = judge_indicator(YEARLY_GROWTH, Q2)
    assert j.word == YEAR_MET != EARLY
    assert j.achieved == 112.0 and j.expected == 100.0 and "不累计" in j.rule
    assert judge_indicator(replace(YEARLY_GROWTH, readings=(reading(9.5),)), Q2).word == ON_TRACK
    assert judge_indicator(replace(YEARLY_GROWTH, readings=(reading(5),)), Q2).word == BEHIND
    assert judge_indicator(replace(YEARLY_GROWTH, readings=(reading(-2),)), Q2).word == BEHIND
    # last year's rate says nothing about this year
    stale = judge_indicator(replace(YEARLY_GROWTH, readings=(reading(11.2, "2022"),)), Q2)
    assert stale.word == UNKNOWN and stale.reason == NO_ACTUAL_THIS_YEAR
    # 乐清 规上工业企业研发费用支出增速 12%以上 (2022), judged in 2023Q2
    lq = facts("规上工业企业研发费用支出增速", "%", 2022, ">=", 12, reading(10.4), target_text="12%以上")
    assert judge_indicator(lq, Q2).word == MISSED
    assert judge_indicator(replace(lq, readings=(reading(12.5),)), Q2).word == DONE


def test_growth_words_in_a_share_do_not_make_a_rate() -> None:
    share = facts(
        "高新技术产业增加值占规上工业增加值比重", "%", 2027, ">=", 70, reading(68), target_text="70%以上"
    )
    assert classify(share)[0] is Nature.STOCK
    assert (
        classify(
            facts(
                "企业研发后补助资金", "%", 2022, "=", 20, target_kind="increment", target_text="同比增加20%"
            )
        )[0]
        is Nature.RATE
    )
    assert (
        classify(facts("全市高新技术产业投资年均增速", "%", 2027, ">=", 15, target_text="15%以上"))[0]
        is Nature.RATE
    )


def test_yearly_amounts_are_judged_within_their_year() -> None:
    new_firms = facts(
        "新增专精特新“小巨人”企业",
        "家",
        2027,
        ">=",
        10,
        reading(6),
        target_kind="increment",
        recurring="yearly",
        target_text="10家以上",
        plan_start=2023,
    )
    assert classify(new_firms)[0] is Nature.YEARLY
    j = judge_indicator(new_firms, Q2)
    assert j.expected == 49.5 and j.achieved == 60.0 and j.word == FASTER  # 6 of 10 at half the year
    assert judge_indicator(replace(new_firms, readings=(reading(3),)), Q2).word == BEHIND
    assert judge_indicator(replace(new_firms, readings=(reading(12),)), Q2).word == YEAR_MET
    # a whole year short of its amount is behind, not “faster” against a five-year span
    assert (
        judge_indicator(replace(new_firms, readings=(reading(8, "2023"),)), parse_period("2023")).word
        == BEHIND
    )
    area = facts(
        "年新增孵化器(众创空间)孵化场地面积",
        "万平方米",
        2023,
        "=",
        180,
        reading(95),
        target_kind="increment",
        target_text="180",
        baseline_year=2022,
        baseline_value=152,
    )
    assert classify(area)[0] is Nature.YEARLY
    assert judge_indicator(area, Q2).baseline is None  # last year's amount is no starting stock


def test_ranks_are_better_when_smaller() -> None:
    j = judge_indicator(RANK, Q2)
    assert j.lower_is_better and j.word == EARLY and j.ratio == 111.1
    assert "越小越好" in j.rule
    with_base = replace(RANK, baseline_year=2022, baseline_value=80)
    j = judge_indicator(replace(with_base, readings=(reading(70),)), Q2)
    assert (
        j.achieved == 33.3 and j.expected == 9.9 and j.word == FASTER
    )  # 10 of 30 places in 9.9% of the time
    assert judge_indicator(replace(with_base, readings=(reading(90),)), Q2).word == BEHIND  # fell back
    past = judge_indicator(replace(RANK, readings=(reading(52, "2027"),)), parse_period("2027"))
    assert past.word == MISSED


def test_ceilings_are_judged_downward() -> None:
    # 丽水: 产值1亿元以上制造业企业无研发活动 清零 by 2026; 12 such firms in Q1, 8 in Q2
    clear = facts(
        "产值1亿元以上制造业企业无研发活动",
        "",
        2026,
        "<=",
        0,
        reading(12, "2023Q1"),
        reading(8),
        target_text="清零",
        plan_start=2022,
    )
    j = judge_indicator(clear, Q2)
    assert j.lower_is_better and j.baseline == 12 and j.achieved == 33.3
    assert j.expected == 6.6 and j.word == FASTER
    assert judge_indicator(replace(clear, readings=(reading(0),)), Q2).word == EARLY
    assert judge_indicator(replace(clear, readings=(reading(12, "2023Q1"), reading(14))), Q2).word == BEHIND


def test_about_and_range_targets_get_what_their_words_allow() -> None:
    about = facts("院士等顶尖人才", "名", 2027, "~", 25, reading(24), target_text="25名左右", plan_start=2023)
    j = judge_indicator(about, Q2)
    assert j.word == EARLY and "左右" in j.rule  # within 5% of 25
    short = judge_indicator(replace(about, readings=(reading(23),)), Q2)
    assert short.word == UNKNOWN and short.reason == NO_BASELINE  # not reached, nothing to measure from
    assert (
        judge_indicator(replace(about, readings=(reading(23),)), Q2, IndicatorRules(about_tolerance=10)).word
        == EARLY
    )
    core = facts(
        "组织实施核心技术项目",
        "项",
        2022,
        "range",
        15,
        reading(16),
        target_max=20,
        target_text="15-20项",
        plan_start=2022,
    )
    j = judge_indicator(core, Q2)
    assert j.word == DONE and "下限" in j.rule
    assert judge_indicator(replace(core, readings=(reading(12),)), Q2).word == MISSED


def test_what_cannot_be_judged_says_why() -> None:
    text = facts(
        "全社会研究与试验发展经费支出占地区生产总值比重",
        "",
        2027,
        "text",
        None,
        reading(3.1),
        target_text="超全省平均水平",
    )
    j = judge_indicator(text, Q2)
    assert j.word == UNKNOWN and j.reason == TEXT_TARGET and j.actual == 3.1
    none = judge_indicator(replace(RD_STAFF, readings=()), Q2)
    assert none.word == UNKNOWN and none.reason == NO_ACTUAL
    later = judge_indicator(replace(RD_STAFF, readings=(reading(150, "2023Q3"),)), Q2)
    assert later.reason == NO_ACTUAL  # a value of a later period is not known yet
    no_target = judge_indicator(IndicatorFacts("x", "家", None, "text", None), Q2)
    assert no_target.word == UNKNOWN and no_target.reason
    firms = facts(
        "高新技术企业", "家", 2027, ">=", 6500, reading(4000), target_text="超6500家", plan_start=2023
    )
    first = judge_indicator(firms, Q2)
    assert first.word == UNKNOWN and first.reason == NO_BASELINE and first.ratio == 61.5
    # from the next report on, the first value reported is the baseline
    second = judge_indicator(replace(firms, readings=(reading(3800, "2023Q1"), reading(4000))), Q2)
    assert second.baseline == 3800 and second.baseline_label == "2023年第一季度填报值"
    assert second.expected == 5.2 and second.achieved == 7.4 and second.word == ON_TRACK


def test_breakthroughs_are_reached_or_not() -> None:
    zero = facts(
        "交通运输业R&D经费支出", "", 2026, ">=", 1, reading(0), target_kind="breakthrough", target_text="破零"
    )
    assert classify(zero)[0] is Nature.BINARY
    assert judge_indicator(zero, Q2).word == UNKNOWN
    assert judge_indicator(replace(zero, readings=(reading(1),)), Q2).word == EARLY
    assert judge_indicator(replace(zero, readings=(reading(0, "2026"),)), parse_period("2026")).word == MISSED


def test_a_target_not_above_its_baseline_is_held_or_missed() -> None:
    # 永嘉 附件1 prints 规上工业企业R&D经费支出占营业收入比重 3.3 (2020) → 3.1 (2025)
    hold = facts(
        "规上工业企业R&D经费支出占营业收入比重",
        "%",
        2025,
        "=",
        3.1,
        reading(3.0),
        target_text="3.1%",
        baseline_year=2020,
        baseline_value=3.3,
        plan_start=2021,
    )
    j = judge_indicator(hold, Q2)
    assert j.word == BEHIND and j.achieved is None
    assert judge_indicator(replace(hold, readings=(reading(3.2),)), Q2).word == EARLY


def test_thresholds_are_settings() -> None:
    strict = IndicatorRules(ahead_gap=20, behind_gap=5)
    # 150 of 180 from 116: 53.1% against 49.9%
    j = judge_indicator(replace(RD_STAFF, readings=(reading(150),)), Q2, strict)
    assert j.word == ON_TRACK
    j = judge_indicator(replace(RD_STAFF, readings=(reading(143),)), Q2, strict)  # 42.2%, 7.7 behind
    assert j.word == BEHIND
    assert judge_indicator(replace(RD_STAFF, readings=(reading(143),)), Q2).word == ON_TRACK


def test_elapsed_share_counts_days_as_the_lights_do() -> None:
    assert elapsed_share(date(2021, 1, 1), date(2025, 12, 31), date(2023, 6, 30)) == 49.9
    assert elapsed_share(date(2023, 1, 1), date(2023, 12, 31), date(2023, 12, 31)) == 100.0
    assert elapsed_share(date(2024, 1, 1), date(2025, 12, 31), date(2023, 6, 30)) == 0.0
    assert elapsed_share(date(2023, 1, 1), date(2023, 1, 1), date(2023, 6, 30)) == 100.0
