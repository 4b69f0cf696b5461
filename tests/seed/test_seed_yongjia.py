"""Built-in plan 004: 永嘉县科技发展“十四五”规划（2021—2025年）.

Self-contained: stdlib + pytest only. Every count below was counted by hand in
/work/shared/seeds/004_f37c7bbbda4c73b5.txt (line numbers of that file in the comments).
"""

import json
from pathlib import Path

import pytest

PLAN = json.loads(Path(__file__).resolve().parents[2].joinpath("seed", "004_yongjia.json").read_text("utf-8"))


def walk(tasks, depth=1):
    for task in tasks:
        yield depth, task
        yield from walk(task["children"], depth + 1)


ALL_TASKS = [t for _, t in walk(PLAN["tasks"])]
TASK_METRICS = [m for t in ALL_TASKS for m in t["metrics"]]
ALL_METRICS = PLAN["metrics"] + TASK_METRICS


def top(code):
    return next(t for t in PLAN["tasks"] if t["code"] == code)


def child(parent, code):
    return next(t for t in parent["children"] if t["code"] == code)


def plan_metric(key, source):
    return next(m for m in PLAN["metrics"] if m["key"] == key and m["source"] == source)


# ------------------------------------------------------------------ header


def test_header():
    assert PLAN["format"] == "tracker-plan"
    assert PLAN["version"] == 1
    assert PLAN["title"] == "永嘉县科技发展“十四五”规划（2021—2025年）"
    # 文号, 发文单位 and 成文日期 are not printed anywhere in the text
    assert PLAN["doc_number"] is None
    assert PLAN["issuer"] is None
    assert PLAN["issued_on"] is None
    assert PLAN["period"] == {"start": 2021, "end": 2025}
    assert PLAN["source"] == "004_f37c7bbbda4c73b5.txt"


# ------------------------------------------------------------------ counts


def test_task_counts_per_level():
    levels = {}
    for depth, _ in walk(PLAN["tasks"]):
        levels[depth] = levels.get(depth, 0) + 1
    # level 1: 第三章 （一）…（八） (lines 42, 79, 118, 138, 150, 181, 196, 200) = 8,
    #          plus the 附件2 and 附件3 group tasks = 10
    # level 2: 第三章 numbered items 3+4+3+3+4+4+3+3 = 27, plus 12 platforms, 22 projects = 61
    # level 3: （五）4 未来新兴产业 → （1）（2）（3） (lines 178-180) = 3
    assert levels == {1: 10, 2: 61, 3: 3}
    assert len(ALL_TASKS) == 74


def test_section_item_counts():
    # numbered items under each 节 of 第三章, counted in lines 42-203
    counts = {t["code"]: len(t["children"]) for t in PLAN["tasks"][:8]}
    assert counts == {
        "（一）": 3,
        "（二）": 4,
        "（三）": 3,
        "（四）": 3,
        "（五）": 4,
        "（六）": 4,
        "（七）": 3,
        "（八）": 3,
    }
    assert [t["code"] for t in PLAN["tasks"]][8:] == ["附件2", "附件3"]


def test_platforms_and_projects():
    platforms = top("附件2")["children"]
    projects = top("附件3")["children"]
    # 附件2 rows 1-12 (lines 331-389); 附件3 rows 1-22 (lines 404-533)
    assert len(platforms) == 12
    assert len(projects) == 22
    assert [p["code"] for p in platforms] == [str(n) for n in range(1, 13)]
    assert [p["code"] for p in projects] == [str(n) for n in range(1, 23)]
    assert all(p["kind"] == "platform" for p in platforms)
    assert all(p["kind"] == "project" for p in projects)
    assert sum(t["kind"] == "platform" for t in ALL_TASKS) == 12
    assert sum(t["kind"] == "project" for t in ALL_TASKS) == 22
    assert top("附件2")["kind"] == "task" and top("附件3")["kind"] == "task"
    assert all(p["investment"]["unit"] == "亿元" for p in projects)
    # sum of the 总投资（亿元） column, added by hand: 189.85
    assert round(sum(p["investment"]["value"] for p in projects), 2) == 189.85


