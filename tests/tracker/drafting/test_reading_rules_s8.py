"""Reading rules of session 8: duty tables, a group column beside the task column, a 时间要求
column, and unit names joined by 及 that name one group.

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

from datetime import date

from draft_helpers import leaves, table_of, units_of

from tracker.drafting import draft_text
from tracker.drafting.draft import draft_blocks
from tracker.drafting.units import document_names_lead, split_units
from tracker.planfile import model as pf


def _metrics(plan: pf.Plan) -> list[pf.Metric]:
    """The plan's indicators and its tasks' own."""
    return list(plan.metrics) + [m for t in pf.iter_tasks(plan.tasks) for m in t.metrics]


def test_a_duty_table_makes_each_duty_a_task_of_its_unit() -> None:
    table = table_of(
        ["序号", "职责", "负责单位", "备注"],
        [
            ["1", "将科普设施建设纳入文明城市创建", "区文明办", ""],
            ["2", "协调做好商场科普设施建设", "区商务局", ""],
            ["3", "协调做好机关单位科普角建设", "区妇联、区总工会", ""],
        ],
    )
    draft = draft_blocks(["关于加强科普设施建设的实施方案", "附件", "任务分工", table], "方案.docx")
    assert [(t.code, t.title, units_of(t)) for t in leaves(draft.plan)] == [
        ("1", "将科普设施建设纳入文明城市创建", [("区文明办", "responsible")]),
        ("2", "协调做好商场科普设施建设", [("区商务局", "responsible")]),
        ("3", "协调做好机关单位科普角建设", [("区妇联", "responsible"), ("区总工会", "responsible")]),
    ]


def test_a_department_column_beside_its_duties_gives_each_row_its_department() -> None:
    table = table_of(
        ["序号", "部门", "主要职责分工"],
        [
            ["1", "区住建局", "牵头开展结构安全排查整治，加强技术指导"],
            ["2", "区市场监管局", "牵头开展经营安全排查整治"],
        ],
    )
    draft = draft_blocks(["部门主要职责分工表", table], "分工表.docx")
    assert [(t.title, units_of(t)) for t in leaves(draft.plan)] == [
        ("牵头开展结构安全排查整治，加强技术指导", [("区住建局", "responsible")]),
        ("牵头开展经营安全排查整治", [("区市场监管局", "responsible")]),
    ]


def test_a_group_column_merged_down_beside_the_task_column_names_groups_not_tasks() -> None:
    table = table_of(
        ["序号", "重点工作", "主要任务", "时间要求", "责任单位"],
        [
            ["1", "禁止生产的塑料制品", "禁止生产超薄塑料购物袋", "即日起", "区经发局、区市场监管局"],
            ["2", "禁止生产的塑料制品", "禁止以医疗废物为原料制造塑料制品", "2031年底", "区经发局"],
            ["3", "禁止使用的塑料制品", "餐饮行业禁止使用不可降解塑料吸管", "2032年底前", "区商务局"],
        ],
    )
    table.boxes.append((2, 2, 3, 2))  # 重点工作 merged down over rows 1–2
    draft = draft_blocks(["塑料污染治理主要任务时序进度表", table], "进度表.docx")
    tasks = leaves(draft.plan)
    assert [t.title for t in tasks] == [
        "禁止生产超薄塑料购物袋",
        "禁止以医疗废物为原料制造塑料制品",
        "餐饮行业禁止使用不可降解塑料吸管",
    ]
    # the 时间要求 column is the deadline column
    assert [t.deadline for t in tasks] == [None, date(2031, 12, 31), date(2032, 12, 31)]
    assert units_of(tasks[0]) == [("区经发局", "responsible"), ("区市场监管局", "responsible")]


def test_two_task_columns_whose_first_holds_a_task_a_row_keep_the_first() -> None:
    table = table_of(
        ["序号", "重点任务", "工作任务", "牵头单位"],
        [
            ["1", "建设创新平台", "新建研发机构", "区科技局"],
            ["2", "培育科技企业", "新增高新技术企业", "区科技局"],
        ],
    )
    draft = draft_blocks(["科技工作任务表", table], "任务表.docx")
    assert [t.title for t in leaves(draft.plan)] == ["建设创新平台", "培育科技企业"]


def test_bodies_joined_by_ji_split_unless_the_second_half_belongs_to_the_first() -> None:
    assert split_units("相关联合党委及村居") == ["相关联合党委及村居"]
    assert split_units("各乡镇及其所辖社区（村）") == ["各乡镇及其所辖社区（村）"]
    assert split_units("各主管部门及所属单位") == ["各主管部门及所属单位"]
    # two named bodies are two units, whatever joins them
    assert split_units("新城联合党委及如意社区") == ["新城联合党委", "如意社区"]
    assert split_units("州委编办及州直相关单位") == ["州委编办", "州直相关单位"]


def test_a_pointer_to_an_appendix_is_no_part_of_a_unit_name() -> None:
    assert split_units("资源生态处、交通与建设处（详见附件1）") == ["资源生态处", "交通与建设处"]
    assert split_units("区科技局（见附件2清单）") == ["区科技局"]
    # a bracket that is part of the name stays
    assert split_units("区委（区政府）办公室") == ["区委（区政府）办公室"]


def test_a_span_after_a_cited_plans_name_in_an_item_is_not_this_plans_period() -> None:
    text = """关于扎实做好稳就业工作的实施方案
