"""三、滞后事项 says how many items 附件1 lists, and 附件1 lists exactly that many: all the late items,
the ones the body names included (a real 通报's 附件 is the whole list). Read back from the PDF
and from the Word edition, which share one composition."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from tests.tracker.reports.conftest import PERIOD
from tests.tracker.reports.test_bulletin_length import OPTIONS
from tracker.db.engine import Database
from tracker.periods import parse_period
from tracker.reports.assemble import Report, assemble_report
from tracker.reports.bulletin import NAMED_LATE
from tracker.reports.docx_bulletin import write_docx
from tracker.reports.pdf_bulletin import write_bulletin

STATED = re.compile(r"(全部|其余)(\d+)项见附件1")


@pytest.fixture
def report(reported: Database) -> Report:
    with reported.reading() as session:
        return assemble_report(session, parse_period(PERIOD))


def _stated(text: str) -> int:
    found = STATED.findall(re.sub(r"\s+", "", text))
    assert len(found) == 1, found
    word, count = found[0]
    assert word == "全部", f"the body says {word}{count}项 while 附件1 lists every late item"
    return int(count)


def test_pdf_body_counts_what_annex_1_lists(report: Report, tmp_path: Path) -> None:
    assert len(report.late) > NAMED_LATE  # some named, the rest only in 附件1
    pdf = tmp_path / "通报.pdf"
    write_bulletin(report, pdf, OPTIONS)
    pages = [re.sub(r"\s+", "", page.extract_text() or "") for page in PdfReader(pdf).pages]
    first = next(i for i, t in enumerate(pages) if re.sub(r"^—\d+—", "", t).startswith("附件1"))
    last = next(i for i, t in enumerate(pages) if re.sub(r"^—\d+—", "", t).startswith("附件2"))
    stated = _stated("".join(pages[:first]))
    annex = "".join(pages[first:last])
    # each plan's group row says how many of its items follow: “《…》（N项）”
    listed = sum(int(n) for n in re.findall(r"》（(\d+)项）", annex))
    assert stated == listed == len(report.late)


def test_word_body_counts_what_annex_1_lists(report: Report, tmp_path: Path) -> None:
    out = tmp_path / "通报.docx"
    write_docx(report, out, OPTIONS)
    document = Document(str(out))
    stated = _stated("".join(p.text for p in document.paragraphs))
    late_annex = next(t for t in document.tables if t.rows[0].cells[1].text == "任务（事项）")
    numbered = [row for row in late_annex.rows[1:] if re.fullmatch(r"\d+", row.cells[0].text)]
    assert stated == len(numbered) == len(report.late)
