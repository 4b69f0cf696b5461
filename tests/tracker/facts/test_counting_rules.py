"""The counting rules and the facts' counts, case by case (no database but for the services)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.db.migrate import alembic_config, upgrade_to_head
from tracker.errors import BadInput
from tracker.facts.counts import Tally, tally, unit_column, unit_rows
from tracker.lights import Light, TaskFacts, judge_period
from tracker.periods import parse_period
from tracker.rules.counting import counts_as_task, lead_and_support
from tracker.services import evidence
from tracker.services.progress import close_task, reopen_task
from tracker.views.status import closed_as_of, report_status, task_states


@dataclass(frozen=True)
class Row:
    counted: bool
    report_status: str
    light: Light
    lead_unit_ids: frozenset[int] = frozenset()
    support_unit_ids: frozenset[int] = frozenset()

    @property
    def finished(self) -> bool:
        return self.report_status in ("done", "closed")


def test_what_counts_as_a_task() -> None:
    assert counts_as_task(False, [], [])  # a leaf, even with no unit
    assert not counts_as_task(True, [], ["甲"])  # 一、 with no unit: a group
    assert not counts_as_task(True, ["甲", "乙"], ["乙", "甲"])  # units its sub-tasks repeat
    assert counts_as_task(True, ["丙"], ["甲"])  # its own unit: its own work


def test_who_leads() -> None:
    assert lead_and_support([("甲", "lead"), ("乙", "support")]) == (["甲"], ["乙"])
    assert lead_and_support([("甲", "responsible"), ("乙", "responsible")]) == (["甲", "乙"], [])
    assert lead_and_support([("乙", "support")]) == ([], ["乙"])  # nobody answers: 未明确责任单位


def test_unreported_is_its_own_light_never_red() -> None:
    as_of = date(2023, 6, 30)
    overdue = TaskFacts(start=date(2021, 1, 1), deadline=date(2022, 12, 31), status="not_started")
    assert judge_period(overdue, False, as_of).light is Light.UNREPORTED
    assert judge_period(overdue, True, as_of).light is Light.RED  # said 未启动, past its deadline
    done = TaskFacts(start=date(2021, 1, 1), deadline=date(2025, 12, 31), status="done")
    assert judge_period(done, False, as_of).light is Light.GREEN  # finished earlier stays so
    assert report_status("done", False) == "done" and report_status("in_progress", False) == "unreported"
    assert report_status("late", True) == "late" and report_status("closed", False) == "closed"


def test_a_close_counts_from_the_end_of_its_period() -> None:
    closed_at = datetime(2023, 7, 12, 10, 0)
    q1, q2, h1, may = (parse_period(c) for c in ("2023Q1", "2023Q2", "2023H1", "2023-05"))
    assert not closed_as_of(closed_at, "2023Q2", q1) and not closed_as_of(closed_at, "2023Q2", may)
    assert closed_as_of(closed_at, "2023Q2", q2) and closed_as_of(closed_at, "2023Q2", h1)
    assert not closed_as_of(None, "2023Q2", q2)
    assert not closed_as_of(closed_at, None, q2) and closed_as_of(closed_at, None, parse_period("2023Q3"))


def test_unit_rows_add_up_and_groups_are_not_counted() -> None:
    rows = [
        Row(True, "done", Light.GREEN, frozenset({1})),
        Row(True, "in_progress", Light.GREEN, frozenset({1, 2}), frozenset({3})),
        Row(True, "in_progress", Light.YELLOW, frozenset({1})),
        Row(True, "late", Light.RED, frozenset({2}), frozenset({1})),
        Row(True, "not_started", Light.GREY, frozenset({1})),
        Row(True, "unreported", Light.UNREPORTED, frozenset()),  # nobody answers for it
        Row(False, "unreported", Light.RED, frozenset({1})),  # a group: never counted
    ]
    counted: Tally = tally(rows)
    assert counted.total == 6 and counted.unreported == 1 and counted.late == 1 and counted.finished == 1
    assert sum(counted.by_light.values()) == sum(counted.by_status.values()) == 6
    units = {u.id: u for u in unit_rows(rows, {1: "甲", 2: "乙", 3: "丙"})}
    assert units[1].led == 4 and units[1].supporting == 1 and units[1].columns() == (1, 1, 1, 0, 1, 0)
    assert units[2].led == 2 and units[2].late == 1 and units[2].on_schedule == 1
    assert units[3].led == 0 and units[3].supporting == 1
    assert all(sum(u.columns()) == u.led for u in units.values())
    assert [u.id for u in unit_rows(rows, {}, frozenset({2}))] == [2]
    assert unit_column(rows[0]) == "done" and unit_column(rows[3]) == "late"


def _task(database: Database) -> int:
    with database.unit_of_work() as session:
        plan = m.Plan(title="测试方案", period_start=2023, period_end=2023)
        task = m.Task(plan=plan, code="1", title="甲", deadline=date(2023, 12, 31))
        session.add_all([plan, task])
        session.flush()
        return task.id


def test_close_with_a_date_and_a_period(database: Database) -> None:
    task_id = _task(database)
    with database.unit_of_work() as session, pytest.raises(BadInput, match="晚于今天"):
        close_task(session, task_id, "办结", on=date(2999, 1, 1))
    with database.unit_of_work() as session, pytest.raises(BadInput, match="早于所选报告期"):
        close_task(session, task_id, "办结", on=date(2023, 3, 1), period="2023Q2")
    with database.unit_of_work() as session:
        task = close_task(session, task_id, "办结", on=date(2023, 7, 12), period="2023Q2")
        assert (task.closed_on, task.closed_period) == (date(2023, 7, 12), "2023Q2")
    with database.reading() as session:
        assert task_states(session, parse_period("2023Q1"))[task_id].status != "closed"
        assert task_states(session, parse_period("2023Q2"))[task_id].status == "closed"
    with database.unit_of_work() as session:
        task = reopen_task(session, task_id)
        assert task.closed_on is None and task.closed_period is None
        task = close_task(session, task_id, "办结", on=date(2024, 2, 1))
        assert task.closed_period == "2024Q1"  # the quarter of its day by default


def test_evidence_without_a_record_takes_the_period_given(database: Database, tmp_path: Path) -> None:
    task_id = _task(database)
    proof = tmp_path / "材料 一.pdf"
    proof.write_bytes(b"%PDF-1.4 proof")
    with database.unit_of_work() as session:
        task = session.get(m.Task, task_id)
        assert task is not None
        assert evidence.attach(session, task, proof, period="2023Q2").period == "2023Q2"
        today = date.today()
        assert evidence.attach(session, task, proof).period == f"{today.year}Q{(today.month - 1) // 3 + 1}"


def test_migration_0004_backfills_closes_and_evidence(database: Database) -> None:
    if database.engine.dialect.name != "sqlite":
        pytest.skip("back-fill checked on SQLite")
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    # The rows are written at 0003, as a ledger made before 0004 holds them.
    stamp = "2023-01-01 00:00:00.000000"
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO plan (id, title, position, created_at, updated_at, version) "
                "VALUES (1, '测试方案', 0, :at, :at, 1)"
            ),
            {"at": stamp},
        )
        connection.execute(
            text(
                "INSERT INTO task (id, plan_id, position, code, title, content, kind, units_inferred, "
                "created_at, updated_at, version, closed_at, closed_reason) VALUES (1, 1, 0, '1', '甲', '', "
                "'task', 0, :at, :at, 1, '2023-05-20 08:00:00.000000', '办结')"
            ),
            {"at": stamp},
        )
        task_id = 1
        connection.execute(
            text("INSERT INTO blob (sha256, size, created_at) VALUES ('ab', 1, :at)"), {"at": stamp}
        )
        connection.execute(
            text(
                "INSERT INTO progress_update (task_id, period, status, progress, recorded_at) "
                "VALUES (:id, '2023Q2', 'in_progress', '', '2023-07-08 09:00:00.000000')"
            ),
            {"id": task_id},
        )
        update_id = connection.execute(text("SELECT max(id) FROM progress_update")).scalar()
        for update, added in (
            (update_id, "2023-07-05 15:00:00.000000"),
            (None, "2023-11-02 10:00:00.000000"),
        ):
            connection.execute(
                text(
                    "INSERT INTO evidence (task_id, update_id, filename, sha256, size, added_at) "
                    "VALUES (:task, :update, 'f.pdf', 'ab', 1, :added)"
                ),
                {"task": task_id, "update": update, "added": added},
            )
    upgrade_to_head(database)
    with database.reading() as session:
        task = session.get(m.Task, task_id)
        assert task is not None and (task.closed_on, task.closed_period) == (date(2023, 5, 20), "2023Q2")
        periods = session.scalars(select(m.Evidence.period).order_by(m.Evidence.id)).all()
        assert periods == ["2023Q2", "2023Q4"]  # the record's period; else the quarter of its day
