"""A damaged ledger at start: the window says so in a dialog and offers the newest good backup."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.tracker.test_damage import damage_task_page
from tracker.ledger import LedgerDamaged, open_database, seed_builtin_plans
from tracker.ledger_lock import LedgerLock
from tracker.services.backup import create_backup
from tracker.services.checks import run_checks
from ui.app import damaged_dialog, open_or_recover


@pytest.fixture
def damaged(db_path: Path) -> Path:
    database, _ = open_database(str(db_path))
    seed_builtin_plans(database)
    (db_path.parent / "backups").mkdir()
    create_backup(database, db_path.parent / "backups" / "auto-20261129-090000.zip")
    database.dispose()
    damage_task_page(db_path)
    return db_path


def test_the_dialog_names_the_damage_and_the_newest_good_backup(
    qtbot: QtBot, damaged: Path, tmp_path: Path
) -> None:
    with pytest.raises(LedgerDamaged) as info:
        open_database(str(damaged))
    box = damaged_dialog(info.value)
    qtbot.addWidget(box)
    box.open()
    assert box.text() == "台账数据库已损坏。"
    assert "auto-20261129-090000.zip" in box.informativeText() and str(damaged) in box.informativeText()
    assert "不再写入它" in box.informativeText()
    restore = box.findChild(QPushButton, "restoreButton")
    assert restore is not None and restore.text() == "从最新备份恢复"
    assert box.findChild(QPushButton, "quitButton") is not None
    assert "quick_check" in box.detailedText()
    box.grab().save(str(tmp_path / "damaged-dialog.png"))


def test_without_a_backup_only_quit_is_offered(qtbot: QtBot, db_path: Path) -> None:
    database, _ = open_database(str(db_path))
    seed_builtin_plans(database)
    database.dispose()
    damage_task_page(db_path)
    with pytest.raises(LedgerDamaged) as info:
        open_database(str(db_path))
    box = damaged_dialog(info.value)
    qtbot.addWidget(box)
    assert box.findChild(QPushButton, "restoreButton") is None
    assert "没有找到可用的备份文件" in box.informativeText()


def test_choosing_restore_replaces_the_damaged_file_and_opens(damaged: Path) -> None:
    lock = LedgerLock(damaged).acquire()
    asked: list[LedgerDamaged] = []
    try:
        database = open_or_recover(str(damaged), lock, lambda error: asked.append(error) or True)
        try:
            assert len(asked) == 1 and lock.held
            assert [f for f in run_checks(database) if f.fault] == []
        finally:
            database.dispose()
    finally:
        lock.release()
    kept = list((damaged.parent / "backups").glob("*before-restore*"))
    assert len(kept) == 1  # the damaged file is kept, not thrown away


def test_declining_changes_nothing(damaged: Path) -> None:
    before = damaged.read_bytes()
    with pytest.raises(LedgerDamaged):
        open_or_recover(str(damaged), None, lambda error: False)
    assert damaged.read_bytes() == before


def test_the_dialog_is_a_critical_message_box(qtbot: QtBot, damaged: Path) -> None:
    with pytest.raises(LedgerDamaged) as info:
        open_database(str(damaged))
    box = damaged_dialog(info.value)
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Critical
