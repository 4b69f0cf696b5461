"""Build the .docx documents of held-out set x93 (1130–1139) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x93_docx.py

See ../make_docx.py for the layout helpers. Every document of this set prints its tasks as a table (分工表, 任务清单,
责任清单, 台账, 进展表), from places outside 华东. The stored pages hold only the first ~2,000 characters of each page,
so each table ends where its page does (the half-read row at the end is left out, as the README says). The pages show
a table with “ | ” between cells, one cell a line, or run together with no separator; it is rebuilt here cell by cell
as a real Word table with the page's own header: a cell the page prints once over the rows below it is merged down,
a group row printed once across the table is merged across, and the lines the page shows inside one cell are kept as
lines (paragraphs) of that cell. Half-width commas, colons, semicolons and brackets that the stored pages carry are
written in full width, as in every transcription of the corpus; everything else is as the page prints it (the words
before a table are paragraphs, one a line).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, merge_down, new_document, table  # noqa: E402

# ---------------------------------------------------------------------------------------------------------------
# 1130 肇庆市：工作任务落实进展情况表（页面从表头起，未印标题；大类|序号|工作任务|分管市领导|牵头单位及主要负责人|
# 落实进展情况；大类格只印在第1行；页面在第4行的进展格中断，第4行的任务、领导、单位完整）

ZHAOQING_HEADER = ["大类", "序号", "工作任务", "分管\n市领导", "牵头单位及\n主要负责人", "落实进展情况"]

ZHAOQING_ROWS = [
    [
        "一、继续提高底线民生保障水平",
        "1",
        "将城镇、农村低保人均最低补差水平从每人每月574元、271元分别提高到每人每月609元、300元。",
        "陈宣群",
        "市民政局\n伍泽国",
        "已完成。\n从2020年1月1日起，已将我市城乡低保标准提高到835元/人月；中心区补差水平提高到城镇616元/人月、"
        "农村459元/人月，山区县补差水平提高到城镇609元/人月、农村300元/人月。",
    ],
    [
        "",
        "2",
        "特困供养人员基本生活标准不低于当地最低生活保障标准的1.6倍，且不低于当地现行特困人员基本生活标准。",
        "陈宣群",
        "市民政局\n伍泽国",
        "已完成。\n从2020年1月1日起，已提高我市城乡特困人员供养最低标准，其中，端州区提高到20100元/人年，"
        "鼎湖区提高到17340元/人年，高要区、四会市、广宁县、德庆县、封开县、怀集县提高到16032元/人年，"
        "肇庆高新区提高到30000元/人年。",
    ],
    [
        "",
        "3",
        "将全市集中供养孤儿养育标准提高到每人每月2200元，将端州区、鼎湖区、高要区、四会市、肇庆高新区分散供养孤儿"
        "养育标准提高到每人每月1400元，广宁县、德庆县、封开县、怀集县分散供养孤儿养育标准提高到每人每月1180元。",
        "陈宣群",
        "市民政局\n伍泽国",
        "已完成。\n从2020年1月1日起，已将端州区、鼎湖区、高要区、四会市、肇庆高新区集中供养孤儿养育标准提高到"
        "2200元/人月，分散供养孤儿养育标准提高到1400元/人月；广宁县、德庆县、封开县、怀集县集中供养孤儿养育标准"
        "提高到2200元/人月，分散供养孤儿养育标准提高到1180元/人月。",
    ],
    [
        "",
        "4",
        "将困难残疾人生活补贴和重度残疾人护理补贴标准分别从每人每年2100元、2800元提高到每人每年2200元、2900元。",
        "陈宣群",
        "市民政局\n伍泽国",
        "已完成。\n从2020年1月1日起，已将我市困难",
    ],
]


def zhaoqing() -> None:
    document = new_document()
    grid = table(document, ZHAOQING_HEADER, ZHAOQING_ROWS)
    merge_down(grid, 0, 1, 4)  # 大类 is printed once over rows 1–4
    document.save(str(HERE / "1130_guangdong_zhaoqing_dixian_minsheng_gongzuo_renwu_luoshi_jinzhan.docx"))


# ---------------------------------------------------------------------------------------------------------------
# 1131 成都市龙泉驿区人民政府：关于2009年重点推进重大项目有关事项的通知（龙府发〔2009〕23号），附件情况表
# （文档分享网站的预览，各格连在一起，按表头拆开：序号|项目名称|建设阶段|总投资|2009年计划投资|项目业主|牵头协调部门|
# 牵头区领导；页面在第3行的项目业主格中断，前两行和合计行）

LONGQUANYI_PARAGRAPHS = [
    "龙府发〔2009〕23号",
    "成都市龙泉驿区人民政府关于2009年重点推进重大项目有关事项的通知",
    "各街道办事处、镇（乡）人民政府，区政府有关部门：",
    "为全面贯彻落实市委十一届六次全会精神，深入实施城乡统筹、“四位一体”科学发展总体战略，加快灾后重建步伐，"
    "增加投资、扩大内需，充分发挥重大项目对经济社会发展的支撑和导向作用，保持区域经济平稳较快发展，根据市政府"
    "《关于2009年重点推进金融后援支持中心等43个重大项目的通知》（成府发〔2009〕23号）精神，经区政府研究，"
    "决定对十陵景区项目等9个重大项目予以重点推进。",
    "重点推进的重大项目实行区领导联系协调制，每个项目确定一位区领导协调解决推进中的具体困难和问题。各街镇（乡）、"
    "区政府有关部门要明确牵头责任人，细化工作方案，落实具体责任分工；要加大协调力度，做细做实保障服务，集中力量"
    "抓出实效；区目督办要定期对项目推进情况进行督查，确保重大项目顺利实施。",
    "附件：龙泉驿区2009年重点推进的9个重大项目情况表",
    "二○○九年五月十四日",
    "主题词：经济管理项目推进通知",
    "抄送：区委办，区人大办，区政协办，经开区管委会办。",
    "成都市龙泉驿区人民政府办公室2009年5月14日印（共印30份）",
    "附件",
    "成都市龙泉驿区2009年重点推进的9个重大项目情况表",
    "单位：万元",
]

LONGQUANYI_HEADER = [
    "序号",
    "项目名称",
    "建设阶段",
    "总投资",
    "2009年计划投资",
    "项目业主",
    "牵头协调部门",
    "牵头区领导",
]

LONGQUANYI_ROWS = [
    ["合计", "", "", "7089078", "737500", "", "", ""],
    ["1", "十陵景区项目", "加快建设", "430000", "20000", "市兴城公司", "区建设局", "王天刚\n郭代辉"],
    [
        "2",
        "成都市农产品交易中心项目",
        "加快建设",
        "320000",
        "3000",
        "四川聚和生态农业发展有限公司、温州中瑞财团四川投资有限公司、聚和村农村股份合作社",
        "区农发局",
        "宋凯",
    ],
]


def longquanyi() -> None:
    document = new_document()
    for text in LONGQUANYI_PARAGRAPHS:
        document.add_paragraph(text)
    grid = table(document, LONGQUANYI_HEADER, LONGQUANYI_ROWS)
    merge_across(grid, 1, 0, 2)  # 合计 spans 序号, 项目名称 and 建设阶段
    document.save(str(HERE / "1131_sichuan_chengdu_longquanyi_2009_zhongdian_tuijin_zhongda_xiangmu.docx"))


# ---------------------------------------------------------------------------------------------------------------
# 1132 西安市人民政府：安全生产大检查通知的第2页（法规网站分页转载；页面从第四节的末段起，通知标题在第1页，未存）；
# 附件“市政府安全生产督查组分组表”（分 组|督查组牵头单位|督查单位|备 注，一格一行、格后“|”）；页面在第十二组的督查单位格前中断

XIAN_PARAGRAPHS = [
    "各区县政府、各开发区管委会和市级各有关部门主要负责同志是安全生产第一责任人，要亲自抓、负总责，切实加强对安全生产"
    "工作的领导。对本辖区、本部门的安全生产工作要掌握实情、解决困难、落实责任、督促检查，切实抓好各项安全工作措施的落实。"
    "要认真组织开展好这次全市安全生产大检查，对因检查不到位、责任不落实，隐患排查治理和打击非法违法生产经营建设行为不"
    "彻底，导致事故发生的有关人员和领导，要依法依规严肃追究责任。",
    "五、加强值守，准确及时上报事故信息",
    "各区县政府、各开发区管委会及市级各有关部门要严格执行生产安全事故信息报送制度，加强应急值守，遇到突发事故和突发事件，"
    "必须在规定的时间内，逐级上报事故情况，并在第一时间启动应急预案，开展抢险救援，确保事故救援工作及时、有序开展。",
    "各区县政府、各开发区管委会及市级各有关部门要于4月20日前将安全生产大检查贯彻落实情况以书面形式报市政府。",
    "市政府15个安全生产督查组，要于4月20日前对各区县政府和各开发区管委会开展安全生产大检查活动情况进行督促检查，"
    "并将督查情况于4月25日前报市政府，分组督查表附后。",
    "附件：市政府安全生产督查组分组表",
    "二○一二年四月五日",
    "附件：",
    "市政府安全生产督查组分组表",
]

XIAN_HEADER = ["分 组", "督查组牵头单位", "督查单位", "备 注"]

XIAN_ROWS = [
    ["第一组", "市安监局", "雁塔区", ""],
    ["第二组", "市规划局", "灞桥区", ""],
    ["第三组", "市公安局", "长安区", ""],
    ["第四组", "市农委", "临潼区", ""],
    ["第五组", "市人社局", "周至县", ""],
    ["第六组", "市卫生局", "未央区", ""],
    ["第七组", "市总工会", "新城区", ""],
    ["第八组", "市商务局", "碑林区", ""],
    ["第九组", "市质监局", "莲湖区", ""],
    ["第十组", "市国土局", "户 县", ""],
    ["第十一组", "市国资委", "高陵县", ""],
]


def xian() -> None:
    document = new_document()
    for text in XIAN_PARAGRAPHS:
        document.add_paragraph(text)
    table(document, XIAN_HEADER, XIAN_ROWS)
    document.save(str(HERE / "1132_shaanxi_xian_2012_anquan_shengchan_dajiancha_duchazu_fenzu_p2.docx"))


# ---------------------------------------------------------------------------------------------------------------
# 1133 河北 邯郸 成安县：第三轮省生态环境保护督察整改任务销号的公示（公示正文和附件“具体整改情况表”，两栏的标签表：
# 整改任务|责任单位|整改目标|整改措施各一行；页面在整改措施第三条中断；页头的索引号等信息框不录）

CHENGAN_PARAGRAPHS = [
    "关于第三轮省生态环境保护督察整改任务销号的公示",
    "第三轮省生态环境保护督察指出的“河长巡查流于形式”问题已完成整改，并通过验收，拟按程序实施销号。根据《河北省生态"
    "环境保护督察整改工作办法》有关要求，现将问题整改情况予以公示，公示期为2026年1月27日至2026年2月9日。如有异议，"
    "请通过电话或电子邮箱形式反馈。",
    "电话：0310-7211243",
    "邮箱：hdchengan@163.com",
    "附件：具体整改情况表",
    "具体整改情况表",
]

CHENGAN_ROWS = [
    [
        "整改任务",
        "河长巡查流于形式。2025年，成安县商城镇生产团结西干渠镇、村两级河长巡查522次，仅发现2处垃圾问题。督察组在该段"
        "河道1小时内发现2个排污口、1个雨水溢流口、一段黑臭水体。督察发现河道垃圾乱倒、生活污水直排、企业非法排污、盗采"
        "河砂等问题53个，其中永年区16个、成安县9个、大名县4个、经开区3个、冀南新区4个、广平县3个、武安市3个、邯山区1个、"
        "临漳县2个、魏县2个、丛台区2个、曲周县2个、馆陶县1个、肥乡区1个。",
    ],
    ["责任单位", "成安县水利局、市生态环境局成安县分局、市政公用事业服务中心、商城镇"],
    ["整改目标", "强化基层河长责任落实。"],
    [
        "整改措施",
        "（一）强化履职监督。加强河长履职能力培训，提高基层河长履职能力。开展检查、抽查、督导工作，通过电话抽查、实地巡查"
        "等方式，对县、乡、村三级河长巡河履职情况开展督导检查，对基层河长履职不到位情况适时通报。\n"
        "（二）加强排查整治。对反馈问题限期整改到位，县水利局组织人员对河渠“四乱”问题开展拉网式排查，建立台账，动态清零。\n"
        "（三）完善长效机制。发挥部门会商研判指",
    ],
]


def chengan() -> None:
    document = new_document()
    for text in CHENGAN_PARAGRAPHS:
        document.add_paragraph(text)
    grid = document.add_table(rows=len(CHENGAN_ROWS), cols=2)
    grid.style = "Table Grid"
    for i, (label, text) in enumerate(CHENGAN_ROWS):
        grid.cell(i, 0).text = label
        lines = text.split("\n")
        grid.cell(i, 1).text = lines[0]
        for extra in lines[1:]:
            grid.cell(i, 1).add_paragraph(extra)
    document.save(str(HERE / "1133_hebei_handan_chengan_2026_duchazhenggai_xiaohao_gongshi.docx"))


def main() -> None:
    zhaoqing()
    longquanyi()
    xian()
    chengan()


if __name__ == "__main__":
    main()
