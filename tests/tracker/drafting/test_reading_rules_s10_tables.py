"""Session 10's rules for tables (issue 13): each on a small invented table, with guards that
the old reading stays where it should."""

from __future__ import annotations

from draft_helpers import leaves, merged_table, units_of

from tracker.drafting.cells import Table
from tracker.drafting.draft import draft_blocks


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
    table = merged_table(
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
    return merged_table(rows, [(1, 1, 1, 5), (3, 1, 3, 5)])


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


def _goal_table(first_head: str = "") -> Table:
    """| 方向 | 任务内容 | 牵头部门 | 配合部门 | 前两年目标任务 | 四年目标任务, 方向 merged down."""
    rows = [
        [first_head, "方向", "任务内容", "牵头部门", "配合部门", "前两年目标任务", "四年目标任务"],
        ["1", "综合指标", "新增省级研发平台(家)", "区科技局", "区发改局、区财政局", "6", "15"],
        ["2", "综合指标", "技术合同成交额(亿元)", "区科技局", "区商务局", "3.5", "8"],
        ["3", "一、人才集聚工程", "引进高层次人才团队(个)", "区人社局", "区科技局", "4", "10"],
        ["4", "一、人才集聚工程", "新建博士后工作站(个)", "区人社局", "各镇(街道)", "2", "5"],
    ]
    return merged_table(rows, [(2, 2, 3, 2), (4, 2, 5, 2)])


def test_goal_columns_by_span_of_the_plan_are_due_when_the_span_ends() -> None:
    plan = draft_blocks(
        ["东城区创新行动计划（2031—2034年）目标任务分解表", _goal_table()], "分解表.docx"
    ).plan
    tasks = leaves(plan)
    # the unheaded first column counts 1, 2, 3 …: the 序号; 方向 merged down groups; 任务内容 names the task
    assert [(t.code, t.title) for t in tasks] == [
        ("1", "新增省级研发平台（家）"),
        ("2", "技术合同成交额（亿元）"),
        ("3", "引进高层次人才团队（个）"),
        ("4", "新建博士后工作站（个）"),
    ]
    goals = [[(g.year, g.comparator, g.value) for m in t.metrics for g in m.targets] for t in tasks]
    assert goals[0] == [(2032, "=", 6.0), (2034, "=", 15.0)]  # 前两年 → 2032, 四年 → the plan's end
    assert goals[1] == [(2032, "=", 3.5), (2034, "=", 8.0)]
    assert tasks[0].metrics[0].unit == "家"
    assert units_of(tasks[3]) == [("区人社局", "lead"), ("各镇（街道）", "support")]


def test_a_first_column_that_does_not_count_or_a_content_column_of_own_rows_keeps_the_old_reading() -> None:
    # an unheaded first column that does not count 1, 2, 3 … is no 序号: the rows are numbered in order
    table = _goal_table()
    for r, mark in ((2, "甲"), (3, "乙"), (4, "丙"), (5, "丁")):
        table.cells[(r, 1)] = mark
    draft = draft_blocks(["东城区创新行动计划（2031—2034年）目标任务分解表", table], "分解表.docx")
    assert any("没有序号列" in w for w in draft.warnings)
    # with one span column only, no year is counted back: its goals are the plan's end
    table = _goal_table()
    table.cells[(1, 6)] = "备注"
    goals = [
        g.year
        for t in leaves(draft_blocks(["东城区创新行动计划（2031—2034年）", table], "x.docx").plan)
        for m in t.metrics
        for g in m.targets
    ]
    assert 2032 not in goals
    # 工作内容 | 具体任务 with the first holding each row's own words: it names the task, the second details it
    table = merged_table(
        [
            ["序号", "工作内容", "具体任务", "责任单位"],
            ["1", "建设创新平台", "新建省级重点实验室2家。", "区科技局"],
            ["2", "培育科技企业", "新增高新技术企业30家。", "区科技局、区财政局"],
        ],
        [],
    )
    tasks = leaves(draft_blocks(["创新工作要点", table], "要点.docx").plan)
    assert [t.title for t in tasks] == ["建设创新平台", "培育科技企业"]


def _both_roles_table(support_head: str) -> Table:
    return merged_table(
        [
            ["工作任务", "工作要求", "牵头单位", support_head],
            ["一、办好公开平台", "1.及时更新政府网站栏目。", "", "县直各单位、各乡镇"],
            ["一、办好公开平台", "2.建立政策解读专栏。", "县政务办", "县直各单位、各乡镇"],
        ],
        [(2, 1, 3, 1)],
    )


def test_a_column_headed_as_both_helping_and_answering_answers_where_no_lead_is_named() -> None:
    for head in ("配合/责任单位", "配合（责任）单位", "责任/配合单位"):
        tasks = leaves(draft_blocks(["政务公开任务分解表", _both_roles_table(head)], "表.docx").plan)
        assert [units_of(t) for t in tasks] == [
            [("县直各单位", "responsible"), ("各乡镇", "responsible")],
            [("县政务办", "lead"), ("县直各单位", "support"), ("各乡镇", "support")],
        ], head
    # a plain 配合单位 column helps even where the lead's cell is empty (the lead is missing, not absent)
    tasks = leaves(draft_blocks(["政务公开任务分解表", _both_roles_table("配合单位")], "表.docx").plan)
    assert units_of(tasks[0]) == [("县直各单位", "support"), ("各乡镇", "support")]


def test_a_goal_cell_striving_for_a_figure_is_at_least_that_figure() -> None:
    header = ["序号", "指标名称", "现状值", "2031年目标", "2035年目标", "牵头单位"]
    rows = [
        ["1", "科技企业孵化器（家）", "12", "力争达到20", "力争30", "区科技局"],
        ["2", "研发投入强度（%）", "2.1", "2.5", "力争超过3", "区科技局"],
        ["3", "单位GDP能耗（吨标准煤/万元）", "0.4", "持续下降", "完成上级下达任务", "区发改局"],
    ]
    table = merged_table([header, *rows], [])
    tasks = leaves(draft_blocks(["创新指标清单（2031—2035年）", table], "清单.docx").plan)
    goals = [[(g.year, g.comparator, g.value) for m in t.metrics for g in m.targets] for t in tasks]
    assert goals[0] == [(2031, ">=", 20.0), (2035, ">=", 30.0)]
    assert goals[1] == [(2031, "=", 2.5), (2035, ">=", 3.0)]  # a bare figure stays =
    assert goals[2] == []  # words without a figure are no goal
    assert [m.unit for m in tasks[0].metrics] == ["家"]
    assert [m.unit for m in tasks[1].metrics] == ["%"]
