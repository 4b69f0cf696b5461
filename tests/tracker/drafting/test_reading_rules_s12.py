"""Reading rules of session 12, each found on a document of session 11's unseen sets.

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

from draft_helpers import leaves, merged_table, units_of

from tracker.drafting.draft import draft_blocks
from tracker.drafting.units import split_units


def test_tasks_move_right_of_columns_that_only_group_them() -> None:
    # 评估内容 and 评估要点 merged down over their rows; each 测评点 is a row's own task,
    # and the column of one bureau's own offices beside the units names no unit of the plan
    table = merged_table(
        [
            ["评估内容", "评估要点", "具体测评点", "A级标准", "责任 单位", "区教育局责任处（室）"],
            ["一、办学条件", "1.校舍建设", "（1）新建校舍达标", "全部达标", "区教 育局", "基教处"],
            ["一、办学条件", "1.校舍建设", "（2）维修危旧校舍", "按期完成", "区教育局、 财金局", "计财处"],
            ["一、办学条件", "2.装备配置", "（3）配齐实验设备", "配齐", "区教育局", "装备站"],
            ["二、师资队伍", "3.教师培训", "（4）开展全员培训", "全覆盖", "区教育局、人社局", "人事处"],
        ],
        [(2, 1, 4, 1), (2, 2, 3, 2)],
    )
    tasks = leaves(draft_blocks(["某区迎接教育督导评估工作方案", table], "方案.docx").plan)
    assert [(t.code, t.title) for t in tasks] == [
        ("（1）", "新建校舍达标"),
        ("（2）", "维修危旧校舍"),
        ("（3）", "配齐实验设备"),
        ("（4）", "开展全员培训"),
    ]
    assert [units_of(t) for t in tasks] == [
        [("区教育局", "responsible")],
        [("区教育局", "responsible"), ("财金局", "responsible")],
        [("区教育局", "responsible")],
        [("区教育局", "responsible"), ("人社局", "responsible")],
    ]


def test_a_column_merging_nothing_keeps_the_tasks() -> None:
    table = merged_table(
        [
            ["工作内容", "说明要点", "责任单位"],
            ["新建校舍", "甲", "区教育局"],
            ["维修校舍", "乙", "区财金局"],
            ["配齐设备", "丙", "区人社局"],
        ],
        [],
    )
    tasks = leaves(draft_blocks(["某区工作方案", table], "方案.docx").plan)
    assert [t.title for t in tasks] == ["新建校舍", "维修校舍", "配齐设备"]


def test_a_space_padding_a_name_in_a_narrow_cell_is_dropped() -> None:
    assert split_units("区教 育局、系统 党委") == ["区教育局", "系统党委"]
    assert split_units("县科技局 县财政局") == ["县科技局", "县财政局"]  # two bodies, spaced
