"""Reading rules of session 7: the steps of a 实施方案 with their deadlines in brackets, and unit
lists that name townships, a body 会同有关部门, or the work before 由.

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

from datetime import date

from draft_helpers import leaves, table_of, units_of

from tracker.drafting import draft_text
from tracker.drafting.draft import draft_blocks
from tracker.drafting.units import find_units, looks_like_unit, split_units
from tracker.importers.deadlines import parse_deadline


def test_a_step_whose_name_closes_with_its_deadline_in_brackets_is_due_then() -> None:
    text = """关于开展2031年燃气安全隐患排查整治的实施方案

一、工作步骤
（一）动员部署阶段（即日起至3月20日）。做好宣传动员（区住建局牵头，各街道配合）。
（二）全面排查阶段(4月30日前完成)。区住建局、各街道逐户排查。
（三）集中整治阶段（5月1日至9月30日）。区住建局、区应急局负责整治。
（四）巩固提升阶段（长期坚持）。区住建局、各街道负责。
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [(t.title, t.deadline, t.deadline_text) for t in tasks] == [
        # a stage keeps its dates in its name (session 9's ruling), and is due when they end
        ("动员部署阶段（即日起至3月20日）", date(2031, 3, 20), "即日起至3月20日"),
        ("全面排查阶段（4月30日前完成）", date(2031, 4, 30), "4月30日前完成"),
        ("集中整治阶段（5月1日至9月30日）", date(2031, 9, 30), "5月1日至9月30日"),
        ("巩固提升阶段（长期坚持）", None, "长期坚持"),
    ]
    assert units_of(tasks[0]) == [("区住建局", "lead"), ("各街道", "support")]


def test_a_bracket_closing_a_name_that_is_no_deadline_stays_in_the_name() -> None:
    text = """2031年科技工作要点

一、重点工作
（一）建设科技创新中心（一期）。区科技局负责。
（二）培育高新技术企业（含科技型中小企业）。区科技局负责。
"""
    titles = [t.title for t in leaves(draft_text(text, "要点.txt").plan)]
    assert titles == ["建设科技创新中心（一期）", "培育高新技术企业（含科技型中小企业）"]
    assert all(t.deadline is None for t in leaves(draft_text(text, "要点.txt").plan))


def test_townships_the_task_touches_answer_but_whoever_is_concerned_does_not() -> None:
    assert split_units("区经济发展局、交通与建设局，相关乡镇") == ["区经济发展局", "交通与建设局", "相关乡镇"]
    assert split_units("区科技局、有关部门") == ["区科技局"]
    assert split_units("区发改局、相关单位") == ["区发改局"]


def test_a_group_before_a_district_body_is_not_glued_to_part_of_its_name() -> None:
    # “区市” is no place before a body called “场局”
    assert split_units("各街道，区市场局") == ["各街道", "区市场局"]
    assert split_units("各市〔州〕、贵安新区数据管理部门") == [
        "各市〔州〕数据管理部门",
        "贵安新区数据管理部门",
    ]


def test_a_body_working_with_those_concerned_leads_its_task() -> None:
    found = find_units("对成效明显的地区给予奖励。（省发展改革委会同有关部门负责）")
    assert found is not None
    assert (found.names, found.leads) == (["省发展改革委"], ["省发展改革委"])


def test_the_work_named_before_by_is_no_part_of_the_body() -> None:
    found = find_units("（二）活动由知识产权处牵头负责，在活动结束后撰写活动总结并报送省知识产权局。")
    assert found is not None
    assert (found.names, found.leads) == (["知识产权处"], ["知识产权处"])
    # 自由贸易试验区 holds 由 in its name
    found = find_units("（自由贸易试验区管委会牵头）")
    assert found is not None and found.names == ["自由贸易试验区管委会"]


def test_a_body_that_helps_is_read_without_its_verb() -> None:
    found = find_units("牵头单位：资源生态处；配合单位：各村、执法队筹建组负责配合")
    assert found is not None
    assert found.supports == ["各村", "执法队筹建组"]


