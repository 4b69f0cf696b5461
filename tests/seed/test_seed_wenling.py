"""Built-in plan 003: 温岭市科技创新发展“十四五”规划 (温发改〔2021〕170号).

Every count below was made by hand from /work/shared/seeds/003_dc9f15ac38444f99.txt;
see docs/seed/003_wenling.md for the mapping and the judgement calls.
Self-contained: stdlib + pytest only.
"""

import json
from collections import Counter
from pathlib import Path

import pytest

PLAN = json.loads(Path(__file__).resolve().parents[2].joinpath("seed", "003_wenling.json").read_text("utf-8"))
UNITS = [
    {"name": "温岭市发展和改革委员会", "role": "responsible"},
    {"name": "温岭市科学技术局", "role": "responsible"},
]


def all_tasks(tasks):
    for task in tasks:
        yield task
        yield from all_tasks(task["children"])


TASKS = list(all_tasks(PLAN["tasks"]))
TASK_METRICS = [m for t in TASKS for m in t["metrics"]]


def top(code):
    return next(t for t in PLAN["tasks"] if t["code"] == code)


def child(top_code, code):
    return next(t for t in top(top_code)["children"] if t["code"] == code)


def plan_metric(key):
    return next(m for m in PLAN["metrics"] if m["key"] == key)


def task_metric(task, name):
    return next(m for m in task["metrics"] if m["name"] == name)


def only_target(m):
    assert len(m["targets"]) == 1
    return m["targets"][0]


# ---------------------------------------------------------------- plan header


def test_header():
    assert PLAN["format"] == "tracker-plan"
    assert PLAN["version"] == 1
    assert PLAN["title"] == "温岭市科技创新发展“十四五”规划"
    assert PLAN["doc_number"] == "温发改〔2021〕170号"
    assert PLAN["issuer"] == "温岭市发展和改革委员会、温岭市科学技术局"
    assert PLAN["issued_on"] == "2021-12-27"
    assert PLAN["period"] == {"start": 2021, "end": 2025}
    assert PLAN["source"] == "003_dc9f15ac38444f99.txt"


# ---------------------------------------------------------------- counts (by hand)


def test_top_level_tasks_are_the_six_chains():
    # 四、重点任务: （一）…（六） at source lines 184, 218, 232, 244, 258–260, 276;
    # (五) is printed with half-width brackets and a half-width comma.
    assert [(t["code"], t["title"]) for t in PLAN["tasks"]] == [
        ("（一）", "组织实施平台链提升工程，打造标志性创新创业平台"),
        ("（二）", "组织实施产业链提升工程，打造标志性硬核创新集群"),
        ("（三）", "组织实施企业链提升工程，打造标志性科技领军企业"),
        ("（四）", "组织实施人才链提升工程，打造标志性创新人才团队"),
        ("(五)", "组织实施服务链提升工程,打造标志性一站式综合体"),
        ("（六）", "组织实施开放链提升工程，打造标志性科创合作基地"),
    ]


def test_task_counts_per_level():
    # numbered items counted in the source: （一）1-2, （二）1-3, （三）1-3, （四）1-3, (五)1-5, （六）1-4
    assert [len(t["children"]) for t in PLAN["tasks"]] == [2, 3, 3, 3, 5, 4]
    assert len(PLAN["tasks"]) == 6  # level 1
    assert sum(len(t["children"]) for t in PLAN["tasks"]) == 20  # level 2
    assert all(not c["children"] for t in PLAN["tasks"] for c in t["children"])  # no level 3
    assert len(TASKS) == 26
    for t in PLAN["tasks"]:
        assert [c["code"] for c in t["children"]] == [str(i) for i in range(1, len(t["children"]) + 1)]


def test_metric_and_target_counts():
    # 表1: 7 rows (lines 92–98) + 8 rows (lines 101–108) = 15 indicators, one 2025 target each
    assert len(PLAN["metrics"]) == 15
    assert sum(len(m["targets"]) for m in PLAN["metrics"]) == 15
    # task metrics, counted in 四、重点任务: （一）1: 7, （一）2: 8, （二）1: 2, （二）3: 1,
    # （三）2: 7, （三）3: 1, （四）1: 1, （四）2: 3, (五)4: 1, (五)5: 1, （六）4: 2 = 34
    per_task = {t["source"]: len(t["metrics"]) for t in TASKS if t["metrics"]}
    assert per_task == {
        "四、重点任务（一）1": 7,
        "四、重点任务（一）2": 8,
        "四、重点任务（二）1": 2,
        "四、重点任务（二）3": 1,
        "四、重点任务（三）2": 7,
        "四、重点任务（三）3": 1,
        "四、重点任务（四）1": 1,
        "四、重点任务（四）2": 3,
        "四、重点任务(五)4": 1,
        "四、重点任务(五)5": 1,
        "四、重点任务（六）4": 2,
    }
    assert len(TASK_METRICS) == 34
    assert sum(len(m["targets"]) for m in TASK_METRICS) == 34
    # no top-level task carries metrics (专栏4 has no quantitative target)
    assert all(not t["metrics"] for t in PLAN["tasks"])


