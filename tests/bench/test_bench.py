"""The benchmark tools: synthetic ledgers of the promised shape, and measurements that run."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bench import run
from bench.drafting_quality import sources_folder
from bench.make_ledger import make_ledger
from bench.measurements import REGISTRY, Ledger
from tracker.db import models as m
from tracker.db.engine import Database, sqlite_url
from tracker.services.checks import run_checks
from tracker.views.conflicts import find_conflicts
from tracker.views.tree import load_tree


def test_synthetic_ledger_has_the_promised_shape(tmp_path: Path) -> None:
    path = tmp_path / "bench.sqlite3"
    counts = make_ledger(path, 300)
    assert counts["task"] == 300
    assert counts["progress_update"] >= 3 * 300
    assert counts["evidence"] > 0 and counts["metric"] > 0
    database = Database(sqlite_url(path))
    try:
        assert not [f for f in run_checks(database) if f.fault]
        with database.reading() as session:
            plans = load_tree(session)
            nested = session.scalar(select(func.count()).where(m.Task.parent_id.is_not(None)))
            keyed = session.execute(
                select(m.Metric.plan_id, m.Metric.key).where(m.Metric.key.is_not(None))
            ).all()
        assert sum(len(p.tasks) for p in plans) + (nested or 0) == 300
        assert nested
        with database.engine.connect() as connection:
            conflicts = find_conflicts(connection)
    finally:
        database.dispose()
    # Common indicators carry a key, shared across plans and repeated within one, a few contradicting.
    assert 0.1 < len(keyed) / counts["metric"] < 0.5
    assert len(set(keyed)) < len(keyed)
    assert len({plan for plan, _ in keyed}) > 1
    assert 0 < len(conflicts) < len(keyed) / 5
    assert make_ledger(path, 300) == counts  # same seed, same ledger, file replaced


def test_every_floor_named_is_registered_and_query_measurements_run(tmp_path: Path) -> None:
    for item in REGISTRY.values():
        assert item.floor is None or REGISTRY[item.floor].is_floor
    path = tmp_path / "bench.sqlite3"
    make_ledger(path, 200)
    ledger = Ledger(path, 200, tmp_path)
    try:
        for name in ("open_task", "floor_open_task", "export_json", "floor_export_json"):
            assert REGISTRY[name].sample(ledger) > 0
    finally:
        ledger.close()


NEW_MEASUREMENTS = ("save_update", "export_pdf", "export_xlsx", "forms_roundtrip", "draft_largest")


def test_report_form_saving_and_drafting_measurements_run_once(tmp_path: Path) -> None:
    if not any(sources_folder().glob("*.txt")):
        pytest.skip(f"no source documents in {sources_folder()}")
    path = tmp_path / "bench.sqlite3"
    make_ledger(path, 200)
    before = path.stat().st_size
    ledger = Ledger(path, 200, tmp_path)
    try:
        for name in NEW_MEASUREMENTS:
            item = REGISTRY[name]
            assert item.floor is not None and REGISTRY[item.floor].is_floor
            assert item.sample(ledger) > 0, name
            assert REGISTRY[item.floor].sample(ledger) > 0, item.floor
        copy = ledger.copy_path
        raw = sqlite3.connect(copy)
        try:
            evidence = raw.execute("SELECT size FROM evidence WHERE filename LIKE '第%'").fetchall()
        finally:
            raw.close()
        assert evidence == [(5 * 1024 * 1024,)]  # the update saved with its 5 MB file, in the copy
    finally:
        ledger.close()
    assert not copy.exists()
    assert path.stat().st_size == before  # the measured ledger itself is not written to


def test_ratio_targets_and_failures_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run, "FAILED", {("export_pdf", 10_000): "LayoutError: too large"})
    results = {
        "export_xlsx": {10_000: 4.0},
        "floor_export_xlsx": {10_000: 2.0},
        "export_pdf": {},
        "floor_export_pdf": {10_000: 0.1},
    }
    table = "\n".join(run.table(results, [10_000]))
    assert "< 1.5× floor" in table and "FAILED (0.10 s)" in table
    verdicts = "\n".join(run.verdicts(results, [10_000]))
    assert "×2.00 its floor (2.00 s), target < ×1.5: MISSED" in verdicts
    assert "FAILED at 10,000 tasks (LayoutError: too large)" in verdicts
    results["export_xlsx"][10_000] = 2.5
    assert "×1.25 its floor (2.00 s), target < ×1.5: met" in "\n".join(run.verdicts(results, [10_000]))


def test_start_up_is_measured_usable_and_complete_from_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ledger big enough to be read in steps: usable before complete, both from one child."""
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setenv("TRACKER_HOME", str(tmp_path / "home"))
    path = tmp_path / "bench.sqlite3"
    make_ledger(path, 2_500)  # above the window's STAGED_ABOVE
    ledger = Ledger(path, 2_500, tmp_path)
    try:
        usable = REGISTRY["window"].sample(ledger)
        complete = REGISTRY["window_complete"].sample(ledger)
        gap = REGISTRY["window_gap"].sample(ledger)
        assert len(ledger.cache["window_runs"]) == 1  # the three figures of one start
        assert 0 < usable < complete
        assert 0 < gap < (complete - usable) * 1000
    finally:
        ledger.close()
