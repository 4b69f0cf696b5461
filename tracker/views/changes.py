"""较上期: what changed since the previous period, for the 总览 and the 通报.

Rule: a task is 新增滞后 when it is red now and was not red at the end of the previous period;
已转绿 when it is green now and was red or yellow then; 连续N期未报送 counts the periods in a
row, up to this one, in which it had no report; the completion rate is 已完成 (and 已销号) over
all counted tasks, compared in percentage points. 较上期 is stated only when the ledger has a
report of the previous period or earlier: before the office kept this ledger there is nothing to
compare with.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.facts.period import PeriodFacts, Scope, read_facts
from tracker.lights import Light
from tracker.periods import Period, parse_period
from tracker.views.table import TaskRow

MAX_LOOKBACK = 12  # periods looked back for 连续未报送


@dataclass(frozen=True)
class PeriodChanges:
    period: Period
    previous: Period
    newly_red: tuple[int, ...]  # 新增滞后
    turned_green: tuple[int, ...]  # 已转绿
    newly_done: tuple[int, ...]  # 本期新完成
    silent_streak: Mapping[int, int]  # task → 连续未报送期数 (≥ 2 only)
    completion_now: float  # percent
    completion_before: float
    ledger_began: date | None = None  # start of the earliest period the ledger has a report of

    @property
    def worth_stating(self) -> bool:
        """Whether to print 较上期 at all (the rule above): the ledger was kept by then."""
        return self.ledger_began is not None and self.ledger_began <= self.previous.end

    @property
    def completion_change(self) -> float:
        return round(self.completion_now - self.completion_before, 1)

    def sentences(self) -> list[str]:
        """较上期 in words, for the 通报's 总体情况."""
        change = self.completion_change
        trend = (
            f"提高{change:g}个百分点" if change > 0 else f"下降{-change:g}个百分点" if change < 0 else "持平"
        )
        out = [
            f"与{self.previous.label}相比，完成率{self.completion_now:g}%，{trend}；"
            f"新增滞后{len(self.newly_red)}项，已转绿{len(self.turned_green)}项，本期新完成{len(self.newly_done)}项。"
        ]
        if self.silent_streak:
            longest = max(self.silent_streak.values())
            out.append(f"连续两期及以上未报送的{len(self.silent_streak)}项，最长连续{longest}期。")
        return out


def _rate(rows: Iterable[TaskRow]) -> float:
    rows = list(rows)
    if not rows:
        return 0.0
    return round(100 * sum(row.finished for row in rows) / len(rows), 1)


def compare_facts(
    now: PeriodFacts,
    before: PeriodFacts,
    streak: Mapping[int, int] | None = None,
    ledger_began: date | None = None,
) -> PeriodChanges:
    """The changes between two periods' facts: the counted tasks present in both."""
    earlier = {row.id: row for row in before.counted}
    both = [(row, earlier[row.id]) for row in now.counted if row.id in earlier]
    return PeriodChanges(
        now.period,
        before.period,
        tuple(r.id for r, b in both if r.light is Light.RED and b.light is not Light.RED),
        tuple(r.id for r, b in both if r.light is Light.GREEN and b.light in (Light.RED, Light.YELLOW)),
        tuple(r.id for r, b in both if r.finished and not b.finished),
        {t: n for t, n in (streak or {}).items() if n >= 2},
        _rate(r for r, _b in both),
        _rate(b for _r, b in both),
        ledger_began,
    )


def _reports(session: Session) -> list[tuple[int, Period]]:
    """Every report in the ledger as (task, the period it reports on); unreadable codes skipped."""
    out: list[tuple[int, Period]] = []
    for task_id, code in session.execute(
        select(m.Update.task_id, m.Update.period).where(m.counts_as_report())
    ):
        try:
            out.append((task_id, parse_period(code)))
        except Exception:  # an unreadable old period is no report of any period
            continue
    return out


def ledger_began(reports: Iterable[tuple[int, Period]]) -> date | None:
    """The start of the earliest period any task has a report of: when the ledger was begun."""
    return min((of.start for _task, of in reports), default=None)


def silent_streaks(
    session: Session,
    period: Period,
    task_ids: Iterable[int],
    reports: list[tuple[int, Period]] | None = None,
) -> dict[int, int]:
    """Periods in a row, ending with `period`, in which each task had no report.

    Periods before the task's plan began (or, without a plan span, before the task was
    made) are not counted: a task cannot owe a report for them. Nor are periods before the
    ledger's first report of any task: the office was not keeping this ledger then.
    """
    wanted = list(task_ids)
    reports = _reports(session) if reports is None else reports
    starts: dict[int, date] = {}
    for task_id, period_start, created_at in session.execute(
        select(m.Task.id, m.Plan.period_start, m.Task.created_at).join(m.Plan).where(m.Task.id.in_(wanted))
    ):
        starts[task_id] = date(period_start, 1, 1) if period_start else created_at.date()
    reported: dict[str, set[int]] = {}
    for task_id, of in reports:
        walk = period
        for _ in range(MAX_LOOKBACK):
            if walk.covers(of):
                reported.setdefault(walk.code, set()).add(task_id)
                break
            walk = walk.previous()
    began = ledger_began(reports) or period.start
    out: dict[int, int] = {}
    for task_id in wanted:
        start = max(starts.get(task_id, period.start), began)
        count, walk = 0, period
        while count < MAX_LOOKBACK and walk.end >= start and task_id not in reported.get(walk.code, set()):
            count += 1
            walk = walk.previous()
        out[task_id] = count
    return out


def period_changes(
    session: Session, period: Period, scope: Scope | None = None, now: PeriodFacts | None = None
) -> PeriodChanges:
    """较上期 for the period and scope, read from the facts model (what the 总览 counts)."""
    now = now or read_facts(session, period, scope)
    before = read_facts(session, period.previous(), scope)
    open_ids = [row.id for row in now.counted if not row.finished]
    reports = _reports(session)
    streak = silent_streaks(session, period, open_ids, reports)
    return compare_facts(now, before, streak, ledger_began(reports))
