"""Reading rules of session 6: 督查通报 that quote the tasks they single out, and the unit
sentences of national 意见 (several clauses that answer alike, 团中央).

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import docx
import pytest
from draft_helpers import leaves, table_of, units_of

from tracker.cli import main
from tracker.drafting import draft_text
from tracker.drafting.cells import Table
from tracker.drafting.draft import draft_blocks
from tracker.drafting.progress import report_period
from tracker.drafting.reflow import unwrap
from tracker.drafting.targets import find_targets
from tracker.drafting.units import find_units, looks_like_unit, split_units
from tracker.errors import BadInput
from tracker.importers.deadlines import parse_deadline


def test_a_notice_quoting_the_tasks_it_singles_out_drafts_them_with_their_units() -> None:
    text = """2031年第三次区政府常务会议议定事项落实情况的通报

一、总体情况
议定事项20件，已完成12件，正在办理8件。（具体见附表）
二、工作要求
督查发现，需要加快推进的事项2件，如区住建局负责的“完成老旧小区改造一期工程。”截至目前，已完成3个小区；区教育局、区财政局负责的“启动城东学校建设。”目前正在选址。
"""
    tasks = leaves(draft_text(text, "通报.txt").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        ("完成老旧小区改造一期工程", [("区住建局", "responsible")]),
        ("启动城东学校建设", [("区教育局", "responsible"), ("区财政局", "responsible")]),
    ]


def test_one_quoted_task_in_a_report_is_prose_not_a_list_of_tasks() -> None:
    text = """情况通报
一、总体情况
区住建局负责的“完成老旧小区改造一期工程。”已完成。
二、下一步
抓好落实。
"""
    # its sections are a report's (总体情况, 下一步), so nothing in it is a task: refused, clearly
    with pytest.raises(BadInput, match="没有找到任务"):
        draft_text(text, "通报.txt")


def test_clauses_that_each_name_bodies_answering_alike_are_all_responsible() -> None:
    found = find_units(
        "扩大就业。（人力资源社会保障部、财政部、教育部等按职责分工负责，地方各级人民政府负责落实）"
    )
    assert found is not None
    assert found.names == ["人力资源社会保障部", "财政部", "教育部", "地方各级人民政府"]
    assert found.leads == [] and found.supports == []


def test_a_clause_with_an_object_is_no_unit_clause() -> None:
    assert find_units("加快推进。（由市发改委负责，市财政局负责资金保障）") is None


def test_the_youth_league_centre_is_a_body() -> None:
    assert looks_like_unit("共青团中央") and looks_like_unit("团中央")
    found = find_units("开展青年就业见习。（人力资源社会保障部、共青团中央按职责分工负责）")
    assert found is not None and found.names == ["人力资源社会保障部", "共青团中央"]


def test_a_flattened_table_whose_rows_print_every_cell_is_read_by_position() -> None:
    # header words wrapped over two lines; a task named like a place (“……城镇”) before the unit
    cells = [
        "某镇2031年度重点工作计划三季度执行情况",
        "序号",
        "重点工作",
        "责任",
        "领导",
        "责任",
        "科室",
        "攻坚目标",
        "任务",
        "工作任务安排",
        "第三季度",
        "完成情况",
        "1",
        "东溪水库除险加固",
        "张明",
        "水利站",
        "完成主坝加固。",
        "推进溢洪道施工。",
        "主坝加固完成80%。",
        "2",
        "美丽城镇",
        "李华",
        "村镇建设办",
        "创成省级美丽城镇。",
        "实施12个项目。",
        "已开工9个。",
    ]
    plan = draft_text("\n\n".join(cells) + "\n", "执行情况.txt").plan
    tasks = leaves(plan)
    assert [(t.code, t.title, units_of(t), t.leader) for t in tasks] == [
        ("1", "东溪水库除险加固", [("水利站", "responsible")], "张明"),
        ("2", "美丽城镇", [("村镇建设办", "responsible")], "李华"),
    ]


def test_units_listed_with_deng_and_then_another_body_are_split_there() -> None:
    found = find_units("打造品牌。（农业农村部、文化和旅游部等和各有关省级人民政府负责）")
    assert found is not None
    assert found.names == ["农业农村部", "文化和旅游部", "各有关省级人民政府"]


def test_a_goal_year_opening_a_sentence_holds_for_the_sentences_after_it() -> None:
    text = "到2030年，创新能力明显提升。全市高新技术企业超过500家。到2035年，研发投入强度达到3.5%。"
    assert [(t.year, t.value) for t in find_targets(text, 2040)] == [(2030, 500.0), (2035, 3.5)]


def test_figures_given_respectively_or_alike_to_a_list_of_names() -> None:
    text = "到2031年，花生种植、收获机械化率分别达到65%和55%，研发、中试、转化平台均达到5个，企业数、产值分别达到100家和20亿元"
    assert [(t.name, t.value, t.unit) for t in find_targets(text, 2031)] == [
        ("花生种植机械化率", 65.0, "%"),
        ("花生收获机械化率", 55.0, "%"),
        ("研发平台", 5.0, "个"),
        ("中试平台", 5.0, "个"),
        ("转化平台", 5.0, "个"),
        ("企业数", 100.0, "家"),
        ("产值", 20.0, "亿元"),
    ]


def test_a_label_followed_by_a_page_of_text_gives_no_unit_and_says_so() -> None:
    text = (
        "重点工作任务分工\n1.新建院士工作站3家。\n牵头单位："
        + "1e309%" * 40
        + "市科技局\n2.新增高企10家。\n责任单位：市科协\n"
    )
    draft = draft_text(text, "分工.txt")
    tasks = leaves(draft.plan)
    assert [units_of(t) for t in tasks][1] == [("市科协", "responsible")]
    assert all(len(u.name) <= 100 for t in tasks for u in t.units)
    assert any("超过100字" in w for w in draft.warnings)


# -- the third cold review (session 6) ---------------------------------------------------------


def test_a_span_inside_an_item_is_not_the_span_of_a_plan_whose_title_names_its_year() -> None:
    text = "某市2033年科技工作要点\n1.开展科技创新规划（2031—2035年）中期评估。（市科技局负责）\n2.建设某平台。（市科技局负责，6月底）\n"
    plan = draft_text(text, "要点.txt").plan
    assert (plan.period.start, plan.period.end) == (2033, 2033)
    assert leaves(plan)[1].deadline == date(2033, 6, 30)


def test_a_day_printed_with_its_month_is_that_day() -> None:
    assert parse_deadline("12月20日前", 2033).deadline == date(2033, 12, 20)
    assert parse_deadline("截止时间：12月15号", 2033).deadline == date(2033, 12, 15)
    assert parse_deadline("6月底前完成方案，12月15日前验收", 2033).deadline == date(2033, 12, 15)


def test_handling_time_labels_and_role_words_in_a_supervision_cell() -> None:
    text = "某县2033年重点工作\n1.推进某项目。\n牵头单位：县科技局\n办理时限：2033年11月15日\n"
    (task,) = leaves(draft_text(text, "督办.txt").plan)
    assert task.deadline == date(2033, 11, 15)
    table = table_of(
        ["序号", "督办事项", "承办单位", "办理时限"],
        [
            [
                "1",
                "研究解决孵化器运营经费问题。",
                "主办：县科技局\n协办：县财政局\n县机关事务中心",
                "12月20日前",
            ]
        ],
    )
    (row,) = leaves(draft_blocks(["某县人民政府督查室2033年第5期督办单", table], "督办单.docx").plan)
    assert units_of(row) == [("县科技局", "lead"), ("县财政局", "support"), ("县机关事务中心", "support")]
    assert row.deadline is not None and (row.deadline.month, row.deadline.day) == (12, 20)


def test_a_notice_asking_units_to_act_names_them_and_when() -> None:
    text = """关于2033年第三季度重点工作督查情况的通报
