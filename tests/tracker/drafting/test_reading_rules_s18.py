"""Reading rules of session 18, each found on a document of session 17's unseen sets.

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

from draft_helpers import leaves, merged_table, units_of

from tracker.drafting.draft import draft_blocks


def test_a_problem_list_of_numbered_points_is_titled_by_the_site_and_a_request_names_the_unit() -> None:
    table = merged_table(
        [
            ["序号", "具体点位", "", "存在问题", "整改责任单位"],
            ["1", "东湖\n街道", "春风路12号网吧", "1、安全通道堆放杂物；\n2、未张贴禁烟标识。", "区文旅局"],
            ["2", "", "东湖菜市场", "1、地面积水；\n2、垃圾桶破损。", "请市文明办协调解决"],
            ["3", "西山\n街道", "西山小学门口", "占道经营。", "西山街道\n区城管局"],
        ],
        [(1, 2, 1, 3), (2, 2, 3, 2)],
    )
    plan = draft_blocks(["创建督查情况汇总表", table], "汇总表.docx").plan
    got = [(t.title, units_of(t)) for t in leaves(plan)]
    assert got == [
        ("春风路12号网吧", [("区文旅局", "responsible")]),
        ("东湖菜市场", [("市文明办", "responsible")]),
        ("西山小学门口", [("西山街道", "responsible"), ("区城管局", "responsible")]),
    ]
    assert "地面积水" in leaves(plan)[1].content


def test_a_problem_list_of_single_problems_keeps_the_problem_as_the_title() -> None:
    table = merged_table(
        [
            ["序号", "路段名称", "问题描述", "责任单位"],
            ["1", "滨湖大道", "沿线车辆违停严重", "停车办"],
            ["2", "南湖路", "垃圾站前杂草丛生", "市环卫中心"],
        ],
        [],
    )
    plan = draft_blocks(["测评路段问题汇总表", table], "路段.docx").plan
    assert [t.title for t in leaves(plan)] == ["沿线车辆违停严重", "垃圾站前杂草丛生"]


def test_an_owner_column_beside_a_lead_column_names_no_unit_and_sub_project_rows_fold_into_their_project() -> (
    None
):
    table = merged_table(
        [
            ["序号", "牵头单位", "项目数量", "项目名称", "", "业主单位", "本月进展", ""],
            ["", "", "", "", "", "", "前期手续", "形象进度"],
            ["一", "区住建局", "项目（1个）", "（一）打通断头路攻坚行动", "1.文化路", "区城投", "已完成", ""],
            ["", "", "", "", "2.乐业路", "区城管局", "已完成", ""],
            ["二", "区教体局", "项目（2个）", "（一）健身器材更换项目", "", "区教体局", "已完成", ""],
            ["", "", "", "（二）中小学网点补短板项目", "1.市政学校", "某房地产公司", "已完成", ""],
            ["", "", "", "", "2.四小综合楼", "区城投公司", "已完成", "主体完工"],
        ],
        [
            *[(1, c, 2, c) for c in (1, 2, 3, 6)],
            (1, 4, 2, 5),
            (1, 7, 1, 8),
            *[(3, c, 4, c) for c in (1, 2, 3, 4)],
            *[(5, c, 7, c) for c in (1, 2, 3)],
            (6, 4, 7, 4),
        ],
    )
    plan = draft_blocks(["民生实事项目进度表", table], "进度表.docx").plan
    got = [(t.code, t.title, units_of(t)) for t in leaves(plan)]
    assert got == [
        ("（一）", "打通断头路攻坚行动", [("区住建局", "lead")]),
        ("1", "健身器材更换项目", [("区教体局", "lead")]),
        ("2", "中小学网点补短板项目", [("区教体局", "lead")]),
    ]
