"""督办 in the window: the 报送提醒 panel on opening, 交办事项, 延期, 催办记录, 单位考核 and their settings.

Every figure comes from `tracker/` (the due summary, the notices, the assessment); this
module only lays them out and hands what the officer typed to one service call.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QDate, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.db import models as m
from tracker.errors import TrackerError
from tracker.rules.escalation import EscalationRules
from tracker.rules.report_due import DueRules, parse_day_list
from tracker.rules.scoring import ScoringRules, UnitScore
from tracker.services import extensions, notices, tasks
from tracker.services.notices import NoticeView
from tracker.views.assessment import (
    Assessment,
    assess,
    load_due_rules,
    load_scoring_rules,
    save_due_rules,
    save_scoring_rules,
)
from tracker.views.due import DueSummary, due_summary
from ui.common import Background, ScreenFitDialog, show_error
from ui.models.rows import Column, RowsModel
from ui.task_detail_view import make_table

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def chinese_day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _date_edit(day: date, name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy年M月d日")
    edit.setDate(_qdate(day))
    return edit


def _ok_cancel(dialog: QDialog, accept: Callable[[], None]) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


# -- 报送提醒 ------------------------------------------------------------------------------


def due_lines(summary: DueSummary) -> tuple[str, str]:
    """The panel's two lines: the headline, then who has not sent and the notices unanswered."""
    late = summary.days_left < 0
    if summary.missing:
        worst = summary.missing[0]
        who = (
            f"{'未按时报送' if late else '尚未报送'} {len(summary.missing)} 个单位"
            f"（最多：{worst.unit} {worst.tasks} 项）"
        )
    else:
        who = "各单位均已报送"
    if summary.unanswered:
        who += f"；逾期未回复的催办单 {len(summary.unanswered)} 份"
    return summary.headline(), who


def due_details(summary: DueSummary) -> str:
    """Everyone, for the tooltip: each unit with its count, each unanswered notice."""
    lines = [f"{u.unit}：{u.tasks} 项未报送" for u in summary.missing]
    lines += [
        f"{n.number} {n.unit}（{n.level.words}，回复期限 {chinese_day(n.reply_by)}）"
        for n in summary.unanswered
    ]
    return "\n".join(lines) or "没有未报送的单位"


