"""task_states: the one source of status, light and reported-this-period per task."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.lights import Light
from tracker.periods import parse_period
from tracker.services.progress import ProgressInput, record_update
from tracker.views.status import task_states


def make_plan(database: Database) -> dict[str, int]:
    with database.unit_of_work() as session:
        plan = m.Plan(title="测试方案", period_start=2023, period_end=2023)
        parent = m.Task(plan=plan, code="一", title="抓手")
        a = m.Task(plan=plan, parent=parent, code="1", title="甲", deadline=date(2023, 12, 31))
        b = m.Task(plan=plan, parent=parent, code="2", title="乙", deadline=date(2023, 12, 31))
        session.add_all([plan, parent, a, b])
        session.flush()
        return {"parent": parent.id, "a": a.id, "b": b.id}


def test_latest_update_up_to_the_period_and_roll_up(database: Database) -> None:
    ids = make_plan(database)
    with database.unit_of_work() as session:
        record_update(session, ids["a"], ProgressInput(period="2023Q1", status="in_progress", percent=25))
        record_update(session, ids["b"], ProgressInput(period="2023Q2", status="in_progress", percent=50))
        record_update(session, ids["a"], ProgressInput(period="2023Q3", status="done"))
    with database.reading() as session:
        q2 = task_states(session, parse_period("2023Q2"))
        q3 = task_states(session, parse_period("2023Q3"))
    # As of Q2 the Q3 report does not count yet: task 甲 last reported 25% in Q1.
    assert q2[ids["a"]].status == "in_progress" and q2[ids["a"]].percent == 25
    assert not q2[ids["a"]].reported_in_period and q2[ids["b"]].reported_in_period
    # Nothing recorded in Q2: 未报送, its own state — not judged from Q1's 25% (nor as 0%).
    assert q2[ids["a"]].light is Light.UNREPORTED and q2[ids["a"]].report_status == "unreported"
    assert q2[ids["b"]].light is Light.GREEN and q2[ids["b"]].report_status == "in_progress"
    assert (
        q2[ids["parent"]].light is Light.UNREPORTED and q2[ids["parent"]].judgement.reason == "按子任务汇总"
    )
    assert q3[ids["a"]].status == "done" and q3[ids["a"]].light is Light.GREEN
    assert q3[ids["a"]].report_status == "done"
    assert q3[ids["b"]].light is Light.UNREPORTED  # reported in Q2, silent in Q3
    assert q3[ids["parent"]].light is q3[ids["b"]].light


def test_half_year_period_covers_its_quarters(database: Database) -> None:
    ids = make_plan(database)
    with database.unit_of_work() as session:
        record_update(session, ids["a"], ProgressInput(period="2023-05", status="in_progress", percent=40))
    with database.reading() as session:
        states = task_states(session, parse_period("2023H1"))
        assert states[ids["a"]].reported_in_period
        assert states[ids["a"]].latest is not None and states[ids["a"]].latest.period == "2023-05"
        assert set(states) == set(ids.values())
        plan_id = session.scalar(select(m.Plan.id))
        assert set(task_states(session, parse_period("2023H1"), plan_ids=[plan_id])) == set(ids.values())


def test_a_record_back_filled_for_an_earlier_period_does_not_displace_this_periods(
    database: Database,
) -> None:
    ids = make_plan(database)
    with database.unit_of_work() as session:
        record_update(session, ids["a"], ProgressInput(period="2023Q2", status="in_progress", percent=50))
    with database.unit_of_work() as session:  # recorded later, for Q1
        record_update(session, ids["a"], ProgressInput(period="2023Q1", status="late", percent=5))
    with database.reading() as session:
        state = task_states(session, parse_period("2023Q2"))[ids["a"]]
        earlier = task_states(session, parse_period("2023Q1"))[ids["a"]]
    assert state.latest is not None and state.latest.period == "2023Q2" and state.status == "in_progress"
    assert earlier.latest is not None and earlier.latest.period == "2023Q1" and earlier.status == "late"
