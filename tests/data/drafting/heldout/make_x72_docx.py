"""Build the .docx documents of held-out set x72 (920–929) from the stored pages named in ../README.md.

    python tests/data/drafting/heldout/make_x72_docx.py

See ../make_docx.py for the layout helpers. Every document of this set prints its tasks as a table; the stored
pages hold only the first ~2,000 characters of each page, so each table ends where its page does (the half-read
row at the end is left out, as the README says). The pages show a table either with “ | ” between cells or one
cell a line; either way it is rebuilt here cell by cell as a real Word table with the page's own header, a cell
the page prints once over the rows below it merged down, several lines that the page shows inside one cell kept
as lines of that cell. Half-width commas, colons and brackets that the stored pages carry are written in full
width, as in every transcription of the corpus; everything else is as the page prints it.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import new_document, table  # noqa: E402

# ---------------------------------------------------------------------------------------------------------------
# 920 嘉兴市 2022：政府工作报告重点工作责任分解（一、未来五年主要工作任务；“ | ” 分隔的表，“*”标牵头）

JIAXING_BODY = [
    "嘉兴市人民政府办公室关于印发2022年政府工作报告重点工作和市政府民生实事项目责任分解的通知",
    "各县（市、区）人民政府，市级有关部门（单位）：",
    "2022年政府工作报告重点工作责任分解》和《2022年市政府民生实事项目责任分解》已经九届人民政府1次常务会议审议通过，"
    "现印发给你们，请认真贯彻执行。",
    "2022年是党的二十大召开之年，也是新一届政府的开局之年。各地、各部门要坚持以习近平新时代中国特色社会主义思想为指导，"
    "全面贯彻中央、省各项决策部署，按照市第九次党代会要求，扎实推进项目攻坚年”“服务优化年”“民生提升年活动，"
    "认真落实各项重点工作任务，奋力打造共同富裕典范城市，加快建设社会主义现代化先行市，以优异成绩迎接党的二十大胜利召开。",
    "各牵头单位要切实承担起负总责、强协调的责任，对标对表抓落实；各相关单位要通力协作，积极配合。"
    "市政府将对重点工作、民生实事完成情况进行跟踪督办、定期通报，并将督查结果列入年度工作目标责任制考核。",
    "嘉兴市人民政府办公室",
    "2022510",
    "（此件公开发布）",
    "2022年政府工作报告重点工作责任分解",
    "一、未来五年主要工作任务",
]

JIAXING_ROWS = [
    ["1", "地区生产总值突破1万亿元。", "市发展改革委"],
    ["2", "规上工业总产值突破2万亿元。", "市经信局"],
    ["3", "财政总收入突破1700亿元，一般公共预算收入突破1000亿元。", "市财政局"],
    ["4", "累计实际利用外资超过160亿美元。", "市商务局"],
    ["5", "研发投入强度达到3.8%。", "市科技局"],
    ["6", "人才资源总量超过150万人。", "*市委组织部（市委人才办）、 市人力社保局"],
    ["7", "国家高新技术企业突破5500家。", "市科技局"],
    [
        "8",
        "城乡居民人均可支配收入分别达到9.5万元和6万元，家庭年可支配收入10-50万元群体比例达到81%以上、"
        "20-60万元群体比例达到46%以上。",
        "市发展改革委",
    ],
    ["9", "单位GDP能耗、碳排放强度持续下降。", "*市发展改革委、市生态环境局"],
    ["10", "建设从源头到龙头“最优质供水城市”。", "*市建设局、嘉源集团"],
    ["11", "全域建成“清新空气示范区”“污水零直排区”“无废城市”。", "*市生态环境局、市生态创建办"],
    ["12", "创建全国文明典范城市。", "市委宣传部（市文明办）"],
    [
        "13",
        "“四治融合”城乡基层治理体系更加完善，防范化解风险能力明显增强，群众获得感、幸福感、安全感、认同感满意度保持全省领先。",
        "市委政法委",
    ],
    [
        "14",
        "落实示范区“1+1+N”规划任务，系统重塑“一城一谷三区”空间布局，建成水乡客厅、祥符荡创新中心等重大平台，"
        "在规划管理、生态保护、要素流动等方面形成一体化制度创新成果，展现嘉善片区在示范区的领跑态势。",
        "*嘉善县政府、市长三角发展办",
    ],
    [
        "15",
        "主动对接虹桥国际开放枢纽功能布局，实施8项集成改革和8大标志性工程，加强与上海在基础设施、园区平台、"
        "公共服务等方面对接，全方位融入上海大都市圈。",
        "市长三角发展办",
    ],
]


def jiaxing() -> None:
    document = new_document()
    for text in JIAXING_BODY:
        document.add_paragraph(text)
    table(document, ["序号", "主 要 工 作 任 务", "责任单位"], JIAXING_ROWS)
    document.save(
        str(HERE / "920_zhejiang_jiaxing_2022_zhengfu_gongzuo_baogao_zhongdian_gongzuo_zeren_fenjie.docx")
    )


# ---------------------------------------------------------------------------------------------------------------
# 921 宁波市鄞州区 2024：政府工作报告目标任务分解清单（每位区领导一张表，序号每表重起，一格一行）

YINZHOU_HEAD = [
    "宁波市鄞州区人民政府办公室关于印发2024年政府工作报告目标任务责任分解的通知",
    "各镇政府、街道办事处，区政府各部门、直属单位：",
    "《2024年政府工作报告目标任务分解清单》《2024年鄞州区民生实事项目责任分解》已经区政府同意，现予印发，请认真抓好落实",
    "宁波市鄞州区人民政府办公室",
    "2024年2月21日",
    "2024年政府工作报告目标任务分解清单",
]

YINZHOU_HEADER = ["序号", "目标任务", "牵头单位", "配合单位"]

YINZHOU_GROUPS = [
    (
        "一、区长陈兴立牵头重点工作",
        [
            ["1", "一般公共预算收入增速与经济增长同步", "区财政局", "区税务局，各镇（街道、园区）"],
            ["2", "财政科技经费投入增长15%以上", "区财政局", "区科技局"],
            [
                "3",
                "施行新一轮镇街财政运行体制，优化成本效益导向的财政扶持方式，完善产业政策绩效评价体系，全面提升政府生财用财理财水平",
                "区财政局",
                "区发改局、区经信局、区科技局等区级有关部门，各镇（街道）",
            ],
            [
                "4",
                "坚持财力向保障和改善民生倾斜，政府要习惯过紧日子，倡导节俭新风，压减一切非刚性支出，"
                "更加突出管理增效、简政提效、花钱问效、实干促效",
                "区财政局",
                "区级各部门，各镇（街道、园区）",
            ],
            ["5", "推进“乡债县管”", "区财政局", "各镇（街道）"],
        ],
    ),
    (
        "二、常务副区长姚珂军牵头重点工作",
        [
            ["1", "地区生产总值增长6%左右", "区发改局", "区经济运行监测联席会议成员单位，各镇（街道、园区）"],
        ],
    ),
]


def yinzhou() -> None:
    document = new_document()
    for text in YINZHOU_HEAD:
        document.add_paragraph(text)
    for heading, rows in YINZHOU_GROUPS:
        document.add_paragraph(heading)
        table(document, YINZHOU_HEADER, rows)
    document.save(
        str(HERE / "921_zhejiang_ningbo_yinzhou_2024_zhengfu_gongzuo_baogao_mubiao_renwu_fenjie_qingdan.docx")
    )


def main() -> None:
    jiaxing()
    yinzhou()


if __name__ == "__main__":
    main()