def test_an_opening_unit_clause_stays_in_the_title_when_the_sentence_goes_on() -> None:
    text = """2031年知识产权宣传周活动方案

一、工作要求
（一）活动由知识产权处牵头负责，在活动结束后撰写活动总结。
（二）办公室负责宣传协调。
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert tasks[0].title == "活动由知识产权处牵头负责，在活动结束后撰写活动总结"
    assert units_of(tasks[0]) == [("知识产权处", "lead")]


def test_units_on_their_own_line_after_a_groups_items_answer_for_each_item() -> None:
    text = """2031年乡村旅游提升行动方案

一、重点任务
（一）丰富旅游产品
1.打造精品线路。串联沿海景点。
2.建设民宿集聚区。新建民宿10家。
（责任单位：区文旅局、区农业农村局，各乡镇人民政府）
（二）完善配套设施
1.建设游客中心。区文旅局负责。
2.新建停车场3个。（责任单位：区住建局）
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    shared = [("区文旅局", "responsible"), ("区农业农村局", "responsible"), ("各乡镇人民政府", "responsible")]
    assert [(t.title, units_of(t)) for t in tasks] == [
        ("打造精品线路", shared),
        ("建设民宿集聚区", shared),
        ("建设游客中心", [("区文旅局", "responsible")]),
        ("新建停车场3个", [("区住建局", "responsible")]),
    ]


def test_items_that_frame_the_work_are_not_tasks_and_a_time_limit_dates_the_others() -> None:
    text = """2031年自建房安全排查整治方案

一、工作任务
（一）全面排查
1.排查内容。
（1）结构安全排查。由区住建局牵头，各街道配合。
（2）经营安全排查。由区市场监管局牵头，各街道配合。
2.排查范围。全区所有经营性自建房。
3.排查时限。2031年6月底前完成所有排查。
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [(t.title, t.deadline) for t in tasks] == [
        ("结构安全排查", date(2031, 6, 30)),
        ("经营安全排查", date(2031, 6, 30)),
    ]


def test_a_span_inside_one_month_ends_on_its_last_day() -> None:
    assert parse_deadline("4月20日至26日", 2031).deadline == date(2031, 4, 26)
    assert parse_deadline("4月20日-26日", 2031).deadline == date(2031, 4, 26)
    assert parse_deadline("4月20日-5月6日", 2031).deadline == date(2031, 5, 6)
    assert parse_deadline("2031年4月20日至26日").deadline == date(2031, 4, 26)


def test_dated_steps_of_a_plan_are_tasks_but_undated_ones_are_not() -> None:
    text = """2031年村级集体经济发展实施方案

一、职责分工
（一）区财政局负责制定扶持办法。
（二）区农业农村局负责业务指导。
二、实施步骤
（一）调查谋划阶段（2031年5月底前）。摸清底数，制定计划。
（二）推进落实阶段（2031年12月底前）。扶持薄弱村加快发展。
（三）总结推广阶段（持续推进）。总结经验，全面推广。
三、保障措施
（一）加强组织领导。
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [(t.title, t.deadline, t.deadline_text) for t in tasks][2:] == [
        ("调查谋划阶段（2031年5月底前）", date(2031, 5, 31), "2031年5月底前"),
        ("推进落实阶段（2031年12月底前）", date(2031, 12, 31), "2031年12月底前"),
        ("总结推广阶段（持续推进）", None, "持续推进"),
    ]
    undated = (
        text.replace("（2031年5月底前）", "").replace("（2031年12月底前）", "").replace("（持续推进）", "")
    )
    assert [t.title for t in leaves(draft_text(undated, "方案.txt").plan)] == [
        "区财政局负责制定扶持办法",
        "区农业农村局负责业务指导",
    ]


