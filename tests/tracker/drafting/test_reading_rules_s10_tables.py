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


def _pilot_list(name_head: str, names: list[str]) -> Table:
    """序号 | <name_head> | 主要内容 | 指导单位 | 适用范围, under a title row merged across."""
    rows = [
        ["试点经验复制清单", "", "", "", ""],
        ["序号", name_head, "主要内容", "指导单位", "适用范围"],
        ["一、人才引进方面（共2项）", "", "", "", ""],
        [
            "1",
            names[0],
            "由园区自主评定人才层次，评定结果全市通用，减少重复认定。",
            "市人社局、市科技局",
            "全市",
        ],
        ["2", names[1], "企业引进的急需人才先落户后补办手续，配偶随迁一并办理。", "市公安局", "各开发区"],
    ]
    return _table(rows, [(1, 1, 1, 5), (3, 1, 3, 5)])


def test_an_unnamed_column_of_short_names_beside_the_content_titles_each_row() -> None:
    table = _pilot_list("试点经验", ["园区人才自主评定", "急需人才先落户后补手续"])
    tasks = leaves(draft_blocks(["关于复制推广试点经验的通知", table], "通知.docx").plan)
    assert [(t.code, t.title) for t in tasks] == [("1", "园区人才自主评定"), ("2", "急需人才先落户后补手续")]
    assert tasks[0].content.startswith("由园区自主评定人才层次")
    # the guiding department answers for the item; the range it applies to is no unit
    assert [units_of(t) for t in tasks] == [
        [("市人社局", "responsible"), ("市科技局", "responsible")],
        [("市公安局", "responsible")],
    ]


def test_a_column_of_sentences_or_one_merged_down_beside_the_content_is_no_title() -> None:
    # sentences (with 。) are content too: the task's name stays the content's first sentence
    table = _pilot_list("做法要点", ["园区自主评定人才。结果通用", "先落户后补手续。配偶随迁"])
    tasks = leaves(draft_blocks(["关于复制推广试点经验的通知", table], "通知.docx").plan)
    assert [t.title for t in tasks] == [
        "由园区自主评定人才层次，评定结果全市通用，减少重复认定",
        "企业引进的急需人才先落户后补办手续，配偶随迁一并办理",
    ]
    # a category merged down over its rows groups them; it names no row's task
    merged = _pilot_list("类别", ["人才政策", ""])
    merged.boxes.append((4, 2, 5, 2))
    tasks = leaves(draft_blocks(["关于复制推广试点经验的通知", merged], "通知.docx").plan)
    assert [t.title for t in tasks][1] == "企业引进的急需人才先落户后补办手续，配偶随迁一并办理"


def test_a_guiding_or_supervising_department_column_is_a_unit_column() -> None:
    from tracker.importers.columns import match_headers

    for head in ("指导单位", "主管单位", "指导部门", "主管部门"):
        assert match_headers(["序号", "项目名称", head, "备注"]) == {
            "code": 1,
            "title": 2,
            "responsible": 3,
            "note": 4,
        }
    # a person beside it stays a person
    assert match_headers(["序号", "任务", "主管单位责任人"]) == {"code": 1, "title": 2}
