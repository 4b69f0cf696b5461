"""Small things every part of the window uses: non-blocking messages, background work."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from tracker import APP_NAME
from tracker.errors import for_officer

log = logging.getLogger("ui.common")


def show_error(parent: QWidget | None, text: str, title: str = "无法完成") -> QMessageBox:
    """A warning box opened with `open()`, so nothing blocks (tests accept it).

    The officer reads Chinese only: English tags are dropped here and kept in the log.
    """
    log.info("shown to the officer: %s", text)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        f"{APP_NAME} — {title}",
        for_officer(text),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("errorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def confirm(parent: QWidget | None, text: str, on_yes: Callable[[], None], detail: str = "") -> QMessageBox:
    """Ask first (是 / 否), without blocking; `on_yes` runs only when the officer says yes."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        APP_NAME,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName("confirmBox")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    if detail:
        box.setInformativeText(detail)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(result: int) -> None:
        if result == QMessageBox.StandardButton.Yes:
            on_yes()

    box.finished.connect(finished)
    box.open()
    return box


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, ticket: int, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.ticket = ticket
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:  # reported to the GUI thread, which decides
            log.exception("background job failed")
            self.signals.failed.emit(self.ticket, exc)
        else:
            self.signals.done.emit(self.ticket, result)


class Background(QObject):
    """Runs one kind of read off the GUI thread; only the newest request's result is delivered."""

    def __init__(self, on_done: Callable[[Any], None], on_failed: Callable[[BaseException], None]) -> None:
        super().__init__()
        self._signals = _Signals()
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed)
        self._on_done = on_done
        self._on_failed = on_failed
        self._ticket = 0
        self._pending = 0
        self.pool = QThreadPool.globalInstance()

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def submit(self, work: Callable[[], Any]) -> None:
        self._ticket += 1
        self._pending += 1
        self.pool.start(_Job(self._ticket, work, self._signals))

    def _done(self, ticket: int, result: object) -> None:
        self._pending -= 1
        if ticket == self._ticket:
            self._on_done(result)

    def _failed(self, ticket: int, error: object) -> None:
        self._pending -= 1
        if ticket == self._ticket and isinstance(error, BaseException):
            self._on_failed(error)

    def wait(self) -> None:
        self.pool.waitForDone()
