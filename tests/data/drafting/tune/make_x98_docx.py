"""Build the .docx documents of held-out set x98 (1180–1189) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x98_docx.py

See ../make_docx.py for the layout helpers. The set holds 政府工作报告 分解 and 民生实事 lists of counties, districts
and cities outside 华东. The stored pages hold only the first ~2,000 characters of each page, so a table ends where its
page does (the half-read row at the end is left out, as the README says). A table is rebuilt here cell by cell as a
real Word table with the page's own caption and header: a cell the page prints over two columns is merged across, and a
cell the page prints once over the rows below it is merged down. Half-width commas, colons, semicolons and brackets that
the stored pages carry are written in full width, as in every transcription of the corpus; everything else is as the
page prints it (the words before a table are paragraphs, one a line).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, merge_down, new_document, table  # noqa: E402

# ---------------------------------------------------------------------------------------------------------------
# 1182 岳阳市岳阳楼区 2017：1-8月省重点民生实事完成情况表（表名是表格第一行，横跨全表；“省重点民生实事项目名称”
# 一格横跨两列，第9—11项在第二列分印子项，序号和项目名称格向下合并；页面在第11项第2个子项（送电影下乡）中断，
# 止于第11项第1个子项）

YUEYANGLOU_2017_BEFORE = [
    "岳阳楼区2017年1-8月省重点民生实事完成情况表",
    "来源：区实事办   2017-08-24 17:04",
]

YUEYANGLOU_2017_CAPTION = "岳阳楼区2017年1-8月省重点民生实事完成情况表"

YUEYANGLOU_2017_HEADER = [
    "序号",
    "省重点民生实事项目名称",
    "",
    "责任单位",
    "目标任务",
    "1- 8月实际完成情况",
    "1-8月实际完成率%",
    "备注",
]

# 第1—8项：项目名称横跨两列（第二列留空，建表后横向合并）
YUEYANGLOU_2017_ROWS = [
    [
        "1",
        "精准扶贫：农村饮用水安全巩固提升",
        "",
        "农林水务局",
        "1300人",
        "700",
        "54%",
        "已解决700人（贫困人口）的饮水问题",
    ],
    ["2", "新增城镇就业", "", "人社局", "8950", "7356", "82%", ""],
    [
        "3",
        "建设农村公办幼儿园（所）",
        "",
        "教育局",
        "2所",
        "",
        "70%",
        "累计完成项目的70%；两所幼儿园已完成项目工程主体建设部分。",
    ],
    ["4", "城市棚户区改造（户）", "", "房产分局", "7699套", "4629", "60%", ""],
    ["5", "新增养老服务床位", "", "民政局", "71个", "55", "77%", ""],
    ["6", "残疾儿童抢救性康复", "", "残联", "73人", "73", "100%", ""],
    ["7", "孕产妇产前免费筛查", "", "卫生局", "3600人", "3436", "95%", ""],
    ["8", "新增社会治安视频监控摄像头", "", "区公安分局", "100个", "", "", "设备购进中"],
    [
        "9",
        "深化机关事业单位养老保险制度改革和提高城乡低保补助标准",
        "完成在职参保人数6300人",
        "区人社局",
        "6300人",
        "7558",
        "119%",
        "",
    ],
    ["", "", "完成征缴基金10000万元", "区人社局", "10000万", "7965", "80%", ""],
    [
        "",
        "",
        "城市低保、农村低保补差水平月均分别达到300元/人、140元/人",
        "区民政局",
        "100%",
        "100%",
        "",
        "城市低保：300.1元/月，农村低保：154.33元/月",
    ],
    [
        "10",
        "实事“质量强市”战略和食品安全“扫雷”行动",
        "培养省、市名牌产品各一个",
        "区质监分局",
        "2",
        "",
        "",
        "申报省名牌产品5家。其中旅游服务单位2家、现已完成现场评审。食品企业1家、饲料企业1家、纸业企业1家；市名牌产品2家。",
    ],
    [
        "",
        "",
        "开展食品安全“九查九扫”",
        "区食药监管局",
        "11098",
        "14001",
        "126%",
        "年初计划监督检查11098家，未包含未发证的食品经营者4572家（其中：①不需发证的初级农产品经营者1989家，"
        "②拆迁范围不能发证的2136家，③午托237家，④私家厨房58家，⑤小作坊152家），实际全年需监督检查15670家。",
    ],
    ["11", "文化惠民", "送戏曲下乡20场", "区文体新局", "20", "29", "145%", ""],
]


def yueyanglou_2017() -> None:
    document = new_document()
    for text in YUEYANGLOU_2017_BEFORE:
        document.add_paragraph(text)
    caption = [YUEYANGLOU_2017_CAPTION] + [""] * (len(YUEYANGLOU_2017_HEADER) - 1)
    grid = table(document, caption, [YUEYANGLOU_2017_HEADER, *YUEYANGLOU_2017_ROWS])
    merge_across(grid, 0, 0, 7)  # 表名行
    merge_across(grid, 1, 1, 2)  # “省重点民生实事项目名称”
    for row in range(2, 10):  # 第1—8项的项目名称
        merge_across(grid, row, 1, 2)
    for column in (0, 1):
        merge_down(grid, column, 10, 12)  # 第9项的三个子项
        merge_down(grid, column, 13, 14)  # 第10项的两个子项
    document.save(
        str(
            HERE
            / "1182_hunan_yueyang_yueyanglou_2017_sheng_zhongdian_minsheng_shishi_wancheng_qingkuang.docx"
        )
    )


# ---------------------------------------------------------------------------------------------------------------
# 1184 广元市昭化区 2017：民生工程目标任务分解表（一）（通知正文在前，页面不印通知标题；表头“项 目”“目标”各横跨
# 两列；第1行印齐8格，第2行只印目标两格和分解格，项目两格和责任领导、责任单位、责任人三格向下合并；页面在第3行的
# 分解格中途截断，前2行）

ZHAOHUA_BEFORE = [
    "各乡镇党委、政府，拣银岩街道党工委、办事处，区级各有关部门：",
    "现将我区2017年度民生工程目标任务分解下达你们，请认真组织实施，确保目标任务全面完成。各乡镇（街道）和区级有关部门"
    "要在每月20日之前将本月民生工程实施情况，包括组织领导、项目进展、主要做法、资金落实（执行）、存在的问题及原因、"
    "建议等情况，以书面形式报区政府督办室。区委督查室、区政府督办室将会同有关部门对民生工程实施情况进行常态化督查督办，"
    "并每月通报一次进展情况，将实施结果纳入年度综合目标考核。",
    "联系人：杨 沫 联系电话：0839—8722868。",
    "附件：广元市昭化区2017年度民生工程目标任务分解表",
    "中共广元市昭化区委办公室",
    "广元市昭化区人民政府办公室",
    "2017年4月26日",
    "附件",
    "广元市昭化区2017年度民生工程目标任务分解表（一）",
]

ZHAOHUA_HEADER = ["项 目", "", "目标", "", "分 解 情 况", "责任领导", "责任单位", "责任人"]

ZHAOHUA_ROWS = [
    [
        "就 业 促 进 工 程",
        "促进城乡劳动者就业创业",
        "城镇新增就业人数（人）",
        "1300",
        "元坝镇280 白果乡15 柏林沟镇40 朝阳乡20 陈江乡15 大朝乡20 丁家乡15 红岩镇25 虎跳镇120 黄龙乡15 晋贤乡15 "
        "柳桥乡50 梅树乡15 明觉镇40 磨滩镇30 青牛乡10 清水乡40 沙坝乡15 射箭乡15 石井铺镇30 太公镇60 王家镇60 卫子镇40 "
        "文村乡15 香溪乡10 张家乡40 昭化镇180 紫云乡30 拣银岩街道办40",
        "刘 强",
        "区人社局",
        "陈 宗",
    ],
    [
        "",
        "",
        "城镇失业人员再就业（人）",
        "250",
        "白果乡8 柏林沟镇8 朝阳乡5 陈江乡5 大朝乡6 丁家乡5 红岩镇5 虎跳镇12 黄龙乡5 晋贤乡5 柳桥乡8 梅树乡8 明觉镇5 "
        "磨滩镇8 青牛乡5 清水乡8 沙坝乡5 射箭乡5 石井铺镇6 太公镇6 王家镇20 卫子镇8 文村乡5 香溪乡5 元坝镇40 张家乡5 "
        "昭化镇25 紫云乡6 拣银岩街道办8",
        "",
        "",
        "",
    ],
]


def zhaohua() -> None:
    document = new_document()
    for text in ZHAOHUA_BEFORE:
        document.add_paragraph(text)
    grid = table(document, ZHAOHUA_HEADER, ZHAOHUA_ROWS)
    merge_across(grid, 0, 0, 1)  # “项 目”
    merge_across(grid, 0, 2, 3)  # “目标”
    for column in (0, 1, 5, 6, 7):
        merge_down(grid, column, 1, 2)
    document.save(
        str(HERE / "1184_sichuan_guangyuan_zhaohua_2017_minsheng_gongcheng_mubiao_renwu_fenjie.docx")
    )


def main() -> None:
    yueyanglou_2017()
    zhaohua()


if __name__ == "__main__":
    main()
