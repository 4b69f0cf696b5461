"""Reading rules of session 24, each found on a document of session 23's unseen sets.

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

import datetime as dt

from draft_helpers import leaves, table_of, units_of

from tracker.drafting.draft import draft_blocks, draft_text
from tracker.drafting.findings import finding_tasks
from tracker.importers.columns import match_headers


def test_a_column_naming_who_examines_the_work_is_no_unit_column() -> None:
    assert "responsible" not in match_headers(["序号", "考核项目", "考核指标", "负责考核部门"])
    assert "responsible" not in match_headers(["序号", "考核内容", "考核单位"])
    assert match_headers(["序号", "考核内容", "被考核单位"])["responsible"] == 3
    blocks = [
        "某县2031年度河长制工作乡镇考核细则",
        table_of(
            ["序号", "考核项目", "分值", "考核指标", "负责考核部门"],
            [
                ["1", "完善河长体系", "5", "健全乡、村河长设置。", "县河长办"],
                ["2", "落实一河一策", "5", "编制一河一策方案。", "县水利局"],
            ],
        ),
    ]
    tasks = leaves(draft_blocks(blocks, "细则.docx").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [("完善河长体系", []), ("落实一河一策", [])]


def test_a_bracket_of_duty_kinds_under_a_problem_names_who_answers_for_it() -> None:
    text = "\n".join(
        [
            "● 东门市场存在占道经营现象，保洁不到位。",
            "（主体责任：东门村委会，监督责任：市市场监管局）",
            "● 西街工地建筑垃圾堆积，无人管理。",
            "（主体责任：某建设公司，监管责任：市住建局）",
        ]
    )
    tasks = leaves(draft_text(text, "曝光.txt").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        (
            "东门市场存在占道经营现象，保洁不到位",
            [("东门村委会", "responsible"), ("市市场监管局", "responsible")],
        ),
        ("西街工地建筑垃圾堆积，无人管理", [("某建设公司", "responsible"), ("市住建局", "responsible")]),
    ]


def test_findings_one_body_a_line_keep_the_body_and_a_clean_record_is_no_task() -> None:
    text = "\n".join(
        [
            "2031年5月效能检查情况通报",
            "一、机关情况。检查中各科室均履行请假手续。",
            "二、下属单位情况。检查中共有3人迟到。卫生及物品摆放情况如下：",
            "一分院：2间办公室空调温度低于26℃；物品摆放不到位。",
            "二分院：1间办公室卫生较差；物品摆放较好。",
            "检测中心：空调温度均符合规定；办公室卫生较好。",
        ]
    )
    tasks = [t for t in leaves(draft_text(text, "通报.txt").plan) if t.units]
    assert [(t.title, units_of(t)) for t in tasks] == [
        ("一分院：2间办公室空调温度低于26℃；物品摆放不到位", [("一分院", "responsible")]),
        ("二分院：1间办公室卫生较差；物品摆放较好", [("二分院", "responsible")]),
    ]


def test_a_notice_of_inspection_hands_each_named_place_its_finding() -> None:
    text = "\n".join(
        [
            "某镇河道专项督查通报",
            "各村（社区）：",
            "近日，镇督查组对沿河各村进行了专项督查。现将有关情况通报如下：",
            "一、总体情况",
            "大湖村有两处未整改，一处未整改彻底；东山村、西山村整改效果明显。",
            "二、存在的问题",
            "截至8月5日，以下问题整改缓慢：石桥村辖区内的水库漂浮物打捞效果不明显，"
            "青龙村存在河岸垃圾乱堆乱放现象；个别村巡河记录不全。",
            "三、下步工作要求",
            "一是高度重视。8月9日前石桥村、青龙村要完成整改。",
        ]
    )
    tasks = leaves(draft_text(text, "2031年督查通报.txt").plan)
    assert [(t.title, units_of(t), t.deadline) for t in tasks] == [
        ("石桥村辖区内的水库漂浮物打捞效果不明显", [("石桥村", "responsible")], dt.date(2031, 8, 9)),
        ("青龙村存在河岸垃圾乱堆乱放现象", [("青龙村", "responsible")], dt.date(2031, 8, 9)),
    ]


def test_a_finding_after_discovered_runs_to_its_sentences_end() -> None:
    lines = [
        "关于景区暗访检查情况的通报",
        "工作组暗访检查，发现东湖景区存在停车场管理混乱；游客中心功能不完善等问题。"
        "南山景区存在标识系统缺失，步道损坏较多等问题。",
    ]
    assert [(t.title, units_of(t)) for t in finding_tasks(lines)] == [
        ("东湖景区存在停车场管理混乱；游客中心功能不完善等问题", [("东湖景区", "responsible")]),
        ("南山景区存在标识系统缺失，步道损坏较多等问题", [("南山景区", "responsible")]),
    ]


def test_sentences_about_places_are_no_findings_outside_a_notice_of_inspection() -> None:
    lines = ["某县乡村振兴工作方案", "石桥村存在基础设施薄弱问题，要加快补齐短板。"]
    assert finding_tasks(lines) == []


def test_a_notices_numbered_problems_go_to_the_places_their_clauses_name() -> None:
    text = "\n".join(
        [
            "索引号：000000/2031-1",
            "发布机构：某镇",
            "关于某镇第二季度人居环境整治检查情况的通报",
            "各村（社区）：",
            "一、工作成效情况",
            "各村卫生均有改善，其中红光社区进步明显。",
            "二、存在的问题",
            "1.垃圾清运不及时。各村都存在垃圾未及时清运的问题。东湖村和西湖村管护工作有待加强。南岭村焚烧残留问题突出。",
            "2.改厕进度不均衡。部分村底册不准，北山村、石门村任务较大。",
            "3.个别村思想有所滑坡。积极性有所下降。",
            "三、后段要求",
            "1.各村要打造3个亮点区域。",
        ]
    )
    tasks = leaves(draft_text(text, "通报.txt").plan)
    assert [(t.title, units_of(t)) for t in tasks] == [
        (
            "垃圾清运不及时",
            [("东湖村", "responsible"), ("西湖村", "responsible"), ("南岭村", "responsible")],
        ),
        ("改厕进度不均衡", [("北山村", "responsible"), ("石门村", "responsible")]),
        ("个别村思想有所滑坡", []),
    ]


def test_a_unit_label_said_with_wei_instead_of_a_colon() -> None:
    text = "\n".join(
        [
            "某区2031年县域经济考核指标目标任务",
            "规模以上工业增加值：增长8%（依据区人代会目标设置），责任单位为区经信局；",
            "高新技术企业数：新增10家以上，责任单位为区科技局；",
        ]
    )
    tasks = leaves(draft_text(text, "指标.txt").plan)
    assert [units_of(t) for t in tasks] == [[("区经信局", "responsible")], [("区科技局", "responsible")]]


def test_a_notice_setting_thousands_of_dates_is_read_for_the_first_ones_only() -> None:
    """Each date is matched against every named body: a hostile file must not make that quadratic."""
    names = [chr(0x4E00 + i % 500) + chr(0x4E00 + i // 500) + "村" for i in range(3000)]
    lines = ["督查通报", *(f"{n}存在问题。" for n in names), *(f"8月7日前{n}要完成整改。" for n in names)]
    tasks = finding_tasks(lines, 2031)
    assert len(tasks) == 3000
    assert sum(t.deadline is not None for t in tasks) == 50


def test_a_clean_record_is_left_out_only_among_findings_of_its_own_run() -> None:
    text = "\n".join(
        [
            "2031年5月效能检查情况通报",
            "一分院：空调温度低于26℃。",
            "二分院：卫生较差。",
            "检测中心：空调温度均符合规定。",
            "三、工作职责",
            "区公安局：负责打击违法行为。",
            "区财政局：负责保障经费。",
        ]
    )
    tasks = leaves(draft_text(text, "通报.txt").plan)
    named = [units_of(t)[0][0] for t in tasks if t.units]
    assert "检测中心" not in named
    assert {"一分院", "二分院", "区公安局", "区财政局"} <= set(named)
