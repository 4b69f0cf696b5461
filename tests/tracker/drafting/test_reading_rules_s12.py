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


RECTIFICATION = [
    "某县环境问题整改方案",
    "一、指导思想",
    "以问题整改为抓手，推动生态环境质量持续改善。",
    "二、主要举措",
    "1.压实整改责任。强化各级党委政府主体责任。",
    "2.加快设施建设。补齐污水处理设施短板。",
    "3.严格执法监管。严厉打击环境违法行为。",
    "附件",
    "整改措施清单",
    "一、污水收集处理能力不足",
    "（一）城区污水管网建设滞后",
    "牵头部门：县住建局",
    "责任部门：县住建局、县水务公司",
    "整改时限：2031年6月底",
    "整改措施：",
    "1.县住建局牵头，县水务公司配合，加快管网建设。",
    "2.县水务公司完成污水厂扩容。",
    "（二）乡镇污水处理设施运行不正常",
    "牵头部门：县生态环境局",
    "责任部门：各乡镇人民政府",
    "整改时限：立行立改，长期坚持",
    "整改措施：",
    "1.各乡镇排查设施运行情况。",
    "2.县生态环境局加强监测。",
    "二、垃圾处理设施建设滞后",
    "（一）垃圾焚烧发电厂未建成",
    "牵头部门：县城管局",
    "整改时限：2031年12月",
    "整改措施：",
    "1.县城管局督促业主加快建设。",
]


def test_measures_under_a_labelled_item_are_its_words_and_the_body_gives_way_to_the_appendix() -> None:
    from tracker.drafting import draft_text

    tasks = leaves(draft_text("\n".join(RECTIFICATION), "方案.txt").plan)
    # the body's 主要举措 name no units; the 附件's items do, by label lines: they are the plan
    assert [t.title for t in tasks] == [
        "城区污水管网建设滞后",
        "乡镇污水处理设施运行不正常",
        "垃圾焚烧发电厂未建成",
    ]
    assert [units_of(t) for t in tasks] == [
        [("县住建局", "lead"), ("县水务公司", "support")],
        [("县生态环境局", "lead"), ("各乡镇人民政府", "support")],
        [("县城管局", "lead")],
    ]
    # “整改时限” is a deadline label; “整改措施：1.……2.……” are the item's words, not tasks
    assert [str(t.deadline) for t in tasks] == ["2031-06-30", "None", "2031-12-31"]
    assert tasks[1].deadline_text and "长期坚持" in tasks[1].deadline_text
    assert "加快管网建设" in tasks[0].content and "完成污水厂扩容" in tasks[0].content


def test_a_body_naming_its_units_keeps_its_tasks_beside_an_appendix() -> None:
    from tracker.drafting import draft_text

    lines = list(RECTIFICATION)
    lines[4] = "1.压实整改责任。强化各级党委政府主体责任。（县委办牵头）"
    lines[5] = "2.加快设施建设。补齐污水处理设施短板。（县住建局牵头）"
    titles = [t.title for t in leaves(draft_text("\n".join(lines), "方案.txt").plan)]
    assert "压实整改责任" in titles and "城区污水管网建设滞后" in titles


def test_a_主抓单位_line_is_a_label_of_bodies_working_under_the_lead() -> None:
    from tracker.drafting import draft_text

    text = "\n".join(
        [
            "某片区人居环境整治任务分工方案",
            "一、开展村庄清洁行动",
            "（一）开展村庄清洁行动。清理农村生活垃圾。",
            "牵头单位：农业农村处",
            "主抓单位：农业农村处、交通与建设处",
            "责任单位：交通与建设处、党政办公室",
            "（二）推进厕所革命。改造农村户厕。",
            "牵头单位：社会事业处",
            "落实单位：各行政村",
        ]
    )
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("农业农村处", "lead"), ("交通与建设处", "support"), ("党政办公室", "support")],
        [("社会事业处", "lead"), ("各行政村", "support")],
    ]


def test_brackets_of_bodies_that_guide_close_tasks_and_a_paragraph_of_two_names_its_group() -> None:
    from tracker.drafting import draft_text

    text = "\n".join(
        [
            "某试点工作方案",
            "一、主要任务",
            "（一）强化顶层设计引领，发挥政府宏观指导作用。建立试点指标体系，发挥导向作用。研究建立指标体系。"
            "（甲部牵头，乙部、丙部参与）",
            "优化管理体制机制，强化部门协作。建立部门责任清单。（甲部指导）",
            "开展绿色设计和供应链建设。大力推行绿色设计，减少有毒原料使用。（乙部、丁部指导）"
            "以电池为重点，落实生产者责任延伸制度。（丁部、戊局负责）",
        ]
    )
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [t.title for t in tasks] == [
        "建立试点指标体系，发挥导向作用",
        "优化管理体制机制，强化部门协作",
        "大力推行绿色设计，减少有毒原料使用",
        "以电池为重点，落实生产者责任延伸制度",
    ]
    # a bracket printing no 牵头 names bodies that answer alike, whatever their verb
    assert [units_of(t) for t in tasks][1:] == [
        [("甲部", "responsible")],
        [("乙部", "responsible"), ("丁部", "responsible")],
        [("丁部", "responsible"), ("戊局", "responsible")],
    ]


def test_a_line_labels_units_only_where_its_label_names_bodies() -> None:
    from tracker.drafting.labels import labels_units

    assert labels_units("牵头部门：县住建局") and labels_units("主抓单位：农业农村处")
    assert labels_units("配合单位：县财政局")
    # a person, a deadline, the measures to come: no units
    assert not labels_units("责任领导：张三") and not labels_units("整改时限：2031年6月底")
    assert not labels_units("整改措施：")
