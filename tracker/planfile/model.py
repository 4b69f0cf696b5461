"""The plan file (方案文件) schema: one PLAN of the JSON export, validated whole.

These pydantic models are the single definition of the plan-file shape: the importer
reads them, the exporter writes them, and `docs/plan-format.md` describes them. Unknown
fields are refused so a misspelt key never disappears silently.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from tracker.errors import BadInput
from tracker.periods import parse_period
from tracker.textsafe import clean_name, has_control

# Years a plan's span, baselines, history and targets may name (a baseline can predate the
# reporting range of tracker.periods; 1949 is the earliest any statistics series starts).
METRIC_YEAR_MIN = 1949
METRIC_YEAR_MAX = 2200

PERIOD_PATTERN = re.compile(r"^\d{4}(?:H[12]|Q[1-4]|-(?:0[1-9]|1[0-2]))?$")

Role = Literal["lead", "support", "responsible"]
Kind = Literal["task", "platform", "project"]
Comparator = Literal[">=", "<=", "=", "~", "range", "text"]
TargetKind = Literal["level", "increment", "breakthrough", "full_coverage"]
Status = Literal["not_started", "in_progress", "done", "late", "ongoing", "closed"]
Recurring = Literal["yearly"]
OriginType = Literal["document", "meeting", "instruction", "other"]
ReviewState = Literal["pending", "accepted", "returned"]

STATUSES: tuple[str, ...] = ("not_started", "in_progress", "done", "late", "ongoing", "closed")


class _Strict(BaseModel):
    # allow_inf_nan=False: NaN, Infinity and 1e309 (which JSON reads as infinity) are refused
    # wherever a number is expected, so every number stored is finite.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, frozen=False, allow_inf_nan=False)


def _check_period(value: str) -> str:
    if not PERIOD_PATTERN.match(value):
        raise ValueError(f"报告期“{value}”格式不对，应为 2023、2023H1、2023Q2 或 2023-05 (bad period)")
    try:
        parse_period(value)
    except BadInput as exc:  # out of the program's year range
        raise ValueError(str(exc)) from None
    return value


class YearSpan(_Strict):
    start: int = Field(ge=METRIC_YEAR_MIN, le=METRIC_YEAR_MAX)
    end: int = Field(ge=METRIC_YEAR_MIN, le=METRIC_YEAR_MAX)

    @model_validator(mode="after")
    def _ordered(self) -> YearSpan:
        if self.start > self.end:
            raise ValueError("规划期起始年晚于结束年 (period start after end)")
        return self


class UnitRef(_Strict):
    """责任单位 as printed on one task, with its role."""

    name: str = Field(min_length=1, max_length=200)
    role: Role

    @field_validator("name")
    @classmethod
    def _no_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("单位名称为空 (empty unit name)")
        return value

    @field_validator("name", mode="before")
    @classmethod
    def _no_controls(cls, value: object) -> object:
        """Control characters (a tab, a line break, an invisible U+0001) become a space."""
        return clean_name(value) if isinstance(value, str) and has_control(value) else value


class Baseline(_Strict):
    year: int = Field(ge=METRIC_YEAR_MIN, le=METRIC_YEAR_MAX)
    value: float
    text: str | None = None
    estimated: bool = False


class HistoryValue(_Strict):
    year: int = Field(ge=METRIC_YEAR_MIN, le=METRIC_YEAR_MAX)
    value: float
    text: str | None = None


class Target(_Strict):
    """目标值 for one year, with the words as printed."""

    year: int = Field(ge=METRIC_YEAR_MIN, le=METRIC_YEAR_MAX)
    value: float | None = None
    max: float | None = None
    comparator: Comparator
    kind: TargetKind = "level"
    recurring: Recurring | None = None
    text: str

    @model_validator(mode="after")
    def _consistent(self) -> Target:
        if self.comparator == "range":
            if self.value is None or self.max is None:
                raise ValueError("区间目标需要 value 和 max (range needs value and max)")
            if self.value > self.max:
                raise ValueError("区间目标下限大于上限 (range value > max)")
        elif self.comparator == "text":
            if self.value is not None or self.max is not None:
                raise ValueError("文字目标不应有数值 (text target has a value)")
        else:
            if self.value is None:
                raise ValueError(f"比较符“{self.comparator}”需要数值 (value missing)")
            if self.max is not None:
                raise ValueError("只有区间目标才有 max (max only for range)")
        return self


class Actual(_Strict):
    period: str
    value: float
    recorded_at: datetime

    _period = field_validator("period")(_check_period)


class Metric(_Strict):
    """指标: baseline, targets by year, actuals by period."""

    name: str = Field(min_length=1)
    uid: str | None = Field(default=None, pattern=r"^[0-9a-f]{32}$")  # the exporter's; import gives a new one
    key: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_.-]+$")
    unit: str | None = None
    category: Literal["binding", "expected"] | None = None
    source: str | None = None
    note: str | None = None
    baseline: Baseline | None = None
    history: list[HistoryValue] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    actuals: list[Actual] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_target_per_year(self) -> Metric:
        years = Counter(t.year for t in self.targets)
        dupes = sorted(y for y, times in years.items() if times > 1)
        if dupes:
            raise ValueError(f"指标“{self.name}”同一年有多个目标: {dupes} (duplicate target year)")
        return self


class Update(_Strict):
    period: str
    status: Status
    progress: str = ""
    percent: int | None = Field(default=None, ge=0, le=100)
    recorded_at: datetime
    # Extension fields: 存在问题, 下步措施, and who/where the update came from.
    problems: str | None = None
    next_steps: str | None = None
    source: str | None = None
    # 督办 cycle: when the unit's report arrived, and what 审核 decided.
    received_on: date | None = None
    review: ReviewState | None = None
    review_reason: str | None = None

    _period = field_validator("period")(_check_period)


class Extension(_Strict):
    """延期 granted: the new deadline, why, who approved, when."""

    to: date
    reason: str = Field(min_length=1)
    approved_by: str = Field(min_length=1, max_length=100)
    on: date


class Origin(_Strict):
    """交办来源: a document, a meeting or a leader's instruction."""

    type: OriginType
    leader: str | None = Field(default=None, max_length=100)
    instruction: str | None = None
    assigned_on: date | None = None


