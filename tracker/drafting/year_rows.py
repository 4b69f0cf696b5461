"""A table of years down its first column (年份 | 达标区域 | 总计 | 占比): the plan's goal by year.

A plan that schedules its work year by year prints the running total it must reach each year
(“2026年 | 嘉定老城 | 3.92 | 56.04 | 56%”). The totals and shares are goals of the whole plan;
the areas or projects of each year are its schedule, not figures to report on.
"""

from __future__ import annotations

import re

from tracker.drafting.cells import Table
from tracker.drafting.task_table import Grid
from tracker.numbers import is_finite
from tracker.planfile import model as pf

YEAR_COLUMN = re.compile(r"年份|年度|年|时间|实施年度|建设年度")
ONE_YEAR = re.compile(r"((?:19|20)\d\d)\s*年?(?:底|末)?")
# Rule: only a column of totals or shares is a goal by year (总计, 累计, 占比, 覆盖率 …)
TOTAL_COLUMN = re.compile(r"总计|合计|累计|总量|总数|总面积|占比|比例|比重|覆盖率|达标率")
FIGURE = re.compile(r"(?P<value>\d+(?:\.\d+)?)\s*(?P<percent>%|％)?")
MEASURE = re.compile(r"[（(]([^（）()]{1,8})[）)]")
MIN_YEARS = 3


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _labels(grid: Grid) -> tuple[int, list[str]]:
    """(first data row, each column's name): a two-row header joins the upper word to the lower."""
    upper = [_flat(grid.text(1, c)) for c in range(1, grid.cols + 1)]
    year_box = grid.merged.get((1, 1))
    if year_box is None or year_box[2] < 2:
        return 2, upper
    names = []
    for c in range(1, grid.cols + 1):
        lower = _flat(grid.text(2, c))
        names.append(upper[c - 1] if lower == upper[c - 1] else f"{upper[c - 1]}{lower}")
    return 3, names


def year_row_metrics(table: Table, start_year: int | None, place: str) -> list[pf.Metric]:
    """The goals by year of a table whose first column names one year a row, or none.

    Rule: in a table headed 年份 whose rows name one year each (a year merged down over its
    rows counts once), a column of totals or shares gives that year's goal; years before the
    plan's first year are where it starts, not goals.
    """
    raw: dict[tuple[int, int], object] = dict(table.cells)
    grid = Grid(place, raw, table.boxes, place=place)
    grid.rows, grid.cols = max(grid.rows, table.rows), max(grid.cols, table.cols)
    if grid.cols < 2 or not YEAR_COLUMN.fullmatch(_flat(grid.text(1, 1))):
        return []
    first, names = _labels(grid)
    years: dict[int, int] = {}  # row → its year
    for r in range(first, grid.rows + 1):
        printed = ONE_YEAR.fullmatch(_flat(grid.text(r, 1)))
        if printed:
            years[r] = int(printed.group(1))
    if len(set(years.values())) < MIN_YEARS:
        return []
    out: list[pf.Metric] = []
    for c in range(2, grid.cols + 1):
        name = names[c - 1]
        if not TOTAL_COLUMN.search(name):
            continue
        by_year: dict[int, str] = {}
        clash = False
        for r, year in years.items():
            text = _flat(grid.text(r, c))
            if not text:
                continue
            if by_year.setdefault(year, text) != text:
                clash = True  # two figures in one year: a list of parts, not the year's total
        if clash:
            continue
        measure = MEASURE.search(name)
        targets: list[pf.Target] = []
        unit = measure.group(1) if measure else None
        for year, text in sorted(by_year.items()):
            figure = FIGURE.fullmatch(text)
            if figure is None or (start_year is not None and year < start_year):
                continue
            value = float(figure.group("value"))
            if not is_finite(value):
                continue
            if figure.group("percent"):
                unit = "%"
            targets.append(pf.Target(year=year, value=value, comparator="=", text=text))
        if targets:
            out.append(pf.Metric(name=MEASURE.sub("", name)[:120], unit=unit, targets=targets, source=place))
    return out
