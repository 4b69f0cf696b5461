"""The 报送提醒 read runs behind the window; closing the window or ending the program while it
runs must end it cleanly: no result delivered to a closed window, and never PySide's “Signal
source has been deleted” from a job that outlived the Qt objects it reports to."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

import ui.cycle
from tests.ui.conftest import wait_loaded
from tracker.db.engine import Database
from ui.main_window import MainWindow

DELETED = "Signal source has been deleted"


def test_closing_the_window_while_the_due_read_runs_drops_it_quietly(
    qtbot: QtBot, seeded: Database, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    started, release = threading.Event(), threading.Event()
    real = ui.cycle._read_due

    def slow(database: Any) -> Any:
        started.set()
        release.wait(10)
        return real(database)

    monkeypatch.setattr(ui.cycle, "_read_due", slow)
    window = MainWindow(seeded)
    qtbot.addWidget(window)
    window.show()
    wait_loaded(qtbot, window)
    before = window.cycle.panel.text.text()
    delivered: list[bool] = []
    window.cycle.signals.loaded.connect(lambda: delivered.append(True))
    window.cycle.refresh_due()
    assert started.wait(10) and window.cycle.background.busy
    threading.Timer(0.3, release.set).start()  # the read ends while the window is closing
    window.close()
    assert not window.cycle.background.busy
    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(50)  # anything queued would be delivered now
    assert delivered == [] and window.cycle.panel.text.text() == before
    window.cycle.refresh_due()  # a closed window's panel starts no read
    assert not window.cycle.background.busy and window.cycle.background.settle(1)
    assert DELETED not in capfd.readouterr().err


SCRIPT = """
import sys, threading, time
from PySide6.QtWidgets import QApplication
from tracker.ledger import open_database
import ui.cycle
from ui.main_window import MainWindow

started = threading.Event()
real = ui.cycle._read_due
def slow(database):
    started.set()
    time.sleep(1.5)  # still reading when the script ends
    return real(database)
ui.cycle._read_due = slow
app = QApplication([])
database, _ = open_database(sys.argv[1])
window = MainWindow(database)
window.show()
window.cycle.refresh_due()
assert started.wait(10)
print("exiting while the job runs", flush=True)
"""


def test_a_script_that_ends_while_the_due_read_runs_prints_no_qt_error(
    seeded: Database, db_path: Path, tmp_path: Path
) -> None:
    seeded.dispose()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TRACKER_HOME": str(tmp_path)}
    began = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    assert "exiting while the job runs" in done.stdout
    assert DELETED not in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert time.monotonic() - began < 60
