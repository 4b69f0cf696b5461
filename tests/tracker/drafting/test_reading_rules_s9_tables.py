"""Session 9's rules for tables (issue 13): each on a small invented table, with guards that
the old reading stays where it should."""

from __future__ import annotations

from draft_helpers import leaves, merged_table, units_of

from tracker.drafting.cells import Table
from tracker.drafting.draft import draft_blocks
from tracker.planfile import model as pf


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
    return merged_table(
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
    table = merged_table(
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
    table = merged_table(
        [
            ["序号", "重点任务", "责任单位"],
            ["1", "建设孵化器", "区科技局"],
            ["合计", "", ""],
        ],
        [],
    )
    tasks = leaves(draft_blocks(["任务分工表", table], "分工表.docx").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [("建设孵化器", [("区科技局", "responsible")])]


def _indicator_table() -> Table:
    """一级指标 (merged down) | 二级指标 | 权重 | 数据来源单位 | 责任科室."""
    return merged_table(
        [
            ["一级指标", "二级指标", "权重", "数据来源单位", "责任科室"],
            [
                "（一）\n服务效能\n40",
                "1.重点工作部署落实效率",
                "20",
                "市督查室",
                "办公室牵头、各科室分别负责",
            ],
            ["", "2.政务服务好评率", "20", "市数据局", "审批科、综合科"],
            ["（二）\n创新发展\n30", "3.高新技术企业培育成效", "30", "市统计局", "创新科"],
        ],
        [(2, 1, 3, 1)],
    )


def test_an_indicator_table_names_each_row_by_its_finest_level_and_its_units_by_the_duty_column() -> None:
    tasks = leaves(draft_blocks(["年度绩效考核指标任务分解表", _indicator_table()], "指标表.docx").plan)
    assert [(t.code, t.title) for t in tasks] == [
        ("1", "重点工作部署落实效率"),
        ("2", "政务服务好评率"),
        ("3", "高新技术企业培育成效"),
    ]
    # the unit collecting the data (数据来源单位) is no unit of the task; “X牵头” leads, the rest help
    assert [units_of(t) for t in tasks] == [
        [("办公室", "lead"), ("各科室", "support")],
        [("审批科", "responsible"), ("综合科", "responsible")],
        [("创新科", "responsible")],
    ]


def test_a_row_naming_one_header_word_in_the_task_column_is_a_task_not_the_header_again() -> None:
    # “重点工作” in the 任务 column and “牵头” in the unit column: one header field in its own place
    table = merged_table(
        [
            ["序号", "重点任务", "责任单位"],
            ["1", "建设孵化器", "区科技局"],
            ["2", "重点工作督查", "区督查室牵头"],
            ["序号", "重点任务", "责任单位"],
            ["3", "培育高新技术企业", "区科技局"],
        ],
        [],
    )
    tasks = leaves(draft_blocks(["任务分工表", table], "分工表.docx").plan)
    # the header printed again on a new page (row 4) is still no task
    assert [(t.code, t.title, units_of(t)) for t in tasks] == [
        ("1", "建设孵化器", [("区科技局", "responsible")]),
        ("2", "重点工作督查", [("区督查室", "lead")]),
        ("3", "培育高新技术企业", [("区科技局", "responsible")]),
    ]


def test_a_table_row_naming_its_units_is_kept_where_the_text_only_mentions_its_words() -> None:
    # the body's item mentions the indicators without units (another item names its unit); the
    # table assigns them
    blocks: list[str | Table] = [
        "绩效管理工作方案",
        "一、考核内容",
        "1.围绕效能提升，主要考核重点工作部署落实效率、政务服务好评率等指标。",
        "二、工作要求",
        "1.加强督查考核。（市督查室）",
        _indicator_table(),
    ]
    tasks = {t.title: t for t in leaves(draft_blocks(blocks, "方案.docx").plan)}
    assert units_of(tasks["加强督查考核"]) == [("市督查室", "responsible")]
    assert units_of(tasks["重点工作部署落实效率"]) == [("办公室", "lead"), ("各科室", "support")]
    assert units_of(tasks["政务服务好评率"]) == [("审批科", "responsible"), ("综合科", "responsible")]


def test_a_table_row_the_text_holds_with_its_units_is_kept_once_from_the_text() -> None:
    # guard: the text's item naming its units is the task; the 附件 row repeating it is dropped
    table = merged_table([["序号", "重点任务", "责任单位"], ["1", "建设科技孵化器", "区科技局"]], [])
    plan = draft_blocks(
        ["科技工作要点", "一、建设科技孵化器。（区科技局、区财政局）", table], "要点.docx"
    ).plan
    titles = [t.title for t in leaves(plan)]
    assert titles.count("建设科技孵化器") == 1


def test_a_row_with_an_empty_task_cell_after_a_repeated_header_continues_the_task_above() -> None:
    table = merged_table(
        [
            ["重点任务", "工作措施", "牵头单位", "参与单位"],
            ["7.治理工地扬尘", "落实工地围挡和洒水。严格检查。", "区住建局", "区城管局"],
            ["重点任务", "工作措施", "牵头单位", "参与单位"],
            ["", "规范渣土车辆运输，全部密闭。", "区城管局", ""],
            ["8.推广清洁能源", "新增公交车全部使用新能源。", "区交通局", ""],
        ],
        [],
    )
    plan = draft_blocks(["大气污染防治重点任务表", table], "任务表.docx").plan
    seven = next(t for t in plan.tasks if t.code == "7")
    assert seven.title == "治理工地扬尘"
    assert [(c.title, units_of(c)) for c in seven.children] == [
        ("落实工地围挡和洒水", [("区住建局", "lead"), ("区城管局", "support")]),
        ("规范渣土车辆运输，全部密闭", [("区城管局", "lead")]),
    ]
    assert [t.title for t in leaves(plan)][-1] == "推广清洁能源"


def test_rows_under_one_merged_number_with_no_task_column_are_one_item() -> None:
    table = merged_table(
        [
            ["序号", "项目内容", "进展情况", "责任单位"],
            ["1", "新建社区食堂5家。", "已建成3家。", "区民政局"],
            ["", "新增养老床位300张。", "已新增120张。", ""],
            ["2", "改造老旧小区10个。", "已开工8个。", "区住建局"],
        ],
        [(2, 1, 3, 1), (2, 4, 3, 4)],
    )
    tasks = leaves(draft_blocks(["2031年民生实事项目进展情况", table], "实事.docx").plan)
    assert [(t.code, t.title, t.content, units_of(t)) for t in tasks] == [
        ("1", "新建社区食堂5家", "新建社区食堂5家。\n新增养老床位300张。", [("区民政局", "responsible")]),
        ("2", "改造老旧小区10个", "改造老旧小区10个。", [("区住建局", "responsible")]),
    ]


def test_rows_under_one_merged_number_beside_a_task_column_stay_one_task_a_row() -> None:
    # guard: with a task column (重点任务 merged down), each row's measure is its own task
    table = merged_table(
        [
            ["序号", "重点任务", "工作措施", "责任单位"],
            ["1", "改善养老服务", "新建社区食堂。", "区民政局"],
            ["", "", "新增养老床位。", ""],
        ],
        [(2, 1, 3, 1), (2, 2, 3, 2), (2, 4, 3, 4)],
    )
    tasks = leaves(draft_blocks(["民生实事", table], "实事.docx").plan)
    assert [t.title for t in tasks] == ["新建社区食堂", "新增养老床位"]
