"""Build the .docx documents of held-out set x65 (850–859) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x65_docx.py

See ../make_docx.py for the layout helpers. The texts are transcribed from stored public pages (the search tool's
pages corpus; each page holds only the start of its document, so a table ends where its page does). A page runs a
table's rows one row a line with “ | ” between cells (or one cell a line); a cell that spans several rows is printed
once, in the first row it covers, and the rows below it print nothing in its column. Each table is rebuilt here cell
by cell as a real Word table: a cell printed once is merged down over the rows below it that print nothing in its
column, a title row or a group header merged across; several names that the page separates by spaces inside one
cell are put on separate lines of the cell. The words are unchanged (half-width punctuation written in full width,
as in most transcriptions of the corpus).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, merge_down, new_document, table  # noqa: E402


def hyit_2020() -> None:
    """850 淮阴工学院党政办公室 2020：信息公开工作通知与附件1《高等学校信息公开事项测评指标体系（2.0）版》。

    页面存下通知全文和附件1表格的前四个评分指标行，第五行（“教职工代表大会相关……”）在格中截断，不录。
    表头：序号 | 类别 | 公开事项 | 序号 | 评分指标 | 分值 | 责任部门。“一”“基本信息（6项）”只印在第一行，
    纵向合并到第4行；公开事项（1）（2）各印一次，各合并两行；责任部门“党政办”印在第1行，第2、3行没有责任部门格，
    第4行另有一格，所以“党政办”合并第1—3行。
    """
    document = new_document()
    for line in [
        "各部门、单位：",
        "为进一步做好学校信息公开工作，根据学校信息公开工作推进会议精神，请各部门、单位依照《高等信息公开事项测评指标体系"
        "（2.0）版》（附件1），明确部门、单位所需进行信息公开的具体事项，并至少报送一名信息公开工作人员。",
        "请各部门、单位将信息公开事项清单（附件2）和信息公开工作人员登记表（附件3）于10月7日下午下班前以电子邮件和纸质文档"
        "（主要负责人签字、并加盖公章）形式报送党政办李继林（翔宇楼512室）。同时请各部门、单位信息公开工作人员实名制扫码加入"
        "学校信息公开工作QQ群。",
        "联系人：李继林、刘琪，联系电话：83591292、83591002",
        "邮箱：12170033@hyit.edu.cn",
        "附件：1.高等学校信息公开事项测评指标体系（2.0）版",
        "2.信息公开事项清单（以党政办为例）",
        "3.信息公开工作人员登记表",
        "党政办公室",
        "2020年10月6日",
        "附件1",
        "高等学校信息公开事项测评指标体系（2.0）版",
    ]:
        document.add_paragraph(line)
    rows = [
        [
            "一",
            "基本信息（6项）",
            "（1）办学规模、校级领导班子简介及分工、学校机构设置、学科情况、专业情况、各类在校生情况、教师和专业技术人员数量等"
            "办学基本情况",
            "1",
            "总体情况介绍",
            "0.8",
            "党政办",
        ],
        ["", "", "", "2", "校级领导班子简介及分工", "0.8", ""],
        ["", "", "（2）学校章程及制定的各项规章制度", "3", "学校章程", "0.8", ""],
        [
            "",
            "",
            "",
            "4",
            "学校制定的各项规章制度（干部人事制度、财务管理制度、教学管理制度、科研管理制度、本科生管理制度、研究生管理制度、"
            "留学生、外事工作制度、实验室与设备管理制度、采购与招投标制度、安全保卫制度）",
            "0.8",
            "党政办、组织部、人事处、计财处、教务处、科技处、社科处、学工处、研究生处、国际处、国资处、招标办、保卫处",
        ],
    ]
    grid = table(document, ["序号", "类别", "公开事项", "序号", "评分指标", "分值", "责任部门"], rows)
    merge_down(grid, 0, 1, 4)
    merge_down(grid, 1, 1, 4)
    merge_down(grid, 2, 1, 2)
    merge_down(grid, 2, 3, 4)
    merge_down(grid, 6, 1, 3)
    document.save(str(HERE / "850_jiangsu_huaian_hyit_2020_xinxi_gongkai_ceping_zhibiao_zeren_bumen.docx"))


def university_gkml() -> None:
    """851 一所大学的信息公开目录（转载页把校名换成了广告词，年份未印）。

    页面把表压成一行一行、格间“ | ”：第一行是跨全表的标题格；表头两行，“信息更新”跨“责任部门”“生成时间”两列，
    序号、类别、公开事项三格跨两行表头；每组的序号和类别只印在组的第一行（第三组没有印序号，照页面留空），
    （8）—（10）和（12）—（14）只印公开事项，它们的责任部门和生成时间是（7）和（11）那一格，这里纵向合并；
    一格里用空格隔开的几个部门放在格内分行。页面在（17）这一行之后截断。
    """
    document = new_document()
    groups = [
        (
            "1",
            "基本信息（6项）",
            [
                (
                    "（1.1）办学规模、学校机构设置、学科情况、专业情况、各类在校生情况、教师和专业技术人员数量等办学基本情况",
                    "党办校办",
                    "每年10月",
                ),
                ("（1.2）校级领导班子简介及分工", "党办校办", "变动即更"),
                ("（2）学校章程及制定的各项规章制度", "党办校办\n政策法规研究室", "变动即更"),
                ("（3）教职工代表大会相关制度、工作报告", "党办校办\n工会", "每年1月-2月"),
                ("（4）学术委员会相关制度、年度报告", "人事部\n发展规划部", "每年1月-2月"),
                (
                    "（5）学校发展规划、年度工作计划及重点工作安排",
                    "发展规划部\n政策研究室\n党办校办",
                    "每年1月-2月",
                ),
                ("（6）信息公开年度报告", "信息公开办公室", "每年10月"),
            ],
        ),
        (
            "2",
            "招生考试信息（8项）",
            [
                ("（7）招生章程及特殊类型招生办法，分批次、分科类招生计划", "招生办公室", "变动即更"),
                (
                    "（8）保送、自主选拔录取、高水平运动员和艺术特长生招生等特殊类型招生入选考生资格及测试结果",
                    "",
                    "",
                ),
                ("（9）考生个人录取信息查询渠道和办法，分批次、分科类录取人数和录取最低分", "", ""),
                ("（10）招生咨询及考生申诉渠道，新生复查期间有关举报、调查及处理结果", "", ""),
                (
                    "（11）研究生招生简章、招生专业目录、复试录取办法，各院（系、所）或学科、专业招收研究生人数",
                    "研究生院",
                    "随时更新",
                ),
                ("（12）参加研究生复试的考生成绩", "", ""),
                ("（13）拟录取研究生名单", "", ""),
                ("（14）研究生招生咨询及申诉渠道", "", ""),
            ],
        ),
        (
            "",
            "财务、资产及收费信息（7项）",
            [
                ("（15）财务、资产管理制度", "财务部", "变动即更"),
                ("（16）受捐赠财产的使用与管理情况", "教育基金会", "随时更新"),
                ("（17）校办企业资产、负债、国有资产保值增值等信息", "校办产业管理委员会办公室", "随时更新"),
            ],
        ),
    ]
    rows: list[list[str]] = [
        ["序号", "类别", "公开事项", "信息更新", ""],
        ["", "", "", "责任部门", "生成时间"],
    ]
    spans: list[tuple[int, int]] = []
    for number, kind, items in groups:
        first = len(rows) + 1
        for i, (item, unit, when) in enumerate(items):
            rows.append([number if i == 0 else "", kind if i == 0 else "", item, unit, when])
        spans.append((first, len(rows)))
    grid = table(document, ["开云app体育 信息公开目录", "", "", "", ""], rows)
    merge_across(grid, 0, 0, 4)
    merge_across(grid, 1, 3, 4)
    for column in (0, 1, 2):
        merge_down(grid, column, 1, 2)
    for first, last in spans:
        merge_down(grid, 0, first, last)
        merge_down(grid, 1, first, last)
    # 招生办公室 / 变动即更 over (7)–(10); 研究生院 / 随时更新 over (11)–(14)
    for first, last in ((10, 13), (14, 17)):
        merge_down(grid, 3, first, last)
        merge_down(grid, 4, first, last)
    document.save(str(HERE / "851_university_xinxi_gongkai_mulu_zeren_bumen.docx"))


def tuanwei_march() -> None:
    """854 一所高校校团委（转载页路径 /tw/）的三月份工作完成情况表，年份、标题未存。

    存页从表头起：部门 | 序号 | 工作内容 | 完成时间 | 责任人 | 参与人 | 协助单位 | 完成情况，“完成情况”跨
    “已完成 | 部分完成 | 未完成及其原因”三列（表头两行，前七格跨两行）。九行都没有印“部门”格：按网页表格的写法，
    这是一格跨全部九行的空格，这里纵向合并、不填字。存页用“?”表示的空格照空格建（判断：那是空格被转成的符号）。
    第6行参与人一格两个人名分两行。表后接着一段“1. 3月，校团委……”的工作小结，存页在段中截断，录到最后一个整句。
    """
    document = new_document()
    rows = [
        ["", "", "", "", "", "", "", "已完成", "部分完成", "未完成及其原因"],
    ]
    items = [
        ("1", "配合娄底市开展无偿献血工作", "李林奇", "已完成", ""),
        ("2", "举办湖南省高校大学生脱口秀大赛", "李林奇", "", "已完成作品征集与海选，4月3日校级决赛"),
        ("3", "开展“三五”学雷锋活动月系列活动", "李林奇", "已完成", ""),
        ("4", "推进校园文创产品设计及推广工作", "李林奇", "", "已经开展前期摸底和产品设计方案"),
        ("5", "兼职、挂职副书记遴选工作", "李林奇", "", "已经完成报名和资格审查工作，即将进入面试环节"),
        ("6", "第四期青马骨干培训班开班事宜", "李林奇\n周浩", "已完成", ""),
        ("7", "竹山社区大学生实践挂牌仪式", "李林奇", "已完成", ""),
        ("8", "开展“身心健康”公益主题讲座", "李林奇", "已完成", ""),
        ("9", "女生节“携手繁华路 筑梦微心愿”活动", "李林奇", "已完成", ""),
    ]
    for number, work, helpers, done, partly in items:
        rows.append(["", number, work, "3月", "刘佳", helpers, "", done, partly, ""])
    header = ["部门", "序号", "工作内容", "完成时间", "责任人", "参与人", "协助单位", "完成情况", "", ""]
    grid = table(document, header, rows)
    merge_across(grid, 0, 7, 9)
    for column in range(7):
        merge_down(grid, column, 0, 1)
    merge_down(grid, 0, 2, 10)
    document.add_paragraph(
        "1. 3月，校团委和学院各级团组织以“传承雷锋精神 培育时代新人”为主题开展为期一个月的学雷锋系列活动，累计近5000名"
        "青年志愿者参与。3月4日200名志愿者参与了“擦靓公交站台，擦亮城市之窗”专项志愿服务活动。3月7日组织协同离退办开展"
        "爱心助老“金晖行动”专项活动，清扫老年活动室和退休教师住宅。同期，还开展了“携手繁华路 筑梦微心愿”女生节特别活动。"
        "3月12日，启动“绿植领养计划”300名学生参与领养计划。3月19日与娄底团市委一起，在竹山社区开展大学生社区实践基地"
        "挂牌仪式。这是团组织积极探索大学生社区实践的长效机制，提升团组织社会功能，实现校地共建的有益探索。"
    )
    document.save(str(HERE / "854_hunan_loudi_university_tuanwei_3yue_gongzuo_wancheng_qingkuang.docx"))


def wenzhou_kexie_2013() -> None:
    """855 温州市科协2013年度重点工作“十大项目”目标任务（温州督考网“互学互比”栏目）。

    存页把表压成一格一段：项目类别 | 序号 | 项目名称 | 项目基本情况 | 2013年工作目标和进度计划；表头“项目类别”
    在窄格里折成两行（这里合成一格的文字）；“管理创新和公共服务类项目”只印在第1行，第2行没有这一格，纵向合并。
    第3行在“项目基本情况”格中截断，不录。
    """
    document = new_document()
    document.add_paragraph("市科协2013年度重点工作“十大项目”目标任务")
    document.add_paragraph("2013年03月11日 09:17:02    来源：温州督考网")
    rows = [
        [
            "管理创新和公共服务类项目",
            "1",
            "院士专家工作站建设",
            "新建院士专家工作站2家。做好已建工作站的管理工作，督促已建的16家院士专家工作站的院士专家为企事业开展新产品"
            "研究、技术攻关、先进设备和工艺引进、科技成果转化和人才培养等方面的科技咨询服务。",
            "1—5月做好与院士的沟通联系工作，6—10月开展院士专家温州行活动，12月完成院士专家工作站的新建任务。对已建的"
            "16家工作站于4月和10月进行督导。",
        ],
        [
            "",
            "2",
            "科技评价体系建设",
            "加强人才队伍建设，发挥人才专业领域优势，积极在各领域发挥创造性和创新性作用，完善科技评价体系建设：一是开展第十五届"
            "温州市自然科学优秀论文评选活动；二是开展温州市优秀科技工作者评选活动；三是开展科技人才举荐工作。",
            "自然科学优秀论文评选工作，共评出一等奖10篇、二等奖40篇、三等奖100篇。1—6月份学会专业评委会完成初评和推荐工作；"
            "7—8月份各学科评委会完成复评和推荐工作；9—11月份完成市级评委会的终评工作；最后由市政府发文表彰。优秀科技工作者的"
            "评选，要评出在科技和学术方面作出杰出贡献的科技人才10名，4月份下发评选通知，5月底前完成申报工作，6月份完成评选工作；"
            "4-6月份做好有关人才选拔工作，向省科协育才工程项目、省青年科技奖项目推荐人选。",
        ],
    ]
    grid = table(document, ["项目类别", "序号", "项目名称", "项目基本情况", "2013年工作目标和进度计划"], rows)
    merge_down(grid, 0, 1, 2)
    document.save(str(HERE / "855_zhejiang_wenzhou_kexie_2013_shida_xiangmu_mubiao_renwu.docx"))


def songming_gongkai_mulu() -> None:
    """856 嵩明县政府网站：卫生健康领域公共事业单位信息主动公开基本目录（页面只有这张表）。

    存页把表压成一行一格、格间“|”：序号 | 一级事项 | 公开内容 | 公开时限 | 公开主体 | 公开渠道。第3—5行没有印
    “一级事项”格（它们在第2行“服务信息”之下），这里把“服务信息”纵向合并到第5行；其余各格每行都印了（公开时限
    每行重复印同一句）。存页到第6行为止。
    """
    document = new_document()
    limit = (
        "主动公开信息内容发生变化的，医疗卫生机构应当自该信息形式或者变更之日起20个工作日内予以调整。法律、法规、规章"
        "对更新期限另有规定的，从其规定。"
    )
    rows = [
        [
            "1",
            "机构概况",
            "医院基本信息、科室设置、职能职责、咨询及投诉方式",
            limit,
            "各公立医疗机构",
            "嵩明政府网站、政务新媒体",
        ],
        ["2", "服务信息", "医保、价格、收费", limit, "各医疗结构", "现场"],
        ["3", "", "科室分布、人员标识、标识引导", limit, "各医疗结构", "现场"],
        ["4", "", "公共卫生、疾病应急处置服务流程", limit, "各医疗结构", "现场"],
        ["5", "", "科普宣传教育信息", limit, "各医疗结构", "现场"],
        ["6", "项目建设", "招标采购信息", limit, "各医疗机构、 县卫生健康局", "政府门户网站、政府采购网"],
    ]
    document.add_paragraph("卫生健康领域公共事业单位信息主动公开基本目录")
    grid = table(document, ["序号", "一级事项", "公开内容", "公开时限", "公开主体", "公开渠道"], rows)
    merge_down(grid, 1, 2, 5)
    document.save(
        str(HERE / "856_yunnan_kunming_songming_weisheng_jiankang_gonggong_shiye_danwei_gongkai_mulu.docx")
    )


def main() -> None:
    hyit_2020()
    university_gkml()
    tuanwei_march()
    wenzhou_kexie_2013()
    songming_gongkai_mulu()


if __name__ == "__main__":
    main()
