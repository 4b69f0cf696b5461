"""The benchmark tools: synthetic ledgers of the promised shape, and measurements that run."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from bench.make_ledger import make_ledger
from bench.measurements import REGISTRY, Ledger
from tracker.db import models as m
from tracker.db.engine import Database, sqlite_url
from tracker.services.checks import run_checks
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
        assert sum(len(p.tasks) for p in plans) + (nested or 0) == 300
        assert nested
    finally:
        database.dispose()
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
