"""Build the .docx documents of held-out set x74 (940–949) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x74_docx.py

See ../make_docx.py for the layout helpers. The texts are transcribed from stored public pages (the search tool's
pages corpus; each page holds only the start of its document, so a table ends where its page does). A page runs a
table's rows one a line with the cells separated by “|”; a row whose first cells are merged down from the row above
is printed with those cells missing (its remaining cells first, empty ones after). Each table is rebuilt here cell by
cell as a real Word table: the missing cells are the rows the cell above spans (merged down), several dates or names
the page separated by spaces inside one cell are lines of that cell. The words are unchanged (half-width punctuation
written in full width, as in every transcription of the corpus).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, merge_down, new_document, table  # noqa: E402


def xinchang_2021() -> None:
    """941 浙江 绍兴市 新昌县 2021：县政府十方面民生实事进展情况登记表（县政府网站，表的前5个项目）。

    四列：项目名称|工作任务|计划完成时间|牵头单位。页面上只有两格的行（“2021.8 | 城投集团”“2021年11月 | 经开区”
    “计划10月底完成新增墓地建设 | 公共服务集团”）是上一行的项目名称和工作任务向下合并的第二行；只有三格的行是
    项目名称向下合并、另起一条工作任务。第4、5个项目的完成时间格里用空格隔开的几条，这里各占一行。第6个项目
    （“6.老年”）在项目名称里截断，没有录。
    """
    document = new_document()
    for text in (
        "发布时间：2021-05-06 10:00",
        "信息来源：县府办",
        "2021年新昌县政府十方面民生实事进展情况登记表",
    ):
        document.add_paragraph(text)
    rows = [
        ["1.城市人居环境提升项目", "对人民中路等3条城区道路进行综合提升改造；", "11月", "建设局"],
        ["", "", "2021.8", "城投集团"],
        ["", "对七星路等重点区域进行绿化亮化提档升级；", "2021.12", "城投集团"],
        ["", "新建城市口袋公园2处；", "11月", "建设局"],
        ["", "新建停车场3处，新增停车位1000个以上。", "11月", "建设局"],
        ["", "", "2021年11月", "经开区"],
        [
            "2.生态公墓建设项目",
            "持续推进生态公墓建设，新建生态公益性墓地15处，新增墓穴10000穴；出台实施公墓管理办法，加强对已建公墓管理。",
            "10月底",
            "民政局",
        ],
        ["", "", "计划10月底完成新增墓地建设", "公共服务集团"],
        [
            "3.农村道路改造提升项目",
            "投资5000万元，提升改造低等级公路40公里；投资4000万元，路面维修等养护工程60公里；投资2250万元，亮化农村公路75公里。",
            "10月",
            "交通运输局",
        ],
        [
            "4.农贸市场综合提升项目",
            "建成新昌县农副产品交易物流区域并投入运行；完成钟楼农贸市场便利化、智慧化、人性化、特色化、规范化等“五化”"
            "提升改造；动工建设南岩农贸市场，完成地下室基础工程。",
            "1、农副产品交易物流中心7月1日项目投入试运营\n2、南岩农贸市场计划2022年12月底完成项目建设\n"
            "3、钟楼农贸市场星级改造计划10月1日前完成项目建设",
            "公共服务集团",
        ],
        [
            "5.教育设施提升项目",
            "计划投资1067万元，完成22所学校校园空调安装工程（二期）；持续推进幼儿园建设，城北幼儿园、天姥幼儿园投入使用，"
            "拔茅幼儿园完成主体结顶。",
            "1.2021年8月\n2.2021年12月",
            "教体局",
        ],
        [
            "",
            "在50所学校食堂开展校园智能阳光厨房建设，推动校园食品安全智慧共治，实现“整体智治”。",
            "10月底前",
            "市场监管局",
        ],
    ]
    grid = table(document, ["项目名称", "工作任务", "计划完成时间", "牵头单位"], rows)
    merge_down(grid, 0, 1, 6)
    merge_down(grid, 1, 1, 2)
    merge_down(grid, 1, 5, 6)
    merge_down(grid, 0, 7, 8)
    merge_down(grid, 1, 7, 8)
    merge_down(grid, 0, 11, 12)
    document.save(str(HERE / "941_zhejiang_shaoxing_xinchang_2021_minsheng_shishi_jinzhan_dengjibiao.docx"))


def luan_2022() -> None:
    """945 安徽 六安市 2022：市政府2022年重点工作及责任清单（市政府网站，通知和表的第1行）。

    五列：序号|重点工作|牵头责任单位|协同责任单位|任务来源。页面把表压成每格一段；“一、潘东旭市长负责事项（共9项）”
    是横跨全表的分组行，横向合并。第2行在重点工作格里截断，没有录。
    """
    document = new_document()
    for text in (
        "六安市人民政府关于印发2022年重点工作及责任清单的通知",
        "浏览次数：信息来源： 市政府办发布时间：2022-03-04 17:14",
        "各县区人民政府，市开发区管委，市政府各部门、各直属机构，中央、省驻六安各单位：",
        "2022年是党的二十大召开之年，是实施“十四五”规划的关键之年，也是新一届政府的开局之年，做好各项工作意义重大、"
        "影响深远。根据《安徽省人民政府关于2022年重点工作及责任分解的通知》（皖政〔2022〕9号）、市委财经委《关于印发"
        "<2022年全市重点经济工作任务与责任清单>的通知》（六财经委发〔2022〕1号）和市六届人大一次会议审议通过的《政府工作"
        "报告》，市政府研究确定了《2022年重点工作及责任清单》，明确了各项工作的牵头负责领导、牵头责任单位和协同责任单位。"
        "市政府将把重点工作纳入年度目标管理绩效考核内容，跟踪督查调度，推进工作落实。",
        "现将《2022年重点工作及责任清单》印发给你们，请强化主体责任，认真履职尽责，密切协调配合，加强过程管控，奋勇争先"
        "进位，确保高质量完成各项目标任务，坚决兑现对全市人民的庄严承诺，以优异成绩迎接党的二十大胜利召开。",
        "2022年3月4日",
        "2022年重点工作及责任清单",
    ):
        document.add_paragraph(text)
    rows = [
        ["一、潘东旭市长负责事项（共9项）", "", "", "", ""],
        [
            "1",
            "全面延伸“双招双引”，继续坚持“顶格倾听、顶格协调、顶格推进”。",
            "市政府办",
            "市政府各部门、各直属机构",
            "皖政〔2022〕9号文件",
        ],
    ]
    grid = table(document, ["序号", "重点工作", "牵头责任单位", "协同责任单位", "任务来源"], rows)
    merge_across(grid, 1, 0, 4)
    document.save(str(HERE / "945_anhui_luan_2022_zhongdian_gongzuo_ji_zeren_qingdan.docx"))


def main() -> None:
    xinchang_2021()
    luan_2022()


if __name__ == "__main__":
    main()
