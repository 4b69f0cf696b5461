"""The Excel 台账 as printed: paper, print scale, row heights, footer, periods in words.

The workbook is written, read back with openpyxl and, where LibreOffice is installed,
converted to PDF and read page by page.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from tests.tracker.reports.conftest import PERIOD
from tracker.db.engine import Database
from tracker.errors import BadInput
from tracker.paths import resources_dir
from tracker.periods import parse_period
from tracker.reports.assemble import Report, assemble_report, resolve_scope
from tracker.reports.xlsx_ledger import (
    FOOTER,
    PAPERS,
    Column,
    LedgerOptions,
    column_pixels,
    print_scale,
    write_ledger,
)

CODE = re.compile(r"(?<!\d)\d{4}(?:Q[1-4]|H[12]|-(?:0[1-9]|1[0-2]))(?![\d-])")
PAPER_NAMES = {number: name for name, (number, _w) in PAPERS.items()}


@pytest.fixture
def report(reported: Database) -> Report:
    with reported.reading() as session:
        return assemble_report(session, parse_period(PERIOD))


def _columns(ws: Worksheet) -> list[Column]:
    letters = sorted((k for k, d in ws.column_dimensions.items() if d.width), key=lambda k: (len(k), k))
    return [Column("", ws.column_dimensions[k].width) for k in letters]


def _strings(ws: Worksheet) -> list[str]:
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def test_every_sheet_prints_at_nine_points_or_more(report: Report, tmp_path: Path) -> None:
    out = tmp_path / "台账 打印.xlsx"
    write_ledger(report, out, LedgerOptions(office="温州市科学技术局"))
    wb = load_workbook(out)
    papers = {}
    for ws in wb:
        setup = ws.page_setup
        assert setup.orientation == "landscape"
        assert setup.fitToWidth == 1 and setup.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage
        paper = PAPER_NAMES[int(setup.paperSize)]
        papers[ws.title] = paper
        scale = print_scale(_columns(ws), paper)
        sizes = {c.font.sz for row in ws.iter_rows(min_row=3) for c in row if c.value is not None}
        assert min(sizes) * scale >= 9.0, (ws.title, paper, scale, min(sizes))
        # the footer lies inside the bottom margin, the header inside the top one
        margins = ws.page_margins
        assert margins.footer < margins.bottom and margins.header < margins.top
        assert margins.bottom - margins.footer >= 0.3  # room for a line of 10 pt
        assert ws.oddFooter.center.text == FOOTER == "第&P页 共&N页"
        assert ws.print_title_rows == "$3:$3"  # the header row repeats on every page
        # every table cell has its border
        header = ws[3]
        assert all(c.border.left.style == "thin" and c.border.bottom.style == "thin" for c in header)
    # the 15-column ledger goes on A3, as offices print it; a narrow sheet stays on A4
    assert papers["任务台账"] == "A3" and papers["总览"] == "A4" and papers["各单位汇总"] == "A4"


def _independent_lines(text: str, width: float) -> int:
    """Lines at 10 pt, counted apart from the module: 13⅓ px a Chinese character, half for ASCII."""
    room = (column_pixels(width) - 4) // (40 / 3) * (40 / 3)  # whole characters a line
    lines = 0
    for part in text.split("\n"):
        px = sum((40 / 3) if ord(ch) > 0x2E7F or 0x2000 <= ord(ch) < 0x2070 else 6.67 for ch in part)
        lines += max(1, -(-(px - 1e-6) // room))
    return int(lines)


def test_row_heights_fit_their_text(report: Report, tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    write_ledger(report, out)
    ws = load_workbook(out)["任务台账"]
    widths = [c.width for c in _columns(ws)]
    checked = tall = 0
    for r in range(4, ws.max_row + 1):
        cells = ws[r]
        lines = max(
            (_independent_lines(c.value, widths[i]) for i, c in enumerate(cells) if isinstance(c.value, str)),
            default=1,
        )
        height = ws.row_dimensions[r].height
        if lines == 1:
            assert height is None or height <= 20  # a one-line row keeps the default height
            continue
        checked += 1
        # tall enough for every line of 10 pt (no clipped text; 409 pt is Excel's limit) …
        assert height >= min(409, lines * 12.5), (r, lines, height)
        # … and not twice as tall as its text (packing by characters may need one line more)
        assert height <= (lines + 1) * 13 + 6, (r, lines, height)
        tall += height > 100
    assert checked > 50 and tall > 5


def test_no_period_code_anywhere_in_the_workbook(report: Report, tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    write_ledger(report, out)
    wb = load_workbook(out)
    found = [(ws.title, s) for ws in wb for s in _strings(ws) if CODE.search(s)]
    assert not found, found[:5]
    periods = [c.value for c in wb["指标完成情况"]["K"][3:] if c.value]
    assert periods and all(p.endswith(("季度", "半年", "年度", "月")) for p in periods)
    assert "2023年第二季度" in periods
    assert wb.properties.title == "2023年第二季度督查任务台账"


def test_overview_states_the_scope(reported: Database, tmp_path: Path) -> None:
    with reported.reading() as session:
        scope = resolve_scope(session, unit="温州市科学技术局", kinds=("task",))
        report = assemble_report(session, parse_period(PERIOD), scope)
        whole = assemble_report(session, parse_period(PERIOD))
    write_ledger(report, tmp_path / "单位.xlsx")
    write_ledger(whole, tmp_path / "全部.xlsx")
    part = _strings(load_workbook(tmp_path / "单位.xlsx")["总览"])
    assert "报告期：2023年第二季度" in part
    assert "责任单位：温州市科学技术局" in part and "任务类别：任务" in part
    everything = _strings(load_workbook(tmp_path / "全部.xlsx")["总览"])
    assert "责任单位：全部责任单位" in everything and "任务类别：全部类别" in everything
    assert any(s.startswith("统计范围：") for s in everything)


def _fonts_conf(tmp_path: Path) -> Path:
    """Shipped Chinese fonts, plus a Calibri-metric face (Carlito) where the machine has one:
    Excel's column unit is Calibri's digit, and LibreOffice measures it the same way only
    with Calibri or Carlito present, as on an office PC."""
    dirs = [resources_dir() / "fonts", Path("/usr/share/fonts/truetype/crosextra")]
    extra = os.environ.get("TRACKER_TEST_FONT_DIR")
    if extra:
        dirs.append(Path(extra))
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        + "".join(f"<dir>{d}</dir>" for d in dirs if d.is_dir())
        + f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        "utf-8",
    )
    return conf


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_prints_footer_and_legible_text(report: Report, tmp_path: Path) -> None:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    write_ledger(report, tmp_path / "台账.xlsx", LedgerOptions(office="温州市科学技术局"))
    conf = _fonts_conf(tmp_path)
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
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
        timeout=240,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    document = pdfium.PdfDocument(str(tmp_path / "台账.pdf"))
    count = len(document)
    calibri = subprocess.run(
        ["fc-match", "-f", "%{family}", "Calibri"], capture_output=True, text=True, env=env
    ).stdout
    metric_font = "Carlito" in calibri or "Calibri" in calibri
    smallest = 99.0
    for index in range(count):
        page = document[index]
        textpage = page.get_textpage()
        words = re.sub(r"\s", "", textpage.get_text_bounded())
        # the footer is printed, inside the page, on every page
        assert f"第{index + 1}页共{count}页" in words, index
        height = page.get_size()[1]
        footer_top = min(
            textpage.get_charbox(i)[1]
            for i in range(textpage.count_chars())
            if textpage.get_text_range(i, 1) == "共"
        )
        assert 0 < footer_top < height * 0.1
        sizes = [raw.FPDFText_GetFontSize(textpage, i) for i in range(0, textpage.count_chars(), 5)]
        smallest = min(smallest, min(s for s in sizes if s > 2))
    # text prints at 9 pt or more where the column unit is measured as Excel measures it
    if metric_font:
        assert smallest >= 8.95
    else:
        assert smallest >= 6.5  # a machine without Calibri's metric measures columns wider


def test_a4_prints_wide_sheets_in_column_groups_with_key_columns(report: Report, tmp_path: Path) -> None:
    out = tmp_path / "台账 A4.xlsx"
    write_ledger(report, out, LedgerOptions(paper="A4"))
    wb = load_workbook(out)
    ws = wb["任务台账"]
    setup = ws.page_setup
    assert PAPER_NAMES[int(setup.paperSize)] == "A4" and setup.orientation == "landscape"
    assert not ws.sheet_properties.pageSetUpPr.fitToPage and int(setup.scale) == 90
    assert setup.pageOrder == "overThenDown"  # rows 1–N of every group, then the next rows
    assert ws.print_title_cols == "$A:$C" and ws.print_title_rows == "$3:$3"
    # each group of columns, with 序号/所属方案/任务 beside it, fits the A4 width at 90 %
    columns = _columns(ws)
    breaks = [b.id for b in ws.col_breaks.brk]
    assert breaks and breaks == sorted(breaks)
    printable = (297 / 25.4 * 72 - 2 * ws.page_margins.left * 72) / 0.9
    key = columns[:3]
    starts = [0, *breaks]
    ends = [*breaks, len(columns)]
    for start, end in zip(starts, ends, strict=True):
        group = columns[start:end] if start == 0 else key + columns[start:end]
        width = sum(max(column_pixels(c.width), c.width * 7.4) * 0.75 for c in group)
        assert width <= printable, (start, end, width, printable)
    headers = [c.value for c in ws[3]]
    assert headers[:3] == ["序号", "所属方案", "任务(事项)名称"] and headers[breaks[0]] != "序号"
    sizes = {c.font.sz for row in ws.iter_rows(min_row=3) for c in row if c.value is not None}
    assert min(sizes) * 0.9 >= 9.0
    # a sheet narrow enough for A4 is printed as before; the A3 default is unchanged
    assert wb["总览"].sheet_properties.pageSetUpPr.fitToPage
    with pytest.raises(BadInput, match="A3 或 A4"):
        write_ledger(report, tmp_path / "x.xlsx", LedgerOptions(paper="B5"))
    assert not (tmp_path / "x.xlsx").exists()