三、需要加快推进的事项
1.科技型中小企业评价入库进度滞后。目前全市入库412家，仅完成全年目标的68.7%。请市科技局会同各县（市、区）人民政府加快推进，于12月20日前完成年度入库任务。
2.重点实验室建设进度缓慢。请市科技局牵头，市高新区管委会、某大学配合，11月底前完成其余4家的验收工作。
3.研发机构覆盖率偏低。由市经信局负责，市科技局配合，年底前覆盖率达到45%以上。
4.成果转化基金投资进度偏慢。请市财政局、市科技局抓紧研究，2033年12月31日前完成不少于5个项目投资决策。
四、工作要求
请各单位认真对照年度目标，倒排工期。
"""
    tasks = leaves(draft_text(text, "通报.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("市科技局", "lead"), ("各县（市、区）人民政府", "support")],
        [("市科技局", "lead"), ("市高新区管委会", "support"), ("某大学", "support")],
        [("市经信局", "lead"), ("市科技局", "support")],
        [("市财政局", "responsible"), ("市科技局", "responsible")],
    ]
    assert [t.deadline for t in tasks] == [
        date(2033, 12, 20),
        date(2033, 11, 30),
        date(2033, 12, 31),
        date(2033, 12, 31),
    ]
    figures = [(tg.value, m.name) for t in tasks for m in t.metrics for tg in m.targets]
    assert 412.0 not in [v for v, _ in figures] and 68.7 not in [v for v, _ in figures]  # where it stands
    assert (45.0, "覆盖率") in figures


def test_a_ministry_working_with_others_is_read_in_the_tasks_own_sentence() -> None:
    text = "某部关于推进县域科技创新的意见\n一、强化人才支撑\n4.科技部会同教育部、中国科协组织开展“科技下乡”活动，每年组织专家服务县域5000人次以上。\n5.科技部要会同有关部门加强统筹协调。\n"
    tasks = leaves(draft_text(text, "意见.txt").plan)
    assert [(t.title[:8], units_of(t)) for t in tasks] == [
        ("科技部会同教育部", [("科技部", "lead"), ("教育部", "support"), ("中国科协", "support")]),
        ("科技部要会同有关", [("科技部", "lead")]),
    ]


def test_bodies_that_guide_help_the_body_that_answers() -> None:
    found = find_units("建设创新服务平台。（各省级人民政府负责，科技部、工业和信息化部指导）")
    assert found is not None
    assert (found.names, found.leads) == (["各省级人民政府", "科技部", "工业和信息化部"], ["各省级人民政府"])


def test_a_rule_about_marks_printed_before_the_list_is_no_task() -> None:
    text = "某县2033年科技工作要点\n（标★的为牵头单位）\n1.建设研发机构。（县科技局★、县财政局）\n2.建设孵化器。（县科技局、县财政局★）\n"
    tasks = leaves(draft_text(text, "要点.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("县科技局", "lead"), ("县财政局", "support")],
        [("县科技局", "support"), ("县财政局", "lead")],
    ]


def test_a_span_of_years_or_a_start_closing_the_units_bracket() -> None:
    text = "某市2033年科技工作要点\n1.建设甲平台。（市科技局负责，2033—2034年）\n2.建设乙平台。（市科技局负责，2033年起长期推进）\n"
    first, second = leaves(draft_text(text, "要点.txt").plan)
    assert (units_of(first), first.deadline) == ([("市科技局", "responsible")], date(2034, 12, 31))
    assert (units_of(second), second.deadline) == ([("市科技局", "responsible")], None)
    assert parse_deadline("2033年起长期推进", 2033).ongoing


def test_a_notice_titled_on_the_line_under_its_issuer_and_a_spaced_out_title() -> None:
    text = "某市人民政府办公室\n关于2033年第三季度重点工作督查情况的通报\n三、需要加快推进的事项\n1.某事项滞后。请市科技局牵头，市财政局配合，11月底前完成。\n2.另一事项滞后。请市经信局负责，年底前完成。\n"
    assert (
        draft_text(text, "通报.txt").plan.title
        == "某市人民政府办公室关于2033年第三季度重点工作督查情况的通报"
    )
    spaced = "督 办 通 知 单\n1.推进甲项目。（县科技局负责，2033年6月底前）\n2.推进乙项目。（县财政局负责，2033年9月底前）\n"
    assert draft_text(spaced, "督办.txt").plan.title == "督办通知单"


def test_text_copied_from_a_pdf_is_joined_back_at_the_page_width() -> None:
    # lines broken at the page's edge, a figure split, a page's number and running title inside a bracket
    text = """某县科学技术局关于印发《某县2033年科技创新工作要点》的通知
