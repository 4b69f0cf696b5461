"""Build the .docx documents of held-out set x100 (1200–1209) from the sources named in ../README.md.

    python tests/data/drafting/heldout/make_x100_docx.py

See ../make_docx.py for the layout helpers. The set holds sector departments' task divisions (教育, 卫生健康, 文化和旅游,
交通, 水利, 农业农村, 民政 …). Where a stored page shows a table (“ | ” between cells, or one cell a line), it is rebuilt
here cell by cell as a real Word table with the page's own header: a row the page prints once across the table (a caption
inside the table) is merged across, and the names a page runs together in one unit cell are written one a line (paragraphs
of that cell), as the government page's cell held them. Half-width commas, colons, semicolons and brackets that the
stored pages carry are written in full width, as in every transcription of the corpus; everything else is as the page
prints it. The stored pages hold only the first ~2,000 characters of each page, so each table ends where its page does.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, new_document, table  # noqa: E402

# ---------------------------------------------------------------------------------------------------------------
# 1201 杭州市萧山区文化和广电旅游体育局：2024政府工作报告第一季度完成情况（政务公开页面：属性表，然后是一张表，
# 表名印在表内第一行；序号|目标任务|责任单位|完成情况|进度（百分比）|问题与困难|下一步工作打算；页面在第4行的
# 下一步工作打算格中断，第4行的任务和单位完整）

XIAOSHAN_ATTRIBUTES = [
    ["索 引 号", "H019/2024-77704", "成文日期", "2024-04-08"],
    ["发布机构", "区文化和广电旅游体育局", "主题分类", "文秘工作"],
]

XIAOSHAN_CAPTION = "2024政府工作报告第一季度完成情况"

XIAOSHAN_HEADER = ["序号", "目标任务", "责任单位", "完成情况", "进度（百分比）", "问题与困难", "下一步工作打算"]

XIAOSHAN_ROWS = [
    [
        "1",
        "加快场馆赛后利用，举办具有国际影响力的品牌赛事3场以上、国内高水平赛事10场以上，构建高质量体育赛事体系。",
        "区文广旅游体育局\n钱江世纪城\n湘湖国家旅游度假区\n瓜沥镇\n临浦镇",
        "亚运场馆完成“一馆一策”开放方案和赛后利用方案制定并审核，举办WCBA全明星赛、街球霸王杭州热身赛、"
        "湘湖半程马拉松赛等国内高水平赛事3场",
        "41%",
        "对国际、国内高水平赛事引进缺乏有力的政策支撑",
        "推动体育产业制定出台",
    ],
    [
        "2",
        "深入挖掘传承优秀传统文化、红色文化，推动跨湖桥文化、古越文化、运河文化等转化发展，打造贺知章等文化IP。",
        "区文广旅游体育局\n区委宣传部\n湘湖国家旅游度假区\n蜀山街道",
        "开展古越文化印纹陶主题活动5次",
        "25%",
        "无",
        "启动实施沈家里遗址考古发掘，持续开展古越文化印纹陶主题活动",
    ],
    [
        "3",
        "加强非遗保护传承，深化钱塘江诗路（钱塘潮涌）文化传承生态保护区建设。",
        "区文广旅游体育局\n区委宣传部\n湘湖国家旅游度假区\n义桥镇",
        "非遗新春七天乐等非遗活动7场，召开2024年萧山区非物质文化遗产保护工作会议。",
        "10%",
        "无",
        "启动非遗工坊创建工作，筹备非遗保护萧山论坛",
    ],
    [
        "4",
        "守牢文物安全底线，深入实施文物遗产修缮与保护工程，打造乡村博物馆矩阵，建立萧山特色文化标识体系。",
        "区文广旅游体育局",
        "拟定年度文物遗产和历史建筑修缮项目实施方案，成立萧山区第四次全国文物普查领导小组，开展寺庙类专项安全检查行动",
        "31%",
        "无",
        "制定年度文物遗产和历史建筑",
    ],
]


def xiaoshan() -> None:
    document = new_document()
    table(document, XIAOSHAN_ATTRIBUTES[0], XIAOSHAN_ATTRIBUTES[1:])
    columns = len(XIAOSHAN_HEADER)
    grid = table(document, [XIAOSHAN_CAPTION] * columns, [XIAOSHAN_HEADER, *XIAOSHAN_ROWS])
    merge_across(grid, 0, 0, columns - 1)  # the caption row printed once across the table
    document.save(str(HERE / "1201_zhejiang_hangzhou_xiaoshan_wenguanglvti_2024q1_zhengfu_gongzuo_baogao_wancheng.docx"))


def main() -> None:
    xiaoshan()


if __name__ == "__main__":
    main()