class EvidenceRef(_Strict):
    filename: str = Field(min_length=1)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0)
    added_at: datetime
    # Extension: the reporting period the file is evidence for (its record's period).
    period: str | None = None

    @field_validator("period")
    @classmethod
    def _evidence_period(cls, value: str | None) -> str | None:
        return None if value is None else _check_period(value)


class Investment(_Strict):
    value: float
    unit: str


class Task(_Strict):
    """任务 / 事项, nested through children."""

    code: str = Field(min_length=1, max_length=40)
    title: str = Field(min_length=1)
    uid: str | None = Field(default=None, pattern=r"^[0-9a-f]{32}$")  # the exporter's; import gives a new one
    content: str = ""
    kind: Kind = "task"
    deadline: date | None = None
    deadline_text: str | None = None
    recurring: Recurring | None = None
    location: str | None = None
    investment: Investment | None = None
    source: str | None = None
    units_inferred: bool = False
    units: list[UnitRef] = Field(default_factory=list)
    metrics: list[Metric] = Field(default_factory=list)
    children: list[Task] = Field(default_factory=list)
    updates: list[Update] = Field(default_factory=list)
    evidence: list[EvidenceRef] = Field(default_factory=list)
    # 督办 cycle (second round): 责任领导, 重点, 交办来源, and 延期 on top of the original deadline.
    leader: str | None = Field(default=None, max_length=100)
    key: bool = False
    origin: Origin | None = None
    original_deadline: date | None = None
    extensions: list[Extension] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_names(self) -> Task:
        names = Counter(u.name for u in self.units)  # (list.count per name: quadratic on a hostile file)
        dupes = sorted(n for n, times in names.items() if times > 1)
        if dupes:
            raise ValueError(f"任务“{self.code}”重复列出单位: {'、'.join(dupes)} (duplicate unit)")
        # several leads are allowed: names printed under 牵头单位 are all lead (co-leads)
        codes = Counter(c.code for c in self.children)
        dupes = sorted(c for c, times in codes.items() if times > 1)
        if dupes:
            raise ValueError(f"任务“{self.code}”的子任务序号重复: {dupes} (duplicate child code)")
        return self


class Plan(_Strict):
    """方案 / 规划 / 文件: the policy document and its tasks."""

    format: Literal["tracker-plan"] | None = None
    version: Literal[1] | None = None
    title: str = Field(min_length=1)
    uid: str | None = Field(default=None, pattern=r"^[0-9a-f]{32}$")  # the exporter's; import gives a new one
    short_title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    jurisdiction: str | None = None
    issued_on: date | None = None
    period: YearSpan | None = None
    source: str | None = None
    notes: str | None = None
    metrics: list[Metric] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_top_codes(self) -> Plan:
        codes = Counter(t.code for t in self.tasks)
        dupes = sorted(c for c, times in codes.items() if times > 1)
        if dupes:
            raise ValueError(f"顶层任务序号重复: {dupes} (duplicate task code)")
        return self


def counted_tasks(tasks: list[Task]) -> list[Task]:
    """The tasks as the ledger counts them: a heading that only groups is left out.

    One rule with the ledger's own count (tracker/rules/counting.py): a leaf counts, a heading
    only when it lists a unit none of its sub-tasks lists; so the import dialog, the drafting
    quality figures and the ledger's tables say the same number for the same plan.
    """
    from tracker.rules.counting import counts_as_task

    return [
        task
        for task in iter_tasks(tasks)
        if counts_as_task(
            bool(task.children),
            {u.name for u in task.units},
            {u.name for c in task.children for u in c.units},
        )
    ]


def iter_tasks(tasks: list[Task]) -> list[Task]:
    """All tasks depth-first, parents before children."""
    out: list[Task] = []
    stack = list(reversed(tasks))
    while stack:
        task = stack.pop()
        out.append(task)
        stack.extend(reversed(task.children))
    return out
