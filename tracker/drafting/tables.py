"""Indicator tables (指标表), tab-separated or one cell per line, with years as columns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

YEAR_HEAD = re.compile(r"^((?:19|20)\d\d)\s*年?(.*)$")
NAME_UNIT = re.compile(r"^(.+?)\s*[（(]([^（）()]{1,8})[）)]\s*$")
NUMBER = re.compile(r"^[\d.]+$")


@dataclass
class TableRow:
    name: str
    unit: str | None
    values: dict[int, str] = field(default_factory=dict)  # year → cell text
    baseline_year: int | None = None
    note: str | None = None


def _rows_from_cells(header: list[str], rows: list[list[str]]) -> list[TableRow]:
    name_col = next(
        (i for i, h in enumerate(header) if "指标" in h and ("名称" in h or h.endswith("指标"))), None
    )
    if name_col is None:
        name_col = next((i for i, h in enumerate(header) if "指标" in h), None)
    if name_col is None:
        return []
    unit_col = next((i for i, h in enumerate(header) if h in ("单位", "计量单位")), None)
    note_col = next((i for i, h in enumerate(header) if h == "备注"), None)
    years = {i: int(YEAR_HEAD.match(h).group(1)) for i, h in enumerate(header) if YEAR_HEAD.match(h)}  # type: ignore[union-attr]
    if not years:
        return []
    out: list[TableRow] = []
    for cells in rows:
        if len(cells) < len(header):  # a merged leading cell (指标类型) left blank
            cells = [""] * (len(header) - len(cells)) + cells
        if len(cells) <= name_col or not cells[name_col].strip():
            continue
        name = cells[name_col].strip()
        unit = cells[unit_col].strip() if unit_col is not None and unit_col < len(cells) else None
        match = NAME_UNIT.match(name)
        if match and unit is None:
            name, unit = match.group(1).strip(), match.group(2).strip()
        row = TableRow(name, unit or None)
        for index, year in years.items():
            if index < len(cells) and cells[index].strip() and cells[index].strip() not in ("—", "-", "/"):
                row.values[year] = cells[index].strip()
        if note_col is not None and note_col < len(cells):
            row.note = cells[note_col].strip() or None
        out.append(row)
    return out


def find_tables(lines: list[str]) -> list[TableRow]:
    """Every indicator row in the document's tables."""
    found: list[TableRow] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if "\t" in line and "指标" in line and any(YEAR_HEAD.match(c.strip()) for c in line.split("\t")):
            header = [c.strip() for c in line.split("\t")]
            rows: list[list[str]] = []
            index += 1
            while index < len(lines) and ("\t" in lines[index] or not lines[index]):
                if lines[index] and lines[index].split("\t") != line.split("\t"):
                    rows.append(lines[index].split("\t"))
                index += 1
                if index < len(lines) and lines[index] == line:  # repeated header row
                    index += 1
            found.extend(_rows_from_cells(header, rows))
            continue
        # one cell per line: a 序号 cell, then header cells up to the first row number
        if line == "序号":
            cells: list[str] = []
            scan = index
            while scan < len(lines) and len(cells) < 400:
                cell = lines[scan]
                if cell:
                    if "\t" in cell or len(cell) > 60:
                        break
                    cells.append(cell)
                scan += 1
            if "1" in cells:
                first_row = cells.index("1")
                header = cells[:first_row]
                if (
                    len(header) >= 3
                    and any("指标" in h for h in header)
                    and any(YEAR_HEAD.match(h) for h in header)
                ):
                    width = len(header)
                    rows = []
                    for start in range(first_row, len(cells), width):
                        chunk = cells[start : start + width]
                        if len(chunk) < width or chunk[0] != str(len(rows) + 1):
                            break
                        rows.append(chunk)
                    found.extend(_rows_from_cells(header, rows))
                    index = scan
                    continue
        index += 1
    return found
