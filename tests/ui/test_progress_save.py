"""记录进展 with evidence saves in a worker thread: the window answers, 取消 and errors write nothing."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.ui.conftest import wait_loaded
from tracker.db import models as m
from tracker.db.engine import Database
from tracker.services import evidence
from ui.main_window import MainWindow
from ui.progress_dialog import ProgressDialog

NAME = "验收报告（终稿）.pdf"  # Chinese, as officers name files
SIZE = 30 * 1024 * 1024  # 30 MB: thirty chunks, a few tenths of a second to store
WAIT_MS = 20_000


@pytest.fixture
def proof(tmp_path: Path) -> Path:
    """30 MB of random bytes in a folder whose name has a space."""
    path = tmp_path / "佐证 材料" / NAME
    path.parent.mkdir()
    path.write_bytes(os.urandom(SIZE))
    return path


class Hold:
    """Wraps `evidence.store_file` in the worker: notes the thread and the window's clock, and,
    when asked, holds the work once the file's chunks are being written (flushed into the
    transaction, not committed) until the test lets it go."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, clock: Callable[[], int], hold: bool = True) -> None:
        self.reached = threading.Event()
        self.go = threading.Event()
        self.threads: list[threading.Thread] = []
        self.chunks_in_transaction = 0
        self.ticks: list[int] = []  # the clock when writing went on, and when it was done
        real = evidence.store_file

        def store_file(
            session: Any, path: Path, limit: int = evidence.MAX_EVIDENCE_BYTES, progress: Any = None
        ) -> Any:
            self.threads.append(threading.current_thread())

            def follow(done: int, total: int) -> None:
                if done > total // 2 and not self.reached.is_set():  # the first chunk written
                    self.chunks_in_transaction = count(session, m.BlobChunk)
                    self.reached.set()
                    if hold:
                        assert self.go.wait(WAIT_MS / 1000), "the test never let the save go on"
                    self.ticks.append(clock())
                if progress is not None:
                    progress(done, total)

            blob = real(session, path, limit, follow)
            self.ticks.append(clock())
            return blob

        monkeypatch.setattr(evidence, "store_file", store_file)

    def release(self) -> None:
        self.go.set()


class Clock:
    """A 5 ms timer on the GUI thread: its count moves only while the GUI thread is free."""

    def __init__(self) -> None:
        self.count = 0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        self.count += 1


@pytest.fixture
def clock() -> Iterator[Clock]:
    ticking = Clock()
    yield ticking
    ticking.timer.stop()


def count(session: Any, table: Any, *where: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(table).where(*where)))


def ledger_counts(database: Database, task_id: int) -> dict[str, int]:
    with database.reading() as session:
        return {
            "updates": count(session, m.Update, m.Update.task_id == task_id),
            "evidence": count(session, m.Evidence, m.Evidence.task_id == task_id),
            "blobs": count(session, m.Blob),
            "chunks": count(session, m.BlobChunk),
            "history": count(session, m.AuditEntry, m.AuditEntry.task_id == task_id),
        }


def record_dialog(
    window: MainWindow, files: list[Path], text: str = "已通过验收，报告见附件"
) -> ProgressDialog:
    task_id = window.snapshot.rows[2].id  # type: ignore[union-attr]
    assert window.select_task(task_id)
    dialog = window.actions_.record_current()
    assert isinstance(dialog, ProgressDialog) and dialog.isVisible()
    assert dialog.add_files(files) == []
    dialog.progress.setPlainText(text)
    return dialog


def save_button(dialog: ProgressDialog) -> QPushButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def click_save(qtbot: QtBot, dialog: ProgressDialog) -> None:
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)


def error_texts(dialog: ProgressDialog) -> list[str]:
    return [box.text() for box in dialog.findChildren(QMessageBox, "errorBox") if box.isVisible()]


