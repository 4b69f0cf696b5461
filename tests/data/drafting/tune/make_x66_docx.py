"""Build the .docx documents of held-out set x66 (860–869) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x66_docx.py

See ../make_docx.py for the layout helpers. The texts are transcribed from stored public pages (the search tool's
pages corpus; each page holds only the start of its document, so a table ends where its page does). A page runs a
table's rows one a line with the cells separated by “|”, a row that spans the table printed as one cell followed by
empty ones, and several names of one cell separated by spaces; each table is rebuilt here cell by cell as a real Word
table: a group row merged across the columns it spans, several names of one cell on separate lines. The words are
unchanged (half-width punctuation written in full width, as in every transcription of the corpus).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, new_document, table  # noqa: E402

BOTH = "各县市区政府、开发区管委会"


def wuhu_2025() -> None:
    """860 安徽 芜湖市 2025：市政府重点工作及责任分解（新闻网站转载，只有表的开头）。

    四列：序号|目标与任务|牵头责任单位|责任单位。“一、主要预期目标”“二、……”“（一）……”是横跨全表的分组行，
    横向合并；“1 | 大力提振消费。”一行的第二格跨三列（页面在它后面只留两个空格，和全表分组行留三个空格的写法
    相同），合并第2至第4列。页面在一格里用空格分开的几个名称，这里各占一行；“各县市区政府、 开发区管委会”顿号后
    的空格是换行，仍写在一行。第（10）项在牵头责任单位格里截断（“市发”），没有录。
    """
    document = new_document()
    for text in (
        "芜湖市政府重要通知！",
        "芜湖市人民政府",
        "关于2025年重点工作及责任分解的通知",
        "一、市政府重点工作任务",
    ):
        document.add_paragraph(text)
    rows = [
        ["一、主要预期目标", "", "", ""],
        ["（1）", "地区生产总值增长6%以上。", "市发展改革委", BOTH],
        ["（2）", "固定资产投资增长6%左右。", "市发展改革委", BOTH],
        ["（3）", "规上工业增加值增长9%以上。", "市工业和信息化局", BOTH],
        ["（4）", "社会消费品零售总额增长5%左右。", "市商务局", BOTH],
        ["（5）", "一般公共预算收入增长3%左右。", "市财政局", BOTH],
        ["（6）", "居民人均可支配收入与经济增长相匹配。", "市人力资源社会保障局\n市农业农村局", BOTH],
        ["（7）", "单位GDP能耗和主要污染物减排完成省下达指标。", "市发展改革委\n市生态环境局", BOTH],
        ["二、重点做好以下九个方面工作", "", "", ""],
        ["（一）加强经济运行调节，持续推动经济发展质的有效提升和量的合理较快增长。", "", "", ""],
        ["1", "大力提振消费。", "", ""],
        [
            "（8）",
            "统筹衔接消费券发放与消费品以旧换新行动，推动汽车消费转型升级，积极培育智能家居等消费增长点。",
            "市商务局",
            "市财政局\n市工业和信息化局\n" + BOTH,
        ],
        [
            "（9）",
            "把促消费和惠民生结合起来，实施提振消费专项行动，设立消费促进基金，加大对困难群众的支持力度。",
            "市发展改革委\n市商务局",
            "市财政局\n" + BOTH,
        ],
    ]
    grid = table(document, ["序号", "目标与任务", "牵头责任单位", "责任单位"], rows)
    for row in (1, 9, 10):
        merge_across(grid, row, 0, 3)
    merge_across(grid, 11, 1, 3)
    document.save(str(HERE / "860_anhui_wuhu_2025_zhongdian_gongzuo_zeren_fenjie.docx"))


def main() -> None:
    wuhu_2025()


if __name__ == "__main__":
    main()
