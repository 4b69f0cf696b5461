"""How offices write, one rule at a time (session 4): each test is a made-up document.

The rules are those of tracker/drafting/ stated in docs/drafting.md; the words here are
invented, not taken from the corpus, so a test passes because the rule holds, not because
a document was learned.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx

from tracker.drafting import draft_file, draft_text
from tracker.drafting.blocks import Table, text_blocks
from tracker.drafting.quality import compare, counted_tasks
from tracker.planfile import model as pf


def units_of(task: pf.Task) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in task.units]


def leaves(plan: pf.Plan) -> list[pf.Task]:
    return [t for t in pf.iter_tasks(plan.tasks) if not t.children]


def test_a_year_may_head_a_column_of_a_table_printed_one_cell_per_line() -> None:
    text = "\n\n".join(
        [
            "某镇2025年民生实事分解表",
            "序号",
            "2025年预期目标",
            "责任单位",
            "1",
            "新建口袋公园3个",
            "镇建设办",
            "2",
            "改造老旧小区5个",
            "镇城管办、镇财政所",
        ]
    )
    tables = [b for b in text_blocks(text.splitlines()) if isinstance(b, Table)]
    assert len(tables) == 1 and tables[0].row(1) == ["序号", "2025年预期目标", "责任单位"]
    tasks = leaves(draft_text(text, "实事.txt").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        ("新建口袋公园3个", [("镇建设办", "responsible")]),
        ("改造老旧小区5个", [("镇城管办", "responsible"), ("镇财政所", "responsible")]),
    ]


def test_a_goals_section_whose_items_name_units_is_a_task_list() -> None:
    text = """某市关于分解年度目标的通知
一、完成全年主要目标
1.粮食产量稳定在80万吨以上。（市农业农村局负责）
2.城镇新增就业1.2万人。（市人社局负责）
二、保障措施
加强督查。
"""
    tasks = leaves(draft_text(text, "目标.txt").plan)
    assert [t.code for t in tasks] == ["1", "2"]
    assert units_of(tasks[1]) == [("市人社局", "responsible")]


def test_units_that_each_answer_separately() -> None:
    text = """某省政府关于重点工作分工的意见
某政发〔2031〕3号
一、稳定经济运行
1.做好能源保供工作。（省直各部门分别负责，年内持续推进）
"""
    plan = draft_text(text, "意见.txt").plan
    (task,) = leaves(plan)
    assert units_of(task) == [("省直各部门", "responsible")]
    # no date printed: the 文号's year is the year of issue, so “年内” is its 31 December
    assert plan.period is not None and (plan.period.start, plan.period.end) == (2031, 2031)
    assert task.deadline == date(2031, 12, 31) and task.deadline_text == "年内持续推进"


def test_units_printed_once_after_sub_points_belong_to_the_item() -> None:
    text = """某县防汛能力提升任务分解
一、监测预警
1.完善水文监测网络
（1）新建雨量站12处。
（2）改造水位站4处。
（责任单位：县水利局、各乡（镇）人民政府）
2.健全预警发布机制（县应急局负责）
"""
    plan = draft_text(text, "防汛.txt").plan
    tasks = leaves(plan)
    assert [t.title for t in tasks] == ["完善水文监测网络", "健全预警发布机制"]
    assert units_of(tasks[0]) == [("县水利局", "responsible"), ("各乡（镇）人民政府", "responsible")]
    assert "新建雨量站12处" in tasks[0].content and "（2）改造水位站4处" in tasks[0].content


def test_sub_points_with_units_of_their_own_stay_tasks() -> None:
    text = """某县防汛能力提升任务分解
一、监测预警
1.完善水文监测网络
（1）新建雨量站12处。（县水利局负责）
（2）改造水位站4处。
（责任单位：县气象局）
"""
    tasks = leaves(draft_text(text, "防汛.txt").plan)
    assert [t.code for t in tasks] == ["（1）", "（2）"]
    assert units_of(tasks[1]) == [("县气象局", "responsible")]


def test_group_headings_are_structure_not_tasks_when_measuring() -> None:
    """A heading that only groups (no unit of its own) is not counted, as the ledger counts."""
    leaf = pf.Task(code="1", title="建设创新联合体", units=[pf.UnitRef(name="市科技局", role="lead")])
    grouped = pf.Plan(title="方案", tasks=[pf.Task(code="（一）", title="强化企业主体", children=[leaf])])
    flat = pf.Plan(title="方案", tasks=[leaf.model_copy()])
    assert [t.title for t in counted_tasks(grouped)] == ["建设创新联合体"]
    q = compare(flat, grouped)
    assert (q.tasks.found, q.tasks.expected, q.tasks.drafted) == (1, 1, 1)
    # a heading with a unit its sub-tasks do not list carries its own work: it counts
    own = pf.Plan(
        title="方案",
        tasks=[
            pf.Task(
                code="（一）",
                title="强化企业主体",
                units=[pf.UnitRef(name="市经信局", role="lead")],
                children=[leaf.model_copy()],
            )
        ],
    )
    assert len(counted_tasks(own)) == 2


def test_numbered_items_without_any_unit_are_drafted_and_marked() -> None:
    text = """1、办好农民夜校。组织培训20场以上。
2、建设乡村书屋。
3、开展送戏下乡活动。
"""
    draft = draft_text(text, "要点.txt")
    assert [t.title for t in leaves(draft.plan)] == ["办好农民夜校", "建设乡村书屋", "开展送戏下乡活动"]
    assert all(not t.units for t in leaves(draft.plan))
    assert [(m.task, m.kind, m.detail) for m in draft.marks] == [
        (code, "no_units", "未写明责任单位，请填写") for code in ("1", "2", "3")
    ]


def test_a_section_named_for_goals_is_read_beside_the_work_section() -> None:
    """Tasks under “一、年度指标” and “二、重点工作” alike, when both print their units."""
    text = """一、2031年年度指标
（一）游客接待量增长9%。（牵头单位：市文旅局；责任单位：各县区政府）
（二）森林覆盖率达到61%。（牵头单位：市林业局；责任单位：各县区政府）
二、2031年重点工作
（一）提升城市品质。
1.建成滨江步道8公里。（牵头单位：市住建局）
"""
    plan = draft_text(text, "分解.txt").plan
    assert [t.title for t in leaves(plan)] == ["游客接待量增长9%", "森林覆盖率达到61%", "建成滨江步道8公里"]
    # no header: the one year the sections name is the plan's year, and the targets'
    assert plan.period is not None and (plan.period.start, plan.period.end) == (2031, 2031)
    years = {t.year for task in leaves(plan) for m in task.metrics for t in m.targets}
    assert years == {2031}


def test_a_floor_word_before_the_verb_and_numbers_in_quotes() -> None:
    from tracker.drafting.targets import find_targets

    found = find_targets("每个乡镇至少建成2个示范村", 2031)
    assert [(t.comparator, t.value) for t in found] == [(">=", 2.0)]
    found = find_targets("细颗粒物浓度控制在28微克/立方米以内", 2031)
    assert [(t.comparator, t.value, t.unit) for t in found] == [("<=", 28.0, "微克/立方米")]
    found = find_targets("粮食产量稳定在50亿斤以上", 2031)
    assert [(t.comparator, t.value, t.unit) for t in found] == [(">=", 50.0, "亿斤")]
    # “15条”“6项机制” name policies: not goals; the 80家 after them is
    found = find_targets("落实“15条”和“6项机制”，扶持企业80家", 2031)
    assert [(t.comparator, t.value, t.unit) for t in found] == [("=", 80.0, "家")]


def test_a_label_with_a_bracketed_alternative() -> None:
    text = """某区文旅局2031年重点工作分解