def test_metric_counts():
    annex1 = [m for m in PLAN["metrics"] if m["source"] == "附件1"]
    body = [m for m in PLAN["metrics"] if m["source"] != "附件1"]
    # 附件1 table rows, lines 248-322
    assert len(annex1) == 11
    # 第二章（三）主要目标 lines 35-38: 6 + 5 + 2 + 1 = 14 numeric goals;
    # 第四章（三）强化多元投入 line 212: 2 (财政科技投入年均增长, 本级财政科技拨款占比)
    assert sum(m["source"] == "第二章（三）主要目标" for m in body) == 14
    assert sum(m["source"] == "第四章（三）强化多元投入" for m in body) == 2
    assert len(body) == 16
    # task metrics: 专栏3 2, 专栏4 3, 专栏5 3, 专栏6 2, 专栏7 3, 专栏8 5, 专栏13 6,
    # （五） preamble “5311” 4, 附件2 row 4 “超过40%” 1  = 29
    assert len(TASK_METRICS) == 29
    by_source = {}
    for m in TASK_METRICS:
        by_source[m["source"]] = by_source.get(m["source"], 0) + 1
    assert by_source == {
        "第三章 专栏3": 2,
        "第三章 专栏4": 3,
        "第三章 专栏5": 3,
        "第三章 专栏6": 2,
        "第三章 专栏7": 3,
        "第三章 专栏8": 5,
        "第三章 专栏13": 6,
        "第三章（五）": 4,
        "附件2": 1,
    }
    # one 2025 target per metric: 27 plan-level + 29 task-level = 56
    targets = [t for m in ALL_METRICS for t in m["targets"]]
    assert len(targets) == 56
    assert all(t["year"] == 2025 for t in targets)


def test_every_metric_has_one_target_per_year():
    for m in ALL_METRICS:
        years = [t["year"] for t in m["targets"]]
        assert len(years) == len(set(years)), m["name"]


def test_units_and_deadlines():
    # the text names no 责任单位 and no compiling body (no 科学技术局 / 科技局 anywhere)
    for task in ALL_TASKS:
        assert task["units"] == []
        assert task["units_inferred"] is True
        assert task["deadline"] == "2025-12-31"
        assert task["deadline_text"] == "到2025年"
        assert task["updates"] == [] and task["evidence"] == []


# ------------------------------------------------------------------ exact facts


@pytest.mark.parametrize(
    "code, title, location, investment",
    [
        ("1", "年产15万吨高参数泵阀项目", "瓯北街道", 20.00),
        ("6", "温乡时尚创意中心", "三江街道", 22.07),
        ("7", "永嘉集拓科创物流项目", "桥下镇", 16.50),
        ("13", "新纵教玩具智造产业园", "桥下镇", 21.58),
        ("14", "中天科技教育装备智造基地", "金溪镇", 11.00),
        ("4", "纽顿年产10000吨高参数特种波纹管阀门及蒸汽系统AI智能制造基地项目", "乌牛街道", 3.50),
        ("22", "朝瑞电气有限公司年产17900台户内外高压真空断路器及成套设备开关柜项目", "乌牛街道", 2.01),
    ],
)
def test_projects(code, title, location, investment):
    project = child(top("附件3"), code)
    assert project["title"] == title
    assert project["location"] == location
    assert project["investment"] == {"value": investment, "unit": "亿元"}


def test_project_content_as_printed():
    assert child(top("附件3"), "9")["content"] == "总用地面积212亩，总建筑面积300000平方。"


def test_platforms_content():
    p4 = child(top("附件2"), "4")
    assert p4["title"] == "温州系统流程装备科学研究院"
    assert p4["content"].endswith("\n发展目标：争取创成省级新型研发机构。")
    assert p4["metrics"][0]["targets"][0]["comparator"] == ">="
    assert p4["metrics"][0]["targets"][0]["value"] == 40
    p12 = child(top("附件2"), "12")
    assert p12["title"] == "东大技术转移中心"


def test_annex1_rd_intensity():
    m = plan_metric("rd_intensity", "附件1")
    assert m["name"] == "R&D经费占地区生产总值的比重"
    assert m["unit"] == "%"
    assert m["note"] == "提升"
    assert m["history"] == [
        {"year": 2015, "value": 1.96, "text": "1.96"},
        {"year": 2019, "value": 2.14, "text": "2.14%"},
    ]
    assert m["baseline"] == {"year": 2020, "value": 2.25, "text": "2.25", "estimated": True}
    assert m["targets"][0]["value"] == 3.1
    assert m["targets"][0]["text"] == "3.1%"
    assert m["targets"][0]["comparator"] == "="


def test_annex1_rd_personnel_and_enterprises():
    m = plan_metric("rd_personnel_per_10k", "附件1")
    assert m["unit"] == "人年"
    assert [h["value"] for h in m["history"]] == [39.5, 102.49]
    assert m["baseline"]["value"] == 116
    assert m["targets"][0]["value"] == 180
    hitech = plan_metric("hitech_enterprise_count", "附件1")
    assert hitech["name"] == "高新技术企业数量"
    assert hitech["unit"] == "家"
    assert hitech["note"] == "倍增"
    assert [h["value"] for h in hitech["history"]] == [56, 107]
    assert hitech["baseline"]["value"] == 144
    assert hitech["targets"][0]["value"] == 250


