"""The 退回单 is set by the 禁则 line breaker like every PDF the program draws: read back line by line."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.tracker.reports.pdflines import breaking_faults, drawn_lines, words_past
from tracker.db import models as m
from tracker.db.engine import Database
from tracker.periods import parse_period
from tracker.reports.layout import BLOCK_W, LEFT
from tracker.reports.return_notice import build_return_notice, write_return_notice

# Reasons as an 审核 officer writes them: numbers with units, quotes, brackets, long runs
REASONS = (
    "报告为“滞后”，但未填写存在问题和下步措施（请写明原因、整改措施和确定的完成时限）。",
    "进度填写为100%，但完成情况仅写“正在推进”，佐证材料《验收报告》未上传，请补充后重新报送。",
    "实际值填写为500亿元，与上期报送的320亿元相差过大，请核实统计口径（是否含规上企业）后说明。",
    "完成时限为2023年12月31日，本期进度10%落后序时进度40个百分点，须说明原因。",
)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_every_line_of_the_return_notice_keeps_the_line_breaking_rules(
    seeded: Database, tmp_path: Path
) -> None:
    with seeded.unit_of_work() as session:
        tasks = session.scalars(
            select(m.Task).where(m.Task.deleted_at.is_(None), m.Task.code != "").order_by(m.Task.id)
        ).all()
        returned = {task.id: REASONS[i % len(REASONS)] for i, task in enumerate(tasks[:8])}
        notice = build_return_notice(
            session,
            "中共丽水市委人才科技工作领导小组科技工作办公室",
            parse_period("2023Q2"),
            returned,
            received_on=date(2023, 7, 3),
            office="温州市科学技术局",
            issued_on=date(2023, 7, 5),
        )
    out = tmp_path / "退回单.pdf"
    write_return_notice(notice, out)
    lines = drawn_lines(out)
    text = "".join(line.text for line in lines)
    assert "填报退回单" in text and "500亿元" in text and "40个百分点" in text and "2023年7月5日" in text
    assert len(lines) > 30 and len(PdfReader(out).pages) >= 1
    assert not breaking_faults(lines), breaking_faults(lines)[:10]
    assert not words_past(lines, LEFT + BLOCK_W, LEFT + BLOCK_W)
