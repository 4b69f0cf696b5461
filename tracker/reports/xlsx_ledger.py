"""Excel 台账 (ledger workbook) from an assembled report, with openpyxl in write-only mode.

Sheets: 总览, 任务台账 (the CONVENTIONS.md columns), 指标完成情况, 各单位汇总, 滞后清单.
Each sheet: a merged title row, a 制表单位 / 统计截至 row, a styled header that is frozen,
filtered and repeated on every printed page; landscape, one page wide, “第&P页 共&N页”.

Printing (what an officer gets on paper, in Excel, WPS or LibreOffice):
* The paper is the smallest of A4 and A3 (landscape) on which fitting the sheet to one page
  wide still prints its 10 pt text at 9 pt or more (`paper_for`): the 15-column 任务台账 goes
  on A3, as offices print their 台账; the narrow sheets stay on A4.
* Widths are measured as Excel measures them: a column unit is the digit width of the
  workbook's Normal font (Calibri 11: 7 px at 96 dpi); a Chinese character of 10 pt is
  13⅓ px. Row heights come from the lines each cell wraps to (`_line_count`), since neither
  Excel nor LibreOffice grows the rows of an openpyxl file.
* The footer sits inside the bottom margin (LibreOffice clips a footer whose margin is larger).
* Periods are printed in words (2023年第二季度), never as codes.

Speed (measured in docs/reports.md): every distinct cell style is registered with the
workbook once (`_Styles`), and each cell is a `_StyledCell` that carries that style's index
and its value already typed, so openpyxl neither copies a style array nor hashes it again
per cell; the sheet takes the prepared cells as they are (`_prepared_row`) instead of
re-trying every value as a plain one. Ledger text is still typed as text, never a formula
(`cells.looks_like_formula` → a string cell with the quote-prefix style).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties

from tracker.errors import BadInput
from tracker.facts.counts import UNIT_COLUMNS
from tracker.fileio import atomic_write
from tracker.lights import Light
from tracker.periods import words
from tracker.reports.assemble import Report
from tracker.reports.cells import looks_like_formula
from tracker.views.plan_metrics import achieved_text

FONT_NAME = "宋体"
HEADER_FONT_NAME = "黑体"
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
PERCENT_FORMAT = "0.0%"
FOOTER = "第&P页 共&N页"
HEADER_ROW = 3  # title, 制表单位 line, then the header
BODY_SIZE = 10  # pt, body and header text of every table
SMALLEST_PRINTED = 9.0  # pt at print scale: the least an officer reads without effort

# Page geometry (inches, as openpyxl stores margins). The footer and header lie inside the
# bottom and top margins.
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM, MARGIN_HEADER, MARGIN_FOOTER = 0.4, 0.7, 0.7, 0.3, 0.3
PAPERS = {"A4": (9, 297.0), "A3": (8, 420.0)}  # name: (openpyxl paperSize, landscape width mm)

_thin = Side(style="thin", color="808080")
_BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_HEADING_FILL = PatternFill("solid", fgColor="F2F2F2")


@dataclass(frozen=True)
class Column:
    header: str
    width: float  # in Excel character units; a Chinese character is about 2
    kind: str = "text"  # text | wrap | int | number | percent | date | light


@dataclass(frozen=True)
class LedgerOptions:
    office: str = ""  # 制表单位 (`office_of`); without one the label is left out, never printed empty
    title: str = ""  # defaults to “<period> 督查任务台账”
    # A sheet too wide for A4: "A3" prints it one page wide on A3; "A4" prints it on A4 at
    # 90 % in page-wide column groups, with its key columns (序号, 所属方案, 名称) on every page.
    paper: str = "A3"


LEDGER_COLUMNS = (
    Column("序号", 5, "int"),
    Column("所属方案", 11, "wrap"),
    Column("任务(事项)名称", 22, "wrap"),
    Column("工作内容/目标", 28, "wrap"),
    Column("牵头单位", 14, "wrap"),
    Column("配合单位", 14, "wrap"),
    Column("责任领导", 8, "wrap"),
    Column("完成时限", 16, "date"),  # a date is never wrapped: narrower shows ####
    Column("本期进展情况", 30, "wrap"),
    Column("存在问题", 16, "wrap"),
    Column("下步措施", 16, "wrap"),
    Column("报送状态", 8, "text"),
    Column("亮灯", 6, "light"),
    Column("督办记录", 12, "wrap"),  # 延期 and 催办次数 (tracker.reports.assemble.supervision_words)
    Column("佐证材料", 12, "wrap"),
    Column("备注", 8, "wrap"),
)


class _Styles:
    """One prototype cell per (kind, variant); cells copy its style array."""

    def __init__(self, sheet: Any) -> None:
        self.sheet = sheet
        self._indices: dict[tuple[int, bool], int] = {}
        body = Font(name=FONT_NAME, size=BODY_SIZE)
        self.title = self._proto(
            Font(name=HEADER_FONT_NAME, size=16), Alignment(horizontal="center", vertical="center")
        )
        self.meta = self._proto(Font(name=FONT_NAME, size=BODY_SIZE), Alignment(vertical="center"))
        self.meta_right = self._proto(
            Font(name=FONT_NAME, size=BODY_SIZE), Alignment(horizontal="right", vertical="center")
        )
        self.header = self._proto(
            Font(name=HEADER_FONT_NAME, size=BODY_SIZE, bold=True),
            Alignment(horizontal="center", vertical="center", wrap_text=True),
            _BORDER,
            _HEADER_FILL,
        )
        top_wrap = Alignment(vertical="top", wrap_text=True)
        centred = Alignment(horizontal="center", vertical="top", wrap_text=True)
        self.kinds: dict[str, WriteOnlyCell] = {
            "text": self._proto(body, centred, _BORDER),
            "wrap": self._proto(body, top_wrap, _BORDER),
            "int": self._proto(body, centred, _BORDER),
            "number": self._proto(
                body, Alignment(horizontal="right", vertical="top"), _BORDER, fmt="General"
            ),
            "percent": self._proto(
                body, Alignment(horizontal="right", vertical="top"), _BORDER, fmt=PERCENT_FORMAT
            ),
            "date": self._proto(body, centred, _BORDER, fmt=DATE_FORMAT),
        }
        self.heading_wrap = self._proto(
            Font(name=FONT_NAME, size=BODY_SIZE, bold=True), top_wrap, _BORDER, _HEADING_FILL
        )
        self.lights = {
            light: self._proto(
                Font(name=FONT_NAME, size=BODY_SIZE, color="FFFFFF" if light is Light.RED else "000000"),
                centred,
                _BORDER,
                PatternFill("solid", fgColor=light.colour.lstrip("#")),
            )
            for light in Light
        }

    def index(self, proto: WriteOnlyCell, quoted: bool = False) -> int:
        """The workbook's index of the prototype's style (quote-prefixed variant on request)."""
        key = (id(proto), quoted)
        found = self._indices.get(key)
        if found is None:
            cell = proto
            if quoted:
                cell = WriteOnlyCell(self.sheet)
                cell._style = copy(proto._style)
                cell.quotePrefix = True
            found = self._indices[key] = cell.style_id  # registers the style once
        return found

    def _proto(
        self,
        font: Font,
        alignment: Alignment,
        border: Border | None = None,
        fill: PatternFill | None = None,
        fmt: str | None = None,
    ) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet)
        cell.font = font
        cell.alignment = alignment
        if border is not None:
            cell.border = border
        if fill is not None:
            cell.fill = fill
        if fmt is not None:
            cell.number_format = fmt
        return cell


_CellBase: Any = Cell  # typed loosely: the subclass sets Cell's slots directly


class _StyledCell(_CellBase):
    """A write-only cell with its value typed and its style index fixed in advance.

    openpyxl's writer reads only `coordinate`, `data_type`, `_value`, `has_style`,
    `style_id`, `hyperlink` and `_comment` of a write-only cell.
    """

    def __init__(self, sheet: Any, column: int, value: Any, data_type: str, style: Any, index: int) -> None:
        self.parent = sheet
        self.row = 0
        self.column = column
        self._value = value
        self.data_type = data_type
        self._style = style  # shared with the prototype; never changed
        self._hyperlink = None
        self._comment = None
        self._style_index = index

    @property
    def style_id(self) -> int:
        return self._style_index

    @property
    def has_style(self) -> bool:
        return True


def _typed(value: Any) -> tuple[Any, str, bool]:
    """(value, openpyxl data type, needs the quote prefix) without openpyxl's per-cell binding."""
    kind = type(value)
    if kind is str:
        if ILLEGAL_CHARACTERS_RE.search(value):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters Excel refuses
        value = value[:32767]
        return value, "s", looks_like_formula(value)
    if kind is bool:
        return value, "b", False
    if kind is float and not math.isfinite(value):
        return "无效数值", "s", False  # NaN or infinity (an older program's): Excel cannot hold it
    if kind is int or kind is float:
        return value, "n", False
    if isinstance(value, date):  # date and datetime: the column's format shows it
        return value, "d", False
    text = str(value)
    return text, "s", looks_like_formula(text)


