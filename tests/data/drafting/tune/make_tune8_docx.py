"""Build the .docx documents of the eighth round of tune additions (210–).

    python tests/data/drafting/tune/make_tune8_docx.py

See ../make_docx.py for the layout helpers. The texts are transcribed from the pages named in
../README.md; this script only lays them out as Word holds such documents (real tables, cells the
page printed once for several rows merged down, item numbers that Word generates).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import decimal_numbering, merge_down, new_document, numbered, table  # noqa: E402


def longwan_2024() -> None:
    """211 温州龙湾区 2024：重点工作进展情况汇总表（“*”标出的单位为牵头，两个“*”是共同牵头）。"""
    document = new_document()
    document.add_paragraph("2024年区政府工作报告重点工作进展情况汇总表（截至11月30日）")
    document.add_paragraph("发布日期：2025-01-07 17:30:18浏览次数： 来源：区政府办公室 字体：[ ]")
    table(
        document,
        ["序号", "重点工作", "责任单位", "进展情况"],
        [
            ["1", "地区生产总值增长6.5%左右。", "区发改局", "三季度地区生产总值增速6.1%。"],
            [
                "2",
                "一般公共预算收入、城镇居民人均可支配收入增长与经济增长同步。",
                "*区发改局、*新区财政局（区财政局）",
                "1-11月，温州湾新区、龙湾区一般公共预算收入55.31亿元，同比增长6.7%。城镇居民人均可支配收入79684元，"
                "增速13.2%。",
            ],
            [
                "3",
                "全社会固定资产投资增长6%。",
                "区发改局",
                "1-10月份全区固定资产投资完成354.1亿元，同比增长0.1%。",
            ],
            ["4", "规上工业增加值增长9%。", "新区经济发展局（区经信局）", "1—10月规上工业增加值增速9.6%。"],
            [
                "5",
                "以建设“新质生产力示范区”为目标，实施国家高新区、经开区“双区联创”，全力申报省级高能级战略平台，"
                "推动温州湾新区提能升级、进等升位。",
                "*区发改局、*新区科技和人才局（区科技局）、新区经发局（区经信局）、区商务局、新区投促局（区投促中心）、"
                "区市场监督管理局、区资源规划分局、区税务局、高新区税务局",
                "根据火炬中心要求，已完成高新区展示信息统计表和科创产品简介、高新区综合统计月报表等各类材料上报工作。"
                "省高能级战略平台申报工作已暂停。",
            ],
            [
                "6",
                "全力申报全省第三批义甬舟开放大通道综合性战略平台。",
                "区发改局",
                "省第三批义甬舟开放大通道综合性战略平台申报工作暂未启动。",
            ],
            [
                "7",
                "落地开工顺丰长三角南翼总部基地、长江汽车电子产业园、人本精密轴承产业基地二期等重大项目。",
                "*新区经济发展局（区经信局）、*新区投促局（区投促中心）",
                "顺丰长三角南翼总部基",
            ],
        ],
    )
    document.save(str(HERE / "211_zhejiang_wenzhou_longwan_2024_progress.docx"))


def baoshan_2022() -> None:
    """213 上海宝山区 2022：区政府实事（Word 列表编号，不印单位）。"""
    document = new_document()
    document.add_paragraph(
        "上海市宝山区人民政府办公室关于印发《2022年区政府要完成的与人民生活密切相关的实事》的通知"
    )
    document.add_paragraph("信息来源： 区政府办公室 发布时间 2022-01-10")
    for line in (
        "所属类目： 区政府办公室文件",
        "主题分类： 政务公开",
        "体 裁： 通知",
        "发布日期： 2022-01-10",
        "发文字号： 宝府办〔2022〕1号",
        "发文日期： 2022-01-08",
        "公开类别： 主动公开",
        "机构名称： 区政府办公室",
    ):
        document.add_paragraph(line)
    document.add_paragraph("各镇人民政府，各街道办事处，区政府各委、办、局：")
    document.add_paragraph(
        "经区政府第167常务会议研究同意，现将《2022年区政府要完成的与人民生活密切相关的实事》印发给你们，请抓紧组织实施。"
    )
    document.add_paragraph(
        "各牵头单位和相关责任单位要认真对照工作安排和任务分解，明确目标、细化方案、落实措施、全力推进，确保各项目标任务"
        "圆满完成。实事项目完成后，要及时做好评估工作并加强后续管理。"
    )
    document.add_paragraph("有关2022年区政府实事项目的档案管理登记要求由区档案局另行通知。")
    document.add_paragraph("特此通知。")
    document.add_paragraph("上海市宝山区人民政府办公室")
    document.add_paragraph("202218")
    document.add_paragraph("2022年区政府要完成的与人民生活")
    document.add_paragraph("密切相关的实事")
    num_id = decimal_numbering(document)
    for text in (
        "既有多层住宅加装电梯新增400台、完工200台。",
        "50个小区新增电动自行车充电设施；为10个老旧小区实施消防设施改造；为3栋高层公房实施消防设施改造；推进1万户"
        "老旧小区居民加装燃气泄漏报警器。",
        "开设40个小学生爱心暑托班办班点；新增5个普惠性托育点；为区内所有义务教育阶段学校提供校内课后服务。",
        "460个居村综合文化活动室提供不少于2300场文化活动。",
    ):
        numbered(document, text, num_id)
    document.save(str(HERE / "213_shanghai_baoshan_2022_shishi.docx"))


def linan_2022_progress() -> None:
    """214 杭州临安区 2022：民生实事项目进展情况表（截至9月底；序号与责任单位纵向合并）。"""
    document = new_document()
    document.add_paragraph("索引号 | 000330185/2022-86781 | 公开方式 | 主动公开 |")
    document.add_paragraph("公开范围 | 面向社会 | 公开时限 | 长期公开 |")
    document.add_paragraph("发布单位 | 区府办 | 发文日期 | 2022-11-03 |")
    document.add_paragraph("2022年区政府民生实事项目进展情况表（截至9月底）")
    grid = table(
        document,
        ["序号", "项目内容", "进展情况", "责任单位"],
        [
            [
                "1",
                "新建成公办中小学、幼儿园7所，新增中小学、幼儿园公办学位6800个。",
                "新建成临安区职教中心、学府路幼儿园、8300安置小区配套幼儿园、宝龙幼儿园、优樾府幼儿园、青山湖科技城第一"
                "幼儿园和天目山镇中心幼儿园等7所中小学、幼儿园，新增学位6800个。",
                "教育局",
            ],
            [
                "2",
                "新建成婴幼儿照护服务成长驿站7家。",
                "新建锦南街道、高虹镇、天目山镇、昌化镇、岛石镇等13家婴幼儿成长驿站。",
                "卫生健康局",
            ],
            ["2", "新增婴幼儿照护服务托位500个。", "新增婴幼儿照护服务托位600个。", "卫生健康局"],
            ["2", "开展胃肠癌联合筛查1万例以上。", "开展胃肠癌联合筛查10111例。", "卫生健康局"],
            [
                "3",
                "实施农村公路大中修100公里。",
                "完成农村公路大中修50公里，剩余预计11月底前完成。",
                "交通运输局",
            ],
            ["3", "新增公交线路3条。", "新增599B、855H、7806M和2754等4条公交线路。", "交通运输局"],
            ["3", "优化调整公交线路20条。", "优化调整公交线路25条。", "交通运输局"],
            [
                "4",
                "新建成保障性住房1700套。",
                "新建成保障性住房共2处合计1721套，其中A1-02-02地块人才专项租赁住房（828套）已完成总工程量的90%，"
                "计划12月底前完成；B-02-08地块人才专项租赁住房（893套）已完成总工程量的85%，计划12月底前完成。",
                "住建局",
            ],
            ["4", "完成公共租赁住房保障家庭800户。", "完成公共租赁住房保障家庭872户。", "住建局"],
            ["4", "综合改造提升老旧街区100万平方米。", "综合改造提升老旧街区108万平方米。", "住建局"],
            [
                "4",
                "打通城市断头路6条。",
                "新建城北支路三道路、星港路跨苕溪桥、发达路跨苕溪桥、星港路南延、横潭路东侧规划道路和白泥路等6处路桥。",
                "住建局",
            ],
        ],
    )
    for column in (0, 3):
        merge_down(grid, column, 2, 4)
        merge_down(grid, column, 5, 7)
        merge_down(grid, column, 8, 11)
    document.save(str(HERE / "214_zhejiang_hangzhou_linan_2022_shishi_progress.docx"))


def shangyu_kjj_2025q1() -> None:
    """215 绍兴上虞区科技局 2025：政府工作报告落实情况（1-3月；小标题为 Word 列表编号，不印单位）。"""
    document = new_document()
    document.add_paragraph("当前位置 : 首页")
    document.add_paragraph(">>科技局 >>决策部署落实")
    document.add_paragraph("索引号: 002590307/2025-62244 公开方式: 主动公开")
    document.add_paragraph("文号: 公开日期: 2025-05-07 15:23")
    document.add_paragraph("发布单位: 区科技局")
    document.add_paragraph("科技局2025年政府工作报告落实情况（1-3月）")
    num_id = decimal_numbering(document)
    items = (
        (
            "科技指标完成情况",
            "多次赴省、市科技部门对接，了解掌握新一轮创新鼎评价办法、考量指标等。认真分析研判我区目前情况，做好 2024 "
            "年度全社会 R&D 经费年报数据工作。截止 3 月底已完成年报数据 80.72 亿元，较上年增长 16.2%，完成率 99%，"
            "排名全市第5（完成率超过越城、滨海）。",
        ),
        (
            "科技项目与平台培育",
            "摸排拟申报省级以上研发机构企业12家，做好业务指导；摸排拟申报重点研发计划企业 8 家，做好实地走访和指导。"
            "已有12项重大科技项目推进实施中。",
        ),
        (
            "科技创新规划与合作",
            '拟定《聚焦打造教育科技人才 "三位一体" 高质量示范区，在全面创新驱动发展上攻坚突破的改革方案（2025-2029 年）》，'
            "并经区委深改委会议审议通过。推进天大、杭电、国科、晶盛等示范场景建设，推荐申报第二批市级试点，推进与天大浙江"
            '绍兴研究院的二轮协作。拟定 "走进天津大学" 系列活动方案，计划于 4 月上旬举办活动，并在会上进行二轮签约。',
        ),
        (
            "科技型企业培育",
            "做好拟申报高企、科小摸排调研，现场走访，做好申报辅导；做好第一批省科小申报准备。",
        ),
        (
            "科技金融服务",
            "青玥科创基金目前已基本完成尽调工作；天创资金全部集结完毕，4 月中旬签订基金备忘录。",
        ),
    )
    for heading, body in items:
        numbered(document, heading, num_id)
        document.add_paragraph(body)
    document.add_paragraph("分享到：")
    document.add_paragraph("【打印本页】 【关闭本页】")
    document.save(str(HERE / "215_zhejiang_shaoxing_shangyu_kjj_2025q1.docx"))


def dazhu_2016() -> None:
    """217 四川达州大竹县 2016：民生实事目标任务分解表（完成时限一列；一格几个单位分行；第5项两行，序号与单位纵向合并）。"""
    document = new_document()
    document.add_paragraph("大竹县人民政府办公室关于对2016年民生实事进行重点督办的通知")
    document.add_paragraph("来源：信息公开办")
    document.add_paragraph("发布日期：2016-03-01")
    document.add_paragraph("点击数：人次")
    document.add_paragraph("竹府办〔2016〕20号")
    document.add_paragraph("各乡镇人民政府、街道办事处，县级各部门：")
    document.add_paragraph(
        "为让人民群众生活得更有保障、更加幸福，根据《2016年政府工作报告》安排部署，现将2016年“民生实事”目标任务分解下达。"
        "请各责任领导、责任单位认真研究、强化责任、细化措施，确保全年目标任务顺利完成。县政府督查室将常年跟踪，适时开展督查。"
        "请各责任单位于每季度末月20日前将“民生实事”完成情况书面报县政府督查室420室（联系电话：6239325）。"
    )
    document.add_paragraph("附件：2016年民生实事目标任务分解表")
    document.add_paragraph("大竹县人民政府办公室")
    document.add_paragraph("2016年2月26日")
    document.add_paragraph("附件")
    document.add_paragraph("2016年民生实事目标任务分解表")
    grid = table(
        document,
        ["序号", "民生实事", "责任单位", "完成时限"],
        [
            [
                "1",
                "启动建设东柳河城区段综合治理工程和东湖湿地公园。",
                "县水务局\n县住建局\n县护城河指挥部",
                "12月底前",
            ],
            ["2", "新建2座人行天桥。", "县住建局", "9月投入使用"],
            ["3", "启动县图书馆新馆建设。", "县文体广新局\n县代建中心", "12月底前"],
            ["4", "建成县残疾人综合服务中心。", "县残联", "5月底前动工"],
            ["5", "开工建设县老年养护楼。", "县民政局", "5月底前动工"],
            ["5", "开工建设老年大学。", "县民政局", "12月底前"],
            ["6", "迁建县政务服务中心。", "县政务服务中心\n县代建中心", "12月底前"],
            ["7", "加快推进土地滩水库建设。", "县水务局", "12月底前"],
            ["8", "启动大竹县第十二小学建设，新建中心幼儿园2所。", "县教科局\n县代建中心", "12月底前"],
            ["9", "完成棚户区改造2836户。", "县住建局", "12月底前"],
            ["10", "城区再新建1个农贸市场。", "县商务局", "12月底前"],
        ],
    )
    merge_down(grid, 0, 5, 6)
    merge_down(grid, 2, 5, 6)
    document.add_paragraph("分享到：")
    document.save(str(HERE / "217_sichuan_dazhou_dazhu_2016_shishi.docx"))


def main() -> None:
    longwan_2024()
    baoshan_2022()
    linan_2022_progress()
    shangyu_kjj_2025q1()
    dazhu_2016()


if __name__ == "__main__":
    main()
