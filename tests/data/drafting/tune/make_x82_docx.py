"""Build the .docx documents of held-out set x82 (1020–1029) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x82_docx.py

See ../make_docx.py for the layout helpers. The set is of task divisions that print a deadline for each task. The
stored pages hold only the first ~2,000 characters of each page, so each table ends where its page does (the
half-read row at the end is left out, as the README says). The pages show a table with “ | ” between cells or one
cell a line; it is rebuilt here cell by cell as a real Word table with the page's own header: a cell the page prints
once over the rows below it is merged down, a header cell that stands over two columns of the rows is merged across,
a group row printed once across the table is merged across. Half-width commas, colons and brackets that the stored
pages carry are written in full width, as in every transcription of the corpus; everything else is as the page
prints it (the notices' words before the tables are paragraphs, one a line).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, merge_down, new_document, table  # noqa: E402

# ---------------------------------------------------------------------------------------------------------------
# 1020 荆州市：2022年政务公开任务分解责任清单（镜像页；标题里的市名被换成广告词，照录；
# 工作任务（两级两栏）|具体要求（序号和要求两栏）|责任单位|时限要求；页面在第3行的责任单位格中断，前2行）

JINGZHOU_PARAGRAPHS = [
    "各县、市、区人民政府，荆州经开区，纪南文旅区，荆州高新区，市政府各部门：",
    "根据《国务院办公厅关于印发2022年政务公开工作要点的通知》（国办发〔2022〕8号）、《省人民政府办公厅关于印发2022年"
    "湖北省政务公开工作要点的通知》要求，结合我市实际，制定了全市2022年政务公开任务分解责任清单，现印发给你们。"
    "各地各部门务必高度重视，强化组织领导，压实工作责任，围绕年度政务公开重点任务深化政务公开，围绕薄弱环节促进政务公开，"
    "围绕配套制度保障政务公开，认真抓好贯彻落实。",
    "附件：365bet账号被限制_beat365在线_beat365体育登陆网址2022年政务公开任务分解责任清单",
    "2022年7月25日",
    "（此件公开发布）",
    "365bet账号被限制_beat365在线_beat365体育登陆网址2022年政务公开任务分解责任清单",
]

JINGZHOU_HEADER = ["工作任务", "", "具体要求", "", "责任单位", "时限要求"]

JINGZHOU_ROWS = [
    [
        "一、以公开助力经济平稳健康发展。",
        "（一）加强涉及市场主体的信息公开。",
        "1",
        "进一步增强政策文件制定实施的透明度与可预期性，更好地提振市场主体信心、持续打造更优营商环境，"
        "切实公开涉及市场主体政策文件的决策、解读、执行落实情况。",
        "市政府各有关部门，各县市区人民政府、功能区管委会负责落实",
        "持续推进",
    ],
    [
        "",
        "",
        "2",
        "开设行业帮扶政策公开专题，加大受疫情影响重的餐饮、住宿、零售、文化、旅游、客运等行业帮扶政策与解读的公开力度，"
        "切实促进行业发展和消费恢复。",
        "市政府各有关部门，各县市区人民政府、功能区管委会负责落实",
        "持续推进",
    ],
]


def jingzhou() -> None:
    document = new_document()
    for text in JINGZHOU_PARAGRAPHS:
        document.add_paragraph(text)
    grid = table(document, JINGZHOU_HEADER, JINGZHOU_ROWS)
    # the header's 工作任务 stands over the two heading columns, 具体要求 over the 序号 and requirement columns
    merge_across(grid, 0, 0, 1)
    merge_across(grid, 0, 2, 3)
    # the two headings are printed once over rows 1 and 2
    merge_down(grid, 0, 1, 2)
    merge_down(grid, 1, 1, 2)
    document.save(str(HERE / "1020_hubei_jingzhou_2022_zhengwu_gongkai_renwu_fenjie_zeren_qingdan.docx"))


# ---------------------------------------------------------------------------------------------------------------
# 1021 宣城市人社局网站：政务公开任务表（页面只有表，未印标题、年份和发文单位；任务|责任单位|时限；
# 页面在第6行的任务格后中断，前5行）

XUANCHENG_RSJ_HEADER = ["任务", "责任单位", "时限"]

XUANCHENG_RSJ_ROWS = [
    [
        "切实做好稳经济大盘一揽子政策举措公开工作，重点公开财政、金融、稳产业链供应链、促消费和有效投资、保能源安全、"
        "保障基本民生等政策实施细则，强化政策解读，以政策解读的“透”引导市场预期的“稳”。",
        "市政府各部门，各县（市、区）政府",
        "持续推进",
    ],
    [
        "围绕深入实施三次产业高质量协同发展计划，集中公开推动经济发展相关政策举措、工作进展、项目落地等信息。",
        "市政府各部门，各县（市、区）政府",
        "持续推进",
    ],
    [
        "加大受疫情影响重的餐饮、住宿、零售、文化、旅游、客运等行业帮扶政策的公开力度，全面落实支持市场主体纾困发展的"
        "相关政策，促进稳就业和消费恢复。",
        "市发改委、市科技局、市经信局、市公安局、市财政局、市人社局、市住建局、市交通局、市农业农村局、市商务局、"
        "市文旅局、市卫健委、市市场监管局、市金融监管局、市税务局等市有关单位，各县（市、区）政府",
        "持续推进",
    ],
    [
        "建立市场主体反映投资和工程建设项目审批问题的办理和反馈机制，及时回应和解决“堵点”问题，推动优化投资和建设环境。",
        "市发改委、市住建局，市政府各部门",
        "年底前",
    ],
    [
        "持续推进反垄断和反不正当竞争执法信息公开工作，为各类市场主体规范健康发展营造诚信守法、公平竞争的市场环境。",
        "市市场监管局，县（市、区）政府",
        "持续推进",
    ],
]


def xuancheng_rsj() -> None:
    document = new_document()
    table(document, XUANCHENG_RSJ_HEADER, XUANCHENG_RSJ_ROWS)
    document.save(str(HERE / "1021_anhui_xuancheng_zhengwu_gongkai_renwu_zeren_danwei_shixian_biao.docx"))


# ---------------------------------------------------------------------------------------------------------------
# 1022 宣城市政务公开办：2022年11—12月政务公开重点工作任务清单（镜像站转载市文旅局页面；
# 工作任务|具体要求|责任单位|完成情况|备注，一组行横跨全表；页面在第2行的具体要求格中断，前1行）

XUANCHENG_TISHI_PARAGRAPHS = [
    "各县市区人民政府，市政府各部门、各直属机构：",
    "根据《安徽省政务公开办公室关于印发安徽省2022年政务公开重点工作任务分工的通知》（皖政务办〔2022〕3号），"
    "结合我市实际情况，市政务公开办梳理形成《2022年11—12月政务公开重点工作任务清单》。请各县市区、市直各相关单位"
    "对照任务清单，抓紧补缺补差，高质量完成省定政务公开各项重点工作任务落实及省市测评反馈问题整改，确保2022年度我市"
    "政务公开工作考核在全省争先进位。市政务公开办将于11月中旬开展全市政务公开测评，测评结果纳入年度考核。",
    "附件：2022年11—12月政务公开重点工作任务清单",
    "2022年10月31日",
    "2022年11—12月政务公开重点工作任务清单",
]

XUANCHENG_TISHI_HEADER = ["工作任务", "具 体 要 求", "责任单位", "完成情况", "备注"]

XUANCHENG_TISHI_ROWS = [
    ["一、年底前专项工作任务", "", "", "", ""],
    [
        "1.行政规范性文件集中公开",
        "1.开展本地本部门行政规范性文件清理，形成现行有效的规范性文件目录，文件数量与信息公开年报数量一致。"
        "2.按照省定行政规范性文件格式规范，发布文件标准电子文本（word和pdf版）。3.市公开平台建立专栏，汇集全市文件集中公开。",
        "市政府各部门、各直属机构，各县市区政府",
        "推进中",
        "11月底前完成",
    ],
]


def xuancheng_tishi() -> None:
    document = new_document()
    for text in XUANCHENG_TISHI_PARAGRAPHS:
        document.add_paragraph(text)
    grid = table(document, XUANCHENG_TISHI_HEADER, XUANCHENG_TISHI_ROWS)
    merge_across(grid, 1, 0, 4)  # the group row stands across the table
    document.save(
        str(HERE / "1022_anhui_xuancheng_2022_1112yue_zhengwu_gongkai_zhongdian_renwu_qingdan.docx")
    )


# ---------------------------------------------------------------------------------------------------------------
# 1025 某市：创建国家园林城市工作任务分解表（法规网站转载第6页，页面从表头开始，未印标题和市名；
# 任务内容|国家园林城市标准或要求|工作内容及要求|责任单位或牵头单位|协助单位|完成期限，任务内容格纵向合并；
# 页面在第3行的责任单位格后中断，前2行）

YUANLIN_HEADER = [
    "任务 内容",
    "国家园林城市 标准或要求",
    "工作内容及要求",
    "责任单位 或牵头单位",
    "协助 单位",
    "完成 期限",
]

YUANLIN_ROWS = [
    [
        "生 态 环 境",
        "1、城市大环境绿化扎实开展，效果明显，形成城郊一体的优良环境。",
        "禁止开发城市周围的自然山体，保护植被；在产业带、工业园区、风景区开发时重视生态环境建设，加强农田保护，"
        "进行农村庄点绿化，形成城乡一体的优良环境。",
        "市规划局",
        "市国土资源局\n市农牧林业局",
        "2010年9月20日前",
    ],
    [
        "",
        "2、按照城市卫生、安全、防灾、环保等要求建设防护绿地，城市周边、城市功能分区交接处建有绿化隔离带，"
        "维护管理措施落实，城市热岛效应缓解，环境效益良好。",
        "加强建成区防护绿地、交通岛绿地的建设及绿化带的管护，缓解城市热效应和交通压力。",
        "市规划局 市建设局",
        "有关部门",
        "2010年9月20日前",
    ],
]


def yuanlin() -> None:
    document = new_document()
    grid = table(document, YUANLIN_HEADER, YUANLIN_ROWS)
    merge_down(grid, 0, 1, 2)  # 生态环境 is printed once over both rows
    document.save(str(HERE / "1025_city_chuangjian_guojia_yuanlin_chengshi_renwu_fenjiebiao_p6.docx"))


def main() -> None:
    jingzhou()
    xuancheng_rsj()
    xuancheng_tishi()
    yuanlin()


if __name__ == "__main__":
    main()