各乡镇人民政府、街道办事处，县直各单位：
现将《某县2033年科技创新工作要点》印发给你们，请认真抓好贯彻
落实。
一、企业创新
1.实施高新技术企业倍增计划，全年新增国家高新技术企业40家、省科
技型中小企业180家。（县科技局牵头，县财政局、县税务局配合）
2.开展企业研发投入“清零”行动，规上工业企业研发活动覆盖率达到8
0%。（县科技局、县经信局、县统计局按职责分工负责）
3.建设宠物用品产业创新服务综合体，服务企业500家次以上。（县科
— 1 —
第 1 页 共 3 页
某县2033年科技创新工作要点
技局、县市场监管局，萧江镇人民政府）
4.推进科技城建设，完成年度投资15亿元。（科技城管委会牵头，县发
— 2 —
第 2 页 共 3 页
某县2033年科技创新工作要点
改局、县住建局配合）
"""
    tasks = leaves(draft_text(text, "要点.txt").plan)
    assert [t.title for t in tasks] == [
        "实施高新技术企业倍增计划，全年新增国家高新技术企业40家、省科技型中小企业180家",
        "开展企业研发投入“清零”行动，规上工业企业研发活动覆盖率达到80%",
        "建设宠物用品产业创新服务综合体，服务企业500家次以上",
        "推进科技城建设，完成年度投资15亿元",
    ]
    assert units_of(tasks[2]) == [
        ("县科技局", "responsible"),
        ("县市场监管局", "responsible"),
        ("萧江镇人民政府", "responsible"),
    ]
    assert units_of(tasks[3]) == [("科技城管委会", "lead"), ("县发改局", "support"), ("县住建局", "support")]
    assert [(tg.value, m.unit) for m in tasks[1].metrics for tg in m.targets] == [(80.0, "%")]


def test_a_text_typed_a_paragraph_a_line_is_left_as_it_is() -> None:
    lines = [
        "某市2033年工作要点",
        "一、总体要求",
        *[f"{i}.建设第{i}个平台。（市科技局负责）" for i in range(1, 9)],
    ]
    assert unwrap(lines) == lines


# -- tune set x13 (whole documents of one archive, session 6) ----------------------------------


def test_a_heading_that_is_a_bodys_name_gives_it_the_work_under_it() -> None:
    text = """某区关于安全生产督查发现问题整改落实情况的报告
