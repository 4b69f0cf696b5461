"""Build the .docx documents of held-out set x77 (970–979) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x77_docx.py

See ../make_docx.py for the layout helpers. The stored pages hold only the first ~2,000 characters of each page,
so a table ends where its page does. The page runs a table's cells together with “ | ” between them; the table
is rebuilt here cell by cell as a real Word table with the page's own header, a cell the page leaves empty kept
empty. Half-width commas, colons and brackets that the stored page carries are written in full width, as in every
transcription of the corpus; everything else is as the page prints it.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import new_document, table  # noqa: E402

# ---------------------------------------------------------------------------------------------------------------
# 977 湖南省 2016：重点处理代表建议办理和督办分工表（人大期刊网站的报道，表只存下第1行）

HUNAN_BODY = [
    "近日，省人大常委会办公厅下发《关于做好2016年度重点处理代表建议办理和督办工作的通知》（湘常办函〔2016〕11号），"
    "明确了2016年度6件重点处理代表建议及督办分工。这标志着本年度重点处理代表建议督办工作正式启动。",
    "据了解，本次确定的6件重点处理建议，是从省十二届人大五次会议上代表提出的1250件建议中遴选出的。其中，既有社会信用体系建设、"
    "民族地区免费教育、出生缺陷防控等涉及全省经济社会发展的重大课题，也不乏养老保险、农村饮水、住宅维修资金管理等民生热点。"
    "重点处理建议将由省人大常委会领导牵头督办，有关的省人大专门委员会做好有关督办工作，确保办理实效，"
    "省人大常委会联工委负责有关联系、协调和服务工作。",
    "2016年度重点处理代表建议办理和督办分工表",
]

HUNAN_HEADER = [
    "序号",
    "建议标题",
    "领衔",
    "选举单位",
    "主办单位",
    "会办单位",
    "督办领导",
    "具体督办的专委会",
]

HUNAN_ROWS = [
    [
        "1",
        "关于在少数民族地区实施12年免费教育的建议（1951号）",
        "奉稳香",
        "邵阳",
        "省教育厅",
        "省财政厅",
        "",
        "",
    ],
]


def hunan_2016() -> None:
    """977 湖南省 2016 年度重点处理代表建议办理和督办分工表：报道两段，表头八栏，存页只有第1行（督办领导、专委会两栏空）。"""
    document = new_document()
    for text in HUNAN_BODY:
        document.add_paragraph(text)
    table(document, HUNAN_HEADER, HUNAN_ROWS)
    document.save(str(HERE / "977_hunan_province_2016_zhongdian_chuli_daibiao_jianyi_duban_fengongbiao.docx"))


def main() -> None:
    hunan_2016()


if __name__ == "__main__":
    main()
