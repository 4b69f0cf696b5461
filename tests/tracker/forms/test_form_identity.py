"""A returned form row must be about the task it names: uid and title fingerprint match.

An id alone is not proof: after 彻底删除 (or in a form edited by hand) the number can name
another task. Each row carries a hidden 校验码 (the task's uid and a fingerprint of its
title); a row whose 校验码 names another task, or whose task was renamed since the form was
exported, is refused with the row named, and nothing is imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import openpyxl
import pytest
from sqlalchemy import select

from tests.tracker.forms.test_forms_roundtrip import UNIT, col, find_row, header_columns
from tracker.cli import main
from tracker.db import models as m
from tracker.db.engine import Database
from tracker.forms import layout
from tracker.forms.apply import compute_diff
from tracker.forms.read import FormProblems, read_form

PERIOD = "2023Q2"


def _export(url: str, tmp_path: Path) -> Path:
    out = tmp_path / "填报表.xlsx"
    assert main(["--db", url, "forms", "export", "--unit", UNIT, "--period", PERIOD, "--out", str(out)]) == 0
    return out


class Task(NamedTuple):
    id: int
    uid: str
    title: str


def _two_tasks(database: Database) -> tuple[Task, Task]:
    with database.reading() as session:
        unit = session.scalar(select(m.Unit).where(m.Unit.name == UNIT))
        assert unit is not None
        links = sorted(unit.task_links, key=lambda link: link.task_id)
        a, b = (Task(link.task.id, link.task.uid, link.task.title) for link in links[:2])
        return a, b


def _fill(out: Path, row_id: str, **cells: object) -> None:
    wb = openpyxl.load_workbook(out)
    ws = wb[layout.SHEET]
    header, cols = header_columns(ws)
    r = find_row(ws, header, row_id)
    for key, value in cells.items():
        ws.cell(r, col(cols, key)).value = value
    wb.save(out)


def _problems(database: Database, out: Path) -> list[str]:
    data = read_form(out)
    with database.reading() as session, pytest.raises(FormProblems) as info:
        compute_diff(session, data)
    return [str(p) for p in info.value.problems]


def test_every_row_carries_its_tasks_uid_and_title_fingerprint(seeded: Database, tmp_path: Path) -> None:
    out = _export(seeded.url, tmp_path)
    task, _ = _two_tasks(seeded)
    wb = openpyxl.load_workbook(out)
    ws = wb[layout.SHEET]
    header, cols = header_columns(ws)
    r = find_row(ws, header, f"T{task.id}")
    check = ws.cell(r, col(cols, "check")).value
    assert check == f"{task.uid}.{layout.title_fingerprint(task.title)}"
    letter = openpyxl.utils.get_column_letter(col(cols, "check"))
    assert ws.column_dimensions[letter].hidden


def test_a_row_pointed_at_another_task_is_refused(seeded: Database, tmp_path: Path) -> None:
    """The id says task B, the 校验码 says task A (what a reused id looks like)."""
    out = _export(seeded.url, tmp_path)
    task_a, task_b = _two_tasks(seeded)
    _fill(out, f"T{task_a.id}", id=f"T{task_b.id}", progress="已推进", status="推进中")
    wb = openpyxl.load_workbook(out)  # drop B's own row so only the forged one names B
    ws = wb[layout.SHEET]
    header, _cols = header_columns(ws)
    rows = [r for r in range(header + 1, ws.max_row + 1) if ws.cell(r, 1).value == f"T{task_b.id}"]
    ws.delete_rows(rows[-1])
    wb.save(out)
    [problem] = _problems(seeded, out)
    assert f"T{task_b.id}" in problem and "不是同一项" in problem and problem.startswith("第 ")
    assert main(["--db", seeded.url, "forms", "import", str(out)]) == 2
    with seeded.reading() as session:
        assert session.scalars(select(m.Update).where(m.Update.task_id == task_b.id)).all() == []


def test_a_task_renamed_since_export_is_refused(seeded: Database, tmp_path: Path) -> None:
    out = _export(seeded.url, tmp_path)
    task, _ = _two_tasks(seeded)
    _fill(out, f"T{task.id}", progress="已推进", status="推进中")
    with seeded.unit_of_work() as session:
        row = session.get(m.Task, task.id)
        assert row is not None
        row.title = "另一项完全不同的任务"
    [problem] = _problems(seeded, out)
    assert "不是同一项" in problem and "重新导出" in problem


def test_a_check_code_typed_over_is_refused(seeded: Database, tmp_path: Path) -> None:
    out = _export(seeded.url, tmp_path)
    task, _ = _two_tasks(seeded)
    _fill(out, f"T{task.id}", check="随便写的", progress="已推进", status="推进中")
    with pytest.raises(FormProblems, match="校验码已被改动"):
        read_form(out)


def test_an_indicator_row_about_another_indicator_is_refused(seeded: Database, tmp_path: Path) -> None:
    out = _export(seeded.url, tmp_path)
    task, _ = _two_tasks(seeded)
    with seeded.reading() as session:
        metric = session.scalars(select(m.Metric).where(m.Metric.task_id == task.id)).first()
        assert metric is not None
        metric_id, name = metric.id, metric.name
    _fill(out, f"T{task.id}M{metric_id}", actual=42, check=f"{'0' * 32}.{layout.title_fingerprint(name)}")
    [problem] = _problems(seeded, out)
    assert f"M{metric_id}" in problem and "不是同一项" in problem


def test_a_form_without_the_check_column_is_matched_by_its_title_cells(
    seeded: Database, tmp_path: Path
) -> None:
    """Forms exported before 校验码 existed still import when each row's title is its task's."""
    out = _export(seeded.url, tmp_path)
    task, other = _two_tasks(seeded)
    _fill(out, f"T{task.id}", progress="已推进", status="推进中")
    wb = openpyxl.load_workbook(out)
    ws = wb[layout.SHEET]
    _header, cols = header_columns(ws)
    ws.delete_cols(col(cols, "check"))
    wb.save(out)
    data = read_form(out)
    with seeded.reading() as session:
        diff = compute_diff(session, data)
    assert [c.task_id for c in diff.changes] == [task.id]
    _fill(out, f"T{task.id}", title=other.title)  # the row now reads as another task
    [problem] = _problems(seeded, out)
    assert "不是同一项" in problem
