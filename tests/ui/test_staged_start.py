"""A big ledger's window: usable with its first screen of rows, right once all is read.

The staged start is forced on the built-in plans (`staged_above=0`, a screenful of 10
tasks, steps of 20), so the steps are many; every check compares with a window that read
the same ledger at once.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

import ui.main_window as main_window
from tests.ui.conftest import wait_loaded
from tracker.db.engine import Database
from tracker.periods import parse_period
from ui.main_window import MainWindow, Snapshot, read_snapshot, snapshot_steps
from ui.navigation import view_counts

WORD = "科技"


@pytest.fixture
def staged(qtbot: QtBot, seeded: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setattr(main_window, "FIRST_SCREEN", 10)
    monkeypatch.setattr(main_window, "STEP_TASKS", 20)
    window = MainWindow(seeded, staged_above=0)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.background.wait()


def _whole(qtbot: QtBot, database: Database) -> MainWindow:
    window = MainWindow(database)  # the built-in plans are read at once
    qtbot.addWidget(window)
    assert window.snapshot is not None and window.snapshot.complete and not window.loading
    return window


def _views(window: MainWindow) -> list[str]:
    model = window.nav.view_model
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


def test_first_screen_then_the_same_table_counts_and_search(
    qtbot: QtBot, staged: MainWindow, seeded: Database
) -> None:
    window = staged
    snapshot = window.snapshot
    assert snapshot is not None and not snapshot.complete and window.loading
    whole_rows = read_snapshot(seeded, window.period).rows
    first = [row.id for row in window.proxy.shown_rows()]
    assert 10 <= len(first) < len(whole_rows) // 2
    assert first == [row.id for row in whole_rows[: len(first)]]  # the table's own first rows

    # Nothing counted is shown as if final: the status says so, the views wait, no units yet.
    assert f"已读取 {len(first)} / {len(whole_rows)} 条" in window.status_label.text()
    assert all(entry.endswith("（…）") for entry in _views(window))
    assert window.nav.unit_model.rowCount() == 0 and window.nav.tree_model.rowCount() == 0
    assert "红灯" in window.nav.legend.text.text()  # the legend's rules are known already
    window.center.setCurrentWidget(window.overview_page)
    assert "overview" not in vars(snapshot)  # the 总览 is counted once every task is read
    window.center.setCurrentWidget(window.table)

    # A loaded row can be chosen, and a search typed, while the rest is read.
    chosen = next(row for row in window.proxy.shown_rows() if WORD in row.search_text)
    assert window.select_task(chosen.id)
    assert window.detail.task_id == chosen.id
    window.search.insert(WORD)  # as typed (QTest cannot type Chinese)
    window.apply_search()
    assert window.loading  # still reading: the steps run between events
    assert "正在读取台账" in window.status_label.text()

    wait_loaded(qtbot, window)
    assert window.snapshot is not None and window.snapshot.complete
    assert window.snapshot.rows == whole_rows
    assert window.current_task_id() == chosen.id and window.detail.task_id == chosen.id

    whole = _whole(qtbot, seeded)
    whole.search.setText(WORD)
    whole.apply_search()
    shown = [row.id for row in window.proxy.shown_rows()]
    assert shown == [row.id for row in whole.proxy.shown_rows()] and len(shown) > len(first) // 2
    assert window.status_label.text() == whole.status_label.text()
    assert "显示" in window.status_label.text()
    assert _views(window) == _views(whole) and not any("…" in v for v in _views(window))
    assert window.nav.unit_model.records() == whole.nav.unit_model.records()
    assert window.nav.tree_model.rowCount() == whole.nav.tree_model.rowCount() == 5
    window.center.setCurrentWidget(window.overview_page)
    assert window.overview_page.headline.text() and "overview" in vars(window.snapshot)


def test_a_unit_chosen_while_reading_filters_the_finished_table(
    qtbot: QtBot, staged: MainWindow, seeded: Database
) -> None:
    window = staged
    assert window.loading
    first = {row.id for row in window.proxy.shown_rows()}
    whole_rows = read_snapshot(seeded, window.period).rows
    later = next(row for row in whole_rows if row.id not in first and row.lead_unit_id is not None)
    unit = later.lead_unit_id
    found = window.unit_filter.findData(unit)
    assert found > 0  # offered while the unit's tasks are not read yet
    window.unit_filter.setCurrentIndex(found)
    assert window.loading

    wait_loaded(qtbot, window)
    whole = _whole(qtbot, seeded)
    whole.unit_filter.setCurrentIndex(whole.unit_filter.findData(unit))
    shown = [row.id for row in window.proxy.shown_rows()]
    assert later.id in shown
    assert shown == [row.id for row in whole.proxy.shown_rows()]
    assert window.status_label.text() == whole.status_label.text()


def test_a_reload_while_reading_ends_the_steps_with_the_whole_ledger(
    qtbot: QtBot, staged: MainWindow, seeded: Database
) -> None:
    window = staged
    assert window.loading
    window.reload()  # as after an edit, or a new period chosen
    assert window._steps is None  # the start-up read and its transaction are closed
    wait_loaded(qtbot, window)
    assert window.snapshot is not None and window.snapshot.complete
    assert window.snapshot.rows == read_snapshot(seeded, window.period).rows
    assert "正在读取" not in window.status_label.text()


def test_the_program_reports_its_start_when_asked(seeded: Database, tmp_path: object) -> None:
    """TRACKER_START_PROBE=1 (how the frozen build is timed): ready, complete, then it quits."""
    assert seeded.path is not None
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TRACKER_DB": str(seeded.path),
        "TRACKER_HOME": str(tmp_path),
        "TRACKER_START_PROBE": "1",
    }
    code = "from ui.app import run_app\nraise SystemExit(run_app(None))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split()
    assert lines[:2] == ["ready", "complete"] and lines[2] == "max_gap_ms" and float(lines[3]) >= 0


def test_the_steps_end_in_the_snapshot_read_at_once(seeded: Database) -> None:
    """Rows, units with their counts, and the plan tree: the same, however the ledger is split."""
    period = parse_period("2023Q2")
    whole = read_snapshot(seeded, period)
    steps = list(snapshot_steps(seeded, period, 0, 10, 20))
    first, last = steps[0], steps[-1]
    assert isinstance(first, Snapshot) and not first.complete
    assert isinstance(last, Snapshot) and last.complete
    assert all(isinstance(step, int) for step in steps[1:-1]) and len(steps) > 4
    assert last.rows == whole.rows
    assert last.units == whole.units and len(last.units) > 10
    assert last.plans == whole.plans and sum(len(plan.tasks) for plan in last.plans) > 5
    assert last.view_counts == view_counts(whole.rows, period)  # counted batch by batch
    assert last.plan_metrics is None  # read when the 总览 is first shown
    assert first.unit_choices is not None
    assert {(unit.name, unit.id) for unit in whole.units} <= set(first.unit_choices)


def _half_read(qtbot: QtBot, seeded: Database, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A window whose start-up read stops after the first screen (say, the ledger was locked)."""
    real_steps = main_window.snapshot_steps

    def failing(*args: object, **kwargs: object) -> Iterator[Snapshot | int]:
        steps = real_steps(*args, **kwargs)  # type: ignore[arg-type]
        yield next(steps)  # the first screen
        raise RuntimeError("database is locked")

    monkeypatch.setattr(main_window, "FIRST_SCREEN", 10)
    monkeypatch.setattr(main_window, "snapshot_steps", failing)
    window = MainWindow(seeded, staged_above=0)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_step_that_fails_says_what_the_window_holds_and_refresh_reads_it_all(
    qtbot: QtBot, seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A start-up read stopped halfway (say, the ledger was locked) leaves the first rows, no
    counts, and a message naming 刷新; 刷新 reads everything and signals `loaded`."""
    from PySide6.QtWidgets import QMessageBox

    window = _half_read(qtbot, seeded, monkeypatch)
    qtbot.waitUntil(lambda: not window.loading, timeout=5000)
    assert window.snapshot is not None and not window.snapshot.complete
    assert "刷新" in window.status_label.text() and "计数未显示" in window.status_label.text()
    [box] = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert "database is locked" in box.text() and "F5" in box.text()
    box.close()
    with qtbot.waitSignal(window.loaded, timeout=10000):
        window.reload()
    assert window.snapshot is not None and window.snapshot.complete
    assert len(window.snapshot.rows) == len(read_snapshot(seeded, window.period).rows)
    window.background.wait()


def test_a_start_up_read_that_fails_still_starts_the_days_backup(
    qtbot: QtBot, seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup copies the ledger file, whatever the window could read: a start-up read
    stopped halfway ends the read (`settled`), and the day's backup runs without 刷新."""
    from PySide6.QtWidgets import QMessageBox

    from ui.app import back_up_once_read

    window = _half_read(qtbot, seeded, monkeypatch)
    assert window.loading
    backups = back_up_once_read(window, seeded)
    assert backups == []  # not while the read runs: its thread would slow the steps
    with qtbot.waitSignal(window.settled, timeout=10_000):
        pass
    for box in window.findChildren(QMessageBox):
        box.close()
    assert window.snapshot is not None and not window.snapshot.complete  # the read did fail
    assert len(backups) == 1
    qtbot.waitUntil(lambda: not backups[0].busy, timeout=20_000)
    assert seeded.path is not None
    [made] = (seeded.path.parent / "backups").glob("auto-*.zip")
    assert made.stat().st_size > 0
    assert window.statusBar().currentMessage() == f"已自动备份台账：{made}"