def test_comparator_and_kind_counts():
    # by hand: >= 19 (力争/以上/突破/全覆盖), = 11, text 3, range 1 (5-8家)
    comps = Counter(t["comparator"] for m in TASK_METRICS for t in m["targets"])
    assert comps == {">=": 19, "=": 11, "text": 3, "range": 1}
    # increment: 年增长10%, 新建×4 （三）2, 新建院士工作站, 新引进5-8家; full_coverage: 温岭市级研发中心
    kinds = Counter(t["kind"] for m in TASK_METRICS for t in m["targets"])
    assert kinds == {"level": 26, "increment": 7, "full_coverage": 1}
    assert all(t["comparator"] == "=" for m in PLAN["metrics"] for t in m["targets"])


# ---------------------------------------------------------------- units and deadlines


def test_units_inferred_everywhere():
    for t in TASKS:
        assert t["units"] == UNITS, t["code"]
        assert t["units_inferred"] is True
        assert t["deadline"] == "2025-12-31"
        assert t["kind"] == "task"
        assert t["updates"] == [] and t["evidence"] == []
    texts = Counter(t["deadline_text"] for t in TASKS)
    assert texts == {"到2025年": 25, "“十四五”期间": 1}
    assert child("(五)", "4")["deadline_text"] == "“十四五”期间"


# ---------------------------------------------------------------- 表1 facts


@pytest.mark.parametrize(
    "key, name, unit, base, goal, note",
    [
        ("rd_expenditure", "全社会R&D经费投入", "亿元", 28.2, 58, "倍增"),
        ("rd_to_gdp", "全社会R&D经费支出占地区生产总值比重", "%", 2.0, 3.3, "提升"),
        ("rd_personnel_per_10k_employed", "每万名就业人员中R&D人员数", "人年", 110, 130, "提升"),
        ("industrial_rd_to_revenue", "规上工业企业R&D经费支出占营业收入比重", "%", 2.6, 3.5, "提升"),
        ("enterprise_rd_institution_rate", "企业研发机构设置率", "%", 18, 50, None),
        ("hightech_enterprises", "高新技术企业数", "家", 276, 560, "倍增"),
        ("tech_smes", "科技型中小企业数", "家", 1283, 1800, "提升"),
        ("high_value_patents_per_10k", "每万人高价值发明专利拥有量", "件", 5, 7, "提升"),
        ("tech_trade_to_gdp", "技术交易总额相当于地区生产总值比重", "%", None, 2, None),
        ("digital_core_to_gdp", "数字经济核心产业增加值占GDP比重", "%", 2.6, 10, "倍增"),
        ("strategic_emerging_to_gdp", "战略性新兴产业增加值占地区生产总值比重", "%", None, 4.5, None),
        ("hightech_value_added_share", "高新技术产业增加值占规模以上工业增加值比重", "%", 68.8, 72, "提升"),
        ("provincial_new_rd_institutions", "省级新型研发机构", "家", None, 2, "倍增"),
        ("provincial_maker_spaces", "省级众创空间", "家", 4, 8, "倍增"),
        ("innovation_enclaves", "创新飞地", "家", 4, 8, "倍增"),
    ],
)
def test_table1_row(key, name, unit, base, goal, note):
    m = plan_metric(key)
    assert m["name"] == name
    assert m["unit"] == unit
    assert m["source"] == "表1"
    assert m["note"] == note
    assert m["category"] is None  # 约束性/预期性 not printed
    if base is None:  # printed “—”
        assert m["baseline"] is None
    else:
        assert m["baseline"]["year"] == 2020
        assert m["baseline"]["value"] == base
    t = only_target(m)
    assert (t["year"], t["value"], t["comparator"], t["kind"]) == (2025, goal, "=", "level")


def test_table1_order_and_texts():
    assert [m["name"] for m in PLAN["metrics"]][:2] == [
        "全社会R&D经费投入",
        "全社会R&D经费支出占地区生产总值比重",
    ]
    assert [m["name"] for m in PLAN["metrics"]][-1] == "创新飞地"
    assert plan_metric("rd_to_gdp")["baseline"]["text"] == "2.0"
    assert only_target(plan_metric("strategic_emerging_to_gdp"))["text"] == "4.5"


# ---------------------------------------------------------------- inline targets


def test_platform_chain_targets():
    t = child("（一）", "1")
    assert t["title"] == "着力打造温岭金三角科创带"
    g = only_target(task_metric(t, "国家级技术创新中心温岭分中心"))
    assert (g["year"], g["value"], g["comparator"], g["text"]) == (
        2025,
        2,
        ">=",
        "力争建成国家级技术创新中心温岭分中心2家",
    )
    g = only_target(task_metric(t, "台州市级重点实验室"))
    assert (g["value"], g["text"]) == (10, "台州市级重点实验室10家")
    g = only_target(task_metric(t, "市级以上“双创”平台"))
    assert (g["value"], g["comparator"], g["text"]) == (15, ">=", "市级以上“双创”平台15家以上")
    g = only_target(task_metric(t, "省级以上孵化器"))
    assert (g["value"], g["comparator"], g["text"]) == (2, "=", "建成省级以上孵化器2家")


