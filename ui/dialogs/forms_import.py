"""导入填报表: read a returned unit form, show every bad cell or the diff, 审核 each row.

Reading and checking a workbook runs in a worker thread (`ui.work.ProgressJob`) with a
progress dialog; the window stays responsive. Applying is one transaction, as before.
Each row is accepted (checked), 退回 with a reason, or left out; rows the review rule flags
(滞后 or red without 存在问题 and 下步措施) are listed first. Returned rows give the unit a
退回单 and a fresh form of just those rows, written once the import has committed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.db.engine import Database
from tracker.errors import BadInput, TrackerError
from tracker.forms.apply import FormDiff, RowChange, apply_diff, check_origin, compute_diff
from tracker.forms.read import FormData, FormProblems, read_form
from tracker.services.settings import office_of
from ui.common import ScreenFitDialog, show_error
from ui.dialogs._shared import actor_of, inform, reload_window
from ui.folders import last_folder, remember_folder
from ui.work import Cancelled, ProgressJob, Report, describe

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("采用", "行", "序号", "任务", "审核", "变化")
REVIEW_COLUMN = 4


class DiffModel(QAbstractTableModel):
    """One row per changed task, flagged rows first; column 0 is a check box: apply this row or
    not; a row given a 退回 reason is sent back instead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.changes: list[RowChange] = []
        self.accepted: list[bool] = []
        self.returned: list[str] = []  # the 退回 reason, empty when not returned

    def set_diff(self, diff: FormDiff | None) -> None:
        self.beginResetModel()
        changes = list(diff.changes) if diff else []
        self.changes = sorted(changes, key=lambda c: (not c.flags, c.row))  # flagged first
        self.accepted = [not c.flags for c in self.changes]
        self.returned = [""] * len(self.changes)
        self.endResetModel()

    def set_returned(self, rows: list[int], reason: str) -> None:
        """退回 these rows with `reason` (empty: take them back)."""
        for row in rows:
            self.returned[row] = reason.strip()
            if reason.strip():
                self.accepted[row] = False
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def return_flagged(self) -> int:
        rows = [i for i, change in enumerate(self.changes) if change.flags and not self.returned[i]]
        for row in rows:
            self.set_returned([row], "；".join(self.changes[row].flags))
        return len(rows)

    def returned_reasons(self) -> dict[int, str]:
        return {c.task_id: reason for c, reason in zip(self.changes, self.returned, strict=True) if reason}

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.changes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.changes):
            return None
        change = self.changes[index.row()]
        column = index.column()
        if column == 0 and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self.accepted[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 1:
                return str(change.row)
            if column == 2:
                return change.code
            if column == 3:
                return change.title
            if column == REVIEW_COLUMN:
                reason = self.returned[index.row()]
                if reason:
                    return f"退回：{reason}"
                return f"建议退回：{'；'.join(change.flags)}" if change.flags else "通过"
            if column == 5:
                return change.summary
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == REVIEW_COLUMN
            and (change.flags or self.returned[index.row()])
        ):
            return QColor("#C00000")
        if role == Qt.ItemDataRole.ToolTipRole and column in (3, 5):
            return "\n".join(
                f"{c.label}：{c.before or '（空）'} → {c.after or '（空）'}" for c in change.changes
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        self.accepted[index.row()] = checked
        if checked and self.returned[index.row()]:
            self.returned[index.row()] = ""  # accepting a row takes back its 退回
            review = self.index(index.row(), REVIEW_COLUMN)
            self.dataChanged.emit(review, review)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def set_all(self, checked: bool) -> None:
        if not self.changes:
            return
        self.accepted = [checked] * len(self.changes)
        if checked:
            self.returned = [""] * len(self.changes)
        self.dataChanged.emit(self.index(0, 0), self.index(len(self.changes) - 1, len(COLUMNS) - 1))

    def accepted_ids(self) -> set[int]:
        return {c.task_id for c, ok in zip(self.changes, self.accepted, strict=True) if ok}


class FormsImportDialog(ScreenFitDialog):
    """Read a returned form (off the GUI thread), show its problems or diff, apply checked rows."""

    loaded = Signal()  # a read ended: the diff, the problems or the error are shown

    def __init__(self, main_window: Any) -> None:
        super().__init__(main_window if isinstance(main_window, QWidget) else None)
        self.main_window = main_window
        self.database = main_window.database
        self.data: FormData | None = None
        self.diff: FormDiff | None = None
        self.result_text = ""
        self.job: ProgressJob | None = None
        self.setWindowTitle("导入单位填报表")
        self.resize(900, 560)

        self.path = QLineEdit()
        self.path.setPlaceholderText("单位交回的填报表 .xlsx")
        browse = QPushButton("选择文件…")
        browse.clicked.connect(self.browse)
        self.read_button = QPushButton("读取")
        self.read_button.clicked.connect(lambda: self.load(Path(self.path.text().strip())))
        top = QHBoxLayout()
        top.addWidget(QLabel("填报表："))
        top.addWidget(self.path, 1)
        top.addWidget(browse)
        top.addWidget(self.read_button)

        self.summary = QLabel("请选择单位交回的填报表。")
        self.summary.setWordWrap(True)

        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.model = DiffModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        diff_page = QWidget()
        diff_layout = QVBoxLayout(diff_page)
        diff_layout.setContentsMargins(0, 0, 0, 0)
        diff_layout.addWidget(self.table)
        picks = QHBoxLayout()
        self.all_button = QPushButton("全选")
        self.none_button = QPushButton("全不选")
        self.all_button.clicked.connect(lambda: self.model.set_all(True))
        self.none_button.clicked.connect(lambda: self.model.set_all(False))
        self.return_button = QPushButton("退回所选…")
        self.return_button.setToolTip("把选中的行退回单位重报，须写明理由")
        self.return_button.clicked.connect(self.return_selected)
        self.flagged_button = QPushButton("按建议退回")
        self.flagged_button.setToolTip("退回所有标为“建议退回”的行，理由按审核规则填写")
        self.flagged_button.clicked.connect(self.model.return_flagged)
        self.received = QDateEdit()
        self.received.setObjectName("formReceived")
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy年M月d日")
        self.received.setDate(QDate.currentDate())
        self.received.setToolTip("单位交回填报表的日期，用于判断是否按时报送")
        picks.addWidget(self.all_button)
        picks.addWidget(self.none_button)
        picks.addWidget(self.return_button)
        picks.addWidget(self.flagged_button)
        picks.addStretch(1)
        picks.addWidget(QLabel("收到日期："))
        picks.addWidget(self.received)
        diff_layout.addLayout(picks)
        self.pages = QStackedWidget()
        self.pages.addWidget(QWidget())
        self.pages.addWidget(self.problems)
        self.pages.addWidget(diff_page)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.apply_button = self.buttons.addButton("导入并退回", QDialogButtonBox.ButtonRole.ApplyRole)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "选择填报表", str(last_folder("forms_in")), "Excel 填报表 (*.xlsx);;所有文件 (*)"
        )
        if name:
            remember_folder("forms_in", Path(name))
            self.path.setText(name)
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Read the form in the background; then every problem at once, or the diff, all checked."""
        if self.job is not None:  # a newer choice replaces a read under way
            self.job.abandon()
            self.job = None
        self.path.setText(str(path))
        self.data = None
        self.diff = None
        self.model.set_diff(None)
        self.apply_button.setEnabled(False)
        if not str(path) or not path.is_file():
            self.summary.setText(f"找不到文件 {path}")
            self.pages.setCurrentIndex(0)
            self.loaded.emit()
            return
        database = self.database
        self.read_button.setEnabled(False)
        self.summary.setText(f"正在读取 {path.name}…")
        self.job = ProgressJob(
            self,
            f"正在读取 {path.name}…",
            lambda report: read_and_compare(database, path, report),
            lambda result: self._loaded(path, result),
            lambda error: self._load_failed(path, error),
        )

    def _loaded(self, path: Path, result: tuple[FormData, FormDiff]) -> None:
        self.job = None
        self.read_button.setEnabled(True)
        data, diff = result
        self.data, self.diff = data, diff
        self.model.set_diff(diff)
        self.table.resizeColumnsToContents()
        flagged = sum(1 for c in diff.changes if c.flags)
        self.summary.setText(
            f"{diff.source}（{data.period.label}）：{len(diff.changes)} 项任务有变化，"
            f"{diff.unchanged} 项与台账一致，{diff.blank} 项未填。勾选要采用的行"
            + (f"；{flagged} 项建议退回，已排在最前、未勾选。" if flagged else "。")
        )
        self.pages.setCurrentIndex(2)
        self.apply_button.setEnabled(bool(diff.changes))
        self.loaded.emit()

    def _load_failed(self, path: Path, error: BaseException) -> None:
        self.job = None
        self.read_button.setEnabled(True)
        if isinstance(error, FormProblems):
            self.summary.setText(
                f"{path.name} 有 {len(error.problems)} 处填写有误，请改正后重新读取（未导入任何内容）："
            )
            self.problems.setPlainText("\n".join(str(p) for p in error.problems))
            self.pages.setCurrentIndex(1)
        elif isinstance(error, Cancelled):
            self.summary.setText(f"已取消读取 {path.name}。")
            self.pages.setCurrentIndex(0)
        else:
            self.summary.setText(describe(error))
            self.problems.setPlainText(describe(error))
            self.pages.setCurrentIndex(1)
        self.loaded.emit()

    def done(self, result: int) -> None:
        """Closing stops a read under way; nothing was written by it."""
        if self.job is not None:
            self.job.abandon()
            self.job = None
        super().done(result)

    def return_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows:
            show_error(self, "请先选中要退回的行", "退回")
            return
        suggested = "；".join(flag for row in rows for flag in self.model.changes[row].flags)
        reason, ok = QInputDialog.getText(
            self, "退回重报", f"退回 {len(rows)} 行的理由（将写入退回单）：", text=suggested
        )
        if ok:
            if not reason.strip():
                show_error(self, "退回须写明理由", "退回")
                return
            self.model.set_returned(rows, reason)

    def apply(self) -> None:
        """The checked rows and the returned ones, in one transaction (the diff recomputed in it);
        the 退回单 and the fresh form are written after it commits."""
        if self.data is None:
            return
        accepted = self.model.accepted_ids()
        returned = self.model.returned_reasons()
        if not accepted and not returned:
            show_error(self, "没有勾选或退回任何一行", "未导入")
            return
        folder: Path | None = None
        if returned:
            start = str(Path(self.path.text().strip()).parent)
            chosen = QFileDialog.getExistingDirectory(self, "退回单和重报表保存到", start)
            if not chosen:
                return
            folder = Path(chosen)
        from tracker.reports.return_notice import build_return_notice, return_form, write_return_package

        data = self.data
        actor = actor_of(self.main_window)
        when = self.received.date()
        received = date(when.year(), when.month(), when.day())
        try:
            with self.database.unit_of_work() as session:
                check_origin(session, data)
                diff = compute_diff(session, data)
                applied = apply_diff(
                    session, diff, accepted=accepted, actor=actor, returned=returned, received_on=received
                )
                files = None
                if returned and folder is not None:
                    office = office_of(session)
                    if not office.strip():
                        raise BadInput("退回单须写明发文单位：请先在“设置”中填写发文单位")
                    notice = build_return_notice(
                        session, diff.unit, data.period, returned, received_on=received, office=office
                    )
                    # Written before the commit: if it cannot be written, nothing is imported.
                    files = write_return_package(notice, return_form(session, notice), folder)
        except TrackerError as exc:
            show_error(self, str(exc), "导入失败")
            return
        titles = [f"{c.code} {c.title[:24]}" for c in diff.changes if c.task_id in accepted]
        skipped = len(diff.changes) - applied - len(returned)
        self.result_text = (
            f"已导入 {applied} 项任务的填报内容（来源：{diff.source}，报告期 {data.period.label}）"
            + (f"，退回 {len(returned)} 项" if returned else "")
            + (f"，另有 {skipped} 项未勾选、未导入" if skipped else "")
            + "：\n"
            + "\n".join(titles)
            + (f"\n退回单：{files[0]}\n重报表：{files[1]}" if files else "")
        )
        reload_window(self.main_window)
        self.apply_button.setEnabled(False)
        self.summary.setText(self.result_text.split("：\n")[0])
        inform(self, self.result_text, "导入完成")


def read_and_compare(database: Database, path: Path, report: Report) -> tuple[FormData, FormDiff]:
    """The slow part, in a worker: read and check every cell, then compare with the ledger."""
    report(0, 2, f"正在读取并检查 {path.name}…")
    data = read_form(path)
    report(1, 2, "正在与台账核对…")
    with database.reading() as session:
        check_origin(session, data)
        diff = compute_diff(session, data)
    report(2, 2)
    return data, diff


def open_forms_import_dialog(main_window: Any) -> FormsImportDialog:
    dialog = FormsImportDialog(main_window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
