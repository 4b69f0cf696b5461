"""记录进展: one dialog for a task's period, status, text, indicator actuals and evidence files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
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
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.lights import STATUS_LABELS
from tracker.periods import Period
from tracker.services.evidence import MAX_EVIDENCE_BYTES
from tracker.services.progress import RECORDABLE_STATUSES, ProgressInput
from tracker.views.record import MetricRecord
from ui.common import show_error
from ui.task_detail_view import file_size


class ProgressDialog(QDialog):
    """Collects a `ProgressInput` and hands it to `save` (which returns an error or None)."""

    def __init__(
        self,
        task_label: str,
        period: Period,
        metrics: list[MetricRecord],
        current_status: str = "in_progress",
        current_percent: int | None = None,
        save: Callable[[ProgressInput], str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressDialog")
        self.setWindowTitle("记录进展")
        self.setAcceptDrops(True)
        self.resize(640, 680)
        self.metrics = metrics
        self._save = save

        title = QLabel(task_label)
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.PlainText)

        self.period_box = QComboBox()
        self.period_box.setObjectName("periodBox")
        for item in (period.shift(-2), period.previous(), period, period.next()):
            self.period_box.addItem(item.label, item.code)
        self.period_box.setCurrentIndex(2)
        self.status_box = QComboBox()
        self.status_box.setObjectName("statusBox")
        for code in RECORDABLE_STATUSES:
            self.status_box.addItem(STATUS_LABELS[code], code)
        start = current_status if current_status in RECORDABLE_STATUSES else "in_progress"
        if start == "not_started":
            start = "in_progress"
        self.status_box.setCurrentIndex(RECORDABLE_STATUSES.index(start))
        self.percent = QSpinBox()
        self.percent.setObjectName("percentBox")
        self.percent.setRange(-1, 100)
        self.percent.setSpecialValueText("不填")
        self.percent.setSuffix(" %")
        self.percent.setValue(current_percent if current_percent is not None else -1)
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
        form.addRow("完成百分比", self.percent)
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
        self.file_model = QStringListModel()
        self.file_list = QListView()
        self.file_list.setObjectName("fileList")
        self.file_list.setModel(self.file_model)
        self.file_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.file_list.setMaximumHeight(90)
        add_file = QPushButton("添加文件…")
        add_file.clicked.connect(self._choose_files)
        drop_file = QPushButton("去掉所选")
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
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(metric_group)
        layout.addWidget(file_group)
        layout.addWidget(self.buttons)

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
        self.file_model.setStringList([f"{p.name}（{file_size(p.stat().st_size)}）" for p in self.files])
        if refused:
            show_error(self, "以下文件未添加：\n" + "\n".join(refused), "佐证材料")
        return refused

    def _choose_files(self) -> None:
        dialog = QFileDialog(self, "选择佐证材料")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda names: self.add_files([Path(n) for n in names]))
        dialog.open()

    def _drop_selected(self) -> None:
        rows = sorted({i.row() for i in self.file_list.selectedIndexes()}, reverse=True)
        for row in rows:
            del self.files[row]
        self.file_model.setStringList([f"{p.name}（{file_size(p.stat().st_size)}）" for p in self.files])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.add_files(paths)
            event.acceptProposedAction()

    # -- values ------------------------------------------------------------------------
    def _status_changed(self) -> None:
        if self.status_box.currentData() == "done":
            self.percent.setValue(100)

    def actuals(self) -> dict[int, float]:
        values: dict[int, float] = {}
        for metric_id, edit in self.actual_edits.items():
            text = edit.text().strip().replace(",", "").replace("，", "")
            if text:
                values[metric_id] = float(text)
        return values

    def value(self) -> ProgressInput:
        percent = self.percent.value()
        return ProgressInput(
            period=str(self.period_box.currentData()),
            status=str(self.status_box.currentData()),
            progress=self.progress.toPlainText().strip(),
            percent=None if percent < 0 else percent,
            problems=self.problems.toPlainText().strip() or None,
            next_steps=self.next_steps.toPlainText().strip() or None,
            actuals=self.actuals(),
            evidence=list(self.files),
        )

    def _try_accept(self) -> None:
        for metric in self.metrics:
            text = self.actual_edits[metric.id].text().strip().replace(",", "").replace("，", "")
            if not text:
                continue
            try:
                float(text)
            except ValueError:
                show_error(self, f"指标“{metric.name}”的实际值“{text}”不是数字", "输入有误")
                return
        if not self.progress.toPlainText().strip() and self.status_box.currentData() != "not_started":
            show_error(self, "请填写进展情况", "输入有误")
            return
        if self._save is not None:
            error = self._save(self.value())
            if error:
                show_error(self, error, "未保存")
                return
        self.accept()
