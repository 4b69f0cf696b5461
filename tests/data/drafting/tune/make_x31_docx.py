"""Build the .docx documents x31 added to the held-out part (510–).

    python tests/data/drafting/tune/make_x31_docx.py

See ../make_docx.py for the layout helpers. The texts are transcribed from stored public pages (the
addresses are in README.md and in each expectation's notes); the stored page holds only the start of
its document, so each table ends where its page does. This script only lays them out the way Word
holds such documents: real tables, a cell's printed lines as lines in the cell, a cell that the page
shows once for several rows merged down over them. The words are unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_down, new_document, table  # noqa: E402


def luan_zhibiao_2025() -> None:
    """512 安徽 六安市 2025：加快建设生态强市全面打造美丽六安主要指标清单（通知 + 表格前8行）。

    页面把表格拆成一格一行：类型|序号|指标名称|现状值|2027年目标|2035年目标|牵头单位。“绿色发展”类型格在
    页面上只印一次（分两行“绿色”“发展”），是纵向合并的格，这里合并第1—8行；第3行的牵头单位两个，页面上
    分行印出，格内分行；第3行页面只印两个“完成省下达目标任务”，现状值一格是空格（转成文字时空格不留），
    这里留空。格内因列宽折行的“完成省下达/目标任务”合为一行。第9行（“优美环境”类）的指标名称在
    页面末尾中断，没有录。
    """
    document = new_document()
    for line in (
        "六安市生态环境保护委员会办公室关于印发",
        "加快建设生态强市全面打造美丽六安",
        "主要指标等三个清单的通知",
        "各县区人民政府，市开发区管委、市直各单位：",
        "为推动《中共安徽省委 安徽省人民政府关于加快建设生态强省全面打造美丽安徽的实施意见》《安徽省生态环境保护委员会"
        "关于印发加快建设生态强省全面打造美丽安徽主要指标等3个清单的通知》落地见效，现将加快建设生态强市全面打造美丽六安"
        "的主要指标清单、重点任务清单、配套措施清单印发给你们，请结合工作实际，抓好落实。",
        "六安市生态环境保护委员会办公室",
        "202517",
        "主要指标清",
    ):
        document.add_paragraph(line)
    rows = [
        ["绿色发展", "1", "战略性新兴产业产值占规上工业比重（%）", "37.6", "43", "逐年提高", "市发改委"],
        ["绿色发展", "2", "单位GDP能耗（吨标准煤/万元）", "0.43", "完成省下达目标任务", "/", "市发改委"],
        [
            "绿色发展",
            "3",
            "单位GDP二氧化碳排放（吨/万元）",
            "",
            "完成省下达目标任务",
            "完成省下达目标任务",
            "市发改委\n市生态环境局",
        ],
        [
            "绿色发展",
            "4",
            "单位GDP用水量（立方米/万元）",
            "110.73",
            "95.65",
            "完成省下达目标任务",
            "市水利局",
        ],
        [
            "绿色发展",
            "5",
            "单位GDP建设用地使用面积（亩/亿元）",
            "1278.34",
            "持续下降",
            "持续下降",
            "市自然资源局",
        ],
        [
            "绿色发展",
            "6",
            "非化石能源占一次能源消费比重（%）",
            "15.4（2022年数据）",
            "20",
            "22以上",
            "市发改委",
        ],
        [
            "绿色发展",
            "7",
            "新注册登记新能源汽车量占新注册登记汽车总量比例（%）",
            "25",
            "力争达到60",
            "力争达到75",
            "市发改委",
        ],
        ["绿色发展", "8", "全市大中型生产矿山中绿色矿山占比（%）", "35%", "55%", "90%", "市自然资源局"],
    ]
    grid = table(
        document, ["类型", "序号", "指标名称", "现状值", "2027年目标", "2035年目标", "牵头单位"], rows
    )
    merge_down(grid, 0, 1, 8)
    document.save(str(HERE / "512_anhui_luan_2025_shengtai_zhibiao.docx"))


def main() -> None:
    luan_zhibiao_2025()


if __name__ == "__main__":
    main()
