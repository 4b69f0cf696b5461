"""较上期: what changed since the previous period, for the 总览 and the 通报.

Rule: a task is 新增滞后 when it is red now and was not red at the end of the previous period;
已转绿 when it is green now and was red or yellow then; 连续N期未报送 counts the periods in a
row, up to this one, in which it had no report; the completion rate is 已完成 (and 已销号) over
all counted tasks, compared in percentage points.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.lights import Light
from tracker.periods import Period, parse_period
from tracker.views.status import TaskState, task_states

DONE = ("done", "closed")
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


def _rate(states: Iterable[TaskState]) -> float:
    leaves = [s for s in states if not s.has_children]
    if not leaves:
        return 0.0
    return round(100 * sum(s.status in DONE for s in leaves) / len(leaves), 1)


def compare_states(
    period: Period,
    now: Mapping[int, TaskState],
    before: Mapping[int, TaskState],
    streak: Mapping[int, int] | None = None,
) -> PeriodChanges:
    """The changes between two periods' task states (tasks in both, leaves only)."""
    both = [tid for tid, state in now.items() if not state.has_children and tid in before]
    newly_red = tuple(t for t in both if now[t].light is Light.RED and before[t].light is not Light.RED)
    turned_green = tuple(
        t for t in both if now[t].light is Light.GREEN and before[t].light in (Light.RED, Light.YELLOW)
    )
    newly_done = tuple(t for t in both if now[t].status in DONE and before[t].status not in DONE)
    return PeriodChanges(
        period,
        period.previous(),
        newly_red,
        turned_green,
        newly_done,
        {t: n for t, n in (streak or {}).items() if n >= 2},
        _rate(now[t] for t in both),
        _rate(before[t] for t in both),
    )


def silent_streaks(session: Session, period: Period, task_ids: Iterable[int]) -> dict[int, int]:
    """Periods in a row, ending with `period`, in which each task had no report.

    Periods before the task's plan began (or, without a plan span, before the task was
    made) are not counted: a task cannot owe a report for them.
    """
    wanted = list(task_ids)
    starts: dict[int, date] = {}
    for task_id, period_start, created_at in session.execute(
        select(m.Task.id, m.Plan.period_start, m.Task.created_at).join(m.Plan).where(m.Task.id.in_(wanted))
    ):
        starts[task_id] = date(period_start, 1, 1) if period_start else created_at.date()
    reported: dict[str, set[int]] = {}
    for task_id, code in session.execute(
        select(m.Update.task_id, m.Update.period).where(m.counts_as_report())
    ):
        try:
            of = parse_period(code)
        except Exception:  # an unreadable old period is no report of any period
            continue
        walk = period
        for _ in range(MAX_LOOKBACK):
            if walk.covers(of):
                reported.setdefault(walk.code, set()).add(task_id)
                break
            walk = walk.previous()
    out: dict[int, int] = {}
    for task_id in wanted:
        start = starts.get(task_id, period.start)
        count, walk = 0, period
        while count < MAX_LOOKBACK and walk.end >= start and task_id not in reported.get(walk.code, set()):
            count += 1
            walk = walk.previous()
        out[task_id] = count
    return out


def period_changes(session: Session, period: Period, plan_ids: list[int] | None = None) -> PeriodChanges:
    """较上期 for the period, read from the ledger."""
    now = task_states(session, period, plan_ids=plan_ids)
    before = task_states(session, period.previous(), plan_ids=plan_ids)
    leaves = [tid for tid, state in now.items() if not state.has_children and state.status not in DONE]
    return compare_states(period, now, before, silent_streaks(session, period, leaves))
