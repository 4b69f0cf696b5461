"""回收站: deleted plans and tasks; restore one, purge one for good, or empty the bin.

The dialog only adapts: each button hands the chosen item to a callback (one service call
in one transaction, which also refreshes the window) that returns an error or None.
Purging asks first, without blocking, and says it cannot be undone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from tracker.services.tasks import DeletedItem
from ui.common import ScreenFitDialog, confirm, show_error
from ui.models.rows import Column, RowsModel
from ui.task_detail_view import local_time, make_table

BIN_COLUMNS: list[Column[DeletedItem]] = [
    Column("类型", lambda d: d.kind_label),
    Column("名称", lambda d: d.label, lambda d: d.label),
    Column("所属方案", lambda d: d.plan_label),
    Column("下级任务", lambda d: d.subtasks or "", align_right=True),
    Column("删除时间", lambda d: local_time(d.deleted_at)),
]
IRREVERSIBLE = "此操作不可撤销，彻底删除后无法从回收站恢复；留痕中保留删除记录。"

Action = Callable[[DeletedItem], str | None]


def _what_goes(item: DeletedItem) -> str:
    """The confirmation's detail: what else goes with the item."""
    if item.kind == "plan":
        return "方案中的全部任务、指标、进展和佐证材料一并彻底删除。"
    below = f"{item.subtasks} 项下级任务及其" if item.subtasks else ""
    return f"{below}指标、进展和佐证材料一并彻底删除。"


class RecycleBinDialog(ScreenFitDialog):
    """回收站: 恢复 brings the selected item back; 彻底删除 and 清空回收站 remove for good."""

    def __init__(
        self,
        load: Callable[[], list[DeletedItem]],
        restore: Action,
        parent: QWidget | None = None,
        *,
        purge: Action | None = None,
        purge_all: Callable[[], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recycleBin")
        self.setWindowTitle("回收站")
        self.resize(760, 420)
        self._load = load
        self._restore = restore
        self._purge = purge
        self._purge_all = purge_all
        self.confirm_box: QMessageBox | None = None  # the open question, if any
        self.model: RowsModel[DeletedItem] = RowsModel(BIN_COLUMNS)
        self.table = make_table(self.model, "binTable", stretch=1)
        self.restore_button = self._button("恢复所选", "restoreButton", self.restore_selected)
        self.purge_button = self._button("彻底删除所选…", "purgeButton", self.purge_selected)
        self.empty_button = self._button("清空回收站…", "emptyBinButton", self.empty_bin)
        self.purge_button.setVisible(purge is not None)
        self.empty_button.setVisible(purge_all is not None)
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.restore_button, self.purge_button, self.empty_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.refresh()

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def refresh(self) -> None:
        self.model.set_records(self._load())
        self.empty_button.setEnabled(self.model.rowCount() > 0)

    def selected(self) -> DeletedItem | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def restore_selected(self) -> None:
        item = self.selected()
        if item is None:
            show_error(self, "请先选择要恢复的项目", "回收站")
            return
        self._finish(self._restore(item))

    def purge_selected(self) -> None:
        """Ask first; on yes, purge the selected item for good."""
        item, purge = self.selected(), self._purge
        if item is None or purge is None:
            show_error(self, "请先选择要彻底删除的项目", "回收站")
            return
        self.confirm_box = confirm(
            self,
            f"彻底删除{item.kind_label}“{item.label}”？",
            lambda: self._finish(purge(item)),
            _what_goes(item) + "\n" + IRREVERSIBLE,
        )

    def empty_bin(self) -> None:
        """Ask once; on yes, purge everything in the bin."""
        purge_all, count = self._purge_all, self.model.rowCount()
        if purge_all is None or count == 0:
            show_error(self, "回收站是空的", "回收站")
            return
        self.confirm_box = confirm(
            self,
            f"清空回收站？其中 {count} 项将全部彻底删除。",
            lambda: self._finish(purge_all()),
            "所含任务、指标、进展和佐证材料一并彻底删除。\n" + IRREVERSIBLE,
        )

    def _finish(self, error: str | None) -> None:
        self.confirm_box = None
        if error:
            show_error(self, error)
        self.refresh()
