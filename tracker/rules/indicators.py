"""指标判断 (indicator judgement): one pure function of an indicator's facts and the reporting period.

The rule, as a mid-term review would defend it (CONVENTIONS.md “Judging indicators”), in the
order it applies; thresholds are `IndicatorRules`:

1. No number in the target (“超全省平均水平”), no target, or no actual recorded → 无法判断, with
   the reason.
2. Direction: ranks (位次、排名、“前50位”) and “≤” targets (以内、不超过、清零) are better when
   smaller; every other target when larger. “左右” counts as reached within `about_tolerance`
   per cent of its value; a range (15-20项) is reached at its lower bound.
3. Rates (增速、增长、增幅 in %) and yearly amounts (每年、年新增、年均) are judged for one year
   against the rate or the amount itself, never accumulated toward the final year: a rate met →
   达到年度要求; a yearly amount is compared with the elapsed share of its year.
4. A target whose year has ended (the period ends on or after 31 December of that year) is
   已完成 or 未完成, never “ahead of schedule”.
5. A stock target reached before its year ends → 提前实现.
6. Otherwise progress is measured from the baseline, (actual − baseline) / (target − baseline),
   against 序时进度, the elapsed share of the span from the baseline to the end of the target
   year: at least `ahead_gap` points ahead → 快于预期; at most `behind_gap` points behind →
   基本符合预期; further behind → 滞后. The baseline is the printed 基期值 (the span starts on
   1 January after its year); for counts of new things (新增、新建、培育、引进…) zero at the plan's
   start; else the first actual recorded (the span starts at the end of its period); without
   any of these → 无法判断.

The elapsed share is computed as the task lights compute theirs (`tracker/lights.py`), so an
indicator and a task of the same plan read the same 序时进度 on the same day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tracker.periods import Period

EARLY = "提前实现"
DONE = "已完成"
YEAR_MET = "达到年度要求"
FASTER = "快于预期"
ON_TRACK = "基本符合预期"
BEHIND = "滞后"
MISSED = "未完成"
UNKNOWN = "无法判断"
JUDGEMENTS = (EARLY, DONE, YEAR_MET, FASTER, ON_TRACK, BEHIND, MISSED, UNKNOWN)
"""Every word the rule can give, best first; reports count and colour them in this order."""

NO_ACTUAL = "本期未填报实际值"
NO_ACTUAL_THIS_YEAR = "本年度未填报实际值"
NO_TARGET = "未设目标值"
TEXT_TARGET = "目标为文字表述"
NO_BASELINE = "缺基期值且为首次填报"
NOT_YET_BROKEN = "尚未实现且目标年度未到"


class Nature(StrEnum):
    """What kind of quantity an indicator's target is, which decides how it is judged."""

    STOCK = "stock"  # a level reached by the target year: 高新技术企业累计数, R&D占比
    INCREMENT = "increment"  # new things over the plan, from zero at its start: 新增、培育、引进
    YEARLY = "yearly"  # an amount due each year: 每年新增、年新增、年均
    RATE = "rate"  # a growth rate met each year: 年均增长、增速、增幅
    BINARY = "binary"  # 破零: reached or not
    TEXT = "text"  # words, no number


@dataclass(frozen=True)
class IndicatorRules:
    """Thresholds in percentage points of progress, and the tolerance of “左右” in per cent."""

    ahead_gap: float = 10.0
    behind_gap: float = 10.0
    about_tolerance: float = 5.0


@dataclass(frozen=True)
class Reading:
    """One actual value (实际值) recorded for a reporting period."""

    value: float
    period: Period


@dataclass(frozen=True)
class IndicatorFacts:
    """What the judgement needs to know about one indicator and the target that applies."""

    name: str
    unit: str
    target_year: int | None  # None: no target at all
    comparator: str  # ">=", "<=", "=", "~", "range", "text" (docs/plan-format.md)
    target_value: float | None
    target_max: float | None = None
    target_kind: str = "level"  # level, increment, breakthrough, full_coverage
    recurring: str | None = None  # "yearly" for 每年… amounts
    target_text: str = ""
    baseline_year: int | None = None
    baseline_value: float | None = None
    plan_start: int | None = None  # first year of the plan's 规划期
    readings: tuple[Reading, ...] = ()  # every actual recorded, any period, any order


