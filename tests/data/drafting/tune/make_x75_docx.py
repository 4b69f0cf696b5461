"""Build the .docx documents of held-out set x75 (950–957) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x75_docx.py

See ../make_docx.py for the layout helpers. Every document of this set prints its tasks as a table, from places
outside 浙江. The stored pages hold only the first ~2,000 characters of each page, so each table ends where its page
does (the half-read row at the end is left out, as the README says). The pages show a table with “ | ” between
cells, one cell a line, or (957) run together with no separator; either way it is rebuilt here cell by cell as a real
Word table with the page's own header: a cell the page prints once over the rows below it is merged down, a header
cell that stands over two columns of the rows is merged across, several lines that the page shows inside one cell are
kept as lines of that cell. Half-width commas, colons and brackets that the stored pages carry are written in full width, as in every
transcription of the corpus; everything else is as the page prints it.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, merge_down, new_document, table  # noqa: E402

# ---------------------------------------------------------------------------------------------------------------
# 950 池州市信访局：政务公开重点任务清单（页面未印标题和年份；工作任务|具体要求（序号和要求两栏）|责任科室|时限要求）

CHIZHOU_HEADER = ["工作任务", "具体要求", "", "责任科室", "时限要求"]

CHIZHOU_ROWS = [
    [
        "强化行政规范性文件集中规范公开",
        "1",
        "对行政规范性文件进行全面清理，并向社会公布现行有效行政规范性文件目录。",
        "办公室",
        "年底前",
    ],
    [
        "深化政策解读形式",
        "2",
        "积极做好政策解读工作，持续提升政策解读质量，丰富解读形式。",
        "各科室",
        "持续推进",
    ],
    [
        "做好主动公开基础工作",
        "3",
        "严格规范政府信息公开专栏，及时、集中、规范发布法定主动公开内容。严格执行政府信息公开制度，"
        "完善政府信息公开保密审查，增强保密意识，防范泄密风险。",
        "各科室",
        "持续推进",
    ],
    [
        "",
        "4",
        "规范做好政府信息公开工作年度报告编制发布工作，将年度重点工作任务落实情况纳入年报，确保体例规范、数据准确，"
        "接受社会监督。",
        "办公室",
        "持续推进",
    ],
    [
        "规范办理依申请公开",
        "5",
        "依法依规办理政府信息公开申请，做行政复议答复和行政诉讼答辩工作，防范法律风险。",
        "各科室",
        "持续推进",
    ],
    [
        "认真抓好工作落实",
        "6",
        "制定并公开本部门政务公开重点任务清单，明确具体要求、责任科室及完成时限，逐项推动工作落实",
        "办公室",
        "持续推进",
    ],
    ["加强宣传", "7", "积极参加“政务公开交流”约稿活动，认真总结报送优秀稿件。", "各科室", "持续推进"],
    ["做好指导监督", "8", "积极参加政务公开工作培训和研讨交流，不断提升业务能力。", "办公室", "持续推进"],
]


def chizhou() -> None:
    document = new_document()
    grid = table(document, CHIZHOU_HEADER, CHIZHOU_ROWS)
    # the header's 具体要求 stands over the 序号 column and the requirement column
    merge_across(grid, 0, 1, 2)
    merge_down(grid, 0, 3, 4)  # 做好主动公开基础工作 is printed once over items 3 and 4
    document.save(str(HERE / "950_anhui_chizhou_xinfangju_zhengwu_gongkai_zhongdian_renwu_qingdan.docx"))


# ---------------------------------------------------------------------------------------------------------------
# 951 江门市土地储备中心：政务公开工作任务表（页面未印标题和年份；工作任务|具体要求|责任部门，工作任务纵向合并）

JIANGMEN_HEADER = ["工作任务", "具体要求", "责任部门"]

# (工作任务 printed once for its group, the rows it stands over)
JIANGMEN_GROUPS = [
    ("一、做好财政信息公开。", [["1.积极推进本中心预算、决算及相关报表公开。", "财务科"]]),
    (
        "二、做好政府网站专栏信息公开。",
        [
            ["2.及时更新网站频道的各类型概况信息。", "办公室"],
            ["3.及时反馈网民对调查征集信息的意见。", "各科室"],
            ["4.及时更新微信公众号信息。", "办公室牵头，各科室配合"],
        ],
    ),
    (
        "三、持续加强重大政策发布解读。",
        [
            [
                "5.聚焦我中心工作，切实加强重大政策实施的发布解读。要开展深入宣传阐释，精心组织策划，及时发布权威信息，"
                "积极开展多角度、全方位、立体化、多频次的深度解读。",
                "各科室",
            ],
            [
                "6.综合运用新闻发布会、在线访谈、图文动画、短视频等形式，对重大政策开展深入解读，更加注重对政策背景、"
                "出台目的、重要举措等方面的实质性解读。",
                "各科室",
            ],
        ],
    ),
    (
        "四、不断改进政策解读工作方式。",
        [
            [
                "7.按照《江门市政府系统政策解读工作细则（试行）》相关要求，健全政策解读工作机制，规范工作流程，"
                "确保解读方案、解读材料与政策文件同步组织、同步审签、同步部署。",
                "办公室牵头，各科室配合",
            ],
            [
                "8.加强政策咨询服务，要积极解答政策执行机关和企业、群众的咨询，精准传达政策意图（政策文件和解读资料需添加咨询方式）。",
                "各科室",
            ],
            [
                "9.加强内部协调工作，修订本单位政府信息公开指南，明确对外告知政府信息公开渠道。",
                "办公室牵头，各科室配合",
            ],
        ],
    ),
    (
        "五、切实增强回应关切效果。",
        [["10.密切关注涉及土地储备等方面的舆情并及时作出回应，助力防范化解重大风险。", "各科室"]],
    ),
]


def jiangmen() -> None:
    document = new_document()
    rows: list[list[str]] = []
    spans: list[tuple[int, int]] = []
    for heading, group in JIANGMEN_GROUPS:
        first = len(rows) + 1
        for i, (requirement, unit) in enumerate(group):
            rows.append([heading if i == 0 else "", requirement, unit])
        if len(group) > 1:
            spans.append((first, len(rows)))
    grid = table(document, JIANGMEN_HEADER, rows)
    for first, last in spans:
        merge_down(grid, 0, first, last)
    document.save(str(HERE / "951_guangdong_jiangmen_tudi_chubei_zhongxin_zhengwu_gongkai_renwu.docx"))


# ---------------------------------------------------------------------------------------------------------------
# 952 广水市水利和湖泊局：2025年一季度《政府工作报告》落实情况统计表（一格一行；序号、牵头单位只印一次）

GUANGSHUI_HEAD = [
    "广水市水利和湖泊局2025年一季度《政府工作报告》落实情况统计表",
    "单位（盖章）：广水市水利和湖泊局                                     填报时间：2025年4月8日",
]

GUANGSHUI_HEADER = [
    "序号",
    "牵头单位",
    "工作任务",
    "目前完成情况、存在问题及下一步工作措施",
    "完成进度（%）",
    "备注",
]

GUANGSHUI_ROWS = [
    [
        "12",
        "市水利和湖泊局",
        "56.做好农村自来水管网改造、农村道路安防设施、供电设施建设，新增充电桩300个，进一步补齐农村基础设施短板。",
        "总投资2.6亿元，持续推进农村供水提档升级工程建设，32个村的管网延伸工程已完工，96个村的巩固提升工程已完工87个村。"
        "2025年以来，已完成城郊七里塘至骆店冷水沟1734米，武胜关镇楼子冲村1000米，长岭镇同心村1500米，吴店镇徐家山1000米"
        "和三土门2600米的管网改造，项目正在加快推进。下一步，我局将按照时间节点倒排工期，稳步推进项目建设，争取今年全部完工。",
        "90%",
        "",
    ],
    [
        "",
        "",
        "86.深入推进河长制，加大徐家河国家湿地公园保护力度，落实长江“十年禁渔”。",
        "2025年以来，及时完成22条河流的河湖长更新调整，并定期开展河道巡查工作；投资300万元，完成浆溪店河幸福河湖配套施工建设，"
        "治理河道600米，修建宣传牌4块等；组织环保志愿服务队“河小青”志愿者多次开展河湖清理保洁活动，共清理河道垃圾300余千克。"
        "下一步，我局将积极组织申报徐家河幸福河湖，不断提升河湖治理质效。",
        "",
        "",
    ],
]


def guangshui() -> None:
    document = new_document()
    for text in GUANGSHUI_HEAD:
        document.add_paragraph(text)
    grid = table(document, GUANGSHUI_HEADER, GUANGSHUI_ROWS)
    # the page prints 序号, 牵头单位 and 完成进度 once, for both rows
    for column in (0, 1, 4):
        merge_down(grid, column, 1, 2)
    document.save(
        str(HERE / "952_hubei_suizhou_guangshui_shuili_2025q1_zhengfu_gongzuo_baogao_luoshi_tongjibiao.docx")
    )


# ---------------------------------------------------------------------------------------------------------------
# 953 安康市安委办：2021年安全生产专项整治三年行动工作任务清单（通知 + 清单表；页面在第4项中断，取前3项）

ANKANG_HEAD = [
    "安市安委办发〔2021〕3号",
    "安康市安全生产委员会办公室",
    "关于印发《2021年安康市安全生产专项整治",
    "三年行动工作任务清单》的通知",
    "各县区安委会，安康高新区、瀛湖生态旅游区、恒口示范区安委会，市级各安全生产专业委员会，市安委会各成员单位：",
    "现将《2021年安康市安全生产专项整治三年行动工作任务清单》印发给你们，请严格对标对表清单要求，认真抓好贯彻落实，"
    "确保各项工作任务全面完成。市安委办将持续跟踪问效，并将完成情况纳入年度安全生产目标任务考核。",
    "安康市安全生产委员会办公室",
    "2021年1月18日",
    "2021年安康市安全生产专项整治三年行动工作任务清单",
]

ANKANG_HEADER = ["主要任务", "重点工作和要求", "责任单位", "完成时限", "完成进展"]

ANKANG_ROWS = [
    ["一、加强安全生产专项整治三年行动安排部署", "", "", "", ""],
    [
        "（一）制定工作任务清单。",
        "1.制定2021年全市安全生产专项整治三年行动工作任务清单，分解落实到县区、部门。",
        "市安委办（工作专班办公室）",
        "1月20日前",
        "",
    ],
    [
        "",
        "2.制定行业领域2021年安全生产专项整治三年行动工作任务清单，分解落实到县区、部门，并报市安委办。",
        "市级各专委会办公室、市生态环境局",
        "2月10日前",
        "",
    ],
    [
        "",
        "3.制定县区2021年安全生产专项整治三年行动工作任务清单，分解落实到县区、部门，并报市安委办。",
        "各县区（开发区）安委会",
        "2月5日前",
        "",
    ],
]


def ankang() -> None:
    document = new_document()
    for text in ANKANG_HEAD:
        document.add_paragraph(text)
    grid = table(document, ANKANG_HEADER, ANKANG_ROWS)
    merge_across(grid, 1, 0, 4)  # the section heading stands over the whole row
    merge_down(grid, 0, 2, 4)  # （一）制定工作任务清单 is printed once over items 1-3
    document.save(
        str(HERE / "953_shaanxi_ankang_anweiban_2021_anquan_zhuanxiang_zhengzhi_renwu_qingdan.docx")
    )


# ---------------------------------------------------------------------------------------------------------------
# 954 广东省妇女发展规划（2011—2020年）目标责任分解书（一格一行拍平；领域格未印；页面在教育领域第2项中断）

GUANGDONG_FUNV_HEAD = ["《广东省妇女发展规划（2011—2020年）》目标责任分解书"]

GUANGDONG_FUNV_HEADER = ["领域", "主要目标", "主要责任单位", "责任单位"]

GUANGDONG_FUNV_ROWS = [
    ["", "1.妇女在整个生命周期享有良好的基本卫生服务。", "", ""],
    [
        "",
        "——女性人均预期寿命延长。\n"
        "——到2020年，妇女常见病筛查率达到80%以上。宫颈癌和乳腺癌的早诊早治率提高，两癌死亡率降低。\n"
        "——建立妇女健康档案。到2020年，健康档案建档率达90%，健康档案使用率达80%以上。",
        "省卫生厅",
        "省发改委\n省财政厅\n省人口计生\n省妇联",
    ],
    ["", "2.提高孕产妇医疗保健水平。", "", ""],
    [
        "",
        "——孕产妇死亡率控制在15/10万以内。逐步缩小城乡、区域差距，流动人口孕产妇死亡率降低。",
        "省卫生厅",
        "省人口计生\n省公安厅",
    ],
    [
        "",
        "——孕产妇系统管理率达到90%以上，其中城市孕产妇系统管理率达到95%以上，农村孕产妇系统管理率达到87%以上。\n"
        "——全省孕产妇住院分娩率达到98%以上，农村孕产妇住院分娩率达到96%以上。",
        "省卫生厅",
        "省发改委\n省财政厅",
    ],
    [
        "",
        "——孕产妇中重度贫血患病率降低。",
        "省卫生厅",
        "省工商局\n省质监局\n广东出入境检验检疫局",
    ],
    ["", "3.妇女享有优质避孕节育计生服务，人工流产率降低。", "省计生委", "省卫生厅"],
    ["", "4.妇女艾滋病、性病感染率得到控制。", "省卫生厅", "人口计生\n省公安厅\n省妇联"],
    [
        "",
        "5.妇女心理健康知识和精神疾病预防知识知晓率提高。",
        "省卫生厅",
        "省委宣传部\n省教育厅\n省新闻出版\n省总工会\n省妇联\n省科协\n省残联",
    ],
    [
        "",
        "6.妇女经常参加体育锻炼的人数比例提高，城乡妇女体质达到《国民体质测定标准》合格率90%以上。",
        "省体育局",
        "省教育厅\n省总工会\n省妇联",
    ],
    ["", "1.教育工作全面贯彻性别平等原则。", "省教育厅", "省人社厅\n省妇联"],
]


def guangdong_funv() -> None:
    document = new_document()
    for text in GUANGDONG_FUNV_HEAD:
        document.add_paragraph(text)
    grid = table(document, GUANGDONG_FUNV_HEADER, GUANGDONG_FUNV_ROWS)
    # the page prints no 领域 cell; the first field's rows (goals 1-6) share one, the second field starts again at 1
    merge_down(grid, 0, 1, 10)
    document.save(str(HERE / "954_guangdong_2011_2020_funv_fazhan_guihua_mubiao_zeren_fenjieshu.docx"))


# ---------------------------------------------------------------------------------------------------------------
# 955 谯城区某镇：政务公开工作任务表（页面只有表，未印标题、镇名和年份；工作任务格纵向合并；页面在第9行中断，取前8行）

QIAOCHENG_HEADER = ["工作任务", "具体内容", "责任部门"]

# (工作任务 printed once for its group, the rows it stands over)
QIAOCHENG_GROUPS = [
    (
        "推进政策公开",
        [
            [
                "常态化公开就业、住房、教育、医疗、生态环境、养老、社会保障、公共体育、旅游、公共资源交易、招标采购、乡村振兴、"
                "粮食收购进度与价格、惠农惠民资金发放等领域信息。",
                "财政所、便民综合服务中心、土管所等",
            ],
            [
                "积极探索特定群体的线下公开渠道；围绕农村发展、改革，乡村振兴建设、巩固拓展脱贫攻坚成果等重点项目，"
                "持续发布相关政策文件及工作成果。",
                "便民综合服务中心",
            ],
            [
                "聚焦就业创业、促进、医疗卫生等民生实事，开展“线上政策宣讲”和“线下政策宣传专项行动”。",
                "民政办公室、卫生院",
            ],
        ],
    ),
    (
        "强化权力配置信息公开",
        [
            [
                "细化权力配置信息公开，动态更新本镇各部门权责事项清单、公共服务清单及中介服务清单，推动行政机关依法规范履职。",
                "党政办公室",
            ],
            [
                "健全本镇行政执法信息全流程公示机制，推进行政许可、行政处罚、行政强制等行政结果全要素规范公开。",
                "党政办公室",
            ],
        ],
    ),
    (
        "提升解读咨询水平",
        [
            [
                "按照“三同步”要求，注重发挥政策参与制定者和专家学者的作用，增强解读权威性，强化正向宣传引导，"
                "推动政策实施和预期引导协同发力。",
                "党政办公室",
            ],
            [
                "完善公平性市场竞争审查、合法性审查等程序，以提升解读质量为出发点，严把解读时效关、形式关和质量关，"
                "因策制宜创新解读方式，针对不同受众特点制作多元化解读产品，提升解读针对性和实效性，防止政策解读中的形式主义。",
                "党政办公室",
            ],
            [
                "拓展线下解读渠道，主动走进企业和社区，通过发放简易版明白卡、实地讲解宣传等方式，提供面对面政策解读，"
                "切实提高政策知晓率。",
                "党政办公室",
            ],
        ],
    ),
]


def qiaocheng() -> None:
    document = new_document()
    rows: list[list[str]] = []
    spans: list[tuple[int, int]] = []
    for heading, group in QIAOCHENG_GROUPS:
        first = len(rows) + 1
        for i, (content, unit) in enumerate(group):
            rows.append([heading if i == 0 else "", content, unit])
        if len(group) > 1:
            spans.append((first, len(rows)))
    grid = table(document, QIAOCHENG_HEADER, rows)
    for first, last in spans:
        merge_down(grid, 0, first, last)
    document.save(str(HERE / "955_anhui_bozhou_qiaocheng_zhen_zhengwu_gongkai_gongzuo_renwu.docx"))


# ---------------------------------------------------------------------------------------------------------------
# 956 湘潭市交通运输局：2019年政务公开工作要点责任分工分解表（通知 + 附件表；繁体转载，录为简体；页面在第5行中断，取前4行）

XIANGTAN_HEAD = [
    "局属各单位，局机关相关科室：",
    "根据《湘潭市政务公开政务服务领导小组办公室关于印发〈湘潭市贯彻落实国、省2019年政务公开工作要点责任分工〉的通知》精神，"
    "为切实做好我局2019年政务公开工作，特制定《湘潭市交通运输局贯彻落实国、省、市2019年政务公开工作要点责任分工分解表》。"
    "经局领导同意，现予印发，请认真遵照执行。政务公开工作落实情况纳入2019年度绩效考核。",
    "附件：湘潭市交通运输局贯彻落实国、省、市2019年政务公开工作要点责任分工分解表",
    "湘潭市交通运输局",
    "2019年6月12日",
    "附件",
    "湘潭市交通运输局贯彻落实国、省、市2019年政务公开工作要点",
    "责任分工分解表",
]

XIANGTAN_HEADER = ["序号", "工作任务", "具体要求", "责任部门（单位）", "完成时间", "备注（市级安排）"]

XIANGTAN_ROWS = [
    [
        "1",
        "一、夯实基础",
        "明确各级各部门政务公开分管领导、专职人员，并报局办公室",
        "局办公室、局属各单位",
        "2019年6月",
        "各级各部门",
    ],
    ["2", "", "修订完善政务公开相关制度", "局办公室、局相关科室、局属各单位", "2019年11月底前", "各级各部门"],
    [
        "3",
        "",
        "学习宣传贯彻新修订的《中华人民共和国政府信息公开条例》，并纳入公务员培训",
        "局办公室、法规科、人事科，局属各单位",
        "按市里统一安排完成",
        "市行政审批局牵头、各级各部门",
    ],
    [
        "4",
        "",
        "依法公开本机关“三定”方案、建议提案，及时更新主动公开基本目录、政府信息公开指南，公开政府信息公开年报，"
        "按时报送政府信息公开情况统计表，设立《政务公开工作要点》专栏",
        "局人事科、局办公室、局科技科分工负责",
        "按市统一安排完成",
        "各级各部门",
    ],
]


def xiangtan() -> None:
    document = new_document()
    for text in XIANGTAN_HEAD:
        document.add_paragraph(text)
    grid = table(document, XIANGTAN_HEADER, XIANGTAN_ROWS)
    merge_down(grid, 1, 1, 4)  # 一、夯实基础 is printed once over items 1-4
    document.save(
        str(HERE / "956_hunan_xiangtan_jiaotong_2019_zhengwu_gongkai_zeren_fengong_fenjiebiao.docx")
    )


# ---------------------------------------------------------------------------------------------------------------
# 957 成都：贯彻落实生活垃圾分类制度重点任务责任分工表（文档网站预览，格间无分隔符；页面在第5行中断，取前4行）

CHENGDU_HEAD = ["贯彻落实生活垃圾分类制度重点任务责任分工表"]

CHENGDU_HEADER = ["序号", "工作内容", "目标任务", "责任单位", "备注"]

CHENGDU_ROWS = [
    [
        "1",
        "将生活垃圾分类投放作为精神文明建设的重要内容，加强生活垃圾分类宣传发动；广泛开展生活垃圾分类宣传引导志愿活动、"
        "家庭主题活动等，大力开展公益宣传和社区入户宣传等，引导市民参与生活垃圾分类。",
        "2021年2月底前，群众对生活垃圾分类的知晓率达90%以上。",
        "市委宣传部（市文明办）、市城管委，市住建局、市总工会、团市委、市妇联、市文广旅局等部门，各区（市）县政府（管委会）",
        "",
    ],
    [
        "2",
        "完善生活垃圾回收利用体系，优化社区回收设施布局，负责再生资源回收行业的指导和监督，推进循环经济发展。",
        "2021年2月底前，基本建成生活垃圾回收利用体系。",
        "市商务局，市住建局、市城管委、市委社治委、市发改委、市规划和自然资源局，各区（市）县政府（管委会）",
        "",
    ],
    [
        "3",
        "加强家庭源危险废物处置的规范化管理，推进有害垃圾处置体系建设和生活垃圾分类相关环保产业发展。",
        "2021年2月底前，制定成都市有害垃圾处置工作指导意见，完善家庭源危险废物处置体系。",
        "市生态环境局，各区（市）县政府（管委会）",
        "",
    ],
    [
        "4",
        "依据国土空间规划落实生活垃圾分类设施专项规划，优化设施用地布局，推进集约高效利用。",
        "2021年2月底前，发布生活垃圾分类设施规划（建设计划）等。",
        "市城管委、市规划和自然资源局，市生态环境局、市商务局、市住建局，各区（市）县政府（管委会）",
        "",
    ],
]


def chengdu() -> None:
    document = new_document()
    for text in CHENGDU_HEAD:
        document.add_paragraph(text)
    table(document, CHENGDU_HEADER, CHENGDU_ROWS)
    document.save(str(HERE / "957_sichuan_chengdu_laji_fenlei_zhongdian_renwu_zeren_fengongbiao.docx"))


def main() -> None:
    chizhou()
    jiangmen()
    guangshui()
    ankang()
    guangdong_funv()
    qiaocheng()
    xiangtan()
    chengdu()


if __name__ == "__main__":
    main()
