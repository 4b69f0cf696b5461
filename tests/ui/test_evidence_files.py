"""Evidence 打开 / 另存为 through the real window: copies run off the GUI thread, atomically."""

from __future__ import annotations

import errno
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import wait_loaded
from tracker.db import models as m
from tracker.services import evidence
from ui.evidence_files import EvidenceFiles
from ui.main_window import MainWindow

NAME = "验收 报告（终稿）.pdf"  # Chinese and a space, as officers name files
CONTENT = b"%PDF-1.4 " + bytes(range(256)) * (4096 * 20)  # 20 MB: many chunks


@pytest.fixture
def attached(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> int:
    """A large evidence file on the first task, shown in the detail pane; its id."""
    source = tmp_path / "来源 文件" / NAME
    source.parent.mkdir()
    source.write_bytes(CONTENT)
    task_id = window.snapshot.rows[0].id  # type: ignore[union-attr]
    with window.database.unit_of_work() as session:
        task = session.get(m.Task, task_id)
        assert task is not None
        evidence_id = evidence.attach(session, task, source).id
    window.reload(select_task=task_id)
    wait_loaded(qtbot, window)
    assert [e.id for e in window.detail.evidence_model.records()] == [evidence_id]
    return evidence_id


class Gate:
    """Holds the worker's copy until the test opens it, and notes which thread copied."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened = threading.Event()
        self.threads: list[threading.Thread] = []
        real = evidence.save_copy

        def save_copy(session: Any, evidence_id: int, target: Path, progress: Any = None) -> Path:
            self.threads.append(threading.current_thread())
            assert self.opened.wait(10), "the test never let the copy go on"
            return real(session, evidence_id, target, progress)

        monkeypatch.setattr(evidence, "save_copy", save_copy)


def error_texts(window: MainWindow) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox, "errorBox") if box.isVisible()]


def no_part_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".part")]


def test_save_as_runs_in_the_background(
    window: MainWindow, attached: int, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate(monkeypatch)
    files = EvidenceFiles.of(window)
    target = tmp_path / "另存 目录" / NAME
    target.parent.mkdir()
    assert window.actions_.save_evidence_to(attached, target)  # returns at once
    qtbot.waitUntil(lambda: bool(gate.threads))
    # the copy is under way in a worker; the GUI thread goes on serving the window
    assert gate.threads[0] is not threading.main_thread()
    assert not target.exists() and target in files.jobs
    window.search.setText("孵化")
    window.apply_search()
    assert window.proxy.rowCount() < window.table_model.rowCount()
    with qtbot.waitSignal(files.saved, timeout=20_000) as saved:
        gate.opened.set()
    assert saved.args == [attached, str(target)]
    assert target.read_bytes() == CONTENT
    assert no_part_files(target.parent) and not files.jobs
    assert str(target) in window.statusBar().currentMessage()


def test_open_copies_to_the_cache_and_hands_it_to_the_viewer(
    window: MainWindow, attached: int, qtbot: QtBot, isolated_home: Path
) -> None:
    class Viewer(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[QUrl] = []

        @Slot(QUrl)
        def show(self, url: QUrl) -> None:
            self.urls.append(url)

    viewer = Viewer()
    QDesktopServices.setUrlHandler("file", viewer, "show")
    try:
        files = EvidenceFiles.of(window)
        tabs = window.detail.tabs
        tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i).startswith("佐证材料")))
        window.detail.evidence_table.selectRow(0)
        button = window.detail.findChild(QPushButton, "openEvidence")
        with qtbot.waitSignal(files.opened, timeout=20_000) as opened:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        copy = Path(opened.args[1])
        assert copy == isolated_home / "cache" / "evidence" / str(attached) / NAME
        assert copy.read_bytes() == CONTENT
        assert [Path(u.toLocalFile()) for u in viewer.urls] == [copy]
        # opened again: the cached copy is the same content, so it is shown as it is
        with qtbot.waitSignal(files.opened, timeout=20_000):
            window.actions_.open_evidence(attached)
        assert len(viewer.urls) == 2 and copy.read_bytes() == CONTENT
    finally:
        QDesktopServices.unsetUrlHandler("file")


def test_a_missing_folder_is_named_in_the_error(
    window: MainWindow, attached: int, tmp_path: Path, qtbot: QtBot
) -> None:
    files = EvidenceFiles.of(window)
    target = tmp_path / "不存在的 文件夹" / NAME
    with qtbot.waitSignal(files.failed, timeout=20_000) as failed:
        window.actions_.save_evidence_to(attached, target)
    [text] = error_texts(window)
    assert failed.args[1] == text
    assert NAME in text and str(target.parent) in text and "不存在" in text
    assert not target.parent.exists()


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], int]]:
    """The disk fills after 3 MB of any `.part` file (the file system refuses the write)."""
    real_open = Path.open
    written = [0]

    class FullDisk:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def write(self, data: bytes) -> int:
            if written[0] + len(data) > 3 * 1024 * 1024:
                raise OSError(errno.ENOSPC, "No space left on device")
            written[0] += len(data)
            return int(self.handle.write(data))

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

    def fake_open(path: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(path, mode, *args, **kwargs)
        return FullDisk(handle) if path.name.endswith(".part") and "w" in mode else handle

    monkeypatch.setattr(Path, "open", fake_open)
    yield lambda: written[0]


def test_a_full_disk_leaves_no_half_file(
    window: MainWindow, attached: int, tmp_path: Path, qtbot: QtBot, full_disk: Callable[[], int]
) -> None:
    files = EvidenceFiles.of(window)
    target = tmp_path / "U盘 备份" / NAME
    target.parent.mkdir()
    with qtbot.waitSignal(files.failed, timeout=20_000):
        window.actions_.save_evidence_to(attached, target)
    assert full_disk() > 0  # the copy had begun
    [text] = error_texts(window)
    assert NAME in text and str(target.parent) in text and "磁盘空间不足" in text
    assert list(target.parent.iterdir()) == []  # neither the file nor a half of it


def test_cancel_stops_the_copy_and_leaves_nothing(
    window: MainWindow, attached: int, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate(monkeypatch)
    files = EvidenceFiles.of(window)
    target = tmp_path / "另存" / NAME
    target.parent.mkdir()
    window.actions_.save_evidence_to(attached, target)
    qtbot.waitUntil(lambda: bool(gate.threads))
    busy = files.jobs[target].busy
    qtbot.waitUntil(busy.isVisible)  # a copy that takes a while shows its progress
    [cancel] = [b for b in busy.findChildren(QPushButton) if b.text() == "取消"]
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(files.failed, timeout=20_000) as failed:
        gate.opened.set()
    assert failed.args == [attached, ""]
    assert error_texts(window) == [] and window.statusBar().currentMessage() == "已取消"
    assert list(target.parent.iterdir()) == []
