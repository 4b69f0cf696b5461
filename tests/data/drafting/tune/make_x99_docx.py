"""Build the .docx documents of held-out set x99 (1190–1199) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x99_docx.py

See ../make_docx.py for the layout helpers. The stored pages hold only the first ~2,000 characters of each page, so
a table ends where its page does (the half-read cell at the end is kept as the page shows it, as the README says).
A 公示表 that the page shows as “label | value |” lines is rebuilt here as a real two-column Word table, one row a
label; numbered measures inside one cell are paragraphs of that cell. Pages a mirror had turned into traditional
characters (with pinyin glosses after some characters) are given in simplified characters without the glosses, and
half-width commas, colons and brackets in full width, as in every transcription of the corpus; everything else is as
the page prints it.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import new_document, table  # noqa: E402


def label_table(name: str, paragraphs: list[str], rows: list[tuple[str, str]]) -> None:
    """Paragraphs, then a two-column label table; a value's “\n” starts a new paragraph in its cell."""
    document = new_document()
    for text in paragraphs:
        document.add_paragraph(text)
    grid = document.add_table(rows=len(rows), cols=2)
    grid.style = "Table Grid"
    for i, (label, text) in enumerate(rows):
        grid.cell(i, 0).text = label
        lines = text.split("\n")
        grid.cell(i, 1).text = lines[0]
        for extra in lines[1:]:
            grid.cell(i, 1).add_paragraph(extra)
    document.save(str(HERE / name))


# ---------------------------------------------------------------------------------------------------------------
# 1190 四川 资阳市：中央生态环境保护督察“回头看”（第二十八项）整改任务完成情况公示表（繁体加拼音的镜像页；
# 反馈问题|责任单位|责任人|联系电话|整改目标|整改措施 各一行；页面在整改措施第4条中断）

ZIYANG_PARAGRAPHS = [
    "资阳市中央生态环境保护督察“回头看”",
    "（第二十八项）整改任务完成情况公示表",
]

ZIYANG_ROWS = [
    (
        "反馈问题（整改任务）",
        "全省纳入整改方案的395个生活垃圾处理项目，有192个应于2018年建成，但截至2018年11月，仍有77个尚未开工"
        "（省整改任务第二十八项）",
    ),
    ("责任单位", "市委市政府"),
    ("责任人", "李丹"),
    ("联系电话", "028—26122013"),
    (
        "整改目标",
        "完成市餐厨垃圾资源化利用和无害化处理设施、资阳市垃圾处理设施运行监管信息化平台等5个项目建设。",
    ),
    (
        "整改措施",
        "1.加快乐至县城市生活垃圾处理设施建设。由乐至县负责，2019年6月出具项目施工图、环评报告并送有关部门审定，"
        "2019年7月初进行大坝加高和新建附坝、渗滤液收集池、防渗处理等项目工程，2019年底建成并投入使用。\n"
        "2.加快安岳县生活垃圾收转运体系建设。由安岳县负责，加快未建成的7座建设进度，2019年12月底前完成镇子镇、通贤镇、"
        "龙台镇、石羊镇、岳阳镇、石桥铺镇、永清镇等7座垃圾中转站建设；加强管理，确保已建成的驯龙镇、周礼镇、兴隆镇、"
        "李家镇4座垃圾压缩中转站正常运行。\n"
        "3.加快乐至县生活垃圾收转运体系建设。由乐至县负责，2019年12月底前，全面建成龙溪乡、佛星镇、东山镇、双河场乡、"
        "金顺镇、蟠龙镇、孔雀乡、放生乡、中和场镇、龙门镇、全胜乡、凉水乡、盛池乡、通旅镇、县城区等15座生活垃圾中转站"
        "并投用。\n"
        "4.加快市餐厨垃圾资源化利用和无害化处理设施建设。把该项目作为市城市生活",
    ),
]


def ziyang() -> None:
    label_table(
        "1190_sichuan_ziyang_huitoukan_di28xiang_zhenggai_renwu_gongshibiao.docx",
        ZIYANG_PARAGRAPHS,
        ZIYANG_ROWS,
    )


# ---------------------------------------------------------------------------------------------------------------
# 1193 重庆 潼南区：中央生态环境保护督察整改任务的公示表（页面只存下表格本身，没有标题；整改任务概述|整改责任单位|
# 整改目标|整改措施及成效|整改时间|社会监督联系人及电话 各一行，表下备注在句中中断）

