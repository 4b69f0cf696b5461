"""单位考核 read from the ledger: the inputs of `tracker/rules/scoring.py`, per unit and period.

Every figure comes from what the ledger already holds for the period — each task's state
(`task_states`), when its report was received, the rows 退回 in 审核 and the 催办单 issued —
so the 考核 sheet, the 通报's ranking and the window agree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput
from tracker.facts.period import PeriodFacts, Scope, read_facts
from tracker.lights import Light
from tracker.periods import Period, parse_period
from tracker.rules.report_due import DueRules, Timeliness, due_date, timeliness
from tracker.rules.scoring import ScoringRules, TaskResult, UnitScore, rank, score_unit, year_total
from tracker.services.settings import get_setting, set_setting
from tracker.views.table import TaskRow

DUE_WORKING_DAYS = "report_due_working_days"
DUE_GRACE_DAYS = "report_due_grace_days"
DUE_HOLIDAYS = "report_due_holidays"
DUE_WORKDAYS = "report_due_extra_workdays"
SCORING = "scoring_rules"


def load_due_rules(session: Session) -> DueRules:
    default = DueRules()
    return DueRules(
        working_days=int(get_setting(session, DUE_WORKING_DAYS, default.working_days)),
        grace_days=int(get_setting(session, DUE_GRACE_DAYS, default.grace_days)),
        holidays=frozenset(date.fromisoformat(d) for d in get_setting(session, DUE_HOLIDAYS, [])),
        extra_workdays=frozenset(date.fromisoformat(d) for d in get_setting(session, DUE_WORKDAYS, [])),
    )


def save_due_rules(session: Session, rules: DueRules) -> None:

    if not 0 <= rules.working_days <= 30 or not 0 <= rules.grace_days <= 30:
        raise BadInput("报送截止的工作日数和宽限天数应在 0 到 30 之间")
    set_setting(session, DUE_WORKING_DAYS, rules.working_days)
    set_setting(session, DUE_GRACE_DAYS, rules.grace_days)
    set_setting(session, DUE_HOLIDAYS, sorted(d.isoformat() for d in rules.holidays))
    set_setting(session, DUE_WORKDAYS, sorted(d.isoformat() for d in rules.extra_workdays))


def load_scoring_rules(session: Session) -> ScoringRules:
    stored = get_setting(session, SCORING, None)
    if not isinstance(stored, dict):
        return ScoringRules()
    default = ScoringRules()
    return ScoringRules(
        report_points=float(stored.get("report_points", default.report_points)),
        late_report_share=float(stored.get("late_report_share", default.late_report_share)),
        progress_points=float(stored.get("progress_points", default.progress_points)),
        progress_share={**default.progress_share, **stored.get("progress_share", {})},
        role_weight={**default.role_weight, **stored.get("role_weight", {})},
        return_deduction=float(stored.get("return_deduction", default.return_deduction)),
        reminder_deduction={**default.reminder_deduction, **stored.get("reminder_deduction", {})},
    )


def save_scoring_rules(session: Session, rules: ScoringRules) -> None:

    numbers = [rules.report_points, rules.progress_points, rules.return_deduction, rules.late_report_share]
    numbers += [
        *rules.progress_share.values(),
        *rules.role_weight.values(),
        *rules.reminder_deduction.values(),
    ]
    if any(not 0 <= value <= 100 for value in numbers) or rules.report_points + rules.progress_points <= 0:
        raise BadInput("考核分值、比例和权重应在 0 到 100 之间，报送与进度分值不能都为 0")
    set_setting(
        session,
        SCORING,
        {
            "report_points": rules.report_points,
            "late_report_share": rules.late_report_share,
            "progress_points": rules.progress_points,
            "progress_share": rules.progress_share,
            "role_weight": rules.role_weight,
            "return_deduction": rules.return_deduction,
            "reminder_deduction": rules.reminder_deduction,
        },
    )


def progress_state(row: TaskRow, period: Period) -> str:
    """The 进度 part of a task's result, from its light and the light's reason."""
    if row.finished:
        return "done"
    if row.light is Light.UNREPORTED:
        return "unreported"  # as the 通报 counts it: 未报送, never 逾期未完成
    reason = row.light_reason
    if row.light is Light.RED:
        return "overdue" if reason == "逾期未完成" else "behind"
    if row.light is Light.YELLOW:
        return "slow" if reason.startswith("进度偏慢") else "on_track"
    if row.light is Light.GREY:
        return "not_due"
    return "on_track"


@dataclass(frozen=True)
class Assessment:
    period: Period
    due: date  # 报送截止日 of the period
    scores: list[UnitScore]  # ranked, highest first
    rules: ScoringRules


def _received(session: Session, period: Period, task_ids: Sequence[int], due: date) -> dict[int, list[date]]:
    """When each task's report for the period arrived (accepted or entered rows only).

    A report with no 收到日期 (typed in by the officer, perhaps while back-filling) is taken as
    received by the due day: the clock at entry says nothing about when the unit reported.
    """
    out: dict[int, list[date]] = defaultdict(list)
    codes = [code for code in session.scalars(select(m.Update.period).distinct()) if _inside(period, code)]
    if not codes:
        return out
    query = select(m.Update.task_id, m.Update.received_on).where(
        m.Update.period.in_(codes), m.counts_as_report()
    )
    wanted = set(task_ids)
    for task_id, received_on in session.execute(query):
        if task_id in wanted:
            out[task_id].append(received_on or due)
    return out


def _inside(period: Period, code: str) -> bool:
    try:
        return period.covers(parse_period(code))
    except Exception:  # a malformed period code in an old record is not this period's
        return False


def assess(
    session: Session,
    period: Period,
    plan_ids: list[int] | None = None,
    rules: ScoringRules | None = None,
    due_rules: DueRules | None = None,
    facts: PeriodFacts | None = None,
) -> Assessment:
    """Every unit's 考核 for the period, ranked; units with no task in scope are left out.

    The tasks and their lights are the facts model's (what the 总览 counts); each unit
    on a task answers for it in its role.
    """
    rules = rules or load_scoring_rules(session)
    due_rules = due_rules or load_due_rules(session)
    facts = facts or read_facts(session, period, Scope(plan_ids=tuple(plan_ids or ())))
    due = due_date(period, due_rules)
    received = _received(session, period, [row.id for row in facts.counted], due)
    results: dict[str, list[TaskResult]] = defaultdict(list)
    for row in facts.counted:
        if row.closed and not row.reported:
            report = Timeliness.ON_TIME  # a task closed by the inspector owes no report
        else:
            report = timeliness(period, received.get(row.id, []), due_rules)
        progress = progress_state(row, period)
        for unit_id in sorted(row.unit_ids):
            role = (
                "lead"
                if unit_id in row.lead_unit_ids
                else "support"
                if unit_id in row.support_unit_ids
                else "responsible"
            )
            results[facts.names.get(unit_id, "?")].append(TaskResult(row.id, role, report, progress))
    returns: dict[str | None, int] = defaultdict(int)
    for source, code, count in session.execute(
        select(m.Update.source, m.Update.period, func.count())
        .where(m.Update.review_state == "returned")
        .group_by(m.Update.source, m.Update.period)
    ):
        if _inside(period, code):  # a year's 考核 counts its quarters' 退回 too
            returns[source] += count
    notices: dict[str, list[str]] = defaultdict(list)
    for unit, code, level in session.execute(
        select(m.Unit.name, m.ReminderNotice.period, m.ReminderNotice.level).join(
            m.Unit, m.Unit.id == m.ReminderNotice.unit_id
        )
    ):
        if _inside(period, code):
            notices[unit].append(level)
    scores = [
        score_unit(unit, items, returns.get(f"{unit}填报表", 0), notices.get(unit, []), rules)
        for unit, items in results.items()
    ]
    return Assessment(period, due, rank(scores), rules)


def assess_year(
    session: Session, year: int, kind: str = "quarter", until: Period | None = None
) -> dict[str, float]:
    """目标责任制考核 year-end totals: each unit's mean over the year's periods up to `until`."""
    first = parse_period(f"{year}Q1" if kind == "quarter" else f"{year}H1" if kind == "half" else str(year))
    per_unit: dict[str, list[UnitScore]] = defaultdict(list)
    period = first
    while period.year == year and (until is None or period.end <= until.end):
        for score in assess(session, period).scores:
            per_unit[score.unit].append(score)
        if kind == "year":
            break
        period = period.next()
    return {unit: year_total(scores) for unit, scores in sorted(per_unit.items())}
