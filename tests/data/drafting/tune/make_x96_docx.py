"""Build the .docx documents of held-out set x96 (1160–1169) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x96_docx.py

See ../make_docx.py for the layout helpers. The set holds task divisions on science and technology work; the stored
pages hold only the first ~2,000 characters of each page, so each document ends where its page does. A page that shows
a table (cells separated by “ | ”, one row a line) is rebuilt here cell by cell as a real Word table; the lines the page
shows inside one cell are kept as lines (paragraphs) of that cell. Half-width commas, colons and brackets that the
stored pages carry are written in full width, as in every transcription of the corpus; everything else is as the page
prints it.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, merge_down, new_document, table  # noqa: E402, F401

# ---------------------------------------------------------------------------------------------------------------
# 1162 广州市：重点工作落实情况页（页面未印标题；两栏的标签表：工作项目|牵头单位|完成时限|工作计划|落实情况|备注；整页）

GUANGZHOU_ROWS = [
    ["工作项目：", "发挥政府引导作用，加大科技研发投入，提升R&D占比。"],
    ["牵头单位：", "市科技和信息化局"],
    ["完成时限：", "跨年度工作"],
    [
        "工作计划：",
        "上半年：组织开展R&D相关工作专题调研。 下半年：开展制定相关支持政策的工作。组织R&D统计培训，做好科技统计工作，"
        "挖掘统计潜力。",
    ],
    [
        "落实情况：",
        "上半年： 正在推进中。召开市有关单位和各区政府参加的专题会议，研究制订《关于提高我市R&D经费支出水平分工方案》，"
        "拟明确责任分工，建立考核机制，待征求意见并修改完善后提交市政府审议。 第三季度： 正在推进中。 已制订《广州市R&D经费"
        "倍增工程实施方案》，并完成意见征求，待提交市政府审议。\n"
        "已完成。 《广州市企业研发经费投入后补助实施方案》经市政府同意已正式印发。《广州市R&D经费倍增工程实施方案》已起草完成"
        "并报请市政府审定。联合各区开展企业研发后补助政策及R&D经费投入统计工作宣讲培训。",
    ],
    ["备 注：", ""],
]


def guangzhou() -> None:
    document = new_document()
    # a label table: the first row stands where a header would
    table(document, GUANGZHOU_ROWS[0], GUANGZHOU_ROWS[1:])
    document.save(str(HERE / "1162_guangdong_guangzhou_zhongdian_gongzuo_luoshi_yanfa_touru.docx"))


def main() -> None:
    guangzhou()


if __name__ == "__main__":
    main()
