"""Built-in plan 002: 丽水 加速产业链、创新链、人才链融合助推生态产业跨越式高质量发展行动方案.

Every count below was made by hand from /work/shared/seeds/002_dd115a29ce591574.txt
(丽委科办〔2022〕2号); see docs/seed/002_lishui.md for the mapping and judgement calls.
Self-contained: stdlib + pytest only.
"""

import json
from pathlib import Path

import pytest

PLAN = json.loads(Path(__file__).resolve().parents[2].joinpath("seed", "002_lishui.json").read_text("utf-8"))
ISSUER = "中共丽水市委人才科技工作领导小组科技工作办公室"


def all_tasks(tasks):
    for task in tasks:
        yield task
        yield from all_tasks(task["children"])


TASKS = list(all_tasks(PLAN["tasks"]))
ACTIONS = PLAN["tasks"][0]["children"]
MEASURES = PLAN["tasks"][1]["children"]


def action(code):
    return next(t for t in ACTIONS if t["code"] == code)


def metric(metrics, key):
    return next(m for m in metrics if m["key"] == key)


def names(task):
    return [u["name"] for u in task["units"]]


# ---------------------------------------------------------------- plan header


def test_header():
    assert PLAN["format"] == "tracker-plan"
    assert PLAN["version"] == 1
    assert PLAN["title"] == "加速产业链、创新链、人才链融合助推生态产业跨越式高质量发展行动方案"
    assert PLAN["doc_number"] == "丽委科办〔2022〕2号"
    assert PLAN["issuer"] == ISSUER
    assert PLAN["issued_on"] == "2022-08-22"
    assert PLAN["period"] == {"start": 2022, "end": 2026}
    assert PLAN["source"] == "002_dd115a29ce591574.txt"


# ---------------------------------------------------------------- counts (by hand)


def test_task_counts():
    # top level: 二、重点任务 and 三、具体举措 (一、工作目标 → plan metrics; 四、保障措施 not tasks)
    assert [(t["code"], t["title"]) for t in PLAN["tasks"]] == [("二", "重点任务"), ("三", "具体举措")]
    # 二、重点任务: （一）…（八）, the “八大行动”; 三、具体举措: （一）…（六）, (七)
    assert len(ACTIONS) == 8
    assert len(MEASURES) == 7
    assert len(TASKS) == 17  # 2 headings + 8 + 7
    assert all(not t["children"] for t in ACTIONS + MEASURES)


def test_units_per_task():
    # counted in each “（责任单位：…按职责分工负责）” clause of 二、重点任务
    assert [len(t["units"]) for t in ACTIONS] == [8, 7, 4, 10, 5, 3, 3, 7]
    # 三、具体举措 print no unit: the issuing office, one each
    assert [len(t["units"]) for t in MEASURES] == [1, 1, 1, 1, 1, 1, 1]
    # the two headings carry no units
    assert [len(t["units"]) for t in PLAN["tasks"]] == [0, 0]
    assert sum(len(t["units"]) for t in TASKS) == 54


def test_metric_and_target_counts():
    # 一、工作目标: “七有”全覆盖, R&D/GDP 3%, 规上 R&D/营收 2.0%, 高新产业增加值占比 55%, “十翻番十突破”
    assert len(PLAN["metrics"]) == 5
    # task metrics counted in 二、重点任务（一）…（八）; 具体举措 carry none
    assert [len(t["metrics"]) for t in ACTIONS] == [0, 6, 8, 1, 2, 5, 1, 0]
    assert all(not t["metrics"] for t in MEASURES + PLAN["tasks"])
    task_metrics = [m for t in TASKS for m in t["metrics"]]
    assert len(task_metrics) == 23
    all_metrics = PLAN["metrics"] + task_metrics
    # one target each, all “到2026年” (printed or the plan's end year)
    assert sum(len(m["targets"]) for m in all_metrics) == 28
    assert {t["year"] for m in all_metrics for t in m["targets"]} == {2026}
    kinds = [t["kind"] for m in all_metrics for t in m["targets"]]
    assert kinds.count("breakthrough") == 6  # 交通运输业, 建筑业, 小巨人, 领军企业, 新型研发机构, 众创空间
    assert kinds.count("increment") == 4  # 新增×3 in （三）, 新建 in （六）
    assert kinds.count("full_coverage") == 1  # “七有”全覆盖
    keys = [m["key"] for m in all_metrics]
    assert len(set(keys)) == 28  # no indicator is stated twice in this document


