"""Reading rules of session 10: duty paragraphs with no numbering, …

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

import pytest
from draft_helpers import leaves, units_of

from tracker.drafting import draft_text
from tracker.drafting.units import split_units
from tracker.errors import BadInput


def test_unnumbered_paragraphs_each_opening_with_a_body_and_its_duty_are_its_tasks() -> None:
    text = "\n".join(
        [
            "县科技局承担统筹协调职能，负责牵头组织实施本计划。负责年度考核。",
            "县财政局负责安排科技专项资金，监督资金使用。",
            "",
            "县人社局协同组织部门引进高层次创新人才。",
            "县市场监管局、县知识产权服务中心负责推进专利导航工作。",
            "县农业农村局牵头推广农业新品种，会同有关部门建设示范基地。",
        ]
    )
    tasks = leaves(draft_text(text, "分工.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("县科技局", "responsible")],
        [("县财政局", "responsible")],
        [("县人社局", "responsible")],
        [("县市场监管局", "responsible"), ("县知识产权服务中心", "responsible")],
        [("县农业农村局", "lead")],
    ]
    assert tasks[0].title.startswith("县科技局承担统筹协调职能")
    assert "负责年度考核" in tasks[0].content + tasks[0].title


def test_two_paragraphs_opening_with_a_body_are_no_duty_list_and_three_are() -> None:
    """Two sentences opening with a name may be any two sentences; a third makes a run."""
    two = ["关于做好科技统计工作的通知", "县统计局负责统计数据的汇总。", "县科技局负责数据的审核。"]
    with pytest.raises(BadInput, match="没有找到任务"):
        draft_text("\n".join(two), "通知.txt")
    tasks = leaves(draft_text("\n".join([*two, "县财政局负责统计经费的保障。"]), "通知.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("县统计局", "responsible")],
        [("县科技局", "responsible")],
        [("县财政局", "responsible")],
    ]


def test_a_duty_run_of_one_body_is_no_duty_list() -> None:
    text = "\n".join(
        [
            "一、工作任务",
            "（一）建设创新平台。",
            "县科技局负责平台认定。县科技局负责平台考核。",
            "县科技局负责平台的年度评价。",
            "县科技局负责平台的绩效奖励。",
            "（二）培育科技企业。（县科技局牵头，县财政局配合）",
        ]
    )
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert len(tasks) == 2


def test_clauses_each_closing_with_their_units_are_a_task_a_clause() -> None:
    text = "\n".join(
        [
            "关于做好农业普查工作的通知",
            "一、组织实施",
            "为加强组织领导，成立普查领导小组。涉及普查经费的事项，由县财政局负责和协调；"
            "涉及普查宣传的事项，由县委宣传部、县融媒体中心负责；涉及名录核对的事项，由县市场监管局协调。",
            "二、工作要求",
            "各乡镇要严格执行普查方案。",
        ]
    )
    tasks = leaves(draft_text(text, "通知.txt").plan)
    named = [t for t in tasks if t.units]
    # (the title keeps the clause's words; “由X负责” may be left to the units)
    assert [(t.title.split("，")[0], units_of(t)) for t in named] == [
        ("涉及普查经费的事项", [("县财政局", "responsible")]),
        ("涉及普查宣传的事项", [("县委宣传部", "responsible"), ("县融媒体中心", "responsible")]),
        ("涉及名录核对的事项", [("县市场监管局", "responsible")]),
    ]
    assert not any(t.title.startswith("为加强组织领导") and t.units for t in tasks)


def test_clauses_closing_with_a_bracketed_place_are_not_cut_by_the_clause_rule() -> None:
    """“报办公室（设在县财政局二楼）；……（县财政局）”: brackets noting where to report are no duty list."""
    text = "\n".join(
        [
            "关于开展资产清查的通知",
            "一、工作步骤",
            "1、核查阶段（4月1日-4月30日）",
            "各主管部门对所属单位进行核查，汇总后报领导小组办公室（设在县财政局二楼）；"
            "无主管部门的单位直接报领导小组办公室（县财政局）。",
            "2、汇总阶段（5月1日-5月15日）",
            "领导小组办公室汇总全县清查情况。（县财政局负责）",
        ]
    )
    tasks = leaves(draft_text(text, "通知.txt").plan)
    assert [t.title for t in tasks][:1] == ["核查阶段（4月1日-4月30日）"]


def test_a_duty_line_opening_with_lead_makes_its_unit_the_lead() -> None:
    text = "\n".join(
        [
            "县科技局关于明确科室分工的通知",
            "对涉及两个科室以上的工作，牵头科室明确如下：",
            "办公室：牵头协调年度考核、安全生产等相关工作。",
            "高新科：牵头协调高新技术企业培育等相关工作。",
            "农村科：负责牵头科技特派员的日常管理。",
        ]
    )
    tasks = leaves(draft_text(text, "通知.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("办公室", "lead")],
        [("高新科", "lead")],
        [("农村科", "responsible")],  # “负责牵头……” answers for the work: a duty, as lists write it
    ]


def test_a_role_word_printed_after_a_name_in_its_label_is_no_part_of_the_name() -> None:
    text = "\n".join(
        [
            "关于规范农贸市场经营的方案",
            "一、推进市场改造。完成农贸市场改造。（牵头单位：县商务局牵头，责任单位：县市场监管局配合）",
            "二、加强执法检查。开展联合执法。（牵头单位：县市场监管局，责任单位：县公安局）",
        ]
    )
    tasks = leaves(draft_text(text, "方案.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("县商务局", "lead"), ("县市场监管局", "support")],
        [("县市场监管局", "lead"), ("县公安局", "support")],
    ]


def test_a_group_of_districts_and_county_level_cities_stays_one_name() -> None:
    assert split_units("市农业局，市科协，各有关区、县级市") == ["市农业局", "市科协", "各有关区、县级市"]
    assert split_units("市教育局、各区、县级市") == ["市教育局", "各区、县级市"]
    assert split_units("各相关县、县级市人民政府") == ["各相关县、县级市人民政府"]


def test_a_plan_running_n_years_from_a_year_spans_them_and_its_figures_fall_in_its_last() -> None:
    text = "\n".join(
        [
            "关于推进青年科技人才工程的实施意见",
            "一、总体目标",
            "1.目标。2021年起3年内，实施青年科技人才工程。",
            "二、重点项目",
            "2.青年科技骨干培养项目。3年内培养青年科技骨干200名左右。（牵头单位：市科技局，配合单位：市人社局）",
            "3.科技特派员项目。选派科技特派员50名。（牵头单位：市科技局）",
        ]
    )
    plan = draft_text(text, "意见.txt").plan
    assert plan.period is not None and (plan.period.start, plan.period.end) == (2021, 2023)
    tasks = leaves(plan)
    assert [(m.targets[0].year, m.targets[0].value) for m in tasks[0].metrics] == [(2023, 200)]


def test_a_units_name_in_half_or_full_width_brackets_is_one_name_when_measured() -> None:
    from tracker.drafting.quality import compare, unit_exactness
    from tracker.planfile import model as pf

    def plan(name: str) -> pf.Plan:
        task = {"code": "1", "title": "培育高新技术企业", "units": [{"name": name, "role": "support"}]}
        return pf.Plan.model_validate(
            {"format": "tracker-plan", "version": 1, "title": "方案", "tasks": [task]}
        )

    assert unit_exactness(plan("各县(区)"), plan("各县（区）")).found == 1
    assert compare(plan("各县(区)"), plan("各县（区）")).units.found == 1
    assert unit_exactness(plan("各县(区)"), plan("各县（市）")).found == 0
