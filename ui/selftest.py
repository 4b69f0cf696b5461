"""The window half of `tracker --self-test`: Qt starts, speaks Chinese, shows the ledger.

Opens the real main window on the self-test's ledger, checks that Qt's zh_CN
translations and the shipped CJK font were loaded and that the window's item views hold
rows, then closes it. Where there is no screen (Linux without DISPLAY / WAYLAND_DISPLAY)
and no platform was chosen, Qt's offscreen platform is used. Window settings go to the
self-test's own folder, never the user's.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tracker.db.engine import Database


class WindowCheckFailed(Exception):
    pass


def _choose_platform() -> None:
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def check_main_window(database: Database, settings_dir: Path, task_id: int | None = None) -> str:
    """Open and close the main window on `database`; raise WindowCheckFailed saying what is wrong."""
    _choose_platform()
    from PySide6.QtCore import QCoreApplication, QSettings, QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from ui.app import make_application
    from ui.main_window import MainWindow

    problems: list[str] = []

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            problems.append(message)

    settings_dir.mkdir(parents=True, exist_ok=True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    previous = qInstallMessageHandler(handler)
    try:
        app = make_application([sys.argv[0] if sys.argv else "tracker"])
        platform = QApplication.platformName()
        if QCoreApplication.translate("QPlatformTheme", "Cancel") != "取消":
            raise WindowCheckFailed("未载入 Qt 中文翻译 (qtbase_zh_CN.qm)")
        family = app.font().families()[0] if app.font().families() else ""
        if family not in _shipped_families():
            raise WindowCheckFailed(f"未载入随程序附带的中文字体（当前字体 {family or '无'}）")

        window = MainWindow(database)
        try:
            window.show()
            app.processEvents()
            if not window.isVisible():
                raise WindowCheckFailed("主窗口未显示")
            rows = [
                view.model().rowCount()
                for view in window.findChildren(QAbstractItemView)
                if view.model() is not None
            ]
            if not any(rows):
                raise WindowCheckFailed("主窗口的列表中没有任何内容")
        finally:
            window.close()
            app.processEvents()
            window.deleteLater()
            app.processEvents()
        if window.isVisible():
            raise WindowCheckFailed("主窗口未能关闭")
    finally:
        qInstallMessageHandler(previous)
    if problems:
        raise WindowCheckFailed("Qt 报告错误：" + "；".join(problems[:5]))
    return f"平台 {platform}，字体 {family}，{len(rows)} 个列表（{max(rows)} 行）"


def _shipped_families() -> set[str]:
    """The families in `resources/fonts`, read again from the files."""
    from PySide6.QtGui import QFontDatabase

    from ui.fonts import add_font_file, shipped_font_files

    families: set[str] = set()
    for path in shipped_font_files():
        font_id = add_font_file(path)
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    return families
