"""附件 lists of named items (重点平台, 重点项目 …): one task per numbered row.

Such appendices are tables with a 序号 column and a 名称 column, printed either tab-
separated or one cell per line. Platforms and projects become tasks of their kind, with
项目属地 and 总投资 where the table has them; indicator tables (指标) are left to
`tables.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.numbers import is_finite

APPENDIX = re.compile(r"^附件\s*(\d+)\s*[:：]?\s*(.*)$")
INVESTMENT_HEAD = re.compile(r"总投资\s*[（(]\s*([^（）()]+?)\s*[）)]")
NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
CONTENT_WORDS = ("内容", "举措", "措施", "重点", "规模")


@dataclass
class AppendixItem:
    code: str
    title: str
    content: str
    location: str | None = None
    investment: tuple[float, str] | None = None


@dataclass
class AppendixList:
    code: str  # “附件2”
    title: str
    kind: str  # platform / project / task
    items: list[AppendixItem] = field(default_factory=list)


def _cells(lines: list[str], start: int) -> tuple[list[str], int]:
    """Non-empty cells from `start` up to the next 附件 heading (tab rows split into cells)."""
    cells: list[str] = []
    index = start
    while index < len(lines) and not APPENDIX.match(lines[index]):
        line = lines[index]
        if line:
            cells.extend(c.strip() for c in line.split("\t") if c.strip())
        index += 1
    return cells, index


def _kind(name_header: str, title: str) -> str:
    if "平台" in name_header or "平台" in title:
        return "platform"
    if "项目" in name_header or "项目" in title:
        return "project"
    return "task"


def _items(header: list[str], cells: list[str]) -> list[AppendixItem]:
    name_col = next((i for i, h in enumerate(header) if "名称" in h), None)
    if name_col is None:
        return []
    content_cols = [i for i, h in enumerate(header) if any(w in h for w in CONTENT_WORDS) and i != name_col]
    goal_cols = [i for i, h in enumerate(header) if "目标" in h and i not in content_cols]
    place_col = next((i for i, h in enumerate(header) if "属地" in h or "地点" in h), None)
    money_col = next((i for i, h in enumerate(header) if "投资" in h), None)
    money_unit = "亿元"
    if money_col is not None and (unit := INVESTMENT_HEAD.search(header[money_col])):
        money_unit = unit.group(1)
    width = len(header)
    items: list[AppendixItem] = []
    for start in range(0, len(cells), width):
        row = cells[start : start + width]
        if len(row) < width or row[0] != str(len(items) + 1):
            break
        parts = [row[i] for i in content_cols]
        parts += [f"{header[i]}：{row[i]}" for i in goal_cols]
        investment = None
        if money_col is not None and NUMBER.match(row[money_col]) and is_finite(float(row[money_col])):
            investment = (float(row[money_col]), money_unit)
        items.append(
            AppendixItem(
                code=row[0],
                title=row[name_col],
                content="\n".join(p for p in parts if p),
                location=row[place_col] if place_col is not None else None,
                investment=investment,
            )
        )
    return items


def find_appendix_lists(lines: list[str]) -> list[AppendixList]:
    """Every 附件 that is a numbered list of named items."""
    found: list[AppendixList] = []
    index = 0
    while index < len(lines):
        match = APPENDIX.match(lines[index])
        if not match:
            index += 1
            continue
        title = match.group(2).strip()
        cells, end = _cells(lines, index + 1)
        if not title and cells and cells[0] != "序号":
            title, cells = cells[0], cells[1:]
        if "序号" in cells[:3] and "1" in cells:
            header = cells[cells.index("序号") : cells.index("1")]
            if header and not any("指标" in h for h in header) and any("名称" in h for h in header):
                name_header = next(h for h in header if "名称" in h)
                items = _items(header, cells[cells.index("1") :])
                if items:
                    found.append(
                        AppendixList(f"附件{match.group(1)}", title, _kind(name_header, title), items)
                    )
        index = end
    return found
