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

from make_docx import merge_across, merge_down, new_document, table  # noqa: E402


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


# ---------------------------------------------------------------------------------------------------------------
# 1303 长沙市：关于下达2004年招商引资工作任务的通知（http://ptshed.com/szf/zfgb/2004/0404/200710/
# t20071017_9523.html；通知 + 落款 + 附件 2004年招商引资目标考核指标分解表：两行表头，合计行和前四行；
# 第五行“其中：食品工业园”在第三个数处截断，未录）


def changsha_2004() -> None:
    document = new_document()
    paragraphs(
        document,
        (
            "长沙市人民政府办公厅关于下达2004年招商引资工作任务的通知",
            "长沙市人民政府办公厅",
            "关于下达2004年招商引资工作任务的通知",
            "长政办函〔2004〕21号",
            "各区、县（市）人民政府，市直机关有关单位：",
            "2003年，在市委、市政府的领导下，经过全市上下的共同努力，我市招商引资实现了快速增长，取得了较好成绩。"
            "为进一步扩大对外开放，促进我市经济持续、快速、健康发展，市人民政府决定2004年继续下达招商引资工作任务，"
            "并纳入目标管理考核，现将有关事项通知如下：",
            "一、全市总体目标任务",
            "按照省委、省政府的统一部署，我市2004年合同利用外资8.5亿美元，实际到位外资5亿美元；引进市外境内资金280亿元，"
            "其中省外境内资金142亿元；完成三资企业销售收入210亿元。同时对各单位招商引资工作中领导重视程度、招商活动的开展、"
            "签约项目的落实、投诉处理等方面进行考核。",
            "二、目标任务分解原则",
            "各单位2004年目标任务参照2003年实际完成情况，按新口径（即外商投资的注册部分）同比例下达，"
            "对2003年完成基数较低的考核单位指标增长幅度略有增加。",
            "三、2004年各区、县（市）和市直有关单位招商引资目标任务见附件",
            "附件：2004年招商引资目标考核指标分解表",
            "长沙市人民政府办公厅",
            "二00四年二月十七日",
            "附件：",
            "2004年招商引资目标考核指标分解表",
        ),
    )
    grid = table(
        document,
        ["考核单位", "合同外资（万美元）", "到位外资（万美元）", "市外境内资金（亿元）", "", "三资企业销售收入（亿元）", "备 注"],
        [
            ["", "本年任务", "本年任务", "本年任务", "其中：外省", "本年任务", ""],
            ["合 计", "85000", "50000", "280", "142", "210", ""],
            ["长沙县", "2180", "11000", "32", "15.5", "98", ""],
            ["其中：经济技术开发区", "17000", "10000", "9", "1.5", "85", "含LG全部"],
            ["园区外", "4800", "1000", "23", "14", "13", ""],
            ["望城县", "5800", "3000", "25", "15", "16.5", ""],
        ],
    )
    merge_across(grid, 0, 3, 4)  # 市外境内资金 over 本年任务 and 其中：外省
    merge_down(grid, 0, 0, 1)  # 考核单位 over both header rows
    merge_down(grid, 6, 0, 1)  # 备注 over both header rows
    document.save(str(HERE / "1303_hunan_changsha_2004_zhaoshang_yinzi_mubiao_kaohe_zhibiao_fenjie.docx"))


def main() -> None:
    yanbian_2021()
    taicang_2019()
    changsha_2004()


if __name__ == "__main__":
    main()
