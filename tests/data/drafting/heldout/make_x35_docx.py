"""Build the .docx documents x35 added to the held-out part (550–).

    python tests/data/drafting/heldout/make_x35_docx.py

See ../make_docx.py for the layout helpers. The texts are transcribed from stored public pages (the
addresses are in README.md and in each expectation's notes); a stored page holds only the start of its
document, so each table ends where its page does. This script only lays them out the way Word holds such
documents: real tables, group rows merged across the table, a cell's printed lines as lines in the cell,
a cell that the page shows once for several rows merged down over them. The words are unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, merge_down, new_document, table  # noqa: E402


def qiaocheng_jiaoyu_2025() -> None:
    """552 安徽 亳州市 谯城区教育局 2025：政府工作报告重点工作任务分解表（教育局部分，表格前3行）。

    页面是一张表：序号|重点工作任务|主要责任单位|协同配合单位。组标题“一、”到“六、”各占一行，横跨全表
    （这里横向合并）；“二、”到“五、”下面没有教育局的行，页面照样印出组标题，这里照录。第73行在
    “托位数提高至560”处中断，没有录。页面的信息公开目录表（索引号、组配分类……）和“发布时间/浏览次数/
    字体”一行是网页元素，不录；页面标题行和正文标题行各印一次，照录。
    """
    document = new_document()
    document.add_paragraph("谯城区教育局2025年政府工作报告重点工作任务分解表")
    document.add_paragraph("谯城区教育局2025年政府工作报告重点工作任务分解表")
    rows = [
        ["一、2025年经济社会发展的主要预期目标", "", "", ""],
        [
            "3",
            "固定资产投资增长7.5%左右。",
            "区发改委",
            "区工信局、区住建局、区交通局、区水利局、区农业农村局、区教育局、区卫健委，各乡镇人民政府、街道办事处，"
            "谯城经开区管委会，魏武国控集团。",
        ],
        ["二、全力以赴扩投资、优服务，筑牢经济增长根基", "", "", ""],
        ["三、全力以赴延链条、壮集群，构建现代产业体系", "", "", ""],
        ["四、全力以赴增动能、聚人气，激发改革创新活力", "", "", ""],
        ["五、全力以赴促融合、护生态，打造宜居宜业家园", "", "", ""],
        ["六、全力以赴惠民生、增福祉，加快社会事业发展", "", "", ""],
        [
            "68",
            "持续推进学前教育普及普惠、义务教育优质均衡发展，加快建设黎明小学、亳州四中等扩建教学楼项目。",
            "区教育局",
            "区政府有关部门，各乡镇人民政府、街道办事处。",
        ],
        ["69", "深化与海亮集团合作，积极引进优质教育资源。", "区教育局", "区投资促进中心。"],
    ]
    grid = table(document, ["序号", "重点工作任务", "主要责任单位", "协同配合单位"], rows)
    for i, row in enumerate(rows, start=1):
        if row[1] == "":
            merge_across(grid, i, 0, 3)
    document.save(str(HERE / "552_anhui_bozhou_qiaocheng_jyj_2025_fenjiebiao.docx"))


def main() -> None:
    qiaocheng_jiaoyu_2025()


if __name__ == "__main__":
    main()
