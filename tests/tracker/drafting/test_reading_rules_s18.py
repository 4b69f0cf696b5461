"""Reading rules of session 18, each found on a document of session 17's unseen sets.

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

from draft_helpers import leaves, merged_table, units_of

from tracker.drafting.blocks import text_blocks
from tracker.drafting.draft import draft_blocks
from tracker.planfile import model as pf


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


def _targets(plan: pf.Plan) -> list[tuple[int, str, float | None, float | None]]:
    metrics = list(plan.metrics) + [m for t in pf.iter_tasks(plan.tasks) for m in t.metrics]
    return sorted((t.year, t.comparator, t.value, t.max) for m in metrics for t in m.targets)


def test_a_goal_ten_years_off_is_the_vision_and_the_tasks_figures_fall_due_at_the_nearer_goal() -> None:
    text = """东山区人民政府办公室关于加快推进公园城市建设的实施意见
一、总体目标
至2025年，公园与城市更加开放融合。
至2035年，建成生态宜居的公园城市。
二、主要任务
（一）提升公园品质。建成12个美丽街区，彩化树种比率达到70%以上。（牵头单位：区绿化局；配合单位：各街镇）
东山区人民政府办公室
2021年12月3日"""
    plan = draft_blocks(text_blocks(text.splitlines()), "意见.txt").plan
    assert plan.period is not None and plan.period.end == 2025
    assert _targets(plan) == [(2025, "=", 12.0, None), (2025, ">=", 70.0, None)]


def test_a_table_under_a_heading_of_the_coming_five_years_is_due_at_their_end() -> None:
    table = merged_table(
        [
            ["序号", "主要工作任务", "责任单位"],
            ["1", "地区生产总值突破1万亿元。", "市发展改革委"],
            ["2", "家庭年可支配收入10-50万元群体比例达到81%以上。", "市统计局"],
        ],
        [],
    )
    lines = ["2022年政府工作报告重点工作责任分解", "一、未来五年主要工作任务", table]
    plan = draft_blocks(lines, "分解.docx").plan
    assert _targets(plan) == [(2026, ">=", 1.0, None), (2026, ">=", 81.0, None)]


def test_a_table_of_years_down_its_first_column_gives_the_plan_its_running_totals_by_year() -> None:
    table = merged_table(
        [
            ["年份", "达标区域", "达标面积（平方公里）", "", "达标面积占比"],
            ["", "", "片区", "总计", ""],
            ["2021年-2023年", "新城中心区", "20.10", "20.10", "22%"],
            ["2024年", "湖南片区", "4.70", "30.40", "33%"],
            ["", "公园二期", "5.60", "", ""],
            ["2025年", "北部片区", "6.00", "36.40", "40%"],
            ["2026年", "老城片区", "3.90", "40.30", "44%"],
        ],
        [(1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 1, 4), (1, 5, 2, 5), (4, 1, 5, 1), (4, 4, 5, 4), (4, 5, 5, 5)],
    )
    lines = [
        "北城区海绵城市建设实施方案",
        "一、工作目标",
        "到2026年底，40平方公里以上建设用地达到海绵城市建设要求，规划面积约3平方公里的示范区建成。",
        "表1 达标推进计划表",
        table,
        "二、重点任务",
        "1.推进海绵型公园建设。（责任单位：区绿化局）",
        "北城区人民政府",
        "2024年3月1日",
    ]
    plan = draft_blocks(lines, "方案.docx").plan
    by_name = {
        m.name: [(t.year, t.value) for t in m.targets] for m in plan.metrics if m.source == "年度推进表1"
    }
    # the parts of each year (片区) are its schedule; the rows before the plan's first year its start
    assert by_name == {
        "达标面积总计": [(2024, 30.4), (2025, 36.4), (2026, 40.3)],
        "达标面积占比": [(2024, 33.0), (2025, 40.0), (2026, 44.0)],
    }
    goals = [
        (t.year, t.comparator, t.value) for m in plan.metrics if m.source != "年度推进表1" for t in m.targets
    ]
    assert goals == [(2026, ">=", 40.0)]


def _leaves(text: str, name: str = "通报.txt") -> list[pf.Task]:
    return leaves(draft_blocks(text_blocks(text.splitlines()), name).plan)


def test_a_requirement_line_handing_the_problem_to_bodies_names_them_without_their_part() -> None:
    text = """关于双创巡查发现问题的通报