def test_hitech_zone_targets_are_not_the_city_indicator():
    t = child("（一）", "2")
    assert t["title"] == "着力建设温岭省级高新园区"
    m = task_metric(t, "高新技术产业增加值占规上工业增加值比重")
    assert m["key"] != "hightech_value_added_share"
    g = only_target(m)
    assert (g["value"], g["comparator"], g["text"]) == (
        80,
        ">=",
        "高新技术产业增加值占规上工业增加值比重达80%",
    )
    g = only_target(task_metric(t, "亩均增加值"))
    assert (g["value"], g["comparator"], g["text"]) == (130, ">=", "亩均增加值130万元/亩以上")
    assert task_metric(t, "亩均增加值")["unit"] == "万元/亩"
    g = only_target(task_metric(t, "高新技术产品出口额占总出口额的比重"))
    assert (g["value"], g["comparator"], g["text"]) == (
        None,
        "text",
        "高新技术产品出口额占总出口额的比重优于全省平均水平",
    )


def test_industry_and_enterprise_chain_targets():
    g = only_target(task_metric(child("（二）", "1"), "累计承接国家、省部级重大科技项目"))
    assert (g["year"], g["value"], g["comparator"], g["text"]) == (
        2025,
        10,
        ">=",
        "实现累计承接国家、省部级重大科技项目10项以上",
    )
    g = only_target(task_metric(child("（二）", "3"), "高新技术产业投资年增长"))
    assert (g["value"], g["comparator"], g["kind"], g.get("recurring")) == (10, ">=", "increment", "yearly")
    assert g["text"] == "力争高新技术产业投资年增长10%"
    t = child("（三）", "2")
    g = only_target(task_metric(t, "台州市级高新技术企业研发中心"))
    assert (g["value"], g["comparator"], g["kind"], g["text"]) == (
        200,
        "=",
        "increment",
        "台州市级高新技术企业研发中心 200 家",
    )
    g = only_target(task_metric(t, "温岭市级研发中心覆盖规上工业企业"))
    assert (g["value"], g["comparator"], g["kind"]) == (100, ">=", "full_coverage")
    assert g["text"] == "温岭市级研发中心实现规上工业企业全覆盖"


def test_talent_service_open_chain_targets():
    g = only_target(task_metric(child("（四）", "2"), "院士专家合作项目"))
    assert (g["value"], g["max"], g["comparator"], g["kind"], g["text"]) == (
        5,
        8,
        "range",
        "increment",
        "新引进5-8家院士专家合作项目",
    )
    g = only_target(task_metric(child("(五)", "4"), "科技企业贷款期末余额"))
    assert (g["year"], g["value"], g["comparator"], g["text"]) == (
        2025,
        17.5,
        "=",
        "实现科技企业贷款期末余额 17.5 亿元",
    )
    g = only_target(task_metric(child("（六）", "4"), "海外研发机构"))
    assert (g["value"], g["comparator"], g["text"]) == (3, "=", "海外研发机构 3 个")


def test_restated_table1_indicators_share_keys():
    shared = {m["key"]: m for m in TASK_METRICS if m["key"] in {p["key"] for p in PLAN["metrics"]}}
    assert set(shared) == {
        "provincial_new_rd_institutions",  # （一）1 省级以上新型研发机构2家
        "industrial_rd_to_revenue",  # （三）3 达 3.5%
        "rd_personnel_per_10k_employed",  # （四）1 达 130 人年
        "high_value_patents_per_10k",  # (五)5 突破 7 件
    }
    g = only_target(shared["industrial_rd_to_revenue"])
    assert (g["value"], g["comparator"], g["text"]) == (
        3.5,
        "=",
        "规上工业企业 R&D 经费支出占营业收入比重达 3.5%",
    )
    g = only_target(shared["rd_personnel_per_10k_employed"])
    assert (g["value"], g["comparator"], g["text"]) == (130, ">=", "力争每万名就业人员中研发人员达 130 人年")
    g = only_target(shared["high_value_patents_per_10k"])
    assert (g["value"], g["comparator"], g["text"]) == (7, ">=", "每万人高价值发明专利拥有量突破 7 件")
    # the restatements agree with 表1 in value
    for key, m in shared.items():
        assert only_target(m)["value"] == only_target(plan_metric(key))["value"]


def test_titles_and_content():
    assert child("(五)", "3")["title"] == "推进温岭科技大市场 3.0 试点建设"
    assert child("（六）", "3")["title"] == "深化国内科技合作"  # bold ** markers dropped
    assert "专栏 4：科创平台链提升行动" in top("（一）")["content"]
    assert "**" not in json.dumps(PLAN, ensure_ascii=False)
    assert child("（三）", "3")["content"].endswith("规上工业企业 R&D 经费支出占营业收入比重达 3.5%。")
    # every key used on a task metric is used once among task metrics
    keys = [m["key"] for m in TASK_METRICS if m["key"]]
    assert len(keys) == len(set(keys))
