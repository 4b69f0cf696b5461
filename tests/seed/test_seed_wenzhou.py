"""Built-in plan 001: 温州市大力实施科技创新“八大抓手” 全面融入省“315”科技创新体系实施方案.

Every count below was made by hand from /work/shared/seeds/001_162719cfef69c44b.txt
(the published text) and is written as a literal; docs/seed/001_wenzhou.md explains
the mapping.  Self-contained: stdlib + pytest only.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PLAN = json.loads(Path(__file__).resolve().parents[2].joinpath("seed", "001_wenzhou.json").read_text("utf-8"))
SOURCE_TEXT = Path("/work/shared/seeds/001_162719cfef69c44b.txt")

HQ = "温州海经区管委会"
HX = "温州高新区（经开区）管委会"
GX = "各县（市、区）政府"


def children() -> list[dict]:
    return [c for t in PLAN["tasks"] for c in t["children"]]


def task(code: str) -> dict:
    (found,) = [c for c in children() if c["code"] == code]
    return found


def units(code: str) -> list[tuple[str, str]]:
    return [(u["name"], u["role"]) for u in task(code)["units"]]


def plan_metric(name: str, source: str | None = None) -> dict:
    found = [m for m in PLAN["metrics"] if m["name"] == name and (source is None or m["source"] == source)]
    assert len(found) == 1, name
    return found[0]


def targets(metric: dict) -> list[tuple]:
    return [(t["year"], t["value"], t["comparator"], t["text"]) for t in metric["targets"]]


# ---------------------------------------------------------------- header


def test_header() -> None:
    assert PLAN["format"] == "tracker-plan"
    assert PLAN["version"] == 1
    assert PLAN["title"] == (
        "温州市大力实施科技创新“八大抓手” 全面融入省“315”科技创新体系实施方案（2023—2027年）"
    )
    assert PLAN["doc_number"] == "温政发〔2023〕17号"
    assert PLAN["issuer"] == "温州市人民政府"
    assert PLAN["issued_on"] == "2023-04-14"
    assert PLAN["period"] == {"start": 2023, "end": 2027}
    assert PLAN["source"] == "001_162719cfef69c44b.txt"


# ---------------------------------------------------------------- counts


def test_eight_levers_with_three_tasks_each() -> None:
    # counted by hand: 二、重点任务 has （一）…（八）, each followed by three numbered tasks
    assert [t["code"] for t in PLAN["tasks"]] == [
        "（一）",
        "（二）",
        "（三）",
        "（四）",
        "（五）",
        "（六）",
        "（七）",
        "（八）",
    ]
    assert [len(t["children"]) for t in PLAN["tasks"]] == [3, 3, 3, 3, 3, 3, 3, 3]
    assert [c["code"] for c in children()] == [str(i) for i in range(1, 25)]
    assert len(children()) == 24
    assert PLAN["tasks"][0]["title"] == "抓科技战略平台建设,加快实施全域创新能级提升行动"
    assert PLAN["tasks"][7]["title"] == "抓科技金融发展,加快实施开放创新生态打造行动"
    for lever in PLAN["tasks"]:
        assert lever["units"] == []  # no unit is printed for a 抓手
        assert lever["metrics"] == []


def test_units_per_task() -> None:
    # counted by hand in each “(责任单位:…)” of tasks 1–24, after splitting the shared
    # bracket “温州海经区、温州高新区〈经开区〉管委会” into two units
    # fmt: off
    assert [len(c["units"]) for c in children()] == [
        7, 5, 7, 2, 7, 2, 6, 6, 6, 7, 9, 9, 5, 5, 5, 4, 4, 2, 8, 8, 6, 11, 8, 4
    ]
    # fmt: on
    assert sum(len(c["units"]) for c in children()) == 143


def test_first_unit_leads_everywhere() -> None:
    # “列第一位的为牵头单位,下同” (task 1) applies to every list
    for c in children():
        roles = [u["role"] for u in c["units"]]
        assert roles[0] == "lead" and set(roles[1:]) <= {"support"}, c["code"]


def test_task_metric_counts() -> None:
    # counted by hand: inline quantitative targets of tasks 1–24 (see docs/seed/001_wenzhou.md)
    # fmt: off
    assert [len(c["metrics"]) for c in children()] == [
        1, 1, 2, 4, 1, 2, 7, 4, 3, 6, 4, 4, 1, 5, 0, 5, 1, 0, 3, 2, 0, 2, 1, 3
    ]
    # fmt: on
    assert sum(len(m["targets"]) for c in children() for m in c["metrics"]) == 62


def test_plan_metric_counts() -> None:
    # counted by hand: 9 rows of the 九大重点科技创新指标 table, 21 quantified goals in
    # 一、总体要求, 1 in 三、保障措施（二）
    sources = [m["source"] for m in PLAN["metrics"]]
    assert len(PLAN["metrics"]) == 31
    assert sources.count("九大重点科技创新指标") == 9
    assert sources.count("一、总体要求") == 21
    assert sources.count("三、保障措施（二）") == 1
    table = [m for m in PLAN["metrics"] if m["source"] == "九大重点科技创新指标"]
    # the table prints 2022/2023/2025/2027: four target years each; 2022 is also the baseline
    assert [len(m["targets"]) for m in table] == [4] * 9
    assert all(m["baseline"]["year"] == 2022 for m in table)
    assert all(m["targets"][0]["value"] == m["baseline"]["value"] for m in table)
    assert sum(len(m["targets"]) for m in PLAN["metrics"]) == 58


def test_yearly_tasks_and_deadlines() -> None:
    assert [c["code"] for c in children() if c["recurring"] == "yearly"] == ["2", "9"]
    assert {c["deadline"] for c in children()} == {"2027-12-31"}
    assert {t["deadline"] for t in PLAN["tasks"]} == {"2027-12-31"}


# ---------------------------------------------------------------- exact facts: units


def test_units_task1_shared_bracket_split() -> None:
    assert units("1") == [
        ("市科技局", "lead"),
        ("市发展改革委", "support"),
        ("市经信局", "support"),
        ("市生态环境局", "support"),
        (GX, "support"),
        (HQ, "support"),
        (HX, "support"),
    ]


def test_units_task4_nested_bracket() -> None:
    assert units("4") == [("市教育局", "lead"), ("市委组织部（市委人才办）", "support")]


def test_units_task12() -> None:
    assert units("12") == [
        ("市经信局", "lead"),
        ("市发展改革委", "support"),
        ("市科技局", "support"),
        ("市自然资源局", "support"),
        ("市商务局", "support"),
        ("市投资促进局", "support"),
        (GX, "support"),
        (HQ, "support"),
        (HX, "support"),
    ]


def test_units_task20_lead_is_economy_bureau() -> None:
    assert [n for n, _ in units("20")] == [
        "市经信局",
        "市委组织部（市委人才办）",
        "市科技局",
        "市教育局",
        "市人力社保局",
        GX,
        HQ,
        HX,
    ]
    assert units("20")[0] == ("市经信局", "lead")


def test_units_task21_no_county_groups() -> None:
    assert units("21") == [
        ("市委组织部（市委人才办）", "lead"),
        ("市教育局", "support"),
        ("市科技局", "support"),
        ("市财政局", "support"),
        ("市人力社保局", "support"),
        ("市科协", "support"),
    ]


def test_units_task22_eleven() -> None:
    assert [n for n, _ in units("22")] == [
        "市科技局",
        "市发展改革委",
        "市财政局",
        "温州银保监分局",
        "市金融办",
        "人行温州市中心支行",
        "市融资担保有限公司",
        "市国有金融资本管理有限公司",
        GX,
        HQ,
        HX,
    ]


def test_units_task24() -> None:
    assert units("24") == [("市市场监管局", "lead"), (GX, "support"), (HQ, "support"), (HX, "support")]


def test_no_angle_brackets_left() -> None:
    for c in children():
        for u in c["units"]:
            assert "〈" not in u["name"] and "〉" not in u["name"]
            assert "列第一位" not in u["name"] and "下同" not in u["name"]


# ---------------------------------------------------------------- exact facts: table


def test_table_rd_intensity() -> None:
    m = plan_metric("R&D经费占地区生产总值的比重", "九大重点科技创新指标")
    assert m["unit"] == "%" and m["key"] == "rd_intensity"
    assert m["baseline"] == {"year": 2022, "value": 2.6, "text": "2.6"}
    assert targets(m) == [
        (2022, 2.6, "=", "2.6"),
        (2023, 2.7, "=", "2.7"),
        (2025, 3.0, "=", "3.0"),
        (2027, 3.4, "=", "3.4"),
    ]


def test_table_rows_in_order() -> None:
    table = [m for m in PLAN["metrics"] if m["source"] == "九大重点科技创新指标"]
    assert [
        (m["name"], m["unit"], m["baseline"]["value"], [t["value"] for t in m["targets"][1:]]) for m in table
    ] == [
        ("R&D经费占地区生产总值的比重", "%", 2.6, [2.7, 3.0, 3.4]),
        ("每万名就业人员中研发人员", "人年", 110, [120, 130, 140]),
        ("规上工业企业研究开发经费占营业收入比重", "%", 3.32, [3.41, 3.51, 3.6]),
        ("高新技术企业累计数", "家", 3700, [4300, 5500, 6500]),
        ("省科技型中小企业累计数", "家", 14700, [16500, 20000, 22000]),
        ("高新技术产业增加值占规上工业增加值的比重", "%", 66.8, [67, 68, 70]),
        ("技术交易额", "亿元", 256, [330, 500, 560]),
        ("年新增孵化器(众创空间)孵化场地面积", "万平方米", 152, [180, 150, 150]),
        ("高新技术产业投资增速", "%", 9.6, [15, 15, 15]),
    ]


def test_table_incubation_area_is_increment() -> None:
    m = plan_metric("年新增孵化器(众创空间)孵化场地面积")
    assert [t.get("kind") for t in m["targets"]] == ["increment"] * 4
    assert [t["year"] for t in m["targets"]] == [2022, 2023, 2025, 2027]


def test_headline_goals() -> None:
    gs = "一、总体要求"
    assert targets(plan_metric("世界青年科学家峰会成果落地率", gs)) == [(2027, 80, ">=", "80%以上")]
    assert targets(plan_metric("院士等顶尖人才", gs)) == [(2027, 25, "~", "25名左右")]
    assert targets(plan_metric("技术交易总额", gs)) == [(2027, 560, ">=", "超560亿元")]
    assert targets(plan_metric("温州国家高新区全国排名", gs)) == [(2027, 50, "<=", "进入全国前50位")]
    rd = plan_metric("全社会研究与试验发展经费支出占地区生产总值比重", gs)
    assert targets(rd) == [(2027, None, "text", "超全省平均水平")]
    fiscal = plan_metric("全市财政科技投入年均增长", "三、保障措施（二）")
    assert targets(fiscal) == [(2027, 15, ">=", "年均增长15%以上")]


# ---------------------------------------------------------------- exact facts: task metrics


def test_task3_yearly_envoys_and_full_coverage() -> None:
    envoy, cover = task("3")["metrics"]
    (t,) = envoy["targets"]
    assert (envoy["name"], envoy["unit"]) == ("省市县联动派遣科技特派员", "人次")
    assert (t["year"], t["value"], t["comparator"], t["recurring"], t["text"]) == (
        2027,
        500,
        "=",
        "yearly",
        "500人次",
    )
    (c,) = cover["targets"]
    assert (c["kind"], c["value"], c["comparator"], cover["unit"]) == ("full_coverage", 100, ">=", "%")


def test_task16_range_and_2025_target() -> None:
    ms = task("16")["metrics"]
    (r,) = ms[0]["targets"]
    assert (r["comparator"], r["value"], r["max"], r["text"]) == ("range", 1, 2, "1—2个主攻产业领域")
    (cov,) = ms[2]["targets"]
    assert (cov["year"], cov["kind"]) == (2025, "full_coverage")
    assert [t["value"] for m in ms[3:] for t in m["targets"]] == [70, 18]


def test_task9_all_yearly() -> None:
    ts = [t for m in task("9")["metrics"] for t in m["targets"]]
    assert [(t["value"], t["comparator"], t["recurring"]) for t in ts] == [
        (2, ">=", "yearly"),
        (10, "=", "yearly"),
        (3, "~", "yearly"),
    ]


def test_shared_keys() -> None:
    by_key: dict[str, list[str]] = {}
    for m in PLAN["metrics"]:
        if m["key"]:
            by_key.setdefault(m["key"], []).append(m["source"])
    for c in children():
        for m in c["metrics"]:
            if m["key"]:
                by_key.setdefault(m["key"], []).append("task " + c["code"])
    assert by_key["hitech_firms"] == ["九大重点科技创新指标", "一、总体要求", "task 10"]
    assert by_key["sme_tech_firms"] == ["九大重点科技创新指标", "一、总体要求", "task 10"]
    assert by_key["tech_trade"] == ["九大重点科技创新指标", "一、总体要求", "task 11"]
    assert by_key["hitech_invest_growth"] == ["九大重点科技创新指标", "一、总体要求", "task 12"]
    assert by_key["summit_landing_rate"] == ["一、总体要求", "task 23"]
    assert by_key["wz_nhz_rank"] == ["一、总体要求", "task 1"]
    assert by_key["tech_loans_new"] == ["一、总体要求", "task 22"]
    assert by_key["incubation_area_total"] == ["一、总体要求", "task 13"]
    assert by_key["hardcore_achievements"] == ["一、总体要求", "task 7"]
    sme = next(m for m in task("10")["metrics"] if m["key"] == "sme_tech_firms")
    assert targets(sme) == [(2027, 22000, ">=", "超2.2万家")]


def test_every_target_text_is_printed() -> None:
    if not SOURCE_TEXT.exists():
        pytest.skip("source document not available")
    source = SOURCE_TEXT.read_text("utf-8")
    metrics = list(PLAN["metrics"]) + [m for c in children() for m in c["metrics"]]
    for m in metrics:
        for t in m["targets"]:
            assert t["text"] in source, (m["name"], t["text"])
    for c in children():
        assert c["title"] in source and c["content"] in source
