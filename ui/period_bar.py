"""The current reporting period (报告期), chosen once in the toolbar and remembered."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from tracker.errors import BadInput
from tracker.periods import KIND_LABELS, Period, parse_period, period_containing

SETTINGS_KEY = "period/current"
_KINDS = ("month", "quarter", "half", "year")
_NUMBERS = {
    "month": [(f"{n}月", n) for n in range(1, 13)],
    "quarter": [(f"第{c}季度", n) for n, c in enumerate("一二三四", start=1)],
    "half": [("上半年", 1), ("下半年", 2)],
    "year": [],
}


def remembered_period(today: date | None = None) -> Period:
    """The period last chosen, else the current quarter."""
    value = QSettings().value(SETTINGS_KEY)
    if isinstance(value, str):
        try:
            return parse_period(value)
        except BadInput:
            pass
    return period_containing(today or date.today(), "quarter")


def _code(kind: str, year: int, number: int) -> str:
    if kind == "year":
        return str(year)
    if kind == "half":
        return f"{year}H{number}"
    if kind == "quarter":
        return f"{year}Q{number}"
    return f"{year}-{number:02d}"


def _number_of(period: Period) -> int:
    kind = period.kind
    if kind == "month":
        return period.start.month
    if kind == "quarter":
        return (period.start.month - 1) // 3 + 1
    if kind == "half":
        return 1 if period.start.month == 1 else 2
    return 0


class PeriodBar(QWidget):
    """月 / 季 / 半年 / 年, the year and the number; emits `changed` with the new Period."""

    changed = Signal(object)

    def __init__(self, period: Period, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period = period
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("periodKind")
        for kind in _KINDS:
            self.kind_box.addItem(KIND_LABELS[kind], kind)
        self.year_box = QSpinBox()
        self.year_box.setObjectName("periodYear")
        self.year_box.setRange(2000, 2100)
        self.year_box.setSuffix(" 年")
        self.number_box = QComboBox()
        self.number_box.setObjectName("periodNumber")
        self.number_box.setMinimumContentsLength(5)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        label = QLabel("报告期：")
        layout.addWidget(label)
        layout.addWidget(self.kind_box)
        layout.addWidget(self.year_box)
        layout.addWidget(self.number_box)
        self._syncing = False
        self._show(period)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.year_box.valueChanged.connect(self._picked)
        self.number_box.currentIndexChanged.connect(self._picked)

    def _show(self, period: Period) -> None:
        self._syncing = True
        self.kind_box.setCurrentIndex(_KINDS.index(period.kind))
        self.year_box.setValue(period.year)
        self._fill_numbers(period.kind)
        number = _number_of(period)
        if number:
            self.number_box.setCurrentIndex(number - 1)
        self._syncing = False

    def _fill_numbers(self, kind: str) -> None:
        self.number_box.clear()
        for text, number in _NUMBERS[kind]:
            self.number_box.addItem(text, number)
        self.number_box.setVisible(kind != "year")

    def _kind_changed(self) -> None:
        if self._syncing:
            return
        kind = str(self.kind_box.currentData())
        # the period of the new kind that holds the old one's last day
        self.set_period(period_containing(self.period.end, kind))

    def _picked(self) -> None:
        if self._syncing:
            return
        kind = str(self.kind_box.currentData())
        number = self.number_box.currentData()
        self.set_period(parse_period(_code(kind, self.year_box.value(), int(number or 0))))

    def set_period(self, period: Period) -> None:
        """Show and remember `period`; emits `changed` when it differs from the current one."""
        self._show(period)
        if period == self.period:
            return
        self.period = period
        QSettings().setValue(SETTINGS_KEY, period.code)
        self.changed.emit(period)
