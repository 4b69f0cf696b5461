"""Session 10's rules for tables (issue 13): each on a small invented table, with guards that
the old reading stays where it should."""

from __future__ import annotations

from draft_helpers import leaves, units_of

from tracker.drafting.cells import Table
from tracker.drafting.draft import draft_blocks


def _table(rows: list[list[str]], boxes: list[tuple[int, int, int, int]]) -> Table:
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


class _CountedBoxes(list[tuple[int, int, int, int]]):
    """The boxes of a table, counting how often a reader walks through them."""

    walks = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        _CountedBoxes.walks += 1
        return super().__iter__()


def test_reading_a_table_with_every_cell_merged_walks_its_boxes_once_not_once_a_cell() -> None:
    rows, cols = 60, 6
    boxes = _CountedBoxes((r, c, r + 1, c) for r in range(1, rows, 2) for c in range(1, cols + 1))
    table = Table(rows=rows, cols=cols, boxes=boxes)
    for r in range(1, rows, 2):
        for c in range(1, cols + 1):
            table.cells[(r, c)] = f"{r}-{c}"
    _CountedBoxes.walks = 0
    texts = [table.row(r) for r in range(1, rows + 1)]
    lines = table.lines()
    assert _CountedBoxes.walks <= 2  # once indexed; the old reading walked them for every covered cell
    # and what is read stays as before: a box's text in every cell it covers, each row a line
    assert texts[1] == texts[0] == [f"1-{c}" for c in range(1, cols + 1)]
    assert lines[1] == lines[0] == "\t".join(f"1-{c}" for c in range(1, cols + 1))


def test_a_box_across_columns_is_one_cell_of_its_line_and_a_box_down_repeats_its_text() -> None:
    table = _table(
        [
            ["序号", "任务", "牵头单位", "配合单位"],
            ["一、创新", "", "", ""],
            ["1", "建平台", "区科技局", "区财政局"],
            ["", "引人才", "", "区人社局"],
        ],
        [(2, 1, 2, 4), (3, 1, 4, 1), (3, 3, 4, 3)],
    )
    assert table.lines() == [
        "序号\t任务\t牵头单位\t配合单位",
        "一、创新",
        "1\t建平台\t区科技局\t区财政局",
        "1\t引人才\t区科技局\t区人社局",
    ]
    assert table.row(2) == ["一、创新"] * 4
    # boxes added after a first reading are seen by the next one
    table.boxes.append((3, 4, 4, 4))
    table.cells.pop((4, 4))
    assert table.row(4)[3] == "区财政局"
    tasks = leaves(draft_blocks(["关于创新工作的任务分工", table], "分工.docx").plan)
    assert units_of(tasks[0]) == [("区科技局", "lead"), ("区财政局", "support")]
