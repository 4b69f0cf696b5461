"""Build the .docx documents of the seventh held-out set (200–).

    python tests/data/drafting/tune/make_heldout7_docx.py

See ../make_docx.py for the layout helpers. The text of each document is the transcription of
the page named in ../README.md (punctuation full-width as published; the stored pages had turned
it half-width); this script only lays it out the way Word holds it: item numbers that Word
generates from list numbering, typed on the page as “1.” (200, 205, 209: decimal; 209 numbers
on across its “二、” heading), “一、” (203) and “（一）” (208: Chinese counting), with the group
headings and the preamble as plain paragraphs.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import chinese_numbering, decimal_numbering, new_document, numbered  # noqa: E402


def huaian_shukun() -> None:
    """200 淮安市 2022：进一步帮助市场主体纾困解难着力稳定经济增长的具体实施细则（Word 列表编号）。"""
    document = new_document()
    document.add_paragraph("《关于进一步帮助市场主体纾困解难着力稳定经济增长的具体实施细则》")
    document.add_paragraph(
        "为深入贯彻落实省政府《关于进一步帮助市场主体纾困解难着力稳定经济增长的若干政策措施》（苏政发〔2022〕1号）"
        "精神，坚持稳字当头、稳中求进，把稳增长摆在更加突出位置，进一步帮助市场主体纾困解难，提振信心、稳定预期，"
        "着力稳定经济增长，结合淮安实际，制定如下实施细则。"
    )
    document.add_paragraph("一、落实财税支持政策")
    num_id = decimal_numbering(document, fmt="%1.")
    numbered(
        document,
        "积极争取省级专项资金，支持生产经营暂时面临困难但产品有市场、项目有前景、技术有竞争力的中小微企业，"
        "以及劳动力密集、社会效益高的民生领域服务型中小微企业。整合市工信、科技、市场监管、地方金融监管等部门涉企资金，"
        "设立2.43亿元推动工业强市发展专项引导资金，出台管理办法，发布项目申报指南，重点鼓励企业扩大投资和科技创新，"
        "对存量企业实施的技改项目、新招引重点产业和先进制造业集群项目，规模以上企业、高新技术企业、上市企业、"
        "专精特新“小巨人”企业、绿色制造企业培育等方面给予扶持。（责任单位：市工信局、市财政局等有关部门，"
        "各县区人民政府、园区管委会。以下政策措施均需各县区人民政府、园区管委会落实，不再单独列出）",
        num_id,
    )
    numbered(
        document,
        "成立“智改数转”工作专班，出台《淮安市制造业智能化改造和数字化转型三年行动计划（2022-2024）》和2022年"
        "“智改数转”工作推进方案，积极争取省工业企业“智改数转”专项资金。开展企业上云培训对接和咨询诊断活动，"
        "对符合条件的企业上云和工业互联网等“智改数转”项目予以奖补，每年培育星级上云企业50家。"
        "（责任单位：市工信局、市财政局）",
        num_id,
    )
    document.save(str(HERE / "200_jiangsu_huaian_2022_shukun.docx"))


def liaoning_2025_fengong() -> None:
    """203 辽宁省 2025：省《政府工作报告》重点工作分工方案（一）（Word 列表编号“一、”）。"""
    document = new_document()
    document.add_paragraph("2025年省《政府工作报告》重点工作分工方案（一）")
    document.add_paragraph(
        "2025年是“十四五”规划的收官之年，是全面振兴新突破三年行动的决胜之年。为贯彻落实省“两会”精神，"
        "确保省十四届人大三次会议审议通过的省《政府工作报告》各项重点工作落地见效，高质量完成“十四五”规划和"
        "三年行动目标任务，现制定分工方案如下。"
    )
    num_id = chinese_numbering(document)
    numbered(
        document,
        "对地区生产总值增长5%以上、规模以上工业增加值增长4.5%以上、固定资产投资增长8%左右、社会消费品零售总额"
        "增长5%以上、一般公共预算收入增长4%、进出口总额增长5%左右、城镇新增就业47万人左右、城镇调查失业率5.5%左右、"
        "居民消费价格涨幅2%左右、居民人均可支配收入增长与经济增长基本同步、粮食产量500亿斤左右、单位地区生产总值能耗"
        "完成国家下达任务等经济社会发展预期目标完成情况进行监测和督导。（省发展改革委、省工业和信息化厅、省财政厅、"
        "省人力资源社会保障厅、省农业农村厅、省商务厅等按职责分工负责）",
        num_id,
    )
    document.save(str(HERE / "203_liaoning_province_2025_fengong.docx"))


def bengbu_minying() -> None:
    """205 蚌埠市 2021：进一步激发民营企业创业热情……的实施意见（Word 列表编号“1.”）。"""
    document = new_document()
    for line in (
        "中共蚌埠市委 蚌埠市人民政府",
        "关于进一步激发民营企业创业热情",
        "成就企业家创意创新创造推进民营经济",
        "高质量发展的实施意见",
        "（2021年7月10日）",
    ):
        document.add_paragraph(line)
    document.add_paragraph(
        "为贯彻落实《中共安徽省委、安徽省人民政府关于进一步激发民营企业创业热情成就企业家创意创新创造推进民营经济"
        "高质量发展的若干意见》（皖发〔2021〕10号）精神，持续优化发展环境，加快推动我市民营经济和中小企业实现"
        "高质量发展，提出如下实施意见。"
    )
    document.add_paragraph("一、激发民营企业创新活力")
    num_id = decimal_numbering(document, fmt="%1.")
    numbered(
        document,
        "搭建创意创新联动平台。积极搭建创意梦想互相碰撞、资源要素互动耦合的创意平台，每季度组织召开民营经济创意会，"
        "鼓励具有行业影响力、规模引领力、市场话语权的民营企业，提出发展“四新”经济、集聚资源要素、推动集群化发展、"
        "产业链壮大的创意和想法。经论证后可行的，给予“一业一策、一链一策”支持。（各县、区，市商务外事局、"
        "市发展改革委等按职责分工负责）",
        num_id,
    )
    numbered(
        document,
        "推动创意创新项目落地。按照“创意好、论证实、可落地”的原则，坚持顶格倾听、顶格协调、顶格推进，各县、区政府"
        "建立创意项目评估论证、要素保障、督办落实推进机制，确保好的创意方案尽快转化为可落地、有前景、能见效的产业项目。"
        "对投资5亿元以上的重大创意项目，纳入市重点项目协调调度机制。（各县、区，市发展改革委等按职责分工负责）",
        num_id,
    )
    document.save(str(HERE / "205_anhui_bengbu_2021_minying.docx"))


def jiaxing_minying() -> None:
    """208 嘉兴市：贯彻落实浙江省促进民营经济高质量发展若干措施实施方案（Word 列表编号“（一）”）。"""
    document = new_document()
    document.add_paragraph("嘉兴市贯彻落实浙江省促进民营经济高质量发展若干措施实施方案")
    document.add_paragraph(
        "为深入贯彻中共中央、国务院关于促进民营经济发展壮大的决策部署，全面落实浙江省促进民营经济高质量发展若干措施，"
        "激发民营经济发展活力，提振民营经济发展信心，结合嘉兴实际，制定本实施方案。"
    )
    document.add_paragraph("一、加强民营经济资源要素支持")
    num_id = chinese_numbering(document, fmt="（%1）")
    numbered(
        document,
        "强化财税政策保障。贯彻落实党中央、国务院关于延续优化完善实施阶段性税费优惠政策的决策部署，依规加大减税降费力度。"
        "增值税小规模纳税人减免增值税，小微企业减按25%计入应纳税所得额，增值税小规模纳税人、小型微利企业和个体工商户"
        "减半征收“六税两费”，金融机构小微企业和个体工商户小额贷款利息收入免征增值税，为农户、小微企业及个体工商户提供"
        "融资担保及再担保业务免征增值税，金融机构与小微企业签订借款合同免征印花税等政策延续执行至2027年底。"
        "对个体工商户年应纳税所得额不超过200万元部分减半征收个人所得税，顶格上浮重点群体和退役士兵创业就业税费扣除限额，"
        "并延续至2027年底。符合条件行业企业研发费用税前加计扣除比例提高至100%，作为制度性安排长期实施。"
        "（市税务局、市财政局、市科技局、市人力社保局、市退役军人事务局，各县市、区政府，列第一位的为牵头单位，下同。"
        "以下均需各县市、区政府落实，不再列出）",
        num_id,
    )
    document.save(str(HERE / "208_zhejiang_jiaxing_2023_minying.docx"))


def guandu_wenzengzhang() -> None:
    """209 昆明市官渡区 2016：稳增长促发展若干政策措施（Word 列表编号“1.”，跨“二、”标题连续编号）。"""
    document = new_document()
    document.add_paragraph(
        "为认真贯彻落实国家和省、市关于稳增长各项决策部署，加快推进供给侧结构性改革，着力促进全区经济平稳较快发展，"
        "根据《昆明市人民政府关于印发昆明市稳增长促发展若干政策措施的通知》（昆政发〔2016〕13号），结合官渡区实际，"
        "特制定如下政策措施。"
    )
    num_id = decimal_numbering(document, fmt="%1.")
    document.add_paragraph("一、提高投资项目审批效率")
    for text in (
        "精简项目审批手续。加快推进网上审批，完善行政审批网上服务大厅功能，扩大上线服务单位范围，提高行政审批效率。"
        "加快建立“中介超市”，5月底前实现我区中介超市上线运行。（区政务服务局牵头，区发改局、区审改办、区住建局、"
        "区级相关部门配合）",
        "提高土地审批效率。辖区范围内6亩以下（不含6亩）的土地使用转让手续，区政府审查后办理土地登记。"
        "（区国土分局牵头，区规划分局、区级相关部门配合）",
        "提高环评审批效率。环评文件上报审批时，只需提交水保批复（涉及水土保持项目）、滇管部门选址意见（涉及滇池流域项目）。"
        "环境影响报告表、登记表原则上由区级负责审批。环评报告书14个工作日内、环评报告表7个工作日内、环评登记表3个工作日内"
        "完成审批。（区环保局牵头，区水务局、区级相关部门配合）",
    ):
        numbered(document, text, num_id)
    document.add_paragraph("二、加快推进项目建设")
    numbered(
        document,
        "加强项目谋划储备。编制完成官渡区三年滚动投资计划，完善“十三五”规划项目库，建立专项建设基金三年滚动项目库，"
        "建立投资项目信息化管理平台，促进投资项目科学管理。加大项目前期工作力度，区级财政安排4000万元重大项目前期费，"
        "统筹用于区级重大基础设施项目。继续深挖盘活财政存量和沉淀资金，统筹用于重点项目建设，进一步发挥财政资金的撬动作用。"
        "（区发改局牵头，区财政局、区交运局、区经贸投促局、区住建局、区水务局等部门，区国投公司、各街道办事处配合）",
        num_id,
    )
    document.save(str(HERE / "209_yunnan_kunming_guandu_2016_wenzengzhang.docx"))


if __name__ == "__main__":
    huaian_shukun()
    liaoning_2025_fengong()
    bengbu_minying()
    jiaxing_minying()
    guandu_wenzengzhang()
