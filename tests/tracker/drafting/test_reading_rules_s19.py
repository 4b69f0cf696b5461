"""Reading rules of session 19, each found on a document of session 18's unseen sets.

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

from draft_helpers import leaves, merged_table, units_of

from tracker.drafting.draft import draft_blocks


def test_a_bare_unit_column_beside_a_duty_column_gives_each_duty_to_its_body() -> None:
    table = merged_table(
        [
            ["单位", "职责分工"],
            ["区规划资源局", "牵头制定年度整治计划，组织验收。"],
            ["区财政局", "负责落实整治所需资金。"],
            ["各街镇", "落实属地责任，逐块推进整治。"],
        ],
        [],
    )
    plan = draft_blocks(["附件2", "协调机制成员单位职责分工", table], "职责.docx").plan
    assert [(t.title, units_of(t)) for t in leaves(plan)] == [
        ("牵头制定年度整治计划，组织验收", [("区规划资源局", "responsible")]),
        ("负责落实整治所需资金", [("区财政局", "responsible")]),
        ("落实属地责任，逐块推进整治", [("各街镇", "responsible")]),
    ]


def test_a_unit_of_measure_column_beside_an_indicator_names_no_body() -> None:
    """A guard: the bare-单位 rule must leave a column of measures alone (passes without it)."""
    table = merged_table(
        [
            ["序号", "指标", "单位", "2025年目标", "责任单位"],
            ["1", "高新技术企业数", "家", "120", "区科技局"],
            ["2", "研发投入强度", "%", "3.2", "区科技局"],
        ],
        [],
    )
    plan = draft_blocks(["指标分解表", table], "指标.docx").plan
    assert [units_of(t) for t in leaves(plan)] == [[("区科技局", "responsible")]] * 2


def test_a_requirement_head_over_a_number_and_its_words_makes_each_numbered_requirement_a_task() -> None:
    table = merged_table(
        [
            ["工作任务", "具体要求", "", "责任科室", "时限要求"],
            ["规范文件公开", "1", "全面清理行政规范性文件，公布有效目录。", "办公室", "年底前"],
            ["做好主动公开", "2", "规范发布法定主动公开内容。", "各科室", "持续推进"],
            ["", "3", "按时编制发布年度报告。", "办公室", "持续推进"],
        ],
        [(1, 2, 1, 3), (3, 1, 4, 1)],
    )
    plan = draft_blocks(["重点任务清单", table], "清单.docx").plan
    assert [(t.title, units_of(t), t.deadline_text) for t in leaves(plan)] == [
        ("全面清理行政规范性文件，公布有效目录", [("办公室", "responsible")], "年底前"),
        ("规范发布法定主动公开内容", [("各科室", "responsible")], "持续推进"),
        ("按时编制发布年度报告", [("办公室", "responsible")], "持续推进"),
    ]


def test_unnumbered_points_naming_their_units_over_numbered_problems_are_one_task_each() -> None:
    lines = [
        "3月5日，市创文办对城区社区进行暗访督查，现将问题曝光如下：",
        "南门社区（责任单位：城东街道南门社区）",
        "1、便民服务大厅无人值守",
        "2、楼道堆放杂物",
        "北湖街道办：（责任单位：北湖街道办事处）",
        "1、未设置无障碍通道。",
        "2、消防栓未年检。",
        "3、垃圾未及时清运。",
    ]
    plan = draft_blocks(lines, "曝光台.txt").plan
    tasks = leaves(plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        ("南门社区", [("城东街道南门社区", "responsible")]),
        ("北湖街道办", [("北湖街道办事处", "responsible")]),
    ]
    assert "楼道堆放杂物" in tasks[0].content and "垃圾未及时清运" in tasks[1].content


def test_a_notice_setting_one_date_for_the_problems_it_lists_gives_each_that_date() -> None:
    lines = [
        "某区人民政府督查室关于环境卫生检查情况的整改通知",
        "各街道办事处、区住建局：",
        "经检查，共梳理出问题3条，请各相关单位对存在的问题立即整改，并于2024年6月10日前将问题整改完成，"
        "整改情况于6月12日前报区政府督查室。",
        "1.东街垃圾堆放。（责任单位：东街街道）",
        "2.北路路面破损。（责任单位：区住建局）",
        "3.南巷围挡缺失。（责任单位：区住建局；整改时限：6月5日前）",
    ]
    tasks = leaves(draft_blocks(lines, "通知.txt").plan)
    assert [(t.deadline_text, str(t.deadline)) for t in tasks] == [
        ("2024年6月10日前", "2024-06-10"),
        ("2024年6月10日前", "2024-06-10"),
        ("6月5日前", "2024-06-05"),
    ]


def test_a_date_for_sending_a_report_back_is_no_deadline_of_the_items() -> None:
    """A guard: a report date in the notice leaves the items undated (passes without the rule)."""
    lines = [
        "关于开展安全检查的通知",
        "各单位：请于2024年6月12日前将检查情况报区安委办。",
        "1.检查消防通道。（责任单位：区消防救援大队）",
        "2.检查燃气管道。（责任单位：区住建局）",
    ]
    assert [t.deadline for t in leaves(draft_blocks(lines, "通知.txt").plan)] == [None, None]


def test_numbered_duties_naming_their_body_as_a_sentence_of_its_own_answer_to_that_body() -> None:
    lines = [
        "二、职责分工",
        "1.街道安委办。牵头开展老人居家安全检查，建立风险台账。",
        "2.派出所。配合开展上门走访，确认隐患。",
        "3.服务办。负责收集居委上报的老人信息。",
        "三、工作要求",
        "（一）统一思想认识。各单位要高度重视。",
    ]
    tasks = leaves(draft_blocks(lines, "方案.txt").plan)
    assert [(t.title, units_of(t)) for t in tasks[:3]] == [
        ("牵头开展老人居家安全检查，建立风险台账", [("街道安委办", "responsible")]),
        ("配合开展上门走访，确认隐患", [("派出所", "responsible")]),
        ("负责收集居委上报的老人信息", [("服务办", "responsible")]),
    ]


def test_a_partner_worked_with_loses_the_verb_and_a_field_run_into_the_units_is_cut_off() -> None:
    lines = [
        "一、重点任务",
        "1.空气质量预报。发布空气质量预测预报信息。（监测司牵头，会同大气司落实）",
        "2.老旧小区改造",
        "牵头单位：县住建局",
        "责任单位：城关镇任务目标：2024年改造完成城关镇东巷小区。",
    ]
    tasks = leaves(draft_blocks(lines, "要点.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("监测司", "lead"), ("大气司", "support")],
        [("县住建局", "lead"), ("城关镇", "support")],
    ]


def test_a_main_office_column_leads_and_a_co_office_column_helps() -> None:
    table = merged_table(
        [
            ["序号", "建议标题", "领衔", "主办单位", "会办单位"],
            ["1", "关于加强乡村学校建设的建议", "某代表", "省教育厅", "省财政厅"],
            ["2", "关于扩大职业教育招生的建议", "某代表", "省人社厅", "省教育厅\n省财政厅"],
        ],
        [],
    )
    plan = draft_blocks(["重点督办建议分工表", table], "分工表.docx").plan
    assert [units_of(t) for t in leaves(plan)] == [
        [("省教育厅", "lead"), ("省财政厅", "support")],
        [("省人社厅", "lead"), ("省教育厅", "support"), ("省财政厅", "support")],
    ]


def test_records_printed_label_over_value_are_one_task_each() -> None:
    record = [
        "交办单编号：",
        "{n}",
        "责任单位：",
        "{who}",
        "交办类别：",
        "专员办",
        "整改时限：",
        "2024年8月31日前",
        "交办单标题：",
        "关于{what}问题交办的通知",
        "交办内容：",
        "核查发现{what}问题尚未整改到位，请立即组织整改。",
        "整改资料：",
    ]
    lines = [
        line.format(n=n, who=who, what=what)
        for n, who, what in ((12, "市市政工程处", "东河水体黑臭"), (13, "某某区人民政府", "西河垃圾堆放"))
        for line in record
    ]
    tasks = leaves(draft_blocks(lines, "交办单.txt").plan)
    assert [(t.code, t.title, units_of(t), str(t.deadline)) for t in tasks] == [
        ("12", "关于东河水体黑臭问题交办的通知", [("市市政工程处", "responsible")], "2024-08-31"),
        ("13", "关于西河垃圾堆放问题交办的通知", [("某某区人民政府", "responsible")], "2024-08-31"),
    ]
    assert "尚未整改到位" in tasks[0].content


def test_two_items_ending_as_an_office_might_name_no_office() -> None:
    """A guard: “积极安排部署。重点跟踪督办。” are measures, not offices (passes without the rule)."""
    lines = [
        "一、工作措施（区人大办负责）",
        "1.积极安排部署。制定落实台账，细化执行措施。",
        "2.重点跟踪督办。确定专人成立督办小组。",
    ]
    tasks = leaves(draft_blocks(lines, "措施.txt").plan)
    assert all(("重点跟踪督办", "responsible") not in units_of(t) for t in tasks)
    assert all(("积极安排部署", "responsible") not in units_of(t) for t in tasks)