1.办好非遗展演季。
责任领导：赵某某
牵头股室（单位）：宣传股、文化馆
完成时限：2031年10月
"""
    (task,) = leaves(draft_text(text, "分解.txt").plan)
    assert units_of(task) == [("宣传股", "lead"), ("文化馆", "lead")]
    assert task.leader == "赵某某" and task.deadline == date(2031, 10, 31)


def test_items_before_the_first_section_on_a_page_that_begins_mid_list() -> None:
    text = """7.扩建污水管网20公里。（牵头单位：县住建局；责任单位：各乡镇）
8.整治黑臭水体3条。（牵头单位：县生态环境分局）
（二）提升公共服务。
9.新建社区食堂4个。（牵头单位：县民政局）
"""
    plan = draft_text(text, "分解.txt").plan
    assert [t.code for t in leaves(plan)] == ["7", "8", "9"]
    assert units_of(leaves(plan)[0]) == [("县住建局", "lead"), ("各乡镇", "support")]


def test_responsible_and_supporting_units_without_a_lead_keep_their_order() -> None:
    # round two: 责任单位 printed beside 配合单位 lead them (the corpus convention, README)
    text = """某镇2031年重点工作
一、整治河道。清淤12公里。（责任单位：镇水利站，配合单位：镇财政所、各村）
"""
    (task,) = leaves(draft_text(text, "工作.txt").plan)
    assert units_of(task) == [("镇水利站", "lead"), ("镇财政所", "support"), ("各村", "support")]


def test_a_sentence_form_with_semicolons_and_a_recurring_deadline() -> None:
    text = """某镇2031年重点工作
一、开展安全生产检查。（镇应急办牵头；各村、镇直各部门配合；每季度）
"""
    (task,) = leaves(draft_text(text, "工作.txt").plan)
    assert units_of(task) == [("镇应急办", "lead"), ("各村", "support"), ("镇直各部门", "support")]
    assert task.deadline_text == "每季度" and task.deadline == date(2031, 12, 31)


def test_an_introduction_paragraph_is_not_the_first_paragraph_task() -> None:
    text = """某街道2031年为民办实事分工
为办好实事，现将分工明确如下。

改造背街小巷8条。（街道城建科牵头，各社区按职责分工负责）增设便民座椅60处。（街道城管科负责）
"""
    tasks = leaves(draft_text(text, "实事.txt").plan)
    assert [t.title for t in tasks] == ["改造背街小巷8条", "增设便民座椅60处"]


def test_a_flattened_table_whose_empty_cells_left_no_line() -> None:
    cells = ["某区2031年文化惠民任务分工", "序号", "重点任务", "牵头单位", "配合单位", "完成时限",
             "1", "举办广场演出40场", "区文旅局", "各街道", "2031年10月底前",
             "2", "更新图书馆藏书2万册", "区图书馆", "", "2031年12月底前",
             "3", "开展全民阅读活动", "区文旅局", "区教育局", ""]  # fmt: skip
    tasks = leaves(draft_text("\n\n".join(cells), "分工.txt").plan)
    assert [(t.code, units_of(t), t.deadline) for t in tasks] == [
        ("1", [("区文旅局", "lead"), ("各街道", "support")], date(2031, 10, 31)),
        ("2", [("区图书馆", "lead")], date(2031, 12, 31)),
        ("3", [("区文旅局", "lead"), ("区教育局", "support")], None),
    ]


def test_a_word_table_with_a_two_row_header_and_a_column_merged_down_over_it(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("某区2031年城市更新任务清单")
    table = document.add_table(rows=4, cols=5)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "类别"
    table.cell(0, 1).merge(table.cell(1, 1)).text = "具体任务"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "责任单位"
    table.cell(1, 2).text = "牵头单位"
    table.cell(1, 3).text = "配合单位"
    table.cell(0, 4).merge(table.cell(1, 4)).text = "完成时间"
    table.cell(2, 0).merge(table.cell(3, 0)).text = "城市更新"
    for r, values in enumerate(
        [["改造老旧厂房4处", "区住建局", "区规划分局\n区财政局", "2031年11月"],
         ["建设口袋公园12个", "区园林中心", "各街道", "2031年9月"]], start=2
    ):  # fmt: skip
        for c, value in enumerate(values, start=1):
            table.cell(r, c).text = value
    path = tmp_path / "更新 清单.docx"
    document.save(str(path))
    tasks = leaves(draft_file(path).plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        ("改造老旧厂房4处", [("区住建局", "lead"), ("区规划分局", "support"), ("区财政局", "support")]),
        ("建设口袋公园12个", [("区园林中心", "lead"), ("各街道", "support")]),
    ]


def test_the_quote_marks_around_a_plan_named_in_the_notice_title_go() -> None:
    from tracker.drafting.header import find_header

    header = find_header(
        ["某县人民政府关于印发《某县全域旅游行动计划（2031—2033年）》任务分解的通知", "一、目标"]
    )
    assert header.title == "某县全域旅游行动计划（2031—2033年）任务分解"
    assert header.period == (2031, 2033)


def test_labels_in_lenticular_brackets_and_numbered_tasks_under_sections_stay_tasks() -> None:
    text = """某乡2031年重点工作
（一）产业发展
1.举办农民丰收节2场
【牵头单位】乡农业服务中心
【完成时间】2031年第三季度
（二）社会事业
2.新建村级卫生室3处
牵头单位：乡卫生院
配合单位：各村
"""
    tasks = leaves(draft_text(text, "工作.txt").plan)
    assert [(t.code, units_of(t)) for t in tasks] == [
        ("1", [("乡农业服务中心", "lead")]),
        ("2", [("乡卫生院", "lead"), ("各村", "support")]),
    ]
    assert tasks[0].deadline == date(2031, 9, 30)
    targets = [(t.value, m.unit) for task in tasks for m in task.metrics for t in m.targets]
    assert targets == [(2.0, "场"), (3.0, "处")]


def test_a_table_whose_columns_are_single_spaces_with_a_letter_spaced_header() -> None:
    text = """某省2031年民生指标任务分工
