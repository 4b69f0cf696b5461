"""Two copies on one SQLite ledger: no corruption, no lost update, a plain word to the second window."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from tracker.cli import main
from tracker.db import models as m
from tracker.db.engine import Database
from tracker.errors import EditConflict, LedgerInUse
from tracker.ledger import open_database
from tracker.ledger_lock import LedgerLock, is_locked
from tracker.services.backup import create_backup, restore_backup
from tracker.services.checks import run_checks

ROOT = Path(__file__).resolve().parents[2]
EDITS = 40

WRITER = r"""
import sys
from pathlib import Path
from sqlalchemy.orm.exc import StaleDataError
from tracker.db import models as m
from tracker.db.engine import Database, resolve_url
from tracker.services.progress import ProgressInput, record_update

db, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])  # a SQLite file or a server URL
database = Database(resolve_url(db))
print("ready", flush=True)
sys.stdin.readline()  # start together
conflicts = 0
for i in range(count):
    while True:
        try:
            with database.unit_of_work() as session:
                task = session.get(m.Task, 1)
                task.remarks = (task.remarks or "") + f"{tag}{i};"
            break
        except StaleDataError:
            conflicts += 1  # the other copy saved first: read again and redo the edit
    with database.unit_of_work() as session:
        record_update(session, 1, ProgressInput("2023Q2", "in_progress", f"{tag}{i}"))
print("conflicts", conflicts, flush=True)
"""

HOLDER = r"""
import sys, time
from pathlib import Path
from tracker.ledger_lock import LedgerLock
lock = LedgerLock(Path(sys.argv[1])).acquire()
print("ready", flush=True)
time.sleep(60)
"""


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.fixture
def one_task(database: Database) -> Database:
    with database.unit_of_work() as session:
        plan = m.Plan(title="并发测试")
        session.add(m.Task(plan=plan, code="1", title="任务"))
    return database


def two_writers_lose_nothing(database: Database, target: str) -> None:
    """Two processes each make EDITS versioned edits of task 1 and EDITS progress records."""
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, target, tag, str(EDITS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env(),
            text=True,
        )
        for tag in ("甲", "乙")
    ]
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    outputs = [writer.communicate(timeout=120) for writer in writers]
    for writer, (out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
        assert "conflicts" in out
    with database.reading() as session:
        task = session.get(m.Task, 1)
        assert task is not None
        tokens = set((task.remarks or "").rstrip(";").split(";"))
        assert tokens == {f"{tag}{i}" for tag in ("甲", "乙") for i in range(EDITS)}
        assert task.version == 1 + 2 * EDITS
        updates = session.scalar(select(func.count()).select_from(m.Update))
        assert updates == 2 * EDITS
    assert [f for f in run_checks(database) if f.fault] == []


def test_two_processes_writing_lose_nothing(one_task: Database, db_path: Path) -> None:
    two_writers_lose_nothing(one_task, str(db_path))


def test_two_processes_writing_lose_nothing_on_postgresql(pg_url: str) -> None:
    database, _ = open_database(pg_url)
    try:
        with database.unit_of_work() as session:
            session.add(m.Task(plan=m.Plan(title="并发测试"), code="1", title="任务"))
        two_writers_lose_nothing(database, pg_url)
    finally:
        database.dispose()


def test_conflicting_edit_raises_and_maps_to_a_clear_message(one_task: Database) -> None:
    with one_task.unit_of_work() as first:
        mine = first.get(m.Task, 1)
        assert mine is not None
        with one_task.unit_of_work() as other:
            theirs = other.get(m.Task, 1)
            assert theirs is not None
            theirs.title = "同事改的标题"
        mine.title = "我改的标题"
        with pytest.raises(StaleDataError):
            first.flush()
        first.rollback()
    with one_task.reading() as session:
        task = session.get(m.Task, 1)
        assert task is not None and task.title == "同事改的标题"
    assert "另一处" in str(EditConflict()) and "未保存" in str(EditConflict())


def test_cli_reports_an_edit_conflict_in_chinese(
    one_task: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real conflicting edit inside a command surfaces as one line, exit 1, no traceback."""
    import tracker.commands.check as check_command

    def conflicting_edit(database: Database) -> list[object]:
        with database.unit_of_work() as first:
            mine = first.get(m.Task, 1)
            with database.unit_of_work() as other:
                theirs = other.get(m.Task, 1)
                assert theirs is not None
                theirs.title = "别处先改"
            assert mine is not None
            mine.title = "后改"
        return []

    monkeypatch.setattr(check_command, "run_checks", conflicting_edit)
    assert main(["--db", str(db_path), "check"]) == 1
    err = capsys.readouterr().err
    assert "另一处" in err and "Traceback" not in err


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_second_window_is_told_who_holds_the_ledger(
    one_task: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)], stdout=subprocess.PIPE, env=env(), text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(LedgerInUse) as info:
            LedgerLock(db_path).acquire()
        message = str(info.value)
        assert str(holder.pid) in message and socket.gethostname() in message and "另一个窗口" in message
        owner = is_locked(db_path)
        assert owner is not None and owner.pid == holder.pid
        # The command line keeps working next to an open window ...
        one_task.dispose()
        assert main(["--db", str(db_path), "check"]) == 0
        # ... but a restore, which swaps the file, waits for the window to close.
        backup = tmp_path / "b.zip"
        create_backup(one_task, backup)
        with pytest.raises(LedgerInUse, match="请先关闭窗口"):
            restore_backup(str(db_path), backup)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    # A crashed window leaves its lock file, but not its lock.
    assert is_locked(db_path) is None
    with LedgerLock(db_path) as lock:
        assert lock.held
    assert is_locked(db_path) is None
