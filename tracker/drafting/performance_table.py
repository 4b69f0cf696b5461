"""Performance-target tables (绩效目标表) a page flattened: each indicator with its value, a task.

A bureau's 绩效目标申报表 lists 一级指标 | 二级指标 | (三级指标) | 指标内容 | 指标值 | 备注, its
level cells merged down. Web pages print it one cell a line or as “ | ” rows that leave the
merged cells out, so no column lines up. What does line up is the order: level names end in
指标, and each indicator's name is followed by its value. The body that reports the table
(实施单位, 部门名称, 填报单位) is printed once above it and answers for every row.
"""

from __future__ import annotations

import re

from tracker.drafting.cells import Table

HEADER_WORDS = re.compile(r"^(一级指标|二级指标|三级指标|指标内容|指标名称|指标值|目标值|备\s*注)$")
LEVEL_CELL = re.compile(r"^.{0,10}指标$")  # 产出指标, 数量指标, 可持续影响指标 …
VALUE_CELL = re.compile(r"^[≥≤>＞<＜=]|^\S{0,14}?\d|^\S{1,4}$")
REPORTER = re.compile(
    r"^(?P<label>实施单位|部门名称|项目单位|填报单位|编报单位|申报单位|主管部门)(?:（[^）]*）)?\s*[：:|｜]?\s*(?P<name>.*)$"
)
REPORTER_ORDER = ("实施单位", "项目单位", "部门名称", "填报单位", "申报单位", "编报单位", "主管部门")
END = re.compile(r"^(附件|附表|填报说明|说明|备注)[：:]|^[一二三四五六七八九十]+、")
MAX_CELL = 60
REPORTER_REACH = 80  # the form's head, where the reporting body is printed, stands this close above


def _cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"[|｜]", line) if c.strip()]


def _reporter(lines: list[str], header_at: int) -> str | None:
    """The body printed once above the table as its 实施单位 (or 部门名称, 填报单位 …).

    Only the lines just above the table are read: the form's head stands there, and a text of
    many tables is then read once, not once per table.
    """
    found: dict[str, str] = {}
    for i in range(max(0, header_at - REPORTER_REACH), header_at):
        cells = _cells(lines[i])
        for j, cell in enumerate(cells):
            match = REPORTER.match(cell)
            if not match:
                continue
            name = match.group("name").strip()
            if not name and j + 1 < len(cells):
                name = cells[j + 1]
            if not name and len(cells) == 1:  # the label on its line, its value on the next
                name = next((x.strip() for x in lines[i + 1 : header_at] if x.strip()), "")
            name = re.split(r"[|｜\s]", name)[0] if name else ""
            if name and not HEADER_WORDS.match(name) and not REPORTER.match(name):
                found[match.group("label")] = name  # the nearest above the table wins
    return next((found[label] for label in REPORTER_ORDER if label in found), None)


def _header(lines: list[str], at: int) -> tuple[list[str], int] | None:
    """The header's words from line `at` (one “ | ” row, or one cell a line) and where rows begin."""
    cells = _cells(lines[at])
    if len(cells) >= 3 and cells[0] != "一级指标":
        cells = cells[cells.index("一级指标") :] if "一级指标" in cells else []
    if len(cells) >= 3:
        words, after = cells, at + 1
    else:
        words, after = [], at
        while after < len(lines) and HEADER_WORDS.match(lines[after].strip()):
            words.append(lines[after].strip())
            after += 1
    words = [w for w in words if HEADER_WORDS.match(w)]
    if words[:2] != ["一级指标", "二级指标"] or not any(w in ("指标值", "目标值") for w in words):
        return None
    return words, after


def performance_table(lines: list[str], at: int) -> tuple[Table, int] | None:
    """The 绩效 table whose header starts at line `at`, as a task table, and the line after it.

    Rule: each indicator (the cells between the level names and its value, the first of them
    its name) is a row with that value, and the body printed once above as the table's
    实施单位, 部门名称 or 填报单位 answers for every row.
    """
    if not lines[at].strip().startswith("一级指标") and "| 一级指标" not in lines[at]:
        return None
    found = _header(lines, at)
    if found is None:
        return None
    words, index = found
    names = 2 if "三级指标" in words else 1  # the indicator's name (and its 指标内容) before its value
    rows: list[tuple[str, str, str]] = []  # (name, its 指标内容, its value)
    run: list[str] = []
    while index < len(lines):
        line = lines[index].strip()
        if line and (END.match(line) or len(line) > MAX_CELL * 3):
            break
        index += 1
        for cell in _cells(line):
            if len(cell) > MAX_CELL or LEVEL_CELL.match(cell):
                run = []
            elif run and VALUE_CELL.match(cell):
                kept = run[-names:]
                rows.append((kept[0], kept[1] if len(kept) > 1 and kept[1] != kept[0] else "", cell))
                run = []
            else:
                run.append(cell)
    reporter = _reporter(lines, at)
    if len(rows) < 2 or reporter is None:
        return None
    table = Table(rows=len(rows) + 1, cols=5)
    for c, word in enumerate(["序号", "指标名称", "指标内容", "指标值", "责任单位"], start=1):
        table.cells[(1, c)] = word
    for r, (name, content, value) in enumerate(rows, start=2):
        table.cells.update({(r, 1): str(r - 1), (r, 2): name, (r, 4): value, (r, 5): reporter})
        if content:
            table.cells[(r, 3)] = content
    return table, index
