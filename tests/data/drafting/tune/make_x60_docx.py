"""Build the .docx documents of held-out set x60 (800–809) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x60_docx.py

See ../make_docx.py for the layout helpers. The texts are transcribed from stored public pages (the search tool's
pages corpus; each page holds only the start of its document, so a table ends where its page does). A page runs a
table's cells one a line; each table is rebuilt here cell by cell as a real Word table: a group heading that spans
the table merged across, several names of one cell on separate lines. The words are unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, new_document, table  # noqa: E402


def shenhe_2024() -> None:
    """801 辽宁 沈阳市 沈河区 2024：政府工作报告主要工作任务分解表（通知 + 表的前3项）。

    三列：主要工作任务|牵头单位|责任单位；页面把表拆成一格一行，一格里的两段也各占一行。第2项在牵头单位
    “发改局”之后、责任单位“各街道办事处”之前多出一行“区工信局”：第3项把区工信局和各街道办事处用顿号写在
    同一格里，第2项把它另起一行，这里读作牵头单位格里的第二段（两个牵头单位，判断，见expectation的notes）。
    “一、……”是横跨全表的分组行，横向合并。第4项在责任单位格里截断，没有录。
    """
    document = new_document()
    for text in (
        "沈河区人民政府关于印发2024年政府工作报告主要工作任务分解表的通知",
        "2024年03月15日来源：沈河区人民政府办公室",
        "区政府各部门，各街道办事处，各有关单位：",
        "沈河区第十九届人民代表大会第三次会议审议通过了《2024年沈阳市沈河区政府工作报告》，区政府第十九届第46次"
        "常务会议审议通过了《2024年政府工作报告主要工作任务分解表》，现将《2024年政府工作报告主要工作任务分解表》"
        "印发给你们。请各单位认真对照各自承担的工作任务，细化工作目标，紧盯工作进度，落实工作责任，确保各项任务"
        "如期完成。",
        "沈河区人民政府",
        "2024年3月15日",
        "（此件公开发布）",
        "2024年政府工作报告主要工作任务分解表",
    ):
        document.add_paragraph(text)
    rows = [
        ["一、优结构、谋发展，在加快构建现代化产业体系上冲在前、当先锋、作示范", "", ""],
        [
            "1.主动对接国家战略，完善“2+5+N”现代化产业体系和“18214”企业支撑体系，壮大531个支撑企业，"
            "加快形成新质生产力。",
            "区发改局",
            "区工信局、区商务局、区文旅局、区金融局、各街道办事处",
        ],
        [
            "2.大力发展新兴数字、网络安全、工业互联网、前沿新材料、航空发动机、创新药等战略性新兴产业。",
            "发改局\n区工信局",
            "各街道办事处",
        ],
        [
            "3.积极培育元宇宙、生成式人工智能、人形机器人、数字农业、现代种业等未来产业。",
            "发改局",
            "区工信局、各街道办事处",
        ],
    ]
    grid = table(document, ["主要工作任务", "牵头单位", "责任单位"], rows)
    merge_across(grid, 1, 0, 2)
    document.save(
        str(HERE / "801_liaoning_shenyang_shenhe_2024_zhengfu_gongzuo_baogao_renwu_fenjiebiao.docx")
    )


def main() -> None:
    shenhe_2024()


if __name__ == "__main__":
    main()
