"""Build the .docx documents of the held-out set x29 wrote (490–).

    python tests/data/drafting/tune/make_x29_docx.py

See ../make_docx.py for the layout helpers. The texts are whole documents of 平潭综合实验区 as the public
repository changwu/pingtan-gov-zwgk-archive stored them (page.txt, with page.html for the tables' cells); this
script only lays them out as Word holds such documents: real tables whose merged cells are the ones page.html
merges (rowSpan down the first column), several units of one cell on separate lines where page.html gives each
its own paragraph, text unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_down, new_document, table  # noqa: E402

ALL_2022 = "区直各有关单位，各区属事业单位，各片区管理局、各乡镇人民政府（街道办事处）"


def zhengwu_gongkai_2022() -> None:
    """490 区管委会办公室 2022：全区政务公开工作主要任务分解表（一张真 Word 表格）。

    按 page.html 的单元格排：表头“工作任务|工作要求|牵头单位|配合/责任单位”；“工作任务”格按 rowSpan 纵向合并（一、4行，
    三、3行，四、3行，七、2行）；“五、”页面印了两次（第12项一格，第13、14项一格合并），照两格；第3项牵头单位格两段
    （区经济发展局、区行政审批局）分两行；牵头单位空格照录为空。
    """
    document = new_document()
    for line in (
        "平潭综合实验区管委会办公室关于印发2022年全区政务公开工作主要任务分解表的通知",
        "各片区管理局，区直各单位，各区属事业单位，各区属国企:",
        "为贯彻落实《国务院办公厅关于印发2022年政务公开工作要点的通知》（国办发〔2022〕8号）和《福建省人民政府办公厅关于"
        "印发2022年全省政务公开工作主要任务分解表的通知》（闽政办函〔2022〕28号）精神，现将《2022年全区政务公开工作主要"
        "任务分解表》印发给你们，请认真组织实施。",
        "平潭综合实验区管委会办公室",
        "2022年6月7日",
        "附件",
        "2022年全区政务公开工作主要任务分解表",
    ):
        document.add_paragraph(line)
    g1 = "一、加强涉及市场主体的信息公开"
    g3 = "三、加强涉及扩大有效投资的信息公开"
    g4 = "四、持续做好疫情防控信息公开"
    g5 = "五、强化稳就业保就业信息公开"
    g7 = "七、开展行政规范性文件集中公开"
    rows = [
        [
            g1,
            "1.增强政策制定实施的透明度和可预期性，提振市场主体信心，持续打造市场化法治化国际化营商环境。",
            "",
            ALL_2022,
        ],
        [
            g1,
            "2.加大受疫情影响重的餐饮、住宿、零售、文化、旅游、客运等行业帮扶政策的公开力度，促进稳就业和消费恢复。",
            "",
            ALL_2022,
        ],
        [
            g1,
            "3.建立市场主体反映投资和工程建设项目审批问题的办理和反馈机制，及时回应和解决“堵点”问题，推动优化投资和建设环境。",
            "区经济发展局\n区行政审批局",
            ALL_2022,
        ],
        [
            g1,
            "4.持续推进反垄断和反不正当竞争执法信息公开工作，为各类市场主体规范健康发展营造诚信守法、公平竞争的市场环境。",
            "",
            ALL_2022,
        ],
        [
            "二、加强涉及减税降费的信息公开",
            "5.系统集成、智能推送已出台各项减税降费政策特别是大规模增值税留抵退税政策，帮助基层执行机关和纳税人缴费人第一时间"
            "全面准确了解政策。",
            "区财政金融局",
            ALL_2022,
        ],
        [
            g3,
            "6.依法依规做好扩大有效投资相关规划、政策文件及重大建设项目信息公开，积极引导市场预期。",
            "区经济发展局",
            ALL_2022,
        ],
        [g3, "7.密切关注重大建设项目舆情并及时作出回应。", "", ALL_2022],
        [
            g3,
            "8.聚焦基础设施补短板等重点领域，加大政策解读力度，加强政策咨询服务，推动扩大有效投资。",
            "区经济发展局",
            ALL_2022,
        ],
        [
            g4,
            "9.严格执行疫情防控信息发布各项制度，统筹用好各类信息发布平台，持续发布疫情防控进展信息，及时充分回应社会关切。",
            "区社会事业局",
            ALL_2022,
        ],
        [g4, "10.加强疫情防控信息发布工作协调，增强多方协同合力。", "区社会事业局", ALL_2022],
        [g4, "11.进一步规范流调信息发布和管理，保护个人隐私。", "区社会事业局", ALL_2022],
        [
            g5,
            "12.加强政策宣讲和推送工作，将各级政府出台的就业支持政策及时传达至相关群体。",
            "区社会事业局",
            ALL_2022,
        ],
        [
            g5,
            "13.加大减负稳岗扩就业政策解读和政策培训工作力度，重点对基层执行机关开展政策培训。",
            "区社会事业局",
            ALL_2022,
        ],
        [g5, "14.动态公开技能培训政策规定及经办流程。", "区社会事业局", ALL_2022],
        [
            "六、推进公共企事业单位信息公开",
            "15.严格执行已出台的公共企事业单位信息公开制度，助力公共企事业单位监督管理的强化和服务水平的提升。",
            "",
            "各区属事业单位，各区属国有企企",
        ],
        [g7, "16.结合实际情况有序推进现行有效行政规范性文件集中公开。", "", "区直各有关单位，各片区管理局"],
        [g7, "17.逐步探索建立本地区统一的现行有效行政规范性文件库。", "", ALL_2022],
        [
            "八、加强政策集中公开成果运用",
            "18.各政府信息公开工作部门要加强统筹，以完整准确、动态更新的现行有效制度体系，为行政机关办理政务服务事项、编制各类"
            "权责清单提供基本依据，同时方便社会公众全面了解各项制度规定。",
            "",
            "政府信息公开工作部门",
        ],
    ]
    grid = table(document, ["工作任务", "工作要求", "牵头单位", "配合/责任单位"], rows)
    # rows are 1-based under the header: 一 1–4, 三 6–8, 四 9–11, 五 (second cell) 13–14, 七 16–17
    for first, last in ((1, 4), (6, 8), (9, 11), (13, 14), (16, 17)):
        merge_down(grid, 0, first, last)
    document.save(str(HERE / "490_fujian_pingtan_2022_zhengwu_gongkai_renwu_fenjiebiao.docx"))


def main() -> None:
    zhengwu_gongkai_2022()


if __name__ == "__main__":
    main()
