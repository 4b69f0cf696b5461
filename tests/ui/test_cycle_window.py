"""The 督办 menu and the 报送提醒 panel, driven offscreen on the seeded ledger."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import wait_loaded
from tracker.db import models as m
from tracker.services.progress import ProgressInput, record_update
from ui.cycle import AssessmentDialog, CycleSettingsDialog, ExtensionDialog, NoticesDialog
from ui.edit_dialogs import TaskDialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_due_panel_opens_with_who_has_not_sent(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.cycle.panel
    if panel.summary is None:
        with qtbot.waitSignal(window.cycle.signals.loaded, timeout=20_000):
            pass
    assert panel.isVisible() and panel.summary is not None
    text = panel.text.text()
    assert "进展报送" in text and "个单位" in text
    assert panel.summary.missing and panel.summary.missing[0].unit in panel.text.toolTip()


def test_new_assignment_from_the_menu(qtbot: QtBot, window: MainWindow) -> None:
    window.cycle.assign_action.trigger()
    dialog = window.cycle.dialog
    assert isinstance(dialog, TaskDialog) and dialog.windowTitle() == "新增交办事项"
    assert dialog.origin_kind.currentData() == "instruction" and dialog.origin_leader.isEnabled()
    dialog.title.setText("落实科创飞地建设的批示")  # typed Chinese: QTest only types ASCII
    dialog.lead.setText("温岭市科学技术局")  # typed Chinese: QTest only types ASCII
    dialog.leader.setText("李副市长")  # typed Chinese: QTest only types ASCII
    dialog.origin_leader.setText("王书记")  # typed Chinese: QTest only types ASCII
    dialog.origin_text.setPlainText("请抓紧研究，年底前落地。")
    dialog.assigned_on.setDate(QDate(2023, 8, 1))
    dialog.is_key.setChecked(True)
    dialog._try_accept()
    assert not dialog.isVisible()
    wait_loaded(qtbot, window)
    with window.database.reading() as session:
        task = session.scalars(select(m.Task).join(m.Plan).where(m.Plan.title == "2023年交办事项")).one()
        assert (task.title, task.origin_leader, task.leader, task.is_key) == (
            "落实科创飞地建设的批示",
            "王书记",
            "李副市长",
            True,
        )
        task_id = task.id
    assert window.current_task_id() == task_id
    shown = window.detail.summary.toPlainText()
    assert (
        "★重点" in shown and "领导批示（王书记，2023年8月1日）：请抓紧研究" in shown and "李副市长" in shown
    )


def test_extension_dialog_records_and_the_detail_shows_it(qtbot: QtBot, window: MainWindow) -> None:
    with window.database.reading() as session:
        task_id = session.scalars(
            select(m.Task.id).where(m.Task.deadline.is_not(None)).order_by(m.Task.id)
        ).first()
    assert task_id is not None and window.select_task(task_id)
    dialog = window.cycle.extend_current()
    assert isinstance(dialog, ExtensionDialog)
    dialog.new_deadline.setDate(QDate(2030, 12, 31))
    dialog.reason.setText("用地报批延后")  # typed Chinese: QTest only types ASCII
    dialog._try_accept()
    assert dialog.isVisible()  # no approver: refused, the dialog stays
    dialog.approver.setText("分管副县长")  # typed Chinese: QTest only types ASCII
    dialog._try_accept()
    assert not dialog.isVisible()
    wait_loaded(qtbot, window)
    with window.database.reading() as session:
        row = session.scalars(select(m.DeadlineExtension)).one()
        assert (row.task_id, row.new_deadline, row.approver) == (task_id, date(2030, 12, 31), "分管副县长")
    window.show_task(task_id)
    assert "延至 2030年12月31日（分管副县长批准" in window.detail.summary.toPlainText()


def test_notices_reply_assessment_and_settings(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from tracker.periods import parse_period
    from tracker.reports.assemble import Scope
    from tracker.reports.issue_reminders import issue_reminders
    from tracker.reports.reminders import ReminderOptions

    out = tmp_path / "催办.pdf"
    result = issue_reminders(
        window.database,
        parse_period("2023Q2"),
        Scope(),
        out,
        ReminderOptions(office="某市科技局", issued_on=date(2023, 7, 10)),
    )
    assert result.recorded and result.planned
    dialog = window.cycle.show_notices()
    assert isinstance(dialog, NoticesDialog) and dialog.model.rowCount() == len(result.planned)
    assert "逾期未回复" in dialog.summary.text()
    dialog.table.selectRow(0)
    dialog.mark_reply("已电话答复")
    assert dialog.model.record(0) is not None and dialog.model.record(0).replied_on == date.today()
    dialog.close()

    with window.database.unit_of_work() as session:
        task_id = session.scalars(select(m.TaskUnit.task_id).order_by(m.TaskUnit.task_id)).first()
        assert task_id is not None
        record_update(session, task_id, ProgressInput(window.period.code, "in_progress", "推进中", 50))
    report = window.cycle.show_assessment()
    assert isinstance(report, AssessmentDialog) and report.model.rowCount() > 0
    rule = report.findChild(QLabel, "scoringRule")
    assert isinstance(rule, QLabel) and "不以登录次数" in rule.text()
    report.close()

    settings = window.cycle.cycle_settings()
    assert isinstance(settings, CycleSettingsDialog)
    settings.working_days.setValue(10)
    settings.extended.setChecked(True)
    settings.holidays.setText("2023-10-02 2023-10-03")
    settings._try_accept()
    assert not settings.isVisible()
    from tracker.services.extensions import deadline_basis
    from tracker.views.assessment import load_due_rules

    with window.database.reading() as session:
        assert deadline_basis(session) == "extended"
        due = load_due_rules(session)
        assert due.working_days == 10 and date(2023, 10, 3) in due.holidays
    bad = window.cycle.cycle_settings()
    assert isinstance(bad, CycleSettingsDialog)
    bad.holidays.setText("十月一日")
    bad._try_accept()
    assert bad.isVisible()
    bad.close()


def test_key_items_are_marked_and_have_a_view(qtbot: QtBot, window: MainWindow) -> None:
    from tracker.services.tasks import edit_task, input_of
    from tracker.views.table import VIEW_KEY

    with window.database.unit_of_work() as session:
        task = session.scalars(
            select(m.Task).where(m.Task.parent_id.is_not(None)).order_by(m.Task.id)
        ).first()
        assert task is not None
        data = input_of(task)
        data.is_key = True
        edit_task(session, task.id, data)
        task_id = task.id
    window.reload()
    wait_loaded(qtbot, window)
    entries = {entry.key: entry.count for entry in window.nav.view_model.records()}
    assert entries[VIEW_KEY] == 1
    window.nav.set_view(VIEW_KEY)
    window.nav.view_picked.emit(VIEW_KEY)
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 1, timeout=5_000)
    row = window.row_of(task_id)
    assert row is not None and row.is_key
    title = window.proxy.index(0, 1).data()
    assert "★" in str(title)


def test_the_overview_names_the_changes_since_the_previous_period(qtbot: QtBot, window: MainWindow) -> None:
    from tracker.views.changes import period_changes

    with window.database.unit_of_work() as session:
        task_id = session.scalars(select(m.TaskUnit.task_id).order_by(m.TaskUnit.task_id)).first()
        assert task_id is not None
        previous = window.period.previous().code
        record_update(session, task_id, ProgressInput(previous, "late", "未开工", 0))
        record_update(session, task_id, ProgressInput(window.period.code, "done", "已完成", 100))
    window.reload()
    wait_loaded(qtbot, window)
    window.center.setCurrentWidget(window.overview_page)
    with window.database.reading() as session:
        expected = "".join(period_changes(session, window.period).sentences())
    assert expected.startswith("与") and window.overview_page.changes.text() == expected
