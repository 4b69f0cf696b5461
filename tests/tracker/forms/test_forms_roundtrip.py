"""Unit fill-in forms end to end: export, fill as a unit would, import, fix, import again."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from tracker.cli import main
from tracker.db import models as m
from tracker.db.engine import Database
from tracker.forms import layout
from tracker.forms.apply import apply_diff, check_origin, compute_diff
from tracker.forms.export import build_form, write_form
from tracker.forms.read import FormProblems, read_form
from tracker.periods import parse_period
from tracker.services.settings import LEDGER_ID, set_setting

UNIT = "温州市科学技术局"
PERIOD = "2023Q2"


def cli(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def header_columns(ws: openpyxl.worksheet.worksheet.Worksheet) -> tuple[int, dict[str, int]]:
    for r in range(1, 20):
        values = [c.value for c in ws[r]]
        if layout.HEADER_OF["status"] in values:
            return r, {layout.normalise_header(v): i + 1 for i, v in enumerate(values) if v}
    raise AssertionError("no header")


def col(cols: dict[str, int], key: str) -> int:
    return cols[layout.normalise_header(layout.HEADER_OF[key])]


def sort_rows_descending(ws: openpyxl.worksheet.worksheet.Worksheet, header: int) -> None:
    """What Excel's sort does: rewrite the data rows in another order."""
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=header + 1)]
    rows.reverse()
    for offset, values in enumerate(rows):
        for c, value in enumerate(values, start=1):
            ws.cell(header + 1 + offset, c).value = value


def find_row(ws: openpyxl.worksheet.worksheet.Worksheet, header: int, row_id: str) -> int:
    for r in range(header + 1, ws.max_row + 1):
        if ws.cell(r, 1).value == row_id:
            return r
    raise AssertionError(row_id)


