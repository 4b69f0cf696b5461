"""Build the .docx documents of the sixth held-out set (170–).

    python tests/data/drafting/tune/make_heldout6_docx.py

See ../make_docx.py for the layout helpers. The text of each document is the transcription of
the page named in ../README.md (punctuation full-width as published); this script only lays it
out the way Word holds it: item numbers that Word generates from list numbering (170, 172), with
label lines and group headings as plain paragraphs between them, and a real table whose group row is
merged across and whose 目标任务 cell, printed once for the rows under it, is merged down (175), and a table whose group rows span the whole width, with a 完成时限 column (180).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import decimal_numbering, merge_across, merge_down, new_document, numbered, table  # noqa: E402


def zhuanxing_fenjie() -> None:
    """170 某市经济转型任务分解方案（范文网站转载，地名和年份被删去；Word 列表编号，标签各占一行）。"""
    document = new_document()
    document.add_paragraph("市政经济转型任务分解方案")
    document.add_paragraph("一、经济转型攻坚战的目标任务")
    num_id = decimal_numbering(document, fmt="%1.")
    items = [
        (
            "加快工业结构调整，规模以上工业增加值占GDP比重达45%以上。提升装备制造业水平，先进制造业增加值增幅高于"
            "工业平均水平3个百分点；加快培育战略新兴产业，新兴产业增加值增幅高于工业平均水平5个百分点。",
            "市发展改革委、工业和信息化局",
        ),
        ("加快服务业发展，服务业增加值占GDP比重“十二五”末要达到37%，其中，年达到33%以上。", "市服务业发展局"),
        (
            "优化农业生产结构，特色优势农业占农业总产值比重达到60%，畜牧业及经济作物占农业总产值的比重达到45%。",
            "市委农工委，市农业局、畜牧局",
        ),
        (
            "加快自主创新体系建设，全社会科技经费投入占GDP比重达1.25%以上；高技术产业增加值增长18%以上。",
            "市科技局、发展改革委",
        ),
        (
            "节约型生态宜居城市建设取得明显进展，单位GDP能耗下降3.5%，COD排放量削减3.3%，SO2排放量削减5.3%。"
            "生态环境质量保持全省领先。",
            "市发展改革委、环保局",
        ),
        (
            "全市规模以上工业主营业务收入达到4640亿元，增长18.3%以上；实现利润总额239亿元，增长26.4%以上；"
            "利税率达到10%以上。",
            "市发展改革委",
        ),
    ]
    for text, lead in items:
        numbered(document, text, num_id)
        document.add_paragraph(f"牵头责任单位：{lead}")
        document.add_paragraph("相关责任单位：各县（市、区）政府")
    document.add_paragraph("二、经济转型攻坚战的重点工作")
    document.save(str(HERE / "170_unknown_city_zhuanxing_fenjie.docx"))


def guangdong_minjian_touzi() -> None:
    """172 广东省 2023：进一步加大力度支持民间投资发展的实施方案（Word 列表编号，句末括号）。"""
    document = new_document()
    document.add_paragraph("广东省人民政府办公厅关于印发广东省进一步加大力度支持民间投资发展实施方案的通知")
    document.add_paragraph("粤府办〔2023〕5号")
    document.add_paragraph("各地级以上市人民政府，省政府各部门、各直属机构：")
    document.add_paragraph(
        "《广东省进一步加大力度支持民间投资发展的实施方案》已经省人民政府同意，现印发给你们，请认真组织实施。"
        "实施过程中遇到的问题，请径向省发展改革委反映。"
    )
    document.add_paragraph("广东省人民政府办公厅")
    document.add_paragraph("2023年3月17日")
    document.add_paragraph("广东省进一步加大力度支持民间投资发展的实施方案")
    document.add_paragraph(
        "为进一步加大政策支持力度，激发民间投资活力，按照国家发展改革委《关于进一步完善政策环境加大力度支持民间投资"
        "发展的意见》（发改投资〔2022〕1652号）要求，结合我省实际，制定本实施方案。"
    )
    document.add_paragraph("一、发挥重大项目牵引和政府投资撬动作用")
    document.add_paragraph("（一）支持民间投资参与重大工程项目建设。")
    num_id = decimal_numbering(document, fmt="%1.")
    numbered(
        document,
        "聚焦国家“十四五”规划102项重大工程、国家重大战略以及省委、省政府明确的重点建设任务，依托省投资项目在线审批"
        "监管平台（以下简称在线平台），梳理筛选具备一定收益水平、条件相对成熟的项目，常态化向民间资本进行推介，"
        "多种方式吸引民间资本参与。（省发展改革委牵头负责）",
        num_id,
    )
    numbered(
        document,
        "对具有稳定收益、可获得较好预期投资回报的交通及相关站场服务设施、水利、城市基础设施、节能降碳等领域重点项目，"
        "原则上推行市场化运作，鼓励支持民间资本参与。（省发展改革委、交通运输厅、水利厅、住房城乡建设厅、能源局等省"
        "有关部门和各地级以上市人民政府按职责分工负责）",
        num_id,
    )
    document.save(str(HERE / "172_guangdong_province_2023_minjian_touzi.docx"))


def weifang_zhengwu_gongkai() -> None:
    """175 潍坊市 2017：政务公开工作要点实施方案（表格：目标任务|主要内容|责任单位；组行横向合并，目标任务格纵向合并）。"""
    document = new_document()
    document.add_paragraph("潍坊市2017年政务公开工作要点实施方案")
    group = "（一）加强预期引导"
    grid = table(
        document,
        ["目标任务", "主要内容", "责任单位"],
        [
            ["一、以政务公开助力稳增长", "", ""],
            [
                group,
                "围绕我市经济社会发展形势、国家宏观经济政策和全市相关经济政策执行落实情况，通过市政府例行新闻发布会、"
                "市政府新闻办新闻发布会、媒体采访、提供解读素材等形式及时宣传解读。",
                "市发改委牵头落实",
            ],
            [
                group,
                "围绕出台促进就业规划、就业创业政策，加强就业创业政策信息公开，深入解读政策背景、依据、目标任务、涉及范围、"
                "落实情况等。",
                "市人社局牵头落实",
            ],
            [
                group,
                "围绕稳健中性的货币政策、优化融资结构和信贷结构等信贷政策，加强金融政策信息公开，通过政策通报会、银企对接会"
                "等方式，加大货币和金融业改革发展政策的宣传和预期引导，及时准确将政策意图传递给市场，以政策解读的“透”赢得"
                "市场预期的“稳”。",
                "市金融办、人民银行潍坊市中心支行、潍坊银监分局分别牵头落实",
            ],
            [
                group,
                "加强财政政策信息公开，按月公开全市财政收支情况，解读财政收支增减变化情况及原因、预判财政收入走势，主动解释"
                "说明收支运行中可能引发社会关注的热点问题，引导社会各方面正确认识财政形势。",
                "市财政局牵头落实",
            ],
        ],
    )
    merge_across(grid, 1, 0, 2)
    merge_down(grid, 0, 2, 5)
    document.save(str(HERE / "175_shandong_weifang_2017_zhengwu_gongkai.docx"))


def beijing_daqi_2021() -> None:
    """180 北京市：大气污染防治2021年行动计划（附件1，表格：序号|重点任务|工作措施|牵头部门|主责单位|协办单位|完成时限）。"""
    document = new_document()
    document.add_paragraph("附件1")
    document.add_paragraph("— 4 —")
    document.add_paragraph("大气污染防治2021年行动计划")
    grid = table(
        document,
        ["序号", "重点任务", "工作措施", "牵头部门", "主责单位", "协办单位", "完成时限"],
        [
            ["一、空气质量目标", "", "", "", "", "", ""],
            [
                "1",
                "目标任务",
                "在完成国家目标任务基础上，全市及各区尽最大努力巩固改善空气质量，细颗粒物（PM2.5）浓度、重污染天数"
                "力争继续下降。",
                "市生态环境局",
                "各区政府（含北京经济技术开发区管委会）",
                "市交通委、市城市管理委、市经济和信息化局、市住房城乡建设委等部门",
                "年底前",
            ],
            ["二、实施挥发性有机物（VOCs）专项治理行动", "", "", "", "", "", ""],
            [
                "2",
                "完善VOCs环境监测网络",
                "完善覆盖街道（乡镇）、主要工业园区等VOCs高密度监测网；研究利用大数据分析、卫星遥感监测等技术手段，"
                "探索建设VOCs热点网格系统，有效识别VOCs高值区。",
                "市生态环境局",
                "各区政府（含北京经济技术开发区管委会）",
                "市经济和信息化局",
                "年底前",
            ],
        ],
    )
    merge_across(grid, 1, 0, 6)
    merge_across(grid, 3, 0, 6)
    document.save(str(HERE / "180_beijing_2021_daqi_xingdong.docx"))


def main() -> None:
    zhuanxing_fenjie()
    guangdong_minjian_touzi()
    weifang_zhengwu_gongkai()
    beijing_daqi_2021()


if __name__ == "__main__":
    main()
