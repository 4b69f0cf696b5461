"""Build the .docx documents x16 added to the tune part (310–).

    python tests/data/drafting/tune/make_x16_docx.py

See ../make_docx.py for the layout helpers. The texts are whole documents of 平潭综合实验区 as the public
repository changwu/pingtan-gov-zwgk-archive stored them (page.txt, tables checked against page.html's cells);
this script only lays them out as Word holds such documents: real tables whose merged cells are the ones
page.html merges (colspan), text unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, new_document, table  # noqa: E402


def gongjian_yijiao_2019() -> None:
    """316 平潭综合实验区国有资产管理局 2019：政府公建项目移交进展情况通报（附件进展情况表；一张真 Word 表格）。

    按 page.html 的单元格排：表头“序号|单位|拟移交项目数量|已移交项目数量|完成率|未移交项目数量|备注”，
    “合计”行的序号与单位两格横向合并（page.html 为 colspan=2）。page.html 表格最上面两行（“附件/已具备移交条件的
    政府公建项目移交进展情况”横跨七列，“单位：区国资局……日期：2019年3月21日”）是表题，这里排成表格上方的段落（同309）。
    """
    document = new_document()
    for line in (
        "岚国资〔2019〕20号",
        "平潭综合实验区国有资产管理局",
        "关于政府公建项目移交进展情况的通报",
        "区城投集团、区交通集团、区土开集团、区旅游集团：",
        "根据区管委会办公室《关于印发<平潭综合实验区公建项目移交方案>的通知》（岚综管办﹝2019﹞10号）要求，具备移交条件的"
        "82个公建项目应于2019年第一季度完成移交工作。截止2019年3月21日，相关企业的政府公建项目移交普遍存在进度较为缓慢，"
        "特别是个别企业存在已具备移交条件的项目,但至今尚未办理移交手续，导致项目移交完成率为零。为严肃工作纪律，加快政府公建项目"
        "顺利移交，现就相关出资企业截至2019年3月21日上报的政府公建项目移交进展情况进行通报，请各企业要高度重视，落实具体工作，"
        "抓紧时间进行移交，特别是移交进度缓慢的企业，更要集中时间，集中力量，加强与主管部门、接收单位沟通协调，落实责任制，"
        "确保项目及时完成移交。",
        "附件：已具备移交条件的政府公建项目移交进展情况",
        "平潭综合实验区国有资产管理局",
        "2019年3月21日",
        "附件",
        "已具备移交条件的政府公建项目移交进展情况",
        "单位：区国资局 日期：2019年3月21日",
    ):
        document.add_paragraph(line)
    rows = [
        ["合计", "", "82", "25", "30.49%", "57", ""],
        [
            "1",
            "区城投集团",
            "38",
            "14",
            "36.84%",
            "24",
            "已接管正在办理移交手续项目9个,已接管未办理移交手续项目9个,未接管未办理移交手续项目5个,"
            "已竣工验收未办理移交手续1个。",
        ],
        [
            "2",
            "区交通集团",
            "14",
            "0",
            "0.00%",
            "14",
            "正在开展移交手续项目14个。其中，主体已完成移交工作2个（平潭综合实验区澳前安置小区双玉路等市政道路工程、"
            "坛西大道渔平互通工程），计划3月26日前完成3个项目的移交工作（海坛古城周边绿化项目（一期）、莲花北路、"
            "海峡大桥夜景照明工程），已竣工验收未办理移交手续2个。",
        ],
        [
            "3",
            "区土开集团",
            "28",
            "11",
            "39.29%",
            "17",
            "正在办理移交手续项目：1个，已接管正在办理移交手续项目9个，已竣工验收正在办理移交4个，已竣工并已移交学校使用：1个，"
            "正在办理竣工验收与移交手续1个，其他1个。其中1个项目（流水小城镇核心区路网工程（上流路二期、五程路二期、行政北路一期））"
            "由原先具备移交条件改为不具备移交条件（具备移交条件要求项目已完成竣工验收，由于此项目未完成竣工验收，因此调至未具备移交项目。），"
            "1个项目（平潭综合实验区芦洋乡、中楼乡2016年农村土地整治项目）由原不具备移交条件改为具备移交条件）。",
        ],
        [
            "4",
            "区旅游集团",
            "2",
            "0",
            "0.00%",
            "2",
            "已竣工验收正在办理移交1个（东美晒网场周边场地硬化工程）,未竣工验收暂无法办理移交手续，不具备移交条件1个（桥锦头晒网场工程）。",
        ],
    ]
    header = ["序号", "单位", "拟移交项目数量", "已移交项目数量", "完成率", "未移交项目数量", "备注"]
    grid = table(document, header, rows)
    merge_across(grid, 1, 0, 1)
    document.save(str(HERE / "316_fujian_pingtan_2019_gongjian_yijiao_tongbao.docx"))


if __name__ == "__main__":
    gongjian_yijiao_2019()
