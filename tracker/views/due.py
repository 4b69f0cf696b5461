"""What is due when the window opens: the period being reported, its 报送截止日, who has not sent.

Rule: the period being reported is the latest whole period (of the ledger's reporting cycle,
quarterly by default) that has ended; until its 报送截止日 the panel counts down, after it every
unit that still owes a report for a task it answers for is listed as 未按时报送, and every
催办单 past its reply date without a reply is listed as 逾期未回复.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.periods import Period, period_containing
from tracker.rules.report_due import due_date
from tracker.services.notices import NoticeView, list_notices
from tracker.services.settings import get_setting
from tracker.views.assessment import load_due_rules
from tracker.views.status import task_states

REPORT_CYCLE = "report_cycle"  # quarter (default), half, month, year
DONE = ("done", "closed")


@dataclass(frozen=True)
class UnitOwing:
    unit: str
    tasks: int  # tasks it answers for with no report for the period


@dataclass(frozen=True)
class DueSummary:
    today: date
    period: Period
    due: date
    missing: list[UnitOwing]  # units that have not sent, most owed first
    unanswered: list[NoticeView]  # 催办单 past their reply date

    @property
    def days_left(self) -> int:
        return (self.due - self.today).days

    def headline(self) -> str:
        """One line for the top of the panel."""
        when = f"{self.due.year}年{self.due.month}月{self.due.day}日"
        if self.days_left > 0:
            return f"{self.period.label}进展报送截止日为{when}，还有{self.days_left}天"
        if self.days_left == 0:
            return f"今天（{when}）是{self.period.label}进展报送截止日"
        return f"{self.period.label}进展报送已于{when}截止，已过{-self.days_left}天"


def reporting_period(today: date, cycle: str = "quarter") -> Period:
    """The latest whole period of the cycle that has ended by `today`."""
    return period_containing(today, cycle).previous()


def due_summary(session: Session, today: date) -> DueSummary:
    cycle = str(get_setting(session, REPORT_CYCLE, "quarter"))
    if cycle not in ("quarter", "half", "month", "year"):
        cycle = "quarter"
    period = reporting_period(today, cycle)
    states = task_states(session, period)
    owing: dict[str, int] = defaultdict(int)
    links = session.execute(
        select(m.TaskUnit.task_id, m.Unit.name).join(m.Unit, m.Unit.id == m.TaskUnit.unit_id)
    ).all()
    for task_id, unit in links:
        state = states.get(task_id)
        if state is None or state.has_children or state.status in DONE or state.reported_in_period:
            continue
        if state.judgement.reason == "未到期":
            continue  # a task whose span has not begun owes no report yet
        owing[unit] += 1
    missing = sorted(
        (UnitOwing(unit, count) for unit, count in owing.items()), key=lambda u: (-u.tasks, u.unit)
    )
    unanswered = [n for n in list_notices(session) if n.overdue(today)]
    return DueSummary(today, period, due_date(period, load_due_rules(session)), missing, unanswered)
