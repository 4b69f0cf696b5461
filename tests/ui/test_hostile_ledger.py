"""The window opens on a ledger holding values no input accepts any more (issue 14).

A period outside 2000–2100 (or a number that is not finite) can only come from an older
program or a hand-edited file; the window must still open, list the task and show its
record, skipping what it cannot read, so the officer can correct or delete it.
"""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import text

from tests.ui.conftest import wait_loaded
from tracker.db.engine import Database
from ui.main_window import MainWindow


def test_the_window_opens_on_a_ledger_holding_a_bad_period_and_an_infinite_target(
    qtbot: QtBot, seeded: Database, tmp_path: Path
) -> None:
    with seeded.engine.begin() as connection:
        task_id = connection.execute(text("SELECT min(id) FROM task WHERE deleted_at IS NULL")).scalar_one()
        connection.execute(
            text(
                "INSERT INTO progress_update (task_id, period, status, progress, recorded_at)"
                " VALUES (:t, '0000', 'in_progress', '旧程序写下的记录', '2023-05-01 00:00:00')"
            ),
            {"t": task_id},
        )
        metric_id = connection.execute(
            text("SELECT min(m.id) FROM metric m JOIN target t ON t.metric_id = m.id WHERE m.task_id = :t"),
            {"t": task_id},
        ).scalar_one()
        changed = connection.execute(
            text("UPDATE target SET value = :v WHERE metric_id = :m"), {"v": float("inf"), "m": metric_id}
        )
        assert changed.rowcount >= 1
        connection.execute(
            text(
                "INSERT INTO actual (metric_id, period, value, recorded_at) VALUES (:m, '1900', 5, '2023-05-01')"
            ),
            {"m": metric_id},
        )
    window = MainWindow(seeded)
    qtbot.addWidget(window)
    window.show()
    wait_loaded(qtbot, window)
    assert window.select_task(task_id)
    qtbot.waitUntil(lambda: window.detail.task_id == task_id, timeout=5000)
    window.center.setCurrentWidget(window.overview_page)  # the 总览 counts every indicator
    shot = tmp_path / "bad-period.png"
    window.grab().save(str(shot))
    if os.environ.get("TRACKER_SHOTS"):
        window.grab().save(os.environ["TRACKER_SHOTS"])
    assert shot.stat().st_size > 0
    window.background.wait()
