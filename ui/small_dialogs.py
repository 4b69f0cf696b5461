"""Small dialogs: a required reason (销号), and the settings (thresholds, officer name)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.lights import LightRules
from tracker.periods import Period, period_containing
from tracker.rules.indicators import IndicatorRules
from tracker.views.rules import JudgingSettings
from ui.common import show_error
from ui.keys import SAVE_HINT, FormDialog


class ReasonDialog(FormDialog):
    """Asks for a reason; with `required`, refuses an empty one. `save` returns an error or None."""

    def __init__(
        self,
        title: str,
        prompt: str,
        save: Callable[[str], str | None],
        required: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.resize(480, 260)
        self._save = save
        self.required = required
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reasonText")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(SAVE_HINT)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)

    def _try_accept(self) -> None:
        text = self.reason.toPlainText().strip()
        if self.required and not text:
            show_error(self, "请填写理由", "输入有误")
            return
        error = self._save(text)
        if error:
            show_error(self, error)
            return
        self.accept()


class CloseDialog(ReasonDialog):
    """销号: a reason, the date it was closed (today by default) and the period it closes in.

    The period defaults to the one the window shows, so a task closed while back-filling
    2023Q2 in July is closed in the Q2 总览, not in Q1's.
    """

    def __init__(
        self,
        period: Period,
        save: Callable[[str, date, str], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "销号",
            "销号表示督查人员确认此项任务已办结，不再跟踪。请写明销号理由（如“已完成并经现场核实”）：",
            lambda reason: save(reason, self.day(), self.period_code()),
            parent=parent,
        )
        self.setObjectName("closeDialog")
        today = date.today()
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setObjectName("closeDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy年M月d日")
        self.date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.period = QComboBox()
        self.period.setObjectName("closePeriod")
        choices = [period]
        latest = period_containing(today)
        step = latest
        for _ in range(8):  # the quarters up to today, for a 销号 dated in another period
            if step not in choices:
                choices.append(step)
            step = step.previous()
        for choice in choices:
            self.period.addItem(choice.label, choice.code)
        form = QFormLayout()
        form.addRow("销号日期", self.date)
        form.addRow("销号所属报告期", self.period)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(layout.count() - 1, form)

    def day(self) -> date:
        value = self.date.date()
        return date(value.year(), value.month(), value.day())

    def period_code(self) -> str:
        return str(self.period.currentData())


class SettingsDialog(FormDialog):
    """亮灯规则, the officer's name and (given `document`) 发文单位, 主送 and 抄送 of the 通报;
    saved to the ledger so they travel with a backup."""

    def __init__(
        self,
        current: JudgingSettings,
        save: Callable[[JudgingSettings], str | None],
        parent: QWidget | None = None,
        document: tuple[str, str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("设置")
        self._save = save
        self.officer = QLineEdit(current.officer_name)
        self.officer.setObjectName("officerName")
        self.officer.setPlaceholderText("留空则用电脑用户名")
        self.yellow = QDoubleSpinBox()
        self.yellow.setObjectName("yellowGap")
        self.red = QDoubleSpinBox()
        self.red.setObjectName("redGap")
        for box, value in ((self.yellow, current.rules.yellow_gap), (self.red, current.rules.red_gap)):
            box.setRange(0, 100)
            box.setDecimals(0)
            box.setSuffix(" 个百分点")
            box.setValue(value)
        self.warn = QSpinBox()
        self.warn.setObjectName("warnDays")
        self.warn.setRange(0, 365)
        self.warn.setSuffix(" 天")
        self.warn.setValue(current.rules.warn_days)
        self.ahead = QDoubleSpinBox()
        self.ahead.setObjectName("indicatorAheadGap")
        self.behind = QDoubleSpinBox()
        self.behind.setObjectName("indicatorBehindGap")
        self.about = QDoubleSpinBox()
        self.about.setObjectName("indicatorAboutTolerance")
        indicators = current.indicators
        for box, value, top, suffix in (
            (self.ahead, indicators.ahead_gap, 100, " 个百分点"),
            (self.behind, indicators.behind_gap, 100, " 个百分点"),
            (self.about, indicators.about_tolerance, 50, " %"),
        ):
            box.setRange(0, top)
            box.setDecimals(0)
            box.setSuffix(suffix)
            box.setValue(value)
        form = QFormLayout()
        form.addRow("经办人姓名（记入留痕）", self.officer)
        form.addRow("落后序时进度达到此值亮黄灯", self.yellow)
        form.addRow("落后序时进度超过此值亮红灯", self.red)
        form.addRow("距完成时限几天内亮黄灯", self.warn)
        form.addRow("指标进度领先序时达到此值为“快于预期”", self.ahead)
        form.addRow("指标进度落后序时超过此值为“滞后”", self.behind)
        form.addRow("“左右”类指标目标允许的偏差", self.about)
        self.document_edits: list[QLineEdit] = []
        if document is not None:
            hints = ("如：温州市科学技术局（印在通报版头、落款和版记）", "默认：各责任单位", "可留空")
            for label, words, hint in zip(("发文单位", "主送", "抄送"), document, hints, strict=True):
                edit = QLineEdit(words)
                edit.setObjectName(f"document_{label}")
                edit.setPlaceholderText(hint)
                self.document_edits.append(edit)
                form.addRow(f"督查通报{label}", edit)
        note = QLabel(
            "默认值：落后 10 个百分点黄灯，超过 30 个百分点红灯，临近时限 3 天；"
            "指标进度领先序时 10 个百分点为快于预期，落后超过 10 个百分点为滞后，“左右”允许偏差 5%。"
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(SAVE_HINT)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def value(self) -> JudgingSettings:
        return JudgingSettings(
            LightRules(self.yellow.value(), self.red.value(), self.warn.value()),
            self.officer.text().strip(),
            IndicatorRules(self.ahead.value(), self.behind.value(), self.about.value()),
        )

    def document_value(self) -> tuple[str, str, str] | None:
        """发文单位, 主送, 抄送 as typed (None when the dialog does not show them)."""
        if not self.document_edits:
            return None
        office, recipients, copies_to = (edit.text().strip() for edit in self.document_edits)
        return office, recipients, copies_to

    def _try_accept(self) -> None:
        error = self._save(self.value())
        if error:
            show_error(self, error)
            return
        self.accept()