2030年7月16日
一、推动物流贸易增产增效
1.加快海钓基地配套建设，落实渔港设施建设三年实施方案（2030-2032年），年内建成104个5G基站。（片区经发处负责）
"""
    plan = draft_text(text, "方案.txt").plan
    assert (plan.period.start, plan.period.end) == (2030, 2030)
    assert [(t.year, t.value) for m in _metrics(plan) for t in m.targets] == [(2030, 104)]


def test_a_span_the_plan_states_before_its_items_is_still_its_period() -> None:
    text = """科技创新三年行动方案
本方案实施期为三年（2030-2032年）。
一、重点任务
1.新建研发机构5家。（区科技局负责）
"""
    plan = draft_text(text, "方案.txt").plan
    assert (plan.period.start, plan.period.end) == (2030, 2032)


def test_a_dashed_goal_line_opening_with_a_year_dates_its_figures() -> None:
    text = """农村人居环境整治三年行动实施方案
2030年8月21日
一、工作目标
——2030年，在2029年工作的基础上，继续推进13个美丽乡村建设；扫尾完成55个村庄垃圾治理。
——2031年，完成37个村庄的污水处理。
二、重点任务
1.整治村庄环境。（区农业农村局负责）
"""
    plan = draft_text(text, "方案.txt").plan
    found = sorted((t.year, t.value) for m in _metrics(plan) for t in m.targets)
    assert found == [(2030, 13), (2030, 55), (2031, 37)]


def test_the_first_is_lead_rule_said_as_the_unit_placed_first() -> None:
    text = """农村人居环境整治三年行动实施方案
一、重点任务
（一）加快生活垃圾治理。推行干湿分离。（责任单位：区住建局、农业局、各乡镇人民政府）
（二）实施厕所革命。新建公厕。（责任单位：区卫健委、区住建局）
二、保障措施
（一）加快组织实施。各项任务中排位靠前的责任单位为牵头单位。
"""
    assert document_names_lead("各项任务中排位靠前的责任单位为牵头单位。")
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert units_of(tasks[0]) == [("区住建局", "lead"), ("农业局", "support"), ("各乡镇人民政府", "support")]
    assert units_of(tasks[1]) == [("区卫健委", "lead"), ("区住建局", "support")]


def test_a_run_of_items_naming_their_bodies_inside_their_sentences_gives_each_its_bodies() -> None:
    text = """关于加快推进食品追溯工作的实施方案
一、推进措施
（一）梳理排查问题。食品处、各分局要结合实际，全面梳理存在问题。
（二）开展培训指导。3月15日前，完成对经营者的培训指导。
（三）强化执法检查。食品处、各分局要加大检查力度。
（四）及时通报信息。发现未实施追溯的，各分局要每周报送推进情况。
（五）发挥市场作用。加大宣传力度。办公室、食品处要适时组织商场超市张贴追溯码。
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("食品处", "responsible"), ("各分局", "responsible")],
        [],
        [("食品处", "responsible"), ("各分局", "responsible")],
        [("各分局", "responsible")],
        [("办公室", "responsible"), ("食品处", "responsible")],
    ]


def test_one_item_naming_a_body_mid_sentence_among_others_names_nothing() -> None:
    text = """2031年科技工作要点
一、重点工作
（一）建设创新平台。新建研发机构5家，区科技局要加强指导。
（二）培育科技企业。新增高新技术企业10家。
（三）优化创新生态。举办创新大赛。
"""
    tasks = leaves(draft_text(text, "要点.txt").plan)
    assert all(not t.units or t.units_inferred for t in tasks)