序号 工 作 任 务 牵头部门
1 城乡居民医保财政补助提高到每人每年800元 省医保局
2 新建改建农村公路3000公里 省交通运输厅
"""
    tasks = leaves(draft_text(text, "分工.txt").plan)
    assert [(t.code, t.title, units_of(t)) for t in tasks] == [
        ("1", "城乡居民医保财政补助提高到每人每年800元", [("省医保局", "lead")]),
        ("2", "新建改建农村公路3000公里", [("省交通运输厅", "lead")]),
    ]


def test_who_does_it_named_mid_paragraph_and_what_follows_is_progress() -> None:
    text = """某市去年民生承诺兑现情况
就业保持稳定
城镇新增就业3万人。这项工作由市人社局负责，全年实际新增3.4万人。
棚户区改造2000户。这项工作由市住建局负责，已完成2150户。
"""
    tasks = leaves(draft_text(text, "情况.txt").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        ("城镇新增就业3万人", [("市人社局", "responsible")]),
        ("棚户区改造2000户", [("市住建局", "responsible")]),
    ]


def test_small_form_full_stops_number_items() -> None:
    text = "某县2031年工作要点\n1﹒修缮文物2处。（县文旅局负责）\n2﹒新建健身步道5公里。（县体育中心负责）\n"
    assert [t.code for t in leaves(draft_text(text, "要点.txt").plan)] == ["1", "2"]


def test_a_flattened_table_with_section_rows_a_repeated_header_and_notes_between_rows() -> None:
    cells = ["某市2031年重点工作责任分解", "序号", "重点工作（共3项）", "责任单位",
             "（一）分管副市长甲牵头", "1", "建设城市书房10个。", "市文广旅局、各区政府",
             "省牵头单位：省文旅厅",
             "序号", "重点工作（续）", "责任单位",
             "（二）分管副市长乙牵头", "2", "新增停车位5000个。", "市城管局、市公安局"]  # fmt: skip
    plan = draft_text("\n".join(cells), "分解.txt").plan
    tasks = leaves(plan)
    assert [(t.code, units_of(t)) for t in tasks] == [
        ("1", [("市文广旅局", "responsible"), ("各区政府", "responsible")]),
        ("2", [("市城管局", "responsible"), ("市公安局", "responsible")]),
    ]
    assert [t.code for t in plan.tasks] == ["（一）", "（二）"]


def test_labels_holding_a_division_sentence_and_units_that_supply_figures() -> None:
    text = """某省2031年重点任务分工
1.外贸进出口增长4%。
分管省领导：钱某
部门分工：省商务厅牵头，各地、各部门配合。
2.居民收入增长6%。（牵头单位：省发改委，责任单位：省人社厅，数据提供单位：国家统计局某调查总队）
"""
    tasks = leaves(draft_text(text, "分工.txt").plan)
    assert units_of(tasks[0]) == [("省商务厅", "lead"), ("各地", "support"), ("各部门", "support")]
    assert tasks[0].leader == "钱某"
    assert units_of(tasks[1]) == [
        ("省发改委", "lead"),
        ("省人社厅", "support"),
        ("国家统计局某调查总队", "support"),
    ]


def test_a_heading_that_names_the_lead_of_the_items_under_it() -> None:
    text = """某省人民政府关于印发2031年工作目标责任分解的通知
一、某某省长负责的工作
统筹全省工作。
（一）省统计局牵头的工作
提高统计数据质量。
（二）省医保局牵头的工作
1.推进医保支付方式改革。
2.扩大异地就医直接结算范围。
协同单位：省卫健委、省财政厅等省直有关部门和各市人民政府。
"""
    tasks = leaves(draft_text(text, "分解.txt").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        ("提高统计数据质量", [("省统计局", "lead")]),
        ("推进医保支付方式改革", [("省医保局", "lead"), ("省卫健委", "support"), ("省财政厅", "support"), ("各市人民政府", "support")]),
        ("扩大异地就医直接结算范围", [("省医保局", "lead"), ("省卫健委", "support"), ("省财政厅", "support"), ("各市人民政府", "support")]),
    ]  # fmt: skip


def test_the_first_is_lead_rule_written_with_下同_holds_from_where_it_is_written() -> None:
    text = """某市2031年政府工作报告重点工作责任分解
1.粮食总产量稳定在50万吨。
责任单位：市农业农村局
2.建设海绵城市示范区。
责任单位：市住建局、市水利局牵头，市财政局（除标注为“牵头”单位外，列第一位的为牵头或汇总单位，下同）
3.新增城镇就业1.5万人。
责任单位：市人社局、市财政局
"""
    tasks = leaves(draft_text(text, "分解.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("市农业农村局", "responsible")],
        [("市住建局", "lead"), ("市水利局", "lead"), ("市财政局", "support")],
        [("市人社局", "lead"), ("市财政局", "support")],
    ]


def test_a_sentence_is_not_taken_for_the_title() -> None:
    from tracker.drafting.header import find_header

    lines = [
        "某省副省长2031年牵头工作公布",
        "2031年是实施“十六五”规划的开局之年，任务繁重。",
        "2031年重点工作责任分解",
        "一、某某省长牵头重点工作",
    ]
    assert find_header(lines).title == "2031年重点工作责任分解"


def test_hexagonal_label_brackets_with_a_note_after_the_list() -> None:
    text = """某省2031年工作方案
（一）推进证照改革。实施涉企许可全覆盖。〔责任单位：省市场监管局、省政务服务中心按职责分工负责。具体事项均涉及各市（州）政府，不再分工，下同。〕
（二）优化口岸服务。〔责任单位：某海关〕
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("省市场监管局", "responsible"), ("省政务服务中心", "responsible")],
        [("某海关", "responsible")],
    ]


def test_bare_place_names_share_the_place_word_and_suffix_of_the_last() -> None:
    from tracker.drafting.units import split_units

    assert split_units("省交通厅，甲城、乙城、丙城市人民政府") == [
        "省交通厅",
        "甲城市人民政府",
        "乙城市人民政府",
        "丙城市人民政府",
    ]
    assert split_units("东湖、西山县人民政府") == ["东湖县人民政府", "西山县人民政府"]


def test_a_question_is_not_the_title_and_an_undated_report_takes_its_most_named_year() -> None:
    text = """指标怎么分解？
2031年区重点工作目标分解
1.城镇新增就业8000人。
牵头单位：区人社局
"""
    draft = draft_text(text, "分解.txt")
    assert draft.plan.title == "2031年区重点工作目标分解"
    undated = """某县去年承诺兑现情况
2030年办成了几件实事。
建成乡镇污水处理站6座。这项工作由县住建局负责，2030年已全部投用。
"""
    draft = draft_text(undated, "情况.txt")
    assert draft.plan.period is not None and draft.plan.period.start == 2030
    assert "文件未写明方案年份，已按正文中最常出现的2030年填写，请核对" in draft.warnings
    (task,) = leaves(draft.plan)
    assert [(t.year, t.value) for m in task.metrics for t in m.targets] == [(2030, 6.0)]


