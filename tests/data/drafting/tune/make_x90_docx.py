"""Build the .docx documents of held-out set x90 (1100–1109) from the GitHub files named in ../README.md.

    python tests/data/drafting/tune/make_x90_docx.py

See ../make_docx.py for the layout helpers. The texts are transcribed from whole documents that a public
repository holds as extracted text (zhiyao87/Shanghai-Gov-Docs-Index: one file a document, the official page's
text with its tables flattened one cell a line). Each table is rebuilt here cell by cell as a real Word table;
a cell printed once over rows that print nothing in its column is merged down. The words are unchanged.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from docx.document import Document as DocumentType  # noqa: E402
from make_docx import merge_down, new_document  # noqa: E402


def grid_table(document: DocumentType, rows: Sequence[Sequence[str]]) -> object:
    """A real Word table whose every row (the header too) is given; "\n" is a new line inside the cell."""
    grid = document.add_table(rows=len(rows), cols=len(rows[0]))
    grid.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            cell = grid.cell(i, j)
            lines = text.split("\n")
            cell.text = lines[0]
            for extra in lines[1:]:
                cell.add_paragraph(extra)
    return grid


# 1104 上海市人民政府：上海市排水管理体制改革方案（2025），整篇；主要指标预期目标表重建为 Word 表格，
# 指标名称格印一次、其下几行该列不印的，纵向合并（“污水收集处理水平”五行，“防汛抢险处置效率”两行）。
PAISHUI_BEFORE = [
    "上海市人民政府关于印发《上海市排水管理体制改革方案》的通知",
    "各区人民政府，市政府有关委、办、局，各有关单位：",
    "现将《上海市排水管理体制改革方案》印发给你们，请认真按照执行。",
    "上海市人民政府",
    "2025年3月15日",
    "上海市排水管理体制改革方案",
    "为贯彻落实《中共上海市委关于贯彻落实党的二十届三中全会精神进一步全面深化改革、在推进中国式现代化中充分发挥龙头带动和示范引领作用的决定》有关要求，系统治理排水瓶颈问题，提升公共排水设施一体化运行效能和管理水平，加快建成与超大城市发展相适应的城镇排水管理体系，制定本方案。",
    "一、改革目标",
    "在现阶段规划建设分工不变、设施资产权属不变、政府监管职责不变、属地防汛责任不变、日常运维资金渠道不变的基础上，到2026年底，将黄浦区、静安区、徐汇区、长宁区、普陀区、虹口区、杨浦区、宝山区、闵行区、浦东新区北部区域和嘉定区真新街道、江桥镇部分区域内雨污水公共排水设施，交由上海城投集团实施市属污水处理片区（石洞口、竹园、白龙港三大片区）厂站网一体化运维管理，发挥规模效应，推动降本增效，实现统一运维管理、统一技术标准、统一运行调度、统一服务质量、统一核算机制，达到预期目标。",
    "主要指标预期目标",
]

PAISHUI_AFTER = [
    "二、工作任务",
    "（一）推进平稳有序移交。相关区政府将辖区内公共排水设施交由上海城投集团统一运维管理；上海城投集团开展内部组织架构调整，接收相关区国有养护企业在册排水运维管理和作业人员。相关区政府负责做好社会稳定工作，市国资委做好行业指导。2025—2026年为改革过渡期，过渡期内上海城投集团延续在有效期内的运维合同至期满，并执行统一的经费投入标准和服务质量；雨污混接普查和整治、排水管道结构性病害修复、雨水系统提标改造、“消除积水”行动等既定专项任务仍由原责任单位实施推进。2025年6月，相关区政府完成本区排水管理体制改革实施方案制定；上海城投集团完成内部组织架构调整，建立“一区一工作小组”，参与相关区运维管理业务。2025年10月，启动运维管理移交接管；2025年12月，完成移交接管工作。",
    "（二）构建系统运营体系。2025年6月，上海城投集团形成三大片区公共排水设施一体化运维管理方案；2025年12月，完成公共排水设施专业运维队伍和专业抢险队伍组建；2026年底，完成三大片区排水感知体系及模拟评估系统建设，全面实现公共排水设施一体化运维管理。上海城投集团根据市、区两级防汛指挥部署，落实公共排水设施防汛责任。",
    "（三）强化成本绩效管理。相关区政府负责落实三大片区内移交的公共排水设施日常运维经费和大中修经费，纳入区级财政预算。2025年底，市水务局会同市财政局、相关区政府在开展成本预算绩效分析的基础上，结合现行定额标准、现状投入水平和改革预期目标，研究形成统一的公共排水设施日常运维经费标准，报市政府批准后执行，同步建立结算协调机制；市水务局牵头制定一体化运维管理绩效考核办法，并建立激励机制，鼓励技术创新，提升运维效率。2026年起，市、区水务部门联合对上海城投集团开展一体化运维管理绩效考核，考核结果与运维资金拨付、市国资委对企业领导班子奖惩挂钩。2027年起，开展一体化运维管理成本预算绩效分析，进一步完善绩效考核办法，适时研究建立综合单价结算机制。",
    "（四）出台改革配套政策。2025年5月，市水务局会同市发展改革委、市财政局、上海城投集团落实排水感知体系及模拟评估系统建设运行机制和资金渠道。2025年6月，市住房城乡建设管理委会同市发展改革委、市财政局、市水务局整合形成覆盖三大片区公共排水设施更新改造、应急抢修项目近远期建设机制和资金渠道。2026年起，开展厂站网一体化建设体系和新建排水设施建设投资政策研究。",
    "三、职责分工",
    "（一）市水务局。负责排水管理体制改革的总体协调推进，制定运维移交协议标准模板；负责统一公共排水设施运维服务标准，研究制定日常运维经费标准；负责制定并实施一体化运维管理绩效考核办法；负责协同市财政局建立公共排水设施运维资金统一核算机制；负责对上海城投集团三大片区公共排水设施运维管理情况进行监管和指导。其他排水行业监督管理职责不变。",
    "（二）相关区政府。负责制定区级排水管理体制改革实施方案；负责辖区内移交排水设施运维的监督检查和绩效考核；负责对辖区内上海城投集团运维管理情况进行监管和指导；负责按照统一标准落实移交排水设施日常运维资金，并纳入区级财政预算；负责做好改革过程中社会稳定工作；配合市水务局、市财政局落实公共排水设施运维资金统一核算机制。辖区内其他排水行业监督管理职责不变。",
    "（三）上海城投集团。负责三大片区公共排水设施运维管理，包括日常运行调度、巡查养护、设施大中修、更新改造、应急抢修等，以及市政府明确的其他专项治理工作；负责三大片区防汛排水抢险、重大活动排水保障工作；负责接管相关区新建公共排水设施，并加强排水设施信息的动态更新管理；负责排水设施一体化运行调度信息系统的建设和维护；负责涉及移交排水设施的热线、网格化、信访等事件的处置；负责做好排水应急保障服务；参与排水规划编制；参与相关区新建公共排水设施的前期研究和竣工验收；配合排水接入现场踏勘、接入方案技术指导、接入项目验收等，并配合对三大片区内排水户雨污水管接驳情况、排水及水质情况进行管控；配合相关区雨污混接整治、管道结构性病害修复等排水专项任务；配合开展排水行政许可、行政执法；配合相关区政府做好改革过程中的稳定工作。",
    "各有关单位要高度重视排水管理体制改革工作，健全工作机制，加强统筹谋划、协调推进、指导督促，推动改革各项任务落地。要加强改革推进过程中的跟踪评估，及时沟通、科学应对、妥善解决工作中遇到的问题，确保改革平稳有序。同步研究石洞口、竹园、白龙港三大片区厂站网一体化建设体系改革方案，择机深化改革。",
]

PAISHUI_TABLE = [
    ["指标名称", "预期目标"],
    ["管道养护抽查合格率", "95%（含）以上（管道积泥深度不超过管径10%为合格）"],
    ["污水收集处理水平", "污水厂进厂BOD5年均浓度大于100mg/L"],
    ["", "污水厂无溢流（极端天气情况除外）"],
    ["", "泵站放江符合生态环境管控要求"],
    ["", "管网低水位运行"],
    ["", "外水入侵减少"],
    ["防汛抢险处置效率", "中心城区道路标准以内降雨不发生积水"],
    ["", "发生险情立即响应，接到抢险指令后30分钟内抵达现场（除重点保障区域外，跨区调度60分钟内抵达）"],
]


def paishui_2025() -> None:
    """1104: the notice and the plan, its indicator table as a real Word table."""
    document = new_document()
    for text in PAISHUI_BEFORE:
        document.add_paragraph(text)
    grid = grid_table(document, PAISHUI_TABLE)
    merge_down(grid, 0, 2, 6)
    merge_down(grid, 0, 7, 8)
    for text in PAISHUI_AFTER:
        document.add_paragraph(text)
    document.save(str(HERE / "1104_shanghai_2025_paishui_guanli_tizhi_gaige_fangan.docx"))


def main() -> None:
    paishui_2025()


if __name__ == "__main__":
    main()