一、某综合实验区
区管委会加快推进全区安全生产标准化建设。
二、区交通与建设局
1、规范安全生产管理台账工作。
2、已联合区公安局制定活动实施方案。（区公安局配合）
三、某镇政府
1、进一步完善内业档案资料。
"""
    tasks = leaves(draft_text(text, "报告.txt").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        ("区管委会加快推进全区安全生产标准化建设", [("某综合实验区", "responsible")]),
        ("规范安全生产管理台账工作", [("区交通与建设局", "responsible")]),
        ("已联合区公安局制定活动实施方案", [("区公安局", "support")]),  # its own units kept
        ("进一步完善内业档案资料", [("某镇政府", "responsible")]),
    ]


def test_a_heading_naming_a_field_of_work_gives_no_unit() -> None:
    text = "某市2033年工作要点\n一、高新技术企业\n1.新增高企20家。（市科技局负责）\n2.培育瞪羚企业。\n"
    tasks = leaves(draft_text(text, "要点.txt").plan)
    assert units_of(tasks[1]) == []


def test_level_words_and_bare_fields_share_the_body_named_last() -> None:
    assert split_units("区、县交通与建设局") == ["区交通与建设局", "县交通与建设局"]
    assert split_units("公安、安监、质监、信息化部门") == ["公安部门", "安监部门", "质监部门", "信息化部门"]
    assert split_units("各县、市、区政府") == ["各县、市、区政府"]  # a group stays whole
    assert split_units("市发改委、市科技局") == ["市发改委", "市科技局"]
    found = find_units("任务。（区交通与建设局牵头，公安、安监部门配合）")
    assert found is not None and found.names == ["区交通与建设局", "公安部门", "安监部门"]


def test_a_cell_listing_numbered_measures_is_one_tasks_content() -> None:
    table = table_of(
        ["序号", "重点任务", "具体举措", "责任单位", "完成时限"],
        [
            [
                "1",
                "科技企业培育行动",
                "1.新增高新技术企业15家；\n2.新增科技型中小企业80家。",
                "县科技局（牵头）、县财政局",
                "2033年12月底前",
            ],
            [
                "2",
                "研发投入提升行动",
                "（1）全社会R&D经费支出增长20%以上；\n（2）规上企业研发机构覆盖率达到60%。",
                "县科技局",
                "2033年12月底前",
            ],
        ],
    )
    draft = draft_blocks(["某县2033年科技创新重点任务清单", table], "清单.docx")
    assert [(t.code, t.title, len(t.children)) for t in draft.plan.tasks] == [
        ("1", "科技企业培育行动", 0),
        ("2", "研发投入提升行动", 0),
    ]
    names = [m.name for t in draft.plan.tasks for m in t.metrics]
    assert names == ["新增高新技术企业", "新增科技型中小企业", "全社会R&D经费支出", "规上企业研发机构覆盖率"]
    assert not any("没有任务名称" in w for w in draft.warnings)


def test_a_table_with_no_number_column_is_numbered_in_order_and_says_so_once() -> None:
    table = table_of(
        ["督办事项", "承办单位", "办理时限"],
        [[f"事项{i}。", "县科技局", "2033年12月20日前"] for i in range(1, 6)],
    )
    draft = draft_blocks(["督 办 通 知 单", table], "督办.docx")
    assert [t.code for t in draft.plan.tasks] == ["1", "2", "3", "4", "5"]
    assert [w for w in draft.warnings if "序号" in w] == ["表1第 2 行起：表中没有序号列，已按顺序编号"]


def test_deadline_words_in_a_row_and_a_coordinating_body() -> None:
    text = "某市2033年工作要点\n1.建设甲平台。（市科技局负责，2033年12月底前完成，长期坚持）\n2.建设孵化器。（县科技局牵头，县财政局参与，县领导小组统筹）\n"
    first, second = leaves(draft_text(text, "要点.txt").plan)
    assert (first.deadline, first.deadline_text) == (date(2033, 12, 31), "2033年12月底前完成，长期坚持")
    assert units_of(second) == [("县科技局", "lead"), ("县财政局", "support"), ("县领导小组", "support")]
    assert second.content == ""  # nothing of the bracket left behind
    assert [t.name for t in find_targets("研发投入强度提高到3.2%", 2033)] == ["研发投入强度"]


# -- a 完成情况 report keeps what it reports, in its period ------------------------------------


def _progress_table() -> Table:
    return table_of(
        ["序号", "重点任务", "责任单位", "完成情况", "存在问题", "下一步打算"],
        [
            [
                "1",
                "新增高新技术企业120家。",
                "市科技局",
                "截至9月底，已通过评审95家。",
                "部分企业研发费用归集不规范。",
                "10月底前完成第二批推荐。",
            ],
            ["2", "建成市级重点实验室3家。", "市科技局", "已完成，3家均通过验收。", "无", "—"],
            ["3", "举办创新创业大赛。", "团市委", "", "", ""],
        ],
    )


def test_a_progress_report_drafts_each_rows_report_as_its_update_for_the_period() -> None:
    draft = draft_blocks(
        ["某市科技局2033年第三季度重点工作任务完成情况表", _progress_table()], "完成情况.docx"
    )
    first, second, third = draft.plan.tasks
    (update,) = first.updates
    assert (update.period, update.status, update.progress) == (
        "2033Q3",
        "in_progress",
        "截至9月底，已通过评审95家。",
    )
    assert (update.problems, update.next_steps) == (
        "部分企业研发费用归集不规范。",
        "10月底前完成第二批推荐。",
    )
    assert update.recorded_at.date() == date(2033, 9, 30)  # the period's end: no date printed
    (done,) = second.updates
    assert (done.status, done.problems, done.next_steps) == ("done", None, None)
    assert third.updates == []  # nothing reported, nothing recorded


def test_a_report_whose_title_names_no_period_keeps_no_update_and_says_so() -> None:
    draft = draft_blocks(["某市科技局重点工作任务完成情况表", _progress_table()], "完成情况.docx")
    assert all(not t.updates for t in draft.plan.tasks)
    assert any("没有写明报告期" in w for w in draft.warnings)


def test_report_periods_from_titles() -> None:
    assert report_period("2033年第三季度重点工作完成情况", None) == "2033Q3"
    assert report_period("2033年1-6月工作进展", None) == "2033Q2"
    assert report_period("2033年上半年重点任务推进情况", None) == "2033H1"
    assert report_period("2033年5月份工作进展", None) == "2033-05"
    assert report_period("2033年度重点工作完成情况", None) == "2033"
    assert report_period("重点工作完成情况", 2033) is None


def test_a_drafted_progress_report_imports_its_updates_into_the_reports_period(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("某市科技局2033年第三季度重点工作任务完成情况表")
    rows = [list(_progress_table().cells.get((r, c), "") for c in range(1, 7)) for r in range(1, 5)]
    table = document.add_table(rows=len(rows), cols=6)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    source = tmp_path / "三季度 完成情况.docx"
    document.save(str(source))
    db, plan = tmp_path / "台账.sqlite3", tmp_path / "方案.json"
    assert main(["--db", str(db), "init", "--no-seed"]) == 0
    assert main(["--db", str(db), "draft", str(source), "--out", str(plan)]) == 0
    assert main(["--db", str(db), "import-plan", str(plan)]) == 0
    connection = sqlite3.connect(db)
    try:
        found = connection.execute("select period, status from progress_update order by id").fetchall()
    finally:
        connection.close()
    assert found == [("2033Q3", "in_progress"), ("2033Q3", "done")]


# -- the fourth cold review (session 6) --------------------------------------------------------


def test_signs_for_at_least_and_at_most() -> None:
    found = [
        (t.name, t.comparator, t.value, t.unit)
        for t in find_targets("研发投入强度≥2.5%，万元GDP能耗≤0.35吨标准煤", 2033)
    ]
    assert found == [("研发投入强度", ">=", 2.5, "%"), ("万元GDP能耗", "<=", 0.35, "吨标准煤")]


def test_a_goal_stated_as_of_a_year_end_is_a_goal_and_a_report_as_of_now_is_not() -> None:
    assert [(t.year, t.value) for t in find_targets("截至2033年底，全市高企达到500家", 2033)] == [
        (2033, 500.0)
    ]
    assert find_targets("截至9月底，已通过评审95家", 2033) == []


def test_units_by_spaces_a_whole_year_and_a_rule_about_labels() -> None:
    text = """某县2033年科技工作任务清单
