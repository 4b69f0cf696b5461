"""Build the .docx documents of held-out set x110 (1300–1307) from the sources named in ../README.md.

    python tests/data/drafting/heldout/make_x110_docx.py

See ../make_docx.py for the layout helpers. The set is of documents that hand quantified targets to units (目标
任务分解, 指标分解表, 目标责任). Each text is transcribed from a stored public page (the address is in README.md and
in the expectation's notes); a stored page holds only the start of its document, so a table ends where its page
does. This script only lays a page out the way Word holds such a document: the notice as paragraphs, the table the
page prints as a real Word table with the page's own header. Half-width punctuation is written in full width (the
corpus convention); the padding spaces of short names in a table (“城 厢”, “序 号”) are kept as the page prints them.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import new_document, table  # noqa: E402


def paragraphs(document: object, lines: tuple[str, ...]) -> None:
    for line in lines:
        document.add_paragraph(line)  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------------------------------------
# 1300 延边州：关于下达全州2021年能耗强度目标任务的通知（http://yjjkjs.com/getDetails?id=13585；整份，通知 +
# 序号|县(市)|单位GDP能耗降低率目标任务(%) 8行 + 两段 + 落款）


def yanbian_2021() -> None:
    document = new_document()
    paragraphs(
        document,
        (
            "延边州人民政府关于下达全州2021年能耗强度目标任务的通知",
            "2021-07-14发表于管理员",
            "延边州人民政府关于",
            "下达全州2021年能耗强度目标任务的通知",
            "延州政函〔2021〕69号",
            "各县（市）人民政府：",
            "为深入贯彻落实国家、省关于碳达峰、碳中和的重大战略决策部署，坚决控制能耗强度，合理控制能源消费总量。"
            "根据《吉林省人民政府关于下达全省2021年能耗强度目标任务的通知》（吉政函〔2021〕47号）要求，"
            "确定2021年全州各县（市）能耗强度目标任务如下：",
        ),
    )
    table(
        document,
        ["序 号", "县（市）", "单位GDP能耗降低率目标任务（%）"],
        [
            ["1", "延吉市", "3.4"],
            ["2", "珲春市", "3.4"],
            ["3", "图们市", "3.4"],
            ["4", "敦化市", "3.4"],
            ["5", "龙井市", "3.4"],
            ["6", "和龙市", "3.4"],
            ["7", "汪清县", "3.4"],
            ["8", "安图县", "3.4"],
        ],
    )
    paragraphs(
        document,
        (
            "能耗增量控制目标待省里正式下达“十四五”能耗“双控”目标任务后再分解落实。",
            "州人民政府将继续加强全州能耗总量和强度“双控”目标任务的评价考核，请各县（市）人民政府高度重视节能降耗工作，"
            "加强对本地存量、在建、拟建“两高”项目的监管，坚决遏制“两高”项目盲目发展；要严格落实固定资产投资项目节能审查"
            "相关工作要求，切实发挥节能审查制度的源头把控作用，努力推动全州经济社会发展实现全面绿色低碳转型。",
            "延边州人民政府",
            "2021年7月14日",
            "（此件公开发布）",
        ),
    )
    document.save(str(HERE / "1300_jilin_yanbian_2021_nenghao_qiangdu_mubiao_renwu.docx"))


# ---------------------------------------------------------------------------------------------------------------
# 1301 太仓市：市政府办公室关于分解下达2019年度能源消耗强度目标的通知（http://tcscypt.com/ZCT/PolicyDetail/
# c9d7d75d79704e9e9c57ebbddabb05f7；整份，通知 + 落款 + 附件 地区|单位规上工业增加值能耗降幅目标(%) 8行）


def taicang_2019() -> None:
    document = new_document()
    paragraphs(
        document,
        (
            "市政府办公室关于分解下达2019年度能源消耗强度目标的通知",
            "各镇人民政府，太仓港经济技术开发区、太仓高新区、旅游度假区管委会，科教新城管委会，市发改委、工信局、统计局：",
            "根据苏州市政府办公室《关于分解下达2019年度能源消耗总量和强度“双控”目标的通知》（苏府办〔2019〕144号）"
            "文件要求，我市2019年单位GDP能耗降幅目标为3.4%，增量进度控制目标为28万吨标准煤。为认真贯彻落实国家、省和"
            "苏州市对“十三五”期间节能减排工作的总体部署和要求，经市政府同意，现将太仓市2019年度能源消耗强度目标分解"
            "下达给你们。各地、各部门要将节能降耗作为推进生态文明建设的重大举措，作为实现高质量发展、绿色发展的重要"
            "抓手，明确任务、落实责任、加强跟踪、强化措施、周密部署、科学组织，确保全市完成单位地区生产总值能耗降低"
            "3.4%的约束性目标。",
            "附件：太仓市2019年度能源消耗强度目标分解表",
            "太仓市人民政府办公室",
            "2019年8月27日",
            "（此件公开发布）",
            "太仓市2019年度能源消耗强度目标分解表",
        ),
    )
    table(
        document,
        ["地区", "单位规上工业增加值能耗降幅目标（%）"],
        [
            ["全市", "3.4"],
            ["港区（含浮桥）", "3.4"],
            ["高新区（含科教新城）", "3.4"],
            ["城 厢", "3.4"],
            ["沙 溪", "3.4"],
            ["浏 河", "3.4"],
            ["璜 泾", "3.4"],
            ["双 凤", "3.4"],
        ],
    )
    document.save(str(HERE / "1301_jiangsu_suzhou_taicang_2019_nengyuan_xiaohao_qiangdu_mubiao_fenjie.docx"))


def main() -> None:
    yanbian_2021()
    taicang_2019()


if __name__ == "__main__":
    main()