def test_items_side_by_side_that_open_with_a_body_doing_them_name_it() -> None:
    text = """2031年平安校园专项整治方案

一、工作内容
1.区交通运输局负责打击非法营运行为；
2.区教育局负责督促学校完善安全设施；
3.区公安局牵头负责整治交通违法行为；
4.各乡镇要组织开展辖区整治。
二、工作要求
1.各单位要加强宣传。
2.各单位要及时报送信息。
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        ("区交通运输局负责打击非法营运行为", [("区交通运输局", "responsible")]),
        ("区教育局负责督促学校完善安全设施", [("区教育局", "responsible")]),
        ("区公安局牵头负责整治交通违法行为", [("区公安局", "lead")]),
        ("各乡镇要组织开展辖区整治", [("各乡镇", "responsible")]),
    ]


def test_one_item_opening_with_a_body_among_others_that_do_not_names_no_unit() -> None:
    text = """2031年科技工作要点

一、重点任务
1.实施科技企业培育行动，新增高新技术企业20家。
2.区科技局要加强科技金融服务。
3.推进创新平台建设，新建研发机构5家。
"""
    tasks = leaves(draft_text(text, "要点.txt").plan)
    assert all(not t.units for t in tasks)


def test_a_problem_table_of_an_inspection_notice_makes_each_problem_a_task() -> None:
    table = table_of(
        ["序号", "存  在  问  题", "整改责任单位"],
        [
            ["1", "滨湖路项目（总投资3亿元）计划2030年12月开工，尚未开工。", "岚城片区\n开发管理局"],
            ["2", "物流中心项目征地滞后。", "区交通投资集团\n区自然资源局"],
            ["3", "审批事项办理超时。", "区效能办（1-2）、区行政审批局（3）区卫健局（4）"],
        ],
    )
    draft = draft_blocks(["关于对第一轮效能督查发现问题开展整改的通知", table], "通知.docx")
    assert [(t.code, units_of(t)) for t in leaves(draft.plan)] == [
        ("1", [("岚城片区开发管理局", "responsible")]),
        ("2", [("区交通投资集团", "responsible"), ("区自然资源局", "responsible")]),
        ("3", [("区效能办", "responsible"), ("区行政审批局", "responsible"), ("区卫健局", "responsible")]),
    ]
    assert leaves(draft.plan)[0].title.startswith("滨湖路项目")


def test_a_layout_ending_in_ju_is_no_bureau() -> None:
    assert not looks_like_unit("建设布局")
    assert not looks_like_unit("新发展格局")
    assert looks_like_unit("区渔业局")


def test_duties_a_party_a_paragraph_name_departments_but_not_whoever() -> None:
    text = """2031年海钓基地建设方案

一、建设内容
（一）建设海上钓场。投放人工鱼礁。
（二）配备海钓船舶。每个基地不少于8艘。
二、任务分工
区渔业行政主管部门：负责基地的组织协调工作。
区文旅局：负责配套服务设施建设。
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        ("建设海上钓场", []),
        ("配备海钓船舶", []),
        ("负责基地的组织协调工作", [("区渔业行政主管部门", "responsible")]),
        ("负责配套服务设施建设", [("区文旅局", "responsible")]),
    ]
    generic = text.replace("区渔业行政主管部门：", "有关部门：")
    assert "有关部门" not in [u.name for t in leaves(draft_text(generic, "方案.txt").plan) for u in t.units]


def test_a_note_that_units_help_every_later_item_makes_them_support_even_without_a_lead() -> None:
    text = """2031年新污染物治理工作方案

一、重点任务
1.开展调查。2031年底前完成调查。（区生态局牵头负责，以下均需各片区配合落实，不再列出）
2.严格禁限措施。（区经发局、区市场监管局按职责分工负责）
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert units_of(tasks[1]) == [
        ("区经发局", "responsible"),
        ("区市场监管局", "responsible"),
        ("各片区", "support"),
    ]


def test_items_opening_with_a_body_and_a_colon_give_it_the_work_after_it() -> None:
    text = """2031年电动自行车消防安全治理方案

