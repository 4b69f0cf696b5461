"""One unit through two periods of the 督办 cycle, in the window, with the documents checked at each step.

温岭市科学技术局 gets its 2023Q1 form, is chased twice (blue, then yellow when the first goes
unanswered), returns its form late with a 滞后 row lacking 存在问题 and 下步措施, which is sent
back with a 退回单; it returns the corrected row; in 2023Q2 a task is granted 延期 and another
is closed (办结). At each step the window's 考核, the Excel 台账's 单位考核 sheet and the 催办记录
tell the same story.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import wait_loaded
from tracker.db import models as m
from tracker.forms import layout
from tracker.forms.export import build_form, write_form
from tracker.periods import parse_period
from tracker.reports.assemble import Scope, assemble_report, resolve_scope
from tracker.reports.issue_reminders import issue_reminders
from tracker.reports.reminders import ReminderOptions
from tracker.reports.xlsx_ledger import write_ledger
from tracker.rules.scoring import UnitScore
from tracker.services.extensions import grant_extension
from tracker.services.progress import close_task
from tracker.views.assessment import assess
from ui.dialogs.forms_import import open_forms_import_dialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

UNIT = "温岭市科学技术局"
Q1, Q2 = parse_period("2023Q1"), parse_period("2023Q2")
WAIT_MS = 30_000


def score_of(window: MainWindow, period_code: str) -> UnitScore:
    with window.database.reading() as session:
        result = assess(session, parse_period(period_code))
    return next(s for s in result.scores if s.unit == UNIT)


def ledger_row(window: MainWindow, period_code: str, out: Path) -> tuple[object, ...]:
    """The unit's row of the 单位考核 sheet in the Excel 台账 written for the period."""
    with window.database.reading() as session:
        report = assemble_report(session, parse_period(period_code))
    write_ledger(report, out)
    sheet = openpyxl.load_workbook(out)["单位考核"]
    return next(r for r in sheet.iter_rows(values_only=True) if r[1] == UNIT)


def chase(window: MainWindow, day: date, reply_by: date, out: Path) -> tuple[str, int]:
    with window.database.reading() as session:
        scope = resolve_scope(session, unit=UNIT)
    result = issue_reminders(
        window.database,
        Q1,
        scope,
        out,
        ReminderOptions(office="温岭市委督查室", issued_on=day, reply_by=reply_by),
    )
    [notice] = result.planned
    return notice.level.words, notice.round


def fill(path: Path, rows: dict[int, dict[str, object]]) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb[layout.SHEET]
    header = next(r for r in range(1, 20) if layout.HEADER_OF["status"] in [c.value for c in ws[r]])
    cols = {layout.normalise_header(c.value): i + 1 for i, c in enumerate(ws[header]) if c.value}
    for r in range(header + 1, ws.max_row + 1):
        parsed = layout.parse_row_id(str(ws.cell(r, 1).value or ""))
        if parsed is not None and parsed[1] is None and parsed[0] in rows:
            for key, value in rows[parsed[0]].items():
                ws.cell(r, cols[layout.normalise_header(layout.HEADER_OF[key])]).value = value
    wb.save(path)


def import_form(qtbot: QtBot, window: MainWindow, path: Path, received: date, return_flagged: bool) -> str:
    dialog = open_forms_import_dialog(window)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        dialog.load(path)
    if return_flagged:
        dialog.flagged_button.click()
    dialog.received.setDate(QDate(received.year, received.month, received.day))
    dialog.apply_button.click()
    text = dialog.result_text
    dialog.close()
    wait_loaded(qtbot, window)
    return text


