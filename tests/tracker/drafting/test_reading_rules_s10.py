"""Reading rules of session 10: duty paragraphs with no numbering, …

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

import pytest
from draft_helpers import leaves, units_of

from tracker.drafting import draft_text
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
