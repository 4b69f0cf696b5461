"""The 数据 menu: back up, restore, and check the ledger, all off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QProgressDialog, QWidget

from tracker import APP_NAME
from tracker.errors import for_officer
from tracker.services.backup import create_backup
from tracker.services.checks import Finding, run_checks
from tracker.services.restore import restore_backup, verify_backup
from ui.common import Background, confirm, show_error
from ui.folders import last_folder, remember_folder
from ui.history_dialog import HistoryDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class DataActions:
    """Adds 数据(&D) to the menu bar of a main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: QWidget | None = None
        self._busy: QProgressDialog | None = None
        self._after: Callable[[Any], None] = lambda _result: None
        self._on_error: Callable[[BaseException], None] = self._report
        self.worker = Background(self._finished, self._failed)
        bar = window.menuBar()
        menu = QMenu("数据(&D)", bar)
        help_entry = next((a for a in bar.actions() if a.text().startswith("帮助")), None)
        if help_entry is not None:
            bar.insertMenu(help_entry, menu)
        else:
            bar.addMenu(menu)
        self.backup_action = menu.addAction("备份台账(&B)…")
        self.backup_action.setObjectName("backupAction")
        self.backup_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.backup_action.triggered.connect(lambda _=False: self.backup())
        self.restore_action = menu.addAction("从备份恢复(&R)…")
        self.restore_action.setObjectName("restoreAction")
        self.restore_action.triggered.connect(lambda _=False: self.choose_restore())
        menu.addSeparator()
        self.history_action = menu.addAction("全部留痕(&H)…")
        self.history_action.setObjectName("historyAction")
        self.history_action.setShortcut(QKeySequence("Ctrl+H"))
        self.history_action.triggered.connect(lambda _=False: self.history())
        self.check_action = menu.addAction("检查台账(&C)")
        self.check_action.setObjectName("checkAction")
        self.check_action.triggered.connect(lambda _=False: self.check())

    # -- running work ------------------------------------------------------------------------
    def _run(
        self,
        label: str,
        work: Callable[[], Any],
        after: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        busy = QProgressDialog(label, "", 0, 0, self.window)
        busy.setWindowTitle(APP_NAME)
        busy.setCancelButton(None)
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(300)
        self._busy = busy
        self._after = after
        self._on_error = on_error or self._report
        self.worker.submit(work)

    def _close_busy(self) -> None:
        if self._busy is not None:
            self._busy.reset()
            self._busy.deleteLater()
            self._busy = None

    def _finished(self, result: Any) -> None:
        self._close_busy()
        self._after(result)

    def _failed(self, error: BaseException) -> None:
        self._close_busy()
        self._on_error(error)

    def _report(self, error: BaseException) -> None:
        show_error(self.window, str(error), "操作未完成")

    def _inform(self, text: str, detail: str = "") -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, for_officer(text), parent=self.window)
        box.setObjectName("infoBox")
        if detail:
            box.setDetailedText(for_officer(detail))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.dialog = box
        return box

    # -- backup ------------------------------------------------------------------------------
    def backup(self, target: Path | None = None) -> None:
        if target is None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M")
            name, _ = QFileDialog.getSaveFileName(
                self.window,
                "备份台账",
                str(last_folder("backup") / f"督查台账备份-{stamp}.zip"),
                "备份文件 (*.zip)",
            )
            if not name:
                return
            target = Path(name)
            remember_folder("backup", target)
        database = self.window.database

        def done(info: Any) -> None:
            self._inform(f"已备份到 {info.path}（{info.size / 1024:.0f} KB，用时 {info.seconds:.1f} 秒）")

        self._run("正在备份台账…", lambda: create_backup(database, target), done)

    # -- restore -----------------------------------------------------------------------------
    def choose_restore(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, "从备份恢复", str(last_folder("backup")), "备份文件 (*.zip)"
        )
        if name:
            remember_folder("backup", Path(name))
            self.restore(Path(name))

    def restore(self, backup: Path, *, ask: bool = True) -> None:
        """Verify first; after a yes, release the window's hold, restore, and reload."""
        try:
            manifest = verify_backup(backup)
        except Exception as exc:  # a damaged or foreign file: say why, change nothing
            show_error(self.window, str(exc), "备份文件不能使用")
            return
        counts = manifest.get("counts", {})
        detail = (
            f"备份时间：{manifest.get('created_at')}\n"
            f"方案 {counts.get('plan', 0)} 个、任务 {counts.get('task', 0)} 项、"
            f"佐证材料 {counts.get('evidence', 0)} 份。\n当前台账会先另存到 backups 文件夹。"
        )
        if ask:
            self.dialog = confirm(
                self.window, f"用 {backup.name} 替换当前台账吗？", lambda: self._restore(backup), detail
            )
        else:
            self._restore(backup)

    def _restore(self, backup: Path) -> None:
        window = self.window
        url = window.database.url
        window.release_ledger()

        def done(info: Any) -> None:
            window.retake_ledger()
            window.actions_.forget_undo()  # the edits it remembers were in the ledger just replaced
            window.reload()
            self._inform(
                f"已从 {backup.name} 恢复台账。",
                f"原台账已另存为 {info.previous}" if info.previous else "",
            )

        def failed(error: BaseException) -> None:
            window.retake_ledger()
            show_error(window, str(error), "恢复未完成")

        self._run("正在恢复台账…", lambda: restore_backup(url, backup), done, failed)

    # -- history -----------------------------------------------------------------------------
    def history(self) -> HistoryDialog:
        dialog = HistoryDialog(self.window.database, self.window)
        dialog.open()
        self.dialog = dialog
        return dialog

    # -- check -------------------------------------------------------------------------------
    def check(self) -> None:
        database = self.window.database

        def done(findings: Any) -> None:
            items: list[Finding] = list(findings)
            faults = [f for f in items if f.fault]
            lines = "\n".join(f"[{'错误' if f.fault else '提示'}] {f.area}：{f.message}" for f in items)
            if faults:
                text = f"检查发现 {len(faults)} 处问题，请从备份恢复或联系维护人员。"
            else:
                text = "检查完毕，台账完好。" + (
                    f"另有 {len(items)} 条提示（如文件本身前后不一致的指标）。" if items else ""
                )
            self._inform(text, lines)

        self._run("正在检查台账…", lambda: run_checks(database), done)
