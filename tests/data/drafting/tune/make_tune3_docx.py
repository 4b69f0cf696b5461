"""Build the .docx documents of session 5's tune additions (68, 72, 80).

    python tests/data/drafting/tune/make_tune3_docx.py

See ../make_docx.py for the layout helpers. The texts are transcribed from the pages named in
../README.md; this script only lays them out as Word holds such documents: a real table whose
group row is merged across and whose repeated cells are merged down (68), and items numbered by
Word list numbering rather than typed numbers (72), and a table whose cells hold several units on
separate lines beside a progress column (80).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import decimal_numbering, merge_down, new_document, numbered, table  # noqa: E402


def liaozhong() -> None:
    """68 沈阳市辽中区 2024：政府工作报告主要工作任务分解表（分组行横向合并，牵头/配合/责任领导纵向合并）。"""
    document = new_document()
    document.add_paragraph("沈阳市辽中区人民政府关于印发2024年政府工作报告主要工作任务分解表的通知")
    document.add_paragraph("沈辽中政发〔2024〕1号")
    document.add_paragraph("发布时间：2024-01-18 来源：政府办")
    document.add_paragraph("各镇人民政府、街道办事处，区政府各部门、各直属单位：")
    document.add_paragraph(
        "经区政府同意，现将2024年政府工作报告主要工作任务分解表》印发给你们，请认真对照各自承担的工作任务，"
        "细化工作目标，明确工作进度，落实工作责任，确保各项任务如期完成。"
    )
    document.add_paragraph("沈阳市辽中区人民政府")
    document.add_paragraph("2024115")
    document.add_paragraph("（此件公开发布）")
    document.add_paragraph("2024年政府工作报告主要工作任务分解表")
    grid = table(
        document,
        ["序号", "主要工作举措", "牵头单位", "配合单位", "责任领导"],
        [
            ["一、做大做强主导产业", "", "", "", ""],
            [
                "1",
                "加快构建具有辽中特色的现代化产业体系，聚焦农产品精深加工产业，加快推进肉鸡、肉牛、淡水鱼全产业链"
                "规划布局和对外招商，实现三产融合发展。",
                "区农业农村局",
                "区发展改革局、区工业和信息化局、沈阳近海经济区管委会",
                "",
            ],
            [
                "2",
                "加快安徽节源、沈发废弃油脂等在建项目的建设进度，推动韩国废旧光伏板拆解、中科凌胜等签约项目的开工建设。",
                "沈阳近海经济区管委会",
                "自然资源分局、生态环境分局、区发展改革局",
                "冯冬昌",
            ],
            [
                "3",
                "推动胜达再生塑料、敏实铝循环利用等一批项目的签约落地，打造再生资源产业集群。",
                "沈阳近海经济区管委会",
                "自然资源分局、生态环境分局、区发展改革局",
                "冯冬昌",
            ],
            [
                "4",
                "聚焦装备制造及配套产业，扶持远程摩擦、昌盛电气、银丰铸造等一批重点增资项目扩产，带动区域内装备制造"
                "及配套企业提档升级。",
                "区工业和信息化局",
                "沈阳近海经济区管委会、各镇政府（街道办事处）",
                "冯冬昌",
            ],
        ],
    )
    group = grid.cell(1, 0)  # type: ignore[attr-defined]
    merged = group.merge(grid.cell(1, 4))  # type: ignore[attr-defined]
    for paragraph in merged.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    merged.paragraphs[0].text = "一、做大做强主导产业"
    merge_down(grid, 2, 3, 4)
    merge_down(grid, 3, 3, 4)
    merge_down(grid, 4, 3, 5)
    document.save(str(HERE / "68_liaoning_shenyang_liaozhong_2024.docx"))


def shandong_green() -> None:
    """72 山东省 2023：建设绿色低碳高质量发展先行区重点工作任务（Word 列表编号，括号内牵头单位）。"""
    document = new_document()
    document.add_paragraph("鲁政办字〔2023〕5号")
    document.add_paragraph("各市人民政府，各县（市、区）人民政府，省政府各部门、各直属机构：")
    document.add_paragraph(
        "《山东省建设绿色低碳高质量发展先行区2023年重点工作任务》已经省政府同意，现印发给你们，"
        "请结合实际，认真抓好落实。"
    )
    document.add_paragraph("山东省人民政府办公厅")
    document.add_paragraph("2023年1月19日")
    document.add_paragraph("（此件公开发布）")
    document.add_paragraph("山东省建设绿色低碳高质量发展先行区")
    document.add_paragraph("2023年重点工作任务")
    document.add_paragraph(
        "为深入贯彻党的二十大精神，全面落实《国务院关于支持山东深化新旧动能转换推动绿色低碳高质量发展的意见》"
        "（国发〔2022〕18号），推动《山东省建设绿色低碳高质量发展先行区三年行动计划（2023—2025年）》重点任务"
        "攻坚突破，制定2023年重点工作任务如下："
    )
    document.add_paragraph("一、深入实施创新驱动发展战略")
    num_id = decimal_numbering(document, fmt="%1.")
    for text in (
        "高质量建设崂山实验室。全面调研分析实验室建设运行情况，优化实验室建设发展的政策体系，组建高端海洋科技人才"
        "队伍，围绕国家战略科技任务，持续开展前瞻性、引领性海洋科技攻关，推动崂山实验室高质量入轨运行。"
        "（牵头单位：省科技厅）",
        "完善实验室体系。积极争创全国重点实验室，力争2023年全国重点实验室达到25家以上。实施山东省实验室项目，"
        "高标准建设10家左右山东省实验室。参照国家重点实验室重组模式，启动山东省重点实验室重组工作。"
        "（牵头单位：省科技厅）",
        "加强创新平台建设。推动省级创新平台争创国字号创新平台，积极争取国家盐碱地综合利用技术创新中心落户我省，"
        "创建1-2家国家临床医学研究中心。培育建设7家左右省制造业创新中心、100家左右省“一企一技术”研发中心。"
        "（牵头单位：省科技厅、省工业和信息化厅）",
    ):
        numbered(document, text, num_id)
    document.save(str(HERE / "72_shandong_province_2023_green.docx"))


def tongliang() -> None:
    """80 重庆市铜梁区 2025：区政府工作报告目标任务上半年推进情况汇总表（分组行横向合并，一格多个单位分行，进展列）。"""
    document = new_document()
    document.add_paragraph("《2025年区政府工作报告目标任务上半年推进情况汇总表》")
    document.add_paragraph("时间：2025-09-19 来源：政府办")
    document.add_paragraph("2025年区政府工作报告目标任务上半年推进情况汇总表")
    rows = [
        ["一、经济社会发展主要预期目标", "", "", ""],
        ["1", "地区生产总值增长6%以上。", "区发展改革委", "地区生产总值同比增长2.9%。"],
        [
            "2",
            "第一产业增加值增长5%。",
            "区农业农村委\n区林业局\n区供销联社\n区畜牧业发展中心",
            "第一产业增加值同比增长3.4%。",
        ],
        ["3", "规上工业增加值增长3.5%。", "区经济信息委", "规上工业增加值同比增长0.4%。"],
        ["4", "第三产业增加值增长8%以上。", "区发展改革委", "第三产业增加值同比增长4.3%。"],
        ["5", "固定资产投资增长10%。", "区发展改革委", "固定资产投资同比增长5.1%。"],
        ["6", "工业投资增长12%。", "区经济信息委", "工业投资同比增长23.5%。"],
        ["7", "社会消费品零售总额增长5.5%。", "区商务委", "社会消费品零售总额同比增长3.6%。"],
        ["8", "一般公共预算收入增长7%。", "区财政局", "一般公共预算收入同比增长4.2%。"],
        [
            "9",
            "全体居民人均可支配收入增长6%。",
            "区发展改革委\n区人力社保局\n区农业农村委",
            "全体居民人均可支配收入同比增长4.7%。",
        ],
        ["二、重点工作", "", "", ""],
        ["（一）以创建国家高新区为抓手，更大力度推动科技创新", "", "", ""],
        [
            "10",
            "实施高能级创新平台建设行动，启动创建国家高能级科技型企业孵化器。",
            "区科技局",
            "全面启动国家高新区创建工作，对升级国家高新区“门槛”指标、定量指标、定性指标进行深入梳理和自评；"
            "编制“两规划”、环境影响评价、土地集约利用评价等；起草升级国家高新区汇报材料及答辩PPT等，"
            "汇编升级国家高新区申报资料。",
        ],
        ["11", "加快推进智能网联新能源汽车零部件产业发展行动计划。", "区经济信息委", "智能网联新能源汽车"],
    ]
    grid = table(document, ["序号", "目标任务", "责任单位", "上半年推进情况"], rows)
    for index, row in enumerate(rows, start=1):
        if not row[1]:
            merged = grid.cell(index, 0).merge(grid.cell(index, 3))  # type: ignore[attr-defined]
            for paragraph in merged.paragraphs[1:]:
                paragraph._p.getparent().remove(paragraph._p)
            merged.paragraphs[0].text = row[0]
    document.save(str(HERE / "80_chongqing_tongliang_2025h1.docx"))


def main() -> None:
    liaozhong()
    shandong_green()
    tongliang()


if __name__ == "__main__":
    main()
