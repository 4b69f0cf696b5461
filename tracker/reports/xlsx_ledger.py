"""Excel 台账 (ledger workbook) from an assembled report, with openpyxl in write-only mode.

Sheets: 总览, 任务台账 (the CONVENTIONS.md columns), 指标完成情况, 各单位汇总, 滞后清单.
Each sheet: a merged title row, a 制表单位 / 统计截至 row, a styled header that is frozen,
filtered and repeated on every printed page; A4 landscape, one page wide, “第 &P 页 共 &N 页”.

Speed (measured in docs/reports.md): every distinct cell style is registered with the
workbook once (`_Styles`), and each cell is a `_StyledCell` that carries that style's index
and its value already typed, so openpyxl neither copies a style array nor hashes it again
per cell; the sheet takes the prepared cells as they are (`_prepared_row`) instead of
re-trying every value as a plain one. Ledger text is still typed as text, never a formula
(`cells.looks_like_formula` → a string cell with the quote-prefix style).
"""

from __future__ import annotations

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
from openpyxl.worksheet.properties import PageSetupProperties

from tracker.errors import BadInput
from tracker.facts.counts import UNIT_COLUMNS
from tracker.fileio import atomic_write
from tracker.lights import Light
from tracker.periods import parse_period
from tracker.reports.assemble import Report
from tracker.reports.cells import looks_like_formula

FONT_NAME = "宋体"
HEADER_FONT_NAME = "黑体"
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
PERCENT_FORMAT = "0.0%"
FOOTER = "第 &P 页 共 &N 页"
HEADER_ROW = 3  # title, 制表单位 line, then the header

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
    office: str = ""  # 制表单位
    title: str = ""  # defaults to “<period> 督查任务台账”


LEDGER_COLUMNS = (
    Column("序号", 5, "int"),
    Column("所属方案", 12, "wrap"),
    Column("任务(事项)名称", 24, "wrap"),
    Column("工作内容/目标", 32, "wrap"),
    Column("牵头单位", 14, "wrap"),
    Column("配合单位", 14, "wrap"),
    Column("责任领导", 8, "wrap"),
    Column("完成时限", 12, "date"),
    Column("本期进展情况", 33, "wrap"),
    Column("存在问题", 16, "wrap"),
    Column("下步措施", 16, "wrap"),
    Column("报送状态", 8, "text"),
    Column("亮灯", 6, "light"),
    Column("佐证材料", 14, "wrap"),
    Column("备注", 10, "wrap"),
)