def test_roles_and_inference():
    # every 行动 says “按职责分工负责” and names no lead
    assert {u["role"] for t in TASKS for u in t["units"]} == {"responsible"}
    assert not any(t["units_inferred"] for t in ACTIONS)
    assert all(t["units_inferred"] and names(t) == [ISSUER] for t in MEASURES)
    assert not any("按职责" in u["name"] for t in TASKS for u in t["units"])


# ---------------------------------------------------------------- exact facts


def test_codes_and_titles():
    assert [t["code"] for t in ACTIONS] == [
        "（一）",
        "（二）",
        "（三）",
        "（四）",
        "（五）",
        "（六）",
        "（七）",
        "（八）",
    ]
    # the seventh 举措 is printed with half-width brackets “(七)”
    assert [t["code"] for t in MEASURES] == [
        "（一）",
        "（二）",
        "（三）",
        "（四）",
        "（五）",
        "（六）",
        "(七)",
    ]
    assert [t["title"] for t in ACTIONS] == [
        "浙西南科创走廊建设行动",
        "全社会研发投入提升行动",
        "创新主体培育壮大行动",
        "高新区创建提升行动",
        "科技合作与平台能级提升行动",
        "创新人才引育行动",
        "技术攻关和成果转化行动",
        "创新生态优化提升行动",
    ]
    assert [t["title"] for t in MEASURES] == [
        "支持一批关键技术攻关",
        "推动一批科技成果转化",
        "引进一批创新创业团队",
        "培育一批创新型领军企业",
        "整合一个技术创新中心",
        "设立一支人才科技子基金",
        "提供一套工作专班服务",
    ]


def test_unit_lists_in_order():
    assert names(action("（一）")) == [
        "市发改委",
        "市科技局",
        "市数发公司",
        "缙云县",
        "莲都区",
        "遂昌县",
        "青田县",
        "开发区管委会",
    ]
    assert names(action("（二）")) == [
        "市科技局",
        "市发改委",
        "市经信局",
        "市税务局",
        "市建设局",
        "市交通局",
        "市财政局",
    ]
    assert names(action("（三）")) == ["市科技局", "市发改委", "市经信局", "市市场监管局"]
    assert names(action("（四）")) == [
        "市科技局",
        "市发改委",
        "市经信局",
        "市商务局",
        "莲都区",
        "缙云县",
        "松阳县",
        "遂昌县",
        "青田县",
        "龙泉市",
    ]
    assert names(action("（五）")) == ["市科技局", "市发改委", "市经信局", "市委组织部", "市教育局"]
    assert names(action("（六）")) == ["市委组织部", "市科技局", "市人力社保局"]
    assert names(action("（七）")) == ["市科技局", "市经信局", "市市场监管局"]
    assert names(action("（八）")) == [
        "市科技局",
        "市财政局",
        "市市场监管局",
        "市人力社保局",
        "市金融办",
        "市科协",
        "人行丽水中心支行",
    ]


def test_deadlines():
    got = [(t["code"], t["deadline"], t["deadline_text"]) for t in ACTIONS]
    assert got == [
        ("（一）", None, None),
        ("（二）", None, None),
        ("（三）", "2026-12-31", "到2026年"),
        ("（四）", "2026-12-31", "到2026年"),
        ("（五）", "2026-12-31", "到2026年"),
        ("（六）", "2026-12-31", "到 2026 年"),
        ("（七）", "2026-12-31", "到 2026 年"),
        ("（八）", None, None),
    ]
    assert all(t["deadline"] is None for t in MEASURES)


def test_content_joined_and_without_unit_clause():
    assert "企业技术创新体系不断完善" in action("（三）")["content"]
    assert "各技术领域人才集聚" in action("（六）")["content"]
    assert action("（八）")["content"].endswith("不断释放主体创业创新创造活力。")
    assert (
        MEASURES[5]["content"]
        == "发挥人才科技主题基金作用，重点投资高新技术企业、高层次人才项目，建立跟投机制。"
    )
    assert all("责任单位" not in t["content"] and "\n" not in t["content"] for t in TASKS)


def t0(m):
    (only,) = m["targets"]
    return (only["year"], only["value"], only["max"], only["comparator"], only["kind"], only["text"])


