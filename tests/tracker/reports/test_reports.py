"""Assembly, Excel 台账 and PDF 督查通报 on a seeded ledger with a quarter of progress."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.tracker.reports.conftest import INJECTION, PERIOD
from tracker.cli import main
from tracker.db.engine import Database
from tracker.paths import resources_dir
from tracker.periods import parse_period
from tracker.reports.assemble import Report, assemble_report, resolve_scope
from tracker.reports.options import next_issue
from tracker.reports.pdf_bulletin import BulletinOptions, write_bulletin
from tracker.reports.xlsx_ledger import FOOTER, LEDGER_COLUMNS, LedgerOptions, write_ledger


@pytest.fixture
def report(reported: Database) -> Report:
    with reported.reading() as session:
        return assemble_report(session, parse_period(PERIOD))


PROBLEMS = "一是部分单位报送不及时。二是个别项目用地、资金配套仍需协调。"
NEXT_STEPS = "一是倒排工期，逐项明确整改时限。二是加强调度，每月通报一次。"
FULL = BulletinOptions(
    issue=1, office="温州市科学技术局", issued_on=date(2023, 7, 5), problems=PROBLEMS, next_steps=NEXT_STEPS
)


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() or "" for page in PdfReader(path).pages).replace("\n", "")


def test_assembly_counts_are_consistent(report: Report) -> None:
    t = report.totals
    assert t.items > 100
    assert sum(c.count for c in t.by_status) == t.items == sum(c.count for c in t.by_light)
    assert t.late == len(report.late) > 0
    assert t.done == sum(c.count for c in t.by_status if c.key in ("done", "closed"))
    assert 0 < t.not_reported < t.items
    assert all(item.lead_unit for item in report.late)
    assert any(item.progress == INJECTION for item in report.late)
    assert len(report.ledger) >= t.items and report.evidence
    judged = {r.judgement for r in report.indicators}
    assert {"滞后", "提前实现", "未完成", "达到年度要求", "无法判断"} <= judged
    assert all(r.reason for r in report.indicators if r.judgement == "无法判断")
    # Every unit row adds up: each task it leads in exactly one column.
    assert all(sum(u.columns()) == u.led for u in report.units)
    # A late item counts for each of its lead units, or is named as 未明确责任单位.
    assert sum(u.late for u in report.units) + report.late_unassigned >= t.late


def test_scope_by_unit_and_bad_words(reported: Database) -> None:
    from tracker.errors import BadInput

    with reported.reading() as session:
        scope = resolve_scope(session, unit="温州市科学技术局")
        r = assemble_report(session, parse_period(PERIOD), scope)
        assert r.units and {u.unit for u in r.units} == {"温州市科学技术局"}
        everything = assemble_report(session, parse_period(PERIOD))
        assert 0 < len(r.ledger) < len(everything.ledger)
        assert r.totals.items < everything.totals.items
        with pytest.raises(BadInput, match="没有责任单位"):
            resolve_scope(session, unit="不存在的局")
        with pytest.raises(BadInput, match="没有标题或文号"):
            resolve_scope(session, plan_text="不存在的方案")


def test_excel_ledger(report: Report, tmp_path: Path) -> None:
    out = tmp_path / "台账 2023Q2.xlsx"
    write_ledger(report, out, LedgerOptions(office="温州市科学技术局"))
    wb = load_workbook(out)
    assert wb.sheetnames == ["总览", "任务台账", "指标完成情况", "各单位汇总", "单位考核", "滞后清单"]
    ws = wb["任务台账"]
    assert ws["A1"].value == "2023年第二季度督查任务台账"
    assert "A1:P1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A2"].value == "制表单位：温州市科学技术局"
    assert [c.value for c in ws[3]] == [c.header for c in LEDGER_COLUMNS]
    assert ws["A3"].font.bold and ws["A3"].fill.fgColor.rgb.endswith("D9E1F2")
    assert ws.freeze_panes == "A4"
    assert ws.auto_filter.ref == f"A3:P{3 + len(report.ledger)}"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 8  # A3
    for sheet in wb:
        margins = sheet.page_margins
        assert margins.footer < margins.bottom and margins.header < margins.top  # footer inside the page
    sheet = wb["指标完成情况"]
    column = next(c.column_letter for c in sheet[3] if c.value == "实际值期别")
    actual_periods = {c.value for c in sheet[column][3:] if c.value}
    assert actual_periods == {"2023年第二季度"}  # words, never the code 2023Q2
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$3:$3"
    assert ws.oddFooter.center.text == FOOTER
    # numbers as numbers, dates as dates, lights as fills
    assert ws["A4"].value == 1 and isinstance(ws["A4"].value, int)
    deadlines = [ws.cell(row=r, column=8).value for r in range(4, ws.max_row + 1)]
    assert any(isinstance(v, datetime) for v in deadlines)
    for r, row in enumerate(report.ledger, start=4):
        cell = ws.cell(row=r, column=13)
        assert cell.value == row.light.label
        assert cell.fill.fgColor.rgb.endswith(row.light.colour.lstrip("#"))
    # formula injection stays text
    hits = [c for row in ws.iter_rows(min_row=4) for c in row if c.value == INJECTION]
    assert hits and all(c.data_type == "s" and c.quotePrefix for c in hits)
    assert not any(c.data_type == "f" for s in wb for row in s.iter_rows() for c in row)
    # the overview agrees with the assembly
    ov = {ws_row[0].value: ws_row[1].value for ws_row in wb["总览"].iter_rows(min_row=4)}
    assert ov["任务（事项）总数"] == report.totals.items
    assert ov["亮灯：红灯"] == report.totals.late == wb["滞后清单"].max_row - 3
    assert ov["本期未报送进展"] == report.totals.not_reported
    ind = wb["指标完成情况"]
    assert ind.max_row - 3 == len(report.indicators)
    assert [c.value for c in ind[3]][4:6] == ["基期值", "基期（判断所用）"]
    assert [c.value for c in ind[3]][11:17] == [
        "完成率",
        "进度",
        "序时进度",
        "判断",
        "判断依据",
        "无法判断的原因",
    ]
    ratios = [c.value for c in ind["L"][3:] if c.value is not None]
    assert ratios and all(isinstance(v, float) for v in ratios) and ind["L4"].number_format == "0.0%"
    for r, row in enumerate(report.indicators, start=4):
        assert ind.cell(row=r, column=15).value == row.judgement
        assert (ind.cell(row=r, column=16).value or "") == row.rule
        expected = ind.cell(row=r, column=14).value
        assert (expected is None) == (row.expected is None)
        if expected is not None:
            assert expected == pytest.approx(row.expected / 100)


def test_pdf_bulletin(report: Report, tmp_path: Path) -> None:
    out = tmp_path / "通报.pdf"
    write_bulletin(
        report,
        out,
        BulletinOptions(
            issue=7,
            office="温州市科学技术局",
            issued_on=date(2023, 7, 5),
            problems="一是部分单位报送不及时。",
            next_steps=NEXT_STEPS,
            recipients="各责任单位",
            copies_to="市委督查室，市政府督查室",
        ),
    )
    reader = PdfReader(out)
    assert reader.metadata.title.startswith("督查通报 第7期") and reader.metadata.author == "温州市科学技术局"
    assert len(reader.pages) >= 5
    text = pdf_text(out)
    for words in (
        "督查通报",
        "第7期",
        "2023年7月5日",
        "一、总体情况",
        "二、各单位推进情况",
        "三、滞后事项",
        "四、指标完成情况",
        "五、存在问题",
        "六、下步工作要求",
        "一是部分单位报送不及时",
        "附件1",
        "— 1 —",
    ):
        assert words in text, words
    assert "请填写" not in text and "（发文单位）" not in text and "草稿" not in text  # no placeholder
    # the parts of a real 通报, in order: 主送 … 附件说明, 落款, 附件, 版记
    order = [
        "各责任单位：",
        "现将有关情况通报如下",
        "一、总体情况",
        "表1各方案任务推进情况",
        "二、各单位推进情况",
        "考核得分居前的是",  # 单位考核 at both ends, a sentence of 二、
        "三、滞后事项",
        "四、指标完成情况",
        "五、存在问题",
        "六、下步工作要求",
        "附件：1．2023年第二季度滞后事项清单",
        "温州市科学技术局2023年7月5日",
        "附件1",
        "抄送：市委督查室，市政府督查室",
        "2023年7月5日印发",
    ]
    flat = re.sub(r"\s+", "", text)
    at = 0
    for words in order:
        found = flat.find(words, at)
        assert found >= 0, f"“{words}” missing or out of order"
        at = found + len(words)
    # the lagging indicators' chart heads 附件3, named in 四 (the body stays short)
    assert "见附件3图2" in flat
    assert flat.find("图2滞后指标进度与序时进度") > flat.find("主要指标完成情况表") > flat.find("附件3")
    t = report.totals
    assert f"共{t.items}项" in text and f"合计办结{t.done}项" in text and f"红灯{t.late}项" in text
    assert f"亮红灯（滞后序时进度或逾期未完成）的事项共{len(report.late)}项" in text
    # 表3 shows each measured indicator's baseline, 序时进度 and the rule of its judgement
    # the page furniture (“— 3 —”) is read back between a page's last line and the next's first
    squeezed = re.sub(r"—\d+—", "", re.sub(r"\s+", "", text))
    for words in ("表3主要指标完成情况", "基期", "序时进度", "判断及依据", "注：进度为自基期值起"):
        assert words in squeezed, words
    for word, n in Counter(r.judgement for r in report.indicators).items():
        assert f"{word}{n}项" in squeezed, word
    staff = next(
        r for r in report.indicators if r.baseline_text.startswith("2022年") and r.achieved is not None
    )
    assert re.sub(r"\s+", "", f"{staff.judgement}：{staff.rule}") in squeezed
    assert f"{staff.expected:.1f}%" in squeezed and staff.baseline_text.replace(" ", "") in squeezed
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts.add(
                (str(font["/BaseFont"]), descriptor is not None and "/FontFile2" in descriptor.get_object())
            )
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert any("UMing" in name for name, _ in fonts) and any("WenQuanYi" in name for name, _ in fonts)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed")
def test_pdf_pages_render_not_blank(report: Report, tmp_path: Path) -> None:
    out = tmp_path / "b.pdf"
    write_bulletin(report, out, FULL)
    subprocess.run(["pdftoppm", "-r", "30", "-gray", str(out), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.pgm"))
    assert len(pages) == len(PdfReader(out).pages)
    for page in pages:
        data = page.read_bytes()
        pixels = data.split(b"\n", 3)[3]
        dark = sum(1 for b in pixels if b < 128)
        assert dark > 50, page.name


def test_numbers_agree_between_pdf_excel_and_assembly(report: Report, tmp_path: Path) -> None:
    write_bulletin(report, tmp_path / "b.pdf", FULL)
    write_ledger(report, tmp_path / "l.xlsx")
    text = pdf_text(tmp_path / "b.pdf")
    wb = load_workbook(tmp_path / "l.xlsx")
    units = {r[1].value: r for r in wb["各单位汇总"].iter_rows(min_row=4)}
    for unit in report.units:
        row = units[unit.unit]
        assert row[2].value == unit.led == sum(cell.value for cell in row[3:9])
        assert tuple(cell.value for cell in row[3:9]) == unit.columns()
        assert row[9].value == unit.supporting
    pdf_counts: dict[str, int] = {}
    for found in re.finditer(r"(已完成|推进中|滞后|未启动|绿灯|黄灯|灰灯|未报送)(\d+)项", text):
        pdf_counts.setdefault(found.group(1), int(found.group(2)))  # first: 一、总体情况
    ov = {r[0].value: r[1].value for r in wb["总览"].iter_rows(min_row=4)}
    assert pdf_counts["已完成"] == next(c.count for c in report.totals.by_status if c.key == "done")
    for c in report.totals.by_light:
        if c.key != "red":
            assert pdf_counts[c.label] == ov[f"亮灯：{c.label}"] == c.count
    for key in ("推进中", "未启动"):
        assert pdf_counts[key] == ov[f"报送状态：{key}"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_the_ledger(report: Report, tmp_path: Path) -> None:
    write_ledger(report, tmp_path / "台账.xlsx")
    # A bare machine may have no Chinese font; give LibreOffice the shipped ones, as an
    # officer's PC has its own (the workbook names no font file, only a family).
    fonts_conf = tmp_path / "fonts.conf"
    fonts_conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{resources_dir() / 'fonts'}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir>"
        "</fontconfig>",
        "utf-8",
    )
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "台账.xlsx"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "FONTCONFIG_FILE": str(fonts_conf)},
    )
    assert result.returncode == 0, result.stderr
    converted = tmp_path / "台账.pdf"
    assert converted.exists() and len(PdfReader(converted).pages) > 5
    assert "2023年第二季度督查任务台账" in pdf_text(converted)


def test_cli_exports(
    reported: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reported.dispose()
    pdf, xlsx = tmp_path / "通报.pdf", tmp_path / "台账.xlsx"
    common = ["--db", str(db_path), "export"]
    texts = ["--problems", PROBLEMS, "--next-steps", NEXT_STEPS]
    assert (
        main([*common, "pdf", "--out", str(pdf), "--period", PERIOD, "--office", "某市科技局", *texts]) == 0
    )
    assert main([*common, "xlsx", "--out", str(xlsx), "--period", PERIOD, "--unit", "温州市科学技术局"]) == 0
    assert "第1期" in pdf_text(pdf) and load_workbook(xlsx)["任务台账"].max_row > 4
    assert "草稿" not in pdf_text(pdf)
    assert next_issue(Database(f"sqlite:///{db_path}")) == 2  # the next bulletin proposes 第2期
    assert main([*common, "pdf", "--out", str(tmp_path / "x.pdf"), "--period", "2023Q5"]) == 2
    assert main([*common, "pdf", "--out", str(tmp_path / "x.pdf"), "--plan", "没有这个方案"]) == 2
    assert main([*common, "xlsx", "--out", str(tmp_path / "无此目录" / "x.xlsx")]) == 2
    assert main([*common, "pdf", "--out", str(tmp_path / "x.pdf"), "--date", "7月5日"]) == 2
    err = capsys.readouterr().err
    assert "2023Q5" in err and "没有这个方案" in err and "不存在" in err and "--date" in err
    assert not (tmp_path / "x.pdf").exists()
    # no placeholder reaches a sent 通报: missing parts are named, --draft marks page 1 草稿
    assert (
        main([*common, "pdf", "--out", str(tmp_path / "x.pdf"), "--period", PERIOD, "--office", "某局"]) == 2
    )
    err = capsys.readouterr().err
    assert "存在问题" in err and "下步工作要求" in err and "--draft" in err
    assert not (tmp_path / "x.pdf").exists()
    draft = tmp_path / "草稿.pdf"
    assert main([*common, "pdf", "--out", str(draft), "--period", PERIOD, "--draft"]) == 0
    first = PdfReader(draft).pages[0].extract_text().replace(" ", "")
    assert "草稿" in first and "待填写" in pdf_text(draft)
    # a scope that holds no task is refused, and nothing is written
    empty = tmp_path / "空.pdf"
    args = ["--period", PERIOD, "--plan", "乐清", "--unit", "温州市科学技术局", *texts, "--office", "某局"]
    assert main([*common, "pdf", "--out", str(empty), *args]) == 2
    assert "没有任务" in capsys.readouterr().err and not empty.exists()
    sheet = tmp_path / "空.xlsx"
    assert (
        main(
            [
                *common,
                "xlsx",
                "--out",
                str(sheet),
                "--period",
                PERIOD,
                "--plan",
                "乐清",
                "--unit",
                "温州市科学技术局",
            ]
        )
        == 2
    )
    assert "没有任务" in capsys.readouterr().err and not sheet.exists()


def test_a_very_long_progress_text_is_quoted_not_fatal(reported: Database, tmp_path: Path) -> None:
    """A late task's 最新进展 of thousands of characters used to stop the whole PDF (a table
    row taller than a page). The bulletin now quotes its start; the Excel 台账 keeps it all."""
    from sqlalchemy import select

    from tracker.db import models as m

    long_text = "".join(f"第{i}项：已完成现场核查，正在整改落实，资金已拨付到位。" for i in range(1, 121))
    with reported.reading() as session:
        before = assemble_report(session, parse_period(PERIOD), resolve_scope(session))
    write_bulletin(before, tmp_path / "原.pdf", FULL)
    with reported.unit_of_work() as session:
        update = session.scalars(
            select(m.Update).where(m.Update.status == "late").order_by(m.Update.id)
        ).first()
        assert update is not None
        update.progress = long_text
    with reported.reading() as session:
        report = assemble_report(session, parse_period(PERIOD), resolve_scope(session))
    assert any(item.progress == long_text for item in report.late)
    pdf = tmp_path / "长进展.pdf"
    write_bulletin(report, pdf, FULL)
    pages = re.sub(r"\s+", "", pdf_text(pdf))
    assert "第1项：已完成现场核查" in pages and "……" in pages
    assert "第120项" not in pages
    # The quoted start takes a page at most in the body and one in the annex.
    assert len(PdfReader(pdf).pages) <= len(PdfReader(tmp_path / "原.pdf").pages) + 2
    xlsx = tmp_path / "长进展.xlsx"
    write_ledger(report, xlsx)
    cells = [c.value for row in load_workbook(xlsx).worksheets[1].iter_rows() for c in row]
    assert long_text in cells


def test_row_height_estimate_counts_wrapped_lines() -> None:
    from tracker.reports.xlsx_ledger import _line_count

    assert _line_count("", 20) == 1
    assert _line_count("市科技局", 20) == 1  # 8 columns wide: the quick path
    assert _line_count("科" * 10, 20) == 1  # exactly 20 columns
    assert _line_count("科" * 11, 20) == 2
    assert _line_count("a" * 39, 20) == 2  # ASCII is one column a character
    assert _line_count("第一行\n第二行\n第三行", 20) == 3
    assert _line_count("科" * 30 + "\nabc", 20) == 4


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_every_line_of_the_bulletin_keeps_the_line_breaking_rules(report: Report, tmp_path: Path) -> None:
    """禁则, read back from the PDF: no line starts with ，；：）》” or ends with （《“, numbers keep
    their units, no lone last character, no space between Chinese and numbers, and no line
    runs past the text block."""
    from reportlab.lib.pagesizes import A4, landscape

    from tests.tracker.reports.pdflines import breaking_faults, drawn_lines, words_past
    from tracker.reports.layout import BLOCK_W, LANDSCAPE_BLOCK_W, LEFT

    out = tmp_path / "通报.pdf"
    write_bulletin(report, out, FULL)
    lines = drawn_lines(out)
    assert len(lines) > 200
    assert not breaking_faults(lines), breaking_faults(lines)[:10]
    turned = landscape(A4)[0]
    assert not words_past(lines, LEFT + BLOCK_W, (turned + LANDSCAPE_BLOCK_W) / 2)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_signature_keeps_with_the_body_and_annex_pages_are_turned_and_numbered(
    report: Report, tmp_path: Path
) -> None:
    """GB/T 9704: the 落款 never stands alone; a turned 附件 page carries its number where the
    portrait pages have theirs (the turned page's left edge: near its bottom on odd pages, its
    top on even ones); the late items fill their pages (62 would take at most 6)."""
    import math

    from tests.tracker.reports.pdflines import drawn_lines

    out = tmp_path / "通报.pdf"
    write_bulletin(report, out, FULL)
    lines = drawn_lines(out)
    pages = PdfReader(out).pages
    annex_first = min(line.page for line in lines if line.text == "附件1")
    annex_next = min(line.page for line in lines if line.text == "附件2")
    sign_page = max(line.page for line in lines if line.text == "2023年7月5日" and line.page < annex_first)
    same_page = [line for line in lines if line.page == sign_page]
    assert any(line.text.startswith("附件：1．") for line in same_page)
    assert len([line for line in same_page if len(line.text) > 10]) >= 3  # body text above it
    assert annex_first <= 6  # the body stays short; the detail is in the 附件
    turned = range(annex_first, annex_next)
    assert all(pages[n - 1].mediabox.width > pages[n - 1].mediabox.height for n in turned)
    assert annex_next - annex_first <= math.ceil(len(report.late) * 6 / 62)
    for n in turned:
        number = next(line for line in lines if line.page == n and line.text == f"—{n}—")
        height = float(pages[n - 1].mediabox.height)
        assert number.x_max < 36 * 72 / 25.4  # in the turned page's left margin
        assert (number.y > height / 2) == (n % 2 == 1)


def test_issue_numbers_follow_the_bulletin(
    reported: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A draft records no number; PDF and Word of one 通报 share it; another scope takes the next."""
    reported.dispose()
    common = ["--db", str(db_path), "export"]
    texts = ["--problems", PROBLEMS, "--next-steps", NEXT_STEPS, "--office", "某市科技局"]
    same = ["--period", PERIOD, *texts]
    for name in ("草稿1.pdf", "草稿2.pdf"):
        assert main([*common, "pdf", "--out", str(tmp_path / name), "--period", PERIOD, "--draft"]) == 0
        assert "草稿（第1期，不记期号）" in capsys.readouterr().err
    assert next_issue(Database(f"sqlite:///{db_path}")) == 1  # drafts record nothing
    assert main([*common, "pdf", "--out", str(tmp_path / "a.pdf"), *same]) == 0
    assert main([*common, "docx", "--out", str(tmp_path / "a.docx"), *same]) == 0
    assert main([*common, "pdf", "--out", str(tmp_path / "again.pdf"), *same]) == 0
    out = capsys.readouterr().err
    assert out.count("第1期") == 3 and "第2期" not in out
    assert "第1期" in pdf_text(tmp_path / "again.pdf")
    unit = ["--unit", "温州市科学技术局"]
    assert main([*common, "pdf", "--out", str(tmp_path / "b.pdf"), *same, *unit]) == 0
    assert main([*common, "docx", "--out", str(tmp_path / "b.docx"), *same, *unit]) == 0
    out = capsys.readouterr().err
    assert out.count("第2期") == 2
    assert main([*common, "pdf", "--out", str(tmp_path / "c.pdf"), *same]) == 0  # back to all: a new 通报
    assert main([*common, "pdf", "--out", str(tmp_path / "d.pdf"), *same, "--issue", "9"]) == 0
    out = capsys.readouterr().err
    assert "第3期" in out and "第9期" in out
    assert next_issue(Database(f"sqlite:///{db_path}")) == 10


