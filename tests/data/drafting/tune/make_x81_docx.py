"""Build the .docx documents of held-out set x81 (1010–1017) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x81_docx.py

See ../make_docx.py for the layout helpers. The stored pages hold only the first ~2,000 characters of each page, so
each document ends where its page does (the half-read item or row at the end is left out, as the README says). A table
that the page draws with box characters or flattens is rebuilt here cell by cell as a real Word table with the page's
own header: a group row the page draws across the whole table is merged across, a cell whose text the page wraps over
several lines of the drawing is one cell. Half-width commas, colons and brackets that the stored pages carry are
written in full width, as in every transcription of the corpus; everything else is as the page prints it.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, new_document, table  # noqa: E402

# ---------------------------------------------------------------------------------------------------------------
# 1012 云南省人民政府办公厅：云南省政府自身建设2011年工作任务分解（法规网站转载的第2页：通知的末段、落款和表的第一行）

YUNNAN_BEFORE = [
    "云南省人民政府办公厅关于印发云南省政府自身建设2011年工作任务分解的通知",
    "五、进一步建立健全政府自身建设考评机制",
    "各地、各部门要立足实际，进一步建立健全四项制度综合考评机制，加强对四项制度实施情况的考核评价，定期通报工作进展情况。"
    "对工作落实不力、进度缓慢的，要通报批评，限期整改；对推进不力、制度落实不到位的，要强化行政问责，并注重问责结果运用。",
    "各地、各部门贯彻落实情况要及时向省政府督查室报告。",
    "云南省人民政府办公厅",
    "二0一一年四月一日",
    "云南省政府自身建设2011年工作任务分解",
]

YUNNAN_HEADER = ["事项", "主要工作", "牵头部门", "协办部门"]

YUNNAN_ROWS = [
    ["一、提升依法行政能力", "", "", ""],
    [
        "（一）深化行政审批制度改革",
        "启动第五轮行政审批制度改革。加快行政审批监督管理服务系统建设，推进网上审批。",
        "省法制办",
        "省工业信息化委",
    ],
]


def yunnan() -> None:
    document = new_document()
    for text in YUNNAN_BEFORE:
        document.add_paragraph(text)
    grid = table(document, YUNNAN_HEADER, YUNNAN_ROWS)
    merge_across(grid, 1, 0, 3)
    document.save(str(HERE / "1012_yunnan_province_2011_zhengfu_zishen_jianshe_renwu_fenjie_p2.docx"))


def main() -> None:
    yunnan()


if __name__ == "__main__":
    main()
