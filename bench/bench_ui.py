"""Window responsiveness at scale: filter keystrokes and opening a task, at 20,000 tasks.

    QT_QPA_PLATFORM=offscreen python -m bench.bench_ui [--tasks 20000] [--db PATH]

Builds a synthetic ledger with bench/make_ledger.py (same shape as the other benchmarks),
opens the real main window on it and times, in milliseconds:
  load      reading every row, light, count and the overview (runs off the GUI thread)
  keystroke one search-box keystroke: filter the 20,000 rows in memory and repaint
  open      selecting a task: its detail, indicators, progress, evidence and history
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=20_000)
    parser.add_argument("--db", type=Path, help="an existing ledger to use instead")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tracker.db.engine import Database, sqlite_url
    from tracker.periods import parse_period
    from ui.app import make_application
    from ui.main_window import MainWindow, read_snapshot

    work = Path(tempfile.mkdtemp(prefix="bench-ui-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))
    path = args.db
    if path is None:
        from bench.make_ledger import make_ledger

        path = work / "ledger.sqlite3"
        started = time.perf_counter()
        make_ledger(path, args.tasks)
        print(f"ledger of {args.tasks} tasks made in {_ms(started) / 1000:.1f} s")
    app = make_application([])
    database = Database(sqlite_url(path))
    period = parse_period("2024H1")

    started = time.perf_counter()
    snapshot = read_snapshot(database, period)
    load = _ms(started)
    print(f"load (off the GUI thread): {load:.0f} ms for {len(snapshot.rows)} rows")

    QSettings().setValue("period/current", period.code)
    window = MainWindow(database)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    from bench.probe import wait_until_populated

    wait_until_populated(window)  # a big ledger is read in steps after the window shows

    keystrokes: list[float] = []
    for text in ("科", "科技", "科技创", "科技创新", "科技创新 推", "科技创新 推进", "", "孵", "孵化器", ""):
        started = time.perf_counter()
        window.search.setText(text)
        window.apply_search()  # the 120 ms typing pause is skipped: this is the work itself
        window.table.viewport().repaint()
        QApplication.processEvents()
        keystrokes.append(_ms(started))
    combos: list[float] = []
    for index in (1, 2, 3, 0):
        started = time.perf_counter()
        window.light_filter.setCurrentIndex(index)
        window.table.viewport().repaint()
        QApplication.processEvents()
        combos.append(_ms(started))
    print(f"keystroke filter: median {statistics.median(keystrokes):.0f} ms, max {max(keystrokes):.0f} ms")
    print(f"light filter:     median {statistics.median(combos):.0f} ms, max {max(combos):.0f} ms")

    ids = [row.id for row in snapshot.rows[:: max(1, len(snapshot.rows) // 25)]]
    opens: list[float] = []
    for task_id in ids:
        started = time.perf_counter()
        window.select_task(task_id)
        window.detail.repaint()
        QApplication.processEvents()
        opens.append(_ms(started))
    print(f"open a task:      median {statistics.median(opens):.0f} ms, max {max(opens):.0f} ms")
    window.close()
    database.dispose()
    return {
        "load_ms": load,
        "keystroke_median_ms": statistics.median(keystrokes),
        "keystroke_max_ms": max(keystrokes),
        "open_median_ms": statistics.median(opens),
        "open_max_ms": max(opens),
    }


if __name__ == "__main__":
    main()
