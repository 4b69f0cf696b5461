"""Build the .docx documents of held-out set x18 (350–359) from the archived pages named in ../README.md.

    python tests/data/drafting/heldout/make_x18_docx.py

See ../make_docx.py for the layout helpers. 356 is 岚资环综〔2021〕78号 of 平潭综合实验区自然资源与生态环境局
(“八五”普法第一批重点普法责任清单) in the public repository changwu/pingtan-gov-zwgk-archive: the notice and its
附件, a table 序号 | 普法内容 | 责任领导 | 责任处室 | 备注 whose 责任领导, 责任处室 and 备注 cells are merged down over the
laws each office answers for (rowspan in page.html). The archive's text runs the cells together; here the table
is a real Word table with those cells merged by ``merge_down``. The table ends at its 25th row (the page has 28).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_down, new_document, table  # noqa: E402

NOTICE_356 = [
    "岚资环综〔2021〕78号",
    "平潭综合实验区自然资源与生态环境局关于公布“八五”普法第一批重点普法责任清单的通知",
    "区自然资源服务中心,局机关各处室，区环境监察支队：",
    "根据区依法治区办文件要求，现汇总梳理自然资源与生态环境系统履行职能所依据的法律法规，建立“八五”普法第一批重点普法责任清单并予以公布，"
    "请各处室、单位认真落实，依法履职。",
    "附件：“八五”普法第一批重点普法责任清单",
    "平潭综合实验区自然资源与生态环境局",
    "2021年8月10日",
    "附件",
    "平潭综合实验区自然资源与生态环境局“八五”普法第一批重点普法责任清单",
    "责任单位:平潭综合实验区自然资源与生态环境局",
]
LAWS_356 = [
    "《中华人民共和国水污染防治法》",
    "《福建省海洋环境保护条例》",
    "《排污许可管理办法》（试行）",
    "《中华人民共和国环境影响评价法》",
    "《中华人民共和国环境噪声污染防治法》",
    "《中华人民共和国大气污染防治法》",
    "《建设项目竣工环境保护验收管理办法》",
    "《建设项目环境保护管理条例》",
    "《建设项目环境影响登记表备案管理办法》",
    "《森林法》",
    "《野生动物保护法》",
    "《种子法》",
    "《防沙治沙法》",
    "《森林法实施条例》",
    "《森林采伐更新管理办法》",
    "《森林病虫害防治条例》",
    "《森林防火条例》",
    "《植物检疫条例》",
    "《退耕还林条例》",
    "《陆生野生动物保护实施条例》",
    "《野生植物保护条例》",
    "《濒危野生动植物进出口管理条例》",
    "《自然保护区条例》",
    "《植物新品种保护条例》",
    "《福建省生态公益林条例》",
]
# (first row, last row, 责任领导, 责任处室, 备注): the cells page.html merges down (rows counted from 1, below the header).
GROUPS_356 = [
    (1, 2, "黄吉甫", "水生态环境处", "2021年"),
    (3, 9, "魏文何", "大气环境处", "2021年"),
    (10, 25, "卓华玲", "林业管理处", "2021年"),
]


def pingtan_2021_bawu_pufa_qingdan() -> None:
    """356 平潭 2021：自然资源与生态环境局“八五”普法责任清单，责任领导/责任处室/备注纵向合并的真表格（前25行）。"""
    document = new_document()
    for line in NOTICE_356:
        document.add_paragraph(line)
    rows = []
    for number, law in enumerate(LAWS_356, start=1):
        group = next(g for g in GROUPS_356 if g[0] <= number <= g[1])
        rows.append([str(number), law, group[2], group[3], group[4]])
    grid = table(document, ["序号", "普法内容", "责任领导", "责任处室", "备注"], rows)
    for first, last, *_ in GROUPS_356:
        if last > first:
            for column in (2, 3, 4):
                merge_down(grid, column, first, last)
    document.save(str(HERE / "356_fujian_pingtan_2021_bawu_pufa_qingdan.docx"))


def main() -> None:
    pingtan_2021_bawu_pufa_qingdan()


if __name__ == "__main__":
    main()
