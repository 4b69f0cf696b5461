"""export → import into an empty ledger → export gives the same document."""

from __future__ import annotations

import json
from pathlib import Path

from tracker.db.engine import Database
from tracker.export.json_export import export_document
from tracker.ledger import open_database
from tracker.planfile import parse_plan
from tracker.services.plan_import import import_plan


def test_seeded_ledger_round_trips_losslessly(seeded: Database, tmp_path: Path) -> None:
    with seeded.reading() as session:
        first = export_document(session)
    assert first["plans"], "the built-in plans were not loaded"
    other, _ = open_database(str(tmp_path / "other.sqlite3"))
    try:
        with other.unit_of_work() as session:
            for plan in first["plans"]:
                import_plan(session, parse_plan(json.dumps(plan, ensure_ascii=False)))
        with other.reading() as session:
            second = export_document(session)
    finally:
        other.dispose()
    assert second["plans"] == first["plans"]


def test_updates_and_actuals_round_trip(database: Database, tmp_path: Path) -> None:
    plan = {
        "title": "带进展的方案",
        "metrics": [
            {
                "name": "研发投入",
                "unit": "亿元",
                "targets": [{"year": 2023, "value": 10, "comparator": ">=", "text": "10亿元以上"}],
                "actuals": [{"period": "2023Q2", "value": 4.5, "recorded_at": "2023-07-01T08:00:00+08:00"}],
            }
        ],
        "tasks": [
            {
                "code": "1",
                "title": "任务",
                "updates": [
                    {
                        "period": "2023Q2",
                        "status": "in_progress",
                        "progress": "已完成过半",
                        "percent": 55,
                        "recorded_at": "2023-07-01T09:30:00",
                    }
                ],
            }
        ],
    }
    with database.unit_of_work() as session:
        import_plan(session, parse_plan(json.dumps(plan, ensure_ascii=False)))
    with database.reading() as session:
        [out] = export_document(session)["plans"]
    assert out["metrics"][0]["actuals"] == [
        {"period": "2023Q2", "value": 4.5, "recorded_at": "2023-07-01T00:00:00Z"}
    ]
    update = out["tasks"][0]["updates"][0]
    assert (update["status"], update["percent"], update["progress"]) == ("in_progress", 55, "已完成过半")
    assert update["recorded_at"] == "2023-07-01T09:30:00Z"
