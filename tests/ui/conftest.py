"""Fixtures for the window's tests: Qt settings in a temp folder, the real application setup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings
from pytestqt.qtbot import QtBot

import ui.common
from tracker.db.engine import Database
from ui.app import make_application
from ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def qt_settings(tmp_path: Path, qapp: object) -> Path:
    """QSettings go to an INI file per test, never to the officer's registry."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    make_application([])
    QSettings().clear()
    return folder


DESKTOP = QRect(0, 0, 1920, 1040)  # a 1920×1080 monitor less its taskbar


@pytest.fixture(autouse=True)
def desktop_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The offscreen platform's screen is 800×800; windows are tested on a desktop monitor
    unless a test sets a smaller screen (see test_small_screens.py)."""
    monkeypatch.setattr(ui.common, "available_room", lambda widget: QRect(DESKTOP))


def wait_loaded(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.loading and window.snapshot is not None, timeout=20_000)


@pytest.fixture
def window(qtbot: QtBot, seeded: Database) -> Iterator[MainWindow]:
    win = MainWindow(seeded)
    qtbot.addWidget(win)
    win.show()
    wait_loaded(qtbot, win)
    yield win
    win.background.wait()