def _prepared_row(values: Sequence[Any], row_index: int) -> Iterable[Any]:
    """Replaces the sheet's `_values_to_row`: the row's cells are already `_StyledCell`s."""
    for cell in values:
        if cell is not None:
            cell.row = row_index
            yield cell


PX_PER_UNIT = 7  # Excel's column unit: the Normal font's digit width (Calibri 11) at 96 dpi
# LibreOffice takes the same unit unrounded (7.4 px): the page width is judged by it, the
# wider of the two, so the sheet prints at 9 pt or more in both.
PRINT_PX_PER_UNIT = 7.4
CELL_PADDING_PX = 4  # Excel keeps about 2 px clear on either side of a cell's text
LINE_FACTOR = 1.3  # a wrapped line of 宋体 is about 1.3 × its size tall
ROW_PADDING = 3.0  # pt above and below the text of a row


def column_pixels(width: float) -> int:
    """A column's width in pixels at 96 dpi, by Excel's own formula for a stored width."""
    return int((256 * width + int(128 / PX_PER_UNIT)) / 256 * PX_PER_UNIT)


def sheet_points(columns: Sequence[Column]) -> float:
    """The printed width of the columns at 100 %, in points (LibreOffice's measure, the wider)."""
    return sum(max(column_pixels(c.width), c.width * PRINT_PX_PER_UNIT) for c in columns) * 0.75


