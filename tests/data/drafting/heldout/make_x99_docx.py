"""Build the .docx documents of held-out set x99 (1190–1199) from the stored pages named in ../README.md.

    python tests/data/drafting/heldout/make_x99_docx.py

See ../make_docx.py for the layout helpers. The stored pages hold only the first ~2,000 characters of each page, so
a table ends where its page does (the half-read cell at the end is kept as the page shows it, as the README says).
A 公示表 that the page shows as “label | value |” lines is rebuilt here as a real two-column Word table, one row a
label; numbered measures inside one cell are paragraphs of that cell. Pages a mirror had turned into traditional
characters (with pinyin glosses after some characters) are given in simplified characters without the glosses, and
half-width commas, colons and brackets in full width, as in every transcription of the corpus; everything else is as
the page prints it.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import new_document  # noqa: E402


def label_table(name: str, paragraphs: list[str], rows: list[tuple[str, str]]) -> None:
    """Paragraphs, then a two-column label table; a value's “\n” starts a new paragraph in its cell."""
    document = new_document()
    for text in paragraphs:
        document.add_paragraph(text)
    grid = document.add_table(rows=len(rows), cols=2)
    grid.style = "Table Grid"
    for i, (label, text) in enumerate(rows):
        grid.cell(i, 0).text = label
        lines = text.split("\n")
        grid.cell(i, 1).text = lines[0]
        for extra in lines[1:]:
            grid.cell(i, 1).add_paragraph(extra)
    document.save(str(HERE / name))


# ---------------------------------------------------------------------------------------------------------------
# 1190 四川 资阳市：中央生态环境保护督察“回头看”（第二十八项）整改任务完成情况公示表（繁体加拼音的镜像页；
# 反馈问题|责任单位|责任人|联系电话|整改目标|整改措施 各一行；页面在整改措施第4条中断）

ZIYANG_PARAGRAPHS = [
    "资阳市中央生态环境保护督察“回头看”",
    "（第二十八项）整改任务完成情况公示表",
]

ZIYANG_ROWS = [
    (
        "反馈问题（整改任务）",
        "全省纳入整改方案的395个生活垃圾处理项目，有192个应于2018年建成，但截至2018年11月，仍有77个尚未开工"
        "（省整改任务第二十八项）",
    ),
    ("责任单位", "市委市政府"),
    ("责任人", "李丹"),
    ("联系电话", "028—26122013"),
    ("整改目标", "完成市餐厨垃圾资源化利用和无害化处理设施、资阳市垃圾处理设施运行监管信息化平台等5个项目建设。"),
    (
        "整改措施",
        "1.加快乐至县城市生活垃圾处理设施建设。由乐至县负责，2019年6月出具项目施工图、环评报告并送有关部门审定，"
        "2019年7月初进行大坝加高和新建附坝、渗滤液收集池、防渗处理等项目工程，2019年底建成并投入使用。\n"
        "2.加快安岳县生活垃圾收转运体系建设。由安岳县负责，加快未建成的7座建设进度，2019年12月底前完成镇子镇、通贤镇、"
        "龙台镇、石羊镇、岳阳镇、石桥铺镇、永清镇等7座垃圾中转站建设；加强管理，确保已建成的驯龙镇、周礼镇、兴隆镇、"
        "李家镇4座垃圾压缩中转站正常运行。\n"
        "3.加快乐至县生活垃圾收转运体系建设。由乐至县负责，2019年12月底前，全面建成龙溪乡、佛星镇、东山镇、双河场乡、"
        "金顺镇、蟠龙镇、孔雀乡、放生乡、中和场镇、龙门镇、全胜乡、凉水乡、盛池乡、通旅镇、县城区等15座生活垃圾中转站"
        "并投用。\n"
        "4.加快市餐厨垃圾资源化利用和无害化处理设施建设。把该项目作为市城市生活",
    ),
]


def ziyang() -> None:
    label_table("1190_sichuan_ziyang_huitoukan_di28xiang_zhenggai_renwu_gongshibiao.docx", ZIYANG_PARAGRAPHS, ZIYANG_ROWS)


def main() -> None:
    ziyang()


if __name__ == "__main__":
    main()
