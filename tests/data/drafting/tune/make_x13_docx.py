"""Build the .docx documents x13 added to the tune part (270–).

    python tests/data/drafting/tune/make_x13_docx.py

See ../make_docx.py for the layout helpers. The texts are whole documents of 平潭综合实验区 as the public
repository changwu/pingtan-gov-zwgk-archive stored them (page.txt, checked against page.html); this script
only lays them out as Word holds such documents (item numbers that Word generates, real tables whose
merged cells are the ones the page's rowSpan/colSpan merged).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import decimal_numbering, new_document, numbered  # noqa: E402


def dangfeng_2012() -> None:
    """271 平潭县环境和国土资源局 2012：农村党风廉政建设工作分工（条目编号由 Word 生成“1、”）。"""
    document = new_document()
    for line in (
        "关于制定平潭县环境和国土资源局《2012年平潭县农村党风廉政建设工作分工意见》的实施方案",
        "各科室、国土所：",
        "为了认真贯彻《2012年平潭县农村党风廉政建设工作分工意见》（县纪委岚纪办[2012]2号）文件的精神，"
        "根据我局分工任务，制订本方案。请各科室、国土所对于承担牵头任务或者承担协办任务的，要积极主动,主动配合，"
        "明确责任，抓好落实，认真完成职责范围内的任务，牵头单位并于10月10日前将有关情况报送局监察室。",
    ):
        document.add_paragraph(line)
    num_id = decimal_numbering(document, fmt="%1、")
    for item in (
        "加强耕地保护制度执行情况的监督检查。（牵头单位：规划科,配合单位：各国土所）",
        "加强农村土地利用管理制度执行情况的监督检查（牵头单位：用地科,配合单位：各国土所）",
        "加强和改进征地拆迁工作。（牵头单位：征地部,配合单位：各国土所）",
        "完善征地补偿机制，推进依法文明，阳光拆迁，坚决纠正违法违规强制拆迁行为。（牵头单位：法规科,配合单位：征地部、各国土所）",
        "严肃查处农村基层党员干部在征地拆迁方面以权谋私、贪污侵占案件，建立农村基层干部违纪违法案件定期分析和上报制度。"
        "（牵头单位：局监察室,配合单位：征地事务部、财务科、各国土所）",
        "严肃查处在环境保护方面损害农民利益的突出问题（牵头单位：县环保局相关业务科室）",
    ):
        numbered(document, item, num_id)
    document.add_paragraph("平潭县环境和国土资源局")
    document.add_paragraph("2012年6月26日")
    document.save(str(HERE / "271_fujian_pingtan_2012_huantu_dangfeng_fengong.docx"))


if __name__ == "__main__":
    dangfeng_2012()
