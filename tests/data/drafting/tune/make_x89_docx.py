"""Build the .docx documents of held-out set x89 (1090–1099) from the sources named in ../README.md.

    python tests/data/drafting/tune/make_x89_docx.py

See ../make_docx.py for the layout helpers. The set is of task divisions issued by 乡镇, 街道, 片区 and 开发区 bodies
to their own offices, villages and communities. A table the source prints (an HTML table in a public repository's
copy of the page) is rebuilt here cell by cell as a real Word table with the source's own header; a cell that holds
two paragraphs in the source holds two here. The words before the table are paragraphs, one a line; page chrome
(breadcrumbs, the metadata box, share links, “附件下载”) is left out, as every transcription of the corpus does.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import new_document, table  # noqa: E402

# ---------------------------------------------------------------------------------------------------------------
# 1092 平潭综合实验区金井片区管理局党政办公室：2023年度全生命周期消防安全宣传教育培训攻坚行动任务分解表
# （changwu/pingtan-gov-zwgk-archive 79490 page.txt，单元格按 page.html 的表格；序号|工作任务|工作举措|完成时限|责任单位）

JINJING_PARAGRAPHS = [
    "平潭综合实验区金井片区管理局党政办公室 关于印发《2023年度全生命周期消防安全宣传教育培训攻坚行动任务分解表》的通知",
    "岚金井办〔2023〕60号",
    "各村居联合党委，各处室、中心，各村（社区）：",
    "为进一步强化全生命周期宣传教育培训工作质效，全力推进公众消防安全素质提升工程，现将《2023年度全生命周期消防安全"
    "宣传教育培训攻坚行动任务分解表》印发给你们，请认真抓好贯彻落实。",
    "平潭综合实验区金井片区管理局党政办公室",
    "2023年8月4日",
    "2023年度全生命周期消防安全宣传教育培训攻坚行动任务分解表",
]

JINJING_HEADER = ["序号", "工作任务", "工作举措", "完成时限", "责任单位"]

JINJING_ROWS = [
    [
        "1",
        "加强组织领导",
        "每季度常态化总结、汇报全生命周期工作情况，相关材料及时报送区消安委办。",
        "每季度（9月18日、12月18日）",
        "政法综治处",
    ],
    [
        "2",
        "运用全生命周期消防安全宣传教育培训微信小程序",
        "联合消防部门组织各村（社区）学习全生命周期小程序使用手册、参加培训会，运用微信小程序开展好开展辖区小规模企业、"
        "沿街店面、个体工商户的“一看一单一讲一查”工作，及时上报使用微信小程序中存在的问题。",
        "长期",
        "政法综治处",
    ],
    ["3", "成立片区消防宣讲站", "落实消防宣讲站场地、制度、人员配备等规范性建设。", "8月20日", "政法综治处"],
    [
        "4",
        "组建宣讲队",
        "建立一支不少于3人的宣讲站队伍，各村（社区）按照场所情况，配备2—3名宣导员组成，宣讲队数量以能满足消防安全宣传"
        "教育培训全覆盖为目的。",
        "长期",
        "政法综治处、\n各村（社区）",
    ],
    [
        "5",
        "开展培训、指导",
        "做好单位及所属辖区宣导员队伍的施教施训能力培训。通过单位内部组织学习或邀请消防宣讲队授课等方式，每年至少开展1次"
        "消防安全责任人、管理人、重点岗位员工等消防安全培训，及时组织新上岗员工参加岗前消防安全培训；每年至少开展1次社区、"
        "村居消防安全宣传教育和应急演练，确保“十四五规划”末期消防安全宣传教育实现全覆盖。",
        "长期",
        "政法综治处",
    ],
    [
        "6",
        "印制提供一批消防宣传资料",
        "根据全生命周期消防安全宣传教育培训资源库内容，为宣导员印制提供消防宣传资料。",
        "长期",
        "政法综治处",
    ],
]


def jinjing() -> None:
    document = new_document()
    for text in JINJING_PARAGRAPHS:
        document.add_paragraph(text)
    table(document, JINJING_HEADER, JINJING_ROWS)
    document.save(
        str(
            HERE
            / "1092_fujian_pingtan_jinjing_2023_quan_shengming_zhouqi_xiaofang_xuanjiao_renwu_fenjiebiao.docx"
        )
    )


# ---------------------------------------------------------------------------------------------------------------
# 1096 登封市徐庄镇：2017年度安全生产专项整治工作计划（存页把表排成一行一行、格间“ | ”；专项整治行业名称|时间安排|
# 责任单位；责任单位格里两三个站所之间是空格，这里按格内换行分行，“派出所工商质监所”页面连写，照录为一行）

XUZHUANG_PARAGRAPHS = [
    "各行政村、各有关单位：",
    "经镇政府研究决定，现将《徐庄镇2017年度安全生产专项整治工作计划》印发给你们，请遵照执行。",
    "二〇一七年二月二十四日",
    "徐庄镇2017年度安全生产专项整治工作计划",
    "按照镇政府关于2017年安全生产工作的总体要求，遵照“一个月开展一个行业（领域）安全生产专项整治”的工作部署，"
    "根据我镇实际，特制定本工作计划。",
    "一、专项整治安排表",
]

XUZHUANG_HEADER = ["专项整治行业名称", "时间安排", "责任单位"]

XUZHUANG_ROWS = [
    ["烟花爆竹", "1月份", "安监站\n安监所"],
    ["危险化学品", "2月份", "安监站\n安监所"],
    ["电力设施", "3月份", "电管所"],
    ["养老机构", "4月份", "民政所"],
    ["建筑施工及市政建设", "5月份", "城建办"],
    ["医疗机构", "6月份", "文化站\n卫生院"],
    ["特种设备", "7月份", "工商质监所\n安监站"],
    ["网吧、KTV", "8月份", "文化站\n派出所工商质监所"],
    ["景区（点）、文物设施、宗教场所、", "9月份", "生态办"],
    ["学校、幼儿园、午托部", "10月份", "文化站"],
    ["林产品加工", "11月份", "林站"],
    ["交通运输", "12月份", "超限站\n公路站\n交警六中队"],
]

XUZHUANG_AFTER = [
    "二、工作要求",
    "（一）各有关责任单位要按照时间安排，制定本行业（领域）安全生产专项整治方案。",
    "（二）各有关责任单位要组织、做好相关安全生产专项整治工作，收集整理安全生产专项整治工作开展情况；每月26日前，"
    "向镇安委会上报专项整治工作总结。",
    "（三）镇安委会有关成员单位要按照有关专项整治工作安排，根据本行业实际，制定相关的安全生产专项整治工作方案，"
    "成立组织，全面排查，切实整治违法违规安全生产经营行为，实现“全覆盖、无遗漏”，确保专项整治工作实效。",
    "本计划未列出的有关行业专项整治工作，相关责任单位也要按照职责分工，及时组织并开展工作。",
]


def xuzhuang() -> None:
    document = new_document()
    for text in XUZHUANG_PARAGRAPHS:
        document.add_paragraph(text)
    table(document, XUZHUANG_HEADER, XUZHUANG_ROWS)
    for text in XUZHUANG_AFTER:
        document.add_paragraph(text)
    document.save(
        str(
            HERE / "1096_henan_dengfeng_xuzhuang_2017_anquan_shengchan_zhuanxiang_zhengzhi_gongzuo_jihua.docx"
        )
    )


def main() -> None:
    jinjing()
    xuzhuang()


if __name__ == "__main__":
    main()
