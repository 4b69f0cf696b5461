"""Build the corpus's .docx documents from their transcriptions (python-docx).

    python tests/data/drafting/make_docx.py

The texts below are transcribed from the public pages named in README.md; this script
only lays them out the way Word holds such documents: real tables (merged cells are
`cell.merge`, several units in a cell separated by line breaks) and item numbering that
Word generates (`w:numPr` in the paragraph, a `w:num` in the numbering part), not typed.
The .docx files are committed; run this only to rebuild them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
CORPUS = HERE


def new_document() -> DocumentType:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "仿宋_GB2312"
    style.font.size = Pt(16)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    return document


def decimal_numbering(document: DocumentType, fmt: str = "%1.", start: int = 1) -> int:
    """Add an abstract decimal list + a num to the numbering part; return the numId."""
    numbering = document.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id = max(abstract_ids, default=0) + 1
    num_id = max(num_ids, default=0) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", str(start)), ("w:numFmt", "decimal"), ("w:lvlText", fmt)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        level.append(element)
    abstract.append(level)
    # abstractNum elements must precede num elements
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(abstract_id))
    num.append(ref)
    numbering.append(num)
    return num_id


def numbered(document: DocumentType, text: str, num_id: int) -> None:
    """A paragraph numbered by Word (numPr in its properties), no typed number."""
    paragraph = document.add_paragraph(text)
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num_ref = OxmlElement("w:numId")
    num_ref.set(qn("w:val"), str(num_id))
    num_pr.append(ilvl)
    num_pr.append(num_ref)
    p_pr.insert(0, num_pr)


def table(document: DocumentType, header: Sequence[str], rows: Sequence[Sequence[str]]) -> object:
    """A real Word table; a cell's "\n" becomes a line break inside the cell."""
    grid = document.add_table(rows=1 + len(rows), cols=len(header))
    grid.style = "Table Grid"
    for j, text in enumerate(header):
        grid.cell(0, j).text = text
    for i, row in enumerate(rows, start=1):
        for j, text in enumerate(row):
            cell = grid.cell(i, j)
            lines = text.split("\n")
            cell.text = lines[0]
            for extra in lines[1:]:
                cell.add_paragraph(extra)
    return grid


def _merge(grid: object, start: tuple[int, int], end: tuple[int, int]) -> None:
    """Merge the cells from `start` to `end` (row, column), keeping the first cell's text once."""
    first = grid.cell(*start)  # type: ignore[attr-defined]
    text = first.text
    merged = first.merge(grid.cell(*end))  # type: ignore[attr-defined]
    for paragraph in merged.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    merged.paragraphs[0].text = text


def merge_down(grid: object, column: int, first: int, last: int) -> None:
    """Merge a column's cells from row `first` to `last` (a vertical merge), keep one text."""
    _merge(grid, (first, column), (last, column))


def merge_across(grid: object, row: int, first: int, last: int) -> None:
    """Merge a row's cells from column `first` to `last` (a group row spanning the table), keep one text."""
    _merge(grid, (row, first), (row, last))


def chinese_numbering(document: DocumentType, fmt: str = "%1、") -> int:
    """A list Word numbers 一、二、 (or （一）（二） with fmt “（%1）”: numFmt chineseCounting); its numId."""
    num_id = decimal_numbering(document, fmt=fmt)
    numbering = document.part.numbering_part.element
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) != str(num_id):
            continue
        abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        for abstract in numbering.findall(qn("w:abstractNum")):
            if abstract.get(qn("w:abstractNumId")) == abstract_id:
                abstract.find(qn("w:lvl")).find(qn("w:numFmt")).set(qn("w:val"), "chineseCounting")
    return num_id


def qiaocheng() -> None:
    """02 谯城区 2023：政府工作报告重点工作任务分解表（区科技局部分）。"""
    document = new_document()
    document.add_paragraph("2023年本部门年度重点工作任务的任务分解")
    document.add_paragraph("谯城区2023年政府工作报告重点工作任务分解表")
    grid = table(
        document,
        ["序号", "重点工作任务", "主要责任单位", "协同配合单位", "完成期限"],
        [
            [
                "33",
                "新培育科技型中小企业50家以上、高新技术企业30家以上。",
                "区科技局",
                "区经信局、区商务局（区药发中心）、区税务局、区财政局等区政府有关部门，谯城经开区管委会。",
                "2023年12月底",
            ],
            [
                "34",
                "发挥拓展谯城（江南大学）离岸健康科技研发中心等平台作用，谋划共建中科谯城智慧农业研究院，"
                "推动安中医在谯城建设中药产业科技园，支持谯城经开区申报省科技成果产业化基地，"
                "推动亳州国家农业科技园区提档升级。",
                "区科技局\n区商务局（区药发中心）\n谯城经开区管委会\n区药投公司",
                "区发改委、区经信局、区农业农村局、等区政府有关部门，区农投公司。",
                "2023年12月底",
            ],
            [
                "35",
                "强化企业创新主体地位，引导企业增加研发投入，研发费用突破6亿元。推动全民发明创造，"
                "全社会研发支出增长15%以上。",
                "区科技局",
                "区经信局等区政府有关部门，谯城经开区管委会。",
                "2023年12月底",
            ],
        ],
    )
    merge_down(grid, 4, 1, 3)
    document.save(str(CORPUS / "tune" / "02_anhui_bozhou_qiaocheng.docx"))