（责任单位排在第一位的为牵头单位）
1.建设中试基地1家。（县科技局 县财政局，6月底前完成）
2.组织科普活动10场次。（科普股负责,全年）
"""
    tasks = leaves(draft_text(text, "清单.txt").plan)
    assert [(t.code, units_of(t), t.deadline) for t in tasks] == [
        ("1", [("县科技局", "lead"), ("县财政局", "support")], date(2033, 6, 30)),
        ("2", [("科普股", "lead")], date(2033, 12, 31)),
    ]


def test_minutes_naming_units_in_sentences_and_attendance_lines() -> None:
    text = """关于研究2033年科技创新有关事项的会议纪要
一、开展对接活动。由市科技局负责，市财政局配合，10月底前完成。
二、关于科技金融。会议要求，市金融办要会同市科技局，组织银企对接活动不少于6场。
三、关于项目资金。请市财政局抓紧拨付科技项目资金2000万元，市科技局做好配合。
出席：王某某
"""
    draft = draft_text(text, "纪要.txt")
    tasks = leaves(draft.plan)
    assert [(t.code, units_of(t)) for t in tasks] == [
        ("一", [("市科技局", "lead"), ("市财政局", "support")]),
        ("二", [("市金融办", "lead"), ("市科技局", "support")]),
        ("三", [("市财政局", "lead"), ("市科技局", "support")]),
    ]
    assert tasks[0].deadline == date(2033, 10, 31)  # the units sentence's own deadline words
    assert not any("中断" in w for w in draft.warnings)


def test_an_indicator_table_names_each_row_by_its_finest_level_and_reads_its_value() -> None:
    table = table_of(
        ["一级指标", "二级指标", "三级指标", "指标值", "完成时限", "责任科室"],
        [
            ["产出指标", "数量指标", "支持市级科技计划项目数", "≥120项", "2033年11月底", "资源配置与管理科"],
            ["效益指标", "经济效益指标", "技术合同成交额", "≥60亿元", "2033年12月底", "成果转化科"],
            ["满意度指标", "服务对象满意度指标", "科技型企业满意度", "90%", "2033年12月底", "办公室"],
        ],
    )
    tasks = draft_blocks(["某市科学技术局2033年度部门整体支出绩效目标表", table], "绩效.docx").plan.tasks
    assert [
        (t.title, [(m.unit, m.targets[0].comparator, m.targets[0].value) for m in t.metrics]) for t in tasks
    ] == [
        ("支持市级科技计划项目数", [("项", ">=", 120.0)]),
        ("技术合同成交额", [("亿元", ">=", 60.0)]),
        ("科技型企业满意度", [("%", "=", 90.0)]),
    ]


def test_a_reprint_in_traditional_characters_is_read_in_simplified_ones() -> None:
    text = """某某市2033年加快科技創新發展重點任務分工方案
一、提升企業技術創新能力
（一）實施科技領軍企業培育工程，遴選科技領軍企業10家。（牽頭單位：市科技局；配合單位：市發展改革委；完成時限：2033年6月底前）
（二）新建聯合實驗室15個。（牽頭單位：市教育局；配合單位：市科技局、市財政局；完成時限：長期堅持）
"""
    draft = draft_text(text, "繁體.txt")
    tasks = leaves(draft.plan)
    assert draft.plan.title == "某某市2033年加快科技创新发展重点任务分工方案"
    assert [(units_of(t), t.deadline) for t in tasks] == [
        ([("市科技局", "lead"), ("市发展改革委", "support")], date(2033, 6, 30)),
        ([("市教育局", "lead"), ("市科技局", "support"), ("市财政局", "support")], None),
    ]
    assert [(m.unit, m.targets[0].value) for t in tasks for m in t.metrics] == [("家", 10.0), ("个", 15.0)]
    assert draft.warnings[0].startswith("文件是繁体字转载")


def test_a_simplified_text_is_never_touched_by_the_traditional_table() -> None:
    from tracker.drafting.traditional import is_traditional, to_simplified

    simplified = "某县2033年科技工作要点：新增高企20家（县科技局牵头，县财政局配合）"
    assert not is_traditional(simplified) and to_simplified(simplified) == simplified


def test_a_units_matrix_of_marks_or_words_gives_each_row_its_units() -> None:
    stars = Table(rows=4, cols=6)
    rows = [
        ["序号", "重点任务", "完成时限", "责任单位", "责任单位", "责任单位"],
        ["序号", "重点任务", "完成时限", "市科技局", "市发改委", "各县（市、区）政府"],
        ["1", "新增高新技术企业200家。", "2033年12月底", "★", "", "●"],
        ["2", "推进省级实验室建设。", "2033年9月底", "●", "★", ""],
    ]
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            stars.cells[(r, c)] = text
    stars.boxes = [(1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 2, 3), (1, 4, 1, 6)]
    draft = draft_blocks(["2033年重点任务责任分工表", "（★为牵头单位，●为配合单位）", stars], "矩阵.docx")
    assert [(t.code, units_of(t)) for t in draft.plan.tasks] == [
        ("1", [("市科技局", "lead"), ("各县（市、区）政府", "support")]),
        ("2", [("市发改委", "lead"), ("市科技局", "support")]),
    ]
    words = table_of(
        ["序号", "重点任务", "市科技局", "市财政局", "市工信局", "完成时限"],
        [
            ["1", "新增高企100家。", "牵头", "配合", "", "2033年12月底"],
            ["2", "建设中试基地3家。", "配合", "", "牵头", "2033年9月底"],
        ],
    )
    tasks = draft_blocks(["2033年科技重点任务分工表", words], "矩阵.docx").plan.tasks
    assert [units_of(t) for t in tasks] == [
        [("市科技局", "lead"), ("市财政局", "support")],
        [("市工信局", "lead"), ("市科技局", "support")],
    ]
    ticks = table_of(
        ["序号", "重点任务", "市科技局", "市财政局", "完成时限"],
        [
            ["1", "新增高企100家。", "√", "√", "2033年12月底"],
            ["2", "建设中试基地3家。", "", "√", "2033年9月底"],
        ],
    )
    tasks = draft_blocks(["2033年科技重点任务分工表", ticks], "矩阵.docx").plan.tasks
    assert [units_of(t) for t in tasks] == [
        [("市科技局", "responsible"), ("市财政局", "responsible")],
        [("市财政局", "responsible")],
    ]


def test_a_responsibility_letter_gives_its_tasks_to_the_party_that_signs_for_them() -> None:
    text = """2033年度科技创新工作目标责任书
