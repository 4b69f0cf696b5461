"""Start the desktop program: Qt, Chinese, fonts, the ledger, the window, a crash dialog."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from tracker import APP_ID, APP_NAME, __version__
from tracker.db.engine import Database, resolve_url, sqlite_path
from tracker.errors import TrackerError
from tracker.ledger import open_database, seed_builtin_plans
from tracker.ledger_lock import LedgerLock
from tracker.logs import setup_logging
from tracker.paths import resources_dir, user_data_dir
from tracker.services.backup import auto_backup_if_due, auto_backup_keep
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


def run_app(db: str | None = None) -> int:
    log_path = setup_logging()
    app = make_application()
    install_crash_dialog(str(log_path))
    lock: LedgerLock | None = None
    try:
        lock = take_ledger(db)
        database = open_ledger_for_window(db)
    except TrackerError as exc:
        if lock is not None:
            lock.release()
        QMessageBox.critical(None, APP_NAME, f"无法打开台账：\n{exc}")
        return exc.exit_code
    window = MainWindow(database)
    window.ledger_lock = lock
    window.show()
    backup = start_daily_backup(window, database)
    try:
        return app.exec()
    finally:
        backup.wait()
        database.dispose()
        if lock is not None:
            lock.release()


def main() -> None:
    """GUI entry point (no console window in the Windows build)."""
    sys.exit(run_app(None))
