"""Build the .docx document x42 added to the held-out part (620–).

    python tests/data/drafting/tune/make_x42_docx.py

See ../make_docx.py for the layout helpers. The text is transcribed from a stored public page (the address is in
README.md and in the expectation's notes); a stored page holds only the start of its document, so the table ends
where its page does. This script only lays it out the way Word holds such a document: a real table, the group cell
that the page shows once for several rows merged down over them. The words are unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_down, new_document, table  # noqa: E402


def pingdingshan_hezhangzhi_2018() -> None:
    """621 河南 平顶山市 2018：全面推行河长制主要任务分解表（通知标题 + 表格前2行）。

    页面把表格拆成一行一行、格间以空格隔开：序号|类别|主要任务|细化措施|牵头单位|参与单位|责任单位。第2行页面上
    类别一格是空的（第1行的“加强水资源保护”只印一次），这里按纵向合并还原。窄格里折行留下的空格（“加强水资源保 护”
    “严守用水 效率控制 红线”）是排版折行，不是文字，去掉。第3行（抓好工业节水）在责任单位格中断，没有录。页面的
    “欢迎来到……”“繁体 | 本网站已经支持IPV6”、面包屑和“发布日期/浏览次数”一行是网页元素，不录；页面标题行和正文
    标题行各印一次，照录。
    """
    document = new_document()
    for line in (
        "平顶山市河长制办公室关于印发《平顶山市全面推行河长制主要任务分解方案》的通知",
        "平顶山市河长制办公室",
        "关于印发《平顶山市全面推行河长制主要任务分解方案》的通知",
        "平顶山市全面推行河长制主要任务分解表",
    ):
        document.add_paragraph(line)
    group = "加强水资源保护"
    counties = "各县（市、区）党委和人民政府，城乡一体化示范区、高新区党工委和管委会"
    rows = [
        [
            "1",
            group,
            "严守水资源开发利用控制红线",
            "实施水资源消耗总量和强度双控行动，防止不合理新增取水，切实做到以水定需、量水而行、因水制宜。"
            "到2020年，全市用水总量控制在11.88亿立方米以内。",
            "市水利局",
            "市发展改革委、工业和信息化委、住房和城乡建设局、农业局等",
            counties,
        ],
        [
            "2",
            group,
            "严守用水效率控制红线",
            "落实万元国内生产总值水耗指标等用水效率评估体系，把节水目标任务完成情况纳入市、县级政府政绩考核内容。"
            "将再生水、雨水和循环水等非常规水源纳入水资源统一配置。到2020年，全市万元国内生产总值用水量、"
            "万元工业增加值用水量比2015年分别下降24%、25%以上。",
            "市水利局",
            "市发展改革委、工业和信息化委、住房和城乡建设局等",
            counties,
        ],
    ]
    grid = table(document, ["序号", "类别", "主要任务", "细化措施", "牵头单位", "参与单位", "责任单位"], rows)
    merge_down(grid, 1, 1, 2)
    document.save(str(HERE / "621_henan_pingdingshan_2018_hezhangzhi_renwu_fenjiebiao.docx"))


def main() -> None:
    pingdingshan_hezhangzhi_2018()


if __name__ == "__main__":
    main()
