"""Small readers the drafting rule tests share: a draft's leaf tasks, their units, a Word table."""

from __future__ import annotations

from tracker.drafting.cells import Table
from tracker.drafting.targets import find_targets
from tracker.planfile import model as pf


def units_of(task: pf.Task) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in task.units]


def leaves(plan: pf.Plan) -> list[pf.Task]:
    return [t for t in pf.iter_tasks(plan.tasks) if not t.children]


def table_of(header: list[str], rows: list[list[str]]) -> Table:
    """A Word table as the reader gets it: the header row, then the rows, no merges."""
    table = Table(rows=len(rows) + 1, cols=len(header))
    for r, row in enumerate([header, *rows], start=1):
        for c, text in enumerate(row, start=1):
            table.cells[(r, c)] = text
    return table


def read(text: str, year: int = 2032) -> list[tuple[int, str, float | None, str | None]]:
    return [(t.year, t.comparator, t.value, t.unit) for t in find_targets(text, year)]


def merged_table(rows: list[list[str]], boxes: list[tuple[int, int, int, int]]) -> Table:
    """A Word table with merged boxes: a covered cell holds nothing, as Word gives it."""
    table = Table(rows=len(rows), cols=len(rows[0]), boxes=boxes)
    covered = {
        (r, c)
        for r1, c1, r2, c2 in boxes
        for r in range(r1, r2 + 1)
        for c in range(c1, c2 + 1)
        if (r, c) != (r1, c1)
    }
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            if (r, c) not in covered and text:
                table.cells[(r, c)] = text
    return table
