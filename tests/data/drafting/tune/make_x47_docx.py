"""Build the .docx documents x47 added to the held-out part (676–677).

    python tests/data/drafting/tune/make_x47_docx.py

See ../make_docx.py for the layout helpers. The texts are transcribed from stored public pages (the addresses are
in README.md and in each expectation's notes); a stored page holds only the start of its document, so each table ends
where its page does. This script only lays them out the way Word holds such documents: real tables, a group row that
spans the table merged across, a leader's cell that the page shows once for several rows merged down, several units
in a cell on separate lines. The words are unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, merge_down, new_document, table  # noqa: E402


def taizhou_2018() -> None:
    """676 浙江 台州市 2018：《政府工作报告》2018年目标任务责任分解（通知 + 附件表的分组行和第1行）。

    页面把表格拆成一格一行：目标任务|责任领导|责任单位；“一、主要预期指标”是跨整行的分组行，这里横向合并。
    第2行在责任单位格中断（“……市供销社,各县(市、区)”），没有录。页面顶部的位置栏、索引号/发布机构/成文日期
    和“信息来源/发布时间/浏览次数”一行是网页元素，不录。
    """
    document = new_document()
    for line in (
        "台州市人民政府关于印发《政府工作报告》2018年目标任务责任分解的通知",
        "各县（市、区）人民政府，市政府直属各单位：",
        "《政府工作报告》2018年目标任务责任分解已经市政府第21次常务会议研究同意，现印发给你们，请认真贯彻执行。",
        "市五届人大三次会议通过的《政府工作报告》明确了今年政府工作任务清单，是市政府对全市人民的庄严承诺。"
        "各级各部门要聚焦聚力高质量发展，拉高标杆，争先进位，对照职能分工，抓紧责任细化，明确时间节点，"
        "把各项目标任务具体化，不折不扣地抓好落实，努力在全省领跑快跑、走在前列，为“两个高水平”建设奠定坚实基础。"
        "市政府督查室要加强对预期指标、重点项目等督促检查，确保目标任务落实到位、取得实效。",
        "附件：《政府工作报告》2018年目标任务责任分解",
        "台州市人民政府",
        "2018年 2月5日",
        "（此件公开发布）",
        "附件",
        "《政府工作报告》2018年目标任务责任分解",
    ):
        document.add_paragraph(line)
    rows = [
        ["一、主要预期指标", "", ""],
        [
            "1. 生产总值增长7.5%以上。",
            "董贵波",
            "市发改委、市经信委、市建设局（市规划局）、市农业局、市商务局、市海洋与渔业局，各县（市、区）政府，"
            "台州湾产业集聚区管委会、台州经济开发区管委会等",
        ],
    ]
    grid = table(document, ["目标任务", "责任领导", "责任单位"], rows)
    merge_across(grid, 1, 0, 2)
    document.save(
        str(HERE / "676_zhejiang_taizhou_2018_zhengfu_gongzuo_baogao_mubiao_renwu_zeren_fenjie.docx")
    )


def yuhuan_2021() -> None:
    """677 浙江 台州市 玉环市 2021：市政府重点工作责任分工抓落实方案（通知 + 表的前2行）。

    页面把表格拆成一格一行：牵头领导|重点工作|牵头单位|配合单位|备注。牵头领导“周阳市长”只印一次，管第1—2行，
    这里纵向合并。第2行的牵头单位和配合单位在页面上是四行（市府办、市司法局、市审计局、各单位），这里按
    牵头单位“市府办”、配合单位三行（一格内换行）还原（判断，见expectation的notes）；备注格是空的。第3行在
    重点工作格中断，没有录。页面的“当前位置”、重复的“来源/发布时间”行是网页元素，不录；文号和日期照页面所印
    （“玉政办发〔20219”“2021312”，页面丢了字符，照录）。
    """
    document = new_document()
    for line in (
        "关于印发2021年市政府重点工作和民生实事项目责任分工抓落实方案的通知",
        "信息来源：市人民政府办公室 发布时间：2021-03-16 13:49",
        "玉政办发〔20219",
        "各乡镇人民政府，各街道办事处，市政府直属各单位：",
        "2021年市政府重点工作责任分工抓落实方案》和《2021年市政府民生实事项目责任分工抓落实方案》已经市十六届政府"
        "第41次常务会议讨论通过，现印发给你们，请认真抓好贯彻落实。",
        "玉环市人民政府办公室",
        "2021312",
        "（此件公开发布）",
        "2021年市政府重点工作责任分工抓落实方案",
    ):
        document.add_paragraph(line)
    leader = "周阳市长"
    rows = [
        [
            leader,
            "1.始终做到忠诚于党。学懂弄通做实习近平新时代中国特色社会主义思想，增强“四个意识”、坚定“四个自信”、"
            "坚决做到“两个维护”，自觉把讲政治贯穿始终，主动增强从政治高度谋划和推进工作的本领。始终牢记习近平总书记"
            "对玉环的谆谆嘱托，不折不扣落实上级党委、政府和市委各项决策部署，做到“总书记有号令、上级有部署、玉环见行动”。",
            "市府办",
            "各单位",
            "",
        ],
        [
            leader,
            "2.始终坚持依法行政。坚持“开门做决策、人民做决定”，自觉接受人大依法监督、政协民主监督，支持监察监督、"
            "司法监督，加强审计监督，让广大干部职工习惯在“放大镜”“聚光灯”下工作。坚持政府常务会议常态化学法，"
            "规范重大行政决策法定程序，深化行政复议体制改革，全面实行政府权责清单制度，构建全覆盖的监管体系和全闭环的"
            "执法体系。高起点开启“八五”普法新征程，推动《民法典》等法律法规有效实施。",
            "市府办",
            "市司法局\n市审计局\n各单位",
            "",
        ],
    ]
    grid = table(document, ["牵头领导", "重点工作", "牵头单位", "配合单位", "备注"], rows)
    merge_down(grid, 0, 1, 2)
    document.save(str(HERE / "677_zhejiang_taizhou_yuhuan_2021_zhongdian_gongzuo_zeren_fengong.docx"))


def main() -> None:
    taizhou_2018()
    yuhuan_2021()


if __name__ == "__main__":
    main()
