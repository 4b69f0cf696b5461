"""打开 / 另存为 for 佐证材料: copy evidence out of the ledger off the GUI thread.

A 100 MB file takes seconds to copy out of the database, so each copy runs in a worker
thread with its own session (`ui.work.ProgressJob`) while a progress dialog with 取消
follows the bytes; the window keeps working. The copy goes through `evidence.save_copy`,
which writes with `atomic_write`: a failed or cancelled copy leaves no half file. 打开
copies into the per-user cache folder and hands the file to the system viewer; 另存为
writes where the officer chose. A failure names the file and says why (disk full, no
permission, locked).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMainWindow

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.errors import for_officer
from tracker.paths import evidence_cache_dir
from tracker.services import evidence
from ui.common import show_error
from ui.work import Cancelled, ProgressJob, Report, describe

log = logging.getLogger("ui.evidence")
CACHE_DAYS = 7  # copies opened longer ago than this are cleared from the cache folder


def prune_cache(folder: Path, days: int = CACHE_DAYS) -> None:
    """Clear copies opened more than `days` ago; one still open in a viewer is left alone."""
    limit = time.time() - days * 86400
    for entry in folder.iterdir():
        try:
            if entry.is_dir() and entry.stat().st_mtime < limit:
                shutil.rmtree(entry)
        except OSError:
            log.info("cache entry %s kept (in use?)", entry)


def _mark_used(folder: Path) -> None:
    """Touch a cache entry so `prune_cache` keeps what was opened recently."""
    try:
        os.utime(folder)
    except OSError:
        log.info("could not touch %s", folder)


def _same_file(path: Path, sha256: str, size: int) -> bool:
    """True when a cached copy already holds exactly this content (no need to write again)."""
    try:
        if not path.is_file() or path.stat().st_size != size:
            return False
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(evidence.CHUNK_BYTES):
                digest.update(chunk)
    except OSError:
        return False
    return digest.hexdigest() == sha256


def system_viewer(path: Path) -> bool:
    """Open a file with the program the system associates with it (Windows: by extension)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class EvidenceFiles(QObject):
    """打开 and 另存为 for one main window's evidence; copies run in the thread pool."""

    opened = Signal(int, str)  # evidence id, the copy handed to the system viewer
    saved = Signal(int, str)  # evidence id, the file written
    failed = Signal(int, str)  # evidence id, the message shown ("" when cancelled)

    def __init__(self, window: QMainWindow, database: Database) -> None:
        super().__init__(window)
        self.setObjectName("evidenceFiles")
        self.window = window
        self.database = database
        self.jobs: dict[Path, ProgressJob] = {}  # running copies by target: one at a time each
        self._pruned = False

    @classmethod
    def of(cls, window: QMainWindow) -> EvidenceFiles:
        """The window's one instance, made on first use."""
        found = window.findChild(QObject, "evidenceFiles")
        if isinstance(found, EvidenceFiles):
            return found
        database = getattr(window, "database", None)
        assert isinstance(database, Database)
        return cls(window, database)

    def _name(self, evidence_id: int) -> str | None:
        with self.database.reading() as session:
            item = session.get(m.Evidence, evidence_id)
            return item.filename if item else None

    def open(self, evidence_id: int, viewer: Callable[[Path], bool] = system_viewer) -> Path | None:
        """Copy the file to the cache folder, then show it with `viewer`; the copy's path, or None."""
        name = self._name(evidence_id)
        if name is None:
            show_error(self.window, f"佐证材料（编号 {evidence_id}）不存在", "无法打开")
            return None
        target = evidence_cache_dir() / str(evidence_id) / evidence.safe_filename(name)
        database = self.database

        prune = not self._pruned
        self._pruned = True

        def work(progress: Report) -> Path:
            if prune:  # once a session, in the worker: the folder may hold many files
                prune_cache(target.parent.parent)
            target.parent.mkdir(parents=True, exist_ok=True)
            with database.reading() as session:
                item = session.get(m.Evidence, evidence_id)
                if item is None or not _same_file(target, item.sha256, item.size):
                    evidence.save_copy(session, evidence_id, target, progress)
            _mark_used(target.parent)
            return target

        def done(path: Path) -> None:
            if not viewer(path):
                show_error(self.window, f"没有能打开此类文件的程序。文件已存到：\n{path}", "无法打开")
            self.opened.emit(evidence_id, str(path))

        failure = f"无法打开佐证材料“{name}”"
        self._start(evidence_id, target, f"正在取出佐证材料“{name}”…", work, done, failure)
        return target

    def save_to(self, evidence_id: int, target: Path) -> bool:
        """Start writing the file to `target`; False when it cannot start at all."""
        name = self._name(evidence_id)
        if name is None:
            show_error(self.window, f"佐证材料（编号 {evidence_id}）不存在", "未能保存")
            return False
        database = self.database

        def work(progress: Report) -> Path:
            with database.reading() as session:
                return evidence.save_copy(session, evidence_id, target, progress)

        def done(path: Path) -> None:
            self.window.statusBar().showMessage(f"已保存到 {path}", 5000)
            self.saved.emit(evidence_id, str(path))

        failure = f"未能把佐证材料“{name}”保存到\n{target}"
        return self._start(evidence_id, target, f"正在保存佐证材料“{name}”…", work, done, failure)

    def _start(
        self,
        evidence_id: int,
        target: Path,
        label: str,
        work: Callable[[Report], Path],
        done: Callable[[Path], None],
        failure: str,
    ) -> bool:
        if target in self.jobs:  # the same file is being written already (a double click)
            return True

        def finished(path: Path) -> None:
            self.jobs.pop(target, None)
            done(path)

        def failed(error: BaseException) -> None:
            self.jobs.pop(target, None)
            if isinstance(error, Cancelled):
                self.window.statusBar().showMessage("已取消", 5000)
                self.failed.emit(evidence_id, "")
                return
            message = for_officer(f"{failure}：\n{describe(error)}")  # as the box shows it
            show_error(self.window, message, "未能完成")
            self.failed.emit(evidence_id, message)

        self.jobs[target] = ProgressJob(self.window, label, work, finished, failed)
        return True

    def wait(self) -> None:
        """Block until every copy finished (for closing the window and for tests)."""
        for job in list(self.jobs.values()):
            job.wait()