一、整治措施及分工
（一）政法综治处:1.落实日常消防安全管理责任。2.组织开展宣传教育。
（二）公安局驻城关工作组：1.加大违法犯罪打击力度。2.规范登记上牌制度。
（三）城南供电所：定期检测供电设施，消除供电隐患。
二、整治步骤
（一）全面部署阶段（2031年7月初）。细化工作措施。
（二）整治攻坚阶段（2031年7月至11月）。集中整治。
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [(t.title, units_of(t), t.deadline) for t in tasks] == [
        ("落实日常消防安全管理责任", [("政法综治处", "responsible")], None),
        ("组织开展宣传教育", [("政法综治处", "responsible")], None),
        ("加大违法犯罪打击力度", [("公安局驻城关工作组", "responsible")], None),
        ("规范登记上牌制度", [("公安局驻城关工作组", "responsible")], None),
        ("定期检测供电设施，消除供电隐患", [("城南供电所", "responsible")], None),
        ("全面部署阶段（2031年7月初）", [], date(2031, 7, 10)),  # 月初: early in the month, as 上旬
        ("整治攻坚阶段（2031年7月至11月）", [], date(2031, 11, 30)),
    ]


def test_one_item_opening_with_a_label_like_name_alone_stays_as_printed() -> None:
    text = """2031年科技工作要点

一、重点任务
（一）科技创新：实施关键核心技术攻关项目10项。（区科技局负责）
（二）推进成果转化。（区科技局负责）
"""
    tasks = leaves(draft_text(text, "要点.txt").plan)
    assert tasks[0].title.startswith("科技创新")


def test_a_field_before_a_colon_and_a_lead_that_organises_name_the_lead() -> None:
    found = find_units("2.非煤矿山领域：由区自然资源局牵头组织，负责对无证开采进行整治。")
    assert found is not None and (found.names, found.leads) == (["区自然资源局"], ["区自然资源局"])
    found = find_units("（1）由县质监局牵头组织，负责对液氨企业进行排查。")
    assert found is not None and found.names == ["县质监局"]


def test_duty_lines_of_bare_fields_and_organs_each_name_their_party() -> None:
    text = """2031年清剿火患工作方案

一、部门职责
教育部门：组织督促学校的火灾隐患排查整治工作。
公安机关：公安消防部门负责对重点单位的排查整治进行指导。
民政部门：组织督促养老机构的火灾隐患排查整治工作。
有关部门：在职责范围内做好排查整治工作。
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [units_of(t) for t in tasks[:3]] == [
        [("教育部门", "responsible")],
        [("公安机关", "responsible")],
        [("民政部门", "responsible")],
    ]
    assert all(u.name != "有关部门" for t in tasks for u in t.units)


def test_a_stage_dates_its_steps_and_a_bracket_after_the_full_stop_dates_its_item() -> None:
    text = """2031年国有资产清查工作方案

一、实施步骤
（一）准备阶段（2月25日-3月25日）
1.成立清查工作领导小组。（区财政局负责）
2.召开清查动员大会。（区财政局负责）
（二）清查阶段
1.梳理资产清单。(4月1日至4月30日)。（区财政局负责）
2.开展专项治理活动，时间：5月1日至12月底。（区财政局负责）
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [(t.title, t.deadline) for t in tasks] == [
        ("成立清查工作领导小组", date(2031, 3, 25)),
        ("召开清查动员大会", date(2031, 3, 25)),
        ("梳理资产清单", date(2031, 4, 30)),
        ("开展专项治理活动，时间：5月1日至12月底", date(2031, 12, 31)),
    ]


def test_a_sentence_after_items_saying_when_they_are_due_dates_each() -> None:
    text = """关于下达2031年保障性安居工程目标任务的通知

一、2031年新开工目标任务
1.中原安置小区1052套，责任单位：区国投公司，所属片区：岚城片区管理局；
2.吉钓安置小区1860套，责任单位：区交投公司，所属片区：金井片区管理局。
以上两个新开工项目必须于2031年9月底前实现开工目标。
二、2031年基本建成目标任务
1.流水安置小区1181套，责任单位：区流水公司。
"""
    tasks = leaves(draft_text(text, "通知.txt").plan)
    assert [(units_of(t), t.deadline) for t in tasks] == [
        ([("区国投公司", "responsible")], date(2031, 9, 30)),
        ([("区交投公司", "responsible")], date(2031, 9, 30)),
        ([("区流水公司", "responsible")], None),
    ]