def test_an_item_whose_sentences_each_give_a_body_its_duty_is_a_task_a_sentence() -> None:
    text = """关于进一步加强古树名木保护工作的通知
一、保护职能划分。区林业局负责古树名木的普查和档案管理。区文旅局负责古树资源的宣传。各乡镇负责辖区古树的巡查。
二、加强档案管理。由区林业局负责，建立全区古树名木档案。
三、加强规划管理。区规划局负责划定古树保护范围。
"""
    tasks = leaves(draft_text(text, "通知.txt").plan)
    assert [(t.code, t.title, units_of(t)) for t in tasks[:3]] == [
        ("一", "区林业局负责古树名木的普查和档案管理", [("区林业局", "responsible")]),
        ("一-2", "区文旅局负责古树资源的宣传", [("区文旅局", "responsible")]),
        ("一-3", "各乡镇负责辖区古树的巡查", [("各乡镇", "responsible")]),
    ]


def test_duty_sentences_among_items_that_name_no_units_stay_one_item() -> None:
    text = """2031年科技工作要点
一、重点工作
（一）建设创新平台。新建研发机构5家。
（二）培育科技企业。新增高新技术企业10家。
二、工作保障
（一）强化领导。区财政局要建立经费保障机制。各街道要将科技工作纳入年度考核。
（二）配套宣传。加大宣传力度。
"""
    codes = [t.code for t in leaves(draft_text(text, "要点.txt").plan)]
    assert not any("-" in code for code in codes)


def test_a_list_of_the_wrongs_an_inspection_looks_for_is_no_task_list() -> None:
    text = """关于开展燃气安全专项整治的实施方案
一、整治内容
（一）整治范围。全区使用燃气的餐饮场所。
（二）整治内容。清理在招标文件中设置的不合理限制。重点针对以下问题：
1.违法设置限制外地企业参与投标的规定。
2.将特定区域的业绩作为加分条件。
（三）凡存在以下情形的，一律予以取缔
1.相关证照不全的。
2.气瓶设置在地下室的。
二、工作步骤
1.排查摸底。9月底前完成。（区住建局负责）
2.集中整治。11月底前完成。（区住建局牵头，区市场监管局配合）
"""
    titles = [t.title for t in leaves(draft_text(text, "方案.txt").plan)]
    assert titles == ["排查摸底", "集中整治"]


def test_items_under_work_to_be_done_below_are_still_tasks() -> None:
    text = """2031年科技工作要点
一、重点工作
重点做好以下工作：
1.新建研发机构5家。（区科技局负责）
2.新增高新技术企业10家。（区科技局负责）
"""
    assert len(leaves(draft_text(text, "要点.txt").plan)) == 2


def test_duty_paragraphs_under_a_division_heading_are_each_a_task_of_their_body() -> None:
    text = """关于加强人才公寓准入联合审查的通知
一、审查对象
申请人才公寓的对象。
二、职责分工
各街道负责申请受理及初审；
区人社局负责资格审查的综合协调；
负责汇总各部门的核查意见；
区公安局负责提供申请人户籍信息；
区税务局负责提供申请人完税信息。
"""
    tasks = [t for t in leaves(draft_text(text, "通知.txt").plan) if t.code.isdigit()]
    assert [(t.code, units_of(t)) for t in tasks] == [
        ("1", [("各街道", "responsible")]),
        ("2", [("区人社局", "responsible")]),
        ("3", [("区公安局", "responsible")]),
        ("4", [("区税务局", "responsible")]),
    ]
    assert "汇总各部门的核查意见" in tasks[1].title + tasks[1].content


def test_a_working_group_whose_main_task_is_said_in_a_sentence_answers_for_it() -> None:
    text = """2031年春运工作实施方案
一、组织机构
1、客运码头、各渡口运输管理工作小组
组 长：张某
副组长：李某、王某
主要任务是负责渡口渡运的运力调度、秩序维护等各项工作。
2、春运票价监管检查工作小组
组 长：赵某
主要任务是负责春运票价监管检查工作。
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        (
            "主要任务是负责渡口渡运的运力调度、秩序维护等各项工作",
            [("客运码头、各渡口运输管理工作小组", "responsible")],
        ),
        ("主要任务是负责春运票价监管检查工作", [("春运票价监管检查工作小组", "responsible")]),
    ]
    # a list of bodies ending with a working group is still several names
    assert split_units("区交通局、区公安局、春运工作小组") == ["区交通局", "区公安局", "春运工作小组"]