def test_annex1_fiscal_share_without_bracket_unit():
    m = plan_metric("fiscal_st_share", "附件1")
    assert m["name"] == "本级财政科技拨款占经常性支出比重"
    assert m["unit"] == "%"
    assert m["history"][0] == {"year": 2015, "value": 5.21, "text": "5.21%"}
    assert m["baseline"]["value"] == 6 and m["baseline"]["text"] == "6%"
    assert m["targets"][0]["value"] == 9.8


def test_annex1_units():
    units = [m["unit"] for m in PLAN["metrics"] if m["source"] == "附件1"]
    assert units == ["%", "%", "%", "人年", "万元", "件", "家", "家", "%", "亿元", "亿元"]


@pytest.mark.parametrize(
    "key, body_source, body_value, annex_value",
    [
        ("rd_personnel_per_10k", "第二章（三）主要目标", 120, 180),
        ("pct_applications", "第二章（三）主要目标", 30, 60),
        ("hitech_value_added_share", "第二章（三）主要目标", 63, 61),
        ("tech_contract_volume", "第二章（三）主要目标", 15, 20),
        ("fiscal_st_share", "第四章（三）强化多元投入", 6, 9.8),
    ],
)
def test_conflicts_body_vs_annex1(key, body_source, body_value, annex_value):
    body = plan_metric(key, body_source)
    annex = plan_metric(key, "附件1")
    assert body["key"] == annex["key"]
    assert body["targets"][0]["year"] == annex["targets"][0]["year"] == 2025
    assert body["targets"][0]["value"] == body_value
    assert annex["targets"][0]["value"] == annex_value
    assert body_value != annex_value


def test_conflict_key_labs_between_boxes():
    labs = [m for m in TASK_METRICS if m["key"] == "provincial_key_labs"]
    assert {m["source"]: m["targets"][0]["value"] for m in labs} == {
        "第三章 专栏3": 2,
        "第三章 专栏8": 3,
    }


def test_agreeing_pairs_share_key():
    for key, value in [
        ("tech_sme_count", 1500),
        ("hitech_enterprise_count", 250),
        ("labor_productivity", 17),
        ("rd_intensity", 3.1),
    ]:
        values = {m["targets"][0]["value"] for m in ALL_METRICS if m["key"] == key}
        assert values == {value}, key
    rd = plan_metric("rd_intensity", "第二章（三）主要目标")
    assert rd["targets"][0]["comparator"] == "~"
    assert rd["targets"][0]["text"] == "占GDP比重达到3.1%左右"


def test_task_targets_as_printed():
    s2 = child(top("（二）"), "1")
    lab = next(m for m in s2["metrics"] if m["key"] == "pump_valve_test_lab_new_labs")
    assert lab["targets"][0] == {
        "year": 2025,
        "value": 1,
        "max": 2,
        "comparator": "range",
        "kind": "increment",
        "recurring": None,
        "text": "新引进1-2家",
    }
    s63 = child(top("（六）"), "3")
    volume = next(m for m in s63["metrics"] if m["key"] == "tech_contract_volume")
    assert volume["targets"][0]["comparator"] == ">="
    assert volume["targets"][0]["text"] == "技术合同成交额突破20亿元"
    talents = plan_metric("talents_introduced", "第二章（三）主要目标")
    assert talents["targets"][0]["comparator"] == ">="
    assert talents["targets"][0]["value"] == 60
    five = top("（五）")
    assert {m["name"]: m["targets"][0]["value"] for m in five["metrics"]} == {
        "泵阀产业": 500,
        "鞋服（钮扣拉链）产业": 300,
        "教玩具产业": 100,
        "新兴产业": 100,
    }


def test_titles_and_codes_as_printed():
    assert top("（一）")["title"] == "构筑“一廊一区”格局，打造区域创新策源地"
    assert child(top("（一）"), "1")["title"] == "高标准建设瓯江北岸科创走廊"
    sub = child(child(top("（五）"), "4"), "（3）")
    assert sub["title"] == "智能电子电气"
    # every 专栏 1-13 is kept in its task's content
    text = "\n".join(t["content"] for t in ALL_TASKS)
    for n in range(1, 14):
        assert f"专栏{n}：" in text