def test_text_wrapped_by_the_page_inside_brackets_and_label_lists() -> None:
    text = """某县人民政府办公室关于印发某县2031年
便民服务重点任务分工的通知
某县人民政府办公室
2031年2月20日
某县2031年便民服务重点任务分工
推行帮办代办，全年帮办事项达到
5000件以上。（县政务服务中心牵头，县直各
部门按职责分工负责）
— 2 —
延长窗口服务时间。（县政务服务中心负责）
1.建设15分钟便民生活圈10个。
牵头单位：县商务局
配合单位：县住建局、县自然资源局、
各乡镇
配合单位补充：无
"""
    plan = draft_text(text, "分工.txt").plan
    tasks = leaves(plan)
    first = next(t for t in tasks if t.title.startswith("推行帮办代办"))
    assert units_of(first) == [("县政务服务中心", "lead"), ("县直各部门", "support")]
    assert [(t.year, t.value) for m in first.metrics for t in m.targets] == [(2031, 5000.0)]
    assert [t.code for t in tasks] == ["第1段", "第2段", "1"]  # the printed 1. keeps its number
    circle = next(t for t in tasks if t.title.startswith("建设15分钟"))
    assert units_of(circle)[:4] == [
        ("县商务局", "lead"),
        ("县住建局", "support"),
        ("县自然资源局", "support"),
        ("各乡镇", "support"),
    ]


def test_an_introduction_under_a_heading_is_not_the_next_paragraph_task() -> None:
    text = """某区2030年实事兑现情况
改善出行条件
去年，区里着力改善群众出行。
——公交服务更便捷。
新辟公交线路6条。这项工作由区交通局负责，实际新辟7条。
"""
    (task,) = leaves(draft_text(text, "情况.txt").plan)
    assert task.title == "新辟公交线路6条"
    assert [t.value for m in task.metrics for t in m.targets] == [6.0]  # 7条 is progress


def test_section_rows_of_two_levels_in_a_table_nest() -> None:
    cells = ["某县2031年目标任务表", "序号", "目标任务", "责任单位",
             "一、主要指标", "1", "粮食产量30万吨。", "县农业农村局",
             "二、重点工作", "（一）产业升级", "2", "新增规上企业20家。", "县经信局",
             "（二）城乡建设", "3", "改造农房500户。", "县住建局"]  # fmt: skip
    plan = draft_text("\n".join(cells), "目标.txt").plan
    assert [t.code for t in plan.tasks] == ["一", "二"]
    assert [t.code for t in plan.tasks[1].children] == ["（一）", "（二）"]
    assert [t.title for t in leaves(plan)] == ["粮食产量30万吨", "新增规上企业20家", "改造农房500户"]


def test_a_range_with_the_unit_twice_and_a_year_per_figure() -> None:
    from tracker.drafting.targets import find_targets

    found = find_targets("地区生产总值增长4.5%—5%", 2031)
    assert [(t.comparator, t.value, t.max) for t in found] == [("range", 4.5, 5.0)]
    found = find_targets("孵化器2031年达到40家、2032年达到45家", 2033)
    assert [(t.year, t.value) for t in found] == [(2031, 40.0), (2032, 45.0)]


def test_a_tab_table_printing_a_task_once_over_its_measure_rows() -> None:
    text = (
        "某镇2031年任务分解表\n"
        "序号\t重点任务\t具体措施\t牵头单位\t完成时限\n"
        "1\t整治人居环境\t改厕300户\t镇农办\t2031年6月\n"
        "\t\t清理河塘12处\t镇水利站\t2031年9月\n"
        "2\t办好敬老院\t新增床位40张\t镇民政办\t2031年12月\n"
    )
    plan = draft_text(text, "分解.txt").plan
    assert [(t.code, t.title) for t in plan.tasks] == [("1", "整治人居环境"), ("2", "办好敬老院")]
    assert [(t.title, units_of(t)) for t in plan.tasks[0].children] == [
        ("改厕300户", [("镇农办", "lead")]),
        ("清理河塘12处", [("镇水利站", "lead")]),
    ]


def test_one_body_working_with_others_and_a_year_end_deadline_closing_the_bracket() -> None:
    from tracker.drafting.units import find_units

    found = find_units("建设口岸查验设施。（由市商务局会同某海关、市交通局负责，2031年底前完成）")
    assert found is not None
    assert (found.names, found.leads, found.deadline) == (
        ["市商务局", "某海关", "市交通局"],
        ["市商务局"],
        "2031年底前完成",
    )


def test_an_excel_list_with_a_two_row_header_under_merged_columns_and_nested_sections(tmp_path: Path) -> None:
    import openpyxl

    from tracker.importers.xlsx_tasks import read_task_list

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "工作任务", "责任单位", None])
    ws.append([None, None, "牵头单位", "配合单位"])
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:B2")
    ws.merge_cells("C1:D1")
    ws.append(["二、重点工作"])
    ws.merge_cells("A3:D3")
    ws.append(["（一）生态建设"])
    ws.merge_cells("A4:D4")
    ws.append(["1", "植树造林1万亩", "市林业局", "各县区政府"])
    path = tmp_path / "任务 清单.xlsx"
    wb.save(path)
    plan = read_task_list(path).plan
    assert [t.code for t in plan.tasks] == ["二"]
    assert [t.code for t in plan.tasks[0].children] == ["（一）"]
    (task,) = leaves(plan)
    assert units_of(task) == [("市林业局", "lead"), ("各县区政府", "support")]


def test_points_under_an_item_that_names_its_units_are_its_content() -> None:
    text = """某县2031年重点工作
一、农业
1.建设高标准农田2万亩。（县农业农村局负责）
（1）完成土地平整。
（2）配套灌溉设施。
2.培育家庭农场50家。（县农业农村局负责）
"""
    tasks = leaves(draft_text(text, "工作.txt").plan)
    assert [t.code for t in tasks] == ["1", "2"]
    assert "（2）配套灌溉设施" in tasks[0].content


def test_an_item_under_a_lead_heading_that_names_its_own_units_keeps_them() -> None:
    text = """某省2031年工作目标责任分解
（一）省交通厅牵头的工作
1.新建普通国道80公里。
2.建设综合客运枢纽2个。（省发改委负责）
"""
    tasks = leaves(draft_text(text, "分解.txt").plan)
    assert [units_of(t) for t in tasks] == [[("省交通厅", "lead")], [("省发改委", "responsible")]]


def test_parts_numbered_第一部分_are_chapters() -> None:
    text = """某市2031年科技工作要点
第一部分 主要目标
全年技术合同成交额达到80亿元。
第二部分 重点任务
一、建设创新平台
1.新建省级工程研究中心5家。（市发改委负责）
2.新建市级重点实验室10家。（市科技局负责）
"""
    tasks = leaves(draft_text(text, "要点.txt").plan)
    assert [(t.code, units_of(t)) for t in tasks] == [
        ("1", [("市发改委", "responsible")]),
        ("2", [("市科技局", "responsible")]),
    ]


