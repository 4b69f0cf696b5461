"""Build the .docx documents of held-out set x69 (890–899) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x69_docx.py

See ../make_docx.py for the layout helpers. The texts are transcribed from stored public pages (the search tool's
pages corpus; each page holds only the start of its page, so a table ends where its page does). The pages run a
table's cells together, separated by spaces (892) or by “ | ” (895); each table is rebuilt here cell by cell as a
real Word table: a two-row header where the page prints a second header row under two of its columns, a group row
merged across the table, and a cell printed once in the first of the rows it covers merged down over them. The words
are unchanged (half-width punctuation written in full width, as in most transcriptions of the corpus).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, merge_down, new_document, table  # noqa: E402

SCHEDULE = "第一季度：兑现上半年资金；第二季度：检查资金到位情况；第三季度：制定下半年资助分配方案；第四季度：兑现下半年资金"


def minsheng_p5() -> None:
    """892 某市民生项目责任表，法规网站分页转载的第5页（“[接上页]”）。

    页面重印表头：项目内容 | 具体工作标准及预期效果 | 资金来源及数额 | 实施进度和完成时限 | 主管市领导 | 牵头部门 | 承办部门，
    “牵头部门”“承办部门”下面各分“部门 | 责任人”两格（第二行表头）；最左一列（“16”所在的列）在重印的表头里没有字。
    “三改善办学条件，促进学有所教”是分组行，横跨全表；“16”只印在第一行，后面两行这一列没有字，纵向合并三行。
    第四行（“对3万名中等职业学校学生发放助学金”）在“中等职业学校”处截断，不录。
    """
    document = new_document()
    header = [
        "",
        "项目内容",
        "具体工作标准及预期效果",
        "资金来源及数额",
        "实施进度和完成时限",
        "主管市领导",
        "牵头部门",
        "",
        "承办部门",
        "",
    ]
    rows = [
        ["", "", "", "", "", "", "部门", "责任人", "部门", "责任人"],
        ["三改善办学条件，促进学有所教", "", "", "", "", "", "", "", "", ""],
        [
            "16",
            "对城区1000名义务教育阶段特殊教育在校生发放助学金，并对盲生购置教具进行补助",
            "城区特教在校生每生每年补助200元，对盲生每生每年再发放400元购买学习用品补助费，确保残疾儿童依法接受九年义务教育",
            "补贴资金24万元，由市财政筹款",
            SCHEDULE,
            "张显友",
            "市教育局",
            "朱振德",
            "市教育局",
            "朱振德",
        ],
        [
            "",
            "为1.3万名城区义务教育阶段经济特别困难进城务工农民子女发放助学金",
            "小学每生每年100元，初中每生每年200元，资助家庭经济特别困难的进城务工农民子女购买教科书，使他们也享受到“两免”，"
            "确保依法接受九年义务教育",
            "所需资金190万元，全部由市财政筹款",
            SCHEDULE,
            "张显友",
            "市教育局",
            "朱振德",
            "市教育局",
            "朱振德",
        ],
        [
            "",
            "对6万名农村义务教育阶段寄宿生发放生活补助费",
            "小学每生每年500元，初中每生每年750元，全市农村义务教育阶段住宿生全部受到资助，有效防止学生辍学，"
            "进一步巩固和提高“普九”成果和质量",
            "寄宿生补助生活费所需资金4000余万元，由国家、省、市、县（市）按比例负担",
            SCHEDULE,
            "张显友",
            "市教育局",
            "朱振德",
            "市教育局",
            "朱振德",
        ],
    ]
    grid = table(document, header, rows)
    for column in range(6):
        merge_down(grid, column, 0, 1)
    merge_across(grid, 0, 6, 7)
    merge_across(grid, 0, 8, 9)
    merge_across(grid, 2, 0, 9)
    merge_down(grid, 0, 3, 5)
    document.save(str(HERE / "892_city_minsheng_xiangmu_qiantou_chengban_bumen_biao_p5.docx"))


def yueyang_2019() -> None:
    """895 岳阳市城市管理局网站 2019：全国卫生城市测评路段问题汇总表（张建辉督查路段）。

    页面用“ | ”分格：序号 | 路段名称 | 问题描述 | 责任单位 | 备注，五行，每行都印了路段名称，备注都是空的；
    表前三行（页面标题、表题、督查领导和时间）与表后的日期行照录为段落。
    """
    document = new_document()
    for line in [
        "2019年4月21日卫生城市检查（张建辉督查路段）",
        "全国卫生城市测评路段问题汇总表",
        "督查领导：张建辉 督查时间：2019年 4 月 21日",
    ]:
        document.add_paragraph(line)
    table(
        document,
        ["序号", "路段名称", "问题描述", "责任单位", "备注"],
        [
            ["1", "湘北大道", "湘北大道沿线街道车辆违停严重", "停车办", ""],
            ["2", "湘北大道", "求真垃圾站前种菜，旁边杂草丛生", "市环卫中心", ""],
            ["3", "赶山西路", "师大南湖学校对面工地上泥巴在雨水冲击下大量流向街道，污染严重", "城管大队", ""],
            ["4", "赶山西路", "保利中央公园对面一新开喇叭口没硬化，泥水大量流向街道", "城管支队", ""],
            ["5", "赶山西路", "赶山路与湘北大道交叉口往西150米处路面积水严重", "市政维护管理处", ""],
        ],
    )
    document.add_paragraph("2019年4月21日")
    document.save(str(HERE / "895_hunan_yueyang_2019_weisheng_chengshi_celu_duan_wenti_huizongbiao.docx"))


def main() -> None:
    minsheng_p5()
    yueyang_2019()


if __name__ == "__main__":
    main()