def print_scale(columns: Sequence[Column], paper: str) -> float:
    """How much “fit to one page wide” shrinks the sheet on landscape `paper` (1.0: not at all)."""
    printable = PAPERS[paper][1] / 25.4 * 72 - 2 * MARGIN_SIDE * 72
    return min(1.0, printable / sheet_points(columns))


def paper_for(columns: Sequence[Column]) -> str:
    """The smallest paper on which the sheet's text prints at `SMALLEST_PRINTED` pt or more.

    Rule: A4 landscape if one page wide keeps 10 pt at ≥ 9 pt, else A3 landscape."""
    for paper in PAPERS:
        if print_scale(columns, paper) * BODY_SIZE >= SMALLEST_PRINTED:
            return paper
    return "A3"


KEY_COLUMNS = 3  # 序号, 所属方案 and the task's (indicator's) name: repeated on every A4 page
SPLIT_SCALE = 90  # % on A4 in column groups: 10 pt prints at 9 pt


def column_groups(columns: Sequence[Column], key: int = KEY_COLUMNS) -> list[range]:
    """Column groups (0-based index ranges) that each fit A4 landscape at `SPLIT_SCALE` with the
    first `key` columns printed beside them; the first group holds the key columns themselves."""
    room = (PAPERS["A4"][1] / 25.4 * 72 - 2 * MARGIN_SIDE * 72) / (SPLIT_SCALE / 100)
    room -= sheet_points(columns[:key])
    groups: list[range] = []
    start, used = key, 0.0
    for index in range(key, len(columns)):
        width = sheet_points(columns[index : index + 1])
        if used + width > room and index > start:
            groups.append(range(start, index))
            start, used = index, 0.0
        used += width
    groups.append(range(start, len(columns)))
    groups[0] = range(0, groups[0].stop)
    return groups


