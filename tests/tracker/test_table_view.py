"""The task table's rows: judged through task_states, counted per unit and per plan."""

from __future__ import annotations

from sqlalchemy import select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.lights import Light, LightRules
from tracker.periods import parse_period
from tracker.services.progress import ProgressInput, close_task, record_update
from tracker.views.record import load_task_record
from tracker.views.rules import JudgingSettings, load_settings, save_settings
from tracker.views.status import task_states
from tracker.views.table import (
    VIEW_DONE,
    VIEW_LATE,
    VIEW_UNREPORTED,
    load_task_rows,
    metric_ratio,
    overview,
    target_for_year,
    unit_summaries,
)

Q2 = parse_period("2023Q2")


def test_rows_follow_task_states(seeded: Database) -> None:
    with seeded.reading() as session:
        rows = load_task_rows(session, Q2)
        states = task_states(session, Q2)
        count = session.scalar(select(m.Task.id).where(m.Task.deleted_at.is_(None)).limit(1))
    assert count is not None
    assert {r.id for r in rows} == set(states)
    for row in rows:
        assert row.light is states[row.id].light
        assert row.status == states[row.id].status
        assert row.reported == states[row.id].reported_in_period
    # document order: parents come before their children
    position = {r.id: r.order for r in rows}
    assert all(position[r.parent_id] < r.order for r in rows if r.parent_id in position)
    assert all(r.search_text == r.search_text.casefold() for r in rows)


def test_update_changes_row_units_and_overview(seeded: Database) -> None:
    with seeded.reading() as session:
        rows = load_task_rows(session, Q2)
    leaf = next(r for r in rows if r.owes_update and r.lead_unit_id is not None and r.metric_count)
    with seeded.reading() as session:
        before_units = {u.id: u for u in unit_summaries(session, rows)}
        before = overview(session, Q2, rows)
    with seeded.unit_of_work() as session:
        metric_id = session.scalars(select(m.Metric.id).where(m.Metric.task_id == leaf.id)).first()
        assert metric_id is not None
        record_update(
            session, leaf.id, ProgressInput("2023Q2", "done", "已完成", actuals={metric_id: 5}), actor="测试"
        )
    with seeded.reading() as session:
        rows = load_task_rows(session, Q2)
        after_units = {u.id: u for u in unit_summaries(session, rows)}
        after = overview(session, Q2, rows)
    row = next(r for r in rows if r.id == leaf.id)
    assert row.status == "done" and row.light is Light.GREEN and row.reported
    assert row.in_view(VIEW_DONE, Q2) and not row.in_view(VIEW_UNREPORTED, Q2)
    assert row.completion is not None and row.progress == "已完成"
    unit = leaf.lead_unit_id
    assert after_units[unit].unreported == before_units[unit].unreported - 1
    assert after.ledger.by_status["done"] == before.ledger.by_status["done"] + 1
    assert after.ledger.unreported == before.ledger.unreported - 1


def test_closed_task_is_finished_and_late_view(seeded: Database) -> None:
    late_period = parse_period("2030")
    with seeded.reading() as session:
        rows = load_task_rows(session, late_period)
    # Nothing was ever reported: 未报送, its own state, never red as 滞后.
    assert not [r for r in rows if r.in_view(VIEW_LATE, late_period)]
    silent = [r for r in rows if r.in_view(VIEW_UNREPORTED, late_period)]
    assert silent and all(r.light is Light.UNREPORTED for r in silent)
    with seeded.unit_of_work() as session:
        close_task(session, silent[0].id, "已核实办结")
    with seeded.reading() as session:
        row = next(r for r in load_task_rows(session, late_period) if r.id == silent[0].id)
    assert row.closed and row.finished and row.status_label == "已销号" and row.report_label == "已销号"
    assert not row.in_view(VIEW_UNREPORTED, late_period) and row.light is Light.GREEN


def test_metric_ratio_and_target_choice() -> None:
    assert metric_ratio(">=", 10, 5) == 0.5
    assert metric_ratio("<=", 2, 4) == 0.5
    assert metric_ratio("text", 1, 1) is None
    assert metric_ratio(">=", None, 1) is None
    targets = [(2022, 1.0, ">="), (2025, 3.0, ">=")]
    assert target_for_year(targets, 2023) == (2025, 3.0, ">=")
    assert target_for_year(targets, 2026) == (2025, 3.0, ">=")
    assert target_for_year([], 2026) is None


def test_settings_round_trip_and_rules_change_lights(seeded: Database) -> None:
    with seeded.unit_of_work() as session:
        save_settings(session, JudgingSettings(LightRules(1, 2, 10), " 张科长 "))
    with seeded.reading() as session:
        settings = load_settings(session)
        assert settings == JudgingSettings(LightRules(1.0, 2.0, 10), "张科长")
        strict = load_task_rows(session, Q2, settings.rules)
        lenient = load_task_rows(session, Q2, LightRules(90, 99, 0))
    assert sum(r.light is Light.RED for r in strict) >= sum(r.light is Light.RED for r in lenient)


def test_record_has_actuals_updates_history(seeded: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    proof = tmp_path / "现场照片.jpg"
    proof.write_bytes(b"jpeg")
    with seeded.unit_of_work() as session:
        metric = session.scalars(select(m.Metric).where(m.Metric.task_id.is_not(None))).first()
        assert metric is not None and metric.task_id is not None
        task_id = metric.task_id
        record_update(
            session,
            task_id,
            ProgressInput("2023Q2", "in_progress", "推进中", 40, actuals={metric.id: 2}, evidence=[proof]),
        )
    with seeded.reading() as session:
        record = load_task_record(session, task_id, Q2)
    assert record is not None
    assert [e.filename for e in record.evidence] == ["现场照片.jpg"]
    assert record.updates[0].period_label == "2023年第二季度"
    assert any(x.current_actual == 2 for x in record.metrics)
    assert any("进展" in h.summary for h in record.history)