def chuzhou() -> None:
    """03 滁州市 2020：市政府重点工作及责任分解（Word 列表编号）。"""
    document = new_document()
    document.add_paragraph("滁州市人民政府关于2020年市政府重点工作及责任分解的通知")
    document.add_paragraph("各县、市、区人民政府，市政府各部门、各直属机构：")
    document.add_paragraph(
        "2020年是全面建成小康社会和“十三五”规划收官之年，是谋划“十四五”关键之年，做好今年工作，"
        "意义特别重大。2020年市政府工作报告已经市第六届人民代表大会第三次会议审议通过，确定了10个方面"
        "190项重点工作，由许继伟同志负总责，同时明确各项工作的牵头负责领导、牵头责任单位和协同责任单位。"
        "市政府将把重点工作任务完成情况纳入年度目标绩效考核，跟踪督查调度，强力推进落实。各地各部门要"
        "认真履职尽责，进一步细化目标任务、实化推进举措，真抓实干，敢于担当，勇于作为，确保各项目标任务"
        "高质量完成，兑现对全市人民的庄严承诺。"
    )
    document.add_paragraph("一、确保完成全年主要预期目标")
    num_id = decimal_numbering(document)
    items = [
        (
            "地区生产总值增长8%以上。",
            "金力",
            "市发展改革委",
            "市经信局、市商务局、市交通局、市农业农村局、滁州经开区管委会、中新苏滁高新区管委会等，各县、市、区政府。",
        ),
        (
            "财政收入增长8%左右。",
            "金力",
            "市财政局",
            "市税务局、滁州海关、市人行、滁州经开区管委会、中新苏滁高新区管委会等，各县、市、区政府。",
        ),
        (
            "固定资产投资增长10%以上。",
            "金力",
            "市发展改革委",
            "市经信局、市住建局、市交通局、市水利局、滁州经开区管委会、中新苏滁高新区管委会等，各县、市、区政府。",
        ),
    ]
    for text, leader, lead, support in items:
        numbered(document, text, num_id)
        document.add_paragraph(f"牵头负责领导：{leader}。")
        document.add_paragraph(f"牵头责任单位：{lead}。")
        document.add_paragraph(f"协同责任单位：{support}")
    document.save(str(CORPUS / "tune" / "03_anhui_chuzhou.docx"))


def xiangxi() -> None:
    """06 湘西自治州 2020：深化“放管服”改革优化营商环境工作计划（括号内标签）。"""
    document = new_document()
    document.add_paragraph("州政发〔2020〕5号")
    document.add_paragraph("各县市人民政府、湘西经开区管委会，州政府各局委、各直属机构：")
    document.add_paragraph(
        "《湘西自治州2020年深化“放管服”改革优化营商环境工作计划》已经州人民政府第54次常务会议同意，"
        "现印发给你们，请结合实际，认真贯彻落实。"
    )
    document.add_paragraph("湘西自治州人民政府")
    document.add_paragraph("2020年2月22日")
    document.add_paragraph("湘西自治州2020年深化“放管服”改革优化营商环境工作计划")
    document.add_paragraph(
        "为巩固提升我州“放管服”改革优化营商环境工作实效，切实解决企业群众最需、最盼、最急、最难、最堵问题，"
        "根据国务院《优化营商环境条例》（国令第722号）和《湖南省人民政府办公厅关于印发〈湖南省优化经济发展"
        "环境规定〉的通知》（湘政办发〔2019〕56号）精神，州人民政府确定2020年为“深化放管服改革优化营商环境"
        "攻坚年”，结合实际，特制定本计划。"
    )
    document.add_paragraph("一、进一步提升政务服务效能")
    document.add_paragraph(
        "1.加大简政放权力度。坚持依法放权、宜放则放的原则，承接好省下放行政许可事项，下放一批管理审批权限，"
        "严格执行《湖南省乡镇权力清单和责任清单》，加大乡镇社会经济管理赋权力度，做到“应放尽放”“应接尽接”。"
        "大力推进吉首市、湘西经开区两个相对集中行政许可权改革试点，实现“一枚印章管审批”。（牵头单位：州行政"
        "审批服务局；责任单位：州司法局、州委编办及州直相关单位，各县市人民政府、湘西经开区管委会，6月底完成）"
    )
    document.save(str(CORPUS / "tune" / "06_hunan_xiangxi.docx"))


def main() -> None:
    qiaocheng()
    chuzhou()
    xiangxi()


if __name__ == "__main__":
    main()