@dataclass(frozen=True)
class IndicatorJudgement:
    """The word, and everything a reader needs to check it."""

    word: str
    rule: str  # the rule used, one short phrase
    reason: str  # why 无法判断; empty otherwise
    nature: Nature
    lower_is_better: bool
    actual: float | None
    actual_period: Period | None
    baseline: float | None  # the baseline progress was measured from
    baseline_label: str  # where it comes from: “2020年基期值”, “2023年第一季度填报值”
    baseline_when: str  # as a table cell says it: “2020年”, “2021年初”, “2023年第一季度”
    expected: float | None  # 序时进度, percent
    achieved: float | None  # progress toward the target, percent (direction-aware)
    ratio: float | None  # 完成率: actual over target, percent (target over actual when smaller is better)


_RANK = re.compile(r"排名|排位|位次|前\s*\d+\s*[位名]")
_RATE = re.compile(r"增速|增长|增幅")
_YEARLY = re.compile(r"每年|年新增|年均|年完成")
_LEADING = re.compile(r"^(力争|实现|确保|全市|全县|累计拥有)")
INCREMENT_VERBS = (
    "新增",
    "新建",
    "新引进",
    "新实施",
    "引进",
    "引育",
    "培育",
    "招引",
    "组建",
    "牵头组建",
    "组织实施",
    "推荐申报",
    "资助",
    "创办",
    "累计部署",
    "累计实施",
    "累计承接",
    "累计评选",
    "累计培育",
    "累计招引",
    "累计认定",
)
"""Names or target words starting with these count new things done since the plan began."""


def classify(facts: IndicatorFacts) -> tuple[Nature, bool]:
    """(nature, lower_is_better) of an indicator, from its comparator, kind, unit and words."""
    words = f"{facts.name} {facts.target_text}"
    lower = facts.comparator == "<=" or facts.unit == "位" or bool(_RANK.search(words))
    if facts.target_year is None or facts.comparator == "text" or facts.target_value is None:
        return Nature.TEXT, lower
    if facts.target_kind == "breakthrough":
        return Nature.BINARY, lower
    share_words = "比重" in facts.name or "占" in facts.name
    if facts.unit == "%" and not share_words and (_RATE.search(words) or facts.target_kind == "increment"):
        return Nature.RATE, lower
    if facts.recurring == "yearly" or _YEARLY.search(words):
        return Nature.YEARLY, lower
    if facts.target_kind == "increment" or any(
        _LEADING.sub("", text.strip()).startswith(INCREMENT_VERBS) for text in (facts.name, facts.target_text)
    ):
        return Nature.INCREMENT, lower
    return Nature.STOCK, lower


def elapsed_share(start: date, end: date, as_of: date) -> float:
    """序时进度 in percent: the elapsed share of [start, end] on `as_of`, as the task lights count it."""
    if end <= start:
        return 100.0 if as_of >= end else 0.0
    share = (as_of - start).days / (end - start).days
    return round(max(0.0, min(1.0, share)) * 100, 1)


def _latest(readings: list[Reading]) -> Reading | None:
    """The reading of the latest period; of two ending the same day (2023 and 2023Q4), the
    longer one, as a year's figure is the one offices report for the year."""
    return max(readings, key=lambda r: (r.period.end, (r.period.end - r.period.start).days), default=None)


