"""Reading rules found on session 4's third held-out set (lists of 实事, clause runs, figures).

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

import docx
import pytest

from tracker.drafting import draft_file, draft_text
from tracker.drafting.cells import Table
from tracker.drafting.draft import draft_blocks
from tracker.drafting.targets import find_targets
from tracker.drafting.units import find_units, split_units
from tracker.errors import BadInput

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "data" / "drafting"))
from draft_helpers import leaves, read, table_of, units_of
from make_docx import decimal_numbering, numbered


def test_a_list_naming_no_units_keeps_every_section_whatever_its_heading() -> None:
    text = """2032年为民办实事项目
一、实施交通便民工程
（一）新增公交线路8条
（二）改造候车亭30个
二、改善老旧小区居住条件
改造老旧小区12个
三、办好群众满意的教育
（一）新建幼儿园4所
（二）新增学位900个
"""
    tasks = leaves(draft_text(text, "实事.txt").plan)
    assert [t.title for t in tasks] == [
        "新增公交线路8条",
        "改造候车亭30个",
        "改善老旧小区居住条件",
        "新建幼儿园4所",
        "新增学位900个",
    ]
    single = next(t for t in tasks if t.title == "改善老旧小区居住条件")
    assert [(x.value, x.comparator) for m in single.metrics for x in m.targets] == [(12.0, "=")]


def test_a_section_written_as_one_sentence_among_sections_of_items_is_a_task() -> None:
    text = """某省2032年民生实事
一、完成易地搬迁5万人。
二、提高城乡低保标准。将最低标准由每月600元提高到700元。
三、保障食品安全
（一）食品抽检合格率达98%以上。
（二）破获食品犯罪案件不少于300起。
"""
    tasks = leaves(draft_text(text, "实事.txt").plan)
    assert [t.code for t in tasks] == ["一", "二", "（一）", "（二）"]
    targets = {(x.value, x.comparator, m.unit) for t in tasks for m in t.metrics for x in m.targets}
    assert targets == {(5.0, "=", "万人"), (700.0, "=", "元"), (98.0, ">=", "%"), (300.0, ">=", "起")}


def test_a_notice_numbering_its_own_requirements_is_not_a_task_list() -> None:
    text = """某区人民政府办公室关于印发2032年重点工作分工方案的通知
一、提高站位。各单位要高度重视，确保按时完成。
二、加强督查。区督查室要定期通报进展。
2032年重点工作分工方案
一、推动创新发展
（一）新增高新技术企业20家。（区科技局负责）
（二）建设孵化器2个。（区科技局负责）
"""
    tasks = leaves(draft_text(text, "通知.txt").plan)
    assert [t.title for t in tasks] == ["新增高新技术企业20家", "建设孵化器2个"]


def test_the_first_is_lead_rule_written_inside_a_units_bracket() -> None:
    text = """某省2032年分工方案
一、完善交通网络
1.建设环湖公路一期。（省交通厅、省财政厅、省自然资源厅负责。列第一位的为牵头部门，下同）
2.改造国道30公里。（省交通厅、省发改委负责）
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("省交通厅", "lead"), ("省财政厅", "support"), ("省自然资源厅", "support")],
        [("省交通厅", "lead"), ("省发改委", "support")],
    ]


def test_bodies_joined_by_and_with_a_bare_kind_stay_one_group() -> None:
    assert split_units("有关设区市、省有关部门和单位") == ["有关设区市", "省有关部门和单位"]
    assert split_units("市委组织部和市人社局") == ["市委组织部", "市人社局"]


def test_units_named_in_a_run_of_clauses_opening_the_work() -> None:
    found = find_units(
        "由张某副市长负责，市发改委牵头，市财政局、市统计局配合，尽快完成方案编制，报市政府审定。"
    )
    assert found is not None
    assert (found.names, found.leads, found.supports, found.leader) == (
        ["市发改委", "市财政局", "市统计局"],
        ["市发改委"],
        ["市财政局", "市统计局"],
        "张某副市长",
    )
    generic = find_units("市建设局牵头，相关部门配合，按要求修改完善建设方案。")
    assert generic is not None and (generic.names, generic.leads) == (["市建设局"], ["市建设局"])
    # a kind of body with no name (“企业牵头”) answers for nothing: no unit list
    assert find_units("企业牵头，高校参与，共建研发平台。") is None


def test_an_annual_plan_that_opens_by_naming_its_year() -> None:
    text = """2031年是实施规划的关键之年。总的要求是：稳中求进。
1.加大帮扶力度。全年完成帮扶8万人以上。（责任单位：有关县区）
"""
    draft = draft_text(text, "要点.txt")
    assert draft.plan.period is not None and (draft.plan.period.start, draft.plan.period.end) == (2031, 2031)
    assert any("正文开头所说的2031年" in w for w in draft.warnings)
    (task,) = leaves(draft.plan)
    assert [(x.year, x.comparator, x.value) for m in task.metrics for x in m.targets] == [(2031, ">=", 8.0)]


def test_a_starting_figure_and_a_policy_parameter_are_not_goals() -> None:
    assert read("将最低标准由家庭年人均收入2650元提高到3000元") == [(2032, "=", 3000.0, "元")]
    assert read("财政补差水平按最低标准的80%确定") == []
    assert read("对认定企业给予50万元奖励") == []
    assert read("储备活体生猪10.8万头") == [(2032, "=", 10.8, "万头")]


def test_a_table_printed_one_cell_per_line_between_bar_lines() -> None:
    lines = ["序号", "|", "重点工作任务", "|", "责任单位", "|", "（一）王某市长牵头重点工作", "|"]
    lines += ["1", "|", "加快建设科创走廊。", "|", "市科技局、市发改委", "|"]
    lines += [
        "2",
        "|",
        "推进人才综合体建设，",
        "打造青年人才中心。",
        "|",
        "市人社局、市科技局、团市委配合落实",
        "|",
    ]
    lines += ["3", "|", "培育科技企业。", "|", "市科技局"]
    tasks = leaves(draft_text("\n".join(lines), "表.txt").plan)
    assert [(t.code, units_of(t)) for t in tasks] == [
        ("1", [("市科技局", "responsible"), ("市发改委", "responsible")]),
        ("2", [("市人社局", "responsible"), ("市科技局", "responsible"), ("团市委", "support")]),
        ("3", [("市科技局", "responsible")]),
    ]
    assert tasks[1].title == "推进人才综合体建设，打造青年人才中心"