def test_a_short_unpunctuated_paragraph_task_with_its_labels_below() -> None:
    text = """某园区2031年重点工作
建设智慧园区平台
牵头单位：园区管委会办公室
配合单位：园区经发局
完成园区道路提升改造
牵头单位：园区建设局
"""
    tasks = leaves(draft_text(text, "工作.txt").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        ("建设智慧园区平台", [("园区管委会办公室", "lead"), ("园区经发局", "support")]),
        ("完成园区道路提升改造", [("园区建设局", "lead")]),
    ]


def test_a_label_list_wrapped_mid_name_is_joined_again() -> None:
    text = """某市2031年工作要点
1.建设人才公寓800套。
牵头单位：市住建局
配合单位：市人社局、市财
政局、市自然资源和规划局
市城投集团
"""
    (task,) = leaves(draft_text(text, "要点.txt").plan)
    assert units_of(task) == [
        ("市住建局", "lead"),
        ("市人社局", "support"),
        ("市财政局", "support"),
        ("市自然资源和规划局", "support"),
        ("市城投集团", "support"),
    ]


def test_the_spaces_a_pdf_sets_around_figures_are_not_text() -> None:
    from tracker.drafting.blocks import PDF_SPACE

    assert (
        PDF_SPACE.sub("", "到 2031 年新增企业 100 家，增长 6.5% 左右")
        == "到2031年新增企业100家，增长6.5%左右"
    )
    assert PDF_SPACE.sub("", "序号  重点任务  牵头单位") == "序号  重点任务  牵头单位"  # columns stay apart


def test_an_appendix_table_repeating_the_body_adds_only_what_is_new() -> None:
    text = """某县2031年重点工作
1.建设县级图书馆分馆5个。（县文旅局负责）
2.新建村级养老服务站12个。（县民政局负责）
附件
重点工作分解表
序号\t重点工作\t责任单位\t完成时限
1\t建设县级图书馆分馆5个\t县文旅局\t2031年10月
2\t新建村级养老服务站12个\t县民政局\t2031年12月
3\t改造农村公路40公里\t县交通局\t2031年11月
"""
    tasks = leaves(draft_text(text, "工作.txt").plan)
    assert [(t.title, t.deadline) for t in tasks] == [
        ("建设县级图书馆分馆5个", date(2031, 10, 31)),
        ("新建村级养老服务站12个", date(2031, 12, 31)),
        ("改造农村公路40公里", date(2031, 11, 30)),
    ]


def test_goals_under_a_heading_naming_a_span_are_due_at_its_end() -> None:
    text = """某市2031年政府工作报告重点任务分工
一、“十五五”时期目标任务
1.森林覆盖率达到65%。（市林业局负责）
二、2031年重点工作
2.新建口袋公园20个。（市园林局负责）
"""
    tasks = leaves(draft_text(text, "分工.txt").plan)
    years = [[t.year for m in task.metrics for t in m.targets] for task in tasks]
    assert years == [[2030], [2031]]


def test_a_heading_right_above_a_table_heads_its_rows_and_dates_its_goals() -> None:
    text = """某区2031年工作任务分解
一、“十五五”时期目标任务
序号\t目标任务\t责任单位
1\t建成区级体育中心1座\t区文体局
二、2031年重点工作
序号\t重点工作\t责任单位
1\t新增停车泊位3000个\t区城管局
"""
    plan = draft_text(text, "分解.txt").plan
    assert [(t.code, t.title) for t in plan.tasks] == [
        ("一", "“十五五”时期目标任务"),
        ("二", "2031年重点工作"),
    ]
    years = [[t.year for m in task.metrics for t in m.targets] for task in leaves(plan)]
    assert years == [[2030], [2031]]


def test_a_section_line_inside_a_tab_table_is_a_section_row() -> None:
    text = (
        "某镇2031年任务表\n"
        "序号\t重点任务\t责任单位\n"
        "一、产业发展\n"
        "1\t建设冷链仓库1座\t镇农办\n"
        "二、社会事业\n"
        "2\t新建幼儿园1所\t镇社事办\n"
    )
    plan = draft_text(text, "任务表.txt").plan
    assert [(t.code, [c.title for c in t.children]) for t in plan.tasks] == [
        ("一", ["建设冷链仓库1座"]),
        ("二", ["新建幼儿园1所"]),
    ]


def test_a_bare_unit_list_opening_an_item_but_not_a_field_name() -> None:
    text = """【发布单位】某某省
【发布日期】2031-02-03
某省2031年工作要点
1.【省发改委、省财政局】设立产业基金10亿元。
2.（省科技厅牵头）建设实验室3家。
"""
    tasks = leaves(draft_text(text, "要点.txt").plan)
    assert [(t.code, t.title, units_of(t)) for t in tasks] == [
        ("1", "设立产业基金10亿元", [("省发改委", "responsible"), ("省财政局", "responsible")]),
        ("2", "建设实验室3家", [("省科技厅", "lead")]),
    ]


# -- round two (session 4): rules found by asking why the second held-out set read poorly --


def test_numbered_items_run_together_in_one_paragraph_are_items() -> None:
    text = """某县2032年政府重点工作安排
一、壮大特色产业
（一）建成茶叶加工园1个。（二）培育龙头企业5家，其中含（三）类企业2家。（三）举办采茶节（县文旅局负责）。
二、改善民生
（一）新建养老驿站4处。
"""
    tasks = leaves(draft_text(text, "安排.txt").plan)
    assert [(t.code, t.title) for t in tasks] == [
        ("（一）", "建成茶叶加工园1个"),
        ("（二）", "培育龙头企业5家，其中含（三）类企业2家"),
        ("（三）", "举办采茶节"),
        ("（一）", "新建养老驿站4处"),
    ]
    assert units_of(tasks[2]) == [("县文旅局", "responsible")]
    from tracker.drafting.outline import split_run_on

    # a figure after a sentence's end is no item number (“2.3亿元”)
    assert split_run_on("1.建成基地2家。2.3亿元用于研发。2.完善机制。") == [
        "1.建成基地2家。2.3亿元用于研发。",
        "2.完善机制。",
    ]


def test_a_star_marks_the_lead_in_a_unit_cell() -> None:
    text = "某区2032年目标分解表\n序号\t重点任务\t分管领导\t责任单位\n1\t建成数据中心1个\t赵 甲\t★区数据局、区财政局\n"
    (task,) = leaves(draft_text(text, "分解表.txt").plan)
    assert units_of(task) == [("区数据局", "lead"), ("区财政局", "support")]