def _pick_actual(facts: IndicatorFacts, nature: Nature, period: Period, past: bool) -> Reading | None:
    """The actual judged: this year's for rates and yearly amounts; the target year's for a past
    target when one was recorded in it; else the latest recorded up to the period's end."""
    known = [r for r in facts.readings if r.period.end <= period.end]
    assert facts.target_year is not None
    if past:
        in_target_year = [r for r in known if r.period.end.year == facts.target_year]
        return _latest(in_target_year) or _latest(known)
    if nature in (Nature.RATE, Nature.YEARLY):
        return _latest([r for r in known if r.period.end.year == period.end.year])
    return _latest(known)


def _ratio(value: float, target: float, lower: bool) -> float | None:
    if lower:
        return 100.0 if value <= 0 else round(target / value * 100, 1)
    if target == 0:
        return None
    return round(value / target * 100, 1)


def _shape(facts: IndicatorFacts, rules: IndicatorRules, lower: bool) -> tuple[float, str]:
    """The value that counts as reached, and the words saying so for ranges and “左右”."""
    assert facts.target_value is not None
    value = facts.target_value
    if facts.comparator == "~":
        tolerance = rules.about_tolerance / 100
        return value * (1 + tolerance if lower else 1 - tolerance), f"左右±{rules.about_tolerance:g}%"
    if facts.comparator == "range":
        if lower and facts.target_max is not None:
            return facts.target_max, "区间看上限"
        return value, "区间看下限"
    return value, ""


def _rule(phrase: str, *notes: str) -> str:
    extra = "，".join(n for n in notes if n)
    return f"{phrase}（{extra}）" if extra else phrase


def _by_gap(achieved: float, expected: float, rules: IndicatorRules) -> str:
    if achieved >= expected + rules.ahead_gap:
        return FASTER
    if achieved >= expected - rules.behind_gap:
        return ON_TRACK
    return BEHIND