甲方：某某市人民政府
乙方：某某县人民政府
一、目标任务
1.全社会研发投入强度达到2.3%。
2.高新技术企业数量达到85家。
二、考核办法
本责任书由市科技局会同市统计局组织考核，考核结果于次年3月底前通报。
"""
    draft = draft_text(text, "责任书.txt")
    tasks = leaves(draft.plan)
    assert draft.plan.issuer == "某某市人民政府"
    assert [units_of(t) for t in tasks[:2]] == [[("某某县人民政府", "responsible")]] * 2
    assert all(t.units_inferred for t in tasks[:2])
    found = find_units("考核。本责任书由市科技局会同市统计局组织考核，考核结果于次年3月底前通报。")
    assert found is not None and found.deadline == "次年3月底前"  # the year after the plan's, not its March
    assert (found.leads, found.supports) == (["市科技局"], ["市统计局"])
    assert parse_deadline(found.deadline, 2033).deadline == date(2034, 3, 31)
    assert any(w.startswith("目标责任书未逐项写明责任单位") for w in draft.warnings)


def test_a_tables_total_row_is_no_task() -> None:
    table = table_of(
        ["序号", "考核内容", "分值", "责任单位"],
        [
            ["1", "新增高企20家。", "40", "县科技局"],
            ["2", "技术合同成交额5亿元。", "60", "县科技局"],
            ["合计", "", "100", ""],
        ],
    )
    tasks = draft_blocks(["2033年度科技工作考核细则", table], "考核.docx").plan.tasks
    assert [t.code for t in tasks] == ["1", "2"]


def test_a_title_is_never_cut_inside_a_figure() -> None:
    from tracker.drafting.review import clip

    assert (
        clip("实施高新技术企业倍增计划，全年新增高新技术企业200家", 24)
        == "实施高新技术企业倍增计划，全年新增高新技术企业…"
    )
    assert clip("研发投入强度达到2.5%以上", 10) == "研发投入强度达到…"
    assert clip("短标题", 24) == "短标题"


def test_rows_grouped_under_a_merged_cell_keep_their_printed_numbers() -> None:
    table = table_of(
        ["序号", "考核项目", "考核内容", "责任单位"],
        [
            ["1", "创新主体培育", "新增国家高新技术企业15家。", "县科技局"],
            ["2", "创新主体培育", "科技型中小企业入库60家。", "县科技局"],
            ["3", "创新平台建设", "新建省级研发平台3家。", "县科技局"],
            ["4", "创新平台建设", "建成孵化器1家。", "县科技局"],
        ],
    )
    table.boxes = [(2, 2, 3, 2), (4, 2, 5, 2)]
    tasks = draft_blocks(["2033年度科技工作考核细则", table], "考核.docx").plan.tasks
    assert [[c.code for c in t.children] for t in tasks] == [["1", "2"], ["3", "4"]]


def test_a_report_is_done_only_when_the_whole_task_is_finished() -> None:
    from tracker.drafting.progress import status_of

    assert status_of("已完成，3家均通过验收。") == "done"
    assert status_of("全面完成全年任务。") == "done"
    assert status_of("已完成装修，入驻企业12家，10月中旬挂牌。") == "in_progress"
    assert status_of("已完成年度目标的80%。") == "in_progress"
    assert status_of("已完成申报126家", 45) == "in_progress"  # the 完成进度 column decides
    assert status_of("推进顺利", 100) == "done"


def test_a_two_row_report_header_keeps_the_percent_and_the_description() -> None:
    table = Table(rows=3, cols=5)
    rows = [
        ["序号", "重点工作", "牵头单位", "完成情况", "完成情况"],
        ["序号", "重点工作", "牵头单位", "完成进度（%）", "进展描述"],
        ["1", "新增高新技术企业80家。", "市科技局", "45", "已完成申报126家"],
    ]
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            table.cells[(r, c)] = text
    table.boxes = [(1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 2, 3), (1, 4, 1, 5)]
    (task,) = draft_blocks(["某市科技局2033年上半年重点工作推进情况表", table], "推进情况.docx").plan.tasks
    (update,) = task.updates
    assert (update.period, update.percent, update.status, update.progress) == (
        "2033H1",
        45,
        "in_progress",
        "已完成申报126家",
    )


# -- the fifth cold review (session 6) ---------------------------------------------------------


def test_a_first_item_whose_name_opens_like_a_section_word_is_kept() -> None:
    text = (
        "某县2033年重点工作\n1.组织实施重大科技专项15项。\n2.优化重组实验室体系。\n3.培育科技领军企业10家。\n"
    )
    assert [t.code for t in leaves(draft_text(text, "工作.txt").plan)] == ["1", "2", "3"]


def test_bare_units_then_a_labelled_deadline_in_one_bracket() -> None:
    found = find_units("建设港城科创走廊核心区。（区科技局、区发改局；完成时限：2033年6月底前）")
    assert found is not None
    assert (found.names, found.deadline) == (["区科技局", "区发改局"], "2033年6月底前")


def test_units_printed_as_codes_are_read_with_the_names_of_the_key() -> None:
    text = """2033年全省科技创新重点任务清单