def test_a_unit_through_two_periods(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "督办 文件"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))

    from tracker.services.settings import OFFICE_NAME, set_setting

    with window.database.unit_of_work() as session:
        set_setting(session, OFFICE_NAME, "温岭市委督查室")
    # 1. The Q1 form goes out.
    form = folder / "温岭科技局 2023年第一季度 填报表.xlsx"
    with window.database.reading() as session:
        unit_form = build_form(session, UNIT, Q1)
        write_form(unit_form, form)
    task_ids = [int(row.row_id[1:]) for row in unit_form.rows if not row.is_metric]
    late_task, fine_task, extended_task, closed_task = task_ids[:4]

    # 2. Chased twice before anything arrives: blue, then yellow because the first went unanswered.
    assert chase(window, date(2023, 4, 10), date(2023, 4, 12), folder / "催办1.pdf") == ("蓝色催办", 1)
    assert chase(window, date(2023, 4, 14), date(2023, 4, 18), folder / "催办2.pdf") == ("黄色催办", 2)

    # 3. The form comes back late (due 2023-04-07) with a 滞后 row lacking 存在问题/下步措施: 退回.
    fill(
        form,
        {
            late_task: {"status": "滞后", "percent": 5, "progress": "用地未落实"},
            fine_task: {"status": "推进中", "percent": 30, "progress": "已开工建设"},
        },
    )
    text = import_form(qtbot, window, form, date(2023, 4, 17), return_flagged=True)
    assert "已导入 1 项" in text and "退回 1 项" in text
    [fresh] = folder.glob("*重报表.xlsx")
    assert len(list(folder.glob("*退回单.pdf"))) == 1
    with window.database.reading() as session:
        notices = session.scalars(select(m.ReminderNotice).order_by(m.ReminderNotice.id)).all()
        assert [n.replied_on for n in notices] == [date(2023, 4, 17)] * 2  # the form answers both rounds
    score = score_of(window, "2023Q1")
    assert (score.returns, score.reminders, score.late_reports) == (1, 2, 1)
    row = ledger_row(window, "2023Q1", folder / "台账1.xlsx")
    assert (row[0], row[2], row[12], row[13]) == (score.rank, score.score, 1, 2)

    # 4. The corrected row returns: accepted, now counted as reported (still late: after the due day).
    fill(fresh, {late_task: {"problems": "用地指标未落实", "next_steps": "4月底前报县政府专题会协调"}})
    text = import_form(qtbot, window, fresh, date(2023, 4, 20), return_flagged=False)
    assert "已导入 1 项" in text and "退回" not in text
    again = score_of(window, "2023Q1")
    assert again.missing < score.missing and again.returns == 1

    # 5. Q2: 延期 granted for one task, another closed (办结) on 28 June.
    with window.database.unit_of_work() as session:
        grant_extension(
            session, extended_task, date(2026, 6, 30), "设备到货推迟", "分管副市长", date(2023, 5, 8)
        )
        close_task(session, closed_task, "已建成投用", on=date(2023, 6, 28), period="2023Q2")
    window.reload()
    wait_loaded(qtbot, window)
    window.show_task(extended_task)
    assert "延至 2026年6月30日（分管副市长批准" in window.detail.summary.toPlainText()
    q2 = score_of(window, "2023Q2")
    assert q2.done >= 1 and q2.reminders == 0 and q2.returns == 0
    row = ledger_row(window, "2023Q2", folder / "台账2.xlsx")
    assert (row[0], row[2], row[10]) == (q2.rank, q2.score, q2.done)
    # The 台账's 督办记录 column: 催办次数 with the last notice, and the 延期 with the original deadline.
    tasks_sheet = openpyxl.load_workbook(folder / "台账2.xlsx")["任务台账"]
    header = next(r for r in tasks_sheet.iter_rows(values_only=True) if "督办记录" in r)
    column = header.index("督办记录")
    records = [str(r[column]) for r in tasks_sheet.iter_rows(values_only=True) if r[column]]
    assert any(r.startswith("催办2次，最近〔2023〕第1季度-002（黄色催办）") for r in records)
    assert any(r.startswith("延期至2026年6月30日（原定") for r in records)
    with window.database.reading() as session:
        report = assemble_report(session, Q2, Scope())
    assert report.changes is not None and closed_task in report.changes.newly_done
