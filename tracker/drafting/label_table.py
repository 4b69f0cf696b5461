"""A plan written as a two-column form: each row a label and its value.

“专项名称 | …⏎牵头单位 | A、B⏎配合单位 | C、D⏎工作任务 | （一）……（二）……⏎时间安排 | （一）……”:
the units are printed once, in their rows, for every item the task rows list. The form is
turned into the text a plan with label lines under each item would have, and read as any.
"""

from __future__ import annotations

import re

from tracker.drafting.cells import Table
from tracker.drafting.labels import field_of_label, is_label_line, labels_units
from tracker.drafting.outline import heading_of
from tracker.drafting.wordfile import chinese_number
from tracker.importers.columns import UNIT_FIELDS, field_of_header

TASK_FIELDS = ("title", "content", "deadline")  # 工作任务, 工作内容, 时间安排: rows of items
# rows that say how or why (工作要求, 保障措施, 工作目标), whatever they number: no tasks
HOW_OR_WHY = re.compile(r"要求|保障|原则|思想|反馈|目标$")
MIN_ROWS = 3


def _label(cell: str) -> str:
    """A label cell's words once (a box merged down repeats them: “工作任务⏎工作任务”)."""
    lines = [line.strip() for line in cell.split("\n") if line.strip()]
    return "".join(lines[0].split()) if lines else ""


def _items(value: str) -> list[str]:
    """A value cell's numbered items, each with the unnumbered lines that follow it."""
    items: list[str] = []
    for line in (line.strip() for line in value.split("\n")):
        if not line:
            continue
        if heading_of(line) is not None or not items:
            items.append(line)
        else:
            items[-1] += line
    return items


def label_table_lines(table: Table) -> list[str] | None:
    """The form as text with its unit rows under each item of its task rows, or None.

    Rule: a table of two columns whose left cells name at least one unit field (牵头单位,
    配合单位, 责任单位) and one row of items (工作任务, 时间安排 …) holding two numbered items or
    more (rows that say how or why — 工作要求, 保障措施 — are none); every item of the task rows
    is that form's task, and answers to its unit rows.
    """
    if table.cols != 2 or table.rows < MIN_ROWS:
        return None
    rows = [(_label(table.row(r)[0]), table.row(r)[1].strip()) for r in range(1, table.rows + 1)]
    unit_lines = [
        f"{label}：{'、'.join(v for v in value.replace(chr(10), '、').split('、') if v.strip())}"
        for label, value in rows
        if value and field_of_header(label) in UNIT_FIELDS
    ]
    leaders = [f"{label}：{value}" for label, value in rows if value and _is_leader(label)]
    task_rows = [
        (label, _items(value))
        for label, value in rows
        if field_of_header(label) in TASK_FIELDS and not HOW_OR_WHY.search(label) and len(_items(value)) >= 2
    ]
    if not unit_lines or not task_rows:
        return None
    out: list[str] = []
    number = 0
    for label, value in rows:
        items = next((found for name, found in task_rows if name == label), None)
        if not value or label in {line.split("：")[0] for line in unit_lines + leaders}:
            continue
        number += 1
        out.append(f"{chinese_number(number)}、{label}")
        if items is None:
            out.extend(line for line in value.split("\n") if line.strip())
            continue
        for item in items:
            out.extend([item, *unit_lines, *leaders])
    return out


def _is_leader(label: str) -> bool:
    """分管领导, 责任领导: a person over the whole form, noted beside each item."""
    text = f"{label}："
    return is_label_line(text) and field_of_label(label) == "leader"


def labelled_cell_lines(table: Table) -> list[str] | None:
    """A table whose later cells are label lines, as the text of items with label lines, or None.

    Rule: where a table read as no task table (no header naming its columns) has, in two rows or more, a cell right of the first opens
    with a unit label (“4.推动…… | 牵头单位：A⏎参加单位：B | 责任处室：C”), each row is its first
    cell's item followed by every line of its other cells; a row merged across is a heading.
    """
    if table.cols < 2 or table.rows < 2:
        return None
    labelled = 0
    out: list[str] = []
    for r in range(1, table.rows + 1):
        box = table.covering(r, 1)
        cells = table.row(r)
        if box is not None and box[3] >= table.cols:
            out.extend(line.strip() for line in cells[0].split("\n") if line.strip())
            continue
        later = [line.strip() for cell in cells[1:] for line in cell.split("\n") if line.strip()]
        if any(labels_units(line) for line in later):
            labelled += 1
        elif later and cells[0].strip():
            return None  # a row of plain cells: a table of another kind
        if box is None or box[0] == r:  # a first cell merged down is its rows' item once
            out.extend(line.strip() for line in cells[0].split("\n") if line.strip())
        out.extend(later)
    return out if labelled >= 2 else None
