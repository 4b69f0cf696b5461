"""A child process the benchmarks start and time: the real window, or a bare Qt window.

    python -m bench.probe window LEDGER [--session]
    python -m bench.probe bare

Prints `ready` the moment the window is usable (its task table painted with rows; a big
ledger is still being read), then `complete` once every task is read and `max_gap_ms N`,
the longest the event loop went unanswered in between (`ui.start_probe`, the same lines
the program prints with TRACKER_START_PROBE=1, frozen or not), so the parent measures
start-up from process start as a user would. With `--session` it then filters, opens
tasks and exports JSON like an officer would before printing its peak memory
(`rss_mb N`); `bare` prints the peak of an empty Qt window, the floor.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM: counted from exec, unlike ru_maxrss,
    which on Linux carries over the peak of the parent that forked us)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _populated(window: object) -> bool:
    from PySide6.QtWidgets import QAbstractItemView, QWidget

    assert isinstance(window, QWidget)
    return any(
        view.model() is not None and view.model().rowCount() > 0
        for view in window.findChildren(QAbstractItemView)
    )


def wait_until_populated(window: object, timeout: float = 120) -> None:
    """Process events until the window's item views hold rows and the whole ledger is read
    (loading may run off-thread, or in steps between events)."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not _populated(window) or getattr(window, "loading", False):
        if time.monotonic() > deadline:
            raise SystemExit("window never showed any rows")
        QApplication.processEvents()
        time.sleep(0.002)


def run_window(ledger: str, session: bool) -> None:
    from tracker.commands.gui import begin_quick_check

    begin_quick_check(ledger)  # as the program's entry does, before Qt and the window import
    from PySide6.QtCore import QEventLoop, QTimer

    from ui.app import make_application, open_ledger_for_window
    from ui.main_window import MainWindow
    from ui.start_probe import StartProbe

    make_application([sys.argv[0]])
    database = open_ledger_for_window(ledger)
    window = MainWindow(database)
    loop = QEventLoop()
    probe = StartProbe(window, when_complete=loop.quit)
    window.show()
    QTimer.singleShot(120_000, loop.quit)
    loop.exec()
    if probe.complete_at is None:
        raise SystemExit("window never finished reading the ledger")
    if session:
        from bench import measurements

        with tempfile.TemporaryDirectory() as tmp:
            measurements.officer_session(window, database, Path(tmp))
    print(f"rss_mb {_peak_rss_mb():.1f}", flush=True)
    window.close()
    database.dispose()


def run_bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setCentralWidget(QTreeView())
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    print("ready", flush=True)
    print(f"rss_mb {_peak_rss_mb():.1f}", flush=True)


def main() -> None:
    if sys.argv[1:2] == ["bare"]:
        run_bare()
    else:
        run_window(sys.argv[2], "--session" in sys.argv[3:])


if __name__ == "__main__":
    main()
