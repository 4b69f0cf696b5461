"""Start the desktop program: Qt, Chinese, fonts, the ledger, the window, a crash dialog."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tracker import APP_ID, APP_NAME, __version__
from tracker.db.engine import Database, resolve_url, sqlite_path
from tracker.errors import TrackerError
from tracker.ledger import LedgerDamaged, open_database, seed_builtin_plans
from tracker.ledger_lock import LedgerLock
from tracker.logs import setup_logging
from tracker.paths import resources_dir, user_data_dir
from tracker.services.backup import auto_backup_if_due, auto_backup_keep
from tracker.services.restore import restore_backup
from ui import start_probe
from ui.common import Background
from ui.fonts import register_fonts
from ui.i18n import install_translations
from ui.main_window import MainWindow

log = logging.getLogger("ui.app")


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with organisation, Chinese translations and the shipped font."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName(APP_ID)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    install_translations(app)
    register_fonts(app)
    icon = resources_dir() / "icons" / "app.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def install_crash_dialog(log_path: str) -> None:
    """An uncaught error shows a dialog naming the log file instead of the window vanishing."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, error, tb))
        log.error("uncaught error\n%s", text)
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, "程序出现意外错误，已记录到日志。")
        box.setInformativeText(
            f"日志文件：{log_path}\n您的数据未受影响；如问题反复出现，请把日志发给维护人员。"
        )
        box.setDetailedText(text)
        box.exec()

    sys.excepthook = hook


def open_ledger_for_window(db: str | None) -> Database:
    database, result = open_database(db)
    if result.backup is not None:
        log.info("backed up before migration: %s", result.backup)
    plans = seed_builtin_plans(database)
    if plans:
        log.info("loaded %d built-in plans", len(plans))
    return database


def damaged_dialog(error: LedgerDamaged, parent: QWidget | None = None) -> QMessageBox:
    """The start-up dialog for a damaged ledger: what is wrong, and the way out."""
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, "台账数据库已损坏。", parent=parent)
    box.setObjectName("damagedBox")
    if error.backup is not None:
        stamp = datetime.fromtimestamp(error.backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        way_out = (
            f"最新的完好备份：{error.backup.name}（{stamp}）\n位置：{error.backup.parent}\n\n"
            "选择“从最新备份恢复”：当前的损坏文件先另存到 backups 文件夹，再用这份备份替换它；"
            "备份之后录入的内容需要重新录入。"
        )
        restore = box.addButton("从最新备份恢复", QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("restoreButton")
        box.setDefaultButton(restore)
    else:
        way_out = (
            "没有找到可用的备份文件。请找回最近的备份（.zip），用 tracker restore 恢复，或联系维护人员。"
        )
    box.setInformativeText(
        f"台账文件：{error.path}\n为免损坏扩大，本程序不再写入它，也不据它出报告。\n\n{way_out}"
    )
    box.setDetailedText("SQLite quick_check:\n" + "\n".join(error.problems))
    box.addButton("退出", QMessageBox.ButtonRole.RejectRole).setObjectName("quitButton")
    return box


def ask_to_restore(error: LedgerDamaged) -> bool:
    """Show the damaged-ledger dialog (blocking, before any window exists); True: restore."""
    box = damaged_dialog(error)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and clicked.objectName() == "restoreButton"


def open_or_recover(
    db: str | None, lock: LedgerLock | None, choose: Callable[[LedgerDamaged], bool] = ask_to_restore
) -> Database:
    """Open the ledger; if it is damaged, offer the newest good backup and restore from it.

    The window's own lock is let go for the restore (restore refuses a held ledger) and
    taken again before the restored ledger opens. Declined or impossible: LedgerDamaged.
    """
    try:
        return open_ledger_for_window(db)
    except LedgerDamaged as error:
        if not choose(error) or error.backup is None:
            raise
        backup = error.backup
    if lock is not None:
        lock.release()
    try:
        info = restore_backup(resolve_url(db), backup)
    finally:
        if lock is not None:
            lock.acquire()
    log.warning("damaged ledger replaced by %s; kept as %s", backup, info.previous)
    return open_ledger_for_window(db)


def take_ledger(db: str | None) -> LedgerLock | None:
    """One window per SQLite ledger: a second copy is told who has it open, and stops."""
    path = sqlite_path(resolve_url(db))
    if path is None:
        return None  # a shared server ledger: concurrent edits are caught by version columns
    return LedgerLock(path).acquire()


def daily_backup(database: Database) -> Path | None:
    """The first start of a day keeps a backup (the last N, a setting); never blocks the start."""
    path = database.path
    folder = path.parent / "backups" if path is not None else user_data_dir() / "backups"
    created = auto_backup_if_due(database, folder, auto_backup_keep(database))
    if created is not None:
        log.info("daily backup: %s", created)
    return created


def start_daily_backup(window: MainWindow, database: Database) -> Background:
    """The day's backup, off the GUI thread once the window is up (seconds on a big ledger).

    The caller keeps the returned worker and waits for it before closing the ledger.
    """
    status = window.statusBar()

    def done(created: object) -> None:
        if isinstance(created, Path):
            status.showMessage(f"已自动备份台账：{created}", 10_000)
        else:
            status.clearMessage()

    def failed(error: BaseException) -> None:
        log.error("daily backup failed: %s", error)
        status.showMessage(f"自动备份未完成：{error}（详见日志）", 20_000)

    worker = Background(done, failed)
    status.showMessage("正在自动备份台账…")
    worker.submit(lambda: daily_backup(database))
    return worker


def back_up_once_read(window: MainWindow, database: Database) -> list[Background]:
    """Start the day's backup once the window's start-up read is over (its thread would slow
    the read): read whole, or stopped by an error (`settled`) — the backup copies the file,
    refusing a damaged one, so a read that failed is no reason to go a day without one.

    Returns the list that will hold the backup's worker, for the caller to wait on at exit."""
    backups: list[Background] = []

    def back_up() -> None:
        if not backups:
            backups.append(start_daily_backup(window, database))

    if window.loading:
        window.settled.connect(back_up, Qt.ConnectionType.SingleShotConnection)
    else:
        back_up()
    return backups


def run_app(db: str | None = None) -> int:
    log_path = setup_logging()
    app = make_application()
    install_crash_dialog(str(log_path))
    lock: LedgerLock | None = None
    try:
        lock = take_ledger(db)
        database = open_or_recover(db, lock)
    except LedgerDamaged as exc:  # the dialog has said it all
        if lock is not None:
            lock.release()
        return exc.exit_code
    except TrackerError as exc:
        if lock is not None:
            lock.release()
        QMessageBox.critical(None, APP_NAME, f"无法打开台账：\n{exc}")
        return exc.exit_code
    window = MainWindow(database)
    window.ledger_lock = lock
    if start_probe.wanted():  # TRACKER_START_PROBE=1: print when usable and complete, then quit
        start_probe.StartProbe(window, when_complete=app.quit)
    window.show()
    backups = back_up_once_read(window, database)
    try:
        return app.exec()
    finally:
        for backup in backups:
            backup.wait()
        database.dispose()
        if lock is not None:
            lock.release()


def main() -> None:
    """GUI entry point (no console window in the Windows build)."""
    sys.exit(run_app(None))
