"""Small things every part of the window uses: non-blocking messages, background work, windows
that fit the screen."""

from __future__ import annotations

import atexit
import logging
import threading
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRect, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tracker import APP_NAME
from tracker.errors import for_officer

log = logging.getLogger("ui.common")

EXIT_GRACE_S = 5.0  # how long a program's exit waits for a background job to end


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


# Room left for the title bar and borders the window system adds around a window's own size.
FRAME_ALLOWANCE = QSize(16, 48)


def available_room(widget: QWidget | None) -> QRect:
    """The part of the widget's screen a window may use (without the taskbar)."""
    screen = widget.screen() if widget is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def screen_limit(widget: QWidget | None) -> QSize:
    """The largest size a window may have so that it, frame included, stays on the screen."""
    room = available_room(widget).size()
    return QSize(
        max(200, room.width() - FRAME_ALLOWANCE.width()), max(200, room.height() - FRAME_ALLOWANCE.height())
    )


def clamp_to_screen(window: QWidget) -> None:
    """Shrink a window that is larger than its screen (a laptop at 1024×640 included)."""
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return  # the window system sizes these to the screen itself
    limit = screen_limit(window)
    size = window.size()
    if size.width() > limit.width() or size.height() > limit.height():
        window.resize(min(size.width(), limit.width()), min(size.height(), limit.height()))


def _scroll_body(dialog: QDialog, limit: QSize) -> None:
    """Move what stands above the dialog's button row into a scroll area, so that the
    buttons (保存/取消/关闭) stay visible however tall the form is."""
    layout = dialog.layout()
    if layout is None or dialog.findChild(QScrollArea, "screenFitScroll") is not None:
        return
    items = [layout.itemAt(i) for i in range(layout.count())]
    buttons_at = next(
        (
            i
            for i, item in enumerate(items)
            if item is not None and isinstance(item.widget(), QDialogButtonBox)
        ),
        len(items),
    )
    if buttons_at == 0:
        return
    body = QWidget()
    body_layout = QVBoxLayout(body)
    body_layout.setContentsMargins(0, 0, 0, 0)
    for _ in range(buttons_at):
        item = layout.takeAt(0)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            body_layout.addWidget(widget)
        elif inner is not None:
            body_layout.addLayout(inner)
        else:
            body_layout.addItem(item)
    scroll = QScrollArea()
    scroll.setObjectName("screenFitScroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(body)
    # As wide as the form needs (no sideways scrolling) unless the screen itself is narrower.
    wanted = body.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
    scroll.setMinimumWidth(min(wanted, limit.width() - 40))
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(0, scroll, 1)
    else:  # pragma: no cover - every dialog here stacks its parts vertically
        layout.addWidget(scroll)


def fit_to_screen(dialog: QDialog) -> None:
    """Make a dialog fit the available screen: cap its size, and when its content needs more
    height than the screen has, let the content scroll above a button row that stays in view."""
    limit = screen_limit(dialog.parentWidget() or dialog)
    layout = dialog.layout()
    if layout is not None and layout.totalMinimumSize().height() > limit.height():
        _scroll_body(dialog, limit)
        layout.activate()
    clamp_to_screen(dialog)
    if dialog.height() > limit.height() or dialog.width() > limit.width():  # a minimum still too large
        dialog.setMinimumSize(0, 0)
        dialog.resize(min(dialog.width(), limit.width()), min(dialog.height(), limit.height()))


class ScreenFitDialog(QDialog):
    """A dialog that fits the screen it opens on (see `fit_to_screen`); every dialog is one."""

    def setVisible(self, visible: bool) -> None:
        # Before the show, so Qt centres the dialog with its fitted size.
        if visible and not self.isVisible():
            fit_to_screen(self)
        super().setVisible(visible)


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, ticket: int, work: Callable[[], Any], owner: Background) -> None:
        super().__init__()
        self.ticket = ticket
        self.work = work
        self.owner = owner

    def run(self) -> None:
        try:
            try:
                result = self.work()
            except BaseException as exc:  # reported to the GUI thread, which decides
                if not self.owner.closed:
                    log.exception("background job failed")
                self.owner._deliver(self.ticket, exc, failed=True)
            else:
                self.owner._deliver(self.ticket, result, failed=False)
        finally:
            self.owner._ended()


class Background(QObject):
    """Runs one kind of read off the GUI thread; only the newest request's result is delivered.

    `close` (the window closing, or the program exiting) ends delivery: a job still running
    then finishes without touching Qt, whose objects may be gone by the time it ends (“Signal
    source has been deleted”), and nothing new is started."""

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
        # Guards `closed` against a job's delivery: once close() returns, no job emits.
        self._lock = threading.Condition()
        self._running = 0  # jobs started and not yet ended (counted on the worker threads)
        self.closed = False
        _LIVE.add(self)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def submit(self, work: Callable[[], Any]) -> None:
        if self.closed:  # a closed window asks for nothing more
            return
        self._ticket += 1
        self._pending += 1
        with self._lock:
            self._running += 1
        self.pool.start(_Job(self._ticket, work, self))

    def _deliver(self, ticket: int, value: object, *, failed: bool) -> None:
        """On the worker thread: hand the result to the GUI thread, unless closed meanwhile."""
        with self._lock:
            if not self.closed:
                (self._signals.failed if failed else self._signals.done).emit(ticket, value)

    def _ended(self) -> None:
        with self._lock:
            self._running -= 1
            self._lock.notify_all()

    def _done(self, ticket: int, result: object) -> None:
        self._pending = max(0, self._pending - 1)  # after close() it was set to 0
        if ticket == self._ticket and not self.closed:
            self._on_done(result)

    def _failed(self, ticket: int, error: object) -> None:
        self._pending = max(0, self._pending - 1)  # after close() it was set to 0
        if ticket == self._ticket and isinstance(error, BaseException) and not self.closed:
            self._on_failed(error)

    def close(self) -> None:
        """Deliver nothing more and start nothing more; a running job ends on its own."""
        with self._lock:
            self.closed = True
        self._pending = 0

    def settle(self, timeout: float | None = None) -> bool:
        """Wait until this worker's own jobs have ended (not the whole pool's); False on timeout."""
        with self._lock:
            return self._lock.wait_for(lambda: self._running <= 0, timeout)

    def wait(self) -> None:
        self.pool.waitForDone()


_LIVE: weakref.WeakSet[Background] = weakref.WeakSet()


@atexit.register
def _close_all_at_exit() -> None:
    """A script that ends while a job runs: the job must not emit into Qt objects that Python's
    exit is tearing down. Close every worker, then give running jobs a moment to end."""
    workers = list(_LIVE)
    for worker in workers:
        worker.close()
    for worker in workers:
        worker.settle(EXIT_GRACE_S)
