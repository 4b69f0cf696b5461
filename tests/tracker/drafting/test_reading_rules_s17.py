"""Reading rules of session 17, each found on a document of session 16's unseen sets.

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

from datetime import date

from draft_helpers import leaves, merged_table, units_of

from tracker.drafting.blocks import text_blocks
from tracker.drafting.draft import draft_blocks
from tracker.planfile import model as pf


def _leaves(text: str, name: str = "计划.txt") -> list[pf.Task]:
    return leaves(draft_blocks(text_blocks(text.splitlines()), name).plan)


def test_a_headerless_table_whose_unit_cells_carry_labels_reads_each_row_as_an_item() -> None:
    table = merged_table(
        [
            ["一、建设开放平台", "", ""],
            [
                "3.建设科技成果转化中心，引进一批服务机构。",
                "牵头单位：区科技局\n参加单位：区财政局、区商务局",
                "责任科室：成果科",
            ],
            [
                "9.完善人才公寓配套，落实住房补贴。",
                "牵头单位：区人社局\n参加单位：区住建局",
                "责任科室：人才科",
            ],
            ["二、优化创新生态", "", ""],
            ["14.开展科技金融对接活动。", "牵头单位：区金融办", "责任科室：计划科、高新科"],
        ],
        [(1, 1, 1, 3), (4, 1, 4, 3)],
    )
    plan = draft_blocks(["东城区科技局任务分工表", table], "分工表.docx").plan
    got = [(t.code, t.title, units_of(t)) for t in leaves(plan)]
    assert got == [
        (
            "3",
            "建设科技成果转化中心，引进一批服务机构",
            [("区科技局", "lead"), ("区财政局", "support"), ("区商务局", "support"), ("成果科", "support")],
        ),
        (
            "9",
            "完善人才公寓配套，落实住房补贴",
            [("区人社局", "lead"), ("区住建局", "support"), ("人才科", "support")],
        ),
        ("14", "开展科技金融对接活动", [("区金融办", "lead"), ("计划科", "support"), ("高新科", "support")]),
    ]


def test_a_task_header_quoting_a_document_and_spanning_columns_puts_the_task_in_its_last_column() -> None:
    table = merged_table(
        [
            ["序号", "落实《东城区2031年科技创新行动计划》任务内容", "", "", "负责单位"],
            ["1", "一、壮大创新主体", "（一）培育科技企业", "建立高新技术企业培育库。", "高新科"],
            ["2", "", "", "开展科技型中小企业评价服务。", "高新科牵头，各园区配合"],
            ["3", "二、建设创新平台", "（二）建设研发机构", "支持企业建设省级研发中心。", "平台科"],
        ],
        [(1, 2, 1, 4), (2, 2, 3, 2), (2, 3, 3, 3)],
    )
    plan = draft_blocks(["东城区科技局任务分解表", table], "分解表.docx").plan
    got = [(t.code, t.title, units_of(t)) for t in leaves(plan)]
    assert got == [
        ("1", "建立高新技术企业培育库", [("高新科", "responsible")]),
        ("2", "开展科技型中小企业评价服务", [("高新科", "lead"), ("各园区", "support")]),
        ("3", "支持企业建设省级研发中心", [("平台科", "responsible")]),
    ]


def test_a_column_headed_as_the_bodies_that_push_the_work_on_names_the_units() -> None:
    table = merged_table(
        [
            ["任务类型", "序号", "工作任务", "推进单位"],
            ["平台建设", "1", "建设东城科创中心", "区科委、区规划局"],
            ["", "2", "推进环大学创新街区规划", "区规划局、各街道"],
        ],
        [(2, 1, 3, 1)],
    )
    plan = draft_blocks(["东城区科技创新行动方案", "附件", "重点任务清单", table], "方案.docx").plan
    got = [(t.title, units_of(t)) for t in leaves(plan)]
    assert got == [
        ("建设东城科创中心", [("区科委", "responsible"), ("区规划局", "responsible")]),
        ("推进环大学创新街区规划", [("区规划局", "responsible"), ("各街道", "responsible")]),
    ]


def test_an_assessment_table_reads_each_scoring_rule_as_a_task_past_the_merged_item_and_its_score() -> None:
    table = merged_table(
        [
            ["序号", "考核项目", "考核内容", "分值", "考核评分细则", "节点任务", "责任单位"],
            [
                "1",
                "工作考核（20分）",
                "科技特派员制度落实",
                "10",
                "1.未建立科技特派员名册的，扣2分。",
                "6月底前",
                "农村科",
            ],
            [
                "",
                "",
                "",
                "",
                "2.未开展科技特派员培训的，扣1分；\n3.未报送年度总结的，扣1分。",
                "持续",
                "农村科、各乡镇",
            ],
            ["2", "", "科普工作", "10", "未举办科技活动周的，扣3分", "5月底前", "科普科"],
            ["3", "二、责任考核（80分）", "科技金融", "5", "未开展科技金融对接的，扣2分", "", "金融科"],
            ["4", "", "成果转化", "5", "技术合同登记未达目标的，扣2分", "", "成果科"],
        ],
        [(2, 1, 3, 1), (2, 2, 4, 2), (2, 3, 3, 3), (2, 4, 3, 4), (5, 2, 6, 2)],
    )
    plan = draft_blocks(["东城区科技工作考核任务分解表", table], "分解表.docx").plan
    got = [(t.title, units_of(t)) for t in leaves(plan)]
    assert got == [
        ("未建立科技特派员名册的，扣2分", [("农村科", "responsible")]),
        ("未开展科技特派员培训的，扣1分", [("农村科", "responsible"), ("各乡镇", "responsible")]),
        ("未举办科技活动周的，扣3分", [("科普科", "responsible")]),
        ("未开展科技金融对接的，扣2分", [("金融科", "responsible")]),
        ("技术合同登记未达目标的，扣2分", [("成果科", "responsible")]),
    ]


def test_a_second_numbering_column_between_the_item_and_its_indicators_is_stepped_over() -> None:
    table = merged_table(
        [
            ["序号", "类别", "公开事项", "序号", "评分指标", "分值", "责任部门"],
            ["一", "基本信息", "（1）学校概况", "1", "总体情况介绍", "0.8", "党政办"],
            ["", "", "", "2", "校级领导班子分工", "0.8", "组织部"],
            ["", "", "（2）规章制度", "3", "学校章程", "0.8", "党政办、法规室"],
        ],
        [(2, 1, 4, 1), (2, 2, 4, 2), (2, 3, 3, 3)],
    )
    plan = draft_blocks(["信息公开事项测评指标", table], "指标.docx").plan
    got = [(t.title, units_of(t)) for t in leaves(plan)]
    assert got == [
        ("总体情况介绍", [("党政办", "responsible")]),
        ("校级领导班子分工", [("组织部", "responsible")]),
        ("学校章程", [("党政办", "responsible"), ("法规室", "responsible")]),
    ]


def test_an_appendix_checklist_naming_a_body_once_does_not_replace_the_plans_own_steps() -> None:
    lines = [
        "东城区实验室安全专项整治工作方案",
        "一、工作目标",
        "全面排查实验室安全隐患。",
        "二、工作步骤",
        "（一）排查阶段（即日起至2031年5月31日）",
        "1.摸清底数",
        "逐一登记高校和科研院所实验室。",
        "完成时限：2031年3月15日前",
        "2.集中检查",
        "组织专家开展集中检查。",
        "完成时限：2031年5月31日前",
        "三、工作要求",
        "各单位要高度重视。",
        "附件1",
        "实验室安全检查表",
        *[f"{n}.是否建立第{n}项安全管理制度" for n in range(1, 9)],
        "9.危险化学品存放情况（重点单位）",
        "10.应急演练开展情况",
    ]
    got = [(t.title, t.deadline) for t in _leaves("\n".join(lines))]
    assert got == [("摸清底数", date(2031, 3, 15)), ("集中检查", date(2031, 5, 31))]


def test_an_appendix_dividing_the_work_by_duties_is_the_plan_where_the_body_sets_up_a_meeting() -> None:
    lines = [
        "东城区关于建立科技创新工作联席会议制度的通知",
        "一、主要任务",
        "（一）研究全区科技创新的重大政策。",
        "（二）协调解决科技创新工作中的重大问题。",
        "二、组成人员",
        "联席会议日常工作由区科技局负责。",
        "附件",
        "东城区科技创新工作联席会议成员单位职责分工",
        "区科技局：负责联席会议的组织安排，整理会议议定事项。",
        "区财政局：负责落实科技经费保障政策。",
        "区人社局：牵头制定科技人才引进政策。",
    ]
    got = [(t.title, units_of(t)) for t in _leaves("\n".join(lines))]
    assert got == [
        ("负责联席会议的组织安排，整理会议议定事项", [("区科技局", "responsible")]),
        ("负责落实科技经费保障政策", [("区财政局", "responsible")]),
        ("牵头制定科技人才引进政策", [("区人社局", "lead")]),
    ]


def test_bodies_that_organise_the_carrying_out_help_the_lead_and_keep_their_names() -> None:
    text = "\n".join(
        [
            "东城区实验室安全专项整治实施方案",
            "一、重点任务",
            "1.对未备案的危险化学品实验室，要依法责令整改。（区科委牵头负责，各街道组织落实）",
            "2.对高校实验室开展安全督查。（区教育局牵头负责，区科委、各街道组织落实）",
            "3.发挥群团组织作用。（区科协牵头负责，群团组织落实）",
        ]
    )
    got = [(t.title, units_of(t)) for t in _leaves(text)]
    assert got == [
        ("对未备案的危险化学品实验室，要依法责令整改", [("区科委", "lead"), ("各街道", "support")]),
        ("对高校实验室开展安全督查", [("区教育局", "lead"), ("区科委", "support"), ("各街道", "support")]),
        ("发挥群团组织作用", [("区科协", "lead"), ("群团组织", "support")]),
    ]


def test_the_verb_closing_a_unit_cell_is_no_part_of_the_last_name() -> None:
    table = merged_table(
        [
            ["序号", "工作内容", "责任单位", "完成时限"],
            ["1", "全面排查实验室安全隐患", "各有关科室、各园区按照职责分工落实", "4月15日前"],
            ["2", "整治危险化学品存放", "安全科落实", "4月20日前"],
        ],
        [],
    )
    plan = draft_blocks(["东城区科技局2031年实验室安全整治工作方案", table], "方案.docx").plan
    got = [(t.title, units_of(t)) for t in leaves(plan)]
    assert got == [
        ("全面排查实验室安全隐患", [("各有关科室", "responsible"), ("各园区", "responsible")]),
        ("整治危险化学品存放", [("安全科", "responsible")]),
    ]


def test_a_year_and_month_typed_with_a_list_mark_between_them_is_that_months_end() -> None:
    from tracker.importers.deadlines import parse_deadline

    assert parse_deadline("2031、10", 2031).deadline == date(2031, 10, 31)
    assert parse_deadline("2031，2", 2031).deadline == date(2031, 2, 28)
    # not a month: a list of years, or a number past twelve
    assert parse_deadline("2031、2032", 2031).deadline == date(2032, 12, 31)
    assert parse_deadline("2031、13", 2031).deadline == date(2031, 12, 31)


def test_a_numbered_heading_naming_a_body_and_its_duty_list_gives_the_body_to_the_duties() -> None:
    text = "\n".join(
        [
            "东城区科技局各科室安全生产责任制",
            "一、高新科安全生产责任制",
            "1、督促高新技术企业落实安全生产主体责任。",
            "2、组织企业研发场所安全检查。",
            "二、平台科工作职责",
            "1、指导研发平台建立实验室安全制度。",
            "三、成员单位工作职责",
            "1、配合开展安全生产检查。",
        ]
    )
    got = [(t.title, units_of(t)) for t in _leaves(text)]
    assert got[:3] == [
        ("督促高新技术企业落实安全生产主体责任", [("高新科", "responsible")]),
        ("组织企业研发场所安全检查", [("高新科", "responsible")]),
        ("指导研发平台建立实验室安全制度", [("平台科", "responsible")]),
    ]
    assert got[3][1] != [("成员单位", "responsible")]  # the members of a list are no one body


def test_circled_items_run_together_in_one_paragraph_are_split_and_a_heading_housing_offices_names_one_body() -> (
    None
):
    text = "\n".join(
        [
            "东城科技园各部室年度任务",
            "（一）综合办公室（党建工作部、财务室）",
            "（1）年度主要任务与要求：",
            "①宣传推介园区，完成上稿8篇；②理顺园区体制机制；③完成领导交办的其他工作。",
            "（二）企业服务局（政务服务中心）",
            "（1）年度主要任务与要求：",
            "①走访企业100家次；②办结企业诉求。",
            "（三）科技服务（8分）",
            "（1）年度主要任务与要求：",
            "①组织技术对接会；②培育科技型企业。",
        ]
    )
    got = [(t.title, units_of(t)) for t in _leaves(text)]
    office = [("综合办公室（党建工作部、财务室）", "responsible")]
    service = [("企业服务局（政务服务中心）", "responsible")]
    assert got[:5] == [
        ("宣传推介园区，完成上稿8篇", office),
        ("理顺园区体制机制", office),
        ("完成领导交办的其他工作", office),
        ("走访企业100家次", service),
        ("办结企业诉求", service),
    ]
    assert [title for title, _ in got[5:]] == ["组织技术对接会", "培育科技型企业"]
    assert all(units != [("科技服务（8分）", "responsible")] for _, units in got[5:])  # a score, no body
