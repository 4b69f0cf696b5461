"""Build the .docx documents of the fifth round of tune additions (104, 107, 111).

    python tests/data/drafting/tune/make_tune5_docx.py

See ../make_docx.py for the layout helpers. The texts are transcribed from the pages named in
../README.md; this script only lays them out as Word holds such documents: a table whose 牵头领导
cells hold two persons on separate lines (104), items numbered by Word list numbering that runs on
across the group headings, each followed by its 责任单位 paragraph (107), and a table with a 分管领导
column whose repeated person and lead cells are merged down (111).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import decimal_numbering, merge_down, new_document, numbered, table  # noqa: E402


def yuhang() -> None:
    """104 杭州市余杭区 2018：《政府工作报告》工作任务分解表（牵头领导一格两人分行）。"""
    document = new_document()
    document.add_paragraph("各镇人民政府、街道办事处，区直各单位：")
    document.add_paragraph(
        "为认真贯彻落实区委十四届四次全会和区两会精神，明确分工，落实责任，现将2018年《政府工作报告》明确的重点"
        "工作任务进行细化分解（详见附件）。请各相关责任部门及各镇街、平台按照责任分工，强化协同、狠抓落实，确保"
        "2018年各项目标任务全面如期完成。同时，《政府工作报告》明确的工作任务将纳入年度综合考评，请区大督查考评办"
        "加强督查，严格考评。"
    )
    document.add_paragraph("附件：2018年《政府工作报告》工作任务分解表")
    document.add_paragraph("杭州市余杭区人民政府办公室")
    document.add_paragraph("2018年3月18日")
    document.add_paragraph("附件")
    document.add_paragraph("2018年《政府工作报告》工作任务分解表")
    table(
        document,
        ["序号", "重 点 工 作 任 务", "牵头领导", "牵头单位"],
        [
            [
                "1",
                "未来科技城要围绕打造创新驱动策源地、数字经济先行地、产城融合样板地，深化与浙江大学、阿里巴巴集团的"
                "合作，扎实推进“2+X”创新载体、菜鸟网络总部、中电海康军民融合示范园等项目建设，进一步发挥杭州城西科创"
                "大走廊核心区作用。",
                "祝振伟\n陈夏林",
                "未来科技城（海创园）",
            ],
            [
                "2",
                "余杭经济技术开发区要对标国家级高新区，加强装备制造、生物医药等优势主导产业培育，积极招引科研院所，"
                "加快推进贝达梦工场、浙江中以（余杭）产业合作园等项目建设，力争规模工业增加值增长10%、实际利用外资"
                "3亿美元。",
                "沈 昱\n祝振伟",
                "余杭经济技术开发区（钱江经济开发区）",
            ],
            [
                "3",
                "临平新城要围绕打造时尚产业新地标、智造服务业集聚地、产业互联网创新港，启动建设九乔国际数字商贸城、"
                "艺尚瑞丽街区，建成启用国家级产业互联网展示、实训和创新中心，设立大学生创业园，力争引进国家级领军人才"
                "2名、优质产业互联网企业100家。",
                "祝振伟\n李敏华",
                "临平新城",
            ],
        ],
    )
    document.save(str(HERE / "104_zhejiang_hangzhou_yuhang_2018.docx"))


def lishui() -> None:
    """107 丽水市 2023：市政府工作报告重点工作责任分解（Word 列表编号跨分组连续，责任单位另起一段）。"""
    document = new_document()
    document.add_paragraph("当前位置：首页")
    document.add_paragraph(">> 专题专栏 >> 归档专题 >> 2023市政府重点工作（已归档）")
    document.add_paragraph("市政府工作报告重点工作责任分解（2023年）")
    document.add_paragraph("时间：2023-07-11 17:01 浏览次数： 信息来源： 丽水市政府")
    document.add_paragraph("一、全市经济社会发展主要预期目标")
    num_id = decimal_numbering(document, fmt="%1.")
    first = [
        ("生产总值增长6%以上，高质量前提下能快则快。", "市发改委"),
        ("规上工业增加值增长8%。", "市经信局"),
        ("研发投入强度达到2.3%。", "市科技局"),
        (
            "固定资产投资增长10%。",
            "市发改委、市经信局、市科技局、市财政局、市自然资源局、市生态环境局、市建设局、市交通运输局、市水利局、"
            "市农业农村局、市文广旅体局、市卫生健康委（除标注“分别牵头”外，列第一位为牵头或汇总单位，下同）",
        ),
        ("社会消费品零售总额增长5%，外贸出口增长5%。", "市商务局"),
        ("城乡居民收入增速保持全省领先、农民收入增速快于城镇居民。", "市人力社保局、市农业农村局分别牵头"),
        ("一般公共预算收入与经济增长基本同步。", "市财政局"),
        ("居民消费价格涨幅控制在3%以内。", "市发改委"),
        ("城镇新增就业、节能减排降碳完成省定任务。", "市人力社保局、市发改委分别牵头"),
    ]
    for text, units in first:
        numbered(document, text, num_id)
        document.add_paragraph(f"责任单位：{units}")
    document.add_paragraph("二、重点抓好六方面工作")
    document.add_paragraph("（一）全力以赴拼经济稳增长促发展。")
    numbered(
        document,
        "实施招商引资“百千”行动，每年招引亿元以上制造业项目100个，带动未来五年制造业投资1000亿元以上。",
        num_id,
    )
    document.add_paragraph("责任单位：市双招双引办、市发改委、市经信局，各县（市、区）政府、丽水开发区管委会")
    numbered(
        document,
        "紧盯“中字头、国字号、500强”推动招大引强再上新高，力争引进20亿级项目不少于12个、50亿级项目不少于2个，"
        "努力实现百亿级重大产业项目接二连三再突破，莲青缙松遂龙要在50亿级、云庆景要在20亿级项目招引上取得突破。",
        num_id,
    )
    document.add_paragraph("责任单位：市")
    document.save(str(HERE / "107_zhejiang_lishui_2023.docx"))


def guangzhou() -> None:
    """111 广州市 2021：市政府工作报告部署工作责任分工（分管领导列；相同的领导、牵头单位纵向合并）。"""
    document = new_document()
    document.add_paragraph("当前位置： 首页 > 政务公开 > 法规公文 > 市政府文件")
    document.add_paragraph("广州市人民政府关于印发2021年市政府工作报告部署工作责任分工的通知")
    document.add_paragraph("听全文")
    document.add_paragraph("2021-03-05")
    document.add_paragraph("来源： 广州市人民政府办公厅")
    document.add_paragraph("穗府〔2021〕3号")
    document.add_paragraph("广州市人民政府关于印发2021年市政府工作报告部署工作责任分工的通知")
    document.add_paragraph("各区人民政府，市政府各部门、各直属机构：")
    document.add_paragraph(
        "《2021年市政府工作报告部署工作责任分工》已经市政府第15届134次常务会议审议通过，现印发给你们。全市各级各部门"
        "要以习近平新时代中国特色社会主义思想为指导，立足新发展阶段，贯彻新发展理念，服务构建新发展格局，坚持稳中求进"
        "工作总基调，以推动高质量发展为主题，以深化供给侧结构性改革为主线，以改革创新为根本动力，以满足人民日益增长的"
        "美好生活需要为根本目的，强化使命担当，不折不扣落实市政府工作报告部署工作各项任务。按照工作分工，抓紧制订实施"
        "方案，细化任务目标、工作措施、完成时限和各层级责任人，以钉钉子精神狠抓工作落实，努力在全面建设社会主义现代化"
        "国家新征程上迈出坚实步伐、实现良好开局。"
    )
    document.add_paragraph("广州市人民政府")
    document.add_paragraph("2021年2月23日")
    document.add_paragraph("2021年市政府工作报告部署工作责任分工")
    grid = table(
        document,
        ["序号", "重点工作", "市政府\n分管领导", "牵头单位", "配合单位", "备注"],
        [
            ["", "强化科技创新支撑能力。", "", "", "", ""],
            ["（一）", "加强战略科技力量建设。", "", "", "", ""],
            [
                "1",
                "加快建设以中新知识城、南沙科学城为极点，链接全市域科技创新关键节点的科技创新轴。",
                "王 东",
                "市科技局",
                "黄埔区、南沙区政府",
                "",
            ],
            [
                "2",
                "全力做好呼吸领域国家实验室筹建保障服务工作。",
                "王 东",
                "市科技局",
                "市政府办公厅、市发展改革委、市财政局、市卫生健康委，荔湾区、黄埔区政府",
                "",
            ],
            ["3", "加快建设大湾区国家技术创新中心。", "王 东", "市科", "", ""],
        ],
    )
    merge_down(grid, 2, 3, 5)
    merge_down(grid, 3, 3, 4)
    document.save(str(HERE / "111_guangdong_guangzhou_2021.docx"))


def main() -> None:
    yuhang()
    lishui()
    guangzhou()


if __name__ == "__main__":
    main()
