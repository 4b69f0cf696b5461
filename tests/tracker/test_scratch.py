"""Temporary copies of the ledger are cleaned up, also after a kill (at the next start)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tracker.db.engine import Database
from tracker.ledger import open_database
from tracker.services.backup import create_backup
from tracker.services.scratch import BACKUP_PREFIX, clean_abandoned, scratch_folder

ROOT = Path(__file__).resolve().parents[2]

# A backup killed while its copy of the ledger sits in the temporary folder.
KILLED_BACKUP = """
import sys
from pathlib import Path
from tracker.services import backup
from tracker.ledger import open_database

real = backup._describe
def slow(connection):
    print("copied", flush=True)
    import time; time.sleep(60)
    return real(connection)
backup._describe = slow
database, _ = open_database(sys.argv[1])
backup.create_backup(database, Path(sys.argv[2]))
"""


@pytest.fixture
def temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system temporary folder, for this test alone (and for its child processes)."""
    folder = tmp_path / "临时 文件"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setenv("TEMP", str(folder))
    monkeypatch.setenv("TMP", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_killed_backup_leaves_a_copy_that_the_next_start_removes(
    seeded: Database, db_path: Path, temp_folder: Path, tmp_path: Path
) -> None:
    seeded.dispose()
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_BACKUP, str(db_path), str(tmp_path / "b.zip")],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "copied"
    left = [p for p in temp_folder.iterdir() if p.name.startswith(BACKUP_PREFIX)]
    assert len(left) == 1 and (left[0] / "ledger.sqlite3").stat().st_size > 100_000
    assert clean_abandoned(db_path) == []  # its owner still runs: not touched
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert left[0].exists()  # a kill cannot clean up
    database, _ = open_database(str(db_path))  # the next start does
    database.dispose()
    assert not left[0].exists()
    assert not (tmp_path / "b.zip").exists()


def test_a_backup_in_progress_is_never_removed_and_a_finished_one_leaves_nothing(
    seeded: Database, db_path: Path, temp_folder: Path, tmp_path: Path
) -> None:
    with scratch_folder(BACKUP_PREFIX) as busy:
        (busy / "copy").write_bytes(b"x")
        assert clean_abandoned(db_path) == []
        assert busy.exists()
    assert not busy.exists()
    create_backup(seeded, tmp_path / "a.zip")
    assert list(temp_folder.iterdir()) == []


def test_an_abandoned_restore_beside_the_ledger_is_removed(db_path: Path, temp_folder: Path) -> None:
    database, _ = open_database(str(db_path))
    database.dispose()
    stale = db_path.parent / ".restore-abc123"
    stale.mkdir()
    (stale / "restored.sqlite3").write_bytes(b"half a ledger")
    (stale / "owner.lock").write_text("", "utf-8")  # its owner is gone: nobody holds the lock
    unrelated = db_path.parent / "我的文件夹"
    unrelated.mkdir()
    assert clean_abandoned(db_path) == [stale]
    assert not stale.exists() and unrelated.exists()