def test_unit_scope_ranks_and_counts_its_units_only(reported: Database, tmp_path: Path) -> None:
    """A one-unit 通报: 考核 and its 附件 cover that unit; other leads are named as 牵头单位, not counted."""
    from tracker.reports.bulletin import compose

    unit = "温州市科学技术局"
    with reported.reading() as session:
        everyone = assemble_report(session, parse_period(PERIOD))
        report = assemble_report(session, parse_period(PERIOD), resolve_scope(session, unit=unit))
    assert everyone.assessment is not None and len(everyone.assessment.scores) > 1
    assert report.assessment is not None
    assert [s.unit for s in report.assessment.scores] == [unit] and report.assessment.scores[0].rank == 1
    assert [u.unit for u in report.units] == [unit]
    bulletin = compose(report, FULL)
    body = "".join(getattr(block, "text", "") for block in bulletin.body)
    assert "本次督查涉及责任单位1个" in body
    assert f"{unit}考核得分" in body and "得分居前" not in body
    outside = [item for item in report.late if item.lead_names and unit not in item.lead_names]
    # leads of late items the unit supports are named as 牵头单位, outside the count (which late
    # items the unit only supports depends on the progress the backend's fixture drew)
    if outside:
        assert "所涉单位配合的滞后事项，牵头单位为" in body and "未计入单位数" in body
    else:
        assert "所涉单位配合的滞后事项" not in body
    ranking = next(a for a in bulletin.annexes if a.title == "单位考核得分表")
    assert [row[1] for row in ranking.grid.rows] == [unit]
    out = tmp_path / "单位.pdf"
    write_bulletin(report, out, FULL)
    text = pdf_text(out)
    assert f"{unit}考核得分" in text
    others = {s.unit for s in everyone.assessment.scores} - {unit}
    start = text.rindex("单位考核得分表")
    annex = text[start : text.index("注：", start)]
    assert unit in annex
    assert not [name for name in others if name in annex]


