"""Damage is caught: a damaged page, a 0-byte file, a file that is not a ledger.

`check` reports page damage as findings (exit 1, never a traceback); every other command
refuses a ledger that fails SQLite's quick check, changes nothing, and names the newest
backup that verifies. These are about the SQLite file itself (PostgreSQL keeps its own
page checksums), so they use `db_path`.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from tracker.cli import main
from tracker.db.engine import Database
from tracker.ledger import LedgerDamaged, open_database, seed_builtin_plans
from tracker.services.backup import create_backup

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "seed" / "000_yueqing.json"


def damage_task_page(path: Path) -> None:
    """Overwrite the middle of one leaf page of the task table, as a failing disk would."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # fold the WAL in: the damage is in the file
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    [page] = connection.execute(
        "SELECT pageno FROM dbstat WHERE name = 'task' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 1"
    ).fetchone()
    connection.close()
    data = bytearray(path.read_bytes())
    start = (page - 1) * page_size + page_size // 2
    data[start : start + 300] = b"\xff" * 300
    path.write_bytes(bytes(data))


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(db_path: Path) -> Path:
    """A seeded ledger with a good daily backup beside it, then a damaged task page."""
    database, _ = open_database(str(db_path))
    seed_builtin_plans(database)
    folder = db_path.parent / "backups"
    folder.mkdir()
    create_backup(database, folder / "auto-20261129-090000.zip")
    (folder / "auto-20261130-090000.zip").write_bytes(b"PK\x03\x04 truncated")  # newer, but no good
    database.dispose()
    damage_task_page(db_path)
    return db_path


def test_check_reports_page_damage_as_findings(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sha(damaged)
    assert main(["--db", str(damaged), "check"]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    assert "[错误] 数据库完整性：页面损坏" in captured.out
    assert "auto-20261129-090000.zip" in captured.out  # the way out, the newest that verifies
    assert sha(damaged) == before  # check wrote nothing, migrated nothing


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["export", "pdf", "--problems", "无", "--next-steps", "无"], id="export-pdf"),
        pytest.param(["export", "xlsx"], id="export-xlsx"),
        pytest.param(["export", "json"], id="export-json"),
        pytest.param(["import-plan", str(PLAN)], id="import-plan"),
        pytest.param(["backup"], id="backup"),
    ],
)
def test_writes_and_reports_refuse_a_damaged_ledger(
    damaged: Path, tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = sha(damaged)
    out = tmp_path / "out.file"
    args = [*command, "--out", str(out)] if command[0] in ("export", "backup") else command
    assert main(["--db", str(damaged), *args]) == 1
    err = capsys.readouterr().err
    assert "已损坏" in err and "auto-20261129-090000.zip" in err and "tracker restore" in err
    assert "Traceback" not in err
    assert not out.exists()
    assert sha(damaged) == before


def test_the_way_out_works(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(LedgerDamaged) as info:
        open_database(str(damaged))
    assert info.value.backup is not None
    assert main(["--db", str(damaged), "restore", str(info.value.backup)]) == 0
    capsys.readouterr()
    assert main(["--db", str(damaged), "check"]) == 0
    assert main(["--db", str(damaged), "export", "json", "--out", str(damaged.parent / "x.json")]) == 0


def test_without_a_backup_the_message_says_so(db_path: Path) -> None:
    database, _ = open_database(str(db_path))
    seed_builtin_plans(database)
    database.dispose()
    damage_task_page(db_path)
    with pytest.raises(LedgerDamaged, match="没有找到可用的备份文件"):
        open_database(str(db_path))


@pytest.mark.parametrize("command", [["check"], ["init"], ["export", "json", "--out", "x.json"]])
def test_a_zero_byte_file_is_not_a_healthy_ledger(
    db_path: Path, command: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(db_path.parent)
    db_path.write_bytes(b"")
    assert main(["--db", str(db_path), *command]) == 2
    captured = capsys.readouterr()
    assert "是空的（0 字节）" in captured.err and "未发现问题" not in captured.out
    assert db_path.stat().st_size == 0  # not turned into a new, empty ledger


def test_a_file_that_is_not_a_ledger_is_named_as_such(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(ROOT / "pyproject.toml", db_path)
    before = sha(db_path)
    for command in (["check"], ["init"]):
        assert main(["--db", str(db_path), *command]) == 2
        assert "不是 SQLite 文件" in capsys.readouterr().err
    assert sha(db_path) == before


def test_a_sound_ledger_opens_and_is_checked_clean(seeded: Database, db_path: Path) -> None:
    """The quick check runs at every open and finds nothing on a sound ledger; its cost is
    part of the start-up the benchmarks time (`bench.probe` runs it as the program does)."""
    from tracker.ledger import quick_check

    assert quick_check(seeded) == []


def test_the_way_out_works_when_sqlite_cannot_read_the_file_at_all(
    damaged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The header wiped after its magic: not even SQLite's backup API can copy it, so it is kept raw."""
    data = bytearray(damaged.read_bytes())
    data[16:4096] = b"\x00" * (4096 - 16)
    damaged.write_bytes(bytes(data))
    assert main(["--db", str(damaged), "check"]) == 1
    backup = damaged.parent / "backups" / "auto-20261129-090000.zip"
    assert main(["--db", str(damaged), "restore", str(backup)]) == 0
    [kept] = (damaged.parent / "backups").glob("*before-restore-damaged*")
    assert kept.read_bytes() == bytes(data)
    capsys.readouterr()
    assert main(["--db", str(damaged), "check"]) == 0