def _split_on_a4(sheet: Any, columns: Sequence[Column]) -> None:
    """A4 landscape at 90 %, a page break after each column group, the key columns repeated and
    pages numbered across before down (rows 1–N of every group, then the next rows)."""
    setup = sheet.page_setup
    setup.paperSize = PAPERS["A4"][0]
    setup.scale = SPLIT_SCALE
    setup.pageOrder = "overThenDown"
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=False)
    sheet.print_title_cols = f"A:{get_column_letter(KEY_COLUMNS)}"
    for group in column_groups(columns)[:-1]:
        sheet.col_breaks.append(Break(id=group.stop))


def _line_count(text: str, width: float, size: float = BODY_SIZE) -> int:
    """Lines `text` wraps to in a column `width` units wide, at `size` pt.

    A Chinese character (and full-width punctuation) is one em, `size` × 4/3 px; Latin letters,
    digits and half-width marks half an em (宋体). The words wrap character by character, as
    Excel wraps Chinese; a Latin word may wrap a little earlier, so the estimate errs tall.
    Excel does not grow wrapped rows on opening and LibreOffice does not either for a file
    from openpyxl, so the ledger sets each row's height from this count.
    """
    if not text:
        return 1
    room = column_pixels(width) - CELL_PADDING_PX
    em = size * 4 / 3
    if len(text) * em <= room and "\n" not in text:
        return 1  # fits even if every character is a wide one: most cells, no counting
    half = em / 2
    total = 0
    for part in text.split("\n"):
        lines, used = 1, 0.0
        for char in part:
            step = half if ord(char) < 0x2E80 and not 0x2000 <= ord(char) < 0x2070 else em
            if used + step > room and used > 0:
                lines += 1
                used = 0.0
            used += step
        total += lines
    return total


def row_height(lines: int, size: float = BODY_SIZE) -> float:
    """Points for a row of `lines` wrapped lines (Excel's limit is 409)."""
    return min(409.0, round(lines * size * LINE_FACTOR + 2 * ROW_PADDING, 2))