def test_table1_and_units_annex_columns_add_up(reported: Database, tmp_path: Path) -> None:
    """表1 and 附件2: columns that partition 任务数 (牵头), 红灯 the body's 红灯, in PDF and Word alike."""
    from docx import Document

    from tracker.reports.bulletin import Grid, compose
    from tracker.reports.docx_bulletin import write_docx

    with reported.reading() as session:
        report = assemble_report(session, parse_period(PERIOD))
    bulletin = compose(report, FULL)
    table1 = next(b for b in bulletin.body if isinstance(b, Grid) and b.caption.startswith("表1"))
    header = table1.header
    assert header[2:8] == ("已办结", "序时推进", "黄灯", "红灯", "灰灯", "未报送")
    for row in table1.rows:
        assert int(row[1]) == sum(int(cell) for cell in row[2:8]), row
    total = table1.rows[-1]
    lights = {c.key: c.count for c in report.totals.by_light}
    assert (
        int(total[header.index("红灯")]) == lights["red"]
        and int(total[header.index("灰灯")]) == lights["grey"]
    )
    units = next(a for a in bulletin.annexes if a.title == "各责任单位推进情况统计表").grid
    assert units.header[4:] == header[2:8]
    for row in units.rows:
        assert int(row[2]) == sum(int(cell) for cell in row[4:]), row
    out = tmp_path / "通报.pdf"
    write_bulletin(report, out, FULL)
    text = pdf_text(out)
    assert "任务数已办结序时推进黄灯红灯灰灯未报送完成率" in text.replace(" ", "")
    word = tmp_path / "通报.docx"
    write_docx(report, word, FULL)
    tables = Document(str(word)).tables
    headers = [[cell.text for cell in t.rows[0].cells] for t in tables]
    assert list(header) in headers and list(units.header) in headers
