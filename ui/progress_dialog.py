"""记录进展: one dialog for a task's period, status, text, indicator actuals and evidence files.

保存 runs in a worker thread (`ui.work.ProgressJob`): storing a 200 MB evidence file takes
seconds, and the window keeps answering meanwhile. The dialog stays open, greyed, until the
record is in the ledger; an error or a 取消 leaves it open with everything the officer typed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.errors import BadInput
from tracker.lights import STATUS_LABELS
from tracker.number_input import read_number
from tracker.periods import Period, period_containing
from tracker.services.evidence import MAX_EVIDENCE_BYTES
from tracker.services.progress import RECORDABLE_STATUSES, ProgressInput
from tracker.views.record import MetricRecord
from ui.common import show_error
from ui.folders import last_folder, remember_folder
from ui.keys import SAVE_HINT, FormDialog
from ui.task_detail_view import file_size
from ui.work import Cancelled, ProgressJob, Report, describe

Save = Callable[[ProgressInput, Report], object]
"""Writes one record in its own transaction, in a worker thread; `report(done, total)`
follows the evidence bytes and raises `Cancelled` once the officer pressed 取消."""


def _file_label(path: Path) -> str:
    try:
        return f"{path.name}（{file_size(path.stat().st_size)}）"
    except OSError:  # moved or deleted since it was added
        return f"{path.name}（找不到文件）"


def _total_size(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        with contextlib.suppress(OSError):  # gone since added: `store_file` will say so
            total += path.stat().st_size
    return total


def recordable_periods(period: Period, today: date) -> list[Period]:
    """The periods progress may be recorded for: the chosen one and the two before it, and the
    next one once it has begun — never a period that has not started (no 2027年第一季度 in 2026)."""
    offered = [p for p in (period.shift(-2), period.previous(), period, period.next()) if p.start <= today]
    return offered or [period_containing(today, period.kind)]


class ProgressDialog(FormDialog):
    """Collects a `ProgressInput` and has `save` write it off the GUI thread; `saved` follows.

    While the save runs, the form and 保存 are disabled (one save per click, however many
    clicks); closing the dialog stops the save, whose transaction then rolls back whole.
    """

    def __init__(
        self,
        task_label: str,
        period: Period,
        metrics: list[MetricRecord],
        current_status: str = "in_progress",
        current_percent: int | None = None,
        save: Save | None = None,
        saved: Callable[[], None] | None = None,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressDialog")
        self.setWindowTitle("记录进展")
        self.setAcceptDrops(True)
        self.resize(640, 680)
        self.metrics = metrics
        self._save = save
        self._saved = saved
        self.job: ProgressJob | None = None  # the save under way

        title = QLabel(task_label)
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.PlainText)

        self.period_box = QComboBox()
        self.period_box.setObjectName("periodBox")
        offered = recordable_periods(period, today or date.today())
        for item in offered:
            self.period_box.addItem(item.label, item.code)
        self.period_box.setCurrentIndex(offered.index(period) if period in offered else len(offered) - 1)
        self.status_box = QComboBox()
        self.status_box.setObjectName("statusBox")
        for code in RECORDABLE_STATUSES:
            self.status_box.addItem(STATUS_LABELS[code], code)
        start = current_status if current_status in RECORDABLE_STATUSES else "in_progress"
        if start == "not_started":
            start = "in_progress"
        self.status_box.setCurrentIndex(RECORDABLE_STATUSES.index(start))
        # A text field, not a spin box: a spin box turns a typed 150 into 15 without a word.
        self.percent = QLineEdit("" if current_percent is None else str(current_percent))
        self.percent.setObjectName("percentBox")
        self.percent.setPlaceholderText("0–100，可不填")
        self.percent.setMaximumWidth(140)
        self.status_box.currentIndexChanged.connect(self._status_changed)
        self.progress = QPlainTextEdit()
        self.progress.setObjectName("progressText")
        self.progress.setPlaceholderText("本期进展情况：做了什么、达到什么程度")
        self.problems = QPlainTextEdit()
        self.problems.setPlaceholderText("存在问题（可不填）")
        self.next_steps = QPlainTextEdit()
        self.next_steps.setPlaceholderText("下步措施（可不填）")
        for box in (self.problems, self.next_steps):
            box.setMaximumHeight(70)

        form = QFormLayout()
        form.addRow("报告期", self.period_box)
        form.addRow("状态", self.status_box)
        percent_row = QHBoxLayout()
        percent_row.addWidget(self.percent)
        percent_row.addWidget(QLabel("%"))
        percent_row.addStretch(1)
        form.addRow("完成百分比", percent_row)
        form.addRow("进展情况", self.progress)
        form.addRow("存在问题", self.problems)
        form.addRow("下步措施", self.next_steps)

        self.actual_edits: dict[int, QLineEdit] = {}
        metric_group = QGroupBox("指标实际值（本期，空着表示不填）")
        metric_form = QFormLayout(metric_group)
        for metric in metrics:
            edit = QLineEdit()
            edit.setObjectName(f"actual_{metric.id}")
            hint = f"目标 {metric.current_target}" if metric.current_target else ""
            if metric.current_actual is not None:
                hint += f"；上次 {metric.current_actual:g}"
            edit.setPlaceholderText(hint)
            label = QLabel(f"{metric.name}（{metric.unit}）" if metric.unit else metric.name)
            label.setWordWrap(True)
            metric_form.addRow(label, edit)
            self.actual_edits[metric.id] = edit
        metric_group.setVisible(bool(metrics))

        self.files: list[Path] = []
        self.file_dialog: QFileDialog | None = None  # the last 添加文件 dialog
        self.file_model = QStringListModel()
        self.file_list = QListView()
        self.file_list.setObjectName("fileList")
        self.file_list.setModel(self.file_model)
        self.file_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.file_list.setMaximumHeight(90)
        add_file = QPushButton("添加文件(&A)…")
        add_file.setObjectName("addFileButton")
        add_file.clicked.connect(self._choose_files)
        drop_file = QPushButton("去掉所选(&D)")
        drop_file.setObjectName("dropFileButton")
        drop_file.clicked.connect(self._drop_selected)
        file_group = QGroupBox(
            f"佐证材料（可把文件拖到此窗口；单个文件不超过 {MAX_EVIDENCE_BYTES // 1024 // 1024} MB）"
        )
        file_layout = QVBoxLayout(file_group)
        file_layout.addWidget(self.file_list)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(add_file)
        file_buttons.addWidget(drop_file)
        file_buttons.addStretch(1)
        file_layout.addLayout(file_buttons)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip(SAVE_HINT)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        self.note = QLabel()  # why the last save did not happen, when it was cancelled
        self.note.setObjectName("saveNote")
        self.note.hide()

        self.content = QWidget()  # greyed while saving
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addLayout(form)
        content.addWidget(metric_group)
        content.addWidget(file_group)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.content)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        """The officer came to write what happened: the cursor starts in 进展情况."""
        super().showEvent(event)
        self.progress.setFocus(Qt.FocusReason.OtherFocusReason)

    def has_typed(self) -> bool:
        """Typed text or files not yet handed to a save (取消 during a save stops it, unasked)."""
        return not self.saving and (super().has_typed() or bool(self.files))

    # -- files -------------------------------------------------------------------------
    def add_files(self, paths: list[Path]) -> list[str]:
        """Add evidence files; too-large or missing ones are refused with a message."""
        refused: list[str] = []
        for path in paths:
            if not path.is_file():
                refused.append(f"{path.name}：不是文件")
                continue
            size = path.stat().st_size
            if size > MAX_EVIDENCE_BYTES:
                refused.append(
                    f"{path.name}：{file_size(size)}，超过上限 {MAX_EVIDENCE_BYTES // 1024 // 1024} MB"
                )
                continue
            if path not in self.files:
                self.files.append(path)
        self._show_files()
        if refused:
            show_error(self, "以下文件未添加：\n" + "\n".join(refused), "佐证材料")
        return refused

    def _choose_files(self) -> None:
        dialog = QFileDialog(self, "选择佐证材料", str(last_folder("evidence_in")))
        dialog.setObjectName("evidenceFileDialog")
        self.file_dialog = dialog
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(self._files_chosen)
        dialog.open()

    def _files_chosen(self, names: list[str]) -> None:
        paths = [Path(n) for n in names]
        if paths:
            remember_folder("evidence_in", paths[0])
        self.add_files(paths)

    def _drop_selected(self) -> None:
        rows = sorted({i.row() for i in self.file_list.selectedIndexes()}, reverse=True)
        for row in rows:
            del self.files[row]
        self._show_files()

    def _show_files(self) -> None:
        self.file_model.setStringList([_file_label(p) for p in self.files])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.job is None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and self.job is None:
            self.add_files(paths)
            event.acceptProposedAction()

    # -- values ------------------------------------------------------------------------
    def _status_changed(self) -> None:
        if self.status_box.currentData() == "done":
            self.percent.setText("100")

    def actuals(self) -> dict[int, float]:
        """Each indicator's typed actual (BadInput naming the indicator when one is not a number)."""
        values: dict[int, float] = {}
        for metric in self.metrics:
            value = read_number(
                self.actual_edits[metric.id].text(),
                what=f"指标“{metric.name}”的实际值",
                units=[metric.unit or "", "%"],
            )
            if value is not None:
                values[metric.id] = value
        return values

    def percent_value(self) -> int | None:
        """完成百分比 as typed (“８０”, “80%”), 0–100; out of range is refused, never changed."""
        value = read_number(self.percent.text(), what="完成百分比", low=0, high=100, units=["%"])
        if value is None:
            return None
        if not value.is_integer():
            raise BadInput(f"完成百分比：“{self.percent.text().strip()}”请填整数（0 到 100）")
        return int(value)

    def value(self) -> ProgressInput:
        percent = self.percent_value()
        return ProgressInput(
            period=str(self.period_box.currentData()),
            status=str(self.status_box.currentData()),
            progress=self.progress.toPlainText().strip(),
            percent=percent,
            problems=self.problems.toPlainText().strip() or None,
            next_steps=self.next_steps.toPlainText().strip() or None,
            actuals=self.actuals(),
            evidence=list(self.files),
        )

    def _try_accept(self) -> None:
        if self.job is not None:  # the first click's save is under way
            return
        try:
            self.percent_value()
            self.actuals()
        except BadInput as exc:
            show_error(self, str(exc), "输入有误")
            return
        if not self.progress.toPlainText().strip() and self.status_box.currentData() != "not_started":
            show_error(self, "请填写进展情况", "输入有误")
            return
        if self._save is None:
            self.accept()
            return
        data, save = self.value(), self._save
        label = "正在保存进展…"
        if data.evidence:
            size = file_size(_total_size(data.evidence))
            label = f"正在保存进展和 {len(data.evidence)} 个佐证材料（共 {size}）…"
        self.note.hide()
        self._set_saving(True)
        self.job = ProgressJob(self, label, lambda report: save(data, report), self._finished, self._failed)

    # -- saving ------------------------------------------------------------------------
    @property
    def saving(self) -> bool:
        return self.job is not None

    def _set_saving(self, saving: bool) -> None:
        self.content.setEnabled(not saving)
        button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        button.setEnabled(not saving)
        button.setText("正在保存…" if saving else "保存")

    def _finished(self, _result: object) -> None:
        self.job = None
        self._set_saving(False)
        if self._saved is not None:  # in the ledger even if the dialog closed meanwhile
            self._saved()
        if self.isVisible():
            self.accept()

    def _failed(self, error: BaseException) -> None:
        self.job = None
        self._set_saving(False)
        if not self.isVisible():  # closed during the save, which then rolled back
            return
        if isinstance(error, Cancelled):
            self.note.setText("已取消保存，未写入任何内容。")
            self.note.show()
            return
        show_error(self, describe(error), "未保存")

    def done(self, result: int) -> None:
        """Closing during a save stops it at its next step and it rolls back whole (one that
        had just been committed stays, and `saved` still refreshes the window)."""
        if self.job is not None:
            self.job.stop()
        super().done(result)