def _write_sheet(
    workbook: Workbook,
    name: str,
    title: str,
    office: str,
    as_of: date,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    headings: Iterable[bool] | None = None,
    wide_paper: str = "A3",
) -> int:
    """One table sheet; returns the number of data rows written."""
    sheet = workbook.create_sheet(name)
    styles = _Styles(sheet)
    last = get_column_letter(len(columns))
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    paper = paper_for(columns)
    if paper == "A3" and wide_paper == "A4":
        _split_on_a4(sheet, columns)
    else:
        sheet.page_setup.paperSize = PAPERS[paper][0]
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.print_options.gridLines = False  # every table cell has its own thin border
    margins = sheet.page_margins
    margins.left = margins.right = MARGIN_SIDE
    margins.top, margins.bottom = MARGIN_TOP, MARGIN_BOTTOM
    margins.header, margins.footer = MARGIN_HEADER, MARGIN_FOOTER
    for footer in (sheet.oddFooter, sheet.evenFooter):
        footer.center.text = FOOTER
        footer.center.size = BODY_SIZE

    sheet._values_to_row = _prepared_row  # rows are appended as prepared cells only

    def cell(column: int, value: Any, proto: WriteOnlyCell) -> _StyledCell | None:
        if value is None:
            return None
        typed, data_type, quoted = _typed(value)
        return _StyledCell(sheet, column, typed, data_type, proto._style, styles.index(proto, quoted))

    sheet.row_dimensions[1].height = 30
    sheet.append([cell(1, title, styles.title)])
    split = max(1, len(columns) // 2)
    sheet.append(
        [
            cell(1, f"制表单位：{office}", styles.meta) if office else None,  # never an empty label
            cell(split + 1, f"统计截至：{words(as_of)}", styles.meta_right),
        ]
    )
    sheet.merged_cells.add(f"A1:{last}1")
    if split > 1:
        sheet.merged_cells.add(f"A2:{get_column_letter(split)}2")
    if len(columns) - split > 1:
        sheet.merged_cells.add(f"{get_column_letter(split + 1)}2:{last}2")
    header_lines = max(_line_count(column.header, column.width) for column in columns)
    if header_lines > 1:
        sheet.row_dimensions[HEADER_ROW].height = row_height(header_lines)
    sheet.append([cell(i, column.header, styles.header) for i, column in enumerate(columns, start=1)])

    # Per column: (column number, style, quoted style, is the light column); the heading
    # variant replaces the style of wrapped text on 抓手 rows.
    plain: list[tuple[Any, int, int]] = []
    heading: list[tuple[Any, int, int]] = []
    for column in columns:
        proto = styles.kinds.get(column.kind, styles.kinds["text"])
        entry = (proto._style, styles.index(proto), styles.index(proto, True))
        plain.append(entry)
        if column.kind == "wrap":
            hp = styles.heading_wrap
            heading.append((hp._style, styles.index(hp), styles.index(hp, True)))
        else:
            heading.append(entry)
    lights = {light: (proto._style, styles.index(proto)) for light, proto in styles.lights.items()}
    light_columns = {i for i, column in enumerate(columns) if column.kind == "light"}
    heading_flags = iter(headings) if headings is not None else None
    wrap_columns = [(i, column.width) for i, column in enumerate(columns) if column.kind in ("wrap", "text")]
    row_heights = sheet.row_dimensions
    count = 0
    for values in rows:
        is_heading = next(heading_flags) if heading_flags is not None else False
        lines = max(
            (_line_count(values[i], width) for i, width in wrap_columns if isinstance(values[i], str)),
            default=1,
        )
        if lines > 1:
            row_heights[HEADER_ROW + count + 1].height = row_height(lines)
        spec = heading if is_heading else plain
        cells: list[_StyledCell | None] = []
        for i, value in enumerate(values):
            if i in light_columns:
                style, index = lights[value]
                cells.append(_StyledCell(sheet, i + 1, value.label, "s", style, index))
                continue
            style, index, quoted_index = spec[i]
            if value is None:
                typed, data_type, quoted = None, "n", False
            else:
                typed, data_type, quoted = _typed(value)
            cells.append(
                _StyledCell(sheet, i + 1, typed, data_type, style, quoted_index if quoted else index)
            )
        sheet.append(cells)
        count += 1
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + max(count, 1)}"
    return count


def _ledger_values(report: Report) -> Iterable[tuple[Any, ...]]:
    for row in report.ledger:
        yield (
            row.seq,
            row.plan,
            f"{row.code} {row.title}".strip() if row.code else row.title,
            row.content,
            row.lead_units,
            row.support_units,
            row.leader,
            row.deadline if row.deadline is not None else row.deadline_text,
            row.progress,
            row.problems,
            row.next_steps,
            row.status,
            row.light,
            row.supervision,
            row.evidence,
            row.remarks,
        )


