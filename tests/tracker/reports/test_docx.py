"""The Word edition of the 督查通报: page setup, named styles, real tables, the PDF's content and numbers."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

from tests.tracker.reports.conftest import PERIOD
from tracker.cli import main
from tracker.db.engine import Database
from tracker.paths import resources_dir
from tracker.periods import parse_period
from tracker.reports.assemble import Report, assemble_report
from tracker.reports.bulletin import BulletinOptions, Para
from tracker.reports.docx_bulletin import FANGSONG, HEITI, STYLES, XIAOBIAOSONG, write_docx
from tracker.reports.pdf_bulletin import write_bulletin

OPTIONS = BulletinOptions(
    issue=3,
    office="温州市科学技术局",
    issued_on=date(2023, 7, 5),
    problems="（一）报送方面\n一是部分单位报送不及时。\n二是个别项目用地、资金配套仍需协调。",
    next_steps="一是倒排工期。\n二是加强调度。",
    copies_to="市委督查室",
)


@pytest.fixture
def report(reported: Database) -> Report:
    with reported.reading() as session:
        return assemble_report(session, parse_period(PERIOD))


def _mm(length: int | None) -> float:
    return round(Mm(0).mm if length is None else length / 36000, 1)


def test_word_edition_has_the_pdf_content_page_setup_styles_and_tables(
    report: Report, tmp_path: Path
) -> None:
    out = tmp_path / "通报 第3期.docx"
    bulletin = write_docx(report, out, OPTIONS)
    pdf_bulletin = write_bulletin(report, tmp_path / "通报.pdf", OPTIONS)
    assert bulletin == pdf_bulletin  # one composition, two renderers
    document = Document(str(out))

    first = document.sections[0]
    assert (_mm(first.page_width), _mm(first.page_height)) == (210.0, 297.0)
    margins = tuple(
        _mm(m) for m in (first.top_margin, first.bottom_margin, first.left_margin, first.right_margin)
    )
    assert margins == (37.0, 35.0, 28.0, 26.0)
    assert _mm(first.page_width) - 28 - 26 == 156 and 297 - 37 - 35 == 225  # the text block
    assert any(s.page_width > s.page_height for s in document.sections[1:])  # 附件 turned
    assert document.settings.odd_and_even_pages_header_footer
    assert "PAGE" in first.footer._element.xml and "PAGE" in first.even_page_footer._element.xml

    names = {style.name for style in document.styles}
    assert set(STYLES) <= names
    for name, face in (("正文", FANGSONG), ("标题", XIAOBIAOSONG), ("一级标题", HEITI)):
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == face
    used = {p.style.name for p in document.paragraphs}
    assert {"版头", "标题", "主送", "正文", "一级标题", "附件说明", "落款", "附件标识", "附件标题"} <= used
    assert {"二级标题"} <= used  # the officer's “（一）报送方面” line

    text = "\n".join(p.text for p in document.paragraphs)
    for block in bulletin.body:
        if isinstance(block, Para):
            assert block.text in text, block.text
    assert bulletin.recipients in text and "附件：1．" in text and "草稿" not in text

    tables = document.tables
    summary = tables[0]
    header = summary.rows[0]._tr.trPr
    assert header is not None and header.find(qn("w:tblHeader")) is not None
    total = [c.text for c in summary.rows[-1].cells]
    assert total[0] == "合计" and int(total[1]) == report.totals.items and int(total[5]) == report.totals.late
    pdf = "".join(p.extract_text() for p in PdfReader(tmp_path / "通报.pdf").pages).replace("\n", "")
    assert f"共{report.totals.items}项" in pdf and f"共{report.totals.items}项" in text
    late_annex = next(t for t in tables if t.rows[0].cells[1].text == "任务（事项）")
    numbered = [r for r in late_annex.rows[1:] if re.fullmatch(r"\d+", r.cells[0].text)]
    assert len(numbered) == len(report.late)
    assert all(
        row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None for row in late_annex.rows[1:]
    )
    imprint = tables[-1]
    assert (
        imprint.rows[0].cells[0].text == "抄送：市委督查室"
        and "2023年7月5日印发" in imprint.rows[-1].cells[1].text
    )


def test_a_draft_says_so_and_a_sent_one_needs_its_parts(report: Report, tmp_path: Path) -> None:
    from tracker.errors import BadInput

    with pytest.raises(BadInput, match="存在问题、下步工作要求"):
        write_docx(report, tmp_path / "x.docx", BulletinOptions(office="某局"))
    assert not (tmp_path / "x.docx").exists()
    write_docx(report, tmp_path / "草稿.docx", BulletinOptions(draft=True))
    paragraphs = [p.text for p in Document(str(tmp_path / "草稿.docx")).paragraphs]
    assert paragraphs[0] == "草稿" and any("待填写存在问题" in p for p in paragraphs)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_the_word_edition(report: Report, tmp_path: Path) -> None:
    out = tmp_path / "督查通报 第3期.docx"
    write_docx(report, out, OPTIONS)
    converted = convert_with_libreoffice(out, tmp_path)
    pages = PdfReader(converted).pages
    assert len(pages) >= 4
    text = "".join(p.extract_text() for p in pages)
    flat = re.sub(r"\s+", "", text)
    assert "督查通报" in flat and "现将有关情况通报如下" in flat and "附件1" in flat and "印发" in flat
    assert any(p.mediabox.width > p.mediabox.height for p in pages)  # the turned 附件 pages


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_turned_pages_are_numbered_on_the_long_edge_as_in_the_pdf(report: Report, tmp_path: Path) -> None:
    """GB/T 9704: a turned table page keeps its number where the portrait pages have it — on the
    turned page's left edge, rotated, near its bottom on odd pages and its top on even ones. The
    Word edition (a rotated text box in each turned section's footers), laid out by LibreOffice,
    puts it where the PDF does."""
    from tests.tracker.reports.pdflines import drawn_lines

    out = tmp_path / "通报.docx"
    write_docx(report, out, OPTIONS)
    document = Document(str(out))
    turned = [s for s in document.sections if s.page_width > s.page_height]
    assert turned
    for section in turned:
        for footer in (section.footer, section.even_page_footer):
            xml = footer._element.xml
            assert 'vert="vert"' in xml and "PAGE" in xml and "txbxContent" in xml
            assert not footer.paragraphs[0].text.strip()  # no number at the turned page's foot
    pdf = tmp_path / "通报（PDF版）.pdf"
    write_bulletin(report, pdf, OPTIONS)
    converted = convert_with_libreoffice(out, tmp_path)

    def turned_numbers(document_pdf: Path) -> dict[int, tuple[float, float, float]]:
        """Page → (x_min, x_max, y) of its “— N —” on a turned page."""
        pages = PdfReader(document_pdf).pages
        return {
            line.page: (line.x_min, line.x_max, line.y)
            for line in drawn_lines(document_pdf)
            if re.fullmatch(r"—\d+—", line.text) and pages[line.page - 1].mediabox.width > 700
        }

    word, printed = turned_numbers(converted), turned_numbers(pdf)
    assert len(word) >= 3 and {n % 2 for n in word} == {0, 1}
    height = float(A4[0])  # a turned A4 page's height
    where = {n % 2: (x0, y) for n, (x0, _x1, y) in printed.items()}
    for n, (x0, x1, y) in word.items():
        assert x1 < 36 * 72 / 25.4  # in the turned page's left margin
        assert (y > height / 2) == (n % 2 == 1)  # odd pages: near the bottom, even: near the top
        assert abs(x0 - where[n % 2][0]) < 10 and abs(y - where[n % 2][1]) < 10, (n, x0, y)  # as the PDF


def convert_with_libreoffice(document: Path, folder: Path) -> Path:
    """Convert with LibreOffice as an office PC would show it: the office faces mapped onto the
    shipped fonts (a bare machine has none of 仿宋_GB2312, 方正小标宋简体, 楷体_GB2312, 黑体)."""
    fonts = resources_dir() / "fonts"
    aliases = {
        FANGSONG: "AR PL UMing CN",
        XIAOBIAOSONG: "AR PL UMing CN",
        "宋体": "AR PL UMing CN",
        "楷体_GB2312": "AR PL KaitiM GB",
        HEITI: "WenQuanYi Micro Hei",
    }
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{fonts}</dir><cachedir>{folder / 'fc-cache'}</cachedir>"
        + "".join(
            f'<alias binding="same"><family>{k}</family><prefer><family>{v}</family></prefer></alias>'
            for k, v in aliases.items()
        )
        + "</fontconfig>",
        "utf-8",
    )
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{folder}/lo",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(document),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "FONTCONFIG_FILE": str(conf)},
    )
    assert result.returncode == 0, result.stderr
    converted = folder / f"{document.stem}.pdf"
    assert converted.exists()
    return converted


def test_cli_export_docx(
    reported: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reported.dispose()
    out = tmp_path / "通报.docx"
    common = ["--db", str(db_path), "export", "docx", "--period", PERIOD]
    texts = ["--problems", "一是报送不及时。", "--next-steps", "一是加强调度。", "--office", "某市科技局"]
    assert (
        main([*common, "--out", str(out), *texts, "--recipients", "各县（市、区）科技局", "--cc", "市政府办"])
        == 0
    )
    paragraphs = [p.text for p in Document(str(out)).paragraphs]
    assert "各县（市、区）科技局：" in paragraphs and "第1期" in paragraphs
    assert main([*common, "--out", str(tmp_path / "缺.docx"), "--office", "某局"]) == 2
    assert "存在问题" in capsys.readouterr().err and not (tmp_path / "缺.docx").exists()
    empty = ["--plan", "乐清", "--unit", "温州市科学技术局"]
    assert main([*common, "--out", str(tmp_path / "空.docx"), *texts, *empty]) == 2
    assert "没有任务" in capsys.readouterr().err and not (tmp_path / "空.docx").exists()


def test_word_table_headers_and_short_cells_never_leave_one_character_alone(
    report: Report, tmp_path: Path
) -> None:
    """Header and centred cells carry the lines the 禁则 component chose (“进度/偏慢”, never
    “进度偏/慢”, never “序/号”, “2022年/目标”, never “2022年目/标”): a centred cell wider than its
    column holds its own line breaks, none leaving one character alone."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from tracker.reports.docx_bulletin import CELL_PAD
    from tracker.reports.fonts import SONG, register_fonts

    register_fonts()
    out = tmp_path / "通报.docx"
    write_docx(report, out, OPTIONS)
    unbroken, lone, broken = [], [], 0
    for table in Document(str(out)).tables[:-1]:  # the last is the 版记
        for row in table.rows:
            for cell in row.cells:
                paragraph = cell.paragraphs[0]
                if paragraph.alignment != WD_ALIGN_PARAGRAPH.CENTER or cell.width is None:
                    continue
                room = cell.width / 12700 - 2 * CELL_PAD  # EMU to points
                lines = cell.text.split("\n")
                broken += len(lines) > 1
                unbroken += [line for line in lines if stringWidth(line, SONG, 10.5) > room + 0.5]
                lone += [cell.text for line in lines if len(lines) > 1 and len(line.strip("（）、，。")) == 1]
    assert broken and not unbroken and not lone, (unbroken[:5], lone[:5])