1、北门桥东侧河堤有建筑垃圾。
整改要求：由县环卫站负责清除上述地段建筑垃圾。
2、滨河花园对面围墙上有野广告。
整改要求：由包片单位县气象局负责清除。
3、南街沿线商户出店占道经营。
整改要求：按照先劝阻、再处罚的要求，由南街沿线包片单位县职教中心、县交通局负责劝导商户。
请各相关单位认真整改。"""
    assert [units_of(t) for t in _leaves(text)] == [
        [("县环卫站", "responsible")],
        [("县气象局", "responsible")],
        [("县职教中心", "responsible"), ("县交通局", "responsible")],
    ]


def test_a_closing_paragraph_referring_back_to_the_items_gives_each_its_date() -> None:
    text = """督导组检查发现问题交办单
3月2日，督导组对城区部分小区进行了检查，现将发现的问题交办如下：
1.东城小区无防鼠设施。责任单位：东城办。
2.西苑小区垃圾清理不及时。责任单位：西苑办。
今年是复审年，上述责任单位要高度重视，对存在的问题务必于3月9日前整改完毕。整改后报督导组销号。
督导组"""
    assert [(t.deadline, t.deadline_text) for t in _leaves(text)] == [(None, "3月9日前"), (None, "3月9日前")]


def test_a_point_over_numbered_problems_closed_by_one_rectifying_line_is_one_task() -> None:
    text = """创文督查问题清单
具体问题如下：
1. 市图书馆
（1）灭火器过期未更换；
（2）意见簿记录不规范。
问题整改责任单位：市图书馆 整改时限：3天
2. 市第一人民医院
（1）院内禁烟标识不足；
（2）宣传牌内容不规范。
问题整改责任单位：市卫生健康委员会 整改时限：5天"""
    tasks = _leaves(text)
    assert [(t.title, units_of(t), t.deadline_text) for t in tasks] == [
        ("市图书馆", [("市图书馆", "responsible")], "3天"),
        ("市第一人民医院", [("市卫生健康委员会", "responsible")], "5天"),
    ]
    assert "宣传牌内容不规范" in tasks[1].content


def test_a_lead_column_whose_sub_heading_only_says_department_keeps_its_role() -> None:
    table = merged_table(
        [
            ["序号", "项目内容", "完成时限", "牵头部门", "", "承办部门", ""],
            ["", "", "", "部门", "责任人", "部门", "责任人"],
            ["1", "为困难学生发放助学金", "年底前", "市教育局", "张三", "市教育局\n市财政局", "李四"],
        ],
        [(1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 2, 3), (1, 4, 1, 5), (1, 6, 1, 7)],
    )
    plan = draft_blocks(["民生项目牵头承办部门表", table], "项目表.docx").plan
    assert [units_of(t) for t in leaves(plan)] == [[("市教育局", "lead"), ("市财政局", "support")]]


def test_a_bodys_pledge_names_it_as_the_unit_of_every_item() -> None:
    text = """市水务局为企业和群众做出的公开承诺
一、深入推进政务公开。职责、审批事项全部在网站公开。
二、转变工作作风，提高服务效率。
三、畅通监督渠道，受理群众投诉。"""
    assert [units_of(t) for t in _leaves(text)] == [[("市水务局", "responsible")]] * 3


def test_a_star_in_a_lead_cell_marks_the_lead_and_a_list_closing_with_departments_and_units_loses_those_words() -> (
    None
):
    table = merged_table(
        [
            ["序号", "主要工作任务", "牵头单位", "配合单位"],
            ["1", "生产总值增长6%。", "★发改局、经信局", ""],
            ["2", "居民收入增长与经济增长同步。", "发改局、农业农村局", ""],
            ["3", "建设历史文化街区。", "开发建设局", "区城投公司等部门、单位，大碶街道"],
        ],
        [],
    )
    plan = draft_blocks(["2031年重点工作完成情况", table], "完成情况.docx").plan
    assert [units_of(t) for t in leaves(plan)] == [
        [("发改局", "lead"), ("经信局", "support")],
        [("发改局", "lead"), ("农业农村局", "lead")],
        [("开发建设局", "lead"), ("区城投公司", "support"), ("大碶街道", "support")],
    ]


def test_goals_stated_in_the_opening_paragraph_without_a_goal_year_are_the_plans() -> None:
    text = """2031年全市科技工作要点
2031年是规划实施的关键一年。全市科技工作的主要目标是：全社会研发经费投入强度达到3.3%；技术交易额突破900亿元。
一、加强科技创新平台建设
1.建设实验室体系。（责任单位：市科技局）"""
    plan = draft_blocks(text_blocks(text.splitlines()), "要点.txt").plan
    assert _targets(plan) == [(2031, "=", 3.3, None), (2031, ">=", 900.0, None)]
