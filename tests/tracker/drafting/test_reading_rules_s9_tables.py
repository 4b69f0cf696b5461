"""Session 9's rules for tables (issue 13): each on a small invented table, with guards that
the old reading stays where it should."""

from __future__ import annotations

from draft_helpers import leaves, units_of

from tracker.drafting.cells import Table
from tracker.drafting.draft import draft_blocks
from tracker.planfile import model as pf


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


def _project_table() -> Table:
    """序号 | 项目名称 | 建设内容 | 2031年目标 (计划投资（万元） | 形象进度) | 责任领导 |
    主管单位 (单位名称 | 责任人) | 建设单位 (单位名称 | 负责人) | 前期手续办理情况."""
    upper = [
        "序号",
        "项目名称",
        "建设内容",
        "2031年目标",
        "",
        "责任领导",
        "主管单位",
        "",
        "项目业主",
        "",
        "前期项目情况",
    ]
    lower = ["", "", "", "计划投资（万元）", "形象进度", "", "单位名称", "责任人", "单位名称", "负责人", ""]
    return _table(
        [
            upper,
            lower,
            ["合计（2个）", "", "", "350", "", "", "", "", "", "", ""],
            ["一、道路工程（2个）", "", "", "350", "", "", "", "", "", "", ""],
            [
                "1",
                "东湖路改造",
                "长800米",
                "200",
                "完工",
                "王一",
                "县住建局",
                "李二",
                "县城投公司",
                "赵三",
                "已立项",
            ],
            [
                "2",
                "西山桥新建",
                "桥长60米",
                "150",
                "开工",
                "王一",
                "县交通局",
                "钱四",
                "县交投公司",
                "孙五",
                "待审批",
            ],
        ],
        [
            *[(1, c, 2, c) for c in (1, 2, 3, 6, 11)],
            (1, 4, 1, 5),
            (1, 7, 1, 8),
            (1, 9, 1, 10),
            (3, 1, 3, 3),
            (4, 1, 4, 3),
        ],
    )


def test_a_header_whose_upper_cells_span_sub_columns_names_each_sub_column() -> None:
    draft = draft_blocks(["2031年项目任务分解表", _project_table()], "分解表.docx")
    tasks = leaves(draft.plan)
    # the title column is 项目名称 (not the later 前期项目情况), the content 建设内容
    assert [(t.code, t.title, t.content) for t in tasks] == [
        ("1", "东湖路改造", "长800米"),
        ("2", "西山桥新建", "桥长60米"),
    ]
    # both 单位名称 sub-columns are units; 责任人 and 负责人 are persons, not units
    assert units_of(tasks[0]) == [("县住建局", "responsible"), ("县城投公司", "responsible")]
    assert units_of(tasks[1]) == [("县交通局", "responsible"), ("县交投公司", "responsible")]
    assert tasks[0].leader == "王一"


def test_a_sub_column_of_one_years_goal_is_each_rows_target_for_that_year() -> None:
    draft = draft_blocks(["项目任务分解表", _project_table()], "分解表.docx")
    tasks = leaves(draft.plan)
    goals = [
        [(m.name, m.unit, [(g.year, g.comparator, g.value) for g in m.targets]) for m in t.metrics]
        for t in tasks
    ]
    assert goals == [
        [("2031年计划投资", "万元", [(2031, "=", 200.0)])],
        [("2031年计划投资", "万元", [(2031, "=", 150.0)])],
    ]


def test_a_total_row_counting_its_rows_and_a_group_row_with_its_sums_are_no_tasks() -> None:
    draft = draft_blocks(["项目任务分解表", _project_table()], "分解表.docx")
    titles = [t.title for t in pf.iter_tasks(draft.plan.tasks)]
    assert not any("合计" in t for t in titles)
    assert "一、道路工程（2个）" not in titles
    groups = [t for t in draft.plan.tasks if t.children]
    assert [g.title for g in groups] == ["道路工程（2个）"]


def test_a_two_row_header_of_unit_kinds_still_reads_lead_and_support() -> None:
    # guard: 责任单位 over 牵头单位 | 配合单位 (the lower words are header words) reads as before
    table = _table(
        [
            ["序号", "重点任务", "责任单位", ""],
            ["", "", "牵头单位", "配合单位"],
            ["1", "建设孵化器", "区科技局", "区财政局"],
        ],
        [(1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 1, 4)],
    )
    tasks = leaves(draft_blocks(["任务分工表", table], "分工表.docx").plan)
    assert [t.title for t in tasks] == ["建设孵化器"]
    assert units_of(tasks[0]) == [("区科技局", "lead"), ("区财政局", "support")]


def test_a_plain_total_row_and_a_one_row_header_read_as_before() -> None:
    table = _table(
        [
            ["序号", "重点任务", "责任单位"],
            ["1", "建设孵化器", "区科技局"],
            ["合计", "", ""],
        ],
        [],
    )
    tasks = leaves(draft_blocks(["任务分工表", table], "分工表.docx").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [("建设孵化器", [("区科技局", "responsible")])]
