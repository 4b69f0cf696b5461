"""Build the .docx documents x35 added to the held-out part (550–).

    python tests/data/drafting/tune/make_x35_docx.py

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


def shengsi_xiangcun_zhenxing_2021() -> None:
    """557 浙江 舟山市 嵊泗县 2021：乡村振兴任务清单（通知 + 表格前13行）。

    页面把表格拆成一格一行：考核项目|序号|考核指标|考核内容|单位|年度目标|责任部门|评分部门。页面只印一次的格
    是纵向合并的格：“农业高质高效”（考核项目）合并第1—13行，“确保粮食和重要农产品有效供给”（考核指标）
    合并第1—10行，“建设‘千亩方、万亩方’”合并第11—13行（第12、13行页面上这一格不再出现）。第10行“建设美丽
    牧场”页面上没有单位格，这里留空。一格里分两行印的两个责任部门，格内分行；评分部门一格“市海洋渔业局
    市农业农村局”页面上连写，照录。第14行在责任部门格中断，没有录。页面的“发布时间/信息来源/访问次数/字体
    大小”是网页元素，不录。
    """
    document = new_document()
    for line in (
        "中共嵊泗县委办公室嵊泗县人民政府办公室关于印发《2021年嵊泗县乡村振兴任务清单》的通知",
        "各乡镇党委、政府，县属各单位：",
        "《2021年嵊泗县乡村振兴任务清单》已经县委、县政府同意，现印发给你们，请结合实际，切实加强组织领导，"
        "落实工作措施，确保高质量如期完成各项工作任务。",
        "中共嵊泗县委办公室  嵊泗县人民政府办公室",
        "2021年9月16日",
        "2021年嵊泗县乡村振兴任务清单",
    ):
        document.add_paragraph(line)
    group = "农业高质高效"
    supply = "确保粮食和重要农产品有效供给"
    fields = "建设“千亩方、万亩方”"
    two = "县海洋与渔业局\n县农业农村局"
    rows = [
        [group, "1", supply, "农林牧渔业增加值增幅", "%", "≥2%", two, "市海洋渔业局市农业农村局"],
        [group, "2", supply, "农业劳动生产率及增幅", "万元/人", "全市统筹", two, "市海洋渔业局市农业农村局"],
        [group, "3", supply, "粮食安全责任制", "-", "良好以上", "县经济和信息化局", "市商务局"],
        [group, "4", supply, "粮食播种面积", "万亩", "0.07", "县农业农村局", "市农业农村局"],
        [group, "5", supply, "油菜面积", "万亩", "0", "县农业农村局", "市农业农村局"],
        [group, "6", supply, "粮食总产量", "亿斤", "0.0038", "县农业农村局", "市农业农村局"],
        [group, "7", supply, "生猪存栏", "万头", "0", "县农业农村局", "市农业农村局"],
        [group, "8", supply, "家禽出栏", "万只", "1", "县农业农村局", "市农业农村局"],
        [group, "9", supply, "水产品产量", "万吨", "42", "县农业农村局", "市海洋渔业局"],
        [group, "10", supply, "建设美丽牧场", "", "0", "县农业农村局", "市农业农村局"],
        [group, "11", fields, "永久基本农田", "万亩", "0", "县自然资源和规划局", "市资源规划局"],
        [group, "12", fields, "新建高标准农田", "万亩", "0", "县农业农村局", "市农业农村局"],
        [group, "13", fields, "整治粮食生产功能区“非粮化”", "万亩", "0", "县农业农村局", "市农业农村局"],
    ]
    grid = table(
        document,
        ["考核项目", "序号", "考核指标", "考核内容", "单位", "年度目标", "责任部门", "评分部门"],
        rows,
    )
    merge_down(grid, 0, 1, 13)
    merge_down(grid, 2, 1, 10)
    merge_down(grid, 2, 11, 13)
    document.save(str(HERE / "557_zhejiang_zhoushan_shengsi_2021_xiangcun_zhenxing_qingdan.docx"))


def main() -> None:
    qiaocheng_jiaoyu_2025()
    shengsi_xiangcun_zhenxing_2021()


if __name__ == "__main__":
    main()
