"""Build the .docx documents of the third held-out set (82, 83, 85).

    python tests/data/drafting/tune/make_heldout3_docx.py

See ../make_docx.py for the layout helpers. The text of each document is the transcription of
the page named in ../README.md; this script only lays it out the way Word holds it: a real
table whose cells hold two units on separate lines and whose repeated 责任领导 cells are merged
down (82), and items numbered by Word list numbering where the page printed the numbers as
text (83 “1、”, 85 “1.”).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import decimal_numbering, merge_down, new_document, numbered, table  # noqa: E402


def jishui() -> None:
    """82 吉安市吉水县：10件民生实事任务分解表（责任领导纵向合并，一格两个单位分行）。"""
    document = new_document()
    document.add_paragraph("一、10件民生实事任务分解表")
    grid = table(
        document,
        ["序号", "具体工作任务和要求", "责任领导", "责任单位", "落实情况"],
        [
            [
                "1",
                "推动义务教育基本均衡向优质均衡发展，完成吉水二中迁建项目和城北学校主体建设，城南二小实现秋季开学，"
                "增加义务教育学位5000个，启动城西教育网点规划布局，做好城西高中建设开工前期工作。",
                "毛晓青",
                "县教体局\n各相关乡镇政府",
                "吉水二中、城南二小均完成项目建设，实现秋季开学，新增义务教育学位5500个，城西高中已启动前期工作。",
            ],
            [
                "2",
                "推进省级县域综合医改试点、国家级紧密型医共体建设试点工作，完成县妇幼保健院主体工程建设，"
                "7个乡镇卫生院完成搬迁或改扩建，实现县域内就诊率91%以上。",
                "毛晓青",
                "县卫健委\n各相关乡镇政府",
                "县妇保院完成第一期基础部分验收，门诊综合保健大楼封顶；枫江、黄桥、金滩、尚贤4所卫生院改扩建项目，"
                "及盘谷、双村、水南、阜田4所卫生院迁续建项目主体工程已基本完工，正在进行内外装修。",
            ],
            [
                "3",
                "提升幼教服务水平，启动中心幼儿园改扩建，扩充公办幼儿园学位至1800个，全县公办幼儿园在园人数占比达到50%。",
                "毛晓青",
                "县教体局\n各相关乡镇政府",
                "县中心幼儿园已启动扩建前期工作，完成凤凰城小区、东山中央城、金色海岸等8所小区配套幼儿园治理工作，"
                "新增学位1290个，全县公办幼儿园在园人数占比达32.5%。",
            ],
            [
                "4",
                "扎实推进城乡供水一体化建设，年内启动尚贤、冠山等6个乡镇供水管网设施建设，提升城区及工业园区供水能力。",
                "张学伟",
                "县住建局\n各相关乡镇政府",
                "金滩水厂建设基本完成，预计年底可投产；龙华大道DN500管道改造工程（1698米）、黄桥中学管网工程（2233米）、"
                "乌江养猪厂管网工程（3441米）、金滩镇高新人才小区管网（585米）工程已竣工通水；白沙水厂设计等前期工作已完成；县",
            ],
        ],
    )
    merge_down(grid, 2, 1, 3)
    document.save(str(HERE / "82_jiangxi_jian_jishui_minsheng.docx"))


def lanzhou() -> None:
    """83 兰州市：分工（页面第4页；事项名称由 Word 列表编号，“由X副市长负责，Y牵头，Z配合”）。"""
    document = new_document()
    num_id = decimal_numbering(document, fmt="%1、")
    items = [
        (
            "在兰州设立综合配套改革试验区事宜",
            "由杨志武副市长负责，市发改委牵头，相关部门配合，尽快完成《兰州综合配套改革试验区实施方案》，"
            "经市政府审定后报省政府审批，在省政府批准兰州市为甘肃省综合配套改革试验区后，加强和国家发改委的衔接沟通，"
            "争取将兰州列为国家发改委综合配套改革试验区联系点，并在时机成熟后，进一步争取将兰州列为国家综合配套改革试验区。",
        ),
        (
            "兰州市大气污染成因及防治对策研究项目",
            "由吴继德副市长负责，市环保局牵头，相关部门配合，细化分工、落实责任，尽快完成项目报批的前期准备工作，"
            "并和环保部、国家发改委、环境科学研究院进一步衔接，按照程序完成项目报批，争取项目早日进入实质性实施阶段。",
        ),
        (
            "污水管网和污水处理厂项目",
            "由吴继德副市长负责，市建委牵头，相关部门配合，按照国家部委相关文件要求，尽快充实完善项目申报的各项前期工作，"
            "按程序上报省发改委和省建设厅，并和国家发改委、建设部衔接，力争将我市污水管网和污水处理厂项目列入国家计划盘子，"
            "积极争取管网配套、环保补助、削减化学需氧量等渠道的资金支持。在城市污水全收集、全处理工程建设方面，"
            "进一步加快工程实施进度，确保按期完成城市污水全收集、全处理任务。",
        ),
        (
            "兰州城市轨道交通项目",
            "由吴继德副市长负责，市建设局牵头，市发改委配合，按照要求进一步修改完善项目建设方案，"
            "报国家发改委基础产业司相关处室，尽快使项目进入正式报批程序。",
        ),
        (
            "国家新材料基地建设事宜",
            "由姚国庆副市长负责，市工信委牵头，相关部门配合，尽快理清我市新材料产业发展的基础、优势、发展重点和阶段性目标，"
            "主动向国家发改委等部委汇报沟通，按照国家新材料基地建设的要求认真开展前期准备工作，争",
        ),
    ]
    for heading, text in items:
        numbered(document, heading, num_id)
        document.add_paragraph(text)
    document.save(str(HERE / "83_gansu_lanzhou_p4.docx"))


def jiujiang() -> None:
    """85 九江市 2019：支持大南昌都市圈发展行动方案（条目由 Word 列表编号，括号内“责任单位：”）。"""
    document = new_document()
    document.add_paragraph(
        "各县（市、区）人民政府，庐山管理局，九江经济技术开发区、庐山西海风景名胜区、八里湖新区、鄱阳湖生态科技城管委会，"
        "市政府有关部门，市直有关单位："
    )
    document.add_paragraph(
        "《九江市支持大南昌都市圈发展的行动方案》已经市政府研究同意，现印发给你们，请认真贯彻执行。"
    )
    document.add_paragraph("2019年6月19日")
    document.add_paragraph("九江市支持大南昌都市圈发展行动方案")
    document.add_paragraph(
        "为深度融入大南昌都市圈，实现高质量发展，我市根据《加快打造大南昌都市圈工作方案》《推进大南昌都市圈建设2019年工作要点》"
        "及《关于支持大南昌都市圈发展的若干政策措施》等文件精神，制定了支持大南昌都市圈发展的实施方案。"
    )
    document.add_paragraph("一、建立工作机制，协调推进重大项目")
    num_id = decimal_numbering(document, fmt="%1.")
    items = [
        "建立领导小组。市委、市政府成立九江市大南昌都市圈发展协调推进领导小组，统筹协调推进九江市大南昌都市圈发展相关工作。"
        "领导小组下设办公室，设在市发改委，负责日常协调推进工作。（责任单位：市委办公室、市政府办公室、市发改委、市直有关单位）",
        "支持建立联席会议制度。支持与南昌市建立党政领导联席会议制度，采取轮值制每年举行工作会商会，推进重大项目和事项，"
        "协调解决重大问题。（责任单位：市发改委）",
        "积极协调重大项目推进。按照远近结合、滚动实施的原则，从基础设施、产业、创新平台、公共服务等方面，"
        "梳理一批重大项目和事项形成项目库，领导小组办公室积极向省领导小组办公室报送需协调解决事项，推进重大项目建设。"
        "（责任单位：市发改委，市直有关单位，相关县〔市、区〕政府）",
    ]
    for text in items:
        numbered(document, text, num_id)
    document.save(str(HERE / "85_jiangxi_jiujiang_2019_nanchang_dushiquan.docx"))


def main() -> None:
    jishui()
    lanzhou()
    jiujiang()


if __name__ == "__main__":
    main()