def start_held_save(
    window: MainWindow, proof: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> tuple[Hold, ProgressDialog, int, dict[str, int]]:
    """Open 记录进展 with the big file, click 保存 and wait until the worker holds mid-save:
    (the hold, the dialog, the task, the ledger's counts before)."""
    hold = Hold(monkeypatch, lambda: clock.count)
    dialog = record_dialog(window, [proof])
    task_id = window.current_task_id()
    assert task_id is not None
    before = ledger_counts(window.database, task_id)
    click_save(qtbot, dialog)
    qtbot.waitUntil(hold.reached.is_set, timeout=WAIT_MS)
    return hold, dialog, task_id, before


def test_a_big_save_runs_in_a_worker_while_the_window_answers(
    window: MainWindow, proof: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    hold, dialog, task_id, before = start_held_save(window, proof, qtbot, monkeypatch, clock)
    assert hold.threads == [hold.threads[0]] and hold.threads[0] is not threading.main_thread()
    # the click has returned: the dialog waits, greyed, its 保存 off; the window answers
    assert dialog.isVisible() and dialog.saving
    assert not save_button(dialog).isEnabled() and not dialog.content.isEnabled()
    assert dialog.progress.toPlainText() == "已通过验收，报告见附件"
    window.search.setText("孵化")
    window.apply_search()
    assert window.proxy.rowCount() < window.table_model.rowCount()
    window.search.clear()
    window.apply_search()
    assert dialog.job is not None
    busy = dialog.job.busy
    qtbot.waitUntil(busy.isVisible, timeout=WAIT_MS)  # a save that takes a while shows its progress
    assert "1 个佐证材料（共 30.0 MB）" in busy.labelText()
    qtbot.waitUntil(lambda: busy.value() == 500, timeout=WAIT_MS)  # hashed; writing begins
    hold.release()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    # while 30 chunks went into the ledger, the GUI thread went on with its timer
    resumed, stored = hold.ticks
    assert stored - resumed >= 3, hold.ticks
    wait_loaded(qtbot, window)
    after = ledger_counts(window.database, task_id)
    assert after["updates"] == before["updates"] + 1 and after["evidence"] == before["evidence"] + 1
    assert after["chunks"] == before["chunks"] + SIZE // evidence.CHUNK_BYTES
    assert window.current_task_id() == task_id
    assert [e.filename for e in window.detail.evidence_model.records()] == [NAME]
    assert window.detail.update_model.records()[0].progress == "已通过验收，报告见附件"
    with window.database.reading() as session:
        [item] = session.scalars(select(m.Evidence).where(m.Evidence.task_id == task_id)).all()
        assert b"".join(evidence.read_content(session, item.sha256)) == proof.read_bytes()


def test_cancel_during_a_big_save_writes_nothing_and_keeps_the_input(
    window: MainWindow, proof: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    hold, dialog, task_id, before = start_held_save(window, proof, qtbot, monkeypatch, clock)
    assert hold.chunks_in_transaction == before["chunks"] + 1  # written, not yet committed
    assert dialog.job is not None
    busy = dialog.job.busy
    qtbot.waitUntil(busy.isVisible, timeout=WAIT_MS)
    [cancel] = [b for b in busy.findChildren(QPushButton) if b.text() == "取消"]
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    hold.release()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=WAIT_MS)
    # nothing of the record stays: no update, no evidence, no blob, no chunk, no history
    assert ledger_counts(window.database, task_id) == before
    assert dialog.isVisible() and error_texts(dialog) == []
    assert not shiboken6.isValid(busy) or not busy.isVisible()
    assert dialog.note.isVisible() and "已取消保存" in dialog.note.text()
    assert save_button(dialog).isEnabled() and dialog.content.isEnabled()
    assert dialog.progress.toPlainText() == "已通过验收，报告见附件" and dialog.files == [proof]
    # the same input saved again goes through
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    wait_loaded(qtbot, window)
    after = ledger_counts(window.database, task_id)
    assert (after["updates"], after["evidence"]) == (before["updates"] + 1, before["evidence"] + 1)
    assert [e.filename for e in window.detail.evidence_model.records()] == [NAME]


def test_closing_the_dialog_during_a_save_stops_it(
    window: MainWindow, proof: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    hold, dialog, task_id, before = start_held_save(window, proof, qtbot, monkeypatch, clock)
    job = dialog.job
    assert job is not None
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and job.cancelled and job.closed  # its progress went with it
    hold.release()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=WAIT_MS)
    assert ledger_counts(window.database, task_id) == before
    assert not dialog.isVisible() and error_texts(dialog) == []
    assert window.isVisible() and not window.loading


@pytest.mark.parametrize("trouble", ["deleted", "grown past the limit"])
def test_an_error_keeps_the_dialog_open_naming_the_file(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, trouble: str
) -> None:
    folder = tmp_path / "佐证 材料"
    folder.mkdir()
    bad, good = folder / "现场 照片.zip", folder / "会议纪要.docx"
    bad.write_bytes(b"PK zip")
    good.write_bytes(b"minutes")
    dialog = record_dialog(window, [bad])
    task_id = window.current_task_id()
    assert task_id is not None
    before = ledger_counts(window.database, task_id)
    if trouble == "deleted":
        bad.unlink()
    else:
        os.truncate(bad, evidence.MAX_EVIDENCE_BYTES + 1)  # sparse: instant, takes no disk
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(error_texts(dialog)), timeout=WAIT_MS)
    [text] = error_texts(dialog)
    assert bad.name in text and ("不存在" in text if trouble == "deleted" else "超过上限" in text)
    assert dialog.isVisible() and not dialog.saving and save_button(dialog).isEnabled()
    assert dialog.progress.toPlainText() == "已通过验收，报告见附件" and dialog.files == [bad]
    assert ledger_counts(window.database, task_id) == before
    for box in dialog.findChildren(QMessageBox, "errorBox"):
        box.accept()
    # the officer adds the right file, takes the bad one off, and saves
    assert dialog.add_files([good]) == []
    dialog.file_list.setCurrentIndex(dialog.file_model.index(0))
    qtbot.mouseClick(
        next(b for b in dialog.findChildren(QPushButton) if b.text().startswith("去掉所选")),
        Qt.MouseButton.LeftButton,
    )
    assert dialog.files == [good]
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    wait_loaded(qtbot, window)
    assert [e.filename for e in window.detail.evidence_model.records()] == [good.name]


def test_a_double_click_on_save_saves_once(
    window: MainWindow, proof: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    spy = Hold(monkeypatch, lambda: clock.count, hold=False)
    dialog = record_dialog(window, [proof])
    task_id = window.current_task_id()
    assert task_id is not None
    before = ledger_counts(window.database, task_id)
    qtbot.mouseDClick(save_button(dialog), Qt.MouseButton.LeftButton)
    dialog.buttons.accepted.emit()  # and Enter pressed on top of it
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    QThreadPool.globalInstance().waitForDone()
    wait_loaded(qtbot, window)
    after = ledger_counts(window.database, task_id)
    assert (after["updates"], after["evidence"]) == (before["updates"] + 1, before["evidence"] + 1)
    assert len(spy.threads) == 1


def test_a_quick_save_without_evidence_closes_the_dialog(window: MainWindow, qtbot: QtBot) -> None:
    dialog = record_dialog(window, [], "已召开推进会")
    task_id = window.current_task_id()
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    wait_loaded(qtbot, window)
    assert window.current_task_id() == task_id
    assert window.detail.update_model.records()[0].progress == "已召开推进会"
    assert dialog.job is None and not dialog.findChildren(QMessageBox)


def test_closing_the_window_during_a_save_finishes_it_whole(
    window: MainWindow, proof: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    hold, dialog, task_id, before = start_held_save(window, proof, qtbot, monkeypatch, clock)
    threading.Timer(0.3, hold.release).start()
    window.close()  # waits for the window's work in the thread pool, this save included
    assert dialog.saving  # its outcome not delivered yet
    after = ledger_counts(window.database, task_id)
    assert (after["updates"], after["evidence"]) == (before["updates"] + 1, before["evidence"] + 1)
    assert after["chunks"] == before["chunks"] + SIZE // evidence.CHUNK_BYTES
    qtbot.waitUntil(lambda: not dialog.saving, timeout=WAIT_MS)
    assert not dialog.isVisible() and not window.loading  # no refresh of a closed window


def test_a_dialog_deleted_during_a_save_gets_nothing(
    window: MainWindow, proof: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    hold = Hold(monkeypatch, lambda: clock.count)
    dialog = record_dialog(window, [proof])
    task_id = window.current_task_id()
    assert task_id is not None
    before = ledger_counts(window.database, task_id)
    reloads: list[object] = []
    monkeypatch.setattr(window, "reload", lambda *args, **kwargs: reloads.append(args or kwargs))
    click_save(qtbot, dialog)
    qtbot.waitUntil(hold.reached.is_set, timeout=WAIT_MS)
    job = dialog.job
    assert job is not None
    shiboken6.delete(dialog)  # its progress dialog goes with it
    assert not shiboken6.isValid(job.busy)
    hold.release()
    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(100)  # the outcome arrives, and is dropped: nothing is called on a deleted widget
    assert reloads == []
    after = ledger_counts(window.database, task_id)  # the save went on to the end: a whole record
    assert (after["updates"], after["evidence"]) == (before["updates"] + 1, before["evidence"] + 1)
    assert after["chunks"] == before["chunks"] + SIZE // evidence.CHUNK_BYTES
