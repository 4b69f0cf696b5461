"""Excel task lists (任务分解表) → a new plan.

A task list is whatever the office typed: a title row, perhaps a note, a header row with
序号 / 重点任务 / 工作内容 / 牵头单位 / 配合单位 / 完成时限 / 备注 in some order and wording,
merged cells (a 序号 spanning several 具体措施 rows), line breaks inside cells, sometimes a
sheet per area of work. The header row is found by its words; columns it cannot name can be
given with `--columns 任务=B,牵头单位=D`. Everything guessed goes to the warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import ValidationError

from tracker.drafting.draft import Draft
from tracker.drafting.review import new_warnings, review_marks
from tracker.drafting.task_table import (
    CN_NUMBERS,
    HEADER_SCAN_ROWS,
    Grid,
    SheetReader,
    cell_text,
    find_header,
    one_line,
)
from tracker.drafting.units import document_names_lead
from tracker.errors import BadInput
from tracker.importers.columns import FIELD_LABELS
from tracker.planfile import model as pf
from tracker.xlsx_open import open_xlsx

SPAN = re.compile(r"((?:19|20)\d\d)\s*[—\-–~～至到]+\s*((?:19|20)\d\d)\s*年")
YEAR = re.compile(r"((?:19|20)\d\d)\s*年")


@dataclass(frozen=True)
class SheetHeaders:
    """The header row a sheet seems to have, for the message and the dialog's mapping page."""

    sheet: str
    row: int
    headers: list[tuple[str, str]]  # (column letter, text)

    def describe(self) -> str:
        cells = "、".join(f"{letter} 列“{text}”" for letter, text in self.headers)
        return f"工作表“{self.sheet}”第 {self.row} 行：{cells}"


class UnknownColumns(BadInput):
    """No sheet has a header row this reader recognises; says what it found and how to map it."""

    def __init__(self, path: Path, sheets: list[SheetHeaders]) -> None:
        self.path = path
        self.sheets = sheets
        found = "；".join(s.describe() for s in sheets[:3]) or "（没有找到表头）"
        example = "任务=B,工作内容=C,牵头单位=D,配合单位=E,完成时限=F"
        names = "、".join(FIELD_LABELS.values())
        super().__init__(
            f"{path.name} 中找不到可识别的表头（需要“任务/事项/重点任务”或“工作内容”等列）。"
            f"找到的表头是：{found}。请用 --columns 指明各列所在的列字母，例如 "
            f"--columns {example}（可用的列名：{names}）(unknown headers)"
        )


# -- opening -------------------------------------------------------------------------------


def open_workbook(path: Path) -> Workbook:
    return open_xlsx(path, "任务表")


def grid_of_sheet(ws: Worksheet) -> Grid:
    """An Excel sheet as a Grid: its values and its merged ranges."""
    raw: dict[tuple[int, int], object] = {}
    for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
        for c, value in enumerate(row, start=1):
            raw[(r, c)] = value
    boxes = [(rng.min_row, rng.min_col, rng.max_row, rng.max_col) for rng in ws.merged_cells.ranges]
    grid = Grid(ws.title, raw, boxes)
    grid.rows = max(grid.rows, ws.max_row)
    grid.cols = max(grid.cols, ws.max_column)
    return grid


def _guess_header_row(grid: Grid) -> int | None:
    for r in range(1, min(HEADER_SCAN_ROWS, grid.rows) + 1):
        if sum(1 for c in range(1, grid.cols + 1) if (r, c) in grid.raw) >= 2:
            return r
    return None


def _headers_of(grid: Grid, r: int) -> SheetHeaders:
    headers = [
        (get_column_letter(c), one_line(cell_text(grid.raw[(r, c)])))
        for c in range(1, grid.cols + 1)
        if (r, c) in grid.raw
    ]
    return SheetHeaders(grid.title, r, headers)


# -- the workbook --------------------------------------------------------------------------


def _period(title: str) -> tuple[int, int] | None:
    span = SPAN.search(title)
    if span:
        start, end = int(span.group(1)), int(span.group(2))
        return (start, end) if start <= end else None
    years = [int(y) for y in YEAR.findall(title)]
    return (min(years), max(years)) if years else None


