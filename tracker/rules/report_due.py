"""报送截止日: by when a unit must send its report for a period, and whether it was on time.

Rule: a period's report is due on the N-th working day after the period ends (Monday to
Friday, less the holidays and plus the 调休 working days the officer lists), and a report
received on or before that day plus the grace days is 按时报送; later is 逾期报送; none is 未报送.
A report typed in by hand without a 收到日期 counts as received in time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

from tracker.periods import Period


@dataclass(frozen=True)
class DueRules:
    """Defaults: the 5th working day after the period, no grace (CONVENTIONS.md)."""

    working_days: int = 5
    grace_days: int = 0
    holidays: frozenset[date] = field(default_factory=frozenset)  # 法定节假日 on weekdays
    extra_workdays: frozenset[date] = field(default_factory=frozenset)  # 调休上班的周末

    def describe(self) -> str:
        grace = f"，另宽限{self.grace_days}天" if self.grace_days else ""
        return f"报告期结束后第{self.working_days}个工作日前报送{grace}"


class Timeliness(Enum):
    ON_TIME = "按时报送"
    LATE = "逾期报送"
    MISSING = "未报送"

    @property
    def label(self) -> str:
        return self.value


def is_working_day(day: date, rules: DueRules) -> bool:
    if day in rules.extra_workdays:
        return True
    return day.weekday() < 5 and day not in rules.holidays


def add_working_days(start: date, count: int, rules: DueRules) -> date:
    """The `count`-th working day after `start` (start itself not counted); 0 gives `start`."""
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day, rules):
            remaining -= 1
    return day


def due_date(period: Period, rules: DueRules | None = None) -> date:
    """The last day a report for `period` is on time, grace included."""
    rules = rules or DueRules()
    return add_working_days(period.end, rules.working_days, rules) + timedelta(days=rules.grace_days)


def timeliness(period: Period, received: Iterable[date | None], rules: DueRules | None = None) -> Timeliness:
    """On time when the earliest report for the period arrived by its due date."""
    days = [day for day in received if day is not None]
    if not days:
        return Timeliness.MISSING
    return Timeliness.ON_TIME if min(days) <= due_date(period, rules) else Timeliness.LATE


def parse_day_list(text: str) -> frozenset[date]:
    """“2024-10-01, 2024-10-02” (commas, 、 or spaces) as dates; bad entries raise ValueError."""
    out: set[date] = set()
    for part in text.replace("、", ",").replace("，", ",").replace(" ", ",").split(","):
        part = part.strip()
        if part:
            out.add(date.fromisoformat(part))
    return frozenset(out)
