"""Build the .docx documents of held-out set x55 (750–759) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x55_docx.py

See ../make_docx.py for the layout helpers. The texts are transcribed from stored public pages (the search tool's
pages corpus; each page holds only the start of its document, so a table ends where its page does). A page runs a
table's cells one a line; each table is rebuilt here cell by cell as a real Word table, the words unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import new_document, table  # noqa: E402


def dazu_2023() -> None:
    """755 重庆 大足区：2023年度政府工作报告重点工作完成情况（区政府办公室的督查汇总，附超额完成任务一览表）。

    页面的表一格一行：序号|目标任务|具体任务|牵头单位|任务进度；存下的文字在第1行的任务进度格中截断，
    这一行的前四格已印全，任务进度格照页面录到截断处。
    """
    document = new_document()
    for text in (
        "2023年度政府工作报告重点工作完成情况",
        "日期：2024-05-29",
        "关于2023年度政府工作报告重点工作",
        "完成情况",
        "区政府办公室对2023年度政府工作报告重点工作完成情况进行了督查督办汇总。现将有关情况报告如下：",
        "一、总体情况",
        "根据《2023年大足区人民政府工作报告重点工作目标任务责任分解方案》，具体分解目标任务405项。"
        "区政府办公室持续对区政府工作报告目标任务进展情况开展全面督查督办。截至12月底，政府工作报告重点工作任务总体进展顺利，"
        "其中，38项工作任务完成或超额完成，350项工作任务按序时全部完成，因客观原因和政策因素17项未全部达到目标任务。",
        "下一步，区政府办公室将继续对政府工作报告未全部完成目标任务的项目跟踪督办，按照区政府主要领导批示，"
        "做到“件件钉、手手清、实打实、硬逗硬”，将通报批评纳入有关考核予以扣分。"
        "希望未全面完成目标任务的责任单位，再进一步加大工作推进力度，力争目标任务尽快完成。",
        "附件：2023年度政府工作报告超额完成任务一览表（具体见附表）。",
        "2023年度政府工作报告超额完成任务一览表",
    ):
        document.add_paragraph(text)
    table(
        document,
        ["序号", "目标任务", "具体任务", "牵头单位", "任务进度"],
        [
            [
                "1",
                "狠抓工业投资，加速工业项目落地建设、投产达效、技改扩能，工业投资增长20%以上",
                "实现工业投资增长20%以上。",
                "区经济信息委、经开区经发局",
                "完成工业投资35.28亿元、同比增长29.7%，高于全市16.8个百分点（全市为12.9%），"
                "总量列全市第24位、主城都市区第16位、渝西八区第7位、",
            ],
        ],
    )
    document.save(str(HERE / "755_chongqing_dazu_2023_zhengfu_gongzuo_baogao_wancheng_qingkuang.docx"))


def main() -> None:
    dazu_2023()


if __name__ == "__main__":
    main()
