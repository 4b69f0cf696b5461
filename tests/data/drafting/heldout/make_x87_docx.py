"""Build the .docx documents of held-out set x87 (1070–1079) from the stored pages named in ../README.md.

    python tests/data/drafting/heldout/make_x87_docx.py

See ../make_docx.py for the layout helpers. Every document of this set prints its tasks as a table (分工表, 任务清单,
责任清单, 台账), from places in 华东 and 华南. The stored pages hold only the first ~2,000 characters of each page, so
each table ends where its page does (the half-read row at the end is left out, as the README says). The pages show a
table with “ | ” between cells or one cell a line; it is rebuilt here cell by cell as a real Word table with the page's
own header: a cell the page prints once over the rows below it is merged down, a group row printed once across the
table is merged across, and the lines the page shows inside one cell are kept as lines (paragraphs) of that cell.
Half-width commas, colons and brackets that the stored pages carry are written in full width, as in every
transcription of the corpus; everything else is as the page prints it (the words before a table are paragraphs,
one a line).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, merge_down, new_document, table  # noqa: E402, F401

# ---------------------------------------------------------------------------------------------------------------
# 1070 上海市闵行区：乡村振兴重点任务清单（页面未印标题；类别|序号|任务名称|任务要求及举措|责任部门（加*号为牵头部门）|
# 责任街镇|完成时间节点；类别格只印在一组的第一行；页面在第5行的责任街镇格中断，前4行）

MINHANG_HEADER = [
    "类别",
    "序号",
    "任务名称",
    "任务要求及举措",
    "责任部门\n（加*号为牵头部门，\n其余为参与部门）",
    "责任街镇",
    "完成时间节点",
]

MINHANG_ROWS = [
    [
        "（一）\n持续\n推进\n“两个\n示范村”\n建设",
        "1",
        "完成2022年度\n乡村振兴示范村建设",
        "完成2022年度1个乡村振兴示范村建设。对照建设项目清单，如期完成建设任务，加强特色风貌塑造，加大乡村产业培育力度，"
        "改善乡村环境面貌，持续提升建设水平。",
        "区农业农村委*",
        "浦江镇",
        "10月底",
    ],
    [
        "",
        "2",
        "开展2023年度\n乡村振兴示范村建设",
        "按市级部署遴选1个示范村开展建设，完成村庄设计，形成建设项目清单。按照产业特色鲜明、社会主体参与、区域联动建设实施"
        "要求推进建设，明显提升乡村风貌。",
        "区农业农村委*",
        "浦江镇",
        "12月底",
    ],
    [
        "",
        "3",
        "开展市级\n美丽乡村示范村创建",
        "按市级部署开展美丽乡村示范村创建工作，年内形成若干个生态环境优良、村容风貌靓丽、设施配置到位、管护机制落实的美丽乡村"
        "典型。",
        "区农业农村委*",
        "浦江镇、浦锦街道、\n马桥镇、华漕镇",
        "12月底",
    ],
    [
        "（二）\n全面\n推进\n农民\n集中\n居住",
        "4",
        "推进\n农民相对集中居住",
        "持续稳妥推进农民相对集中居住，完成年度工作目标任务，加快推进已签约项目的安置基地建设，紧抓项目质量安全，保障农户入住"
        "满意度。",
        "区农业农村委*、\n区规划资源局、\n区房管局、\n区财政局、\n区征收中心",
        "浦江镇、浦锦街道、\n梅陇镇、颛桥镇",
        "12月底",
    ],
]


def minhang() -> None:
    document = new_document()
    grid = table(document, MINHANG_HEADER, MINHANG_ROWS)
    merge_down(grid, 0, 1, 3)  # （一） is printed once over rows 1–3
    document.save(str(HERE / "1070_shanghai_minhang_xiangcun_zhenxing_zhongdian_renwu_qingdan.docx"))


# ---------------------------------------------------------------------------------------------------------------
# 1071 青岛市政府办公厅：2017年政府工作报告公开挂牌督办事项上半年进展情况（序号|公开挂牌督办事项|年度工作任务和目标|
# 责任单位|上半年进展；页面在第2行的进展格中断）

QINGDAO_PARAGRAPHS = [
    "2017年政府工作报告公开挂牌督办事项上半年进展情况",
    "青岛政务网 发布日期 ： 2017-07-13 来源 ： 青岛市政府办公厅",
    "为推动2017年市政府工作报告各项任务目标落细落小落地落实，市政府办公厅对政府工作报告确定事项进行了责任分解和挂牌督办，"
    "并定期将其中30项进展情况进行公开。",
    "政府工作报告公开挂牌督办事项上半年进展",
]

QINGDAO_HEADER = ["序号", "公开挂牌督办事项", "年度工作任务和目标", "责任单位", "上半年进展"]

QINGDAO_ROWS = [
    [
        "1",
        "全市生产总值增长8%左右。固定资产投资增长12%左右。居民人均可支配收入增长8%左右，确保居民收入增长与经济增长同步。"
        "完成年度节能减排降碳任务。",
        "全市生产总值增长8%左右，固定资产投资增长12%左右，确保居民收入增长与经济增长同步，全年万元GDP能耗下降3.43%，"
        "完成年度计划目标。",
        "市发展改革委、市经济信息化委、市财政局、市农委、市商务局、市环保局、市金融工作办、市国税局、市地税局",
        "加强经济运行调度，强化对重点行业领域、重点区市、重点企业调度服务，每月通报相关行业指标、各区市主要指标运行情况。"
        "一业一策推进重点产业转型升级，深入推动重点项目提速建设，全力推进重大项目招商建设，扎实开展全市新旧动能转换重大工程。"
        "上半年全市经济运行总体企稳、稳中有进，生产总值增长7.7%，固定资产投资增长9.3%，居民收入增长与经济发展保持同步，"
        "节能减排工作按进度推进。",
    ],
    [
        "2",
        "社会消费品零售总额增长10.5%左右。国际贸易总额增长5%左右。",
        "全年实现社会消费品零售总额增长10.5%左右。国际贸易总额1044亿美元，增长5%。其中，货物进出口4583亿元，保持正增长；"
        "服务进出口140亿美元，增长16%；境外投资贸易229亿美元，增长6%",
        "市商务局",
        "社会消费情况：1-5月份，全市限上批发企业实现销售额18",
    ],
]


def qingdao() -> None:
    document = new_document()
    for text in QINGDAO_PARAGRAPHS:
        document.add_paragraph(text)
    table(document, QINGDAO_HEADER, QINGDAO_ROWS)
    document.save(
        str(HERE / "1071_shandong_qingdao_2017_zhengfu_gongzuo_baogao_guapai_duban_shangbannian_jinzhan.docx")
    )


# ---------------------------------------------------------------------------------------------------------------
# 1072 青岛市即墨区：2022年政府工作报告确定重点工作三季度进展情况表（格与格之间没有分隔，按表头拆开；
# 序号|工作事项|2022年具体工作内容和任务目标|主办单位|完成时限|三季度工作进展情况|下一步工作计划；页面在第1行的进展格中断）

JIMO_PARAGRAPHS = [
    "政府工作报告确定2022年重点工作事项工作进展情况表（第三季度）",
    "发布日期：2022-10-07",
    "2022年即墨区政府工作报告确定重点工作三季度进展情况表",
]

JIMO_HEADER = [
    "序号",
    "工作事项",
    "2022年具体工作\n内容和任务目标",
    "主办单位",
    "完成\n时限",
    "三季度工作进展情况",
    "下一步工作计划",
]

JIMO_ROWS = [
    [
        "1",
        "规划布局创新奇智人工智能产业园。",
        "①规划建设人工智能产业区。以创新奇智为产业龙头，以海尔国际广场及其周边区域为空间载体基础，规划一个总占地约200亩，"
        "总建筑面积不低于20万平方米的人工智能产业园区，其中1期启动面积不低于2万平方米。②加强人工智能产业链条招商力度。"
        "一是深挖创新奇智上下游人工智能产业链条，联合创新奇智等人工智能企业，年内举办新一代信息技术主题峰会、论坛等大型活动"
        "不少于1次；二是加大以人工智能为主的新一代信息技术产业招商引资工作力度，推进华傲数据、腾讯云、拓维信息等重点在谈项目"
        "签约落地，2022年新一代信息技术企业形成产值不低于7亿元，园区产业氛围初步形成。③进一步完善产业园区基础配套。"
        "一是出台扶持政策，针对人工智能产业园出台相应的入园配套政策，对入住园区的人工智能企业给予更加优惠的政策倾斜；"
        "二是加快人才公寓建设，推进人工公寓5月前投入运营使用，吸引项目人才入住；三是完善周边生活性服务业配套，推进保障中粮"
        "商业5月前营业，大悦春风里8月前开门营业，开发区商业氛围进一步活跃。",
        "经济开发区管委",
        "12月底",
        "创新奇智人工智能高峰论坛已提交方案，正在联合创新奇智对接工信局研究疫情平稳后举办活动细节，修改方案；人工智能产业园区"
        "方案设计初稿已完成，正在拟定园区配套政策；已完成在谈项目线上、线下对接超过50次，已引进注册创新奇智联合体企业3家，"
        "引进奥利",
        "",
    ],
]


def jimo() -> None:
    document = new_document()
    for text in JIMO_PARAGRAPHS:
        document.add_paragraph(text)
    table(document, JIMO_HEADER, JIMO_ROWS)
    document.save(str(HERE / "1072_shandong_qingdao_jimo_2022_zhongdian_gongzuo_sanjidu_jinzhan.docx"))


# ---------------------------------------------------------------------------------------------------------------
# 1073 宁波市江北区（镜像站繁体转载，转回简体；页面未印标题和区名）：任务项目指标进展表（序号|任务项目指标|责任单位|进展比例；
# 页面在第13行的任务格中断，前12行）

JIANGBEI_HEADER = ["序号", "任务项目指标", "责任单位", "进展比例"]

JIANGBEI_ROWS = [
    ["1", "为3.078万60岁以上老年人免费接种流感疫苗。", "区卫生健康局", "20%"],
    ["2", "为1.22万60岁以上重点人群免费开展结直肠癌筛查。", "区卫生健康局", "40%"],
    ["3", "在公共场所新增配置自动体外除颤仪115台。", "区卫生健康局", "80%"],
    ["4", "培训应急救护人员575人以上。", "区红十字会", "50%"],
    [
        "5",
        "实行全省医保参保人员一地签约、全省共享基层门诊签约报销比例（基层医疗机构门诊报销比例≥50%）。",
        "区医疗保障局",
        "市统\n项目",
    ],
    ["6", "省内异地结算定点医院开通率达100%。", "区医疗保障局", "100%"],
    ["7", "持有居住证的义务教育段随迁子女就读公办学校比例达95%以上。", "区教育局", "70%"],
    ["8", "实施10个中小学校“示范食堂”建设行动。", "区市场监管局", "75%"],
    ["9", "全面推行长期护理保险制度，参保人数达到37.69万人以上。", "区医疗保障局", "100%"],
    [
        "10",
        "为全区所有适龄女生免费接种二价HPV疫苗，2024年重点为13-14岁女生接种304人。",
        "区卫生健康局",
        "40%",
    ],
    [
        "11",
        "加强孤独症儿童医疗康复救治，孤独症门诊治疗享受住院医疗保障水平（儿童孤独症政策内报销比例≥60%）。",
        "区医疗保障局",
        "市统\n项目",
    ],
    ["12", "新增残疾人就业50人以上。", "区残联", "90%"],
]


def jiangbei() -> None:
    document = new_document()
    table(document, JIANGBEI_HEADER, JIANGBEI_ROWS)
    document.save(str(HERE / "1073_zhejiang_ningbo_jiangbei_2024_renwu_xiangmu_zhibiao_jinzhan.docx"))


# ---------------------------------------------------------------------------------------------------------------
# 1074 福州市园林中心：2021年为民办实事项目进展情况月报表（11月份）（三张两栏的项目表，栏名在左；整页）

FUZHOU_TITLE = [
    "2021年为民办实事项目进展情况月报表（11月份）",
    "时间：2021-12-08 14:50",
]

FUZHOU_TABLES = [
    (
        "2021年省为民办实事项目进展情况月报表（11月份）",
        [
            ["项 目\n名 称", "新建和改造提升城市绿道500公里（城市更新中要求新建福道1000公里）"],
            ["我市\n任务", "新建和改造提升城市绿道130公里"],
            [
                "进 展\n情 况",
                "经与省里确认，项目已完成年度目标任务。完成新建和改造福山郊野公园福道、南二环水晶榕著绿道、鹤林路沿线街头公园园路、"
                "旗山湖园路和步道等城市绿道共计140.01公里。其中，福州市本级8.5公里，鼓楼10公里、台江3公里、仓山11公里、晋安10公里、"
                "马尾10.05公里、高新区10公里、长乐10公里、福清10.01公里、闽侯10公里、闽清15.9公里、连江10.25公里、罗源10公里、"
                "永泰11.3公里。",
            ],
            ["存 在\n困 难\n和问题", "无"],
            ["进 度\n是 否\n滞 后", "否"],
        ],
    ),
    (
        "2021年市为民办实事项目进展情况月报表（11月份）",
        [
            ["项目名称", "城区交通等候区、公交站、街头绿地等增种林荫50处"],
            ["进展情况", "已完成该项任务，2021年城区交通等候区、公交站、街头绿地等增种林荫共计51处。"],
            ["存 在\n困 难\n和问题", ""],
            ["进 度是 否滞 后", "否"],
        ],
    ),
    (
        "2021年市为民办实事项目进展情况月报表 （11月份）",
        [
            ["项目名称", "建设或改造提升街旁公园100处"],
            ["进展情况", "已完成任务，2021年建设或改造提升街旁公园共计完成105处。"],
            ["存 在\n困 难\n和问题", "无"],
            ["进 度是 否滞 后", "否"],
        ],
    ),
]


def fuzhou() -> None:
    document = new_document()
    for text in FUZHOU_TITLE:
        document.add_paragraph(text)
    for caption, rows in FUZHOU_TABLES:
        document.add_paragraph(caption)
        table(document, rows[0], rows[1:])  # the first label row stands where a header would
    document.add_paragraph("来源：福州市园林中心")
    document.save(str(HERE / "1074_fujian_fuzhou_yuanlin_2021_weimin_banshishi_jinzhan_yuebao_11yue.docx"))


# ---------------------------------------------------------------------------------------------------------------
# 1075 广州市人民政府办公厅：2021年重点工作落实情况“任务163”（两栏的标签表：重点工作|牵头单位|年度阶段性工作目标|
# 进展情况、存在问题及下一步工作建议；整页）

GUANGZHOU_PARAGRAPHS = ["任务163", "2022-04-14", "来源：广州市人民政府办公厅"]

GUANGZHOU_ROWS = [
    ["重点工作：", "全面推行林长制。"],
    ["牵头单位：", "市林业园林局"],
    [
        "年度阶段性工作目标：",
        "第一季度：成立由局主要领导为组长的全面推行林长制专项工作小组，组建工作专班，工作全面启动。\n"
        "第二季度：总结梳理增城区林长制试点经验，督导各区成立林长制工作专班，开展林长制相关工作。\n"
        "第三季度：印发我市全面推行林长制实施方案及相关政策文件并组织实施，筹备成立市总林长办公室，积极推动全市林长制工作，"
        "构建起四级林长体系。\n"
        "第四季度：全面推行林长制。",
    ],
    [
        "进展情况、存在问题\n及下一步工作建议：",
        "已完成。\n"
        "至2021年12月31日，11个区已印发区全面推行林长制工作方案和成立区全面推行林长制工作领导小组及办公室。全市已建成市、区、"
        "镇（街）、村（社区）四级林长体系，共设立各级林长 9399名，其中市级林长15名，区级林长164名，镇（街）级林长1480名，"
        "村（社区）林长7740 名。",
    ],
]


def guangzhou() -> None:
    document = new_document()
    for text in GUANGZHOU_PARAGRAPHS:
        document.add_paragraph(text)
    table(
        document, GUANGZHOU_ROWS[0], GUANGZHOU_ROWS[1:]
    )  # a label table: the first row stands where a header would
    document.save(str(HERE / "1075_guangdong_guangzhou_2021_zhongdian_gongzuo_renwu163_linzhangzhi.docx"))


def main() -> None:
    minhang()
    qingdao()
    jimo()
    jiangbei()
    fuzhou()
    guangzhou()


if __name__ == "__main__":
    main()