class DuePanel(QDockWidget):
    """报送提醒, at the top of the window when it opens: due today, overdue, who has not sent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("报送提醒", parent)
        self.setObjectName("duePanel")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        body = QWidget()
        self.text = QLabel("正在查看报送情况…")
        self.text.setObjectName("dueText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.remind_button = QPushButton("生成催办单…")
        self.notices_button = QPushButton("催办记录…")
        row = QHBoxLayout(body)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.remind_button)
        row.addWidget(self.notices_button)
        body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setWidget(body)
        self.summary: DueSummary | None = None

    def show_summary(self, summary: DueSummary) -> None:
        self.summary = summary
        headline, who = due_lines(summary)
        colour = "#C00000" if summary.days_left < 0 and summary.missing else "#000000"
        self.text.setText(f"<b style='color:{colour}'>{headline}</b><br/>{who}")
        self.text.setToolTip(due_details(summary))
        self.fit()

    def fit(self) -> None:
        """Two lines tall, never more: the task table keeps the room."""
        window = self.parentWidget()
        if isinstance(window, QMainWindow):
            height = max(
                self.text.fontMetrics().lineSpacing() * 2 + 16, self.remind_button.sizeHint().height() + 8
            )
            window.resizeDocks([self], [height], Qt.Orientation.Vertical)


# -- dialogs -------------------------------------------------------------------------------


class ExtensionDialog(ScreenFitDialog):
    """延期: the new deadline, why and who approved; the original stays and is shown."""

    def __init__(
        self,
        save: Callable[[tuple[date, str, str, date]], str | None],
        task_label: str,
        current: date | None,
        history: list[extensions.ExtensionView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("extensionDialog")
        self.setWindowTitle("延期")
        self._save = save
        today = date.today()
        proposed = current.replace(year=current.year + 1) if current else date(today.year, 12, 31)
        self.new_deadline = _date_edit(proposed, "extensionDeadline")
        self.reason = QLineEdit()
        self.reason.setObjectName("extensionReason")
        self.reason.setPlaceholderText("延期理由，如“土地指标调整，开工推迟”")
        self.approver = QLineEdit()
        self.approver.setObjectName("extensionApprover")
        self.approver.setPlaceholderText("批准人，如“县政府分管副县长”")
        self.granted_on = _date_edit(today, "extensionGrantedOn")
        form = QFormLayout()
        form.addRow("任务", QLabel(task_label))
        form.addRow("现行时限", QLabel(chinese_day(current) if current else "未明确"))
        for view in history:
            if not view.revoked:
                original = chinese_day(view.original) if view.original else "未明确"
                form.addRow(
                    "已延期",
                    QLabel(f"原定{original}，延至{chinese_day(view.new_deadline)}（{view.approver}）"),
                )
        form.addRow("延至", self.new_deadline)
        form.addRow("理由", self.reason)
        form.addRow("批准人", self.approver)
        form.addRow("批准日期", self.granted_on)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_ok_cancel(self, self._try_accept))

    def _try_accept(self) -> None:
        error = self._save(
            (_pydate(self.new_deadline), self.reason.text(), self.approver.text(), _pydate(self.granted_on))
        )
        if error:
            show_error(self, error)
            return
        self.accept()


NOTICE_COLUMNS: list[Column[NoticeView]] = [
    Column("编号", lambda n: n.number),
    Column("单位", lambda n: n.unit),
    Column("报告期", lambda n: n.period.label),
    Column("等级", lambda n: n.level.words, colour=lambda n: n.level.colour),
    Column("轮次", lambda n: f"第{n.round}次"),
    Column("发出", lambda n: chinese_day(n.issued_on)),
    Column("回复期限", lambda n: chinese_day(n.reply_by)),
    Column(
        "回复",
        lambda n: (
            f"{chinese_day(n.replied_on)}已回复"
            if n.replied_on
            else ("逾期未回复" if n.overdue(date.today()) else "待回复")
        ),
        tooltip=lambda n: n.reply_note,
    ),
    Column("事项", lambda n: f"{n.tasks}项", align_right=True),
]


class NoticesDialog(ScreenFitDialog):
    """催办记录: every notice issued, newest first; a reply received is marked here."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("noticesDialog")
        self.setWindowTitle("催办记录")
        self.resize(900, 480)
        self.model: RowsModel[NoticeView] = RowsModel(NOTICE_COLUMNS)
        self.table = make_table(self.model, "noticesTable", stretch=1)
        header = self.table.horizontalHeader()
        for column in range(len(NOTICE_COLUMNS)):
            if column != 1:  # numbers and dates whole; the unit's name takes the rest
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.reply_button = QPushButton("登记回复…")
        self.reply_button.setObjectName("replyButton")
        self.reply_button.clicked.connect(self.mark_reply)
        self.summary = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.reply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        with self.window_.database.reading() as session:
            views = notices.list_notices(session)
        self.model.set_records(views)
        waiting = sum(1 for v in views if v.replied_on is None)
        overdue = sum(1 for v in views if v.overdue(date.today()))
        self.summary.setText(f"共 {len(views)} 份催办单，待回复 {waiting} 份，其中逾期未回复 {overdue} 份。")

    def selected(self) -> NoticeView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def mark_reply(self, note: str | None = None) -> None:
        view = self.selected()
        if view is None:
            show_error(self, "请先选中一份催办单", "登记回复")
            return
        if note is None:
            note, ok = QInputDialog.getText(
                self, "登记回复", f"{view.unit}对 {view.number} 的回复摘要（可不填）："
            )
            if not ok:
                return
        try:
            with self.window_.database.unit_of_work() as session:
                notices.mark_replied(session, view.id, date.today(), note, actor=self.window_.actions_.actor)
        except TrackerError as exc:
            show_error(self, str(exc), "登记回复")
            return
        self.refresh()
        self.window_.reload()