def test_a_short_name_then_the_sentence_that_says_who_and_a_lone_duty_answer_for_themselves() -> None:
    text = """2031年国有资产清查工作方案

一、工作分工
1、基层单位自查。各基层单位要按照通知要求做好资产清查。
2、主管部门核查。主管部门要对本部门资产清查结果进行核实。
3、物价局负责资产清查过程中需要做的相关工作。
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("各基层单位", "responsible")],
        [("主管部门", "responsible")],
        [("物价局", "responsible")],
    ]


def test_bodies_opening_a_work_sections_paragraph_answer_for_its_items() -> None:
    text = """2031年消防安全责任目标

一、做好各项火灾预防工作
各业务处室、各相关单位、各村（居）要按照属地管理原则抓好落实。
（一）建立常态化火灾隐患排查机制。
（二）更新完善高层建筑底数。
二、发展途径建议
各行政村要充分运用各项政策措施。
（一）依法出租海域使用权。
（二）发展乡村旅游。
三、示范建设
（一）推进消防安全示范村建设。（政法综治处牵头，有关村居配合）
"""
    tasks = leaves(draft_text(text, "目标.txt").plan)
    shared = [("各业务处室", "responsible"), ("各相关单位", "responsible"), ("各村（居）", "responsible")]
    units = {t.title: units_of(t) for t in tasks}
    assert units["建立常态化火灾隐患排查机制"] == shared
    assert units["更新完善高层建筑底数"] == shared
    assert units["推进消防安全示范村建设"] == [("政法综治处", "lead"), ("有关村居", "support")]
    # what villages may do (建议) is not work given to them
    assert units.get("依法出租海域使用权", []) == []


def test_a_duty_list_reads_short_groups_needs_and_a_lead_that_coordinates() -> None:
    text = """2031年控辍保学工作实施方案

一、主要措施
1.社会事业处负责牵头协调，督促各校建立控辍保学机制。
2.各校要摸清学困生的具体数量。
3.各学校需制定控辍保学工作实施方案。
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("社会事业处", "lead")],
        [("各校", "responsible")],
        [("各学校", "responsible")],
    ]


def test_a_units_bracket_closing_the_last_of_a_run_of_items_naming_none_closes_the_run() -> None:
    text = """2031年景区安全专项整治方案

一、整治内容
（一）景区、体育场馆等
1.健全安全生产管理制度。
2.加强特种设备维护保养。
3.做好其他安全隐患的整治。（社会事业处牵头负责，各联合党委、包村工作大队配合）
（二）其他场所
1.加强巡查。（区应急局负责）
2.完善预案。
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    run = [("社会事业处", "lead"), ("各联合党委", "support"), ("包村工作大队", "support")]
    assert [units_of(t) for t in tasks] == [run, run, run, [("区应急局", "responsible")], []]


def test_a_working_groups_duties_are_its_task_and_its_roster_is_no_task() -> None:
    text = """2031年房屋安全隐患排查整治方案

一、组织领导
（一）城北排查整治组
组 长：张三
成 员：城北片各村主干。
工作职责：负责城北片的隐患排查和信息报送工作。
（二）排查整治督查组
组 长：李四
工作职责：负责督查专项行动工作落实。
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        ("负责城北片的隐患排查和信息报送工作", [("城北排查整治组", "responsible")]),
        ("负责督查专项行动工作落实", [("排查整治督查组", "responsible")]),
    ]


def test_a_bracket_listing_thousands_of_units_keeps_each_once_in_printed_order() -> None:
    names = [f"第{i}局" for i in range(3000)]
    text = f"2031年工作要点\n一、重点任务\n1.开展工作。（责任单位：{'、'.join(names + names[:10])}）\n"
    (task,) = leaves(draft_text(text, "单位.txt").plan)
    assert [u.name for u in task.units] == names