def test_plan_metrics():
    pm = PLAN["metrics"]
    assert metric(pm, "rd_to_gdp")["name"] == "全社会研究与试验发展（R&D）经费支出相当于地区生产总值比重"
    assert t0(metric(pm, "rd_to_gdp")) == (2026, 3, None, "=", "level", "达到3%")
    assert metric(pm, "rd_to_gdp")["unit"] == "%"
    assert t0(metric(pm, "industrial_rd_to_revenue")) == (2026, 2.0, None, "=", "level", "达2.0%")
    assert t0(metric(pm, "hightech_value_added_share")) == (2026, 55, None, "=", "level", "达到55%")
    assert t0(metric(pm, "seven_haves_coverage")) == (2026, 100, None, ">=", "full_coverage", "“七有”全覆盖")
    assert t0(metric(pm, "ten_doublings_ten_breakthroughs")) == (
        2026,
        None,
        None,
        "text",
        "level",
        "实现“十翻番十突破”",
    )
    assert {m["source"] for m in pm} == {"一、工作目标"}


def test_action_2_metrics():
    ms = action("（二）")["metrics"]
    assert [m["name"] for m in ms] == [
        "产值1亿元以上制造业企业无研发活动",
        "5亿元以上制造业企业无研发机构",
        "交通运输业R&D经费支出",
        "建筑业R&D经费支出",
        "高校年均R&D经费增幅",
        "科研院所年均R&D经费增幅",
    ]
    assert t0(ms[0]) == (2026, 0, None, "<=", "level", "清零")
    assert t0(ms[2]) == (2026, 1, None, ">=", "breakthrough", "破零")
    assert t0(ms[5]) == (2026, 15, None, ">=", "level", "提升到15%以上")


def test_action_3_metrics():
    ms = action("（三）")["metrics"]
    assert t0(metric(ms, "national_hightech_enterprises")) == (2026, 1000, None, "=", "level", "1000家")
    assert t0(metric(ms, "provincial_tech_smes")) == (2026, 3600, None, "=", "level", "3600家")
    assert t0(metric(ms, "provincial_little_giants")) == (2026, 1, None, ">=", "breakthrough", "破“零”")
    assert t0(metric(ms, "provincial_enterprise_research_institutes")) == (
        2026,
        60,
        None,
        "=",
        "increment",
        "新增省级企业研究院60家",
    )
    assert t0(metric(ms, "provincial_hightech_rd_centers")) == (
        2026,
        180,
        None,
        "=",
        "increment",
        "省高新技术企业研发中心数量180家",
    )
    assert t0(metric(ms, "provincial_key_institutes_labs_centers")) == (
        2026,
        10,
        None,
        ">=",
        "increment",
        "新增省级重点企业研究院、省重点实验室、工程技术中心等10家以上",
    )


def test_actions_4_to_7_metrics():
    assert t0(action("（四）")["metrics"][0]) == (2026, 2, None, ">=", "level", "创建省级高新区2家以上")
    assert t0(action("（五）")["metrics"][0]) == (2026, 3, None, ">=", "level", "建成3所以上")
    assert action("（五）")["metrics"][0]["unit"] == "所"
    assert t0(action("（五）")["metrics"][1]) == (2026, 1, None, ">=", "breakthrough", "“零”突破")
    ms = action("（六）")["metrics"]
    assert [(m["name"], m["unit"], m["targets"][0]["value"]) for m in ms] == [
        ("省级领军型创新创业团队", "个", 5),
        ("“绿谷精英”人才项目落地", "个", 200),
        ("本土科技领军人才", "名", 30),
        ("海外创新孵化器", "个", 5),
        ("省级海外工程师", "名", 5),
    ]
    assert t0(ms[1]) == (2026, 200, None, ">=", "level", "引进“绿谷精英”人才项目落地 200 个以上")
    assert t0(ms[3]) == (2026, 5, None, "=", "increment", "新建海外创新孵化器 5 个")
    assert t0(action("（七）")["metrics"][0]) == (
        2026,
        12,
        None,
        ">=",
        "level",
        "组建市级创新联合体 12 家以上",
    )


@pytest.mark.parametrize("task", ACTIONS, ids=lambda t: t["code"])
def test_metric_texts_are_printed(task):
    for m in task["metrics"]:
        for t in m["targets"]:
            assert t["text"] in task["content"]
        assert m["source"] == f"二、重点任务{task['code']}"