def judge_indicator(
    facts: IndicatorFacts, period: Period, rules: IndicatorRules | None = None
) -> IndicatorJudgement:
    """The judgement of one indicator against the target that applies, as of `period`'s last day."""
    rules = rules or IndicatorRules()
    nature, lower = classify(facts)
    direction = "越小越好" if lower else ""

    def result(
        word: str,
        rule: str,
        reason: str = "",
        reading: Reading | None = None,
        baseline: tuple[float, str, str] | None = None,
        expected: float | None = None,
        achieved: float | None = None,
        ratio: float | None = None,
    ) -> IndicatorJudgement:
        return IndicatorJudgement(
            word,
            rule,
            reason,
            nature,
            lower,
            reading.value if reading else None,
            reading.period if reading else None,
            baseline[0] if baseline else None,
            baseline[1] if baseline else "",
            baseline[2] if baseline else "",
            expected,
            None if achieved is None else round(achieved, 1),
            ratio,
        )

    if facts.target_year is None:
        return result(UNKNOWN, "无目标值", NO_TARGET)
    past = period.end >= date(facts.target_year, 12, 31)
    reading = _pick_actual(facts, nature, period, past)
    if nature is Nature.TEXT:
        return result(UNKNOWN, "文字目标，不量化", TEXT_TARGET, reading)
    if reading is None:
        reason = NO_ACTUAL_THIS_YEAR if nature in (Nature.RATE, Nature.YEARLY) and not past else NO_ACTUAL
        return result(UNKNOWN, "—", reason)
    assert facts.target_value is not None
    threshold, shape = _shape(facts, rules, lower)
    actual = reading.value
    reached = actual <= threshold if lower else actual >= threshold
    aim = facts.target_max if lower and facts.comparator == "range" and facts.target_max is not None else None
    target = facts.target_value if aim is None else aim
    ratio = _ratio(actual, target, lower)

    if nature is Nature.RATE:
        rule = _rule("增速逐年比要求，不累计", direction, shape)
        if past:
            return result(
                DONE if reached else MISSED,
                _rule("目标年已过，看增速是否达标", direction, shape),
                "",
                reading,
                None,
                100.0,
                ratio,
                ratio,
            )
        if reached:
            return result(YEAR_MET, rule, "", reading, None, 100.0, ratio, ratio)
        word = ON_TRACK if ratio is not None and ratio >= 100 - rules.behind_gap else BEHIND
        return result(word, rule, "", reading, None, 100.0, ratio, ratio)

    if nature is Nature.YEARLY:
        year = reading.period.end.year
        expected = elapsed_share(date(year, 1, 1), date(year, 12, 31), period.end)
        if past:
            return result(
                DONE if reached else MISSED,
                _rule("目标年已过，看当年数量", direction, shape),
                "",
                reading,
                None,
                100.0,
                ratio,
                ratio,
            )
        rule = _rule("当年数量比年内序时", direction, shape)
        if reached:
            return result(YEAR_MET, rule, "", reading, None, expected, ratio, ratio)
        if period.end >= date(year, 12, 31):
            return result(BEHIND, rule, "", reading, None, 100.0, ratio, ratio)
        word = BEHIND if ratio is None else _by_gap(ratio, expected, rules)
        return result(word, rule, "", reading, None, expected, ratio, ratio)

    if nature is Nature.BINARY:
        rule = "“破零”类只看是否实现"
        if reached:
            return result(DONE if past else EARLY, rule, "", reading, None, None, 100.0, ratio)
        if past:
            return result(MISSED, rule, "", reading, None, 100.0, 0.0, ratio)
        return result(UNKNOWN, rule, NOT_YET_BROKEN, reading, None, None, None, ratio)

    baseline, start, phrase = _baseline(facts, nature, reading)
    end = date(facts.target_year, 12, 31)
    achieved: float | None = None
    gap = 0.0
    if baseline is not None:
        gap = (baseline[0] - target) if lower else (target - baseline[0])
        if gap > 0:
            moved = (baseline[0] - actual) if lower else (actual - baseline[0])
            achieved = moved / gap * 100
    if past:
        rule = _rule("目标年已过，看是否达标", direction, shape)
        return result(DONE if reached else MISSED, rule, "", reading, baseline, 100.0, achieved, ratio)
    if reached:
        rule = _rule("目标年前已达标", direction, shape)
        begin = start or (date(facts.plan_start, 1, 1) if facts.plan_start else None)
        so_far = elapsed_share(begin, end, period.end) if begin else None
        return result(EARLY, rule, "", reading, baseline, so_far, achieved, ratio)
    if baseline is None or start is None:
        return result(
            UNKNOWN, _rule("自基期算进度", direction), NO_BASELINE, reading, None, None, None, ratio
        )
    expected = elapsed_share(start, end, period.end)
    if gap <= 0:
        rule = _rule("目标不高于基期，未达即滞后", direction, shape)
        return result(BEHIND, rule, "", reading, baseline, expected, None, ratio)
    assert achieved is not None
    rule = _rule(phrase, direction, shape)
    return result(_by_gap(achieved, expected, rules), rule, "", reading, baseline, expected, achieved, ratio)


def _baseline(
    facts: IndicatorFacts, nature: Nature, reading: Reading
) -> tuple[tuple[float, str, str] | None, date | None, str]:
    """(value, label, when), the day the span starts, and the rule's phrase; (None, None, "") if none."""
    if nature is Nature.INCREMENT:
        year = facts.plan_start or (facts.baseline_year + 1 if facts.baseline_year else facts.target_year)
        assert year is not None
        return (0.0, f"新增数自{year}年初起计", f"{year}年初"), date(year, 1, 1), "新增数比序时"
    if facts.baseline_year is not None and facts.baseline_value is not None:
        label = f"{facts.baseline_year}年基期值"
        start = date(facts.baseline_year + 1, 1, 1)
        return (facts.baseline_value, label, f"{facts.baseline_year}年"), start, "基期起进度比序时"
    earlier = [r for r in facts.readings if r.period.end < reading.period.end]
    if earlier:
        first = min(earlier, key=lambda r: r.period.end)
        label = f"{first.period.label}填报值"
        return (first.value, label, first.period.label), first.period.end, "首报值起进度比序时"
    return None, None, ""