（责任单位代码：A1—省科技厅，A2—省发展改革委，B1—省财政厅）
1.组织实施重大科技专项15项。（A1牵头，B1配合；2033年12月底前）
2.优化重组实验室体系。（A1、A2牵头，B1配合；2033年12月底前）
"""
    draft = draft_text(text, "清单.txt")
    assert [units_of(t) for t in leaves(draft.plan)] == [
        [("省科技厅", "lead"), ("省财政厅", "support")],
        [("省科技厅", "lead"), ("省发展改革委", "lead"), ("省财政厅", "support")],
    ]
    assert draft.warnings[0].startswith("责任单位以代码印出")
    key_table = table_of(["代码", "单位名称", "代码", "单位名称"], [["A1", "省科技厅", "B1", "省财政厅"]])
    tasks = table_of(["序号", "重点任务", "牵头单位", "配合单位"], [["1", "新增高企100家。", "A1", "B1"]])
    (task,) = draft_blocks(["2033年全省重点任务清单", key_table, tasks], "清单.docx").plan.tasks
    assert units_of(task) == [("省科技厅", "lead"), ("省财政厅", "support")]


def test_a_table_exported_with_commas_is_a_table(tmp_path: Path) -> None:
    source = tmp_path / "重点任务表.csv"
    source.write_text(
        '序号,重点任务,牵头单位,配合单位,完成时限\n1,新增高新技术企业25家,县科技局,"县财政局、县税务局",2033年12月底前\n'
        '2,"建设孵化器1家,入孵企业不少于20家",县科技局,县发改局,2033年10月底前\n',
        encoding="utf-8",
    )
    from tracker.drafting import draft_file

    tasks = draft_file(source).plan.tasks
    assert [(t.code, units_of(t), t.deadline) for t in tasks] == [
        ("1", [("县科技局", "lead"), ("县财政局", "support"), ("县税务局", "support")], date(2033, 12, 31)),
        ("2", [("县科技局", "lead"), ("县发改局", "support")], date(2033, 10, 31)),
    ]


def test_a_closing_request_to_every_unit_and_report_sections_are_no_tasks() -> None:
    text = """关于2033年第三季度重点工作督查情况的通报
一、总体情况
纳入督查的重点工作中，已完成31项。
二、存在的问题
部分单位工作进度滞后。
三、需要加快推进的事项
1.入库进度滞后。请市科技局会同各县（市、区）人民政府加快推进，于12月20日前完成。
2.实验室建设缓慢。请市科技局牵头，市财政局配合，11月底前完成验收。
请各主办单位于办理时限届满前5个工作日书面报送办理结果。
"""
    tasks = leaves(draft_text(text, "通报.txt").plan)
    assert [t.code for t in tasks] == ["1", "2"]


# -- tune set x15 (session 6) ------------------------------------------------------------------


def test_points_that_only_ask_are_a_checklist_and_a_label_may_list_its_units_by_number() -> None:
    text = """某片区2033年消防安全大排查实施方案
二、工作内容
（一）人员密集场所方面。全面排查市场、宾馆饭店。
1.是否擅自改变建筑使用功能;
2.消防车通道是否畅通;
3.消防设施是否正常运行;
责任处室：1.经济发展处（配合区经发局开展商场排查）
2.社会事业处（配合区文旅局开展宾馆排查）
（二）出租屋方面。全面排查出租屋。
1.电动自行车是否违规停放充电;
2.是否落实防火分隔;
责任处室：政法综治处
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [t.code for t in tasks] == ["（一）", "（二）"]
    assert [u.name for u in tasks[0].units] == ["经济发展处", "社会事业处"]
    assert "消防车通道是否畅通" in tasks[0].content


def test_a_heading_naming_who_leads_what_and_running_on_into_its_paragraph() -> None:
    text = "全区某市场专项整治方案\n五、职责分工\n（一）区市场监管局牵头涉嫌垄断调查整治工作。区市场监管局负责调查三家公司涉嫌垄断的行为。\n（二）区交建局牵头销售产能调查整治工作。区交建局负责摸底销售价格。\n"
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [units_of(t)[0] for t in tasks] == [("区市场监管局", "lead"), ("区交建局", "lead")]


def test_a_project_owner_column_names_who_answers() -> None:
    table = table_of(
        ["序号", "项目名称", "建成时间", "业主单位", "备注"],
        [
            ["1", "某景区基础配套设施项目", "2033年12月", "区旅游集团", ""],
            ["2", "某道路工程", "2033年6月", "区交通集团", ""],
        ],
    )
    tasks = draft_blocks(["某局关于移交一批项目进展情况的通报", table], "通报.docx").plan.tasks
    assert [units_of(t) for t in tasks] == [[("区旅游集团", "responsible")], [("区交通集团", "responsible")]]


def test_a_page_break_inside_a_units_bracket_in_a_short_pdf_text() -> None:
    text = """某区2033年科技创新工作要点
一、强化企业创新主体地位
1.实施高新技术企业倍增计划，全年新认定高新技术企业40家以上。（区科技局牵头，区财
— 3 —
某区2033年科技创新工作要点
政局、区税务局配合）
2.推动企业研发机构建设。（区工信局牵头，区科技局配合）
"""
    first, second = leaves(draft_text(text, "要点.txt").plan)
    assert units_of(first) == [("区科技局", "lead"), ("区财政局", "support"), ("区税务局", "support")]
    assert first.content == "" and units_of(second)[0] == ("区工信局", "lead")


def test_short_date_forms_and_counts_of_new_ones() -> None:
    assert [parse_deadline(t, 2033).deadline for t in ("33年6月", "6/30", "Q3")] == [
        date(2033, 6, 30),
        date(2033, 6, 30),
        date(2033, 9, 30),
    ]
    assert parse_deadline("2033/6/30", 2033).deadline == date(2033, 6, 30)  # a full date stays whole
    kinds = [(t.name, t.kind) for t in find_targets("全年新增国家高新技术企业40家，新建院士工作站3家", 2033)]
    assert kinds == [("全年新增国家高新技术企业", "increment"), ("新建院士工作站", "level")]


# -- the sixth cold review (session 6) ---------------------------------------------------------


def test_a_groups_deadline_label_stays_with_its_item_and_an_inline_one_is_read() -> None:
    text = "某市督办清单\n一、市科技局牵头的工作\n1.创建国家创新型城市。完成时限：2033年第三季度。\n2.新增省级以上创新平台25个。\n完成时限：2033年12月底\n"
    first, second = leaves(draft_text(text, "清单.txt").plan)
    assert (first.deadline, second.deadline) == (date(2033, 9, 30), date(2033, 12, 31))