def test_form_round_trip(
    seeded: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "温州科技局 填报表.xlsx"
    assert cli(db_path, "forms", "export", "--unit", UNIT, "--period", PERIOD, "--out", str(out)) == 0

    wb = openpyxl.load_workbook(out)
    ws = wb[layout.SHEET]
    assert ws.protection.sheet is True
    meta = {r[0]: r[1] for r in wb[layout.META_SHEET].iter_rows(values_only=True)}
    assert meta["unit"] == UNIT and meta["period"] == PERIOD
    assert wb[layout.META_SHEET].sheet_state == "hidden"
    header, cols = header_columns(ws)
    assert ws.column_dimensions["A"].hidden
    assert UNIT in str(ws.cell(2, 1).value) and PERIOD in str(ws.cell(2, 1).value)
    # input cells unlocked, the rest locked; drop-down and whole-number validation present
    first = header + 1
    assert ws.cell(first, col(cols, "progress")).protection.locked is False
    assert ws.cell(first, col(cols, "title")).protection.locked is True
    kinds = {dv.type for dv in ws.data_validations.dataValidation}
    assert {"list", "whole", "decimal"} <= kinds
    # lead and supporting marked
    roles = {ws.cell(r, col(cols, "role")).value for r in range(first, ws.max_row + 1)}
    assert {"牵头", "配合"} <= roles

    with seeded.reading() as session:
        unit = session.scalar(select(m.Unit).where(m.Unit.name == UNIT))
        links = sorted(unit.task_links, key=lambda link: link.task_id)
        task_a = links[0].task
        task_b = links[1].task
        metric = task_a.metrics[0]
        metric_id, task_a_id, task_b_id = metric.id, task_a.id, task_b.id

    # The unit fills in: sorts the rows, fills two tasks and one indicator, one bad cell.
    sort_rows_descending(ws, header)
    ra = find_row(ws, header, f"T{task_a_id}")
    rb = find_row(ws, header, f"T{task_b_id}")
    rm = find_row(ws, header, f"T{task_a_id}M{metric_id}")
    text_cell = ws.cell(ra, col(cols, "progress"))
    text_cell.value = "=已完成国家高新区评价材料报送"
    text_cell.data_type = "s"  # typed as text (a leading apostrophe in Excel)
    ws.cell(ra, col(cols, "status")).value = "已完成"
    ws.cell(ra, col(cols, "evidence")).value = "评价报告.pdf"
    ws.cell(rb, col(cols, "progress")).value = "项目开工建设"
    ws.cell(rb, col(cols, "status")).value = "完成了"  # not a status word
    ws.cell(rb, col(cols, "percent")).value = 150  # out of range
    ws.cell(rm, col(cols, "actual")).value = "四十"  # text in a number field
    ws.column_dimensions["A"].hidden = False  # a clerk unhid the id column
    ws.append([])  # extra blank rows
    ws.append([None] * 5)
    wb.save(out)

    capsys.readouterr()
    assert cli(db_path, "forms", "import", str(out)) == 2
    err = capsys.readouterr().err
    status_letter = openpyxl.utils.get_column_letter(col(cols, "status"))
    percent_letter = openpyxl.utils.get_column_letter(col(cols, "percent"))
    actual_letter = openpyxl.utils.get_column_letter(col(cols, "actual"))
    assert f"第 {rb} 行 {status_letter} 列" in err and "完成了" in err
    assert f"第 {rb} 行 {percent_letter} 列" in err
    assert f"第 {rm} 行 {actual_letter} 列" in err and "四十" in err
    assert "3 处" in err
    with seeded.reading() as session:
        assert session.scalar(select(m.Update).where(m.Update.task_id == task_a_id)) is None

    # fix and import: dry-run first writes nothing
    ws.cell(rb, col(cols, "status")).value = "推进中"
    ws.cell(rb, col(cols, "percent")).value = 40
    ws.cell(rm, col(cols, "actual")).value = 45
    wb.save(out)
    assert cli(db_path, "forms", "import", str(out), "--dry-run") == 0
    printed = capsys.readouterr().out
    assert "未填报 → 已完成" in printed and "推进中" in printed
    with seeded.reading() as session:
        assert session.scalar(select(m.Update).where(m.Update.task_id == task_a_id)) is None

    assert cli(db_path, "forms", "import", str(out)) == 0
    with seeded.reading() as session:
        update_a = session.scalar(select(m.Update).where(m.Update.task_id == task_a_id))
        assert update_a is not None
        assert update_a.status == "done" and update_a.percent == 100
        assert update_a.progress.startswith("=已完成") and "佐证材料：评价报告.pdf" in update_a.progress
        assert update_a.source == f"{UNIT}填报表" and update_a.period == PERIOD
        update_b = session.scalar(select(m.Update).where(m.Update.task_id == task_b_id))
        assert update_b.status == "in_progress" and update_b.percent == 40
        actual = session.scalar(select(m.Actual).where(m.Actual.metric_id == metric_id))
        assert actual.value == 45 and actual.period == PERIOD
        history = session.scalars(select(m.AuditEntry).where(m.AuditEntry.task_id == task_a_id)).all()
        assert history and all(h.source == f"{UNIT}填报表" for h in history)
        count = session.query(m.Update).count()

    # the same form again changes nothing
    capsys.readouterr()
    assert cli(db_path, "forms", "import", str(out)) == 0
    assert "0 项任务有变化" in capsys.readouterr().out
    with seeded.reading() as session:
        assert session.query(m.Update).count() == count

    # a fresh export carries what was reported, and the formula-like text stays text
    again = tmp_path / "again.xlsx"
    assert cli(db_path, "forms", "export", "--unit", UNIT, "--period", PERIOD, "--out", str(again)) == 0
    ws2 = openpyxl.load_workbook(again)[layout.SHEET]
    r2 = find_row(ws2, header, f"T{task_a_id}")
    cell = ws2.cell(r2, col(cols, "progress"))
    assert cell.data_type == "s" and str(cell.value).startswith("=已完成")


def test_accept_some_rows(seeded: Database, tmp_path: Path) -> None:
    period = parse_period(PERIOD)
    with seeded.reading() as session:
        form = build_form(session, UNIT, period)
    out = tmp_path / "f.xlsx"
    write_form(form, out)
    wb = openpyxl.load_workbook(out)
    ws = wb[layout.SHEET]
    header, cols = header_columns(ws)
    task_rows = [r for r in range(header + 1, ws.max_row + 1) if "M" not in str(ws.cell(r, 1).value)]
    for r in task_rows[:3]:
        ws.cell(r, col(cols, "status")).value = "推进中"
        ws.cell(r, col(cols, "percent")).value = 50
    wb.save(out)
    data = read_form(out)
    with seeded.unit_of_work() as session:
        check_origin(session, data)
        diff = compute_diff(session, data)
        assert len(diff.changes) == 3
        keep = {diff.changes[0].task_id}
        assert apply_diff(session, diff, keep) == 1
    with seeded.reading() as session:
        assert session.query(m.Update).count() == 1


def test_export_several_units_zip(seeded: Database, db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "forms.zip"
    args = [
        "forms",
        "export",
        "--unit",
        UNIT,
        "--unit",
        "温州海经区管委会",
        "--period",
        PERIOD,
        "--out",
        str(out),
    ]
    assert cli(db_path, *args) == 0
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
    assert len(names) == 2 and all(n.endswith(".xlsx") for n in names)
    folder = tmp_path / "folder"
    assert cli(db_path, "forms", "export", "--all-units", "--period", PERIOD, "--out", str(folder)) == 0
    assert len(list(folder.glob("*.xlsx"))) > 10


def _export(db_path: Path, tmp_path: Path, unit: str = UNIT, period: str = PERIOD) -> Path:
    out = tmp_path / f"{unit}{period}.xlsx"
    assert cli(db_path, "forms", "export", "--unit", unit, "--period", period, "--out", str(out)) == 0
    return out


def _fill_one(path: Path) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb[layout.SHEET]
    header, cols = header_columns(ws)
    ws.cell(header + 1, col(cols, "status")).value = "推进中"
    wb.save(path)


def _ledger_unchanged(database: Database) -> None:
    with database.reading() as session:
        assert session.query(m.Update).count() == 0
        assert session.query(m.Actual).count() == 0


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "空文件"),
        (b"just some text, not a spreadsheet", "不是 Excel"),
        (b"PK\x03\x04 broken zip", "不是"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\x00" * 200
            + "EncryptionInfo".encode("utf-16-le")
            + b"\x00" * 100,
            "密码",
        ),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, ".xls"),
    ],
)
def test_broken_files(
    seeded: Database,
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    words: str,
) -> None:
    path = tmp_path / "回执.xlsx"
    path.write_bytes(content)
    assert cli(db_path, "forms", "import", str(path)) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    _ledger_unchanged(seeded)