def test_a_responsible_column_beside_a_support_column_leads() -> None:
    text = (
        "某区2032年重点工作责任表\n序号\t工作内容\t责任单位\t配合单位\n"
        "1\t改造农贸市场2个。\t区商务委\t甲街道、乙街道\n"
        "2\t新建篮球场6片。\t区体育局\t\n"
    )
    tasks = leaves(draft_text(text, "责任表.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("区商务委", "lead"), ("甲街道", "support"), ("乙街道", "support")],
        [("区体育局", "lead")],
    ]


def test_responsible_and_support_labels_read_as_lead_and_support() -> None:
    text = """某县2032年工作要点
1.建设智慧水务平台。
责任单位：县水务局
配合单位：县大数据中心、县财政局
2.开展河道清淤20公里。
责任单位：县水务局、县农业局
"""
    tasks = leaves(draft_text(text, "要点.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("县水务局", "lead"), ("县大数据中心", "support"), ("县财政局", "support")],
        [("县水务局", "responsible"), ("县农业局", "responsible")],
    ]


def test_host_and_co_host_sentences_read_as_lead_and_support() -> None:
    text = """某省2032年重点工作分工
1.新建高速公路100公里。（省交通厅主办，省自然资源厅、省财政厅协办）
2.建设储备粮库3座。（省粮食局主办）
3.修订地方标准10项。（省市场监管局负责，省工信厅配合，长期坚持）
"""
    tasks = leaves(draft_text(text, "分工.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("省交通厅", "lead"), ("省自然资源厅", "support"), ("省财政厅", "support")],
        [("省粮食局", "lead")],
        [("省市场监管局", "lead"), ("省工信厅", "support")],
    ]
    assert tasks[2].deadline_text == "长期坚持"


def test_a_bare_reference_to_whoever_is_concerned_is_no_unit_but_a_counted_group_is() -> None:
    text = """某区2032年实事项目
1.建设社区食堂8家。（区民政局牵头，相关部门、8个街道、镇按职责分工负责）
2.新增公共充电桩300个。（区发改委牵头，有关单位配合）
"""
    tasks = leaves(draft_text(text, "实事.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("区民政局", "lead"), ("8个街道、镇", "support")],
        [("区发改委", "lead")],
    ]


def test_an_indicator_table_flattened_one_line_per_printed_line() -> None:
    # 类别 printed once per group, the group's first cell right after the header; cells the
    # page wrapped (“提高2个⏎百分点”, “不超过⏎500人”); two units a line each; no 序号 column
    lines = [
        "表2：某镇2032年主要指标",
        "类别",
        "指标名称",
        "年度目标",
        "责任科室",
        "经济发展",
        "1、镇级税收增长率",
        "5%以上",
        "镇财政所",
        "2、规上企业产值占全镇",
        "比重",
        "提高2个",
        "百分点",
        "镇经发办",
        "镇统计站",
        "社会民生",
        "3、城镇登记失业人数",
        "不超过",
        "500人",
        "镇社保所",
    ]
    plan = draft_text("\n".join(lines), "指标.txt").plan
    tasks = leaves(plan)
    assert [(t.code, t.title, t.content) for t in tasks] == [
        ("1", "镇级税收增长率", "5%以上"),
        ("2", "规上企业产值占全镇比重", "提高2个百分点"),
        ("3", "城镇登记失业人数", "不超过500人"),
    ]
    assert [units_of(t) for t in tasks] == [
        [("镇财政所", "responsible")],
        [("镇经发办", "responsible"), ("镇统计站", "responsible")],
        [("镇社保所", "responsible")],
    ]


def test_a_closing_clause_with_hui_tong_names_lead_and_support() -> None:
    text = """某省人民政府办公厅关于落实2032年重点工作的分工意见
（一）关于“建设沿江物流走廊”的问题，由省交通厅会同省商务厅、省海事局等部门研究提出实施方案。
（二）关于“修复湿地1万亩”的问题，由省林业局会同省水利厅等部门负责落实。
"""
    tasks = leaves(draft_text(text, "分工意见.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("省交通厅", "lead"), ("省商务厅", "support"), ("省海事局", "support")],
        [("省林业局", "lead"), ("省水利厅", "support")],
    ]


def test_a_bracket_the_page_left_open_is_no_part_of_the_name() -> None:
    text = """某市2032年重点工作
一、工业
扩建铸造产业园。（市工信局牵头落实）
整治化工园区2个。（市应急局、市生态局牵头落实
"""
    tasks = leaves(draft_text(text, "重点工作.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("市工信局", "lead")],
        [("市应急局", "lead"), ("市生态局", "lead")],
    ]


def test_a_number_closed_by_an_ideographic_stop_is_an_item_number() -> None:
    text = """某区2032年任务分工
1。完善社区养老服务网络。（区民政局负责）
2。建设智慧停车平台。（区城管委负责）
"""
    tasks = leaves(draft_text(text, "分工.txt").plan)
    assert [(t.code, t.title) for t in tasks] == [("1", "完善社区养老服务网络"), ("2", "建设智慧停车平台")]


def test_prefecture_groups_stay_whole() -> None:
    from tracker.drafting.units import split_units

    assert split_units("省民政厅、各州、市人民政府、各盟、市政府") == [
        "省民政厅",
        "各州、市人民政府",
        "各盟、市政府",
    ]


def test_how_offices_phrase_a_figure() -> None:
    from tracker.drafting.targets import find_targets

    def read(text: str) -> list[tuple[int, str, float | None, str | None]]:
        return [(t.year, t.comparator, t.value, t.unit) for t in find_targets(text, 2032)]

    # striving for a figure makes it a floor; “左右” after “控制在” is about, not at most
    assert read("力争全年引进外资企业6家") == [(2032, ">=", 6.0, "家")]
    assert read("养殖总量控制在80万头左右") == [(2032, "~", 80.0, "万头")]
    assert read("城镇人口控制在45万人左右") == [(2032, "~", 45.0, "万人")]
    # a decrease is a negative change; “以上” on a decrease bounds it from below in size
    assert read("单位产值水耗降低6%") == [(2032, "=", -6.0, "%")]
    assert read("化肥用量下降2%以上") == [(2032, "<=", -2.0, "%")]
    # a base year is not the year the figure is due
    assert read("旅游收入在2031年的基础上再增长8%") == [(2032, "=", 8.0, "%")]
    assert read("2033年林地面积比2030年增加3万亩") == [(2033, "=", 3.0, "万亩")]


def test_a_plan_dated_only_by_the_five_year_plan_it_carries_out_or_its_page() -> None:
    five = draft_text(
        "为落实《某市国民经济和社会发展第十二个五年规划纲要》，现分工如下：\n"
        "1.城镇化率达到60%。（市住建委牵头）\n",
        "分工.txt",
    )
    assert five.plan.period is not None
    assert (five.plan.period.start, five.plan.period.end) == (2011, 2015)
    assert any("第十二个五年" in w for w in five.warnings)
    page = draft_text("某局重点工作分工\n发布时间：2029-3-8\n1.新建图书馆1座。（市文旅局负责）\n", "分工.txt")
    assert page.plan.period is not None and page.plan.period.start == 2029
    assert "文件未写明方案年份，已按页面的发布日期（2029年）填写，请核对" in page.warnings


def test_groups_of_every_kind_of_place_stay_whole() -> None:
    from tracker.drafting.units import split_units

    # the kinds of place provinces and autonomous regions group, with brackets on any of them
    assert split_units("各市、县、自治县人民政府、省农业厅") == ["各市、县、自治县人民政府", "省农业厅"]
    assert split_units("各市（州）、县（市）人民政府") == ["各市（州）、县（市）人民政府"]
    assert split_units("各盟市、旗县（市、区）人民政府") == ["各盟市、旗县（市、区）人民政府"]
    assert split_units("各区、县（市）政府及高新区管委会") == ["各区、县（市）政府", "高新区管委会"]
    assert split_units("各区、县") == ["各区、县"]


def test_an_office_own_numbered_task_table_without_a_unit_column() -> None:
    # the whole document is the office's table of its tasks: its units are the issuer, named
    # by the bodies opening the title; “任务来源” says where a task came from, it is no task
    text = (
        "市甲局、市乙中心2032年重点任务推进情况\n"
        "序号\t任务内容\t任务来源\t推进情况\n"
        "1\t建成政务云平台。\t年度考核事项\t已完成招标\n"
        "2\t开展数据普查。\t年度考核事项\t已启动\n"
    )
    draft = draft_text(text, "推进情况.txt")
    tasks = leaves(draft.plan)
    assert [(t.code, t.title) for t in tasks] == [("1", "建成政务云平台"), ("2", "开展数据普查")]
    assert [units_of(t) for t in tasks] == [[("市甲局", "responsible"), ("市乙中心", "responsible")]] * 2
    assert all(t.units_inferred for t in tasks)


def test_a_numbered_table_without_units_beside_tasks_that_name_them_is_no_task_list() -> None:
    text = (
        "某县2032年工作要点\n"
        "1.建设物流园1个。（县商务局负责）\n"
        "序号\t指标名称\t2032年目标\n"
        "1\t地区生产总值增速\t6%\n"
    )
    tasks = leaves(draft_text(text, "要点.txt").plan)
    assert [t.title for t in tasks] == ["建设物流园1个"]


def test_places_listed_before_the_body_they_all_name_share_it() -> None:
    from tracker.drafting.units import split_units

    assert split_units("甲东市、乙西市、丙南州农业农村部门") == [
        "甲东市农业农村部门",
        "乙西市农业农村部门",
        "丙南州农业农村部门",
    ]
    # a place beside bodies is a place of its own
    assert split_units("省财政厅、甲东市、乙西市农业局") == ["省财政厅", "甲东市", "乙西市农业局"]


def test_labelled_sentences_after_the_units_carry_on_their_fields() -> None:
    text = """某县2032年民生实事
1.新建公厕30座。责任单位：县城管局，各乡镇人民政府。完成时限：2032年9月底。
2.改造农村公路40公里。牵头单位：县交通局。配合单位：县财政局。
"""
    tasks = leaves(draft_text(text, "实事.txt").plan)
    assert [(units_of(t), t.deadline) for t in tasks] == [
        ([("县城管局", "responsible"), ("各乡镇人民政府", "responsible")], date(2032, 9, 30)),
        ([("县交通局", "lead"), ("县财政局", "support")], None),
    ]


def test_the_issuer_named_by_the_notice_or_by_the_title() -> None:
    notice = draft_text(
        "某州人民政府办公室关于印发2032年重点工作分工方案的通知\n1.建设物流港1个。（州商务局负责）\n",
        "通知.txt",
    )
    assert notice.plan.issuer == "某州人民政府办公室"
    titled = draft_text(
        "县甲局、县乙中心2032年工作要点\n序号\t工作内容\t推进情况\n1\t建设机房1间。\t筹备中\n", "要点.txt"
    )
    assert titled.plan.issuer == "县甲局、县乙中心"
    place = draft_text("某县2032年工作要点\n1.建设机房1间。（县数据局负责）\n", "要点.txt")
    assert place.plan.issuer is None


def test_a_point_under_a_named_goal_in_a_table_is_the_task() -> None:
    text = (
        "某区2032年目标任务分解表\n"
        "序号\t目标名称\t工作标准\t牵头单位\t配合单位\n"
        "1\t三大片区建设\t（1）滨江片区要见成效，完成岸线整治5公里。\t区建设局\t甲街道、乙街道\n"
        "2\t营商环境\t办事时限压缩30%。\t区政务办\t\n"
    )
    plan = draft_text(text, "分解表.txt").plan
    assert [(t.code, t.title, [c.code for c in t.children]) for t in plan.tasks] == [
        ("1", "三大片区建设", ["（1）"]),
        ("2", "营商环境", []),
    ]
    (point,) = plan.tasks[0].children
    assert point.title == "滨江片区要见成效，完成岸线整治5公里"
    assert units_of(point) == [("区建设局", "lead"), ("甲街道", "support"), ("乙街道", "support")]


def test_group_rows_numbered_with_arabic_brackets_nest_and_an_empty_group_is_no_task() -> None:
    text = (
        "某镇2032年重点工作责任表\n"
        "序号\t重点工作内容\t责任单位\t配合单位\n"
        "一、关于产业发展\n"
        "（1）发展休闲农业。\n"
        "1\t建成采摘园3个。\t镇农办\t各村\n"
        "（2）发展乡村旅游。\n"
    )
    plan = draft_text(text, "责任表.txt").plan
    assert [(t.code, [(c.code, [g.title for g in c.children]) for c in t.children]) for t in plan.tasks] == [
        ("一", [("（1）", ["建成采摘园3个"])]),
    ]


def test_full_width_digits_read_as_digits() -> None:
    text = """某县２０３２年重点工作任务分解
１．新建农贸市场２个。（县商务局牵头，县财政局配合，２０３２年１０月底前完成）
２．改造供水管网１５公里。
责任单位：县水务局
完成时限：２０３２年１２月
"""
    plan = draft_text(text, "分解.txt").plan
    assert plan.period is not None and plan.period.start == 2032
    tasks = leaves(plan)
    assert [(t.code, t.deadline) for t in tasks] == [("1", date(2032, 10, 31)), ("2", date(2032, 12, 31))]
    assert [[(x.year, x.value) for m in t.metrics for x in m.targets] for t in tasks] == [
        [(2032, 2.0)],
        [(2032, 15.0)],
    ]
    reviewed = plan.model_copy(deep=True)
    reviewed.tasks[0].title = "新建农贸市场２个"  # a reviewer who kept the printed digits
    assert compare(reviewed, plan).tasks.found == 2


def test_a_flattened_table_with_supporting_units_a_line_each() -> None:
    cells = [
        "某乡2032年重点工作分解表",
        "序号", "重点任务", "具体内容", "牵头单位", "配合单位", "完成时限",
        "1", "壮大菌菇产业", "新建菌棚40个", "乡农业站", "乡财政所", "乡林业站", "2032年11月底前",
        "2", "改善办学条件", "新建学校1所", "乡中心校", "2032年8月",
    ]  # fmt: skip
    tasks = leaves(draft_text("\n".join(cells), "分解表.txt").plan)
    assert [(t.title, units_of(t), t.deadline) for t in tasks] == [
        (
            "壮大菌菇产业",
            [("乡农业站", "lead"), ("乡财政所", "support"), ("乡林业站", "support")],
            date(2032, 11, 30),
        ),
        ("改善办学条件", [("乡中心校", "lead")], date(2032, 8, 31)),
    ]


def test_words_with_a_figure_are_no_unit_but_a_counted_group_is() -> None:
    from tracker.drafting.units import looks_like_unit

    assert not looks_like_unit("新建学校1所")
    assert looks_like_unit("13个街道")


def test_deadline_labels_as_offices_word_them() -> None:
    text = """某镇2032年重点工作
1.修缮祠堂。
责任单位：镇文化站
进度安排：2032年11月底前完成
2.硬化村道。
责任单位：镇建设办
截止时间：2032年7月
"""
    tasks = leaves(draft_text(text, "工作.txt").plan)
    assert [t.deadline for t in tasks] == [date(2032, 11, 30), date(2032, 7, 31)]


def test_bodies_of_border_and_farming_regions_are_units() -> None:
    from tracker.drafting.units import looks_like_unit

    for name in ("兵团第九师", "东风农场", "白桦林场", "乌兰嘎查", "杏花村"):
        assert looks_like_unit(name), name
    for words in ("美丽乡村", "新农村", "市场"):
        assert not looks_like_unit(words), words


def test_the_first_listed_rule_in_other_words() -> None:
    text = """某县2032年重点工作任务分工（多个单位负责的，第一个单位为牵头单位，下同）
1.建设农产品冷链中心1个。（县商务局、县农业局、县供销社）
2.新建农村公路30公里。（县交通局、各乡镇人民政府）
"""
    tasks = leaves(draft_text(text, "分工.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("县商务局", "lead"), ("县农业局", "support"), ("县供销社", "support")],
        [("县交通局", "lead"), ("各乡镇人民政府", "support")],
    ]


def test_units_sentences_close_tasks_mid_paragraph_and_ordinals_number_pieces() -> None:
    text = """某省2032年重点工作分工
一、稳定经济增长
扩大有效投资，实施重点项目400个。省发改委牵头，省财政厅等按职责分工负责。促进消费回升，社会消费品零售总额增长5%。省商务厅牵头，各市人民政府负责。
二、推动创新
一是建设中试基地3家（省科技厅负责）；二是培育专精特新企业200家（省工信厅、省财政厅负责）。
"""
    tasks = leaves(draft_text(text, "分工.txt").plan)
    assert [(t.code, t.title, units_of(t)) for t in tasks] == [
        ("1", "扩大有效投资，实施重点项目400个", [("省发改委", "lead"), ("省财政厅", "support")]),
        ("2", "促进消费回升，社会消费品零售总额增长5%", [("省商务厅", "lead"), ("各市人民政府", "support")]),
        ("一是", "建设中试基地3家", [("省科技厅", "responsible")]),
        ("二是", "培育专精特新企业200家", [("省工信厅", "responsible"), ("省财政厅", "responsible")]),
    ]


def test_a_two_row_header_flattened_one_cell_per_line() -> None:
    cells = [
        "某乡2032年重点工作分解表",
        "序号", "重点任务", "责任单位", "完成时限", "牵头单位", "配合单位",
        "1", "新建蓄水池6座", "乡水管站", "乡财政所", "2032年5月底前",
        "2", "培训农技人员80人", "乡农技站", "各村委会", "2032年9月",
    ]  # fmt: skip
    tasks = leaves(draft_text("\n".join(cells), "分解表.txt").plan)
    assert [(units_of(t), t.deadline) for t in tasks] == [
        ([("乡水管站", "lead"), ("乡财政所", "support")], date(2032, 5, 31)),
        ([("乡农技站", "lead"), ("各村委会", "support")], date(2032, 9, 30)),
    ]
    spanning = ["某乡2032年重点工作分解表", "序号", "重点任务", "责任单位", "牵头单位", "配合单位"]
    spanning += ["1", "新建蓄水池6座", "乡水管站", "乡财政所"]
    (task,) = leaves(draft_text("\n".join(spanning), "分解表.txt").plan)
    assert units_of(task) == [("乡水管站", "lead"), ("乡财政所", "support")]


def test_more_role_words_in_headers_and_labels() -> None:
    from tracker.importers.columns import field_of_header

    assert [
        field_of_header(h) for h in ("主要负责单位", "具体负责单位", "协助单位", "参加单位", "主办处室")
    ] == [
        "lead",
        "responsible",
        "support",
        "support",
        "lead",
    ]
    text = """某厅2032年工作要点
1.编制产业地图。
主要负责单位：厅规划处
协助单位：厅信息中心
2.开展产业调研。（牵头部门：厅产业处；参加单位：厅规划处、厅统计处）
"""
    tasks = leaves(draft_text(text, "要点.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("厅规划处", "lead"), ("厅信息中心", "support")],
        [("厅产业处", "lead"), ("厅规划处", "support"), ("厅统计处", "support")],
    ]


def test_notes_beside_a_unit_person_helper_and_a_deadline_bracket() -> None:
    text = """某县2032年重点工作
1.建设污水站2座。（责任单位：县住建局（责任人：孙某）、县财政局（配合））
2.建设停车场1个。（县城管局牵头，县交警大队配合）（2032年6月底前）
"""
    tasks = leaves(draft_text(text, "工作.txt").plan)
    assert [(units_of(t), t.deadline) for t in tasks] == [
        ([("县住建局", "lead"), ("县财政局", "support")], None),
        ([("县城管局", "lead"), ("县交警大队", "support")], date(2032, 6, 30)),
    ]
    table = "某县2032年任务表\n序号\t重点任务\t责任单位\n1\t建设公园1个\t县林业局（责任人：周某）、县水务局（配合）\n"
    (row,) = leaves(draft_text(table, "任务表.txt").plan)
    assert units_of(row) == [("县林业局", "lead"), ("县水务局", "support")]


def test_a_task_cell_the_page_wrapped_in_a_flattened_table_stays_one_cell() -> None:
    cells = [
        "某区2032年重点工作任务表",
        "序号", "重点任务", "牵头单位", "完成时限",
        "1", "建设城市运行管理", "平台三期工程", "区数据局", "2032年底",
        "2", "新建充电桩500个", "区发改委", "2032年10月",
    ]  # fmt: skip
    tasks = leaves(draft_text("\n".join(cells), "任务表.txt").plan)
    assert [(t.code, t.title) for t in tasks] == [
        ("1", "建设城市运行管理平台三期工程"),
        ("2", "新建充电桩500个"),
    ]


def test_a_ruled_table_with_a_rule_line_under_its_header() -> None:
    text = """某区2032年任务
| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |
|---|---|---|---|---|
| 1 | 建设社区书屋12个 | 区文旅局 | 各街道 | 2032年10月 |
"""
    plan = draft_text(text, "任务.txt").plan
    assert [(t.code, t.title, units_of(t)) for t in plan.tasks] == [
        ("1", "建设社区书屋12个", [("区文旅局", "lead"), ("各街道", "support")])
    ]
