"""Build the .docx documents of held-out set x51 (710–719) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x51_docx.py

See ../make_docx.py for the layout helpers. The texts are transcribed from stored public pages (the search tool's
pages corpus; each page holds only the start of its document, so a table ends where its page does). A page runs a
table's cells one a line and prints a merged cell once, at the top of the rows it covers; each table is rebuilt here
cell by cell as a real Word table, a cell printed once merged down over the rows below it that print nothing in that
column, several names of one cell on separate lines. The words are unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_down, new_document, table  # noqa: E402


def lueyang_2019() -> None:
    """710 陕西 汉中市 略阳县 2019：文化旅游工作任务表（页面只有这张表，没有标题、年份和发文单位）。

    七列：序号|指标|工作任务|完成时限|责任领导|责任股室（单位）|备注。页面把表拆成一格一行，合并格只印一次：
    指标、完成时限、责任领导和责任股室（单位）印在它所管的第一行，这里纵向合并到下一个印出的格之前。
    第1行的责任股室是三行（文化宣传股/文化馆/图书馆）；第2行印作“文化宣传股文化馆”一行，这里按第1行的样子
    分成两行（判断，见expectation的notes）。备注列全空。
    """
    document = new_document()
    rows = [
        [
            "1",
            "公共文化服务",
            "“两馆一站”免费开放服务人次较上年增长15%。",
            "12月底前",
            "夏俊贵",
            "文化宣传股\n文化馆\n图书馆",
            "",
        ],
        ["2", "", "全年组织开展文化下乡等惠民演出不少于100场。", "", "", "文化宣传股\n文化馆", ""],
        ["3", "", "开展好“三下乡”活动。", "", "", "", ""],
        ["4", "", "推进县文化馆、图书馆总分馆制建设。", "", "", "", ""],
        ["5", "文化产业", "培育规模以上文化服务企业1家。", "", "", "", ""],
        [
            "6",
            "非遗保护",
            "完成非遗展厅布展任务，办好《郙阁颂》学术交流活动。",
            "",
            "",
            "羌研会\n灵岩寺博物馆",
            "",
        ],
        ["7", "文化市场管理", "开展专项整治行动4次以上，查办案件不少于5件。", "", "", "执法大队", ""],
        ["8", "", "净化文化市场和网络文化环境抽查合格率达到92%以上。", "", "", "", ""],
        ["9", "广电", "完成县级应急广播系统（二期）建设。", "", "", "广电事业股", ""],
        [
            "10",
            "三建设一整治",
            "完善西淮坝油菜观花线路观景平台及配套服务设施建设，精心策划2019年汉中油菜花海略阳观花活动。",
            "5月底",
            "周 斐",
            "旅游股",
            "",
        ],
        ["11", "", "新建、改建旅游厕所6 座。", "", "", "", ""],
        ["12", "", "指导完成八渡河旅游带美丽风景线建设。", "", "", "", ""],
        ["13", "", "抓好旅游环境综合整治工作。", "", "", "", ""],
        [
            "14",
            "旅游项目",
            "实施灵岩寺景区综合开发（梅花洞栈道）、天龙溶泉矿泉水、朱儿坝郙阁田园综合体（二期）、欧漫生态有机农业"
            "观光示范园等4个重点项目建设，完成年度建设任务。",
            "",
            "",
            "文物股\n郙阁公司",
            "",
        ],
        ["15", "", "指导完成八渡河旅游带恢复重建。", "", "", "", ""],
        [
            "16",
            "旅游宣传和旅游收入",
            "全年举办大型文旅活动3场次，全年接待游客140万人次，旅游综合收入6.8亿元。",
            "",
            "",
            "",
            "",
        ],
        ["17", "文物保护", "完成灵岩寺摩崖石刻修缮项目方案设计。", "", "", "", ""],
        ["18", "项目建设", "完成灵岩寺陈列布展和绿化工程。", "", "", "", ""],
        ["19", "", "完成白水江镇江神庙的维修和布展工作。", "", "", "", ""],
        ["20", "脱贫攻坚", "完成包扶村脱贫攻坚年度任务。", "10月底前", "黄文阁", "各股室、委属部门单位", ""],
    ]
    grid = table(
        document, ["序号", "指标", "工作任务", "完成时限", "责任领导", "责任股室\n（单位）", "备注"], rows
    )
    merges = {
        1: [(1, 4), (7, 8), (10, 13), (14, 15), (18, 19)],
        3: [(1, 9), (10, 19)],
        4: [(1, 9), (10, 19)],
        5: [(2, 5), (7, 8), (10, 13), (14, 19)],
    }
    for column, spans in merges.items():
        for first, last in spans:
            merge_down(grid, column, first, last)
    document.save(str(HERE / "710_shaanxi_hanzhong_lueyang_2019_wenhua_lvyou_renwu.docx"))


def main() -> None:
    lueyang_2019()


if __name__ == "__main__":
    main()
