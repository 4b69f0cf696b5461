"""审核 and 退回 of a returned form, end to end through the command line.

A unit returns its form on time with one row reported 滞后 but without 存在问题 and 下步措施:
that row is sent back with a 退回单 and a fresh form of just that row, is not counted as
reported, and the corrected form, returned later, is accepted and closes the 催办单.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.tracker.forms.test_forms_roundtrip import cli, col, find_row, header_columns
from tracker.db import models as m
from tracker.db.engine import Database
from tracker.forms import layout
from tracker.periods import parse_period
from tracker.services.settings import OFFICE_NAME, set_setting
from tracker.views.status import task_states

UNIT = "温州市科学技术局"
PERIOD = "2023Q2"


def _fill(path: Path, rows: dict[int, dict[str, object]]) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb[layout.SHEET]
    header, cols = header_columns(ws)
    for task_id, values in rows.items():
        r = find_row(ws, header, layout.task_row_id(task_id))
        for key, value in values.items():
            ws.cell(r, col(cols, key)).value = value
    wb.save(path)


def _task_ids(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[int]:
    header, _cols = header_columns(ws)
    out = []
    for r in range(header + 1, ws.max_row + 1):
        parsed = layout.parse_row_id(str(ws.cell(r, 1).value or ""))
        if parsed is not None and parsed[1] is None:
            out.append(parsed[0])
    return out


def test_flagged_row_is_returned_then_accepted(
    seeded: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with seeded.unit_of_work() as session:  # a 退回单 is signed by the office
        set_setting(session, OFFICE_NAME, "温州市委督查室")
    form = tmp_path / "填报表 温州.xlsx"
    assert cli(db_path, "forms", "export", "--unit", UNIT, "--period", PERIOD, "--out", str(form)) == 0
    [late, fine, *_] = _task_ids(openpyxl.load_workbook(form)[layout.SHEET])
    _fill(
        form,
        {
            late: {"status": "滞后", "percent": 10, "progress": "用地指标尚未落实"},
            fine: {"status": "推进中", "percent": 60, "progress": "已完成方案编制"},
        },
    )
    capsys.readouterr()
    out = tmp_path / "退回 文件"
    out.mkdir()
    code = cli(
        db_path,
        "forms",
        "import",
        str(form),
        "--received",
        "2023-07-05",
        "--return-flagged",
        "--return-out",
        str(out),
    )
    captured = capsys.readouterr()
    printed = captured.out + captured.err
    assert code == 0, printed
    assert "【建议退回】报告滞后，须填写存在问题、下步措施" in printed and "审核退回 1 项" in printed

    with seeded.reading() as session:
        returned = session.scalars(select(m.Update).where(m.Update.task_id == late)).one()
        assert (returned.review_state, returned.received_on) == ("returned", date(2023, 7, 5))
        assert "须填写存在问题" in (returned.review_reason or "")
        accepted = session.scalars(select(m.Update).where(m.Update.task_id == fine)).one()
        assert accepted.review_state == "accepted" and accepted.received_on == date(2023, 7, 5)
        states = task_states(session, parse_period(PERIOD))
        assert not states[late].reported_in_period and states[late].latest is None
        assert states[fine].reported_in_period

    [pdf] = out.glob("*退回单.pdf")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages).replace("\n", "")
    assert "填报退回单" in text and UNIT in text and "2023年第二季度" in text and "须填写存在问题" in text
    [fresh] = out.glob("*重报表.xlsx")
    ws = openpyxl.load_workbook(fresh)[layout.SHEET]
    assert _task_ids(ws) == [late]
    header, cols = header_columns(ws)
    r = find_row(ws, header, layout.task_row_id(late))
    assert ws.cell(r, col(cols, "progress")).value == "用地指标尚未落实"  # what the unit sent, kept
    assert "退回重报" in str(ws.cell(r, col(cols, "known")).value)

    # The unit corrects the row and sends the fresh form back: accepted.
    _fill(fresh, {late: {"problems": "用地指标未落实", "next_steps": "7月底前报县政府专题会协调"}})
    assert cli(db_path, "forms", "import", str(fresh), "--received", "2023-07-12") == 0
    with seeded.reading() as session:
        states = task_states(session, parse_period(PERIOD))
        assert states[late].reported_in_period and states[late].status == "late"
        assert states[late].latest is not None and states[late].latest.problems == "用地指标未落实"


def test_return_option_names_a_row_that_is_not_there(seeded: Database, db_path: Path, tmp_path: Path) -> None:
    form = tmp_path / "表.xlsx"
    assert cli(db_path, "forms", "export", "--unit", UNIT, "--period", PERIOD, "--out", str(form)) == 0
    [task, *_] = _task_ids(openpyxl.load_workbook(form)[layout.SHEET])
    _fill(form, {task: {"status": "推进中", "percent": 50}})
    assert cli(db_path, "forms", "import", str(form), "--return", "9999=理由") == 2
    assert cli(db_path, "forms", "import", str(form), "--return", f"T{task}") == 2
    with seeded.reading() as session:
        assert session.scalars(select(m.Update).where(m.Update.task_id == task)).all() == []
