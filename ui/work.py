"""Slow work off the GUI thread, with a progress dialog: the window keeps answering.

`ProgressJob` runs one callable in Qt's thread pool (through `ui.common.Background`) and
shows a progress dialog once the work takes longer than a moment. The callable gets a
`report(done, total, text)` function: it moves the bar and, once the officer pressed
取消, raises `Cancelled` so the work stops at its next step (output written through
`atomic_write` then leaves no half file). Results and errors come back on the GUI thread;
none comes back to a window or dialog that was deleted or `abandon`ed meanwhile (`stop`
cancels too, but still delivers: a save may have been committed just before).
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from tracker import APP_NAME
from tracker.errors import TrackerError
from ui.common import Background

SHOW_AFTER_MS = 400  # quicker work finishes without a dialog flashing up
STEPS = 1000

_OS_REASONS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EACCES: "没有写入权限，或文件正被其他程序占用",
    errno.EPERM: "没有写入权限，或文件正被其他程序占用",
    errno.EROFS: "目标位置只读",
    errno.EFBIG: "文件超过目标磁盘允许的大小",
}


def describe(error: BaseException) -> str:
    """Why work failed, in words an officer can act on (disk full, locked file, bad input)."""
    if isinstance(error, TrackerError):
        return str(error)
    if isinstance(error, OSError):
        known = _OS_REASONS.get(error.errno or 0)
        detail = error.strerror or str(error)
        where = f"：{error.filename}" if error.filename else ""
        return (f"{known}（{detail}）" if known else detail) + where
    return f"程序出错：{error!r}"


class Cancelled(Exception):
    """The officer pressed 取消; the work stopped at its next step."""


class _Expected:
    """An error the work ended with on purpose, passed back as a result (not logged)."""

    def __init__(self, error: Exception) -> None:
        self.error = error


Report = Callable[..., None]  # report(done: int, total: int, text: str = "")


class ProgressJob(QObject):
    """One piece of work in a worker thread, its progress dialog, and its outcome."""

    _step = Signal(int, str)  # bar position (0..STEPS), new label ("" keeps it); from the worker

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[Report], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        super().__init__()
        self.parent_widget = parent
        self.cancelled = False
        self.abandoned = False
        self.closed = False
        self.busy = QProgressDialog(label, "取消", 0, STEPS, parent)
        self.busy.setObjectName("progressJob")
        self.busy.setWindowTitle(APP_NAME)
        self.busy.setMinimumDuration(SHOW_AFTER_MS)
        self.busy.setAutoClose(False)
        self.busy.setAutoReset(False)
        self.busy.canceled.connect(self.cancel)
        self._step.connect(self._show_step)
        self._done, self._failed = done, failed
        self.worker = Background(self._finished, self._error)
        self.worker.submit(lambda: self._run(work))

    def _run(self, work: Callable[[Report], Any]) -> Any:
        """In the worker: a cancel or a bad input is an answer, not a fault for the error log."""
        try:
            return work(self.report)
        except (Cancelled, TrackerError) as expected:
            return _Expected(expected)

    def report(self, done: int, total: int, text: str = "") -> None:
        """Called by the work (in the worker): move the bar; stop here when cancelled."""
        if self.cancelled:
            raise Cancelled
        self._step.emit(min(STEPS, done * STEPS // total) if total > 0 else 0, text)

    def cancel(self) -> None:
        self.cancelled = True

    def stop(self) -> None:
        """The owner gave up waiting (its dialog closed): stop the work at its next step and
        close the progress dialog, but still deliver the outcome (the work may have finished)."""
        self.cancelled = True
        self._close()

    def abandon(self) -> None:
        """The owner is closing: stop the work at its next step and deliver nothing."""
        self.cancelled = self.abandoned = True
        self._close()

    def _show_step(self, value: int, text: str) -> None:
        if self.cancelled or self.closed or not shiboken6.isValid(self.busy):
            return
        if text:
            self.busy.setLabelText(text)
        self.busy.setValue(value)

    def _close(self) -> None:
        if not self.closed and shiboken6.isValid(self.busy):
            self.closed = True
            self.busy.canceled.disconnect(self.cancel)
            self.busy.hide()
            self.busy.deleteLater()

    def _deliver(self) -> bool:
        self._close()
        return not self.abandoned and shiboken6.isValid(self.parent_widget)

    def _finished(self, result: object) -> None:
        if isinstance(result, _Expected):
            self._error(result.error)
        elif self._deliver():
            self._done(result)

    def _error(self, error: BaseException) -> None:
        if self._deliver():
            self._failed(error)

    def wait(self) -> None:
        """Block until the worker is done (tests; closing the program)."""
        self.worker.wait()
