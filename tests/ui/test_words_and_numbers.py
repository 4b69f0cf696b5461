"""One way of writing periods and dates; typed numbers read as meant or refused; small things."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import wait_loaded
from tracker import APP_NAME
from tracker.db import models as m
from tracker.periods import parse_period
from tracker.services import tasks
from tracker.services.progress import ProgressInput, record_update
from ui.common import show_error
from ui.edit_dialogs import TaskDialog
from ui.folders import last_folder, remember_folder, save_dialog
from ui.main_window import MainWindow
from ui.models.task_table import COLUMN_KEYS
from ui.progress_dialog import ProgressDialog, recordable_periods


def error_texts(widget: object) -> list[str]:
    return [b.text() for b in widget.findChildren(QMessageBox, "errorBox") if b.isVisible()]  # type: ignore[attr-defined]


def test_progress_offers_no_period_that_has_not_begun() -> None:
    today = date(2026, 11, 30)
    offered = [p.label for p in recordable_periods(parse_period("2026Q4"), today)]
    assert offered == ["2026年第二季度", "2026年第三季度", "2026年第四季度"]
    assert "2027年第一季度" not in offered
    assert [p.code for p in recordable_periods(parse_period("2026-11"), today)] == [
        "2026-09",
        "2026-10",
        "2026-11",
    ]
    assert [p.code for p in recordable_periods(parse_period("2026-10"), today)][-1] == "2026-11"  # begun
    future = recordable_periods(parse_period("2028Q1"), today)  # a future period in the bar
    assert [p.code for p in future] == ["2026Q4"]


def test_dialog_periods_and_typed_numbers(qtbot: QtBot) -> None:
    dialog = ProgressDialog("1　任务", parse_period("2026Q4"), [], today=date(2026, 11, 30))
    qtbot.addWidget(dialog)
    labels = [dialog.period_box.itemText(i) for i in range(dialog.period_box.count())]
    assert labels[-1] == "2026年第四季度" and dialog.period_box.currentText() == "2026年第四季度"
    dialog.progress.setPlainText("推进")
    for typed, meant in (("８０", 80), ("80%", 80), ("８０％", 80), ("", None), (" 100 ", 100)):
        dialog.percent.setText(typed)
        assert dialog.value().percent == meant, typed
    dialog.show()
    dialog.percent.setText("150")
    dialog._try_accept()
    [text] = error_texts(dialog)
    assert "完成百分比" in text and "150" in text and "0 到 100" in text
    assert dialog.percent.text() == "150" and dialog.isVisible()  # not changed into 15
    for box in dialog.findChildren(QMessageBox, "errorBox"):
        box.accept()


def test_periods_and_dates_in_words_everywhere(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.period_bar.set_period(parse_period("2023Q2"))
    wait_loaded(qtbot, window)
    assert window.snapshot is not None
    row = next(r for r in window.snapshot.rows if not r.has_children)
    proof = tmp_path / "纪要.pdf"
    proof.write_bytes(b"%PDF-1.4")
    with window.database.unit_of_work() as session:
        record_update(session, row.id, ProgressInput("2023Q2", "in_progress", "推进中", evidence=[proof]))
        created = tasks.create_task(
            session,
            row.plan_id,
            tasks.TaskInput(title="交办事项", deadline=date(2025, 6, 30), remarks="领导批示件"),
        )
        created_id = created.id
    window.reload(select_task=row.id)
    wait_loaded(qtbot, window)
    html = window.detail.summary.toPlainText()
    assert "最新进展（2023年第二季度）" in html and "2023Q2" not in html
    [evidence] = window.detail.evidence_model.records()
    assert window.detail.evidence_model.index(0, 2).data() == "2023年第二季度"
    added = window.detail.evidence_model.index(0, 3).data()
    assert "年" in added and "月" in added and "-" not in added
    assert window.windowTitle() == "2023年第二季度" and APP_NAME not in window.windowTitle()

    window.select_task(created_id)
    index = window.proxy.index_of_task(created_id)
    deadline = window.proxy.index(index.row(), COLUMN_KEYS.index("deadline")).data()
    assert deadline == "2025年6月30日"
    assert (
        "备注" in window.detail.summary.toPlainText() and "领导批示件" in window.detail.summary.toPlainText()
    )
    assert evidence.filename == "纪要.pdf"


def test_edit_task_keeps_each_unit_under_its_role(qtbot: QtBot, window: MainWindow) -> None:
    current = tasks.TaskInput(title="任务", units=[("市科技局", "responsible"), ("市财政局", "responsible")])
    dialog = TaskDialog(lambda _data: None, current, window)
    qtbot.addWidget(dialog)
    assert dialog.lead.text() == "" and dialog.support.text() == ""
    assert dialog.responsible.text() == "市科技局、市财政局"
    assert dialog.value().units == current.units
    led = tasks.TaskInput(title="任务", units=[("市科技局", "lead"), ("市财政局", "support")])
    dialog = TaskDialog(lambda _data: None, led, window)
    qtbot.addWidget(dialog)
    assert (dialog.lead.text(), dialog.support.text(), dialog.responsible.text()) == (
        "市科技局",
        "市财政局",
        "",
    )
    assert dialog.value().units == led.units


def test_messages_drop_english_tags(qtbot: QtBot, window: MainWindow) -> None:
    box = show_error(window, "找不到文件 D:/台账/a.xlsx (file not found)")
    assert box.text() == "找不到文件 D:/台账/a.xlsx"
    box.accept()


def test_save_dialogs_remember_the_folder_per_kind(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    meeting = tmp_path / "会议 材料"
    meeting.mkdir()
    assert last_folder("bulletin") == Path.home()
    chosen: list[Path] = []
    dialog = save_dialog(
        window, "保存督查通报", "bulletin", "通报.pdf", "PDF 文件 (*.pdf)", chosen.append, ".pdf"
    )
    dialog.fileSelected.emit(str(meeting / "第7期"))  # typed without the suffix
    assert chosen == [meeting / "第7期.pdf"]
    dialog.close()
    assert last_folder("bulletin") == meeting and last_folder("backup") == Path.home()
    again = save_dialog(
        window, "保存督查通报", "bulletin", "通报.pdf", "PDF 文件 (*.pdf)", chosen.append, ".pdf"
    )
    assert Path(again.directory().absolutePath()) == meeting
    again.close()
    remember_folder("backup", tmp_path)
    assert QSettings().value("folders/backup") == str(tmp_path)


def test_saving_from_the_window_uses_the_typed_number(qtbot: QtBot, window: MainWindow) -> None:
    window.period_bar.set_period(parse_period("2023Q2"))
    wait_loaded(qtbot, window)
    assert window.snapshot is not None
    row = next(r for r in window.snapshot.rows if not r.has_children and not r.finished)
    window.select_task(row.id)
    dialog = window.actions_.record_current()
    assert isinstance(dialog, ProgressDialog)
    dialog.progress.setPlainText("过半")
    dialog.percent.setText("６０％")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    with window.database.reading() as session:
        assert session.scalar(select(m.Update.percent).where(m.Update.task_id == row.id)) == 60


def test_the_last_report_of_an_unreported_task_is_named_in_words(qtbot: QtBot, window: MainWindow) -> None:
    window.period_bar.set_period(parse_period("2023Q2"))
    wait_loaded(qtbot, window)
    assert window.snapshot is not None
    row = next(r for r in window.snapshot.rows if not r.has_children and not r.finished)
    with window.database.unit_of_work() as session:
        record_update(session, row.id, ProgressInput("2023Q2", "late", "土地未落实"))
    window.period_bar.set_period(parse_period("2023Q3"))  # nothing reported for this quarter yet
    wait_loaded(qtbot, window)
    window.select_task(row.id)
    qtbot.waitUntil(lambda: "报送状态" in window.detail.summary.toPlainText())
    summary = window.detail.summary.toPlainText()
    assert "最近一次2023年第二季度报送：滞后" in summary, summary
    assert "2023Q2" not in summary
    index = window.proxy.index_of_task(row.id)
    tip = window.proxy.index(index.row(), COLUMN_KEYS.index("status")).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "本期未报送；最近一次（2023年第二季度）报送：滞后", tip
