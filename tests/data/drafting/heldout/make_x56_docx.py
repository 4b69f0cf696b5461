"""Build the .docx documents of held-out set x56 (760–767) from the stored pages named in ../README.md.

    python tests/data/drafting/heldout/make_x56_docx.py

See ../make_docx.py for the layout helpers. The texts are transcribed from stored public pages (the search tool's
pages corpus; each page holds only the start of its document, so a table ends where its page does). A page runs a
table's cells one a line (or between “|”) and prints a merged cell once, at the top of the rows it covers; each table
is rebuilt here cell by cell as a real Word table, a cell printed once merged down over the rows below it that print
nothing in that column, several names of one cell on separate lines. The words are unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_down, new_document, table  # noqa: E402


def bozhou_nyncj_2024() -> None:
    """761 安徽 亳州市 市农业农村局 2024：政府工作报告任务分解表（页面只有表的前8行，没有标题和表头）。

    页面把每格印作一段，格与格之间一个“|”：序号|分类|任务|责任科室|责任人|完成时限|电话。页面没有印表头，这里也
    不添表头（第一行就是第1项）。分类一格只在它管的第一行印出（第1、3、6行），向下合并到下一个印出的分类之前；
    第3行的责任人一格是空的，照样留空。一格里的几个科室、几个人、几个电话各占一行。第9行在任务一格中断，没有录。
    """
    document = new_document()
    rows = [
        ["1", "一、经济社会发展的主要预期目标", "农村常住居民人均可支配收入与全省同步增长。", "法规科", "潘秀峰",
         "2024年底前", "5555309"],
        ["2", "", "粮食产量100亿斤以上。", "市农技中心", "卢伯瑛", "2024年底前", "5555097"],
        ["3", "二、加快新型工业化进程", "农产品加工业产值增长15%以上。", "产业科", "", "2024年底前", "5555309"],
        [
            "4",
            "",
            "加快发展高端绿色食品产业，做好“粮头食尾”“畜头肉尾”“农头工尾”增值大文章，延长产业链，做强深加工，"
            "新增规上农产品加工企业10家，支持五得利面粉、金沙河面业、正宇面粉、大林冻干食品、欣浩翔食品等重点企业"
            "发展，实现全产业链产值1330亿元。",
            "产业科",
            "孙永峰",
            "2024年底前",
            "5555309",
        ],
        [
            "5",
            "",
            "发展养生滋补预制菜产业，产值突破100亿元。推进肉牛振兴“三七百”计划，实现高品质肉牛产业产值70亿元。"
            "发展精品粮油、亳州花茶、绿色蔬果、调味品等特色产业，实现产值850亿元。",
            "产业科\n市畜牧中心\n市农技中心\n市绿优中心",
            "孙永峰\n李先俊\n卢伯瑛",
            "2024年底前",
            "5555309\n5125676\n5555097\n5126057",
        ],
        [
            "6",
            "四、加快农业农村现代化进程",
            "坚决扛稳耕地保护和粮食安全政治责任，一体推进稳面积、增单产、减损耗，全面实施良田、良种、良机、良法、"
            "优链、优农重点工程，粮食种植面积1300万亩，优质专用小麦播种面积620万亩，新建、改造提升高标准农田26万亩。",
            "市农技中心\n市农发中心\n市农机中心",
            "卢伯瑛\n潘秀峰",
            "2024年底前",
            "5555097\n5110393\n5991002",
        ],
        ["7", "", "做好第三次全国土壤普查。", "市农发中心", "潘秀峰", "2024年底前", "5110393"],
        [
            "8",
            "",
            "实施种业振兴行动，育成具有自主知识产权的“丰优258”“涡麦229”小麦品种2个。",
            "种植业管理科",
            "卢伯瑛",
            "2024年底前",
            "5555701",
        ],
    ]
    # no header row is printed on the page: the first row of the table is item 1
    grid = table(document, rows[0], rows[1:])
    merge_down(grid, 1, 0, 1)
    merge_down(grid, 1, 2, 4)
    merge_down(grid, 1, 5, 7)
    document.save(str(HERE / "761_anhui_bozhou_nyncj_2024_zhengfu_gongzuo_baogao_renwu_fenjie.docx"))


def main() -> None:
    bozhou_nyncj_2024()


if __name__ == "__main__":
    main()