def test_the_headings_lead_leads_an_item_that_names_only_its_helpers() -> None:
    text = "某市督办清单\n一、市工信局牵头的工作\n1.实施技术改造项目100个以上。（协同单位：市科技局、市财政局；完成时限：长期坚持）\n"
    (task,) = leaves(draft_text(text, "清单.txt").plan)
    assert units_of(task) == [("市工信局", "lead"), ("市科技局", "support"), ("市财政局", "support")]


def test_units_named_in_a_clause_after_a_comma() -> None:
    assert find_units("全年举办培训班12期，由镇农技站具体负责，各村配合。").names == ["镇农技站", "各村"]  # type: ignore[union-attr]
    found = find_units("建设示范基地300亩，镇农技站、镇经管站负责，6月底前完成。")
    assert found is not None and (found.names, found.deadline) == (["镇农技站", "镇经管站"], "6月底前完成")
    assert find_units("推进创新，全面负责。") is None
    this = find_units("开展宣讲20场次。这项工作由县科技局负责，县工商联配合。")
    assert this is not None and this.names == ["县科技局", "县工商联"]


def test_a_section_row_merged_across_and_a_bracketed_rule_above_the_table() -> None:
    table = table_of(
        ["序号", "工作任务", "责任科室", "完成时限"],
        [
            ["一", "科技计划管理", "科技计划管理", "科技计划管理"],
            ["1", "组织实施市级科技计划项目。", "计划项目科\n财务审计科", "2033年11月"],
        ],
    )
    table.boxes = [(2, 2, 2, 4)]
    draft = draft_blocks(
        ["某局2033年重点工作科室分工表", "（责任科室栏中列第一位的为牵头科室）", table], "分工.docx"
    )
    (section,) = draft.plan.tasks
    assert (section.code, section.units, [c.code for c in section.children]) == ("一", [], ["1"])
    assert units_of(section.children[0]) == [("计划项目科", "lead"), ("财务审计科", "support")]


def test_a_done_column_and_more_units_of_measure() -> None:
    table = table_of(
        ["序号", "重点工作", "责任科室", "完成情况", "是否完成"],
        [
            ["1", "兑现研发补助资金1500万元。", "计划科", "已兑现1500万元", "已完成"],
            ["2", "走访企业100家次。", "各科室", "已走访63家次", "序时推进"],
        ],
    )
    first, second = draft_blocks(["某局2033年第一季度重点工作完成情况", table], "情况.docx").plan.tasks
    assert (first.updates[0].status, second.updates[0].status) == ("done", "in_progress")
    assert [(t.value, t.unit) for t in find_targets("接种疫苗5万剂，举办培训班12期", 2033)] == [
        (5.0, "万剂"),
        (12.0, "期"),
    ]


def test_an_aligned_table_on_screen_and_a_wrapped_task_cell() -> None:
    text = """2033年科技创新重点任务责任分解表
序号  重点任务                                责任部门                      完成时限
1     新增高新技术企业60家                    科技创新部                    2033年12月
2     建设开发区人工智能创新中心，引进        科技创新部、投资促进局        2033年10月
      人工智能企业15家
3     建成人才公寓500套                       建设管理局、人才服务中心      2033年9月
"""
    tasks = leaves(draft_text(text, "分解表.txt").plan)
    assert [t.title for t in tasks] == [
        "新增高新技术企业60家",
        "建设开发区人工智能创新中心，引进人工智能企业15家",
        "建成人才公寓500套",
    ]
    assert tasks[1].deadline == date(2033, 10, 31)


def test_a_pdf_of_a_word_table_prints_the_other_cells_on_the_next_line() -> None:
    text = "某县2033年重点工作任务清单\n序号 重点任务 牵头单位 配合单位 完成时限\n1 新培育省级专精特新中小企业8家\n县科经信局 县财政局 2033年12月底前\n2 建成县级科技成果转化服务中心\n县科经信局 县财政局 2033年9月底前\n"
    tasks = leaves(draft_text(text, "清单.txt").plan)
    assert [(t.title, units_of(t), t.deadline) for t in tasks] == [
        (
            "新培育省级专精特新中小企业8家",
            [("县科经信局", "lead"), ("县财政局", "support")],
            date(2033, 12, 31),
        ),
        (
            "建成县级科技成果转化服务中心",
            [("县科经信局", "lead"), ("县财政局", "support")],
            date(2033, 9, 30),
        ),
    ]


# -- tune set x16 (session 6) ------------------------------------------------------------------


def test_a_list_of_duties_a_unit_a_paragraph() -> None:
    text = """某工作方案
三、职责分工
区经济发展局：负责牵头企业内设加油站点的监管。
区公安局：负责打击涉嫌非法经营等刑事犯罪行为。
区资源生态局：负责污染防治设施运行的监督管理。
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("区经济发展局", "responsible")],
        [("区公安局", "responsible")],
        [("区资源生态局", "responsible")],
    ]
    assert tasks[1].title == "负责打击涉嫌非法经营等刑事犯罪行为"


def test_under_a_division_of_duties_an_item_opening_with_a_body_is_its_task() -> None:
    text = """某片区实施方案
三、职责分工
（一）财政经管办要结合各村实际制定“一村一策”实施办法。
（二）资源生态处围绕退耕还林等方面做好业务指导。
四、发展途径
（一）市科技局要加强宣传。
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [units_of(t) for t in tasks[:2]] == [
        [("财政经管办", "responsible")],
        [("资源生态处", "responsible")],
    ]
    # outside 职责分工 too, the body an item's sentence gives the work to is its unit (the corpus
    # ruling of session 11), read last and marked for the officer to check
    assert [units_of(t) for t in tasks[2:]] == [[("市科技局", "responsible")]]