def read_task_list(path: Path, columns: dict[str, int] | None = None) -> Draft:
    """The plan an Excel task list holds, with what had to be guessed; nothing is written."""
    path = Path(path)
    wb = open_workbook(path)
    try:
        grids = [grid_of_sheet(ws) for ws in wb.worksheets if ws.sheet_state == "visible"]
    finally:
        wb.close()
    grids = [g for g in grids if g.raw]
    if not grids:
        raise BadInput(f"{path.name} 是空的工作簿（所有工作表都没有内容），没有可导入的任务 (empty workbook)")
    found: list[tuple[Grid, int, int, dict[str, int]]] = []
    unknown: list[SheetHeaders] = []
    for grid in grids:
        header = find_header(grid)
        if header is not None and columns is None:
            found.append((grid, *header))
            continue
        guess = header[0] if header is not None else _guess_header_row(grid)
        if guess is None:
            continue
        if columns is not None:
            found.append((grid, guess, guess + 1, dict(columns)))
        else:
            unknown.append(_headers_of(grid, guess))
    if not found:
        raise UnknownColumns(path, unknown)
    warnings: list[str] = []
    for sheet in unknown:
        warnings.append(f"工作表“{sheet.sheet}”没有可识别的表头，未导入")
    titles: list[str | None] = []
    readers: list[SheetReader] = []
    for grid, header_row, start, mapping in found:
        probe = SheetReader(grid, mapping, header_row, start, year=None, lead_rule=False, file_name=path.name)
        titles.append(probe.title())
    plan_title = next((t for t in titles if t), None)
    if plan_title is None:
        plan_title = path.stem
        warnings.append(f"表格中没有标题行，方案名称暂用文件名“{path.stem}”，请核对")
    period = _period(plan_title)
    year = period[1] if period else None
    tasks_by_sheet: list[tuple[str, list[pf.Task]]] = []
    for (grid, header_row, start, mapping), title in zip(found, titles, strict=True):
        lead_rule = document_names_lead(grid.all_text())
        reader = SheetReader(
            grid, mapping, header_row, start, year=year, lead_rule=lead_rule, file_name=path.name
        )
        tasks = reader.tasks()
        readers.append(reader)
        warnings.extend(reader.warnings)
        if tasks:
            name = title if title and title != plan_title else grid.title
            tasks_by_sheet.append((name, tasks))
        else:
            warnings.append(f"工作表“{grid.title}”第 {header_row} 行有表头，但下面没有任务行")
    if not tasks_by_sheet:
        raise BadInput(f"{path.name} 中找到了表头，但没有任何任务行 (no task rows)")
    if len(tasks_by_sheet) == 1:
        tasks = tasks_by_sheet[0][1]
    else:
        tasks = [
            pf.Task(
                code=CN_NUMBERS[i] if i < len(CN_NUMBERS) else str(i + 1),
                title=name,
                source=f"工作表“{name}”",
                children=sheet_tasks,
            )
            for i, (name, sheet_tasks) in enumerate(tasks_by_sheet)
        ]
    warnings = list(dict.fromkeys(warnings))
    try:
        plan = pf.Plan(
            title=plan_title,
            period=pf.YearSpan(start=period[0], end=period[1]) if period else None,
            source=path.name,
            notes=("由 Excel 任务表导入，请核对：\n" + "\n".join(warnings))
            if warnings
            else "由 Excel 任务表导入",
            tasks=tasks,
        )
        plan = pf.Plan.model_validate(plan.model_dump())
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        raise BadInput(f"{path.name} 读出的方案未通过校验（{where}）：{error['msg']}") from None
    marks = review_marks(plan, units_expected=True)
    warnings.extend(new_warnings(marks, warnings))
    return Draft(plan, warnings, marks)


def read_xlsx_plan(path: Path, columns: dict[str, int] | None = None) -> pf.Plan:
    """A READERS entry for import-plan."""
    return read_task_list(path, columns).plan


__all__ = ["SheetHeaders", "UnknownColumns", "read_task_list", "read_xlsx_plan"]
