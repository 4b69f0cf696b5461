"""Build the .docx documents of held-out set x56 (760–767) from the stored pages named in ../README.md.

    python tests/data/drafting/heldout/make_x56_docx.py

See ../make_docx.py for the layout helpers. The texts are transcribed from stored public pages (the search tool's
pages corpus; each page holds only the start of its document, so a table ends where its page does). A page runs a
table's cells one a line (or between “|”) and prints a merged cell once, at the top of the rows it covers; each table
is rebuilt here cell by cell as a real Word table, a cell printed once merged down over the rows below it that print
nothing in that column, several names of one cell on separate lines. The words are unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_down, new_document, table  # noqa: E402


def bozhou_nyncj_2024() -> None:
    """761 安徽 亳州市 市农业农村局 2024：政府工作报告任务分解表（页面只有表的前8行，没有标题和表头）。

    页面把每格印作一段，格与格之间一个“|”：序号|分类|任务|责任科室|责任人|完成时限|电话。页面没有印表头，这里也
    不添表头（第一行就是第1项）。分类一格只在它管的第一行印出（第1、3、6行），向下合并到下一个印出的分类之前；
    第3行的责任人一格是空的，照样留空。一格里的几个科室、几个人、几个电话各占一行。第9行在任务一格中断，没有录。
    """
    document = new_document()
    rows = [
        [
            "1",
            "一、经济社会发展的主要预期目标",
            "农村常住居民人均可支配收入与全省同步增长。",
            "法规科",
            "潘秀峰",
            "2024年底前",
            "5555309",
        ],
        ["2", "", "粮食产量100亿斤以上。", "市农技中心", "卢伯瑛", "2024年底前", "5555097"],
        [
            "3",
            "二、加快新型工业化进程",
            "农产品加工业产值增长15%以上。",
            "产业科",
            "",
            "2024年底前",
            "5555309",
        ],
        [
            "4",
            "",
            "加快发展高端绿色食品产业，做好“粮头食尾”“畜头肉尾”“农头工尾”增值大文章，延长产业链，做强深加工，"
            "新增规上农产品加工企业10家，支持五得利面粉、金沙河面业、正宇面粉、大林冻干食品、欣浩翔食品等重点企业"
            "发展，实现全产业链产值1330亿元。",
            "产业科",
            "孙永峰",
            "2024年底前",
            "5555309",
        ],
        [
            "5",
            "",
            "发展养生滋补预制菜产业，产值突破100亿元。推进肉牛振兴“三七百”计划，实现高品质肉牛产业产值70亿元。"
            "发展精品粮油、亳州花茶、绿色蔬果、调味品等特色产业，实现产值850亿元。",
            "产业科\n市畜牧中心\n市农技中心\n市绿优中心",
            "孙永峰\n李先俊\n卢伯瑛",
            "2024年底前",
            "5555309\n5125676\n5555097\n5126057",
        ],
        [
            "6",
            "四、加快农业农村现代化进程",
            "坚决扛稳耕地保护和粮食安全政治责任，一体推进稳面积、增单产、减损耗，全面实施良田、良种、良机、良法、"
            "优链、优农重点工程，粮食种植面积1300万亩，优质专用小麦播种面积620万亩，新建、改造提升高标准农田26万亩。",
            "市农技中心\n市农发中心\n市农机中心",
            "卢伯瑛\n潘秀峰",
            "2024年底前",
            "5555097\n5110393\n5991002",
        ],
        ["7", "", "做好第三次全国土壤普查。", "市农发中心", "潘秀峰", "2024年底前", "5110393"],
        [
            "8",
            "",
            "实施种业振兴行动，育成具有自主知识产权的“丰优258”“涡麦229”小麦品种2个。",
            "种植业管理科",
            "卢伯瑛",
            "2024年底前",
            "5555701",
        ],
    ]
    # no header row is printed on the page: the first row of the table is item 1
    grid = table(document, rows[0], rows[1:])
    merge_down(grid, 1, 0, 1)
    merge_down(grid, 1, 2, 4)
    merge_down(grid, 1, 5, 7)
    document.save(str(HERE / "761_anhui_bozhou_nyncj_2024_zhengfu_gongzuo_baogao_renwu_fenjie.docx"))


def zhaoyuan_2022() -> None:
    """763 山东 烟台市 招远市 2022：民生事项1-9月份工作完成情况（教育文化的三行；页面只有这张表，标题未印）。

    页面把表印作“|”分隔的行：类别|民生事项名称|2022年度任务目标|责任单位|分管市领导|1-9月份工作完成情况|
    1-9月份工作取得成效|监督电话。类别“四、教育文化”只印在第一行，向下合并到三行。表后的信息公开属性行
    （索引号、成文日期，和被转载站换成广告字样的发布机构）是网页元素，不录。
    """
    document = new_document()
    header = [
        "类别",
        "民生事项名称",
        "2022年度任务目标",
        "责任单位",
        "分管市领导",
        "1-9月份工作完成情况",
        "1-9月份工作取得成效",
        "监督电话",
    ]
    rows = [
        [
            "四、教育文化",
            "14.改扩建泉山学校及庙后吕家初级中学",
            "完成泉山学校一期2座教学楼建设，庙后吕家初级中学主体建设并投入使用。",
            "教育体育局",
            "刘福利",
            "泉山学校：完成主体建筑结构施工、平板浇筑，其中1号教学楼完成墙板安装，开始装饰装修； "
            "庙后吕家初级中学：食堂建成投用，教工宿舍楼完成主体钢结构施工，整体钢结构施工完成70%。",
            "两处学校改扩建项目目前正在加速推进施工进度。",
            "监督电话0535-8246306",
        ],
        [
            "",
            "15.推进学校塑胶运动场地建设",
            "完成罗峰学校及13处农村学校塑胶运动场地建成并投入使用。",
            "教育体育局",
            "刘福利",
            "罗峰学校：9月份开始施工，完成基础施工30%； 农村学校塑胶运动场地：完成基础施工，其中邵家初中塑胶运动场地"
            "完成人工草坪铺设正在进行篮球场硅PU施工，十字道初中开始人工草坪铺设。",
            "罗峰学校正在全力推进基础施工；13处农村学校塑胶运动场地已完成基础建设，两处学校开始铺设面层。",
            "监督电话0535-8246306",
        ],
        [
            "",
            "16.推进义务教育课后服务",
            "对全市34所义务教育学校实行课后服务全覆盖，对有课后需求的学生实行全覆盖，稳步提高课后服务质量。",
            "教育体育局",
            "刘福利",
            "2022年9月23日对全市义务教育学校课后服务课程超市开设情况进行调度，督促学校开设多彩课程，丰富课后服务内容，"
            "促进课后服务提质增效。",
            "1-9月份全市有课后服务需求的学生32402人，实际参与课后服务的学生32402人，有课后服务需求的学生参与率100%，"
            "课后服务计划拨付700万元，占年度计划投资总额的75%。",
            "监督电话0535-8246336",
        ],
    ]
    grid = table(document, header, rows)
    merge_down(grid, 0, 1, 3)
    document.save(str(HERE / "763_shandong_yantai_zhaoyuan_2022_minsheng_shixiang_wancheng_qingkuang.docx"))


def main() -> None:
    bozhou_nyncj_2024()
    zhaoyuan_2022()


if __name__ == "__main__":
    main()
