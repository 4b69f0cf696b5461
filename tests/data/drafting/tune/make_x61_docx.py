"""Build the .docx documents of held-out set x61 (810–819) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x61_docx.py

See ../make_docx.py for the layout helpers. The texts are transcribed from stored public pages (the search tool's
pages corpus; each page holds only the start of its document, so a table ends where its page does). A page runs a
table's rows one cell a line, a cell that spans several rows printed once, in the first row it covers, and a row that
spans the table printed as a lone cell; each table is rebuilt here cell by cell as a real Word table, a cell printed
once merged down over the rows below it that print nothing in its column, a lone cell merged across. The words are
unchanged (half-width punctuation written in full width, as in every transcription of the corpus).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, merge_down, new_document, table  # noqa: E402


def zhuzhou_2012() -> None:
    """810 湖南 株洲市：2012年工作要点的一张分工表（法规网站转载，页面只有这张表，标题和发文单位未印）。

    页面把表拆成一格一行：第一行只有一格“一、不断提高新型工业化水平”（跨全表的分组行，这里横向合并），
    第二行是表头 工作要点|工作任务|牵头单位|参与单位。第四至第八行没有工作要点格：它们在第三行
    “优化产业布局。”一格的下面，这里把这一格纵向合并到第八行；第五行只有工作任务一格：它的牵头单位和
    参与单位在第四行印过，这里把第四行的两格纵向合并到第五行。
    """
    document = new_document()
    rows = [
        ["工作要点", "工作任务", "牵头单位", "参与单位"],
        [
            "打造产业旗舰。",
            "全面实施“5115”工程（5家企业年销售收入过100亿元，10家企业过50亿元），加大政策引导，提供优质服务，"
            "支持15家企业年销售收入突破1000亿元，税收过80亿元。推动交通装备制造、有色冶金、化工、陶瓷、农产品加工、"
            "服饰六大产业集群优化升级。同时，加强产业发展战略研究，发展汽车、风电装备、航空工业、新能源、生物医药等"
            "新兴产业，打造一批年销售收入过50亿元、过100亿元的新产业群。",
            "市企业发展促进局、市发改委",
            "市“5115”工程领导小组成员单位、各县市区",
        ],
        [
            "优化产业布局。",
            "继续实施非均衡发展战略，整合现有工业园区，明确发展定位，延伸产业链条，鼓励优质资源、优势企业向特色园区集中，"
            "把园区打造成为区域经济的核心增长极。",
            "市发改委",
            "市招商局、市企业发展促进局、各县市区",
        ],
        [
            "",
            "毫不动摇地巩固和发展公有制经济，毫不动摇地鼓励、支持、引导非公有制经济发展，加快完善服务体系，"
            "形成各种所有制经济相得益彰、相互促进的新格局，2012年非公经济增加值占GDP的比重超过60%。",
            "市企业发展促进局",
            "市发改委、市工商局、市工商联、各县市区",
        ],
        ["", "坚持扶优扶强，积极实施中小企业成长工程，促进大中小企业齐头并进、协调发展。", "", ""],
        [
            "",
            "充分发挥区位交通优势，更加注重提升三产业，将芦淞市场群打造成在国内更具影响力的服饰市场，"
            "带动完善三产业基础设施体系。",
            "市商务局",
            "市发改委、芦淞区",
        ],
        [
            "",
            "大力发展以生产性服务业为主体的现代服务业，打造以炎帝文化、红色教育、工业文明为核心的精品旅游线路，"
            "努力把株洲建设成为区域性物流中心和重要的旅游目的地。",
            "市商务局、市旅游局",
            "市发改委、各县市区",
        ],
    ]
    grid = table(document, ["一、不断提高新型工业化水平", "", "", ""], rows)
    merge_across(grid, 0, 0, 3)
    merge_down(grid, 0, 3, 7)
    merge_down(grid, 2, 4, 5)
    merge_down(grid, 3, 4, 5)
    document.save(str(HERE / "810_hunan_zhuzhou_2012_gongzuo_yaodian_fengongbiao.docx"))


def main() -> None:
    zhuzhou_2012()


if __name__ == "__main__":
    main()
