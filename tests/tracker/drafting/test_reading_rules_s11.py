"""Reading rules of session 11: a division of work clause by clause, the bodies an item's
sentences name, bare places sharing a 片区 body.

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

from draft_helpers import leaves, units_of

from tracker.drafting import draft_text
from tracker.drafting.division import read_division
from tracker.drafting.subjects import subject_units
from tracker.drafting.units import split_units


def test_a_division_label_gives_each_body_the_part_its_clause_says() -> None:
    text = "\n".join(
        [
            "某区2025年人居环境提升实施方案",
            "一、重点项目",
            "（一）建设口袋公园",
            "实施内容：新建口袋公园6个。",
            "责任分工：由区规划局负责规划设计，东湖、西湖片区管理局组织实施，区直有关部门配合，区建设局业务检查指导。",
            "（二）改造老旧小区",
            "实施内容：改造老旧小区12个。",
            "责任分工：区住建局负责，区城投公司组织实施，区直各部门各司其职，协同配合。",
            "（三）整治背街小巷",
            "责任分工：区城管局负责方案编制，各街道办事处具体负责实施。",
        ]
    )
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [
            ("区规划局", "lead"),
            ("东湖片区管理局", "lead"),
            ("西湖片区管理局", "lead"),
            ("区直有关部门", "support"),
            ("区建设局", "support"),
        ],
        [("区住建局", "lead"), ("区城投公司", "lead"), ("区直各部门", "support")],
        # no clause names a helper: the bodies answer alike
        [("区城管局", "responsible"), ("各街道办事处", "responsible")],
    ]


def test_a_division_clause_that_says_lead_names_the_only_leads() -> None:
    division = read_division("县科技局牵头制定方案，县财政局负责资金保障，县统计局配合")
    assert division is not None
    assert (division.leads, division.supports) == (["县科技局"], ["县财政局", "县统计局"])


def test_one_clause_or_clauses_naming_no_body_are_no_division() -> None:
    assert read_division("区规划局负责规划编制工作") is None  # a plain list, read elsewhere
    assert read_division("按照规划要求，抓紧组织实施，确保年底完成") is None
    # the words before 由 name the work, not a body
    division = read_division("一期项目由区交通公司负责实施，其他项目由各片区管理局负责实施，区直部门配合")
    assert division is not None
    assert division.names == ["区交通公司", "各片区管理局", "区直部门"]


def test_bare_places_before_a_place_with_its_kind_and_body_share_them() -> None:
    assert split_units("金井、澳前片区开发管理局") == ["金井片区开发管理局", "澳前片区开发管理局"]
    assert split_units("东湖、西湖高新区管委会") == ["东湖高新区管委会", "西湖高新区管委会"]
    # a body already whole keeps its name
    assert split_units("市科技局、高新区管委会") == ["市科技局", "高新区管委会"]


def test_an_item_printing_no_units_takes_the_bodies_its_sentences_give_the_work() -> None:
    text = "\n".join(
        [
            "某区环境整治实施方案",
            "一、主要任务",
            "（一）整治河道。清理河道垃圾20公里（区水利局牵头，各街道配合）。",
            "二、保障措施",
            "（一）健全工作机制。建立月调度制度（区住建局牵头，各街道配合）。",
            "（二）落实资金保障。在专项资金支持的基础上，由区财政局根据总体方案制定资金配套方案。",
            "（三）做好宣传发动。加大宣传力度，区融媒体中心要开辟专栏，区教育局应组织学生参与。",
        ]
    )
    draft = draft_text(text, "方案.txt")
    tasks = {t.title: t for t in leaves(draft.plan)}
    assert units_of(tasks["落实资金保障"]) == [("区财政局", "responsible")]
    assert units_of(tasks["做好宣传发动"]) == [("区融媒体中心", "responsible"), ("区教育局", "responsible")]
    # the officer is told where the units came from
    assert any(w.startswith("二（二）") and "取自句中" in w for w in draft.warnings)
    assert [(m.task, m.kind) for m in draft.marks if m.kind == "from_sentence"] == [
        ("二（二）", "from_sentence"),
        ("二（三）", "from_sentence"),
    ]
    assert sum("取自句中" in w for w in draft.warnings) == 2  # said once per task, not again by its mark


def test_sentence_subjects_stay_bodies() -> None:
    assert subject_units("各单位要高度重视，各有关部门要加强协作。") is None
    assert subject_units("筛选有条件的企业作为试点。") is None  # a phrase, not a body
    assert subject_units("县科技局牵头制定细则，县财政局要保障经费。") == (
        ["县科技局", "县财政局"],
        ["县科技局"],
    )


def test_items_under_a_line_heading_one_bodys_duties_are_that_bodys() -> None:
    text = "\n".join(
        [
            "关于下达2030年区直有关部门安全生产目标责任的通知",
            "区直各单位：",
            "现将目标责任下达给你们，请认真落实。",
            "附件",
            "2030年某区应急管理局安全生产目标责任",
            "一、统筹全区安全生产工作。组织开展安全生产大检查。",
            "二、加强应急救援队伍建设。新建专业救援队伍2支。",
            "2030年某区住房和城乡建设局安全生产目标责任",
            "一、加强建筑施工安全监管。开展建筑施工安全专项整治。",
            "二、推进燃气安全整治。（区城管局配合）",
        ]
    )
    tasks = leaves(draft_text(text, "通知.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("某区应急管理局", "responsible")],
        [("某区应急管理局", "responsible")],
        [("某区住房和城乡建设局", "responsible")],
        # an item printing units of its own keeps them
        [("区城管局", "support")],
    ]


def test_one_line_ending_in_a_list_word_binds_nothing() -> None:
    text = "\n".join(
        [
            "2030年某区科学技术局重点任务",
            "一、培育高新技术企业。新增高新技术企业10家。（区科技局负责）",
            "二、建设创新平台。新建研发机构3家。",
        ]
    )
    tasks = leaves(draft_text(text, "要点.txt").plan)
    # (a title naming a body and its 重点任务 is one such line: it binds no item)
    assert units_of(tasks[1]) == []


def test_goals_under_a_目标要求_heading_are_the_plans_with_the_years_their_sentences_print() -> None:
    text = "\n".join(
        [
            "某区畅通城市三年行动计划（2030-2032年）",
            "一、目标要求",
            "（一）道路承载能力明显提高。2030年，建成区路网密度提高到6.5公里/平方公里；到2032年，路网密度达到7.5公里/平方公里。",
            "（二）公交出行比重显著提高。新增公交线路3条以上。",
            "二、主要任务",
            "（一）加快道路建设。新改扩建城市道路20公里。（区住建局牵头，区交通局配合）",
        ]
    )
    plan = draft_text(text, "计划.txt").plan
    found = {(m.name, t.year, t.comparator, t.value) for m in plan.metrics for t in m.targets}
    assert any(year == 2030 and value == 6.5 for _, year, _, value in found)
    assert any(year == 2032 and value == 7.5 for _, year, _, value in found)
    assert any(year == 2032 and comparator == ">=" and value == 3 for _, year, comparator, value in found)


def test_a_scoring_department_column_is_no_unit_and_a_年度目标_column_holds_the_years_goals() -> None:
    from draft_helpers import merged_table

    from tracker.drafting.draft import draft_blocks

    # the 考核指标 cell merged down over its rows groups them (as Word holds a printed group)
    table = merged_table(
        [
            ["序号", "考核指标", "考核内容", "单位", "年度目标", "责任部门", "评分部门"],
            ["1", "保障粮食供给", "粮食播种面积", "万亩", "0.5", "县农业农村局", "市农业农村局"],
            ["2", "保障粮食供给", "农业增加值增幅", "%", "≥3%", "县农业农村局\n县统计局", "市统计局"],
            ["3", "保障粮食供给", "粮食安全责任制", "-", "良好以上", "县发改局", "市发改委"],
        ],
        [(2, 2, 4, 2)],
    )
    plan = draft_blocks(["2031年某县乡村振兴任务清单", table], "清单.docx").plan
    tasks = leaves(plan)
    assert [t.title for t in tasks] == ["粮食播种面积", "农业增加值增幅", "粮食安全责任制"]
    # the city department that scores the county is no unit of the county's task
    assert [units_of(t) for t in tasks] == [
        [("县农业农村局", "responsible")],
        [("县农业农村局", "responsible"), ("县统计局", "responsible")],
        [("县发改局", "responsible")],
    ]
    goals = [[(g.year, g.comparator, g.value) for m in t.metrics for g in m.targets] for t in tasks]
    assert goals == [[(2031, "=", 0.5)], [(2031, ">=", 3.0)], []]
    assert tasks[0].metrics[0].unit == "万亩"
