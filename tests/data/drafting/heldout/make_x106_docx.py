"""Build the .docx document of held-out set x106 (1265) from the source named in ../README.md.

    python tests/data/drafting/heldout/make_x106_docx.py

See ../make_docx.py for the layout helpers. The set is of 督查/暗访 notices and 红黑榜 of places that name the unit
answering for each problem. The one page of the set that prints tables (two two-column tables, 村组 | 所属镇街,
flattened on the stored page to one cell a line) is rebuilt here with its lines as paragraphs and its tables as
real Word tables; the text is as the page prints it, half-width marks in full width.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import new_document, table  # noqa: E402

# ---------------------------------------------------------------------------------------------------------------
# 1265 黄石经济技术开发区·铁山区：2024年第4期和美乡村建设“红黑榜”（http://hsdz.gov.cn/hdtd/mydc_903/202502/
# t20250208_1191245.html；页面各行、红榜表、五行图注、黑榜表、五行图注、结尾各行；整篇）

HUANGSHI_HEAD = [
    "开发区·铁山区",
    "2024年第4期和美乡村建设“红黑榜”来了！",
    "四季度共评出农村人居环境长效管护",
    "5个红榜村",
    "5个黑榜村",
    "具体是哪些",
    "一起来看一看！",
    "红榜",
]
HUANGSHI_HEADER = ["村组", "所属镇街"]
HUANGSHI_RED = [
    ["分水岭村盛柏祥湾", "汪仁镇"],
    ["南山村南山湾", "大王镇"],
    ["刘政村上门湾", "太子镇"],
    ["金山村王钦臣湾", "金山街道"],
    ["龙山村下刘湾", "章山街道"],
]
HUANGSHI_RED_CAPTIONS = [
    "汪仁镇分水岭村盛柏祥湾",
    "大王镇南山村南山湾",
    "太子镇刘政村上门湾",
    "金山街道金山村王钦臣湾",
    "章山街道龙山村下刘湾",
]
HUANGSHI_BLACK = [
    ["四连山村柯家湾", "汪仁镇"],
    ["柯畈村新屋下湾", "大王镇"],
    ["舒垅村程汉先湾", "太子镇"],
    ["明港村李佰美湾", "金山街道"],
    ["龙泉村东边垅程湾", "章山街道"],
]
HUANGSHI_BLACK_CAPTIONS = [
    "汪仁镇四连山村柯家湾村民房前屋后杂物乱堆乱放",
    "大王镇柯畈村新屋下湾畜禽散养",
    "太子镇舒垅村程汉先湾堰塘大量漂浮垃圾",
    "金山街道明港村李佰美湾路边柴草、砖石杂物堆积",
    "章山街道龙泉村东边垅程湾存在露天旱厕",
]
HUANGSHI_TAIL = [
    "农村人居环境长效管护",
    "是全面推进宜居宜业和美乡村建设",
    "贯彻乡村振兴战略要求的重要环节",
    "各镇（街）、村要高度重视",
    "评为红榜的要再接再厉",
    "继续保持",
    "评为黑榜的要对照问题",
    "加强整改",
]


def huangshi() -> None:
    document = new_document()
    for line in HUANGSHI_HEAD:
        document.add_paragraph(line)
    table(document, HUANGSHI_HEADER, HUANGSHI_RED)
    for line in HUANGSHI_RED_CAPTIONS:
        document.add_paragraph(line)
    document.add_paragraph("黑榜")
    table(document, HUANGSHI_HEADER, HUANGSHI_BLACK)
    for line in HUANGSHI_BLACK_CAPTIONS:
        document.add_paragraph(line)
    for line in HUANGSHI_TAIL:
        document.add_paragraph(line)
    document.save(str(HERE / "1265_hubei_huangshi_kaifaqu_tieshan_2024_4qi_hemei_xiangcun_hongheibang.docx"))


def main() -> None:
    huangshi()


if __name__ == "__main__":
    main()