def test_workbook_that_is_not_a_form(
    seeded: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "其他.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["序号", "任务"])
    wb.save(path)
    assert cli(db_path, "forms", "import", str(path)) == 2
    assert "不是本程序导出的填报表" in capsys.readouterr().err
    _ledger_unchanged(seeded)


def test_form_for_other_period_unit_or_ledger(
    seeded: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _export(db_path, tmp_path)
    _fill_one(path)
    capsys.readouterr()
    assert cli(db_path, "forms", "import", str(path), "--period", "2023Q3") == 2
    assert "不是 2023Q3 的" in capsys.readouterr().err
    assert cli(db_path, "forms", "import", str(path), "--unit", "温州海经区管委会") == 2
    assert "温州海经区管委会" in capsys.readouterr().err
    # a form whose task belongs to another unit (meta edited to another unit)
    wb = openpyxl.load_workbook(path)
    meta = wb[layout.META_SHEET]
    for row in meta.iter_rows():
        if row[0].value == "unit":
            row[1].value = "龙泉市"
    wb.save(path)
    assert cli(db_path, "forms", "import", str(path)) == 2
    assert "不是“龙泉市”的任务" in capsys.readouterr().err
    # another ledger
    other = _export(db_path, tmp_path, period="2023Q1")
    _fill_one(other)
    with seeded.unit_of_work() as session:
        set_setting(session, LEDGER_ID, "another-ledger-id")
    assert cli(db_path, "forms", "import", str(other)) == 2
    assert "另一个台账" in capsys.readouterr().err
    _ledger_unchanged(seeded)


def test_problem_list_is_complete(seeded: Database, tmp_path: Path) -> None:
    with seeded.reading() as session:
        form = build_form(session, UNIT, parse_period(PERIOD))
    out = tmp_path / "f.xlsx"
    write_form(form, out)
    wb = openpyxl.load_workbook(out)
    ws = wb[layout.SHEET]
    header, cols = header_columns(ws)
    task_rows = [r for r in range(header + 1, ws.max_row + 1) if "M" not in str(ws.cell(r, 1).value)]
    for r in task_rows[:5]:
        ws.cell(r, col(cols, "percent")).value = "大约一半"
    wb.save(out)
    with pytest.raises(FormProblems) as caught:
        read_form(out)
    assert len(caught.value.problems) == 5
    assert json.dumps([str(p) for p in caught.value.problems], ensure_ascii=False).count("不是数字") == 5
