"""The 台账 carries the 督办 cycle: the 单位考核 sheet and 较上期 equal what the window shows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from sqlalchemy import select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.periods import parse_period
from tracker.reports.assemble import assemble_report
from tracker.reports.xlsx_ledger import write_ledger
from tracker.services.progress import ProgressInput, record_update
from tracker.views.assessment import assess
from tracker.views.changes import period_changes

Q1, Q2 = parse_period("2023Q1"), parse_period("2023Q2")


def test_assessment_sheet_and_changes_match_the_window(seeded: Database, tmp_path: Path) -> None:
    with seeded.unit_of_work() as session:
        task_ids = session.scalars(
            select(m.TaskUnit.task_id).where(m.TaskUnit.role == "lead").order_by(m.TaskUnit.task_id).limit(6)
        ).all()
        for i, task_id in enumerate(task_ids):
            record_update(session, task_id, ProgressInput("2023Q1", "late", "未开工", 0))
            if i % 2:
                record_update(
                    session,
                    task_id,
                    ProgressInput("2023Q2", "done", "已完成", 100, received_on=date(2023, 7, 3 + i)),
                )
    with seeded.reading() as session:
        report = assemble_report(session, Q2)
        window_scores = assess(session, Q2)
        window_changes = period_changes(session, Q2)
    out = tmp_path / "台账 考核.xlsx"
    write_ledger(report, out)
    book = openpyxl.load_workbook(out)
    sheet = book["单位考核"]
    rows = [r for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert [(r[0], r[1], r[2]) for r in rows] == [(s.rank, s.unit, s.score) for s in window_scores.scores]
    texts = [str(r[1]) for r in sheet.iter_rows(values_only=True) if r[1]]
    assert any(t.startswith("报送截止日：2023年7月7日") for t in texts)
    assert any("不以登录次数" in t for t in texts)
    overview = [str(r[0]) for r in book["总览"].iter_rows(values_only=True) if r[0]]
    [first, *_] = window_changes.sentences()
    assert f"较上期：{first}" in overview
    assert window_changes.newly_done and len(window_changes.turned_green) == len(window_changes.newly_done)


def test_no_comparison_in_the_first_period_the_ledger_was_kept(seeded: Database, tmp_path: Path) -> None:
    """Reports only of 2023Q2: the 通报 and the 台账 say nothing 较上期 (2023Q1 was never kept)."""
    from tracker.reports.bulletin import BulletinOptions, Para, compose

    with seeded.unit_of_work() as session:
        task_ids = session.scalars(
            select(m.TaskUnit.task_id).where(m.TaskUnit.role == "lead").order_by(m.TaskUnit.task_id).limit(4)
        ).all()
        for task_id in task_ids:
            record_update(session, task_id, ProgressInput("2023Q2", "late", "未开工", 0))
    with seeded.reading() as session:
        report = assemble_report(session, Q2)
    assert report.changes is not None and not report.changes.worth_stating
    bulletin = compose(report, BulletinOptions(office="温州市科学技术局", problems="甲", next_steps="乙"))
    words = "".join(block.text for block in bulletin.body if isinstance(block, Para))
    assert "总体情况" in words and "相比" not in words and "连续两期" not in words
    out = tmp_path / "台账.xlsx"
    write_ledger(report, out)
    overview = [str(r[0]) for r in openpyxl.load_workbook(out)["总览"].iter_rows(values_only=True) if r[0]]
    assert overview and not any(line.startswith("较上期") for line in overview)
