"""Status lights (亮灯): one pure function of a task's facts and the reporting date.

green       已完成 / 序时推进 / 长期坚持 / 已销号
yellow      临近时限 / 进度偏慢 (10–30 points behind 序时进度)
red         滞后 / 逾期未完成 (more than 30 points behind, or past the deadline unfinished)
grey        未启动 / 未到期
unreported  未报送: unfinished and nothing recorded in the period — its own state, never red
            (`judge_period`; the rule sees no record, so it judges nothing)

序时进度 (time-proportional progress) is the elapsed share of the task's span from its
start to its deadline; for yearly tasks, of the current year. Thresholds are settings,
with the Yinchuan and Xi'an defaults of CONVENTIONS.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum


class Light(IntEnum):
    """Ordered by severity, so `max()` rolls up (未报送 is worse than green, better than yellow)."""

    GREY = 0
    GREEN = 1
    UNREPORTED = 2
    YELLOW = 3
    RED = 4

    @property
    def label(self) -> str:
        return {
            Light.GREY: "灰灯",
            Light.GREEN: "绿灯",
            Light.UNREPORTED: "未报送",
            Light.YELLOW: "黄灯",
            Light.RED: "红灯",
        }[self]

    @property
    def code(self) -> str:
        return self.name.lower()

    @property
    def colour(self) -> str:
        """Fill colour shared by the window, the PDF and the Excel ledger."""
        return {
            Light.GREY: "#BFBFBF",
            Light.GREEN: "#4CAF50",
            Light.UNREPORTED: "#5B9BD5",
            Light.YELLOW: "#FFC000",
            Light.RED: "#E53935",
        }[self]


STATUS_LABELS = {
    "not_started": "未启动",
    "in_progress": "推进中",
    "done": "已完成",
    "late": "滞后",
    "ongoing": "长期坚持",
    "closed": "已销号",
}
STATUS_CODES = {label: code for code, label in STATUS_LABELS.items()}
# 报送状态 (what the unit said in the period): a status above, or 未报送 when it said nothing.
UNREPORTED = "unreported"
REPORT_LABELS = {**STATUS_LABELS, UNREPORTED: "未报送"}
# The order counts by light are printed in, everywhere.
LIGHT_ORDER = (Light.GREEN, Light.YELLOW, Light.RED, Light.GREY, Light.UNREPORTED)


@dataclass(frozen=True)
class LightRules:
    """Thresholds in percentage points behind 序时进度, and days before a deadline."""

    yellow_gap: float = 10.0
    red_gap: float = 30.0
    warn_days: int = 3


@dataclass(frozen=True, slots=True)
class TaskFacts:
    """What the light needs to know about one task, as of the reporting date."""

    start: date | None
    deadline: date | None
    recurring: bool = False
    status: str | None = None  # latest status reported up to the reporting date
    percent: int | None = None
    closed: bool = False  # 已销号 by the inspector


@dataclass(frozen=True, slots=True)
class Judgement:
    light: Light
    reason: str
    expected_percent: float | None = None  # 序时进度, where it applies


def legend(rules: LightRules | None = None) -> list[tuple[Light, str]]:
    """Each light with its rule in one line, with the thresholds in force (for legends)."""
    rules = rules or LightRules()
    return [
        (Light.GREEN, "已完成、已销号、长期坚持，或进度达到序时进度"),
        (
            Light.YELLOW,
            f"落后序时进度 {rules.yellow_gap:g}–{rules.red_gap:g} 个百分点，或距完成时限不足 {rules.warn_days} 天",
        ),
        (Light.RED, f"落后序时进度超过 {rules.red_gap:g} 个百分点，或逾期未完成"),
        (Light.GREY, "未启动或尚未开始"),
        (Light.UNREPORTED, "本期未报送进展（单列，不按滞后计）"),
    ]


def expected_progress(facts: TaskFacts, as_of: date) -> float | None:
    """序时进度 in percent at `as_of`, or None when the task has no span to measure."""
    if facts.recurring:
        start = date(as_of.year, 1, 1)
        end = date(as_of.year, 12, 31)
        if facts.deadline is not None and facts.deadline < end:
            end = facts.deadline
    else:
        if facts.start is None or facts.deadline is None:
            return None
        start, end = facts.start, facts.deadline
    if end <= start:
        return 100.0 if as_of >= end else 0.0
    share = (as_of - start).days / (end - start).days
    return round(max(0.0, min(1.0, share)) * 100, 1)


def judge(facts: TaskFacts, as_of: date, rules: LightRules | None = None) -> Judgement:
    """The light of one task on `as_of` (usually the reporting period's last day)."""
    rules = rules or LightRules()
    status = facts.status or "not_started"
    if facts.closed or status == "closed":
        return Judgement(Light.GREEN, "已销号")
    if status == "done":
        return Judgement(Light.GREEN, "已完成")
    if status == "ongoing":
        return Judgement(Light.GREEN, "长期坚持")
    expected = expected_progress(facts, as_of)
    if facts.deadline is not None and not facts.recurring and as_of > facts.deadline:
        return Judgement(Light.RED, "逾期未完成", expected)
    if status == "late":
        return Judgement(Light.RED, "滞后", expected)
    if facts.start is not None and as_of < facts.start:
        return Judgement(Light.GREY, "未到期", expected)
    near_deadline = (
        facts.deadline is not None
        and not facts.recurring
        and (facts.deadline - as_of).days <= rules.warn_days
    )
    percent = facts.percent
    if percent is None and status == "not_started":
        percent = 0
    if expected is not None and percent is not None:
        gap = expected - percent
        if gap > rules.red_gap:
            return Judgement(Light.RED, f"滞后序时进度 {gap:.0f} 个百分点", expected)
        if gap >= rules.yellow_gap:
            return Judgement(Light.YELLOW, f"进度偏慢，落后序时 {gap:.0f} 个百分点", expected)
    if near_deadline:
        return Judgement(Light.YELLOW, "临近时限", expected)
    if status == "not_started":
        return Judgement(Light.GREY, "未启动", expected)
    return Judgement(Light.GREEN, "序时推进", expected)


def judge_period(
    facts: TaskFacts, reported_in_period: bool, as_of: date, rules: LightRules | None = None
) -> Judgement:
    """The light for a period: 未报送 when unfinished and nothing was recorded in it, else `judge`.

    A finished or closed task stays judged as such; an unfinished one the unit said nothing
    about this period is not judged from an earlier period's figures (nor as 0%): it is
    未报送, counted and chased on its own, never red as 滞后.
    """
    status = facts.status or "not_started"
    finished = facts.closed or status in ("done", "closed")
    if not finished and not reported_in_period:
        return Judgement(Light.UNREPORTED, "本期未报送", expected_progress(facts, as_of))
    return judge(facts, as_of, rules)


def rule_lines(rules: LightRules | None = None) -> list[tuple[Light, str]]:
    """Each light's rule in one line with the thresholds in force, worst light first.

    What `judge` decides, worded for the legend beside the lights and for the guide.
    """
    r = rules or LightRules()
    words = {
        Light.RED: f"逾期未完成，或报为滞后，或落后序时进度超过 {r.red_gap:g} 个百分点",
        Light.YELLOW: f"落后序时进度 {r.yellow_gap:g}–{r.red_gap:g} 个百分点，或距完成时限 {r.warn_days} 天以内",
        Light.GREEN: "已完成、已销号、长期坚持，或按序时进度推进",
        Light.GREY: "未启动且未落后序时进度，或尚未到开始时间",
        Light.UNREPORTED: "尚未完成、本报告期没有报送进展（不判红灯，单独催报）",
    }
    return [(light, words.get(light, light.label)) for light in sorted(Light, reverse=True)]


def roll_up(lights: list[Light]) -> Light:
    """A parent's light is its worst child's: one red task makes the 抓手 red."""
    return max(lights, default=Light.GREY)
