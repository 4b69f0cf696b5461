"""The pure rules of the 督办 cycle: report due dates, 催办 escalation, 单位考核."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.periods import parse_period
from tracker.rules.escalation import EarlierNotice, EscalationRules, Level, escalate
from tracker.rules.report_due import DueRules, Timeliness, due_date, parse_day_list, timeliness
from tracker.rules.scoring import ScoringRules, TaskResult, rank, score_unit, year_total

Q2 = parse_period("2023Q2")


# ---- 报送截止日 -------------------------------------------------------------------------


def test_due_on_the_fifth_working_day_after_the_quarter() -> None:
    # 2023-06-30 is a Friday: Mon 3 … Fri 7 July.
    assert due_date(Q2) == date(2023, 7, 7)


def test_holidays_are_skipped_and_weekend_workdays_count() -> None:
    # 2023Q3 ends Sat 30 Sep; 国庆 1–6 Oct holidays (the weekdays among them), 7–8 Oct 调休 workdays.
    q3 = parse_period("2023Q3")
    rules = DueRules(
        holidays=parse_day_list("2023-10-02, 2023-10-03、2023-10-04 2023-10-05，2023-10-06"),
        extra_workdays=parse_day_list("2023-10-07,2023-10-08"),
    )
    assert due_date(q3) == date(2023, 10, 6)  # without the calendar: Mon 2 … Fri 6
    assert due_date(q3, rules) == date(2023, 10, 11)  # Sat 7, Sun 8, Mon 9, Tue 10, Wed 11


def test_grace_days_are_calendar_days_after_the_due_day() -> None:
    assert due_date(Q2, DueRules(working_days=5, grace_days=3)) == date(2023, 7, 10)


def test_timeliness_uses_the_earliest_report_of_the_period() -> None:
    assert timeliness(Q2, []) is Timeliness.MISSING
    assert timeliness(Q2, [None]) is Timeliness.MISSING
    assert timeliness(Q2, [date(2023, 7, 7)]) is Timeliness.ON_TIME
    assert timeliness(Q2, [date(2023, 7, 8)]) is Timeliness.LATE
    assert timeliness(Q2, [date(2023, 7, 20), date(2023, 7, 3)]) is Timeliness.ON_TIME


def test_bad_holiday_entries_are_refused() -> None:
    with pytest.raises(ValueError):
        parse_day_list("2023-13-01")


def test_due_rule_reads_in_one_sentence() -> None:
    assert DueRules(working_days=5, grace_days=2).describe() == "报告期结束后第5个工作日前报送，另宽限2天"


# ---- 催办 escalation --------------------------------------------------------------------


def _notice(level: Level, round_: int, tasks: set[int], replied: date | None = None) -> EarlierNotice:
    return EarlierNotice(level, round_, date(2023, 7, 10), date(2023, 7, 17), replied, frozenset(tasks))


def test_first_notice_takes_its_worst_item_level() -> None:
    result = escalate([Level.BLUE, Level.YELLOW], [1, 2], [], date(2023, 7, 10))
    assert (result.level, result.round) == (Level.YELLOW, 1)


def test_unanswered_notice_raises_the_next_one_level_by_level() -> None:
    first = _notice(Level.BLUE, 1, {1})
    second = escalate([Level.BLUE], [1], [first], date(2023, 7, 20))
    assert (second.level, second.round) == (Level.YELLOW, 2)
    assert "逾期未回复" in second.reason
    third = escalate(
        [Level.BLUE],
        [1],
        [first, EarlierNotice(second.level, 2, date(2023, 7, 20), date(2023, 7, 27), None, frozenset({1}))],
        date(2023, 7, 28),
    )
    assert (third.level, third.round) == (Level.RED, 3)
    fourth = escalate([Level.BLUE], [1], [_notice(Level.RED, 3, {1})], date(2023, 8, 1))
    assert (fourth.level, fourth.round) == (Level.RED, 4)  # red is the highest


def test_before_the_reply_date_there_is_no_rise() -> None:
    result = escalate([Level.BLUE], [1], [_notice(Level.BLUE, 1, {1})], date(2023, 7, 15))
    assert (result.level, result.round) == (Level.BLUE, 2)


def test_a_reply_closes_the_round_and_the_level_starts_again() -> None:
    answered = _notice(Level.YELLOW, 1, {1}, replied=date(2023, 7, 12))
    result = escalate([Level.BLUE], [1], [answered], date(2023, 10, 10))
    assert (result.level, result.round) == (Level.BLUE, 2)
    stricter = EscalationRules(steps_if_answered=1)
    assert escalate([Level.BLUE], [1], [answered], date(2023, 10, 10), stricter).level is Level.RED


def test_notices_about_other_items_do_not_escalate() -> None:
    result = escalate([Level.BLUE], [9], [_notice(Level.RED, 2, {1, 2})], date(2023, 8, 1))
    assert (result.level, result.round) == (Level.BLUE, 1)


def test_an_own_red_item_is_never_lowered() -> None:
    result = escalate([Level.RED], [1], [_notice(Level.BLUE, 1, {1}, date(2023, 7, 11))], date(2023, 8, 1))
    assert result.level is Level.RED


# ---- 单位考核 ---------------------------------------------------------------------------


def _result(role: str, report: Timeliness, progress: str, task: int = 1) -> TaskResult:
    return TaskResult(task, role, report, progress)


def test_full_marks_for_on_time_and_done() -> None:
    score = score_unit("甲", [_result("lead", Timeliness.ON_TIME, "done")])
    assert score.score == 100.0 and score.report_part == 30.0 and score.progress_part == 70.0


def test_parts_deductions_and_floor() -> None:
    rules = ScoringRules()
    score = score_unit(
        "甲",
        [_result("lead", Timeliness.LATE, "behind"), _result("support", Timeliness.MISSING, "overdue", 2)],
        returns=1,
        reminder_levels=["blue", "yellow"],
        rules=rules,
    )
    # lead: 15 + 10.5 = 25.5 at weight 1; support: 0 at weight 0.5 → (25.5) / 1.5 = 17.0
    assert score.report_part == 10.0 and score.progress_part == 7.0
    assert score.deductions == 2.5 and score.score == 14.5
    assert (score.missing, score.late_reports, score.overdue, score.reminders) == (1, 1, 1, 2)
    floor = score_unit("乙", [_result("lead", Timeliness.MISSING, "overdue")], returns=5)
    assert floor.score == 0.0


def test_tasks_not_yet_due_are_judged_on_reporting_alone() -> None:
    assert score_unit("甲", [_result("lead", Timeliness.ON_TIME, "not_due")]).score == 100.0
    assert score_unit("甲", [_result("lead", Timeliness.MISSING, "not_due")]).score == 0.0


def test_rank_shares_places_and_skips_units_without_tasks() -> None:
    a = score_unit("甲", [_result("lead", Timeliness.ON_TIME, "done")])
    b = score_unit("乙", [_result("lead", Timeliness.ON_TIME, "done")])
    c = score_unit("丙", [_result("lead", Timeliness.LATE, "on_track")])
    empty = score_unit("丁", [])
    ranked = rank([c, empty, b, a])
    assert [(s.unit, s.rank) for s in ranked] == [("乙", 1), ("甲", 1), ("丙", 3)]


def test_year_total_is_the_mean_of_scored_periods() -> None:
    scores = [
        score_unit("甲", [_result("lead", Timeliness.ON_TIME, "done")]),
        score_unit("甲", [_result("lead", Timeliness.MISSING, "overdue")]),
        score_unit("甲", []),
    ]
    assert year_total(scores) == 50.0


def test_the_rule_prints_its_current_weights() -> None:
    text = "".join(ScoringRules(report_points=40, progress_points=60).lines())
    assert "报送40分" in text and "进度60分" in text and "不以登录次数" in text


# ---- 审核 -------------------------------------------------------------------------------


def test_review_flags_late_or_red_rows_without_problems_and_steps() -> None:
    from tracker.rules.review import review_flags

    assert review_flags("in_progress", False, None, None) == []
    assert review_flags("late", False, "缺资金", "申请追加") == []
    assert review_flags("late", False, None, " ") == ["报告滞后，须填写存在问题、下步措施"]
    assert review_flags("in_progress", True, "缺资金", None) == ["本期亮红灯，须填写下步措施"]