TONGNAN_ROWS = [
    ("整改任务概述", "部分区县生活垃圾及渗滤液处理能力不足。"),
    ("整改责任单位", "潼南区"),
    (
        "整改目标",
        "坚持问题导向，定任务、定时限、定责任，在2020年底前完成生活垃圾填埋场扩容。坚持目标导向，加快推动生活垃圾资源化"
        "项目建设和渗滤液处理设施改造，确保2022年底我区生活垃圾及渗滤液得到有效处置，环保督察问题整改到位。",
    ),
    (
        "整改措施及成效",
        "整改措施：一是对生活垃圾填埋区和渗滤液调节池膜覆盖，修复完善雨污分流系统，有效控制雨水进入填埋场形成渗滤液，"
        "并由梓潼垃圾处理有限公司定期排查修复。二是区城投集团（原区建工集团）实施填埋区应急加固工程，新增库容约70万立方米"
        "以上，满足5年以上的生活垃圾填埋处置需要。三是潼南区湟海水处理系统工程有限公司对现有渗滤液处理设施进行扩建改造，"
        "现有处理设施（生化+膜）处理能力达160m³/天，2台一体化处理设施（膜）设计规模为600m³/天，计划2022年初新添置一台"
        "一体化处理设施，正在推进二期扩建相关事宜。四是将生活垃圾处理费和渗滤液处理费纳入财政预算。五是2021年7月5日区政府"
        "召开垃圾填埋场相关事宜专题会议（会议纪要2021-49），从源头减量、经费保障和企业部门落实职能职责等方面确保我区渗滤液"
        "得到有效处置，区城市管理局不定期对生活垃圾填埋场和渗滤液处理设施运行日常管理工作进行检查指导，发现问题即刻要求"
        "相关企业单位进行整改。六是积极推进生活垃圾发电耦合制氢项目及氢能示范项目，按市级要求有序推进生活垃圾分类工作，"
        "减少生活垃圾产生量及填埋量。整改成效：渗滤液得到及时有效处置，两个渗滤液调节池处于安全水位。",
    ),
    ("整改时间", "2020年6月至2021年12月"),
    ("社会监督联系人及电话", "敬峰15310389382"),
]

TONGNAN_AFTER = ["备注：社会监督联系人须由区县或市"]


def tongnan() -> None:
    document = new_document()
    grid = document.add_table(rows=len(TONGNAN_ROWS), cols=2)
    grid.style = "Table Grid"
    for i, (label, text) in enumerate(TONGNAN_ROWS):
        grid.cell(i, 0).text = label
        grid.cell(i, 1).text = text
    for text in TONGNAN_AFTER:
        document.add_paragraph(text)
    document.save(
        str(HERE / "1193_chongqing_tongnan_2022_zhongyang_ducha_laji_shenlvye_zhenggai_gongshibiao.docx")
    )


# ---------------------------------------------------------------------------------------------------------------
# 1195 陕西 宝鸡市：第二轮省生态环境保护督察反馈问题整改完成情况的公示（页面不印标题：说明、联系方式、落款和日期，
# 然后是 编号|序号|反馈问题|整改措施|整改时限|整改进展 表；页面在第1行的整改进展格中断；页首面包屑不录）

BAOJI_BEFORE = [
    "按照《宝鸡市贯彻落实第二轮省生态环境保护督察报告反馈问题整改方案》（宝字﹝2021﹞80号）要求，有关单位认真开展第二轮"
    "省生态环境保护督察反馈问题整改工作。整改情况经各牵头单位组织检查验收，以下问题已经完成整改，现予以公示。公示期自"
    "2025年3月3日至2025年3月14日。欢迎广大社会公众对整改情况进行监督，如发现未达到整改要求或整改情况不实的，均可在"
    "公示期间向市环委办反映。",
    "电话：0917-3262770 邮箱：hbxf3261041@163.com",
    "宝鸡市生态环境保护委员会办公室",
    "2025年3月3日",
]

BAOJI_HEADER = ["编号", "序号", "反馈问题", "整改措施", "整改时限", "整改进展"]

