"""Build the .docx documents of held-out set x76 (960–969) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x76_docx.py

See ../make_docx.py for the layout helpers. The texts are transcribed from stored public pages (the search tool's
pages corpus; each page holds only the start of its page, so a table ends where its page does). The pages run a
table's cells together, separated by “ | ” (960, 961); each table is rebuilt here cell by cell as a real Word
table: a title row the page prints as one cell above the header is merged across the table (960), and a 工作任务
cell printed only in the first of the rows it covers is merged down over them (960). 961's numbered 工作要点 come
before its table as plain paragraphs with their typed numbers, as the page prints them. The words are unchanged (half-width
punctuation written in full width, as in most transcriptions of the corpus).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, merge_down, new_document, table  # noqa: E402


def guangdong_wsjkw_2021() -> None:
    """960 广东省卫生健康委2021年政务公开工作重点任务台账（镜像站转载的委网站页面）。

    页面先印一段属性表（索引号、发布机构、名称、分类、发文日期、文号），逐行照录为段落；台账是一张表：
    标题“2021 年政务公开工作重点任务台账”单独一格，横跨全表；表头 序号|工作任务|细化分工|责任处室|完成时限|备注；
    “工作任务”格只印在第1、第5行，第2—4、6—8行少这一格，纵向合并；“备注”列全空。
    """
    document = new_document()
    for line in (
        "索 引 号：",
        "发布机构：广东省卫生健康委员会",
        "名 称：广东省卫生健康委2021年政务公开工作重点任务台账",
        "分 类：其他；通知；卫生、体育",
        "发文日期：2021年03月16日",
        "文 号：",
    ):
        document.add_paragraph(line)
    title = ["2021 年政务公开工作重点任务台账", "", "", "", "", ""]
    rows = [
        ["序号", "工作任务", "细化分工", "责任处室", "完成时限", "备注"],
        [
            "1",
            "做好常态化疫情防控信息发布",
            "重点围绕散发疫情、隔离管控、流调溯源、精准防控等发布权威信息",
            "应急处、监督处、医政医管处、疾控处、基层处等按职责分工落实",
            "长期推进",
            "",
        ],
        ["2", "", "扎实做好疫苗接种信息公开和舆论引导工作", "疾控处", "长期推进", ""],
        [
            "3",
            "",
            "提高新冠肺炎疫情信息发布规范化水平，强化政府内部信息整合",
            "宣传处会办公室",
            "2021年8月前",
            "",
        ],
        [
            "4",
            "",
            "做好爱国卫生运动、健康中国行动、健康广东行动的信息发布工作",
            "规划信息处（爱卫办）",
            "长期推进",
            "",
        ],
        [
            "5",
            "常规政务公开事项",
            "强化行政执法信息公开，加强反垄断与反不正当竞争执法信息公开",
            "政法处",
            "长期推进",
            "",
        ],
        [
            "6",
            "",
            "积极推进部门所属单位预算、决算及相关报表公开",
            "财务处",
            "2021年2月公布预算信息，2021年8月公布上年度决算信息",
            "",
        ],
        ["7", "", "逐步清理、摸清底数，有步骤推进本部门规范性文件统一公开工作", "政法处", "长期推进", ""],
        [
            "8",
            "",
            "修订完善本部门主动公开目录，指导下级卫生健康行政部门有序推进基层政务公开标准化规范化建设",
            "办公室",
            "长期推进",
            "",
        ],
    ]
    grid = table(document, title, rows)
    merge_across(grid, 0, 0, 5)
    merge_down(grid, 1, 2, 5)
    merge_down(grid, 1, 6, 9)
    document.save(
        str(HERE / "960_guangdong_province_wsjkw_2021_zhengwu_gongkai_zhongdian_renwu_taizhang.docx")
    )


def county_bureau_zhengwu_gongkai() -> None:
    """961 某县一个局的政务公开工作要点和重点工作任务分解（繁体镜像站转载的信息公开页，只存了正文）。

    页面先印“一、工作要点”六条（Word 段落，照印编号），再印“二、重点工作任务分解”和一张表：
    重点任务|工作内容|负责科室，五行，没有序号列，没有合并格。
    """
    document = new_document()
    for line in (
        "一、工作要点",
        "1.深入推进政策解读，创新解读形式。对以我局或我局起草，以县政府（或县政府办）名义制定、下发的政策文件进行全面解读，"
        "创新解读形式，注重以图表解读等群众喜闻乐见的形式进行解读，解读内容要接地气，内容要科学、准确，便于群众理解。",
        "2.注重回应关切。对群众普遍关注的社会热点问题及时、主动回应。对群众的来信、来访、来电要及时、准确回复。",
        "3.加强重点领域信息公开工作。注重政务服务办理流程、办理结果等信息发布。",
        "4.及时发布财政资金信息。及时发布财政预决算、“三公经费”、部门项目信息，自觉接受群众监督。",
        "5.统筹推进其他应主动公开信息发布工作。局综合科结合我局日常工作和公开目录，及时收集、审核、发布各类应主动公开的信息。",
        "6.强化制度建设。局综合科要建立一套完善的政府信息公开制度，保障我局政务公开工作长效、有序推进。",
        "二、重点工作任务分解",
    ):
        document.add_paragraph(line)
    header = ["重点任务", "工作内容", "负责科室"]
    rows = [
        [
            "政策解读",
            "对以我局或我局起草，以县政府（或县政府办）名义制定、下发的政策文件进行全面解读，创新解读形式，"
            "注重以图表解读等群众喜闻乐见的形式进行解读，解读内容要接地气，内容要科学、准确，便于群众理解。",
            "各责任科室",
        ],
        [
            "回应关切",
            "对群众普遍关注的社会热点问题及时、主动回应。对群众的来信、来访、来电要及时、准确回复。",
            "各业务科室",
        ],
        ["政务服务", "注重政务服务办理流程、办理结果等信息发布", "综合科"],
        ["财政资金", "及时发布财政预决算、“三公经费”、部门项目信息，自觉接受群众监督。", "综合科"],
        [
            "制度建设",
            "局综合科要建立一套完善的政府信息公开制度，保障我局政务公开工作长效、有序推进。",
            "综合科",
        ],
    ]
    table(document, header, rows)
    document.save(str(HERE / "961_county_ju_zhengwu_gongkai_gongzuo_yaodian_renwu_fenjie.docx"))


def main() -> None:
    guangdong_wsjkw_2021()
    county_bureau_zhengwu_gongkai()


if __name__ == "__main__":
    main()
