"""Reading rules of session 23, each found on a document of session 22's unseen sets.

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

import datetime as dt

from draft_helpers import leaves, table_of, units_of

from tracker.drafting.draft import draft_blocks, draft_text


def test_a_problem_laid_out_under_field_headings_is_one_task() -> None:
    text = "\n".join(
        [
            "某市督察反馈问题整改完成情况公示",
            "现将该问题整改完成情况公示如下：",
            "一、整改问题",
            "督察组抽查发现5处砂场未落实扬尘防治措施。其中2处长期露天堆放。",
            "二、整改实施主体",
            "某市住建局、某市水利局",
            "三、重点措施",
            "制定一场一策整改方案，逐一销号。",
            "四、完成时限",
            "2031年底。",
            "五、整改完成情况",
            "5处砂场均已完成整改。",
            "公示时间：2031年3月1日至3月7日。",
        ]
    )
    tasks = leaves(draft_text(text, "公示.txt").plan)
    assert [(t.title, units_of(t), t.deadline) for t in tasks] == [
        (
            "督察组抽查发现5处砂场未落实扬尘防治措施",
            [("某市住建局", "responsible"), ("某市水利局", "responsible")],
            dt.date(2031, 12, 31),
        )
    ]


def test_a_problem_number_line_with_label_lines_is_one_task() -> None:
    text = "\n".join(
        [
            "某县关于督察反馈意见第9项问题整改销号的公示",
            "问题编号9：湿地公园违规建设问题突出。",
            "责任单位：县林草局、县自然资源局",
            "整改目标：违规建筑全部拆除，生态得到恢复。",
            "完成情况：已拆除违规建筑3处。",
            "以上整改情况向社会公示。",
        ]
    )
    tasks = leaves(draft_text(text, "公示.txt").plan)
    assert [(t.code, t.title, units_of(t)) for t in tasks] == [
        ("9", "湿地公园违规建设问题突出", [("县林草局", "responsible"), ("县自然资源局", "responsible")])
    ]


def test_a_numbered_problem_with_only_its_aim_is_titled_by_the_aim() -> None:
    text = "\n".join(
        [
            "某县督察反馈问题第十二项整改任务完成情况公示",
            "一、督察反馈问题整改情况",
            "问题编号：第十二项",
            "整改目标：提升污水收集能力，城区污水集中收集率达到80%以上。",
            "整改时限：2031年6月底前",
            "责任单位：县住建局",
            "整改情况：已完成管网改造12公里。",
        ]
    )
    tasks = leaves(draft_text(text, "公示.txt").plan)
    assert [(t.title, units_of(t), t.deadline, t.deadline_text) for t in tasks] == [
        (
            "提升污水收集能力，城区污水集中收集率达到80%以上",
            [("县住建局", "responsible")],
            dt.date(2031, 6, 30),
            "2031年6月底前",
        )
    ]


def test_a_two_column_form_table_of_one_problem_is_one_task() -> None:
    blocks = [
        table_of(
            ["整改任务概述", "部分乡镇污水处理能力不足。"],
            [
                ["整改责任单位", "某区"],
                ["整改目标", "新建污水处理站3座。"],
                ["整改时间", "2030年6月至2031年12月"],
                ["社会监督联系人及电话", "张三13800000000"],
            ],
        )
    ]
    tasks = leaves(draft_blocks(blocks, "公示表.docx").plan)
    assert [(t.title, units_of(t), t.deadline) for t in tasks] == [
        ("部分乡镇污水处理能力不足", [("某区", "responsible")], dt.date(2031, 12, 31))
    ]


def test_a_list_of_problems_each_with_its_fields_is_not_folded_into_one() -> None:
    text = "\n".join(
        [
            "某县整改清单",
            "1．河道垃圾清理不及时。",
            "责任单位：县水利局",
            "整改时限：2031年6月底前",
            "2．农村厕所改造滞后。",
            "责任单位：县农业农村局",
            "整改时限：2031年9月底前",
        ]
    )
    tasks = leaves(draft_text(text, "清单.txt").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        ("河道垃圾清理不及时", [("县水利局", "responsible")]),
        ("农村厕所改造滞后", [("县农业农村局", "responsible")]),
    ]


def test_a_task_table_keyed_by_the_problem_an_inspection_handed_over() -> None:
    blocks = [
        "关于督察组交办问题办理结果的通报",
        table_of(
            ["序号", "交办问题基本情况", "涉及区县及部门", "调查核实情况"],
            [["1", "某镇某村长期收购拆解报废汽车，污染周边环境。", "某县、市生态环境局", "经查属实。"]],
        ),
    ]
    tasks = leaves(draft_blocks(blocks, "通报.docx").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        (
            "某镇某村长期收购拆解报废汽车，污染周边环境",
            [("某县", "responsible"), ("市生态环境局", "responsible")],
        )
    ]


def test_the_comma_rule_makes_the_names_before_the_comma_leads() -> None:
    text = "\n".join(
        [
            "某省推进科技成果转化实施方案",
            "1.建设中试平台。布局一批概念验证中心。〔责任单位：科技厅，省发展改革委、教育厅（逗号前为牵头单位，下同）〕",
            "2.壮大技术经理人队伍。开展培训。〔责任单位：人力资源社会保障厅、科技厅〕",
            "3.完善金融支持。设立成果转化基金。〔责任单位：财政厅、科技厅，省地方金融管理局〕",
        ]
    )
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("科技厅", "lead"), ("省发展改革委", "support"), ("教育厅", "support")],
        [("人力资源社会保障厅", "lead"), ("科技厅", "lead")],
        [("财政厅", "lead"), ("科技厅", "lead"), ("省地方金融管理局", "support")],
    ]


def test_a_sentence_naming_every_body_of_one_kind_gives_the_item_to_them() -> None:
    text = "\n".join(
        [
            "某区医疗领域突出问题专项治理方案",
            "一、工作措施",
            "1．建章立制。形成长效机制。",
            "责任单位：区卫健局",
            "2．自查自纠。各基层医疗卫生机构严格按照方案要求，组织开展自查自纠。",
            "3．定期检查。结合年度考核，每半年开展1次专项检查。",
        ]
    )
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        ("建章立制", [("区卫健局", "responsible")]),
        ("自查自纠", [("各基层医疗卫生机构", "responsible")]),
        ("定期检查", []),
    ]


def test_a_body_whose_name_holds_ying_ji_or_ends_in_its_other_name_is_read_as_the_subject() -> None:
    text = "\n".join(
        [
            "某区排水管理体制改革实施方案",
            "一、改革任务",
            "1．方案编制。由区建管委（区水务局）编制实施方案，报市水务局评审。",
            "2．预案修订。市应急管理局将组织修订防汛应急预案。",
            "3．考核制定。按照市水务局要求，由区财政局制定考核办法。",
            "4．设施移交。年底前，由区建管委（区水务局）委托城投集团分批接管。",
        ]
    )
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("区建管委（区水务局）", "responsible")],
        [("市应急管理局", "responsible")],
        [("区财政局", "responsible")],
        [("区建管委（区水务局）", "responsible")],
    ]


def test_a_tasks_last_clause_saying_when_it_is_done_is_its_deadline() -> None:
    text = "\n".join(
        [
            "某市2031年重点工程任务分解",
            "一、市文博馆",
            "1.规划馆布展，4月20日前完成。",
            "责任单位：市规划局。",
            "2.室外广场硬化、绿化，5月中旬完工。",
            "责任单位：东城区管委会。",
        ]
    )
    tasks = leaves(draft_text(text, "分解.txt").plan)
    assert [(t.deadline, t.deadline_text) for t in tasks] == [
        (dt.date(2031, 4, 20), "4月20日前完成"),
        (dt.date(2031, 5, 20), "5月中旬完工"),
    ]


def test_bare_places_before_a_place_named_with_its_kind_share_the_kind() -> None:
    text = "\n".join(
        [
            "某市政府工作报告任务分解",
            "1.地区生产总值增长8%左右。（牵头单位：市发改局；责任单位：市统计局，红星、白湖管理区）",
        ]
    )
    tasks = leaves(draft_text(text, "分解.txt").plan)
    assert units_of(tasks[0]) == [
        ("市发改局", "lead"),
        ("市统计局", "support"),
        ("红星管理区", "support"),
        ("白湖管理区", "support"),
    ]


def test_member_units_beside_a_lead_support_it_and_a_rosters_members_are_no_units() -> None:
    text = "\n".join(
        [
            "某省科技成果转化工程任务分工",
            "一、组织机构",
            "（一）成立领导小组。",
            "组长：张三",
            "成员单位：省发展改革委、教育厅",
            "二、任务分工",
            "（一）政策法规。",
            "牵头单位：科技厅",
            "成员单位：省发展改革委、教育厅、财政厅等。",
            "主要任务：贯彻落实促进科技成果转化条例。",
            "（二）规划计划。",
            "牵头单位：科技厅",
            "成员单位：省发展改革委、农业厅等。",
            "主要任务：组织专家研究制定科技成果转化规划。",
        ]
    )
    tasks = [t for t in leaves(draft_text(text, "分工.txt").plan) if t.units]
    assert [(t.title, units_of(t)) for t in tasks] == [
        (
            "政策法规",
            [("科技厅", "lead"), ("省发展改革委", "support"), ("教育厅", "support"), ("财政厅", "support")],
        ),
        ("规划计划", [("科技厅", "lead"), ("省发展改革委", "support"), ("农业厅", "support")]),
    ]


def test_bodies_parted_by_a_comma_before_the_lead_clause_lead_with_it() -> None:
    text = "\n".join(
        [
            "某区巩固拓展脱贫攻坚成果任务清单",
            "（一）优化村庄建设用地布局。（各片区管理局，区资源生态局牵头，经济发展局、交通建设局等按职责分工负责）",
            "（二）完善供水响应机制。（区农业农村局牵头，各片区管理局负责）",
        ]
    )
    tasks = leaves(draft_text(text, "清单.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [
            ("各片区管理局", "lead"),
            ("区资源生态局", "lead"),
            ("经济发展局", "support"),
            ("交通建设局", "support"),
        ],
        [("区农业农村局", "lead"), ("各片区管理局", "support")],
    ]


def test_a_form_of_field_names_over_their_values_is_one_task() -> None:
    text = "\n".join(
        [
            "具体任务",
            "全面完成老年人群疫苗接种。新建社区卫生服务中心2个。",
            "责任单位",
            "卫健局、文旅局",
            "配合单位",
            "各乡镇",
            "完成时限",
            "2031年12月底前",
        ]
    )
    tasks = leaves(draft_text(text, "分解.txt").plan)
    assert [(t.title, units_of(t), t.deadline) for t in tasks] == [
        (
            "全面完成老年人群疫苗接种",
            [("卫健局", "lead"), ("文旅局", "lead"), ("各乡镇", "support")],
            dt.date(2031, 12, 31),
        )
    ]


def test_a_bracket_inside_a_label_is_judged_by_the_nearest_label_before_it() -> None:
    text = "\n".join(
        [
            "某市工作要点",
            "1.做好甲项工作。责任单位：市市场监管局（知识产权局）。",
            "2.做好乙项工作。（责任单位：市科技局）",
        ]
    )
    tasks = leaves(draft_text(text, "要点.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("市市场监管局（知识产权局）", "responsible")],
        [("市科技局", "responsible")],
    ]
