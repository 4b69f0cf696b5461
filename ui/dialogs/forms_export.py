"""导出填报表: one fill-in form per chosen unit for a period, as one .xlsx, a folder or a .zip.

Gathering and writing many units' workbooks takes a while: it runs in a worker thread
(`ui.work.ProgressJob`) with a progress dialog, and the window stays responsive.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tracker.db.engine import Database
from tracker.errors import TrackerError
from tracker.forms.export import (
    UnitForm,
    build_form,
    ledger_rows,
    units_with_tasks,
    write_form,
    write_forms,
)
from tracker.periods import Period, parse_period, period_containing
from ui.common import ScreenFitDialog, show_error
from ui.dialogs._shared import inform
from ui.folders import last_folder, remember_folder
from ui.work import Cancelled, ProgressJob, Report, describe

OUTPUTS = (
    ("xlsx", "一个 .xlsx 文件（只选一个单位时）"),
    ("folder", "文件夹（每个单位一个 .xlsx）"),
    ("zip", ".zip 压缩包"),
)


class FormsExportDialog(ScreenFitDialog):
    """Choose period, units and output; the workbooks are written off the GUI thread."""

    exported = Signal()  # an export ended: written, failed or cancelled (the summary says)

    def __init__(self, main_window: Any) -> None:
        super().__init__(main_window if isinstance(main_window, QWidget) else None)
        self.main_window = main_window
        self.database = main_window.database
        self.written: list[Path] = []
        self.result_text = ""
        self.job: ProgressJob | None = None
        self.setWindowTitle("导出单位填报表")
        self.resize(620, 560)

        current = getattr(main_window, "period", None)
        self.period = QLineEdit(
            current.label if isinstance(current, Period) else period_containing(date.today()).label
        )
        self.period.setToolTip("报告期，如 2023年第二季度、2023年上半年、2023年5月、2023年")
        self.plan_filter = QLineEdit()
        self.plan_filter.setPlaceholderText("（全部方案）标题或文号含此文字")

        self.units = QListWidget()
        with self.database.reading() as session:
            names = units_with_tasks(session)
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.units.addItem(item)
        self.all_button = QPushButton("全选")
        self.none_button = QPushButton("全不选")
        self.all_button.clicked.connect(lambda: self.check_all(True))
        self.none_button.clicked.connect(lambda: self.check_all(False))
        picks = QHBoxLayout()
        picks.addWidget(self.all_button)
        picks.addWidget(self.none_button)
        picks.addStretch(1)

        self.output_kind = QButtonGroup(self)
        kinds = QVBoxLayout()
        self.output_buttons: dict[str, QRadioButton] = {}
        for key, label in OUTPUTS:
            button = QRadioButton(label)
            self.output_buttons[key] = button
            self.output_kind.addButton(button)
            kinds.addWidget(button)
        self.output_buttons["zip"].setChecked(True)
        self.out = QLineEdit()
        browse = QPushButton("选择…")
        browse.clicked.connect(self.browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)

        form = QFormLayout()
        form.addRow("报告期：", self.period)
        form.addRow("方案：", self.plan_filter)
        self.summary = QLabel(f"共 {len(names)} 个单位有任务。")
        self.summary.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton("导出", QDialogButtonBox.ButtonRole.ApplyRole)
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("单位："))
        layout.addWidget(self.units, 1)
        layout.addLayout(picks)
        layout.addWidget(QLabel("输出为："))
        layout.addLayout(kinds)
        layout.addLayout(out_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    def check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.units.count()):
            self.units.item(row).setCheckState(state)

    def chosen_units(self) -> list[str]:
        return [
            self.units.item(row).text()
            for row in range(self.units.count())
            if self.units.item(row).checkState() == Qt.CheckState.Checked
        ]

    def kind(self) -> str:
        return next(key for key, button in self.output_buttons.items() if button.isChecked())

    def browse(self) -> None:
        kind = self.kind()
        if kind == "folder":
            name = QFileDialog.getExistingDirectory(self, "选择输出文件夹", str(last_folder("forms")))
        else:
            pattern = "Excel (*.xlsx)" if kind == "xlsx" else "压缩包 (*.zip)"
            name, _ = QFileDialog.getSaveFileName(self, "保存填报表", str(last_folder("forms")), pattern)
        if name:
            remember_folder("forms", Path(name))
            self.out.setText(name)

    def request(self) -> ExportRequest | None:
        """What the officer chose, checked; None (after saying why) when it cannot go."""
        try:
            period = parse_period(self.period.text().strip())
        except (TrackerError, ValueError) as exc:
            show_error(self, f"报告期有误：{exc}", "无法导出")
            return None
        units = self.chosen_units()
        if not units:
            show_error(self, "请至少勾选一个单位", "无法导出")
            return None
        text = self.out.text().strip()
        if not text:
            show_error(self, "请选择输出位置", "无法导出")
            return None
        kind = self.kind()
        out = Path(text)
        if kind == "xlsx" and len(units) != 1:
            show_error(
                self, f"已勾选 {len(units)} 个单位，一个 .xlsx 只能放一个单位；请选文件夹或 .zip", "无法导出"
            )
            return None
        if kind == "xlsx" and out.suffix.lower() != ".xlsx":
            out = out.with_name(out.name + ".xlsx")
        if kind == "zip" and out.suffix.lower() != ".zip":
            out = out.with_name(out.name + ".zip")
        return ExportRequest(period, units, kind, out, self.plan_filter.text().strip() or None)

    def export(self) -> None:
        """Start writing the forms in the background; `exported` follows when it ends."""
        request = self.request()
        if request is None or self.job is not None:
            return
        database = self.database
        self.written = []
        self.export_button.setEnabled(False)
        self.summary.setText(f"正在导出 {len(request.units)} 个单位的填报表…")
        self.job = ProgressJob(
            self,
            "正在导出填报表…",
            lambda report: run_export(database, request, report),
            lambda result: self._exported(request, result),
            self._failed,
        )

    def _exported(self, request: ExportRequest, result: tuple[list[UnitForm], list[Path]]) -> None:
        self.job = None
        self.export_button.setEnabled(True)
        forms, self.written = result
        tasks = sum(form.task_count for form in forms)
        self.result_text = (
            f"已导出 {len(forms)} 个单位 {request.period.label} 的填报表（共 {tasks} 项任务）到 "
            + "、".join(str(p) for p in self.written)
        )
        self.summary.setText(self.result_text)
        inform(self, self.result_text, "导出完成")
        self.exported.emit()

    def _failed(self, error: BaseException) -> None:
        self.job = None
        self.export_button.setEnabled(True)
        if isinstance(error, Cancelled):
            self.summary.setText("已取消导出（.zip 或单个文件不会留下半个；文件夹中已写完的单位表保留）。")
        else:
            self.summary.setText(f"导出失败：{describe(error)}")
            show_error(self, describe(error), "导出失败")
        self.exported.emit()

    def done(self, result: int) -> None:
        """Closing stops an export under way (its files are written atomically)."""
        if self.job is not None:
            self.job.abandon()
            self.job = None
        super().done(result)


@dataclass(frozen=True)
class ExportRequest:
    """What to export: checked in the dialog, carried out in a worker."""

    period: Period
    units: list[str]
    kind: str  # one of OUTPUTS' keys
    out: Path
    plan_filter: str | None = None


def run_export(
    database: Database, request: ExportRequest, report: Report
) -> tuple[list[UnitForm], list[Path]]:
    """The slow part, in a worker: gather each unit's tasks, then write the workbooks."""
    count = len(request.units)
    total = 2 * count
    forms: list[UnitForm] = []
    with database.reading() as session:
        rows = ledger_rows(session, request.period)  # read once for every unit's form
        for number, name in enumerate(request.units):
            report(number, total, f"正在整理“{name}”的填报表（{number + 1}/{count}）…")
            forms.append(build_form(session, name, request.period, request.plan_filter, ledger=rows))
    report(count, total, f"正在写出 {count} 个单位的填报表…")
    if request.kind == "xlsx":
        write_form(forms[0], request.out)
        return forms, [request.out]
    return forms, write_forms(forms, request.out, lambda done, _all: report(count + done, total))


def open_forms_export_dialog(main_window: Any) -> FormsExportDialog:
    dialog = FormsExportDialog(main_window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
