"""The 通报 title breaks between phrases, in the PDF and the Word edition: a one-plan 通报 of
《温岭市科技创新发展“十四五”规划》 keeps the book title on one line (it used to end a line
inside it, and for a year's 通报 inside “十四五”), and no title line is one character."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from tests.tracker.reports.conftest import PERIOD
from tests.tracker.reports.pdflines import breaking_faults, drawn_lines
from tests.tracker.reports.test_bulletin_length import OPTIONS
from tracker.db.engine import Database
from tracker.periods import parse_period
from tracker.reports.assemble import Report, assemble_report, resolve_scope
from tracker.reports.docx_bulletin import write_docx
from tracker.reports.pdf_bulletin import write_bulletin

BOOK = "《温岭市科技创新发展“十四五”规划》"


@pytest.fixture(params=[PERIOD, "2023"])
def report(request: pytest.FixtureRequest, reported: Database) -> Report:
    with reported.reading() as session:
        scope = resolve_scope(session, plan_text="温岭市科技创新发展")
        return assemble_report(session, parse_period(request.param), scope)


def test_pdf_title_keeps_the_book_title_on_one_line(report: Report, tmp_path: Path) -> None:
    pdf = tmp_path / "通报.pdf"
    bulletin = write_bulletin(report, pdf, OPTIONS)
    assert BOOK in bulletin.title
    first = [line for line in drawn_lines(pdf) if line.page == 1]
    start = next(i for i, line in enumerate(first) if line.text.startswith("关于"))
    title: list[str] = []
    for line in first[start:]:
        title.append(line.text.replace(" ", ""))
        if "".join(title) == bulletin.title.replace(" ", ""):
            break
    else:
        raise AssertionError(f"title not found as drawn: {title}")
    assert BOOK in title, title
    assert len(title[-1]) > 1 and not breaking_faults(first[start : start + len(title)])


def test_word_title_keeps_the_book_title_on_one_line(report: Report, tmp_path: Path) -> None:
    out = tmp_path / "通报.docx"
    bulletin = write_docx(report, out, OPTIONS)
    document = Document(str(out))
    title = next(p for p in document.paragraphs if p.style is not None and p.style.name == "标题")
    assert title.text.replace("\n", "") == bulletin.title
    lines = title.text.split("\n")  # the title's line breaks, as the 禁则 component chose them
    assert BOOK in lines and len(lines[-1]) > 1, lines


def test_a_one_unit_title_keeps_the_unit_and_the_book_title_whole(reported: Database, tmp_path: Path) -> None:
    unit = "温岭市科学技术局"
    with reported.reading() as session:
        scope = resolve_scope(session, plan_text="温岭市科技创新发展", unit=unit)
        report = assemble_report(session, parse_period(PERIOD), scope)
    pdf = tmp_path / "通报.pdf"
    bulletin = write_bulletin(report, pdf, OPTIONS)
    assert unit in bulletin.title and bulletin.title_words == (unit,)
    first = [line.text.replace(" ", "") for line in drawn_lines(pdf) if line.page == 1]
    start = next(i for i, text in enumerate(first) if text.startswith("关于"))
    title = first[start : start + 4]
    assert any(unit in line for line in title) and any(BOOK in line for line in title), title
    assert not any(line.endswith("承担") for line in title), title
    out = tmp_path / "通报.docx"
    write_docx(report, out, OPTIONS)
    heading = next(p for p in Document(str(out)).paragraphs if p.style is not None and p.style.name == "标题")
    lines = heading.text.split("\n")
    assert any(unit in line for line in lines) and any(BOOK in line for line in lines), lines