SCORE_COLUMNS: list[Column[UnitScore]] = [
    Column("名次", lambda s: s.rank, align_right=True),
    Column("单位", lambda s: s.unit),
    Column("得分", lambda s: f"{s.score:.1f}", align_right=True),
    Column("报送", lambda s: f"{s.report_part:.1f}", align_right=True),
    Column("进度", lambda s: f"{s.progress_part:.1f}", align_right=True),
    Column("扣分", lambda s: f"{s.deductions:.1f}", align_right=True),
    Column("任务", lambda s: s.tasks, align_right=True),
    Column("按时报送", lambda s: s.on_time, align_right=True),
    Column("逾期报送", lambda s: s.late_reports, align_right=True),
    Column("未报送", lambda s: s.missing, align_right=True),
    Column("已完成", lambda s: s.done, align_right=True),
    Column("逾期未完成", lambda s: s.overdue, align_right=True),
    Column("退回", lambda s: s.returns, align_right=True),
    Column("催办", lambda s: s.reminders, align_right=True),
]


class AssessmentDialog(ScreenFitDialog):
    """单位考核 of the window's period: the ranking, its breakdown, and the rule beside it."""

    def __init__(self, window: MainWindow, result: Assessment) -> None:
        super().__init__(window)
        self.setObjectName("assessmentDialog")
        self.setWindowTitle(f"单位考核 — {result.period.label}")
        self.resize(1000, 560)
        self.model: RowsModel[UnitScore] = RowsModel(SCORE_COLUMNS, result.scores)
        table = make_table(self.model, "assessmentTable", stretch=1)
        header = table.horizontalHeader()
        for column in range(len(SCORE_COLUMNS)):
            if column != 1:  # numbers as wide as they need; the unit's name takes the rest
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        heading = QLabel(
            f"{result.period.label}单位考核（报送截止日：{chinese_day(result.due)}，{len(result.scores)}个单位）"
        )
        rule = QLabel("<br/>".join(f"{i}. {line}" for i, line in enumerate(result.rules.lines(), 1)))
        rule.setObjectName("scoringRule")
        rule.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(table, 1)
        box = QGroupBox("计分规则（可在“督办 → 督办设置”中调整）")
        QVBoxLayout(box).addWidget(rule)
        layout.addWidget(box)
        layout.addWidget(buttons)


