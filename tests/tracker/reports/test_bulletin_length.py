"""A real 通报 is short: for the built-in plans the body (版头 to 落款) takes at most three pages,
in the PDF and in the Word edition as LibreOffice lays it out; the detail is in the 附件.

Two ledgers as the other tests build them: a quarter of progress (tests/tracker/reports/
conftest.py) and two quarters of mixed records (bench/two_quarters.py), each with the
officer's two short sections. The worst late items are named; 附件1 lists them all.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from bench.two_quarters import build
from tests.tracker.reports.conftest import PERIOD, add_progress
from tests.tracker.reports.test_docx import convert_with_libreoffice
from tracker.db.engine import Database
from tracker.periods import parse_period
from tracker.reports.assemble import Report, assemble_report
from tracker.reports.bulletin import NAMED_LATE, BulletinOptions
from tracker.reports.docx_bulletin import write_docx
from tracker.reports.pdf_bulletin import write_bulletin

OPTIONS = BulletinOptions(
    issue=1,
    office="温州市科学技术局",
    issued_on=date(2023, 7, 5),
    problems="一是部分单位报送不及时。二是个别项目用地、资金配套仍需协调。",
    next_steps="一是倒排工期，逐项明确整改时限。二是加强调度，每月通报一次。",
    copies_to="市委督查室，市政府督查室",
)
MOST_BODY_PAGES = 3


@pytest.fixture(params=["one quarter", "two quarters"])
def ledger_report(request: pytest.FixtureRequest, seeded: Database, tmp_path: Path) -> Report:
    if request.param == "one quarter":
        add_progress(seeded)
    else:
        build(seeded, tmp_path)
    with seeded.reading() as session:
        return assemble_report(session, parse_period(PERIOD))


def body_pages(pdf: Path) -> int:
    """Pages before the first 附件 page, whose text begins “附件1” (after its page number)."""
    for number, page in enumerate(PdfReader(pdf).pages, start=1):
        words = re.sub(r"\s+", "", page.extract_text() or "")
        if re.sub(r"^—\d+—", "", words).startswith("附件1"):
            return number - 1
    raise AssertionError(f"{pdf.name}: no 附件1 page")


def test_the_pdf_body_takes_at_most_three_pages(ledger_report: Report, tmp_path: Path) -> None:
    pdf = tmp_path / "通报.pdf"
    write_bulletin(ledger_report, pdf, OPTIONS)
    pages = body_pages(pdf)
    assert 2 <= pages <= MOST_BODY_PAGES, pages
    text = re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(pdf).pages[:pages]))
    late = len(ledger_report.late)
    # the worst few named; 附件1 lists them all
    assert late > NAMED_LATE and f"全部{late}项见附件1" in text
    assert "五、存在问题" in text and "附件：1．" in text and "温州市科学技术局2023年7月5日" in text


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_the_word_body_takes_at_most_three_pages_in_libreoffice(
    ledger_report: Report, tmp_path: Path
) -> None:
    document = tmp_path / "通报.docx"
    write_docx(ledger_report, document, OPTIONS)
    converted = convert_with_libreoffice(document, tmp_path)
    pages = body_pages(converted)
    assert 2 <= pages <= MOST_BODY_PAGES, pages
    last = re.sub(r"\s+", "", PdfReader(converted).pages[pages - 1].extract_text() or "")
    signed = last.rstrip("—0123456789").endswith("2023年7月5日")
    assert "附件：1．" in last and signed  # the 落款 on the page of the last paragraph


LONG_SECTIONS = BulletinOptions(
    issue=1,
    office="温州市科学技术局",
    issued_on=date(2023, 7, 5),
    problems="一是部分单位报送不及时，个别单位连续两期未报送进展，报送内容以工作过程代替工作成效。"
    "二是部分项目进度滞后，用地、资金配套和审批手续仍需协调，个别指标低于序时进度。"
    "三是部分任务牵头单位与配合单位衔接不够，责任落实不到位。",
    next_steps="一是倒排工期，对滞后事项逐项明确整改措施和完成时限，确保年底前完成年度任务。"
    "二是加强调度，每月通报一次，对连续两期滞后的事项实行红色催办。"
    "三是强化协同，牵头单位要主动对接配合单位，形成工作合力。",
    copies_to="市委督查室，市政府督查室",
)


def test_the_signature_takes_only_the_last_lines_with_it(ledger_report: Report, tmp_path: Path) -> None:
    """Long officer sections: the 落款 page begins with the last lines of 六, not with 六 whole,
    and the page before ends inside 六 (nothing left a third of a page empty)."""
    pdf = tmp_path / "通报.pdf"
    write_bulletin(ledger_report, pdf, LONG_SECTIONS)
    pages = [re.sub(r"\s+", "", p.extract_text() or "") for p in PdfReader(pdf).pages[: body_pages(pdf)]]
    # the last page naming office and date (the 版头 on page 1 names them too)
    signed = max(i for i, words in enumerate(pages) if "温州市科学技术局2023年7月5日" in words)
    five = max(i for i, words in enumerate(pages) if "五、存在问题" in words)
    page = re.sub(r"^—\d+—", "", pages[signed])
    assert not page.startswith("附件："), "the 落款 page carries no line of the body"
    if signed > five:  # 六 did not all fit below 五: it begins there and only its end goes over
        assert "六、下步工作要求" not in page
        assert "六、下步工作要求" in pages[signed - 1] and "一是倒排工期" in pages[signed - 1]
