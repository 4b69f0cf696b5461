"""Build the .docx documents of held-out set x94 (1140–1149) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x94_docx.py

See ../make_docx.py for the layout helpers. The stored pages hold only the first ~2,000 characters of each page, so
a table ends where its page does (the half-read row at the end is left out, as the README says). A table the page
shows with “ | ” between cells is rebuilt here cell by cell as a real Word table with the page's own header: a group
row printed once across the table is merged across, and a cell the page prints once over the rows below it is merged
down. Half-width commas, colons and brackets that the stored pages carry are written in full width, as in every
transcription of the corpus; everything else is as the page prints it (the words before a table are paragraphs, one
a line).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, merge_down, new_document, table  # noqa: E402

# ---------------------------------------------------------------------------------------------------------------
# 1143 西安市临潼区 2023：“干净整洁 平安有序 迎五一”工作指引（工作|工作任务|牵头单位|责任单位|区级包抓领导；
# 分组行横跨全表，“（一）”格只印在第一行；页面在第3行的责任单位格中断，前2行）

LINTONG_BEFORE = [
    "各街道办事处，区人民政府各有关工作部门、各直属机构，各有关垂直管理单位：",
    "为切实做好城乡环境整治和城市运行保障工作，防范遏制各类风险隐患，以干净整洁、平安有序的环境秩序迎接“五一”国际劳动节，"
    "在前期开展“迎国卫复审”和“城市清洁”行动的基础上，进一步落实街办、园区的属地责任，各行业主管部门的牵头监管责任，"
    "形成齐抓共管的工作合力。经区政府同意，现将《“干净整洁 平安有序 迎五一”工作指引》印发给你们，请认真遵照执行。",
    "西安市临潼区人民政府办公室",
    "2023年4月21日",
    "干净整洁 平安有序 迎五一工作指引",
]

LINTONG_HEADER = ["工作", "工 作 任 务", "牵头单位", "责任单位", "区级包抓抓领导"]

LINTONG_ROWS = [
    ["一、改善城乡环境质量", "", "", "", ""],
    [
        "（一）整治市容环境卫生",
        "优化城区道路“五位一体”保洁作业模式，落实“白天湿扫、夜间冲洗”降尘作业要求。每日机械洗扫频次不少于4次，"
        "普扫、果皮箱擦洗、夜间冲洗路面不少于1次，城区主次干道每日保洁时间不低于16小时，街巷路面每日保洁时间不低于12小时。",
        "城管局",
        "城管局、各街办、园区",
        "王鹏",
    ],
    [
        "",
        "开展卫生死角“大整治、大清理、大扫除”活动，以城乡结合部、城中村、居民社区、老旧小区、商业自管区、步行街、农贸市场、"
        "交通枢纽、公园广场、公共绿地等区域为重点，集中清理成堆垃圾、乱放杂物、违规张贴涂画的广告、涂鸦等；督促沿街单位拆除、"
        "挪移在道路或广场上擅自设置的隔离栏、隔离桩、隔离墩等隔离设施。",
        "城管局",
        "住建局、市场监管局、民政局、科工商务局、交运局、各街办、园区",
        "王鹏",
    ],
]


def lintong() -> None:
    document = new_document()
    for text in LINTONG_BEFORE:
        document.add_paragraph(text)
    grid = table(document, LINTONG_HEADER, LINTONG_ROWS)
    merge_across(grid, 1, 0, 4)
    merge_down(grid, 0, 2, 3)
    document.save(str(HERE / "1143_shaanxi_xian_lintong_2023_ganjing_zhengjie_ying_wuyi_gongzuo_zhiyin.docx"))


def main() -> None:
    lintong()


if __name__ == "__main__":
    main()