class CycleSettingsDialog(ScreenFitDialog):
    """督办设置: 报送截止日, 催办 escalation, which deadline counts, 考核 weights."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("cycleSettingsDialog")
        self.setWindowTitle("督办设置")
        self.setMinimumWidth(560)
        with window.database.reading() as session:
            due = load_due_rules(session)
            escalation = notices.load_escalation_rules(session)
            basis = extensions.deadline_basis(session)
            scoring = load_scoring_rules(session)
        self.working_days = self._spin(due.working_days, 0, 30, "dueWorkingDays")
        self.grace_days = self._spin(due.grace_days, 0, 30, "dueGraceDays")
        self.holidays = QLineEdit(", ".join(sorted(d.isoformat() for d in due.holidays)))
        self.holidays.setPlaceholderText("法定节假日（工作日中放假的日子），如 2024-10-01, 2024-10-02")
        self.workdays = QLineEdit(", ".join(sorted(d.isoformat() for d in due.extra_workdays)))
        self.workdays.setPlaceholderText("调休上班的周末，如 2024-10-12")
        self.steps_unanswered = self._spin(escalation.steps_if_unanswered, 0, 2, "stepsUnanswered")
        self.steps_answered = self._spin(escalation.steps_if_answered, 0, 2, "stepsAnswered")
        self.original = QRadioButton(extensions.BASES["original"])
        self.extended = QRadioButton(extensions.BASES["extended"])
        self.original.setObjectName("basisOriginal")
        self.extended.setObjectName("basisExtended")
        group = QButtonGroup(self)
        group.addButton(self.original)
        group.addButton(self.extended)
        (self.extended if basis == "extended" else self.original).setChecked(True)
        self.report_points = self._number(scoring.report_points, "reportPoints")
        self.progress_points = self._number(scoring.progress_points, "progressPoints")
        self.support_weight = self._number(scoring.role_weight["support"], "supportWeight", 0.0, 1.0, 0.1)
        self.return_deduction = self._number(scoring.return_deduction, "returnDeduction", 0.0, 10.0, 0.5)

        due_box = QGroupBox("报送截止日")
        due_form = QFormLayout(due_box)
        due_form.addRow("报告期结束后第几个工作日", self.working_days)
        due_form.addRow("宽限天数", self.grace_days)
        due_form.addRow("节假日", self.holidays)
        due_form.addRow("调休上班日", self.workdays)
        remind_box = QGroupBox("催办升级（蓝 → 黄 → 红）")
        remind_form = QFormLayout(remind_box)
        remind_form.addRow("上次催办逾期未回复，升几级", self.steps_unanswered)
        remind_form.addRow("上次已回复但仍未解决，升几级", self.steps_answered)
        basis_box = QGroupBox("延期后亮灯和考核依据")
        basis_row = QHBoxLayout(basis_box)
        basis_row.addWidget(self.original)
        basis_row.addWidget(self.extended)
        score_box = QGroupBox("单位考核（每项任务满分100分）")
        score_form = QFormLayout(score_box)
        score_form.addRow("报送分", self.report_points)
        score_form.addRow("进度分", self.progress_points)
        score_form.addRow("配合单位权重（牵头为1）", self.support_weight)
        score_form.addRow("每退回一次扣分", self.return_deduction)
        layout = QVBoxLayout(self)
        for box in (due_box, remind_box, basis_box, score_box):
            layout.addWidget(box)
        layout.addWidget(_ok_cancel(self, self._try_accept))

    @staticmethod
    def _spin(value: int, low: int, high: int, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(low, high)
        box.setValue(value)
        return box

    @staticmethod
    def _number(
        value: float, name: str, low: float = 0.0, high: float = 100.0, step: float = 5.0
    ) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setObjectName(name)
        box.setRange(low, high)
        box.setSingleStep(step)
        box.setDecimals(1)
        box.setValue(value)
        return box

    def _try_accept(self) -> None:
        try:
            holidays = parse_day_list(self.holidays.text())
            workdays = parse_day_list(self.workdays.text())
        except ValueError:
            show_error(self, "节假日和调休上班日应写成 2024-10-01 这样的日期，用逗号分隔", "输入有误")
            return
        with self.window_.database.reading() as session:
            current = load_scoring_rules(session)
        scoring = ScoringRules(
            report_points=self.report_points.value(),
            late_report_share=current.late_report_share,
            progress_points=self.progress_points.value(),
            progress_share=current.progress_share,
            role_weight={**current.role_weight, "support": self.support_weight.value()},
            return_deduction=self.return_deduction.value(),
            reminder_deduction=current.reminder_deduction,
        )
        try:
            with self.window_.database.unit_of_work() as session:
                save_due_rules(
                    session, DueRules(self.working_days.value(), self.grace_days.value(), holidays, workdays)
                )
                notices.save_escalation_rules(
                    session, EscalationRules(self.steps_unanswered.value(), self.steps_answered.value())
                )
                extensions.set_deadline_basis(
                    session, "extended" if self.extended.isChecked() else "original"
                )
                save_scoring_rules(session, scoring)
        except TrackerError as exc:
            show_error(self, str(exc), "无法保存")
            return
        self.accept()
        self.window_.reload()


# -- wiring --------------------------------------------------------------------------------


DUE_DELAY_MS = 800


class _DueSignals(QObject):
    loaded = Signal()


class CycleActions:
    """The 督办 menu and the 报送提醒 panel of one main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: QWidget | None = None  # the last dialog opened (tests drive it)
        self.signals = _DueSignals()
        menu = window.menuBar().addMenu("督办(&D)")

        def act(text: str, slot: Callable[[], Any], name: str, shortcut: str | None = None) -> QAction:
            action = QAction(text, window)
            action.setObjectName(name)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False: slot())
            menu.addAction(action)
            return action

        self.assign_action = act("新增交办事项…", self.new_assignment, "assignAction", "Ctrl+Shift+N")
        self.extend_action = act("延期…", self.extend_current, "extendAction")
        menu.addSeparator()
        self.notices_action = act("催办记录…", self.show_notices, "noticesAction")
        self.assess_action = act("单位考核…", self.show_assessment, "assessmentAction")
        self.due_action = act("报送提醒", self.show_due, "dueAction")
        menu.addSeparator()
        self.settings_action = act("督办设置…", self.cycle_settings, "cycleSettingsAction")

        self.panel = DuePanel(window)
        self.panel.remind_button.clicked.connect(window.actions_.open_reports)
        self.panel.notices_button.clicked.connect(self.show_notices)
        window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, self.panel)
        self.background = Background(self._due_loaded, self._due_failed)
        # Read behind the shown window, once it has settled: the panel must never delay or
        # slow the first screen (it reads the ledger a second time, for the previous period).
        QTimer.singleShot(DUE_DELAY_MS, window, self._refresh_due_once_read)  # cancelled if the window goes

    def _open(self, dialog: QWidget) -> QWidget:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.show()
        return dialog

    def _refresh_due_once_read(self) -> None:
        """The first read waits until the window's read is over, whole or failed (a big ledger
        is read in steps after the window shows): a thread reading beside it would slow every step."""
        if self.window.loading:
            self.window.settled.connect(self.refresh_due, Qt.ConnectionType.SingleShotConnection)
        else:
            self.refresh_due()

    def refresh_due(self) -> None:
        database = self.window.database
        self.background.submit(lambda: _read_due(database))

    def _due_loaded(self, summary: DueSummary) -> None:
        if shiboken6.isValid(self.panel):  # the window may have closed while the read ran
            self.panel.show_summary(summary)
            self.signals.loaded.emit()

    def _due_failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self.panel):
            self.panel.text.setText(f"无法读取报送情况：{error}")
            self.signals.loaded.emit()

    def close(self) -> None:
        """The window is closing: the 报送提醒 read still running is dropped, none is started
        (its result has no panel to go to, and the closing window does not wait for it)."""
        self.background.close()

    def show_due(self) -> None:
        self.panel.show()
        self.refresh_due()

    def new_assignment(self) -> QWidget:
        from ui.edit_dialogs import TaskDialog

        actor = self.window.actions_.actor
        created: list[int] = []

        def save(data: tasks.TaskInput) -> str | None:
            try:
                with self.window.database.unit_of_work() as session:
                    created.append(tasks.create_assignment(session, data, actor=actor).id)
            except TrackerError as exc:
                return str(exc)
            self.window.reload(select_task=created[-1])
            return None

        return self._open(TaskDialog(save, parent=self.window, assignment=True))

    def extend_current(self) -> QWidget | None:
        task_id = self.window.current_task_id()
        if task_id is None:
            show_error(self.window, "请先在台账中选中要延期的任务", "延期")
            return None
        with self.window.database.reading() as session:
            task = session.get(m.Task, task_id)
            assert task is not None
            label = f"{task.code} {task.title[:40]}".strip()
            in_force = extensions.current_extension(session, task_id)
            current = in_force.new_deadline if in_force is not None else task.deadline
            history = extensions.extensions_of(session, task_id)
        actor = self.window.actions_.actor

        def save(values: tuple[date, str, str, date]) -> str | None:
            new, reason, approver, granted = values
            return self.window.actions_.run(
                lambda s: extensions.grant_extension(s, task_id, new, reason, approver, granted, actor=actor),
                task_id,
            )

        return self._open(ExtensionDialog(save, label, current, history, self.window))

    def show_notices(self) -> QWidget:
        return self._open(NoticesDialog(self.window))

    def show_assessment(self) -> QWidget:
        with self.window.database.reading() as session:
            result = assess(session, self.window.period)
        return self._open(AssessmentDialog(self.window, result))

    def cycle_settings(self) -> QWidget:
        return self._open(CycleSettingsDialog(self.window))


def _read_due(database: Any) -> DueSummary:
    with database.reading() as session:
        return due_summary(session, date.today())
