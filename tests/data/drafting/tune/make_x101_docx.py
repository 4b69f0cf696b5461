"""Build the .docx documents of held-out set x101 (1210–1219) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x101_docx.py

See ../make_docx.py for the layout helpers. The set holds task divisions of science-and-technology bodies; the stored
pages hold only the first ~2,000 characters of each page, so each document ends where its page does (a table row that
the page cuts before its unit cell is left out). A page that shows a table flattened one cell a line, or with “ | ”
between cells, is rebuilt here cell by cell as a real Word table: a cell printed once above rows that print nothing in
its column is merged down, a cell that stands over two columns is merged across. Half-width commas, colons and brackets
that the stored pages carry are written in full width, as in every transcription of the corpus; everything else is as
the page prints it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from docx.document import Document as DocumentType  # noqa: E402
from make_docx import merge_across, merge_down, new_document  # noqa: E402


def grid_table(document: DocumentType, rows: Sequence[Sequence[str]]) -> object:
    """A real Word table whose every row (header rows too) is given; "\n" is a new line inside the cell."""
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


def paragraphs(document: DocumentType, lines: Sequence[str]) -> None:
    for line in lines:
        document.add_paragraph(line)


# ---------------------------------------------------------------------------------------------------------------
# 1210 湖北省科学技术厅：政府信息主动公开基本目录（2024版）；附件的表到第2行为止（第3行在“公开依据”格里截断）

HUBEI_BEFORE = [
    "湖北省科学技术厅政府信息主动公开基本目录（2024版）",
    "2024-09-29 10:28 湖北省科学技术厅",
    "为贯彻落实《中华人民共和国政府信息公开条例》（国务院令第711号）、《中共中央办公厅国务院办公厅印发〈关于全面推进政务"
    "公开工作的意见〉的通知》（中办发〔2016〕8号）等文件精神和要求，全面提高我厅主动公开的标准化、规范化水平，特制定本目录。",
    "一、主动公开事项和内容",
    "重点公开政府工作机构、政策、政府信息公开、法定主动公开内容、政府信息公开工作年度报告、政府网站工作年度报表等6类内容。",
    "二、主动公开时限",
    "自相关信息形成或变更之日起20个工作日内（法律法规、政策文件对公开期限另有规定的，从其规定）。",
    "三、主动公开方式",
    "通过部门户网站、政府公报新闻发布会、新媒体矩阵等形式主动公开。",
    "四、责任主体",
    "省科技厅办公室牵头各相关处室（单位）根据责任分工分别负责（详见附件）。",
    "附件",
    "湖北省科学技术厅政府信息主动公开基本目录",
]

HUBEI_BASIS = "《中华人民共和国政府信息公开条例》（国务院令第711号）第二十条"
HUBEI_ROWS = [
    [
        "公开类别",
        "序号",
        "事项名称",
        "公开内容",
        "公开依据",
        "公开时限",
        "责任主体",
        "公开方式",
        "公开渠道",
        "公开对象",
    ],
    [
        "政府工作机构",
        "1",
        "机构职能",
        "主要职责",
        HUBEI_BASIS,
        "形成或变更之日起20个工作日内",
        "人事处",
        "主动公开",
        "政府网站",
        "社会",
    ],
    [
        "",
        "2",
        "机构设置",
        "公开机构设置情况，包括机构职能、领导信息、内设机构、直属单位",
        HUBEI_BASIS,
        "形成或变更之日起20个工作日内",
        "人事处",
        "主动公开",
        "政府网站",
        "社会",
    ],
]


def hubei() -> None:
    document = new_document()
    paragraphs(document, HUBEI_BEFORE)
    grid = grid_table(document, HUBEI_ROWS)
    merge_down(grid, 0, 1, 2)  # 公开类别“政府工作机构” printed once over rows 1–2
    document.save(str(HERE / "1210_hubei_province_kjt_2024_zhudong_gongkai_jiben_mulu.docx"))


# ---------------------------------------------------------------------------------------------------------------
# 1211 淄博市博山区科学技术局：政务公开事项标准目录（2022）；表到第4行为止（第5行在“公开内容”格里截断）

BOSHAN_BEFORE = [
    "标题：博山区科学技术局政务公开事项标准目录",
    "索引号：113703040042181387/2022-5244846 文号：",
    "发文日期：2022-06-17 发布机构：博山区科学技术局",
    "淄博市博山区科学技术局政务公开事项标准目录",
]

BOSHAN_LAW = "《中华人民共和国政府信息公开条例》（国务院令第711号）。"
BOSHAN_TIME = "自该信息形成或者变更之日起20个工作日内。"
BOSHAN_BODY = "博山区科学技术局"
BOSHAN_ROWS = [
    [
        "序号",
        "公开事项",
        "",
        "公开内容（要素）",
        "公 开 依 据",
        "公开时限",
        "公开主体",
        "公开渠道和载体",
        "公开对象",
        "",
        "公开方式",
        "",
    ],
    ["", "一级目录", "二级目录", "", "", "", "", "", "全社会", "特定群众", "主动", "依申 请公开"],
    [
        "1",
        "法规公文",
        "部门文件",
        "本部门印发的规范性文件，本部门印发的除规范性文件以外的其他可以全文公开的文件。",
        BOSHAN_LAW,
        BOSHAN_TIME,
        BOSHAN_BODY,
        "■政府网站",
        "√",
        "",
        "√",
        "",
    ],
    [
        "2",
        "人事任免",
        "",
        "单位人事任免信息。",
        BOSHAN_LAW,
        BOSHAN_TIME,
        BOSHAN_BODY,
        "■政府网站",
        "√",
        "",
        "√",
        "",
    ],
    [
        "3",
        "公示公告",
        "",
        "单位公示公告事项。",
        BOSHAN_LAW,
        BOSHAN_TIME,
        BOSHAN_BODY,
        "■政府网站",
        "√",
        "",
        "√",
        "",
    ],
    [
        "4",
        "规划计划",
        "经济和社会发展五年规划、专项发展规划计划",
        "本部门中长期发展规划、年度工作计划和工作总结。",
        "《中华人民共和国政府信息公开条例》（国务院令第492号）； 《国务院关于加强国民经济和社会发展规划编制工作的若干意见》"
        "（国发〔2005〕33号）。",
        BOSHAN_TIME,
        BOSHAN_BODY,
        "■政府网站",
        "√",
        "",
        "√",
        "",
    ],
]


def boshan() -> None:
    document = new_document()
    paragraphs(document, BOSHAN_BEFORE)
    grid = grid_table(document, BOSHAN_ROWS)
    # the two header rows: 公开事项/公开对象/公开方式 stand over two columns, the others over both rows
    merge_across(grid, 0, 1, 2)
    merge_across(grid, 0, 8, 9)
    merge_across(grid, 0, 10, 11)
    for column in (0, 3, 4, 5, 6, 7):
        merge_down(grid, column, 0, 1)
    # rows 2 and 3 print one 事项 cell where the others print 一级目录 and 二级目录 (the page flattens them one cell
    # short, the spare empty cell at the row's end): the cell stands over both columns
    merge_across(grid, 3, 1, 2)
    merge_across(grid, 4, 1, 2)
    document.save(str(HERE / "1211_shandong_zibo_boshan_kjj_2022_zhengwu_gongkai_biaozhun_mulu.docx"))


def main() -> None:
    hubei()
    boshan()


if __name__ == "__main__":
    main()
