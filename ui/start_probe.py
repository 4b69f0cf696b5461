"""Measuring start-up from inside the program: when the window is usable, when it is complete.

Off unless asked for (`TRACKER_START_PROBE=1`, or `bench.probe`), so the frozen build can be
timed the same way as the source: a parent starts the program, reads these lines from its
standard output and times them from the moment it started the process.

    ready            the task table has been painted with rows (the officer can read and click)
    complete         every task is read: counts, navigation and 总览 are final
    max_gap_ms N     the longest the event loop went unanswered between `ready` and `complete`

The gap is measured with a 2 ms timer: how late its ticks came is how long a key press or
click would have waited.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer

from ui.main_window import MainWindow

ENV = "TRACKER_START_PROBE"
TICK_MS = 2


def wanted() -> bool:
    """Whether this run was asked to report its start-up (the environment variable)."""
    return os.environ.get(ENV, "") == "1"


class StartProbe(QObject):
    """Watches a window from its first paint until it has read the whole ledger."""

    def __init__(
        self,
        window: MainWindow,
        out: TextIO | None = None,
        when_complete: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.out = out if out is not None else sys.stdout
        self.when_complete = when_complete
        self.ready_at: float | None = None
        self.complete_at: float | None = None
        self.max_gap = 0.0
        self._last_tick = 0.0
        self._painting = False
        self.viewport = window.table.viewport()
        self.viewport.installEventFilter(self)
        self.ticker = QTimer(self)
        self.ticker.setTimerType(Qt.TimerType.PreciseTimer)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self._tick)

    def _say(self, line: str) -> None:
        if self.out is not None:  # a windowed program on Windows has no standard output
            print(line, file=self.out, flush=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The first paint of the table with rows: painted through, then `ready`."""
        if (
            watched is self.viewport
            and event.type() == QEvent.Type.Paint
            and self.ready_at is None
            and not self._painting
            and self.window.proxy.rowCount() > 0
        ):
            self._painting = True
            try:
                QCoreApplication.sendEvent(watched, event)  # the table paints its rows now
            finally:
                self._painting = False
            self.ready_at = time.perf_counter()
            self._say("ready")
            self._last_tick = self.ready_at
            self.ticker.start()
            self._tick()
            return True
        return False

    def _tick(self) -> None:
        now = time.perf_counter()
        self.max_gap = max(self.max_gap, now - self._last_tick - TICK_MS / 1000)
        self._last_tick = now
        if self.window.loading:
            return
        self.ticker.stop()
        self.viewport.removeEventFilter(self)
        self.complete_at = now
        self._say("complete")
        self._say(f"max_gap_ms {max(0.0, self.max_gap) * 1000:.1f}")
        if self.when_complete is not None:
            self.when_complete()