ASSESSMENT_COLUMNS = (
    Column("名次", 6, "int"),
    Column("单位", 30, "wrap"),
    Column("得分", 8, "number"),
    Column("报送得分", 9, "number"),
    Column("进度得分", 9, "number"),
    Column("扣分", 7, "number"),
    Column("任务数", 7, "int"),
    Column("按时报送", 9, "int"),
    Column("逾期报送", 9, "int"),
    Column("未报送", 8, "int"),
    Column("已完成", 8, "int"),
    Column("逾期未完成", 10, "int"),
    Column("退回", 7, "int"),
    Column("催办", 7, "int"),
)


def _write_assessment(workbook: Workbook, report: Report, office: str, as_of: date) -> None:
    """单位考核: rank, score and its breakdown per unit, with the rule written under the table."""
    assessment = report.assessment
    assert assessment is not None
    rows: list[tuple[Any, ...]] = [
        (
            s.rank,
            s.unit,
            s.score,
            s.report_part,
            s.progress_part,
            s.deductions,
            s.tasks,
            s.on_time,
            s.late_reports,
            s.missing,
            s.done,
            s.overdue,
            s.returns,
            s.reminders,
        )
        for s in assessment.scores
    ]
    rows.append((None, f"报送截止日：{words(assessment.due)}", *([None] * 12)))
    rows += [
        (None, f"计分规则{i}：{line}", *([None] * 12)) for i, line in enumerate(assessment.rules.lines(), 1)
    ]
    _write_sheet(
        workbook,
        "单位考核",
        f"{report.period.label}单位考核",
        office,
        as_of,
        ASSESSMENT_COLUMNS,
        rows,
    )


KIND_WORDS = {"task": "任务", "platform": "平台", "project": "项目"}


def scope_lines(report: Report) -> list[str]:
    """What the workbook covers, in words, for the 总览: period, plans, unit, kind, cut-off date."""
    scope = report.scope
    return [
        f"报告期：{report.period.label}",
        f"统计范围：{'；'.join(report.plan_titles) or '全部方案'}",
        f"责任单位：{'、'.join(scope.units) if scope.units else '全部责任单位'}",
        f"任务类别：{'、'.join(KIND_WORDS.get(k, k) for k in scope.kinds) if scope.kinds else '全部类别'}",
        f"统计截至：{words(report.as_of)}",
    ]


