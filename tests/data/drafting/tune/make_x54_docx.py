"""Build the .docx documents of held-out set x54 (740–749) from the archived pages named in ../README.md.

    python tests/data/drafting/tune/make_x54_docx.py

See ../make_docx.py for the layout helpers. The texts come from the public repository
changwu/pingtan-gov-zwgk-archive (each expectation's notes name the page and its commit): page.txt runs a
table's cells together, so the table is rebuilt cell by cell from page.html as a real Word table — group
rows that page.html spans across the table (colspan) are merged across, cells it spans down (rowspan) are
merged down, several names in one cell (separate <p>) are lines in the cell, the text unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, merge_down, new_document, table  # noqa: E402

# 740: 福建省 2016年政务公开工作主要任务分解表 (rows up to the 25th task; the table goes on to item 66)
BODY_740 = [
    "福建省人民政府办公厅关于印发2016年政务公开工作主要任务分解表的通知",
    "闽政办〔2016〕83 号",
    "各市、县（区）人民政府，平潭综合实验区管委会，省人民政府各部门、各直属机构：",
    "为贯彻落实《国务院办公厅关于印发2016年政务公开工作要点的通知》（国办发〔2016〕19号），经省政府同意，现将《2016年政务"
    "公开工作主要任务分解表》印发给你们，请认真组织实施。",
    "各地区、各部门要加强组织领导，明确一位负责同志分管政务公开工作，列入工作分工并对外公布；主要负责同志年内至少听取一次政务"
    "公开工作汇报，研究部署推进工作。政务公开工作要纳入政府绩效考核体系，尚未纳入的，年内应予纳入。",
    "各地区、各部门要认真按照国务院办公厅要求，根据职责分工，围绕当前省委省政府中心工作，细化工作任务，建立有效工作机制，加大"
    "公开力度，加强政策解读回应，不断增强公开实效。落实工作要点情况要纳入政府信息公开年度报告并向社会公布。各牵头部门要落实"
    "责任，加强工作指导，协办和责任部门要密切配合，确保本年度政务公开各项工作落实到位。",
    "各设区市、平潭综合实验区、省直各部门、有牵头任务的部门要结合实际，制定具体实施方案或工作措施，在6月20日前报省政府办公厅"
    "并在本地区、本部门政府网站公开。前三季度、全年工作要点落实情况分别于9月21日、12月9日前报送省政府办公厅，省政府办公厅将"
    "对各单位落实工作要点情况进行督查，组织开展政务公开第三方评估，并公布评估结果。",
    "福建省人民政府办公厅",
    "2016年5月27日",
    "2016年政务公开工作主要任务分解表",
]

HEADER_740 = ["工　　作　　任　　务", "牵头单位", "责　任　单　位", "工　作　要　求"]

A = "省直各部门，\n各设区市、平潭综合实验区"
B = "省直各相关部门，\n各设区市、平潭综合实验区"
C = "各设区市、平潭综合实验区"

# a str is a group row spanning the four columns; a list is a task row [task, lead, responsible, requirement];
# None in a cell: merged with the cell above (page.html rowspan)
ROWS_740: list[str | list[str | None]] = [
    "一、围绕深化改革推进公开",
    "（一）进一步推进权力清单和责任清单公开",
    [
        "1.全面公开省级政府工作部门权力清单和责任清单",
        "省编办\n（省审改办）",
        A,
        "通过政府门户网站集中展示，及时动态更新。",
    ],
    ["2.推动市县两级政府工作部门全面公开权力清单和责任清单", None, None, None],
    [
        "3.政府工作部门取消、下放、保留行政审批、职业资格等事项的公开",
        None,
        None,
        "重点公开保留的行政许可事项清单、中介服务事项清单。",
    ],
    "（二）推进市场监管公开透明",
    ["4.依法公开随机抽查事项清单", "", A, "明确抽查依据、主体、内容、方式，及时公布抽查结果和查处情况。"],
    [
        "5.推进监管执法信息公开",
        "",
        B,
        "推进保障性住房、产品质量、旅游市场、知识产权、安全生产等方面的监管执法信息公开，公开监管执法的依据、内容、标准、程序和结果。",
    ],
    [
        "6.推进企业信用信息公示系统建设",
        "省工商局",
        B,
        "通过系统归集并公示对企业作出的行政许可、行政处罚、抽查检查和企业严重违法失信等信息。",
    ],
    ["7.做好各级政府网站与“信用中国”网站的连接工作", "省发改委", C, "推动信用信息互联共享。"],
    "（三）推动政务服务公开",
    [
        "8.推进“互联网＋政务”",
        "省发改委",
        A,
        "推动政务服务事项办理由实体政务大厅向网上办事大厅延伸，逐步实现服务事项在线咨询、网上办理、电子监察。",
    ],
    [
        "9.推进公共企事业单位办事公开",
        "",
        "各行业主管部门，\n各设区市、平潭综合实验区",
        "制定完善具体办法，组织编制公共服务事项目录、指南。",
    ],
    [
        "10.推进面向转移落户人员的服务公开",
        "",
        "省公安厅会同省人社厅、卫计委、教育厅等相关部门，\n各设区市、平潭综合实验区",
        "及时公开户口迁移政策，公开居住证相关信息。",
    ],
    "二、围绕促进经济发展推进公开",
    "（一）进一步推进经济社会政策公开透明",
    [
        "11.加大稳增长、促改革、调结构、惠民生、防风险等方面的政策公开力度",
        "省发改委\n省经信委",
        A,
        "及时公布支持“双创”、培育发展新动能、改造提升传统动能、深挖内需潜力、优化产业结构、扩大对外开放等方面的政策措施。对公开的"
        "重大政策要分专题梳理汇总，通过在政府网站开设专栏、设立微博微信专题、出版政策及解读汇编等方式集中发布。",
    ],
    "（二）推进市场准入负面清单公开",
    [
        "12.做好市场准入负面清单试点情况的公开工作",
        "省发改委\n省商务厅",
        C,
        "公开市场准入负面清单试点内容，及时向社会公开市场准入负面清单的调整事项、依据和结果。",
    ],
    "（三）推进政府投资的重大建设项目信息公开",
    [
        "13.做好项目审批、核准、备案、实施等信息的公开",
        "省发改委",
        B,
        "加大在线监测、项目稽察、执法检查等执法信息的公开力度。研究起草相关指导意见，明确公开的范围、程序、标准等。",
    ],
    [
        "14.推动政府和社会资本合作（PPP）项目的信息公开",
        "省财政厅\n省发改委",
        B,
        "公开政府和社会资本参与方式、回报机制、项目实施情况等。",
    ],
    "（四）推进公共资源配置领域信息公开",
    [
        "15.推动各级公共资源交易平台透明运行",
        "省发改委",
        "省公共资源交易中心，\n各设区市、平潭综合实验区",
        "依法公开交易公告、资格审查信息、成交信息、履约信息及有关变更信息等。",
    ],
    "（五）推进减税降费信息公开",
    [
        "16.加大对支持小微企业、促进就业创业、兼并重组等方面的税收优惠和减免政策公开力度",
        "省财政厅\n省地税局",
        A,
        "充分发挥新媒体的主动推送功能，提高政策知晓度和传播率。",
    ],
    [
        "17.实行收费目录清单管理",
        "省物价局\n省财政厅",
        A,
        "公布行政事业性收费、政府性基金以及实施政府定价或指导价的经营服务性收费目录清单；公开对清单之外乱收费、乱摊派等行为的查处"
        "结果；具体执收单位要在收费场所公示收费文件依据。",
    ],
    "（六）推进国有企业运营监管信息公开",
    [
        "18.公开国有资本整体运营情况、企业国有资产保值增值及经营业绩考核有关情况、国有资产监管制度和监督检查情况等",
        "省国资委\n省财政厅",
        B,
        "",
    ],
    ["19.推动国有企业改制重组、产权交易、增资扩股等方面的信息公开和结果公示", None, None, ""],
    ["20.及时公开国有企业改革重组、公司治理及管理架构、财务状况、重要人事变动等信息", None, None, ""],
    "三、围绕民生改善推进公开",
    "（一）推进扶贫工作信息公开",
    [
        "21.围绕实施精准扶贫、精准脱贫，加大扶贫政策、扶贫成效、贫困退出、扶贫资金、项目安排等信息公开力度",
        "省农业厅\n（省委农办）",
        B,
        "公开年度减贫责任书、建档立卡贫困人口脱贫计划、精准扶贫专项行动和专项工程信息及落实情况。",
    ],
    ["22.贫困地区要建立扶贫公告公示制度", None, None, "确保扶贫对象看得到、看得懂、能监督。"],
    ["23.指导督促相关社会组织全面及时公开扶贫捐赠信息", "省民政厅", C, "提高社会组织透明度和公信力。"],
    "（二）推进社会救助信息公开",
    [
        "24.进一步增强城乡低保、特困人员救助供养、医疗救助、临时救助等信息公开的针对性和有效性",
        "省民政厅",
        C,
        "重点公开城乡低保对象人数、特困人员人数、低保标准、补助水平、资金支出等情况；医疗救助对象的人次数、资金支出情况；临时救助"
        "对象的人次数、救助水平、资金支出等情况。",
    ],
    [
        "25.做好减灾救灾信息公开",
        None,
        None,
        "定期发布全省核定灾情、救灾工作进展、救灾资金物资调拨使用等情况。",
    ],
]


def merged_cells(rows: list[str | list[str | None]]) -> list[tuple[int, int, int]]:
    """(column, first row, last row) of every cell page.html spans down; rows counted from 1 below the header."""
    out = []
    for col in range(1, 4):
        i = 0
        while i < len(rows):
            row = rows[i]
            if isinstance(row, list) and row[col] is not None:
                last = i
                while (
                    last + 1 < len(rows) and isinstance(rows[last + 1], list) and rows[last + 1][col] is None
                ):
                    last += 1
                if last > i:
                    out.append((col, i + 1, last + 1))
                i = last + 1
            else:
                i += 1
    return out


def fujian_zhengwu_gongkai_2016() -> None:
    """740 福建省 2016：政务公开工作主要任务分解表（分组行横向合并，牵头、责任单位与工作要求格纵向合并，一格多名分行）。"""
    document = new_document()
    for text in BODY_740:
        document.add_paragraph(text)
    cells = [[r, r, r, r] if isinstance(r, str) else [c or "" for c in r] for r in ROWS_740]
    grid = table(document, HEADER_740, cells)
    for i, row in enumerate(ROWS_740, start=1):
        if isinstance(row, str):
            merge_across(grid, i, 0, 3)
    for col, first, last in merged_cells(ROWS_740):
        merge_down(grid, col, first, last)
    document.save(str(HERE / "740_fujian_province_2016_zhengwu_gongkai_renwu_fenjiebiao.docx"))


def main() -> None:
    fujian_zhengwu_gongkai_2016()


if __name__ == "__main__":
    main()
