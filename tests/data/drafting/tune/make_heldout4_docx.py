"""Build the .docx documents of the fourth held-out set (89, 90, 91, 95, 123, 124).

    python tests/data/drafting/tune/make_heldout4_docx.py

See ../make_docx.py for the layout helpers. The text of each document is the transcription of
the page named in ../README.md (punctuation full-width as published; the stored pages had
normalised it); this script only lays it out the way Word holds it: items whose printed
numbers “1.” “2.” become Word list numbering (89, 91), a table printed in a PDF whose first two
columns are cells merged down from the previous page (90), and two tables whose 限期时间
cells were the same in consecutive rows and are merged down, with two persons on separate
lines in a 责任人 cell (95), and a table whose unit cells are merged down with two county leaders on
separate lines in one cell (123).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import decimal_numbering, merge_down, new_document, numbered, table  # noqa: E402


def guizhou_shuzhi() -> None:
    """89 贵州省：数智贵州建设2026年工作要点（条目由 Word 列表编号，括号内“责任单位：”）。"""
    document = new_document()
    document.add_paragraph("《数智贵州建设2026年工作要点》已经省领导同意，现印发给你们，请认真抓好贯彻落实。")
    document.add_paragraph(
        "为贯彻落实省委省政府关于大数据发展的部署，坚持算力、数据、应用、产业协同联动，加快建设数智贵州，"
        "培育壮大数字生产力，实现“十五五”良好开局，制定本工作要点。"
    )
    num_id = decimal_numbering(document, fmt="%1.")
    items = [
        "发展以智算为重点的算力产业。加快培育服务器、机架、电源设备等算力硬件制造产业。大力发展云服务、云计算等"
        "算力运营服务产业，持续壮大云服务“首位产业”。培育数据中心运维、安全、算力适配等算力配套产业。组织开展"
        "算力产业供需对接。集聚华为云生态企业累计达到150家。（责任单位：省大数据局、省工业和信息化厅，各市〔州〕、"
        "贵安新区数据管理部门。除专门列出外，以下任务均涉及各市〔州〕、贵安新区数据管理部门，不再重复）",
        "发展以建设高质量数据集为重点的数据产业。加快推进博彦科技、东软等企业或项目落地见效，培育壮大数据企业矩阵。"
        "支持企业开放数据标注需求，“一企一策”推动已建数据中心数据标注业务落地。积极争创建设国家数据产业集聚区、"
        "数据标注试点。全省从事数据标注人员达到2万人以上。（责任单位：省大数据局、贵州大数据集团）",
    ]
    for text in items:
        numbered(document, text, num_id)
    document.save(str(HERE / "89_guizhou_province_2026_shuzhi.docx"))


def zhejiang_ipr() -> None:
    """90 浙江省：知识产权工作任务表（PDF 第52页起；序号、工作重点两列是上一页合并下来的空格）。"""
    document = new_document()
    grid = table(
        document,
        ["序号", "工作重点", "工作内容", "具体任务", "成果形式", "责任部门"],
        [
            [
                "",
                "",
                "将故意侵犯知识产权行为情况纳入企业和个人信用记录",
                "完善“信用浙江”征信目录，探索建立健全知识产权社会信用监督机制，将恶意侵犯知识产权行为纳入社会信用体系",
                "恶意侵犯知识产权行为纳入“信用浙江”征信体系；出台《浙江省食品药品安全“黑名单”管理办法》",
                "省信用办、知识产权局、工商局、食品药品监管局",
            ],
            [
                "",
                "",
                "加强大型专业化市场知识产权管理和保护",
                "加强专业市场知识产权保护，有序推进知识产权保护规范化市场培育工作",
                "加大专业市场知识产权保护工作力度，遴选一批知识产权保护规范化培育市场",
                "省工商局、知识产权局",
            ],
            [
                "",
                "",
                "加强在线创意、研发成果的知识产权保护",
                "支持海宁建立版权工作服务站，支持海宁许村家纺城设立版权工作服务站，开展第十二次“剑网行动”工作",
                "第五届浙江省“知识产权杯”创意设计大赛，制定实施《浙江省打击网络侵权盗版“剑网2016”专项行动实施方案》",
                "省版权局",
            ],
            [
                "",
                "",
                "加大对小微企业知识产权保护援助力度",
                "发挥省知识产权公共服务平台、浙江专利信息传播利用基地作用，提高小微企业知识产权保护能力",
                "举办小微企业知识产权培训班15班次以上",
                "省知识产权局、经信委",
            ],
        ],
    )
    merge_down(grid, 0, 1, 4)
    merge_down(grid, 1, 1, 4)
    document.save(str(HERE / "90_zhejiang_province_2016_ipr_table.docx"))


def shandong_digital() -> None:
    """91 山东省：关于深化改革创新促进数字经济高质量发展的若干措施（条目由 Word 列表编号）。"""
    document = new_document()
    document.add_paragraph("关于深化改革创新促进数字经济高质量发展的若干措施")
    document.add_paragraph(
        "为深入贯彻习近平总书记关于数字经济重要论述，全面落实省第十二次党代会精神和“十大创新”工作部署，积极融入数字经济"
        "新时代，促进数字经济高质量发展，制定如下措施。"
    )
    document.add_paragraph(
        "总的要求是，坚持以习近平新时代中国特色社会主义思想为指导，锚定“走在前、开新局”，着力深化改革创新，推动数字经济"
        "做强做优做大，力争经过5年努力，全省数字经济增加值增长55%以上、达到5.5万亿元，数字经济核心产业增加值占GDP比重"
        "实现翻番，打造全国数字产业创新发展集聚区、产业数字化转型示范区、数字经济高质量发展新高地。"
    )
    document.add_paragraph("一、建立数字设施支撑能力提升机制")
    num_id = decimal_numbering(document, fmt="%1.")
    numbered(
        document,
        "实施“网络能力”提升行动。统筹5G网络建设布局，加快建设高质量、大规模独立组网5G网络，新开通5G基站15万个以上，"
        "总数达到30万个以上。对覆盖产业园区、服务大中型企业，面向智能制造、智慧交通、智慧医疗等垂直领域开展创新应用，"
        "且日均流量超过30GB的新建5G基站，省财政给予每个最高5000元补贴。大力发展第五代超高速光纤网络，完成宽带核心网络"
        "向TB（太字节）演进，新建10个以上“千兆城市”，实现县级以上城市家庭千兆接入能力和商务楼宇万兆接入能力全覆盖。"
        "实施山东OTN（光传送网）一体化工程、核心网北部大区扩容工程，统筹推进全省骨干网、城域网、接入网IPv6升级。"
        "（责任单位：省通信管理局、省工业和信息化厅、省财政厅、省大数据局）",
        num_id,
    )
    document.save(str(HERE / "91_shandong_province_digital_economy.docx"))


def huarong() -> None:
    """95 岳阳市华容县科技局：2017年重点工作“三明确一限期”清单（责任人是人，不是单位；限期时间纵向合并）。"""
    document = new_document()
    document.add_paragraph("华容县科技局2017年重点工作“三明确一限期”清单")
    document.add_paragraph("来源：科技局   2017-08-14 00:00")
    grid = table(
        document,
        ["任 务 名 称", "任 务 单", "工作流程", "限期时间", "责任人", "主要工作措施或要求"],
        [
            [
                "强化科技创新，确保发明专利达到省定小康标准（“六大工程”重点目标任务，县政府主要工作任务第101项）",
                "年内，完成有效发明专利120件",
                "每季度完成发明专利30件",
                "每季度末",
                "朱先涛\n刘继军",
                "①以2015年末人口数为依据，将任务分解下达至各乡镇、田家湖生态新区和工业园；②争取县委组织部支持，"
                "将知识产权列为县委党校干部培训班必学内容；③全面兑现资助经费，做好发明专利转让工作。",
            ],
            [
                "开展技术创新，高新技术产业增加值占地区生产总值比重达到20%以上。（县政府主要工作任务第111项）",
                "年末，全县高新技术产业增加值占地区生产总值比重达到21%",
                "一、二、三、四季度，占比分别达18%、19%、20%、21%",
                "每季度末",
                "张炳炎\n陈  忠",
                "①年内力争新增高新产品企业6家以上，新增高新技术企业1家以上；②全力协调配合有关部门，尽可能增加高新产品"
                "企业工业产值；③积极主动衔接市统计局，认真做好每季度联网直报。",
            ],
        ],
    )
    merge_down(grid, 3, 1, 2)
    document.save(str(HERE / "95_hunan_yueyang_huarong_2017_kjj.docx"))


def nanling() -> None:
    """123 芜湖市南陵县：2024年《政府工作报告》重点工作目标任务分解表（页面是表格第80、81行；两行相同的单位格纵向合并，一格两位县领导分行）。"""
    document = new_document()
    document.add_paragraph("2024年《政府工作报告》重点工作目标任务分解表")
    document.add_paragraph("附件")
    document.add_paragraph("2024年《政府工作报告》重点工作目标任务分解表")
    grid = table(
        document,
        ["序号", "目标与任务", "分 管 县领导", "牵头责任单位", "责任单位"],
        [
            [
                "80",
                "极回应群众新期待新要求，加大普惠性托育供给，新增托位数400个以上，公办园在园幼儿占比60%以上。"
                "实施中小学办学能力提升工程，推动义务教育优质均衡发展。实施中小学办学能力提升工程，推动义务教育优质均衡发展。",
                "俞 悦",
                "县教育局",
                "县各有关单位",
            ],
            [
                "81",
                "保障芜职院现代物流智造学院秋季开学，支持芜湖科技工程学校发展，探索职业教育赋能区域发展路径。",
                "陆 明\n俞 悦",
                "县教育局",
                "县各有关单位",
            ],
        ],
    )
    merge_down(grid, 3, 1, 2)
    merge_down(grid, 4, 1, 2)
    document.save(str(HERE / "123_anhui_wuhu_nanling_2024.docx"))


def jingyang() -> None:
    """124 德阳市旌阳区：2016年度经济社会发展目标任务分解表。

    页面把表格拆成每格一行：有的行只印了“项目”“分值”两格，或再加“目标任务”一格，缺的格是与上一行合并的
    纵向合并格（目标任务、监考单位），docx中照此纵向合并；“项 目”表头横跨类别和项目两列（横向合并）；
    一格两个监考单位在页面上连成一串（“区发改局区统计局”），docx中分两行。
    """
    document = new_document()
    document.add_paragraph("各乡镇人民政府，区级各有关部门：")
    document.add_paragraph(
        "根据《德阳市人民政府关于下达全市2016年度经济社会发展目标任务的通知》要求及区委、区政府年度工作安排，"
        "现将全区2016年度经济社会发展目标任务下达你们，请及时对照分解、强化措施，确保按时完成全年目标任务。"
    )
    document.add_paragraph("特此通知")
    document.add_paragraph("附件：旌阳区2016年度经济社会发展任务分解表")
    document.add_paragraph("德阳市旌阳区人民政府")
    document.add_paragraph("2016年8月18日")
    document.add_paragraph("附件")
    document.add_paragraph("旌阳区2016年度经济社会发展目标任务分解表")
    kh = "年终根据全省平均水平综合考核"
    rows = [
        ["宏观调控", "地区生产总值增长率", "3", kh, "区发改局\n区统计局"],
        ["宏观调控", "规模以上工业增加值增长率", "3", kh, "区经信局\n区统计局"],
        ["宏观调控", "服务业增加值增长率", "3", kh, "区商务局\n区统计局"],
        ["宏观调控", "社会消费品零售总额增长率", "3", kh, "区商务局\n区统计局"],
        ["宏观调控", "地方公共财政收入增长率", "3", kh, "区财政局"],
        ["宏观调控", "税收占地方公共财政收入的比重及变化率", "2", kh, "区财政局"],
        ["宏观调控", "全社会固定资产投资额", "3", "186", "区发改委\n区统计局"],
        ["宏观调控", "完成重点项目年度投资计划", "2", "18.4", "区发改委\n区统计局"],
        ["宏观调控", "建筑业总产值", "1", "140", "区住建局"],
        ["宏观调控", "工业投资", "1", "52", "区经信局\n区统计局"],
        ["宏观调控", "引进国内省外实际到位资金", "1", "62", "区投促局"],
        ["宏观调控", "新引进 5 亿元以上重大项目", "3", "9", "区投促局"],
        ["宏观调控", "外商投资实际到位资金", "1", "1500", "区商务局"],
        ["宏观调控", "外贸进出口额", "1", "10000", "区商务局"],
        ["宏观调控", "地方政府债务率", "0.5", "年终按财政部认可警戒线比较考核", "区财政局"],
        ["宏观调控", "地方政府新增债务率", "0.5", kh, "区财政局"],
        ["宏观调控", "高新技术产业总产值", "1", "290", "区科技局"],
        ["宏观调控", "创新创业孵化载体", "1", "1", "区科技局"],
        ["宏观调控", "淘汰落后产能任务完成率", "1", "100", "区经信局"],
        ["宏观调控", "技改投资", "1", "46", "区经信局"],
        ["宏观调控", "银行新增贷款额", "1", "15", "区金融办"],
        ["宏观调控", "发明专利申请量", "1", "210", "区科技局"],
        ["公共服务", "城镇新增就业人数", "1", "5800", "区人社局"],
        ["公共服务", "城镇登记失业率", "1", "低于 4.1", "区人社局"],
    ]
    grid = table(document, ["项 目", "", "分值", "目标任务", "监考单位"], rows)
    header = grid.rows[0].cells  # type: ignore[attr-defined]
    header[0].merge(header[1])
    header[0].paragraphs[0].text = "项 目"
    for extra in header[0].paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    # the page printed the group label at the top and again after a page break (row 11)
    merge_down(grid, 0, 1, 10)
    merge_down(grid, 0, 11, 22)
    merge_down(grid, 0, 23, 24)
    # cells the page printed once for two rows
    for column, first, last in (
        (3, 3, 4),
        (4, 3, 4),
        (3, 5, 6),
        (4, 5, 6),
        (4, 7, 8),
        (4, 11, 12),
        (4, 13, 14),
        (4, 15, 16),
        (4, 17, 18),
        (4, 19, 20),
        (4, 23, 24),
    ):
        merge_down(grid, column, first, last)
    document.save(str(HERE / "124_sichuan_deyang_jingyang_2016.docx"))


def main() -> None:
    guizhou_shuzhi()
    zhejiang_ipr()
    shandong_digital()
    huarong()
    nanling()
    jingyang()


if __name__ == "__main__":
    main()
