"""What is due when the window opens: the period being reported, its 报送截止日, who has not sent.

Rule: the period being reported is the latest whole period (of the ledger's reporting cycle,
quarterly by default) that has ended; until its 报送截止日 the panel counts down, after it every
unit that leads a task still 未报送 is listed as 未按时报送, and every
催办单 past its reply date without a reply is listed as 逾期未回复.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from tracker.facts.period import read_facts
from tracker.periods import Period, period_containing
from tracker.rules.report_due import due_date
from tracker.services.notices import NoticeView, list_notices
from tracker.services.settings import get_setting
from tracker.views.assessment import load_due_rules

REPORT_CYCLE = "report_cycle"  # quarter (default), half, month, year


@dataclass(frozen=True)
class UnitOwing:
    unit: str
    tasks: int  # tasks it leads with no report for the period (未报送)


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
    """The panel's facts; who owes a report is read from the facts model (lead units with
    未报送 tasks, the same count as the 通报's 各单位 table and the 催办单)."""
    cycle = str(get_setting(session, REPORT_CYCLE, "quarter"))
    if cycle not in ("quarter", "half", "month", "year"):
        cycle = "quarter"
    period = reporting_period(today, cycle)
    facts = read_facts(session, period)
    missing = sorted(
        (UnitOwing(u.unit, u.not_reported) for u in facts.units if u.not_reported),
        key=lambda u: (-u.tasks, u.unit),
    )
    unanswered = [n for n in list_notices(session) if n.overdue(today)]
    return DueSummary(today, period, due_date(period, load_due_rules(session)), missing, unanswered)
