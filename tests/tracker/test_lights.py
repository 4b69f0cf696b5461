"""The light function against the conventions' rules, with fixed dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tracker.lights import Light, LightRules, TaskFacts, expected_progress, judge, roll_up

START, DEADLINE = date(2023, 1, 1), date(2023, 12, 31)
MID_YEAR = date(2023, 7, 2)  # about 50% elapsed


def facts(**kw: object) -> TaskFacts:
    base: dict[str, object] = {"start": START, "deadline": DEADLINE}
    base.update(kw)
    return TaskFacts(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kw", "as_of", "light", "reason"),
    [
        ({"status": "done"}, MID_YEAR, Light.GREEN, "已完成"),
        ({"closed": True, "status": "in_progress"}, MID_YEAR, Light.GREEN, "已销号"),
        ({"status": "ongoing"}, MID_YEAR, Light.GREEN, "长期坚持"),
        ({"status": "in_progress", "percent": 50}, MID_YEAR, Light.GREEN, "序时推进"),
        ({"status": "in_progress", "percent": 35}, MID_YEAR, Light.YELLOW, "进度偏慢"),
        ({"status": "in_progress", "percent": 10}, MID_YEAR, Light.RED, "滞后序时进度"),
        ({"status": "late", "percent": 49}, MID_YEAR, Light.RED, "滞后"),
        ({"status": "in_progress", "percent": 90}, date(2024, 1, 5), Light.RED, "逾期未完成"),
        ({"status": "in_progress", "percent": 99}, date(2023, 12, 29), Light.YELLOW, "临近时限"),
        ({}, date(2023, 1, 10), Light.GREY, "未启动"),
        ({"start": date(2024, 1, 1), "deadline": date(2025, 12, 31)}, MID_YEAR, Light.GREY, "未到期"),
        ({}, MID_YEAR, Light.RED, "滞后序时进度"),  # never reported and half the time gone
        ({"deadline": None, "status": "in_progress"}, MID_YEAR, Light.GREEN, "序时推进"),
    ],
)
def test_judge(kw: dict[str, object], as_of: date, light: Light, reason: str) -> None:
    judgement = judge(facts(**kw), as_of)
    assert judgement.light is light
    assert reason in judgement.reason


def test_thresholds_are_settings() -> None:
    lenient = LightRules(yellow_gap=20, red_gap=60, warn_days=0)
    assert judge(facts(status="in_progress", percent=35), MID_YEAR, lenient).light is Light.GREEN
    assert judge(facts(status="in_progress", percent=10), MID_YEAR, lenient).light is Light.YELLOW


def test_yearly_tasks_are_judged_against_the_current_year() -> None:
    yearly = facts(start=date(2023, 1, 1), deadline=date(2027, 12, 31), recurring=True)
    assert expected_progress(yearly, date(2025, 4, 1)) == pytest.approx(24.7, abs=0.1)
    assert judge(replace(yearly, percent=30, status="in_progress"), date(2025, 4, 1)).light is Light.GREEN


def test_multi_year_span() -> None:
    span = facts(start=date(2023, 1, 1), deadline=date(2027, 12, 31))
    assert expected_progress(span, date(2025, 7, 2)) == pytest.approx(50.0, abs=0.1)


def test_roll_up_takes_the_worst() -> None:
    assert roll_up([Light.GREEN, Light.RED, Light.GREY]) is Light.RED
    assert roll_up([Light.GREEN, Light.GREY]) is Light.GREEN
    assert roll_up([]) is Light.GREY
