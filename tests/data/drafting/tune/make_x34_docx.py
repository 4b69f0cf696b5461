"""Build the .docx documents of held-out set x34 (540–) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x34_docx.py

See ../make_docx.py for the layout helpers. The texts are transcriptions of the pages (given in simplified
characters where a mirror had turned them traditional and glossed them with pinyin); this script only lays
them out the way Word holds such documents.

541 is a task table of 岳阳县 (湖南 岳阳市) on a mirror of the county site: 序号 | 类 别 | 工 作 任 务 |
具 体 内 容 | 责 任 单 位, where a task's 序号, 类别 and 工作任务 cells span the rows of its several 具体内容
lines (one unit each). The mirror's text leaves those spanned cells empty on the later rows; here they
are merged down with ``merge_down``. The table ends where the page breaks off (the half-read row after
序号3's third line is left out).

542 is 隆回县 (湖南 邵阳市)'s 2020 notice allocating 科普 project funds, with its 明细表 as a real Word table
(序号 | 项目名称 | 项目内容 | 项目实施 单 位 | 计划经费（万元） | 备注); the page breaks off in row 7, which is left out.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_down, new_document, table  # noqa: E402

HEADER_541 = ["序号", "类 别", "工 作 任 务", "具 体 内 容", "责 任 单 位"]
TASK_1 = ("1", "培育建设高水平创新平台", "积极申报重点优势领域的企业， 引导企业创建国家和省市级创新平台。")
TASK_2 = (
    "2",
    "开展产业链关键核心技术攻关。",
    "聚焦优势产业，引导重点企业承担国家、省、市科技重大专项、重点研发计划项目",
)
TASK_3 = (
    "3",
    "培养和引进造就高层次科技人才",
    "培养企业科技创新创业人才团队引进高层次科技人才，建立完善县域发展“智库”、重点产业发展顾问制度",
)
ROWS_541 = [
    [*TASK_1, "申报市级以上创新平台2家以上", "县科技局"],
    [*TASK_1, "申报市级以上创新平台2家以上", "县工信局"],
    [*TASK_1, "申报市级以上创新平台1家以上", "县发改局"],
    [
        *TASK_2,
        "“一主一特+新型产业”主攻方向突破关键核心技术1项，争取市级以上科技重大专项、“十大技术攻关”等项目或重点研发计划项目3项",
        "县科技局",
    ],
    [*TASK_3, "培养企业科技创新创业人才团队5个，争取引进外国高端人才或专业人才1人", "县委组织部，县科技局"],
    [*TASK_3, "支持重点优势领域市级以上领军人才1名，建立完善县域发展“智库”", "县委组织部"],
    [*TASK_3, "建立完善重点产业发展顾问制度", "县工信局，高新园区管委会、 县农业农村局"],
]


def yueyang_county() -> None:
    """541 岳阳县：科技创新工作任务表（序号、类别、工作任务纵向合并，具体内容一行一个单位）。"""
    document = new_document()
    grid = table(document, HEADER_541, ROWS_541)
    for column in (0, 1, 2):
        merge_down(grid, column, 1, 3)
        merge_down(grid, column, 5, 7)
    document.save(str(HERE / "541_hunan_yueyang_county_keji_chuangxin_renwubiao.docx"))


NOTICE_542 = [
    "各相关单位：",
    "经县财政局、县科协研究，现将2020年度县本级安排的科普项目经费下达给你们（详见附表），本年度科普项目实施由县科协统一组织，"
    "科普项目经费由县科协拨至各项目单位，请项目单位认真组织实施。",
    "附件：隆回县2020年县本级科普经费安排明细表",
    "隆回县财政局 隆回县科学技术协会",
    "2020年 2月 20日",
    "附：隆回县2020年县本级科普经费安排明细表",
]
HEADER_542 = ["序号", "项目名称", "项目内容", "项目实施 单 位", "计划经费（万元）", "备注"]
ROWS_542 = [
    [
        "1",
        "科普阵地建设",
        "1、科普基础设施建设（乡镇）5万元 2、科普示范县创建验收费用5万元 3、县内科普宣传橱窗建设6万元",
        "县科协、各乡镇、社区及相关单位",
        "16",
        "",
    ],
    ["2", "科技教育经费", "青少年科技教育专项奖励经费6万元", "县科协、教育局", "6", ""],
    [
        "3",
        "学会工作经费",
        "1、学会能力提升奖补资金2万元 2、自然优秀论文评选2万元 3、星级学会评选1万元",
        "各学会",
        "5",
        "",
    ],
    [
        "4",
        "会议经费",
        "1、科普工作、全民科学素质工作、学会工作会议经费3万元 2、打印费、资料费5万",
        "县科协 县级各学会",
        "8",
        "",
    ],
    [
        "5",
        "科普项目经费",
        "1、科技精准扶贫7万元 2、科普E 站建设奖励经费1万元 3、文明卫生、平安创建（永胜社区）1万元 4、科普大篷车运行维护费5万元",
        "扶贫村、县科协、永胜社区",
        "14",
        "",
    ],
    [
        "6",
        "科普活动经费",
        "1、科技周系列活动1万元 2、科技三下乡系列活动1万元 3、全国科普日系列活动3万元 4、科技工作者日系列活动1万元 "
        "5、农民网络知识竞赛3万元 6、全省第四届全民科学素质大赛2万元 7、科普培训费4万元",
        "县科协、各乡镇及相关单位",
        "15",
        "",
    ],
]


def longhui_county() -> None:
    """542 隆回县 2020：县本级科普经费安排（通知 + 明细表，一行一个项目及其实施单位）。"""
    document = new_document()
    for line in NOTICE_542:
        document.add_paragraph(line)
    table(document, HEADER_542, ROWS_542)
    document.save(str(HERE / "542_hunan_shaoyang_longhui_2020_kepu_jingfei.docx"))


def main() -> None:
    yueyang_county()
    longhui_county()


if __name__ == "__main__":
    main()
