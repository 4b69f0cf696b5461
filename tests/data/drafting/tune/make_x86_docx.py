"""Build the .docx documents of held-out set x86 (1060–1069) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x86_docx.py

See ../make_docx.py for the layout helpers. The set is of task divisions of 华北 and 华中 cities and counties. The
stored pages hold only the first ~2,000 bytes of each page, so a table ends where its page does. A page that shows a
table as one row a line, cells separated by spaces, is rebuilt here cell by cell as a real Word table with the page's
own header. Half-width commas, colons and brackets that the stored pages carry are written in full width, as in every
transcription of the corpus; a page a mirror turned into traditional characters is given in simplified characters;
everything else is as the page prints it (the words before the table are paragraphs, one a line).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import new_document, table  # noqa: E402

# ---------------------------------------------------------------------------------------------------------------
# 1060 六安市霍邱县：2025年县政府重点工作任务一季度完成情况（镜像页，繁体还原为简体，镜像在字后插入的拼音删去；
# 序号|重点工作任务|牵头责任单位|一季度完成情况；页面在第8行的完成情况格中断）

HUOQIU_PARAGRAPHS = [
    "2025年县政府重点工作任务一季度完成情况",
    "浏览次数： 来源：霍邱县政府办公室 时间：2025-06-16 16:01",
]

HUOQIU_HEADER = ["序号", "重点工作任务", "牵头责任单位", "一季度完成情况"]

HUOQIU_ROWS = [
    ["1", "地区生产总值增长6%以上。", "县发改委", "一季度地区生产总值增长6.8%"],
    ["2", "规模工业增加值增长4.5%。", "县工信局", "规模工业增加值增长 11.9%"],
    ["3", "财政一般公共预算收入增长3.7%以上。", "县财政局、县税务局", "财政一般公共预算收入增长4.8%"],
    [
        "4",
        "固定资产投资增长4%以上。",
        "县发改委",
        "一季度固定资产投资累计完成27.56万元，同比增长16.9%，居全市第2。",
    ],
    [
        "5",
        "社会消费品零售总额增长6%左右。",
        "县商务局",
        "全县一季度社会消费品零售总额实现57.48亿元，同比增长7.5%（全市6.3%），高于全市平均1.2个百分点，增速全市第3。",
    ],
    [
        "6",
        "城镇常住居民人均可支配收入增速高于全省平均、位次靠前。",
        "县人社局",
        "2025年一季度全县城镇常住居民人均可支配收入9997元，全市第6，增长4.8%，低于全省0.1个百分点，"
        "高于全市0.2个百分点，全市第2。",
    ],
    [
        "7",
        "农村常住居民人均可支配收入增速高于全省平均、位次靠前。",
        "县农业农村局",
        "2025年第一季度我县农村常住居民人均可支配收入为7168元，全市第3，增长6.9%，高于全省0.7个百分点，全市第6。",
    ],
    [
        "8",
        "强化项目全生命周期管理，实施亿元项目78个以上，其中新开工项目20个以上。",
        "县发改委",
        "一季度实施市亿元以上重点项目68个，其中，续建项目51个，新开工项目17个，累计",
    ],
]


def huoqiu() -> None:
    document = new_document()
    for text in HUOQIU_PARAGRAPHS:
        document.add_paragraph(text)
    table(document, HUOQIU_HEADER, HUOQIU_ROWS)
    document.save(
        str(HERE / "1060_anhui_luan_huoqiu_2025_zhongdian_gongzuo_renwu_yijidu_wancheng_qingkuang.docx")
    )


def main() -> None:
    huoqiu()


if __name__ == "__main__":
    main()