def test_the_rule_naming_a_lead_or_collecting_unit_is_no_unit() -> None:
    text = """2032年重点工作责任分解
1.推进数字政府建设。
责任单位：市政府办公室、市大数据局、各区县政府（含新区管委会）（列第一位的为工作牵头单位或汇总单位，下同）
2.提升政务服务水平。
责任单位：市行政审批局、市大数据局
"""
    tasks = leaves(draft_text(text, "分解.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("市政府办公室", "lead"), ("市大数据局", "support"), ("各区县政府（含新区管委会）", "support")],
        [("市行政审批局", "lead"), ("市大数据局", "support")],
    ]


def test_an_item_the_text_breaks_off_in_is_left_out_with_a_warning() -> None:
    text = """某市2032年重点工作
一、推动创新
1.建设研发平台5个。
责任单位：市科技局
2.引进人才团队10个。
责任单位：市人社局
二、扩大开放
3.大力支持民
"""
    draft = draft_text(text, "工作.txt")
    assert [t.code for t in leaves(draft.plan)] == ["1", "2"]
    assert any("“3.大力支持民”处中断" in w or "“大力支持民”处中断" in w for w in draft.warnings)
    # an item that ends its sentence is kept, units or not
    whole = draft_text(text.replace("3.大力支持民", "3.大力支持民营经济发展。"), "工作.txt")
    assert [t.code for t in leaves(whole.plan)] == ["1", "2", "3"]


def test_the_guiding_ideas_beside_goals_that_name_units_are_not_a_task() -> None:
    text = """某市2032年实施方案
一、总体要求
（一）指导思想
以创新驱动为引领，加快建设现代化城市。
（二）主要目标
——地区生产总值增长6%；（牵头部门：市发改委）
——研发投入增长10%。（牵头部门：市科技局）
二、重点任务
1.建设科创园区。（牵头部门：市科技局）
"""
    titles = [t.title for t in leaves(draft_text(text, "方案.txt").plan)]
    assert "指导思想" not in titles
    assert "建设科创园区" in titles


def test_a_bracket_inside_a_labelled_list_is_part_of_the_name() -> None:
    found = find_units("实施专利导航工程。责任部门：市市场监管局（知识产权局）。")
    assert found is not None and found.names == ["市市场监管局（知识产权局）"]


def test_a_spaced_table_with_half_width_stops_and_its_header_run_onto_a_paragraph() -> None:
    text = """关于分解落实2032年政府工作任务的通知.附件:任务分解表 某市人民政府办公室 序号 名称 工作任务 牵头责任单位

一、主要预期目标分解(3项)

1 地区生产总值增长6%以上,服务业比重达50%. 发改委

2 研发经费支出占比提高到3.1%. 科技局

3 固定资产投资增长8%,其中:工业投资增长10%. 发改委、经信委
"""
    tasks = leaves(draft_text(text, "通知.txt").plan)
    assert [(t.code, t.title, units_of(t)) for t in tasks] == [
        ("1", "地区生产总值增长6%以上，服务业比重达50%", [("发改委", "lead")]),
        ("2", "研发经费支出占比提高到3.1%", [("科技局", "lead")]),
        ("3", "固定资产投资增长8%，其中：工业投资增长10%", [("发改委", "lead"), ("经信委", "lead")]),
    ]


def test_half_width_punctuation_between_chinese_words_only() -> None:
    from tracker.drafting.text import cjk_punctuation

    assert cjk_punctuation("增长7%以上,服务业占比47.1%. 发改委") == "增长7%以上，服务业占比47.1%。 发改委"
    assert cjk_punctuation("1. 新增企业1,000家;新建平台2个") == "1. 新增企业1,000家；新建平台2个"


def test_co_leads_written_as_each_leading_and_the_rule_with_an_exception() -> None:
    text = """某市2032年工作报告责任分解
1.城乡居民收入增速保持领先。
责任单位：市人社局、市农业农村局分别牵头
2.固定资产投资增长10%。
责任单位：市发改委、市经信局、市科技局（除标注“分别牵头”外，列第一位的为牵头单位，下同）
3.研发投入强度达到3%。
责任单位：市科技局、市统计局
"""
    tasks = leaves(draft_text(text, "分解.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("市人社局", "lead"), ("市农业农村局", "lead")],
        [("市发改委", "lead"), ("市经信局", "support"), ("市科技局", "support")],
        [("市科技局", "lead"), ("市统计局", "support")],
    ]


def test_same_below_closing_a_unit_list_is_no_unit() -> None:
    assert split_units("甲局、乙厅，丙公司，四市人民政府按职责分工负责，下同") == [
        "甲局",
        "乙厅",
        "丙公司",
        "四市人民政府",
    ]


def test_an_item_whose_last_unit_the_text_breaks_off_in_is_left_out() -> None:
    text = """某市2032年目标任务分解表
序号\t目标任务\t牵头单位
1\t研发投入增长8%\t市科技局
2\t城镇新增就业5万人\t市人社局
3\t城镇调查失业率5.5%左右\t市人
"""
    draft = draft_text(text, "表.txt")
    assert [t.code for t in leaves(draft.plan)] == ["1", "2"]
    assert any("责任单位“市人”处中断" in w for w in draft.warnings)
    # a list cut off at its label leaves no one-character unit
    found = find_units("紧盯重大项目招引。责任单位：市")
    assert found is None or found.names == []


def test_a_tab_row_whose_trailing_cells_an_editor_stripped_keeps_its_cells_in_place() -> None:
    text = """某市2032年目标任务分解表
序号\t目标任务\t牵头单位\t配合单位
1\t研发投入增长8%\t市科技局\t市统计局
2\t城镇新增就业5万人\t市人社局
3\t新增高企100家\t市科技局\t市税务局
"""
    tasks = leaves(draft_text(text, "表.txt").plan)
    assert [(t.code, t.title, [u.name for u in t.units]) for t in tasks] == [
        ("1", "研发投入增长8%", ["市科技局", "市统计局"]),
        ("2", "城镇新增就业5万人", ["市人社局"]),
        ("3", "新增高企100家", ["市科技局", "市税务局"]),
    ]


def test_a_note_closing_a_list_names_the_units_of_every_item_above_it() -> None:
    text = """某区2032年科技工作任务
1.新增高新技术企业20家。
2.培育科技型中小企业100家。
3.建设众创空间2个。（区人社局负责）
以上工作由区科技局牵头，区财政局配合。
"""
    tasks = leaves(draft_text(text, "任务.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("区科技局", "lead"), ("区财政局", "support")],
        [("区科技局", "lead"), ("区财政局", "support")],
        [("区人社局", "responsible")],  # an item naming its own units keeps them
    ]


def test_items_each_followed_by_a_bare_line_of_units_and_a_date() -> None:
    text = """某区2032年重点任务
1.建设人工智能产业园
区科技局、区发改局
2032年12月
2.打造数字经济示范区
区工信局
2032年10月
"""
    tasks = leaves(draft_text(text, "任务.txt").plan)
    assert [(units_of(t), t.deadline_text) for t in tasks] == [
        ([("区科技局", "responsible"), ("区发改局", "responsible")], "2032年12月"),
        ([("区工信局", "responsible")], "2032年10月"),
    ]
    # one such line closing the text is the 落款, not a unit list
    signed = draft_text(
        "某区2032年重点任务\n1.建设产业园。\n2.打造示范区。\n区科技局办公室\n2032年3月1日\n", "任务.txt"
    )
    assert all(not t.units or t.units_inferred for t in leaves(signed.plan))


def test_more_header_words_name_their_columns() -> None:
    from tracker.importers.columns import match_headers

    assert match_headers(["序号", "工作任务", "实施主体", "协作单位", "工作要求"]) == {
        "code": 1,
        "title": 2,
        "responsible": 3,
        "support": 4,
        "content": 5,
    }


def test_notes_naming_the_units_of_the_last_items_or_of_one() -> None:
    text = """2032年某市目标管理工作方案
一、发展目标
1.地区生产总值增长6%；
2.第三产业增加值达到900亿元；
2项目标的责任单位均为市发展改革委。
3.地方财政收入净增30亿元；
该目标责任单位为市财政局。
以上3项目标分别确定了责任领导（见附件1）。
二、减排目标
1.单位生产总值能耗下降3%；
该项目标责任单位为市发展改革委、统计局、经委。
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [[u.name for u in t.units] for t in tasks] == [
        ["市发展改革委"],
        ["市发展改革委"],
        ["市财政局"],
        ["市发展改革委", "统计局", "经委"],
    ]


def test_a_table_with_no_unit_column_is_the_issuers_own() -> None:
    table = table_of(
        ["任 务 名 称", "任 务 单", "限期时间", "责任人"],
        [
            ["推进专利创造", "完成有效发明专利120件", "每季度末", "张某"],
            ["培育高企", "新增高企6家", "年底", "李某"],
        ],
    )
    draft = draft_blocks(["某县科技局2032年重点工作清单", table], "清单.docx")
    tasks = leaves(draft.plan)
    assert [(t.title, [u.name for u in t.units], t.units_inferred) for t in tasks] == [
        ("推进专利创造", ["某县科技局"], True),
        ("培育高企", ["某县科技局"], True),
    ]
    assert [(x.value, m.unit) for m in tasks[0].metrics for x in m.targets] == [(120.0, "件")]


def test_a_goal_column_of_bare_figures_under_a_header_over_two_columns() -> None:
    table = Table(rows=4, cols=4)
    cells = {
        (1, 1): "项 目", (1, 3): "目标任务", (1, 4): "监考单位",
        (2, 1): "经济发展", (2, 2): "全社会固定资产投资额", (2, 3): "186", (2, 4): "区发改局\n区统计局",
        (3, 2): "城镇登记失业率", (3, 3): "低于 4.1", (3, 4): "区人社局",
        (4, 2): "地区生产总值增长率", (4, 3): "年终综合考核", (4, 4): "区发改局",
    }  # fmt: skip
    table.cells = cells
    table.boxes = [(1, 1, 1, 2), (2, 1, 4, 1)]
    tasks = leaves(draft_blocks(["某区2032年目标任务分解表", table], "表.docx").plan)
    assert [(t.title, [u.name for u in t.units]) for t in tasks] == [
        ("全社会固定资产投资额", ["区发改局", "区统计局"]),
        ("城镇登记失业率", ["区人社局"]),
        ("地区生产总值增长率", ["区发改局"]),
    ]
    figures = [[(x.comparator, x.value, m.unit) for m in t.metrics for x in m.targets] for t in tasks]
    assert figures == [[("=", 186.0, None)], [("<=", 4.1, None)], []]


def test_units_every_later_item_involves_and_a_group_sharing_a_body() -> None:
    text = """某省2032年工作要点
1.发展算力产业。（责任单位：省大数据局、省工信厅，各市〔州〕、新区数据管理部门。除专门列出外，以下任务均涉及各市〔州〕、新区数据管理部门，不再重复）
2.发展数据产业。（责任单位：省大数据局、省大数据集团）
"""
    tasks = leaves(draft_text(text, "要点.txt").plan)
    assert [[u.name for u in t.units] for t in tasks] == [
        ["省大数据局", "省工信厅", "各市〔州〕数据管理部门", "新区数据管理部门"],
        ["省大数据局", "省大数据集团", "各市〔州〕数据管理部门", "新区数据管理部门"],
    ]


def test_a_heading_closing_with_its_lead_leads_the_items_under_it() -> None:
    text = """某区2032年政策举措
一、强化科技创新（区科技局牵头）
2032年，力争研发投入强度达到3%。
（一）加强科创平台建设。支持企业建设研发中心。
（二）培育科技企业。新增高企20家。
"""
    draft = draft_text(text, "举措.txt")
    assert [units_of(t) for t in leaves(draft.plan)] == [[("区科技局", "lead")], [("区科技局", "lead")]]
    assert [(x.comparator, x.value) for m in draft.plan.metrics for x in m.targets] == [(">=", 3.0)]


def test_the_plan_handed_over_in_the_notices_first_sentence_is_the_title() -> None:
    text = "《某省2032年数字经济工作要点》已经省领导同意，现印发给你们，请认真贯彻落实。\n1.发展算力产业。（责任单位：省数据局）\n"
    plan = draft_text(text, "要点.txt").plan
    assert plan.title == "某省2032年数字经济工作要点"
    assert plan.period is not None and plan.period.start == 2032


def test_bullets_and_an_introduction_ending_in_a_dash_are_not_task_text() -> None:
    text = """3月1日，有关部门印发重点工作分工，一起来看——
??? 提升创新能力
? 实施基础研究规划，加强长期稳定支持。（甲部、乙部等按职责分工负责，年内持续推进）
● 加强科普工作。（甲部牵头，丙部参与）
"""
    tasks = leaves(draft_text(text, "分工.txt").plan)
    assert [t.title for t in tasks] == ["实施基础研究规划，加强长期稳定支持", "加强科普工作"]


def test_a_cell_table_whose_header_words_the_page_wrapped_and_whose_rows_have_no_note() -> None:
    lines = ["重点工作", "主要", "任务", "工作措施", "责任", "单位", "备注"]
    lines += ["一、加大财政支持力度", "（一）加强重点企业支持"]
    lines += ["2.对重点企业给予设备购置补贴。", "市经信局、市财政局等，各县、市、区政府"]
    lines += ["3.对库存产品兜底采购收储。", "市财政局等，各县、市、区政府"]
    tasks = leaves(draft_text("\n".join(lines), "表.txt").plan)
    assert [(t.code, [u.name for u in t.units]) for t in tasks] == [
        ("2", ["市经信局", "市财政局", "各县、市、区政府"]),
        ("3", ["市财政局", "各县、市、区政府"]),
    ]


def test_figures_that_count_the_items_above_or_fall_or_stay_below_a_bound() -> None:
    assert read("以上8项目标分别确定了责任领导") == []
    assert read("完成COD减排15.1%") == [(2032, "=", -15.1, "%")]
    assert read("人口自然增长率小于4‰") == [(2032, "<=", 4.0, "‰")]
    assert read("集装箱吞吐量820万标箱") == [(2032, "=", 820.0, "万标箱")]


def test_goals_the_opening_paragraph_sets_for_the_whole_plan() -> None:
    text = """为加快人工智能创新应用，到2032年，打造应用标杆企业20个，带动产业营收突破300亿元。具体如下：
一、推动重点领域应用
（一）推进人工智能+制造。支持企业建设智能工厂。（责任单位：经信局）
（二）推进人工智能+政务。建设政务大模型。（责任单位：数据局）
"""
    plan = draft_text(text, "行动.txt").plan
    assert sorted((x.comparator, x.value, m.unit) for m in plan.metrics for x in m.targets) == [
        ("=", 20.0, "个"),
        (">=", 300.0, "亿元"),
    ]


def test_numbers_in_one_character_and_items_numbered_di_n_xiang() -> None:
    text = """某省2032年任务分工
一、主要目标
⑴九年义务教育巩固率达到97%。
责任单位：省教育厅。
⑵耕地保有量保持稳定。
责任单位：省自然资源厅。
"""
    tasks = leaves(draft_text(text, "分工.txt").plan)
    assert [(t.code, t.title, [u.name for u in t.units]) for t in tasks] == [
        ("（1）", "九年义务教育巩固率达到97%", ["省教育厅"]),
        ("（2）", "耕地保有量保持稳定", ["省自然资源厅"]),
    ]
    listed = "2032年重点任务\n第39项：推动试点政策落地。\n工作进展：完成征求意见稿。\n第45项：推进科技园建设。\n工作进展：研究规划。\n第48项：支持共建园区发展，推进\n"
    tasks = leaves(draft_text(listed, "任务.txt").plan)
    assert [t.code for t in tasks] == ["第39项", "第45项"]  # the last broke off mid-sentence


def test_a_notice_whose_page_lost_its_line_breaks() -> None:
    line = (
        "某县人民政府办公室关于印发政府工作报告2032年重点工作责任分解的通知 各镇人民政府，县级各部门："
        "现将《政府工作报告2032年重点工作责任分解》印发给你们，请认真贯彻执行，确保按时完成既定的目标任务。"
        "各级各部门要高度重视，加强组织领导，明确具体任务，细化工作方案，以优异成绩迎接新的挑战。"
        " 某县人民政府办公室 2032年4月18日 政府工作报告2032年重点工作责任分解"
        " 一、张某县长牵头重点工作 1.全县生产总值增长7%左右。 责任单位：县发改局（首位单位为牵头单位，下同）、县财政局"
        " 2.严控“三公”经费支出。 责任单位：县财政局 二、李某常务副县长牵头重点工作 1.坚持集体学法。 责任单位：县司法局"
    )
    tasks = leaves(draft_text(line, "通知.txt").plan)
    assert [(t.code, units_of(t)) for t in tasks] == [
        ("1", [("县发改局", "lead"), ("县财政局", "support")]),
        ("2", [("县财政局", "lead")]),
        ("1", [("县司法局", "lead")]),
    ]


def test_a_table_of_expected_results_by_month_in_a_year_named_once() -> None:
    table = table_of(
        ["序号", "指标名称", "预期效果", "完成时限"],
        [
            ["1", "绿色制造示范典型发布数量", "400项", "10月"],
            ["2", "智能制造试点项目遴选数量", "100个左右", "12月"],
        ],
    )
    intro = "从2030年开始，我部每年公开关键业绩指标。2032年，我们继续制定和公开相关指标。"
    tasks = leaves(draft_blocks([intro, table], "指标.docx").plan)
    assert [(t.deadline, [(x.comparator, x.value) for m in t.metrics for x in m.targets]) for t in tasks] == [
        (date(2032, 10, 31), [("=", 400.0)]),
        (date(2032, 12, 31), [("~", 100.0)]),
    ]


def test_items_under_a_heading_naming_their_lead_and_the_one_the_page_cut() -> None:
    text = """2032年县政府工作报告任务清单
一、县示范区管委会牵头工作（4项）
1.建设水产养殖基地。
2.打造食用菌生产基地。
3.建设3个产业园。
4.加强示范区与主城区基础设施
"""
    draft = draft_text(text, "清单.txt")
    tasks = leaves(draft.plan)
    assert [(t.code, units_of(t)) for t in tasks] == [
        (c, [("县示范区管委会", "lead")]) for c in ("1", "2", "3")
    ]
    assert any("加强示范区与主城区基础设施" in w and "中断" in w for w in draft.warnings)
    assert split_units("市直有关部门、单位，各区市政府") == ["市直有关部门、单位", "各区市政府"]


def test_an_item_number_before_a_year_or_a_month_is_no_decimal() -> None:
    from tracker.drafting.outline import heading_of

    assert heading_of("1.2032年度第一批人才项目申报。") == (3, "1", "2032年度第一批人才项目申报。")
    assert heading_of("1.3月初召开创新委员会会议。") == (3, "1", "3月初召开创新委员会会议。")
    assert heading_of("1.5亿元用于平台建设") is None


def test_dotted_numbers_and_a_bracket_left_open() -> None:
    text = """某市2032年行动方案
一、重点任务
1.1 建设高能级创新平台。（责任单位：市科技局）
1.2 培育科技型企业。（责任单位：市科技局、市税务局）
二、保障
一）实施创新驱动。（县科技局负责）
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [(t.code, t.title) for t in tasks] == [
        ("1.1", "建设高能级创新平台"),
        ("1.2", "培育科技型企业"),
        ("（一）", "实施创新驱动"),
    ]


def test_labels_saying_the_others_are_concerned() -> None:
    text = """某市2032年转型任务分解方案
一、目标任务
1.加快工业结构调整。
牵头责任单位：市发展改革委、工业和信息化局
相关责任单位：各县（市、区）政府
2.加快服务业发展。
牵头责任单位：市服务业发展局
相关责任单位：各县（市、区）政府
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("市发展改革委", "lead"), ("工业和信息化局", "lead"), ("各县（市、区）政府", "support")],
        [("市服务业发展局", "lead"), ("各县（市、区）政府", "support")],
    ]


def test_sentences_each_closed_by_their_own_units_inside_one_item() -> None:
    text = """某市2032年蓝天保卫战实施方案
一、调整产业结构
1.制定实施准入清单。完成准入清单编制。〔市生态环境局牵头，市发改局参与，各县政府负责落实。以下各项工作均需各县政府落实，不再列出。〕严控新建燃煤锅炉。（市生态环境局、市场监管局牵头，市发改局参与）
2.加强政策解读。（市政府办公厅负责）
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [(t.code, t.title, units_of(t)) for t in tasks] == [
        (  # each piece named by its own first sentence; the item's lead phrase is their group (session 6)
            "1",
            "完成准入清单编制",
            [("市生态环境局", "lead"), ("市发改局", "support"), ("各县政府", "support")],
        ),
        (
            "1-2",
            "严控新建燃煤锅炉",
            [
                ("市生态环境局", "lead"),
                ("市场监管局", "lead"),
                ("市发改局", "support"),
                ("各县政府", "support"),
            ],
        ),
        ("2", "加强政策解读", [("市政府办公厅", "responsible"), ("各县政府", "responsible")]),
    ]
    assert all(t.source and t.source.endswith("制定实施准入清单") for t in tasks[:2])


def test_a_table_whose_task_column_is_merged_over_rows_of_their_own_content() -> None:
    table = Table(rows=4, cols=3)
    table.cells = {
        (1, 1): "目标任务", (1, 2): "主要内容", (1, 3): "责任单位",
        (2, 1): "（一）加强预期引导", (2, 2): "加强经济政策解读。", (2, 3): "市发改委牵头落实",
        (3, 2): "加强就业政策信息公开。", (3, 3): "市人社局牵头落实",
        (4, 2): "加强财政政策信息公开。", (4, 3): "市财政局牵头落实",
    }  # fmt: skip
    table.boxes = [(2, 1, 4, 1)]
    tasks = leaves(draft_blocks(["某市2032年政务公开工作要点实施方案", table], "方案.docx").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        ("加强经济政策解读", [("市发改委", "lead")]),
        ("加强就业政策信息公开", [("市人社局", "lead")]),
        ("加强财政政策信息公开", [("市财政局", "lead")]),
    ]


def test_two_columns_of_leads_in_one_table() -> None:
    table = table_of(
        ["序号", "重点任务", "牵头部门", "主责单位", "协办单位", "完成时限"],
        [["1", "完善监测网络", "市生态环境局", "各区政府", "市经信局", "年底前"]],
    )
    (task,) = leaves(draft_blocks(["某市2032年行动计划", table], "计划.docx").plan)
    assert units_of(task) == [("市生态环境局", "lead"), ("各区政府", "lead"), ("市经信局", "support")]


def test_a_sentence_of_deadline_words_right_before_the_units() -> None:
    text = """某市2032年土壤污染防治行动计划
（一）掌握土壤环境质量状况
1.完善土壤环境监测网络。整合优化监测点位。2032年年底前完成。（市环保局牵头，市农业局配合）
2.开展详查。2032年6月底前完成详查方案。（市国土局负责）
"""
    tasks = leaves(draft_text(text, "计划.txt").plan)
    assert [(t.code, t.deadline) for t in tasks] == [("1", date(2032, 12, 31)), ("2", None)]


def test_a_web_pages_own_fields_and_a_two_column_table_of_fields() -> None:
    text = """发布时间：2032-11-16 16:38
信息来源：区政府办（外事办）
重点工作： | 107.建立健全“产业界出题、科技界答题”机制，推动协同创新。 |
牵头单位： | 市科技局 |
"""
    tasks = leaves(draft_text(text, "页面.txt").plan)
    assert [(t.code, t.title, units_of(t)) for t in tasks] == [
        ("107", "建立健全“产业界出题、科技界答题”机制，推动协同创新", [("市科技局", "lead")])
    ]


def test_an_offices_own_numbered_list_flattened_one_cell_a_line() -> None:
    cells = ["某区科技局2032年二季度工作完成情况", "序号", "工作任务", "二季度完成情况"]
    cells += ["1", "围绕高企培育助力高质量发展。高企总量达到160家。", "完成第三批高企申报工作。"]
    cells += ["2", "深化科技特派员制度。", "完成示范基地绩效评估。", "做好网上填报指导。"]
    cells += ["3", "加强科学技术普及。", "举办科普日活动。"]
    draft = draft_text("\n".join(cells), "情况.txt")
    tasks = leaves(draft.plan)
    assert [(t.code, t.title) for t in tasks] == [
        ("1", "围绕高企培育助力高质量发展"),
        ("2", "深化科技特派员制度"),
        ("3", "加强科学技术普及"),
    ]
    assert all([u.name for u in t.units] == ["某区科技局"] and t.units_inferred for t in tasks)


def test_a_table_whose_task_column_is_headed_min_sheng_shi_shi() -> None:
    text = "某县2032年民生实事目标任务分解表\n序号\t民生实事\t责任单位\t完成时限\n1\t新建2座人行天桥。\t县住建局\t9月投入使用\n"
    (task,) = leaves(draft_text(text, "分解表.txt").plan)
    assert (task.title, [u.name for u in task.units], task.deadline) == (
        "新建2座人行天桥",
        ["县住建局"],
        date(2032, 9, 30),
    )


def test_a_group_of_places_before_named_bodies_and_full_width_square_brackets() -> None:
    assert split_units("各县、区，市商务外事局、市发展改革委") == ["各县、区", "市商务外事局", "市发展改革委"]
    text = "某市2032年实施意见\n一、激发创新活力\n1.搭建创意平台。每月举办创意会。［市商务局，各县（市、区）、高新区按职责分工负责］\n"
    (task,) = leaves(draft_text(text, "意见.txt").plan)
    assert [u.name for u in task.units] == ["市商务局", "各县（市、区）", "高新区"]


def test_a_row_whose_unit_cell_was_merged_with_the_row_above() -> None:
    text = """某县2032年民生实事进展汇总表
序号 | 项目内容 | 月度工作计划 | 牵头单位 | 落实情况 |
1 | 免费接种流感疫苗2万人。 | 4月：下发方案。 | 县卫生健康局 | 已完成。 |
2 | 免费开展癌症筛查7400人。 | 4月：筛查1480人。 | 已完成。 完成筛查3495人，完成率47%。 | |
3 | 新增除颤仪47台。 | 4月：公布采购意向。 | 已完成。 已公开采购公告。 | |
4 | 培训应急救护人员235人。 | 4月：培训65人。 | 县红十字会 | 已完成。 |
"""
    tasks = leaves(draft_text(text, "汇总表.txt").plan)
    assert [[u.name for u in t.units] for t in tasks] == [["县卫生健康局"]] * 3 + [["县红十字会"]]


def test_a_lead_marked_after_its_name_and_a_label_with_no_colon() -> None:
    assert find_units("力争兑现惠企资金20亿元。（区政府办公室*、区财政局）") is not None
    text = """某区2032年重点工作责任分解
1\t精准承接稳增长政策\t区政府办公室*、区财政局
2\t争取专项资金13亿元以上\t区财政局*、区发改局
"""
    tasks = leaves(draft_text("序号\t重点工作\t责任单位\n" + text.split("\n", 1)[1], "分解.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("区政府办公室", "lead"), ("区财政局", "support")],
        [("区财政局", "lead"), ("区发改局", "support")],
    ]
    found = find_units("抓好特色工业园区建设。总协调人张某、李某，责任单位区发展计划局、区经贸局、扶贫开发区")
    assert found is not None and found.names == ["区发展计划局", "区经贸局", "扶贫开发区"]


def test_tasks_named_in_quotes_with_their_units_and_a_notices_list_of_attachments() -> None:
    text = """2032年度民生实事共计30项，均已完成年度目标任务。
另，“新开工加固海塘18.4公里”（市水利局）、“公共场所新增AED”（市红十字会）、“老旧小区改造”（市住建局）三项超额完成。
附件：1.2032年度省级民生实事完成情况
2.2032年度市级民生实事完成情况
3.2032年度县级民生实事完成情况
"""
    tasks = leaves(draft_text(text, "情况.txt").plan)
    assert [(t.title, [u.name for u in t.units]) for t in tasks] == [
        ("新开工加固海塘18.4公里", ["市水利局"]),
        ("公共场所新增AED", ["市红十字会"]),
        ("老旧小区改造", ["市住建局"]),
    ]


def test_an_item_whose_words_open_with_a_figure() -> None:
    from tracker.drafting.outline import heading_of

    assert heading_of("2. 50个小区新增充电设施。") == (3, "2", "50个小区新增充电设施。")
    assert heading_of("3、50家企业完成数字化改造。") == (3, "3", "50家企业完成数字化改造。")
    assert heading_of("2.3万人参加培训") is None  # a figure, not item 2
    document = docx.Document()
    numbering_id = decimal_numbering(document)
    for words in ("加装电梯400台。", "50个小区新增充电设施。"):
        numbered(document, words, numbering_id)
    path = Path(tempfile.mkdtemp()) / "实事.docx"
    document.save(str(path))
    tasks = leaves(draft_file(path).plan)
    assert [(t.code, t.title) for t in tasks] == [("1", "加装电梯400台"), ("2", "50个小区新增充电设施")]


def test_a_page_field_whose_value_is_on_the_next_line() -> None:
    text = """2032年度重点工作清单落实情况表（二季度）
  • 发布机构：
  • 区府办（外事办、大数据发展管理局）
序号
重点工作
当前完成情况
1
加快重点区块建设。
完成规划评审。
2
深入推进改革。
完成方案编制。
"""
    tasks = leaves(draft_text(text, "情况表.txt").plan)
    assert [(t.code, t.title) for t in tasks] == [("1", "加快重点区块建设"), ("2", "深入推进改革")]
    assert all("外事办" not in [u.name for u in t.units] for t in tasks)


def test_a_units_sentence_followed_by_a_sentence_of_when_or_how_to_report() -> None:
    text = """某县2032年方案
1、推进某项工作。县科技局负责。
2、开展科技人才行动，引进博士20名。县委人才办、县科技局按职责分工负责。每季度报送进展。
3、推进综合体建设。县科技局牵头，县发改局、经开区管委会等按职责分工负责。2032年6月底前完成主体建设。
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [(t.code, units_of(t), t.deadline) for t in tasks] == [
        ("1", [("县科技局", "responsible")], None),
        ("2", [("县委人才办", "responsible"), ("县科技局", "responsible")], None),
        (
            "3",
            [("县科技局", "lead"), ("县发改局", "support"), ("经开区管委会", "support")],
            date(2032, 6, 30),
        ),
    ]


def test_a_task_cell_ending_in_a_body_word_is_no_unit() -> None:
    cells = ["某县2032年重点任务清单", "序号", "重点任务", "责任单位", "完成时限"]
    cells += ["1", "实施揭榜挂帅项目5项", "县科技局", "2032年9月"]
    cells += ["2", "建成县级科技成果转化中心", "县科技局、县财政局", "2032年10月"]
    tasks = leaves(draft_text("\n".join(cells), "清单.txt").plan)
    assert [(t.code, [u.name for u in t.units], t.deadline) for t in tasks] == [
        ("1", ["县科技局"], date(2032, 9, 30)),
        ("2", ["县科技局", "县财政局"], date(2032, 10, 31)),
    ]
    assert split_units("省经贸委、建设厅") == ["省经贸委", "建设厅"]


def test_an_indicator_table_with_a_column_of_goals_for_each_year() -> None:
    table = table_of(
        ["序号", "指标名称", "单位", "2030年目标值", "2031年目标值", "2032年目标值", "责任单位"],
        [
            ["1", "高新技术企业数", "家", "120", "150", "180", "县科技局"],
            ["2", "研发投入强度", "%", "2.2", "2.4", "≥2.6", "县科技局\n县统计局"],
        ],
    )
    draft = draft_blocks(["某县科技创新三年行动计划（2030—2032年）主要指标考核表", table], "考核表.docx")
    tasks = leaves(draft.plan)
    assert [
        [(m.unit, x.year, x.comparator, x.value) for m in t.metrics for x in m.targets] for t in tasks
    ] == [
        [("家", 2030, "=", 120.0), ("家", 2031, "=", 150.0), ("家", 2032, "=", 180.0)],
        [("%", 2030, "=", 2.2), ("%", 2031, "=", 2.4), ("%", 2032, ">=", 2.6)],
    ]
    assert not any("未写明年份" in w for w in draft.warnings)


def test_task_blocks_opened_by_ren_wu_yi_with_labels_kept_out_of_the_words() -> None:
    text = """某市科技领域营商环境提升专项行动方案
二、重点任务
任务一：优化科技项目管理
目标：项目申报材料精简30%。
责任单位：市科技局计划处、市政务服务中心
完成时间：2032年9月底
任务二：加强知识产权保护
目标：建设快速维权中心。
责任单位：市市场监管局
完成时间：长期坚持
"""
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [(t.code, t.title, [u.name for u in t.units], t.deadline, t.deadline_text) for t in tasks] == [
        (
            "任务一",
            "优化科技项目管理",
            ["市科技局计划处", "市政务服务中心"],
            date(2032, 9, 30),
            "2032年9月底",
        ),
        ("任务二", "加强知识产权保护", ["市市场监管局"], None, "长期坚持"),
    ]
    assert all("责任单位" not in t.content and "完成时间" not in t.content for t in tasks)


def test_the_header_of_a_du_ban_notice_and_a_span_stated_as_an_action_period() -> None:
    notice = draft_text(
        "某市人民政府督查室\n关于市政府第12次常务会议议定事项的督办通知\n1.推进科技园建设。（责任单位：市科技局）\n",
        "通知.txt",
    )
    assert notice.plan.title == "市政府第12次常务会议议定事项"
    plan = draft_text(
        "某县科技成果转化行动方案\n行动期限为2030年至2032年。\n1.建设转化中心。（县科技局负责）\n", "方案.txt"
    ).plan
    assert plan.period is not None and (plan.period.start, plan.period.end) == (2030, 2032)


def test_a_plan_runs_until_its_last_deadline_and_the_signature_is_no_items_words() -> None:
    text = """某县2031年科技工作要点
1.建设研发中心2个。责任单位：县科技局。完成时限：2032年6月底。
2.加强人才队伍建设。责任单位：县人社局。
某县人民政府办公室
2031年2月1日
"""
    draft = draft_text(text, "要点.txt")
    assert draft.plan.period is not None and (draft.plan.period.start, draft.plan.period.end) == (2031, 2032)
    assert any("方案期限已延至2032年" in w for w in draft.warnings)
    assert leaves(draft.plan)[-1].content == ""


def test_metric_names_in_a_list_and_a_lead_marked_in_its_own_column() -> None:
    assert [(t.name, t.value) for t in find_targets("新建院士工作站3家、博士后工作站2家", 2032)] == [
        ("新建院士工作站", 3.0),
        ("博士后工作站", 2.0),
    ]
    assert [t.name for t in find_targets("①规上企业研发费用增长10%", 2032)] == ["规上企业研发费用"]
    text = (
        "某区2032年任务分工\n序号\t重点任务\t牵头单位\t配合单位\n1\t建设科创园\t区科技局（牵头）\t区财政局\n"
    )
    (task,) = leaves(draft_text(text, "分工.txt").plan)
    assert units_of(task) == [("区科技局", "lead"), ("区财政局", "support")]


def test_two_content_columns_and_a_table_carried_on_under_a_two_row_header() -> None:
    first = Table(rows=3, cols=4)
    first.cells = {
        (1, 1): "序号", (1, 2): "项目名称", (1, 3): "责任单位",
        (2, 3): "牵头单位", (2, 4): "配合单位",
        (3, 1): "1", (3, 2): "建设中试线", (3, 3): "经济发展局", (3, 4): "科技创新局",
    }  # fmt: skip
    first.boxes = [(1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 1, 4)]
    carried = table_of(["2", "提升研发中心", "科技创新局", "经济发展局"], [])
    tasks = leaves(draft_blocks(["某开发区2032年重点项目推进表", first, carried], "推进表.docx").plan)
    assert [units_of(t) for t in tasks] == [
        [("经济发展局", "lead"), ("科技创新局", "support")],
        [("科技创新局", "lead"), ("经济发展局", "support")],
    ]
    plan = draft_blocks(
        [
            "某市科技局2032年重点工作清单",
            table_of(
                ["序号", "工作事项", "工作举措", "预期成效", "责任单位"],
                [["1", "科技惠民", "开展科普活动。", "举办科普活动不少于50场次。", "市科技局"]],
            ),
        ],
        "清单.docx",
    ).plan
    (task,) = leaves(plan)
    assert [(x.comparator, x.value, m.unit) for m in task.metrics for x in m.targets] == [
        (">=", 50.0, "场次")
    ]


def test_a_label_a_pdf_line_broke_and_units_printed_but_not_read() -> None:
    text = "某市2032年任务\n1.建设科技园。（牵头单位：市科技局；配合单位：市财政局；完成\n时限：2032年12月底）\n2.引进人才。（责任单位：市人社局）\n"
    tasks = leaves(draft_text(text, "任务.pdf").plan)
    assert [(units_of(t), t.deadline) for t in tasks] == [
        ([("市科技局", "lead"), ("市财政局", "support")], date(2032, 12, 31)),
        ([("市人社局", "responsible")], None),
    ]
    # a table whose unit column the page wrapped away: no issuer put in for every task
    wrapped = "某市科学技术局\n关于印发2032年重点工作的通知\n序号\n重点任务\n牵头单位\n1.建设科技园。\n2.引进人才。\n"
    draft = draft_text(wrapped, "任务.pdf")
    assert all(not t.units for t in leaves(draft.plan))
    assert not any("已将发文单位" in w for w in draft.warnings)


def test_a_leader_column_names_the_person_who_answers() -> None:
    table = table_of(
        ["编号", "督办事项", "责任领导", "承办单位", "办结时限"],
        [["1", "制定研发投入后补助细则。", "王某", "市科技局\n市财政局", "2032年6月底"]],
    )
    (task,) = leaves(draft_blocks(["某市政府督查室关于常务会议议定事项的督办通知", table], "督办.docx").plan)
    assert (task.leader, [u.name for u in task.units]) == ("王某", ["市科技局", "市财政局"])


def test_a_person_who_answers_named_first_in_the_units_bracket_and_clauses_naming_no_unit() -> None:
    text = """某县2032年重点工作
1.事项甲。（张三副县长负责，县科技局牵头，县财政局、县税务局配合）
2.事项乙。（县委常委、副县长赵六负责，县工信局牵头）
3.事项丙。（镇农业服务中心负责，县科技局指导）
4.事项丁。（县科技局负责，2032.6.30前完成）
5.事项戊。（县科技局负责，即时办结）
"""
    tasks = leaves(draft_text(text, "工作.txt").plan)
    assert [(units_of(t), t.leader, t.deadline) for t in tasks] == [
        ([("县科技局", "lead"), ("县财政局", "support"), ("县税务局", "support")], "张三副县长", None),
        ([("县工信局", "lead")], "县委常委、副县长赵六", None),
        ([("镇农业服务中心", "lead"), ("县科技局", "support")], None, None),  # who guides helps (session 6)
        ([("县科技局", "responsible")], None, date(2032, 6, 30)),
        ([("县科技局", "responsible")], None, None),
    ]


def test_a_unit_that_starts_another_units_name_is_no_cut_and_closing_words_are_no_items() -> None:
    text = "某局2032年内部分工\n1.评审科技项目。（市科技局高新科负责）\n2.兑现奖补资金。（市科技局负责）\n以上分工自印发之日起执行。\n"
    draft = draft_text(text, "分工.txt")
    assert [[u.name for u in t.units] for t in leaves(draft.plan)] == [["市科技局高新科"], ["市科技局"]]
    assert not any("中断" in w for w in draft.warnings)


def test_an_annex_row_repeating_a_body_task_under_a_shorter_name_and_a_bare_lead_mark() -> None:
    text = (
        "某市2032年任务\n（一）开展科技特派员进企业活动，选派科技特派员100名。（市科技局负责）\n"
        "（二）开展统计调查。（县统计局（牵头）、县科技局）\n附件\n序号\t重点任务\t责任单位\t完成时限\n"
        "1\t选派科技特派员100名\t市科技局\t2032年6月底前\n"
    )
    tasks = leaves(draft_text(text, "任务.txt").plan)
    assert [(t.code, units_of(t), t.deadline) for t in tasks] == [
        ("（一）", [("市科技局", "responsible")], date(2032, 6, 30)),
        ("（二）", [("县统计局", "lead"), ("县科技局", "support")], None),
    ]


def test_a_document_with_no_year_says_its_figures_were_not_dated() -> None:
    text = "某市创新型城市建设任务分工\n1.新增高新技术企业200家。（市科技局负责）\n2.建设孵化器3个。（市科技局负责）\n"
    draft = draft_text(text, "分工.txt")
    assert draft.plan.period is None
    assert any("2 处数量目标无法定年" in w for w in draft.warnings)


def test_hostile_runs_of_brackets_and_bars_cost_one_pass() -> None:
    """50,000 unclosed brackets took 215 s (each bracket's close sought from its own start), and
    50,000 bar lines 31 s; both are one pass now (timed in bench, read here for what they give)."""
    from tracker.drafting.units import bracket_closes

    assert bracket_closes("（甲（乙）") == {2: 4}  # the outer bracket is never closed
    (task,) = leaves(draft_text("1.任务" + "（" * 50_000 + "市科技局负责）" * 10, "hostile.txt").plan)
    assert task.code == "1"
    with pytest.raises(BadInput):
        draft_text("\n".join(["|"] * 50_000), "bars.txt")
    # a flattened header printed 1,000 times: each copy read from its own 12 lines (5.5 s before)
    with pytest.raises(BadInput):
        draft_text("\n".join(["序号", "重点任务", "责任单位", "完成时限"] * 1000), "header.txt")
