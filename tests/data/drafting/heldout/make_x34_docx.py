"""Build the .docx documents of held-out set x34 (540–) from the stored pages named in ../README.md.

    python tests/data/drafting/heldout/make_x34_docx.py

See ../make_docx.py for the layout helpers. The texts are transcriptions of the pages (given in simplified
characters where a mirror had turned them traditional and glossed them with pinyin); this script only lays
them out the way Word holds such documents.

541 is a task table of 岳阳县 (湖南 岳阳市) on a mirror of the county site: 序号 | 类 别 | 工 作 任 务 |
具 体 内 容 | 责 任 单 位, where a task's 序号, 类别 and 工作任务 cells span the rows of its several 具体内容
lines (one unit each). The mirror's text leaves those spanned cells empty on the later rows; here they
are merged down with ``merge_down``. The table ends where the page breaks off (the half-read row after
序号3's third line is left out).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_down, new_document, table  # noqa: E402

HEADER_541 = ["序号", "类 别", "工 作 任 务", "具 体 内 容", "责 任 单 位"]
TASK_1 = ("1", "培育建设高水平创新平台", "积极申报重点优势领域的企业， 引导企业创建国家和省市级创新平台。")
TASK_2 = (
    "2",
    "开展产业链关键核心技术攻关。",
    "聚焦优势产业，引导重点企业承担国家、省、市科技重大专项、重点研发计划项目",
)
TASK_3 = (
    "3",
    "培养和引进造就高层次科技人才",
    "培养企业科技创新创业人才团队引进高层次科技人才，建立完善县域发展“智库”、重点产业发展顾问制度",
)
ROWS_541 = [
    [*TASK_1, "申报市级以上创新平台2家以上", "县科技局"],
    [*TASK_1, "申报市级以上创新平台2家以上", "县工信局"],
    [*TASK_1, "申报市级以上创新平台1家以上", "县发改局"],
    [
        *TASK_2,
        "“一主一特+新型产业”主攻方向突破关键核心技术1项，争取市级以上科技重大专项、“十大技术攻关”等项目或重点研发计划项目3项",
        "县科技局",
    ],
    [*TASK_3, "培养企业科技创新创业人才团队5个，争取引进外国高端人才或专业人才1人", "县委组织部，县科技局"],
    [*TASK_3, "支持重点优势领域市级以上领军人才1名，建立完善县域发展“智库”", "县委组织部"],
    [*TASK_3, "建立完善重点产业发展顾问制度", "县工信局，高新园区管委会、 县农业农村局"],
]


def yueyang_county() -> None:
    """541 岳阳县：科技创新工作任务表（序号、类别、工作任务纵向合并，具体内容一行一个单位）。"""
    document = new_document()
    grid = table(document, HEADER_541, ROWS_541)
    for column in (0, 1, 2):
        merge_down(grid, column, 1, 3)
        merge_down(grid, column, 5, 7)
    document.save(str(HERE / "541_hunan_yueyang_county_keji_chuangxin_renwubiao.docx"))


def main() -> None:
    yueyang_county()


if __name__ == "__main__":
    main()