class _Styles:
    """One prototype cell per (kind, variant); cells copy its style array."""

    def __init__(self, sheet: Any) -> None:
        self.sheet = sheet
        self._indices: dict[tuple[int, bool], int] = {}
        body = Font(name=FONT_NAME, size=10)
        self.title = self._proto(
            Font(name=HEADER_FONT_NAME, size=16), Alignment(horizontal="center", vertical="center")
        )
        self.meta = self._proto(Font(name=FONT_NAME, size=10), Alignment(vertical="center"))
        self.meta_right = self._proto(
            Font(name=FONT_NAME, size=10), Alignment(horizontal="right", vertical="center")
        )
        self.header = self._proto(
            Font(name=HEADER_FONT_NAME, size=10, bold=True),
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
            Font(name=FONT_NAME, size=10, bold=True), top_wrap, _BORDER, _HEADING_FILL
        )
        self.lights = {
            light: self._proto(
                Font(name=FONT_NAME, size=10, color="FFFFFF" if light is Light.RED else "000000"),
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


LINE_HEIGHT = 12.75  # points per line of 10 pt text
A4, A3 = 9, 8  # openpyxl paper sizes
POINTS_PER_CHAR = 5.6  # an Excel character unit of 宋体 10 pt is about 7.5 px, 5.6 pt
PRINTABLE_WIDTH = {A4: (297 - 2 * 10.2) * 72 / 25.4, A3: (420 - 2 * 10.2) * 72 / 25.4}  # landscape
SMALLEST_PRINT = 0.9  # 10 pt printed at 90 % is 9 pt: the least an officer can read


def print_scale(columns: Sequence[Column], paper: int) -> float:
    """How much fit-to-width shrinks the sheet on `paper` (landscape): 1.0 = not at all."""
    width = sum(c.width for c in columns) * POINTS_PER_CHAR
    return min(1.0, PRINTABLE_WIDTH[paper] / width)


def paper_for(columns: Sequence[Column]) -> int:
    """A4 when the columns print at 9 pt or more on it, else A3 (the wide 任务台账)."""
    return A4 if print_scale(columns, A4) >= SMALLEST_PRINT else A3


def _line_count(text: str, width: float) -> int:
    """Lines `text` wraps to in a column `width` characters wide (a Chinese character is 2).

    Excel does not grow wrapped rows on opening and LibreOffice does not either for a
    file from openpyxl, so the ledger sets each row's height from this estimate.
    """
    if not text:
        return 1
    columns = max(1, int(width))
    if len(text) * 2 <= columns and "\n" not in text:
        return 1  # fits even if every character is a wide one: most cells, no counting
    total = 0
    for part in text.split("\n"):
        display = (len(part.encode("utf-8")) + len(part)) // 2  # CJK: 3 bytes → 2, ASCII → 1
        total += max(1, -(-display // columns))
    return total


def _period_words(code: str) -> str:
    """A period as the office writes it (2023年第二季度), never its code (2023Q2)."""
    if not code:
        return ""
    try:
        return parse_period(code).label
    except BadInput:
        return code


def _date_words(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _write_sheet(
    workbook: Workbook,
    name: str,
    title: str,
    office: str,
    as_of: date,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    headings: Iterable[bool] | None = None,
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
    sheet.page_setup.paperSize = paper_for(columns)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    # the footer sits inside the bottom margin (LibreOffice clips a footer margin larger
    # than it): footer 0.3 in from the edge, the table from 0.75 in
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    sheet.page_margins.header = sheet.page_margins.footer = 0.3
    sheet.oddFooter.center.text = FOOTER
    sheet.evenFooter.center.text = FOOTER

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
            cell(1, f"制表单位：{office}" if office else "制表单位：", styles.meta),
            cell(split + 1, f"统计截至：{_date_words(as_of)}", styles.meta_right),
        ]
    )
    sheet.merged_cells.add(f"A1:{last}1")
    if split > 1:
        sheet.merged_cells.add(f"A2:{get_column_letter(split)}2")
    if len(columns) - split > 1:
        sheet.merged_cells.add(f"{get_column_letter(split + 1)}2:{last}2")
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
    wrap_columns = [
        (i, column.width * 1.1 - 1) for i, column in enumerate(columns) if column.kind in ("wrap", "text")
    ]
    row_heights = sheet.row_dimensions
    count = 0
    for values in rows:
        is_heading = next(heading_flags) if heading_flags is not None else False
        lines = max(
            (_line_count(values[i], width) for i, width in wrap_columns if isinstance(values[i], str)),
            default=1,
        )
        if lines > 1:
            row_heights[HEADER_ROW + count + 1].height = min(409, lines * LINE_HEIGHT + 4)
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
    rows.append((None, f"报送截止日：{_date_words(assessment.due)}", *([None] * 12)))
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


def build_workbook(report: Report, options: LedgerOptions | None = None) -> Workbook:
    """The whole 台账 workbook (write-only: save it once)."""
    options = options or LedgerOptions()
    label = report.period.label
    workbook = Workbook(write_only=True)
    workbook.properties.title = options.title or f"{label}督查任务台账"
    workbook.properties.creator = options.office or "督查台账"
    office, as_of = options.office, report.as_of
    totals = report.totals

    overview: list[tuple[Any, ...]] = [("任务（事项）总数", totals.items, 1.0 if totals.items else 0.0)]
    overview += [(f"报送状态：{c.label}", c.count, c.percent / 100) for c in totals.by_status]
    overview += [(f"亮灯：{c.label}", c.count, c.percent / 100) for c in totals.by_light]
    overview += [
        ("本期未报送进展", totals.not_reported, totals.not_reported / totals.items if totals.items else 0.0),
        ("完成率", totals.done, totals.completion_rate / 100),
    ]
    overview.append((f"统计范围：{'；'.join(report.plan_titles) or '全部方案'}", None, None))
    if report.scope.units:
        overview.append((f"责任单位：{'、'.join(report.scope.units)}", None, None))
    if report.scope.kinds:
        kinds = {"task": "任务", "platform": "平台", "project": "项目"}
        overview.append((f"任务类别：{'、'.join(kinds.get(k, k) for k in report.scope.kinds)}", None, None))
    if report.changes is not None:
        overview += [(f"较上期：{sentence}", None, None) for sentence in report.changes.sentences()]
    _write_sheet(
        workbook,
        "总览",
        f"{label}督查任务完成情况总览",
        office,
        as_of,
        (Column("项目", 40, "wrap"), Column("数量", 12, "int"), Column("占比", 12, "percent")),
        overview,
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
    )
    _write_sheet(
        workbook,
        "指标完成情况",
        f"{label}指标完成情况",
        office,
        as_of,
        (
            Column("序号", 6, "int"),
            Column("所属方案", 18, "wrap"),
            Column("指标名称", 34, "wrap"),
            Column("单位", 8, "text"),
            Column("基期值", 10, "number"),
            Column("基期（判断所用）", 18, "wrap"),
            Column("目标年度", 9, "int"),
            Column("目标值", 10, "number"),
            Column("目标（原文）", 20, "wrap"),
            Column("实际值", 10, "number"),
            Column("实际值期别", 11, "text"),
            Column("完成率", 9, "percent"),
            Column("进度", 9, "percent"),
            Column("序时进度", 9, "percent"),
            Column("判断", 13, "text"),
            Column("判断依据", 26, "wrap"),
            Column("无法判断的原因", 24, "wrap"),
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
                _period_words(r.actual_period),
                None if r.ratio is None else r.ratio / 100,
                None if r.achieved is None else r.achieved / 100,
                None if r.expected is None else r.expected / 100,
                r.judgement,
                r.rule,
                r.reason,
            )
            for i, r in enumerate(report.indicators, start=1)
        ),
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
            Column("所属方案", 16, "wrap"),
            Column("任务(事项)名称", 32, "wrap"),
            Column("牵头单位", 20, "wrap"),
            Column("配合单位", 20, "wrap"),
            Column("完成时限", 12, "wrap"),
            Column("报送状态", 9, "text"),
            Column("亮灯原因", 18, "wrap"),
            Column("本期进展", 44, "wrap"),
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
    )
    return workbook


def write_ledger(report: Report, out: Path, options: LedgerOptions | None = None) -> None:
    """Write the 台账 to `out` atomically."""

    def write(tmp: Path) -> None:  # built here, so a refused path leaves no half-open workbook
        build_workbook(report, options).save(tmp)

    atomic_write(Path(out), write)
