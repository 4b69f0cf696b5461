"""Reading rules of session 16, each found on a document of session 15's unseen sets.

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

from datetime import date

import pytest
from draft_helpers import leaves, merged_table, units_of
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.drafting.bare_numbers import mark_bare_numbers
from tracker.drafting.blocks import text_blocks
from tracker.drafting.draft import draft_blocks
from tracker.importers.deadlines import parse_deadline
from tracker.planfile import model as pf


def _leaves(text: str, name: str = "计划.txt") -> list[pf.Task]:
    return leaves(draft_blocks(text_blocks(text.splitlines()), name).plan)


def test_a_heading_naming_a_science_association_and_counting_its_items_gives_them_that_body() -> None:
    text = "\n".join(
        [
            "各县科协2031年5月份重点工作完成情况",
            "一、5月份重点工作完成情况",
            "（一）东城区科协（2项）",
            "1、举办青少年科技创新大赛；",
            "2、推动社区科普画廊建设。",
            "（二）西山县科协（共2项）",
            "1、检查科普宣传站；",
            "2、组织企业参加科博会。",
        ]
    )
    got = [(t.title, units_of(t)) for t in _leaves(text)]
    assert got == [
        ("举办青少年科技创新大赛", [("东城区科协", "responsible")]),
        ("推动社区科普画廊建设", [("东城区科协", "responsible")]),
        ("检查科普宣传站", [("西山县科协", "responsible")]),
        ("组织企业参加科博会", [("西山县科协", "responsible")]),
    ]


def test_items_whose_numbers_lost_their_mark_are_items_where_the_count_carries_on() -> None:
    lines = [
        "（一）北乡科协",
        "1开展廉政警示教育",
        "2开展社区科普讲座",
        "3、调研村级集体经济",
        "（二）南乡科协",
        "1完成防汛任务；",
        "2、做好论文征集工作；",
    ]
    assert mark_bare_numbers(lines) == [
        "（一）北乡科协",
        "1、开展廉政警示教育",
        "2、开展社区科普讲座",
        "3、调研村级集体经济",
        "（二）南乡科协",
        "1、完成防汛任务；",
        "2、做好论文征集工作；",
    ]
    titles = [t.title for t in _leaves("\n".join(["计划", *lines]))]
    assert titles == [
        "开展廉政警示教育",
        "开展社区科普讲座",
        "调研村级集体经济",
        "完成防汛任务",
        "做好论文征集工作",
    ]


def test_a_figure_at_the_start_of_a_line_is_not_taken_for_an_item_number() -> None:
    lines = ["全年目标：", "1个示范园区建成投用。", "3月底前完成招标。", "2开展的活动另行通知。"]
    assert mark_bare_numbers(lines) == lines  # measure words, and a lone “2” that counts on nothing


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="12３、.开展月个（）一二", max_size=12), max_size=12))
def test_marking_bare_numbers_keeps_every_line_and_only_ever_adds_a_mark(lines: list[str]) -> None:
    marked = mark_bare_numbers(lines)
    assert len(marked) == len(lines)
    for before, after in zip(lines, marked, strict=True):
        assert after == before or after.replace("、", "", 1) == before.strip()


def test_rows_under_one_merged_number_that_print_their_own_part_numbers_are_each_a_task() -> None:
    rows = [
        ["序号", "工作任务", "应完成时限", "责任单位"],
        ["1", "1.1编制景区总体规划，并发布实施", "", "区旅游局"],
        ["", "1.2.1设计景区代表性图形", "", ""],
        ["", "1.2.2新增旅游交通专用标识", "8月中旬", ""],
        ["2", "2.1完成游客中心建设", "8月底", "区建设局"],
        ["", "2.2完成旅游厕所改造", "", ""],
    ]
    table = merged_table(rows, [(2, 1, 4, 1), (2, 4, 4, 4), (5, 1, 6, 1), (5, 4, 6, 4)])
    draft = draft_blocks(["景区创建工作清单（2031年）", table], "清单.docx")
    got = [(t.code, t.title, units_of(t)) for t in leaves(draft.plan)]
    assert got == [
        ("1.1", "编制景区总体规划，并发布实施", [("区旅游局", "responsible")]),
        ("1.2.1", "设计景区代表性图形", [("区旅游局", "responsible")]),
        ("1.2.2", "新增旅游交通专用标识", [("区旅游局", "responsible")]),
        ("2.1", "完成游客中心建设", [("区建设局", "responsible")]),
        ("2.2", "完成旅游厕所改造", [("区建设局", "responsible")]),
    ]
    assert not any("跨" in w for w in draft.warnings)


def test_one_paragraph_giving_each_body_its_duty_a_sentence_is_a_list_of_duties() -> None:
    text = "\n".join(
        [
            "景区创建实施方案",
            "一、工作目标",
            "2031年9月底前通过验收。",
            "二、分工协作",
            "区办公室负责统筹协调重大事项，确保工作推进。区宣传部负责宣传方案的策划、实施。"
            "区旅游局负责对照标准指导创建。区财政局负责争取项目资金。",
        ]
    )
    got = [(t.title, units_of(t)) for t in _leaves(text)]
    assert got[-4:] == [
        ("区办公室负责统筹协调重大事项，确保工作推进", [("区办公室", "responsible")]),
        ("区宣传部负责宣传方案的策划、实施", [("区宣传部", "responsible")]),
        ("区旅游局负责对照标准指导创建", [("区旅游局", "responsible")]),
        ("区财政局负责争取项目资金", [("区财政局", "responsible")]),
    ]


def test_a_group_of_kinds_of_places_led_by_ge_stays_one_name_across_its_commas() -> None:
    from tracker.drafting.units import split_units

    assert split_units("各有关部门，各开发区、镇（街道）") == ["各有关部门", "各开发区、镇（街道）"]
    assert split_units("各高新区、乡镇，市财政局") == ["各高新区、乡镇", "市财政局"]
    assert split_units("各开发区、市发改委") == ["各开发区", "市发改委"]  # a named body closes no group


def test_bodies_that_take_part_canjia_support_the_lead() -> None:
    text = "\n".join(
        [
            "2031年法治政府建设重点工作安排",
            "1.推行权责清单制度。",
            "责任单位：区审批局牵头，区办公室参加，区直各有关部门按职责分别负责。",
        ]
    )
    (task,) = _leaves(text)
    assert units_of(task) == [
        ("区审批局", "lead"),
        ("区办公室", "support"),
        ("区直各有关部门", "support"),
    ]


def test_an_item_under_the_goals_heading_that_opens_by_a_year_sets_the_plans_goals_for_that_year() -> None:
    text = "\n".join(
        [
            "关于推进科技创新工程的实施意见",
            "一、发展目标",
            "1.实施创新驱动战略，到2035年建成创新型城市。",
            "创新型企业集群壮大。大中型工业企业设立研发机构的比例达35%，培育5家以上高新技术企业。",
            "二、主要任务",
            "2.建设重大创新平台。（市科技局牵头，市发展改革委配合）",
        ]
    )
    plan = draft_blocks(text_blocks(text.splitlines()), "意见.txt").plan
    goals = {(m.name, t.year, t.comparator, t.value) for m in plan.metrics for t in m.targets}
    assert (next(n for n, *_ in goals if "研发机构" in n), 2035, "=", 35.0) in goals
    assert any(year == 2035 and comparator == ">=" and value == 5.0 for _, year, comparator, value in goals)
    assert [t.title for t in leaves(plan)] == ["建设重大创新平台"]


def test_a_units_bracket_closing_the_last_points_paragraph_answers_for_the_item_over_the_points() -> None:
    text = "\n".join(
        [
            "医共体建设实施方案",
            "一、主要任务",
            "1.总医院架构",
            "（1）以区医院为基础，组建区总医院。",
            "（2）实行乡村一体化管理。合理配置乡村卫生资源。（责任单位：区卫健局、区财政局，区总医院）",
            "2.推动分级诊疗。（责任单位：区总医院）",
        ]
    )
    got = [(t.title, units_of(t)) for t in _leaves(text)]
    assert got == [
        (
            "总医院架构",
            [("区卫健局", "responsible"), ("区财政局", "responsible"), ("区总医院", "responsible")],
        ),
        ("推动分级诊疗", [("区总医院", "responsible")]),
    ]


def test_a_note_that_every_task_needs_a_body_gives_it_this_item_and_every_later_one() -> None:
    text = "\n".join(
        [
            "营商环境行动方案",
            "1.落实负面清单制度。〔市发改局牵头，各项任务均需各县（市、区）政府负责，以下不再重复列出〕",
            "2.深化商事制度改革。〔市市场监管局牵头〕",
        ]
    )
    got = [units_of(t) for t in _leaves(text)]
    assert got == [
        [("市发改局", "lead"), ("各县（市、区）政府", "support")],
        [("市市场监管局", "lead"), ("各县（市、区）政府", "support")],
    ]


def test_a_grain_depot_and_a_works_are_bodies_that_can_answer_for_a_task() -> None:
    from tracker.drafting.units import looks_like_unit

    assert looks_like_unit("中储粮株洲直属库") and looks_like_unit("市自来水厂")
    assert not looks_like_unit("新建食品加工厂2个")  # a task's words, with its figure


@pytest.mark.parametrize(
    ("words", "due"),
    [
        ("2031年8月初", date(2031, 8, 10)),  # early in the month, as 上旬
        ("2031年8月上旬", date(2031, 8, 10)),
        ("2031年8月初步完成", date(2031, 8, 31)),  # 初步 is no part of the date
        ("2031年年初", date(2031, 1, 31)),  # was read as the year's end
        ("2031年初前", date(2031, 1, 31)),
        ("2031年年中", date(2031, 6, 30)),
        ("2031年中央预算内投资到位", date(2031, 12, 31)),  # 中央 is no 年中
        ("2031年底", date(2031, 12, 31)),
    ],
)
def test_early_and_mid_year_and_month_words_give_their_own_days(words: str, due: date) -> None:
    assert parse_deadline(words).deadline == due
