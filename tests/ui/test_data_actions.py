"""The 数据 menu and the window's hold on its ledger: backup, restore, check, one copy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.ui.conftest import wait_loaded
from tracker.db import models as m
from tracker.db.engine import Database
from tracker.errors import LedgerInUse
from tracker.services.plans_edit import PlanInput, create_plan
from ui.app import daily_backup, start_daily_backup, take_ledger
from ui.main_window import MainWindow


def plan_count(database: Database) -> int:
    with database.reading() as session:
        return int(
            session.scalar(select(func.count()).select_from(m.Plan).where(m.Plan.deleted_at.is_(None)))
        )


def info_text(window: MainWindow, qtbot: QtBot) -> str:
    qtbot.waitUntil(lambda: window.data_actions.dialog is not None, timeout=20_000)
    return window.data_actions.dialog.text()  # type: ignore[union-attr]


def test_data_menu_sits_before_help(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("数据(&D)") == titles.index("帮助(&H)") - 1


def test_backup_then_restore_from_the_window(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, db_path: Path
) -> None:
    window.ledger_lock = take_ledger(str(db_path))
    target = tmp_path / "备份 一.zip"
    window.data_actions.backup(target)
    assert "已备份到" in info_text(window, qtbot)
    assert target.exists()
    before = plan_count(window.database)
    with window.database.unit_of_work() as session:
        create_plan(session, PlanInput(title="会议交办事项"))
    assert plan_count(window.database) == before + 1
    window.data_actions.dialog = None
    window.data_actions.restore(target, ask=False)
    assert "已从" in info_text(window, qtbot)
    wait_loaded(qtbot, window)
    assert plan_count(window.database) == before
    assert window.ledger_lock is not None and window.ledger_lock.held
    assert list((db_path.parent / "backups").glob("*")), "the replaced ledger was not kept"
    window.ledger_lock.release()


def test_a_damaged_backup_is_refused_and_nothing_changes(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    bad = tmp_path / "坏的.zip"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    before = plan_count(window.database)
    window.data_actions.restore(bad, ask=False)
    assert plan_count(window.database) == before


def test_check_reports_a_sound_ledger(window: MainWindow, qtbot: QtBot) -> None:
    window.data_actions.check()
    assert "台账完好" in info_text(window, qtbot)


def test_second_copy_is_told_plainly(db_path: Path, database: Database) -> None:
    first = take_ledger(str(db_path))
    try:
        with pytest.raises(LedgerInUse, match="已在另一个窗口中打开"):
            take_ledger(str(db_path))
    finally:
        assert first is not None
        first.release()
    again = take_ledger(str(db_path))
    assert again is not None
    again.release()


def test_daily_backup_once_a_day(seeded: Database, db_path: Path) -> None:
    first = daily_backup(seeded)
    assert first is not None and first.parent == db_path.parent / "backups"
    assert daily_backup(seeded) is None


def test_daily_backup_runs_behind_the_shown_window(
    window: MainWindow, qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window is up first; the backup (seconds on a big ledger) runs on a worker thread."""
    import threading

    import ui.app

    threads: list[str] = []
    real = ui.app.auto_backup_if_due

    def watched(*args: Any, **kwargs: Any) -> Path | None:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(ui.app, "auto_backup_if_due", watched)
    worker = start_daily_backup(window, window.database)
    assert window.statusBar().currentMessage() == "正在自动备份台账…"
    qtbot.waitUntil(lambda: not worker.busy, timeout=20_000)
    assert threads and threads[0] != threading.main_thread().name
    [made] = (db_path.parent / "backups").glob("auto-*.zip")
    assert window.statusBar().currentMessage() == f"已自动备份台账：{made}"
    second = start_daily_backup(window, window.database)  # the same day: nothing to do
    qtbot.waitUntil(lambda: not second.busy, timeout=20_000)
    assert window.statusBar().currentMessage() == ""


def test_whole_ledger_history_filters_and_is_exported(
    window: MainWindow, qtbot: QtBot, qtmodeltester, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import json

    from tracker.export.json_export import export_document
    from tracker.services.progress import ProgressInput, record_update

    with window.database.unit_of_work() as session:
        task_id = session.scalar(select(m.Task.id).order_by(m.Task.id))
        record_update(
            session,
            task_id,
            ProgressInput(period="2023Q2", status="in_progress", progress="已开工"),
            actor="李主任",
        )
    window.data_actions.history_action.trigger()
    dialog = window.data_actions.dialog
    qtmodeltester.check(dialog.proxy)  # type: ignore[union-attr]
    total = dialog.model.rowCount()  # type: ignore[union-attr]
    assert total == 6  # five built-in plans loaded, one progress record
    dialog.search.setText("李主任")  # type: ignore[union-attr]  # keyClicks takes ASCII only
    assert dialog.proxy.rowCount() == 1  # type: ignore[union-attr]
    assert "推进中" in dialog.proxy.index(0, 7).data()  # type: ignore[union-attr]
    dialog.close()
    with window.database.reading() as session:
        document = json.loads(json.dumps(export_document(session), ensure_ascii=False))
    assert [h["actor"] for h in document["history"]][-1] == "李主任"
    assert document["history"][0]["action"] == "create" and document["history"][0]["entity"] == "plan"


def test_overview_shows_plan_indicators_with_contradictions_marked(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    page = window.overview_page
    window.center.setCurrentWidget(page)  # filled when first shown
    qtmodeltester.check(page.metric_model)
    rows = page.metric_model.records()
    wenzhou = [r for r in rows if r.plan == "温州八大抓手" and r.source == "九大重点科技创新指标"]
    assert len(wenzhou) == 9
    assert wenzhou[0].targets.startswith("2022年：2.6；2023年：2.7")
    yongjia = [r for r in rows if r.plan == "永嘉科技“十四五”规划" and r.conflicts]
    assert len(yongjia) >= 10  # six contradicted indicators, each printed in two places or more
    index = page.metric_model.index(rows.index(yongjia[0]), 1)
    assert index.data().startswith("⚠") and "不一致" in index.data(Qt.ItemDataRole.ToolTipRole)