def build_workbook(report: Report, options: LedgerOptions | None = None) -> Workbook:
    """The whole 台账 workbook (write-only: save it once)."""
    options = options or LedgerOptions()
    paper = options.paper
    if paper not in PAPERS:
        raise BadInput(f"台账纸张“{paper}”不对，应为 A3 或 A4 (paper must be A3 or A4)")
    label = report.period.label
    workbook = Workbook(write_only=True)
    workbook.properties.title = options.title or f"{label}督查任务台账"
    workbook.properties.creator = options.office or "督查台账"
    office, as_of = options.office.strip(), report.as_of
    totals = report.totals

    overview: list[tuple[Any, ...]] = [("任务（事项）总数", totals.items, 1.0 if totals.items else 0.0)]
    overview += [(f"报送状态：{c.label}", c.count, c.percent / 100) for c in totals.by_status]
    overview += [(f"亮灯：{c.label}", c.count, c.percent / 100) for c in totals.by_light]
    overview += [
        ("本期未报送进展", totals.not_reported, totals.not_reported / totals.items if totals.items else 0.0),
        ("完成率（已办结：已完成 + 已销号）", totals.done, totals.completion_rate / 100),
    ]
    overview += [(line, None, None) for line in scope_lines(report)]
    if report.changes is not None and report.changes.worth_stating:
        overview += [(f"较上期：{sentence}", None, None) for sentence in report.changes.sentences()]
    _write_sheet(
        workbook,
        "总览",
        f"{label}督查任务完成情况总览",
        office,
        as_of,
        (Column("项目", 40, "wrap"), Column("数量", 12, "int"), Column("占比", 12, "percent")),
        overview,
        wide_paper=paper,
    )
    _write_sheet(
        workbook,
        "任务台账",
        options.title or f"{label}督查任务台账",
        office,
        as_of,
        LEDGER_COLUMNS,
        _ledger_values(report),
        (row.is_heading for row in report.ledger),
        wide_paper=paper,
    )
    _write_sheet(
        workbook,
        "指标完成情况",
        f"{label}指标完成情况",
        office,
        as_of,
        (
            Column("序号", 5, "int"),
            Column("所属方案", 14, "wrap"),
            Column("指标名称", 28, "wrap"),
            Column("单位", 7, "text"),
            Column("基期值", 10, "number"),
            Column("基期（判断所用）", 16, "wrap"),
            Column("目标年度", 8, "int"),
            Column("目标值", 10, "number"),
            Column("目标（原文）", 18, "wrap"),
            Column("实际值", 9, "number"),
            Column("实际值期别", 12, "text"),
            Column("完成率", 9, "percent"),
            Column("进度", 9, "percent"),
            Column("序时进度", 9, "percent"),
            Column("判断", 12, "text"),
            Column("判断依据", 22, "wrap"),
            Column("无法判断的原因", 20, "wrap"),
        ),
        (
            (
                i,
                r.plan,
                r.name,
                r.unit,
                r.baseline,
                r.baseline_text,
                r.target_year,
                r.target,
                r.target_text,
                r.actual,
                words(r.actual_period),
                None if r.ratio is None else r.ratio / 100,
                _achieved_cell(r.achieved),
                None if r.expected is None else r.expected / 100,
                r.judgement,
                r.rule,
                r.reason,
            )
            for i, r in enumerate(report.indicators, start=1)
        ),
        wide_paper=paper,
    )
    _write_sheet(
        workbook,
        "各单位汇总",
        f"{label}各责任单位推进情况汇总（牵头事项按亮灯分列，各列之和等于牵头数）",
        office,
        as_of,
        (
            Column("序号", 6, "int"),
            Column("责任单位", 30, "wrap"),
            Column("牵头", 8, "int"),
            *(Column(title, 9, "int") for _key, title in UNIT_COLUMNS),
            Column("配合", 8, "int"),
        ),
        ((i, u.unit, u.led, *u.columns(), u.supporting) for i, u in enumerate(report.units, start=1)),
        wide_paper=paper,
    )
    if report.assessment is not None and report.assessment.scores:
        _write_assessment(workbook, report, office, as_of)
    _write_sheet(
        workbook,
        "滞后清单",
        f"{label}滞后事项（亮红灯）清单"
        + (f"（{report.unassigned_note()}）" if report.unassigned_note() else ""),
        office,
        as_of,
        (
            Column("序号", 6, "int"),
            Column("所属方案", 14, "wrap"),
            Column("任务(事项)名称", 30, "wrap"),
            Column("牵头单位", 20, "wrap"),
            Column("配合单位", 20, "wrap"),
            Column("完成时限", 12, "wrap"),
            Column("报送状态", 9, "text"),
            Column("亮灯原因", 18, "wrap"),
            Column("本期进展", 36, "wrap"),
        ),
        (
            (
                i,
                item.plan,
                f"{item.code} {item.title}".strip(),
                item.lead_unit,
                item.support_units,
                item.deadline,
                item.status,
                item.reason,
                item.progress or "（本期未报送）",
            )
            for i, item in enumerate(report.late, start=1)
        ),
        wide_paper=paper,
    )
    return workbook


def write_ledger(report: Report, out: Path, options: LedgerOptions | None = None) -> None:
    """Write the 台账 to `out` atomically."""

    def write(tmp: Path) -> None:  # built here, so a refused path leaves no half-open workbook
        build_workbook(report, options).save(tmp)

    atomic_write(Path(out), write)


def _achieved_cell(achieved: float | None) -> float | str | None:
    """进度 as a percent cell, or the words the other editions print below the baseline."""
    if achieved is None or achieved < 0:
        return None if achieved is None else achieved_text(achieved)
    return achieved / 100