BAOJI_ROWS = [
    [
        "1",
        "15",
        "岐山新材料产业园区、麟游两亭循环经济科技工业园等6个县域工业聚集区，有的污水处理厂建设缓慢，有的污水不能确保"
        "有效处置。凤州现代科技产业园未建设事故应急池和初期雨水池",
        "①成立工作专班，建立定期会商和督办工作机制，推进工业园区污水处理设施建设。\n"
        "②做好工业园区规划环评与项目环评联动试点工作，发挥示范引领作用，推动全市工业园区生态环境保护基础设施上台阶。\n"
        "③高新科技新城、蟠龙新区污水处理厂加快污水收集管网建设和设备运行调试，倒排工期，确保2022年3月31日前投用。"
        "宝鸡姜谭工业园区深入排查、制定方案，完善污水收集管网，2022年12月31日前完工。陈仓区科技工业园、岐山县建材产业园、"
        "麟游县两亭循环经济科技工业园做好规划编制，及时启动污水处理设施及污水收集管网建设，2024年3月31日前投用。\n"
        "④制定凤州现代科技产业园事故应急池和初期雨水池建设方案，加快组织实施，2022年12月31日前建成。",
        "2024年12月31日",
        "①渭滨区、金台区、陈仓区、高新区、岐山县、麟游县人民政府及时成立工作专",
    ],
]


def baoji() -> None:
    document = new_document()
    for text in BAOJI_BEFORE:
        document.add_paragraph(text)
    table(document, BAOJI_HEADER, BAOJI_ROWS)
    document.save(
        str(HERE / "1195_shaanxi_baoji_2025_dierlun_sheng_ducha_fankui_wenti_zhenggai_wancheng_gongshi.docx")
    )


# ---------------------------------------------------------------------------------------------------------------
# 1197 陕西 汉中市：省第四生态环境保护督察组交办生态环境问题调查处理情况的通报（第二十一批；汉台区网站转载；
# 序号|交办问题基本情况|涉及区县及部门|调查核实情况|是否属实|处理处罚和问责情况|备注，页面在第1行的调查核实情况格中断，
# 后三格没有存下，留空；页首导航不录）

HANZHONG_BEFORE = [
    "中共汉中市委 汉中市人民政府关于省第四生态环境保护督察组交办生态环境问题调查处理情况的通报",
    "截至20216522时，省第四生态环境保护督察组分批次交办涉及汉中市生态环境信访件300件。现将第二十一批交办问题办理结果"
    "通报如下：",
]

HANZHONG_HEADER = [
    "序号",
    "交办问题基本情况",
    "涉及区县及部门",
    "调查核实情况",
    "是否属实",
    "处理处罚和问责情况",
    "备注",
]

HANZHONG_ROWS = [
    [
        "1",
        "城固县柳林镇新柳林村张骞米业院内及王家湾村1组长期大量收购拆解汽车发动机，三元催化，废旧铅酸蓄电池，涉嫌无证"
        "非法拆解汽车发动机、处置危险废物违法犯罪，严重污染当地土壤环境。",
        "城固县、市生态环境局、市公安局、市商务局",
        "经查，群众反映内容属实。城固县柳林镇新柳林村张骞米业院内和王家湾村有收购拆解汽车废旧物资回收5家，分别是城固县"
        "柳林镇新柳林村张骞米业院内收购拆解汽车废旧物资回收点、桃花店废旧收购部、城固县柳林镇新付废旧物品回收中心、段某某"
        "废旧物资回收点、王某某废旧物资回收点。\n"
        "1.城固县柳林镇新柳林村张骞米业院内收购拆解汽车废旧物资回收点，实际是位于城固县柳林镇顺丰农业科技发展有限责任公司"
        "（简称顺丰米业）院内的李某某废旧物资回收点，2020813日负责人李某某与顺丰米业公司签订场地租赁合同，租赁场地用于"
        "废旧物资回收，未办理工商营业执照及相关资质。现场检查发现，该回收点东南角、西侧和西北角露天堆存有大量铝、铜线、"
        "废旧机动车轮胎、废旧潜水泵和废旧易拉罐瓶，废旧物资堆存地面未进行硬化，未采取防渗措施；该回收点厂区东南角、西侧和"
        "西北角地面废机油油污严重，东侧垃圾桶内倾倒有大量废机油沾染物（锯末）；该回收点东南角停放",
        "",
        "",
        "",
    ],
]


def hanzhong() -> None:
    document = new_document()
    for text in HANZHONG_BEFORE:
        document.add_paragraph(text)
    table(document, HANZHONG_HEADER, HANZHONG_ROWS)
    document.save(
        str(
            HERE
            / "1197_shaanxi_hanzhong_2021_sheng_ducha_jiaoban_xinfang_wenti_diaocha_chuli_tongbao_di21pi.docx"
        )
    )


def main() -> None:
    ziyang()
    tongnan()
    baoji()
    hanzhong()


if __name__ == "__main__":
    main()
