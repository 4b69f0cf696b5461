"""Built-in plan seed/000_yueqing.json against its source, 乐科字〔2022〕2号.

Counts below were made by hand from /work/shared/seeds/000_fa9909e861682b2e.txt;
facts are checked against the printed text. Self-contained: stdlib + pytest only.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PLAN = json.loads(Path(__file__).resolve().parents[2].joinpath("seed", "000_yueqing.json").read_text("utf-8"))
BUREAU = "乐清市科学技术局"


def _walk(tasks, depth=1):
    for task in tasks:
        yield depth, task
        yield from _walk(task.get("children", []), depth + 1)


ALL_TASKS = list(_walk(PLAN["tasks"]))
TASK = {t["code"]: t for _, t in ALL_TASKS}
TASK_METRICS = [m for _, t in ALL_TASKS for m in t["metrics"]]


def _metric(metrics, name):
    found = [m for m in metrics if m["name"] == name]
    assert len(found) == 1, name
    return found[0]


def _target(metric):
    assert len(metric["targets"]) == 1
    return metric["targets"][0]


# ---------------------------------------------------------------- header


def test_header():
    assert PLAN["format"] == "tracker-plan"
    assert PLAN["version"] == 1
    assert PLAN["title"] == "乐清市科技创新引领高质量发展行动方案"
    assert PLAN["doc_number"] == "乐科字〔2022〕2号"
    assert PLAN["issuer"] == BUREAU
    assert PLAN["issued_on"] == "2022-02-14"
    assert PLAN["period"] == {"start": 2022, "end": 2022}
    assert PLAN["source"] == "000_fa9909e861682b2e.txt"


# ---------------------------------------------------------------- counts


def test_task_counts_per_level():
    # 附件《工作清单》 has 8 rows, 序号 1-8, no sub-items.
    assert sum(1 for d, _ in ALL_TASKS if d == 1) == 8
    # No row of the 工作清单 is split into sub-tasks.
    assert sum(1 for d, _ in ALL_TASKS if d > 1) == 0
    assert [t["code"] for t in PLAN["tasks"]] == ["1", "2", "3", "4", "5", "6", "7", "8"]


def test_units_per_task():
    # No 责任单位 column or clause anywhere: 1 inferred unit (the issuer) per task.
    for _, task in ALL_TASKS:
        assert task["units"] == [{"name": BUREAU, "role": "responsible"}]
        assert task["units_inferred"] is True
    # 8 tasks × 1 unit.
    assert sum(len(t["units"]) for _, t in ALL_TASKS) == 8


def test_metric_and_target_counts():
    # 一、主要目标: R&D占比, 研发费用增速, 高新增加值占比, 高企, 省科小, 核心技术项目,
    # 提质平台, 拓面平台 (“各1个” split in two) = 8.
    assert len(PLAN["metrics"]) == 8
    # 2022年目标 column, rows 1-8: 3 + 2 + 1 + 1 + 2 + 1 + 3 + 5 = 18.
    per_task = [len(TASK[str(i)]["metrics"]) for i in range(1, 9)]
    assert per_task == [3, 2, 1, 1, 2, 1, 3, 5]
    assert len(TASK_METRICS) == 18
    # Every metric has exactly one (2022) target: 8 plan-level + 18 task-level = 26.
    all_metrics = PLAN["metrics"] + TASK_METRICS
    assert sum(len(m["targets"]) for m in all_metrics) == 26
    assert {t["year"] for m in all_metrics for t in m["targets"]} == {2022}


def test_shared_keys():
    # Indicators stated both in 一、主要目标 and in the 工作清单 (rows 1, 2, 4, 5): 6 keys.
    plan_keys = {m["key"] for m in PLAN["metrics"]}
    task_keys = {m["key"] for m in TASK_METRICS}
    assert plan_keys & task_keys == {
        "rd_expense_growth",
        "hitech_enterprises",
        "tech_smes",
        "core_tech_projects",
        "platforms_upgraded",
        "platforms_expanded",
    }
    # Within the plan-level list and within one task, keys are distinct.
    assert len(plan_keys) == len(PLAN["metrics"])
    for _, task in ALL_TASKS:
        keys = [m["key"] for m in task["metrics"]]
        assert len(keys) == len(set(keys))


# ---------------------------------------------------------------- facts


def test_deadlines():
    for _, task in ALL_TASKS:
        assert task["deadline"] == "2022-12-31"
        assert task["deadline_text"] == "2022年目标"
        assert task["kind"] == "task"
        assert task["recurring"] is None


def test_titles_as_printed():
    assert TASK["1"]["title"] == "创新主体倍增提质行动"
    assert TASK["2"]["title"] == "研发投入全面提升行动"
    assert TASK["4"]["title"] == "核心技术克难攻坚行动"
    assert TASK["8"]["title"] == "自创区乐清园建设行动"


def test_content_from_work_list():
    # Row 2 has a sentence the body text (二) lacks; row 5 spells the lab “物联网新技术实验室”.
    assert TASK["2"]["content"].endswith("扩大“人才科技贷”受惠面，引导社会资本更多投向制造业。")
    assert "研发费用支出超20万元以上的规上工业企业覆盖面提升5个百分点" in TASK["2"]["content"]
    assert "物联网新技术实验室" in TASK["5"]["content"]


def test_rd_intensity_plain_equals():
    t = _target(_metric(PLAN["metrics"], "全社会R&D经费支出占GDP比重"))
    assert (t["value"], t["comparator"], t["year"], t["text"]) == (2.95, "=", 2022, "达2.95%")


def test_hitech_share_exceeds():
    m = _metric(PLAN["metrics"], "高新技术产业增加值占工业增加值比重")
    assert m["unit"] == "%"
    t = _target(m)
    assert (t["value"], t["comparator"], t["text"]) == (76.5, ">=", "超76.5%")


def test_core_tech_projects_range_in_both_places():
    plan_t = _target(_metric(PLAN["metrics"], "组织实施核心技术项目"))
    assert (plan_t["value"], plan_t["max"], plan_t["comparator"], plan_t["text"]) == (
        15,
        20,
        "range",
        "15-20项",
    )
    task_m = _metric(TASK["4"]["metrics"], "组织实施核心技术项目")
    assert task_m["unit"] == "项"
    task_t = _target(task_m)
    assert (task_t["value"], task_t["max"], task_t["comparator"], task_t["text"]) == (
        15,
        20,
        "range",
        "15-20项左右",
    )


def test_row1_targets():
    leaders = _target(_metric(TASK["1"]["metrics"], "培育创新型领军企业"))
    assert (leaders["value"], leaders["comparator"], leaders["text"]) == (2, "=", "2家")
    hitech = _metric(TASK["1"]["metrics"], "培育高新技术企业")
    assert hitech["key"] == "hitech_enterprises" and hitech["unit"] == "家"
    assert _target(hitech)["value"] == 150
    smes = _target(_metric(TASK["1"]["metrics"], "培育省科技型中小企业"))
    assert (smes["value"], smes["text"]) == (350, "350家")


def test_row2_increment_and_growth():
    subsidy = _target(_metric(TASK["2"]["metrics"], "企业研发后补助资金"))
    assert (subsidy["value"], subsidy["comparator"], subsidy["kind"], subsidy["text"]) == (
        20,
        "=",
        "increment",
        "同比增加20%",
    )
    growth = _target(_metric(TASK["2"]["metrics"], "规上工业企业研发费用支出增速"))
    assert (growth["value"], growth["comparator"], growth["text"]) == (12, ">=", "12%以上")


def test_row5_platforms_each_one():
    names = [m["name"] for m in TASK["5"]["metrics"]]
    assert names == ["提质高能级创新平台", "拓面高能级创新平台"]
    for m in TASK["5"]["metrics"]:
        assert m["unit"] == "个"
        assert _target(m)["value"] == 1 and _target(m)["text"] == "各1个"


def test_row6_and_row7_minimums():
    t6 = _target(_metric(TASK["6"]["metrics"], "组织实施校企合作项目"))
    assert (t6["value"], t6["comparator"], t6["text"]) == (10, ">=", "10项以上")
    m7 = TASK["7"]["metrics"]
    assert [(m["unit"], _target(m)["value"], _target(m)["comparator"], _target(m)["text"]) for m in m7] == [
        ("个", 4, ">=", "不少于4个"),
        ("人", 8, ">=", "不少于8人"),
        ("支", 2, ">=", "不少于2支"),
    ]
    assert m7[1]["name"] == "温州市“特支计划”科技创新、创业领军人才"


def test_row8_growth_rates_and_new_enterprises():
    m8 = {m["name"]: _target(m) for m in TASK["8"]["metrics"]}
    assert m8["智能装备规上工业增加值增速"]["value"] == 10
    assert m8["生命健康规上工业增加值增速"]["value"] == 10
    assert m8["高新技术产业投资额增速"]["value"] == 15
    assert m8["高新技术产业增加值增速"]["text"] == "10%"
    new = m8["新增高新技术企业"]
    assert (new["value"], new["comparator"], new["kind"], new["text"]) == (50, ">=", "increment", "50家以上")
    # Not the same indicator as the city-wide 培育高新技术企业150家.
    keys = {m["key"] for m in TASK["8"]["metrics"]}
    assert "hitech_enterprises" not in keys


@pytest.mark.parametrize("metric", PLAN["metrics"], ids=lambda m: m["key"])
def test_plan_metrics_sourced_to_main_goals(metric):
    assert metric["source"] == "一、主要目标"


def test_plan_and_task_values_agree_where_keys_shared():
    plan_by_key = {m["key"]: _target(m) for m in PLAN["metrics"]}
    for m in TASK_METRICS:
        if m["key"] in plan_by_key:
            p, t = plan_by_key[m["key"]], _target(m)
            assert (p["value"], p["max"], p["comparator"]) == (t["value"], t["max"], t["comparator"])
