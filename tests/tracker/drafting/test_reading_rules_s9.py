"""Reading rules of session 9: units pushing the work on (推进单位), …

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

from draft_helpers import leaves, units_of

from tracker.drafting import draft_text
from tracker.drafting.units import split_units


def test_a_pushing_units_label_helps_the_lead_and_a_lead_pushing_label_names_co_leads() -> None:
    text = "\n".join(
        [
            "关于实施补短板项目的通知",
            "一、公共交通项目。完善城市主次干道路网。",
            "牵头单位：区交通局。",
            "推进单位：各片区管理局、区规划局。",
            "二、停车场项目。新建公共停车场。",
            "牵头推进单位：区交通局、区规划局。",
        ]
    )
    tasks = leaves(draft_text(text, "通知.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("区交通局", "lead"), ("各片区管理局", "support"), ("区规划局", "support")],
        [("区交通局", "lead"), ("区规划局", "lead")],
    ]


def test_a_stage_keeps_its_dates_in_its_name_and_is_due_when_it_ends() -> None:
    text = "\n".join(
        [
            "关于开展校园周边环境整治行动的方案",
            "一、行动安排",
            "（一）排查阶段（3月1日至3月20日）",
            "区教育局牵头摸清校园周边经营户底数。",
            "（二）整治阶段（3月21日至5月31日）",
            "区市场监管局牵头开展集中整治。",
            "二、工作任务",
            "（一）全面摸底排查（2025年4月30日前）。（区教育局负责）",
        ]
    )
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [t.title for t in tasks] == [
        "排查阶段（3月1日至3月20日）",
        "整治阶段（3月21日至5月31日）",
        "全面摸底排查",
    ]
    assert [t.deadline.isoformat() if t.deadline else None for t in tasks] == [
        "2025-03-20",
        "2025-05-31",
        "2025-04-30",
    ]


def test_a_campaigns_goals_and_requirements_are_no_tasks() -> None:
    text = "\n".join(
        [
            "关于开展出租车市场整治行动的方案",
            "一、行动目标",
            "（一）规范经营秩序。杜绝拒载绕道。",
            "（二）提升服务质量。群众满意度明显提高。",
            "二、主要任务及分工",
            "（一）区交通局：加强企业源头管控。",
            "（二）区公安局：打击非法营运车辆。",
            "三、行动要求",
            "（一）提高认识，落实责任。各单位要高度重视。",
            "（二）依法行政，文明执法。坚持依法办事。",
        ]
    )
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        ("加强企业源头管控", [("区交通局", "responsible")]),
        ("打击非法营运车辆", [("区公安局", "responsible")]),
    ]


def test_an_item_headed_by_a_time_alone_is_its_paragraphs_task_due_when_the_time_ends() -> None:
    text = "\n".join(
        [
            "2025年度危险废物规范化管理督查考核工作计划",
            "一、考核时间安排",
            "（一）一季度",
            "组织对全区产废单位开展“回头看”督查。4月15日前报送督查情况。",
            "（二）下半年",
            "由局污防处组织开展现场考核，形成考核报告。",
        ]
    )
    tasks = leaves(draft_text(text, "计划.txt").plan)
    assert [(t.title, t.deadline.isoformat() if t.deadline else None) for t in tasks] == [
        ("组织对全区产废单位开展“回头看”督查", "2025-03-31"),
        ("由局污防处组织开展现场考核，形成考核报告", "2025-12-31"),
    ]


def test_an_item_headed_by_a_task_with_a_month_keeps_its_name() -> None:
    text = "\n".join(
        [
            "2025年科技工作要点",
            "一、重点任务",
            "（一）3月底前完成高企申报辅导",
            "组织辅导企业100家。（区科技局负责）",
            "（二）开展科技特派员下乡",
            "全年服务企业50家。（区农业局负责）",
        ]
    )
    tasks = leaves(draft_text(text, "要点.txt").plan)
    assert [t.title for t in tasks] == ["3月底前完成高企申报辅导", "开展科技特派员下乡"]


def test_a_reports_next_steps_are_its_tasks_not_what_it_reports() -> None:
    text = "\n".join(
        [
            "关于科技项目专项督查情况的通报",
            "一、工作开展基本情况",
            "（一）部门工作情况",
            "区科技局：制定项目验收办法，完成验收12项。",
            "区财政局：拨付资金3000万元。",
            "二、存在的主要问题",
            "（一）验收进度滞后。部分项目逾期未验收。",
            "三、下一步工作要求",
            "（一）加快项目验收。（区科技局负责）",
            "（二）规范资金拨付。（区财政局负责）",
        ]
    )
    tasks = leaves(draft_text(text, "通报.txt").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        ("加快项目验收", [("区科技局", "responsible")]),
        ("规范资金拨付", [("区财政局", "responsible")]),
    ]


def test_a_plan_without_next_steps_keeps_its_sections_that_name_units() -> None:
    text = "\n".join(
        [
            "关于推进科技成果转化的实施方案",
            "一、基本情况",
            "（一）建设转化平台。（区科技局负责）",
            "二、重点任务",
            "（一）培育技术经理人。（区人社局负责）",
        ]
    )
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [t.title for t in tasks] == ["建设转化平台", "培育技术经理人"]


def test_a_regulations_articles_are_its_items_and_its_general_provisions_are_no_task() -> None:
    text = "\n".join(
        [
            "某县进一步优化营商环境的若干规定",
            "第一章  总  则",
            "第一条  为全面提升行政效能，制定本规定。",
            "第二章  推进改革落地",
            "第二条  推进一窗通办。设立综合窗口。（牵头单位：县政务服务中心；责任单位：县市场监管局）",
            "第三条  推进网上办理。分批次上线事项。（牵头单位：县数据局）",
        ]
    )
    tasks = leaves(draft_text(text, "规定.txt").plan)
    assert [(t.code, t.title) for t in tasks] == [("第二条", "推进一窗通办"), ("第三条", "推进网上办理")]


def test_clauses_that_each_name_their_lead_are_a_task_each() -> None:
    text = "\n".join(
        [
            "全县科技创新工作推进会召开",
            "会议强调，要抓紧抓实各项工作。",
            "为完成全年目标，县长要求，由县科技局牵头，县财政局配合，在9月底前完成高企申报；"
            "由县工信局牵头，县科技局配合，在12月底前完成技改项目验收。其他部门要积极配合。",
        ]
    )
    tasks = leaves(draft_text(text, "会议.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("县科技局", "lead"), ("县财政局", "support")],
        [("县工信局", "lead"), ("县科技局", "support")],
    ]
    assert all(t.title.startswith("由县") for t in tasks)


def test_one_lead_clause_in_a_paragraph_leaves_it_whole() -> None:
    text = "\n".join(
        [
            "关于加强科普工作的通知",
            "一、重点任务",
            "（一）建设科普基地，由县科技局牵头，县教育局配合，年底前建成3个。",
        ]
    )
    tasks = leaves(draft_text(text, "通知.txt").plan)
    assert len(tasks) == 1 and tasks[0].title.startswith("建设科普基地")


def test_a_note_on_the_lists_to_come_closing_a_unit_list_is_no_unit() -> None:
    assert split_units("市政府有关部门，各县市区，以下均需各县市区落实，不再逐一列出") == [
        "市政府有关部门",
        "各县市区",
    ]
    assert split_units("市科技局，市财政局，不再另行分工") == ["市科技局", "市财政局"]
    assert split_units("市科技局、以下各单位") == ["市科技局", "以下各单位"]


def test_a_goals_section_by_year_sets_each_years_goals() -> None:
    text = "\n".join(
        [
            "“十三五”科技创新补短板实施方案",
            "一、发展目标",
            "（一）2016年目标：新增高新技术企业10家。",
            "（二）2018年目标：研发投入强度达到2.5%以上。",
            "二、重点任务",
            "（一）培育创新主体。（区科技局负责）",
        ]
    )
    plan = draft_text(text, "方案.txt").plan
    goals = {(t.year, t.comparator, t.value) for m in plan.metrics for t in m.targets}
    assert {(2016, "=", 10.0), (2018, ">=", 2.5)} <= goals
    assert [t.title for t in leaves(plan)] == ["培育创新主体"]


def test_what_an_inspection_looks_at_is_no_task() -> None:
    text = "\n".join(
        [
            "关于开展科技项目资金专项检查的方案",
            "一、检查重点",
            "（一）重点检查行为",
            "1.虚报冒领项目资金；",
            "2.挤占挪用项目经费。",
            "二、职责分工",
            "（一）区科技局负责组织开展项目检查。（区科技局负责）",
            "（二）区财政局负责资金核查。（区财政局负责）",
        ]
    )
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("区科技局", "responsible")],
        [("区财政局", "responsible")],
    ]


def test_a_goals_chapter_whose_items_are_not_years_does_not_count_its_goals_twice() -> None:
    text = "\n".join(
        [
            "科技创新“十四五”规划",
            "一、指导思想、基本原则与发展目标",
            "（一）指导思想。坚持创新驱动。",
            "（二）发展目标。到2025年，高新技术企业数达到560家。",
            "二、重点任务",
            "（一）培育创新主体。（区科技局负责）",
        ]
    )
    plan = draft_text(text, "规划.txt").plan
    goals = [(t.year, t.value) for m in plan.metrics for t in m.targets]
    assert goals.count((2025, 560.0)) == 1


def test_a_lead_then_bodies_that_each_answer_reads_lead_and_support() -> None:
    from tracker.drafting.units import parse_sentence

    assert parse_sentence("党政办牵头，各处室分别负责") == (["党政办", "各处室"], ["党政办"], ["各处室"])
    text = "关于推进数字化改革的方案\n一、重点任务\n（一）建设数据平台。区科技局牵头，各街道分别负责。\n（二）开展培训。区人社局牵头，各部门配合。"
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert units_of(tasks[0]) == [("区科技局", "lead"), ("各街道", "support")]
