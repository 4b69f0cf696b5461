"""Build the .docx documents of held-out set x108 (1280–1287) from the sources named in ../README.md.

    python tests/data/drafting/heldout/make_x108_docx.py

See ../make_docx.py for the layout helpers. The set is of documents whose tasks the page prints as a table
(序号 | 工作任务 | 牵头/责任单位 | 完成时限, or indicator tables). Each table is rebuilt here cell by cell as a real
Word table with the source's own header; the notice paragraphs the page prints above the table are paragraphs
of the document, page attribute and date lines kept as the page holds them. A cell the page prints once over
the rows below it (left blank below) is merged down; several units the page prints on separate lines of one
cell are separate paragraphs of that cell; a cell's text is otherwise as the page prints it, half-width
punctuation written in full width and misprints kept.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_across, merge_down, new_document, table  # noqa: E402

# ---------------------------------------------------------------------------------------------------------------
# 1280 遂宁市：全面开展清洁城市环境活动实施方案（遂府办函〔2016〕103号；https://www.suining.gov.cn/gongkai/show/
# 59c771049d684296b517a8c985056f68.html；存页两段：页首到“一、总体要求”一段，和任务表 序号|工作任务|负责部门|
# 时间进度 的前12行，第12行在“工作任务”格中断，录前11行）

SUINING_PARAGRAPHS = [
    "索 引 号：008490032/2023-4438243",
    "公文种类：通知",
    "发布机构：遂宁市人民政府办公室",
    "文       号：遂府办函〔2016〕103号",
    "成文日期： 2016-06-23",
    "发布日期： 2016-06-28",
    "有 效 性： 有效",
    "遂宁市人民政府办公室关于印发遂宁市全面开展清洁城市环境活动实施方案的通知",
    "来源：遂宁市人民政府办公室 发布时间：2016-06-28 00:00",
    "遂府办函〔2016〕103号",
    "各县（区）人民政府，市直各部门：",
    "《遂宁市全面开展清洁城市环境活动实施方案》已经市政府六届59次常务会议审议通过，现印发你们，请认真组织实施。",
    "遂宁市人民政府办公室",
    "2016年6月23日",
    "遂宁市全面开展清洁城市环境活动实施方案",
    "为深入贯彻落实中央、省委和市委城市工作会议精神，提升城市管理水平，提高人居环境质量，结合住房城乡建设部等部委"
    "在全国开展清洁城市环境活动的有关部署和《四川省人民政府办公厅关于印发四川省全面开展清洁城市环境活动实施方案的"
    "通知》（川办函〔2016〕6号）有关要求，现就我市深入推进城市环境综合治理、改善城市环境卫生面貌，制定如下实施方案。",
    "一、总体要求",
    "依照《四川省城乡环境综合治理条例》，以提升城市环境卫生水平为目标，坚持“政府主导、部门协作，公众参与、因地制宜，"
    "转变方式、精细管理”原则，结合全省开展的“洁净美好家园，建设宜居四川”行动和“城乡环境卫生整洁行动”工作，全面开展"
    "清洁城市环境活动。通过改革城市管理体制，完善城市治理机制，打造城市管理综合执法队伍，统筹治理城市环境卫生问题，"
    "实现城市环境卫生设施建设运营水平明显提升，城市生产生活环境更加整洁有序、健康宜居。",
]

SUINING_HEADER = ["序号", "工作任务", "负责部门", "时间进度"]

_SUINING_AREAS = "各县（区）政府、市直园区管委会"

SUINING_ROWS = [
    ["1", "完善城市管理体制", "市委编办、市住建局、市城管局", "省出台文件后 2 个月完成"],
    ["2", "完善城市工作机制", "市住建局，" + _SUINING_AREAS, "2016 年 6 底前"],
    [
        "3",
        "推进市、县、园区数字化城市管理平台建设，将城市环卫作业纳入数字化城市管理平台监管",
        "市城管局，" + _SUINING_AREAS,
        "常态工作",
    ],
    [
        "4",
        "开展环境卫生设施规划编制工作",
        "市住建局、市发改委、市财政局、市环保局，" + _SUINING_AREAS,
        "2016 年底前",
    ],
    [
        "5",
        "加强生活垃圾处理设施运行监管，开展排查、评估和治理工作",
        "市住建局、市环保局，" + _SUINING_AREAS,
        "常态工作",
    ],
    [
        "6",
        "开展城镇生活垃圾分类试点，逐步建立健全生活垃圾分类体系",
        "市住建局、市发改委、市财政局、市商务局、市供销社，" + _SUINING_AREAS,
        "2016—2017 年底前",
    ],
    [
        "7",
        "加快环境卫生设施建设",
        "市住建局、市发改委、市财政局、市环保局，" + _SUINING_AREAS,
        "2016—2018 年底前",
    ],
    ["8", "防止过度包装，减少包装废弃物产生", "市质监局、市商务局，" + _SUINING_AREAS, "常态工作"],
    ["9", "鼓励净菜上市，减少餐厨垃圾产量", "市商务局、市农业局，" + _SUINING_AREAS, "常态工作"],
    [
        "10",
        "在宾馆和餐饮等服务行业、特别是星际宾馆，推广使用可循环利用物品，限制使用一次性用品",
        "市商务局、市旅游局，" + _SUINING_AREAS,
        "常态工作",
    ],
    [
        "11",
        "抓好再生资源分拣中心和利用基地建设，推动城市生活垃圾资源回收利用",
        "市住建局、市供销社，" + _SUINING_AREAS,
        "常态工作",
    ],
]


def suining() -> None:
    document = new_document()
    for text in SUINING_PARAGRAPHS:
        document.add_paragraph(text)
    table(document, SUINING_HEADER, SUINING_ROWS)
    document.save(
        str(HERE / "1280_sichuan_suining_2016_qingjie_chengshi_huanjing_huodong_shishi_fangan.docx")
    )


# ---------------------------------------------------------------------------------------------------------------
# 1281 钟楼区：2023年生活垃圾分类工作任务清单（文档分享网站的 docx 预览 https://m.1wenmi.com/doc/329362.html；
# 预览里各格连在一起，按表头拆成 序号|任务名称|目标内容|主要责任单位|完成期限；第2行在“主要责任单位”格中断，录第1行）

ZHONGLOU_TITLE = "钟楼区2023年生活垃圾分类工作任务清单"

ZHONGLOU_HEADER = ["序号", "任务名称", "目标内容", "主要责任单位", "完成期限"]

ZHONGLOU_ROWS = [
    [
        "1",
        "习惯培养",
        "落实垃圾分类党建引领机制和市、区、街道（镇）、社区（村）四级联动机制，开展垃圾分类联动会议、活动每季度不少于2次；"
        "基层党组织每月至少研究1次垃圾分类工作，组织党员和干部参与垃圾分类、有效服务群众的活动。",
        "镇（街道）、区委组织部等按职责分工负责",
        "全年",
    ],
]


def zhonglou() -> None:
    document = new_document()
    document.add_paragraph(ZHONGLOU_TITLE)
    table(document, ZHONGLOU_HEADER, ZHONGLOU_ROWS)
    document.save(
        str(HERE / "1281_jiangsu_changzhou_zhonglou_2023_shenghuo_laji_fenlei_gongzuo_renwu_qingdan.docx")
    )


# ---------------------------------------------------------------------------------------------------------------
# 1282 奉新县：涉农补贴领域基层政务公开标准目录（奉新县政府网站“基层政务公开标准目录指引”栏目页的繁体镜像
# http://www.xmzaj.com/fxxrmzf/26gsdlyjczwgkbzmlzy/202111/408382c0b9004d8384e65b165a63a0bd.shtml，简体给出；
# 两行表头：公开事项、公开对象、公开方式、公开层级各跨两栏；页面在第5行“二级事项”格中断，录前4行）

FENGXIN_TITLE = "涉农补贴领域基层政务公开标准目录"

FENGXIN_HEADER = [
    "序号",
    "公开事项",
    "",
    "公开内容（要素）",
    "公开依据",
    "公开时限",
    "公开主体",
    "公开渠道和载体",
    "公开对象",
    "",
    "公开方式",
    "",
    "公开层级",
    "",
]

_FENGXIN_SUBHEADER = [
    "",
    "一级事项",
    "二级事项",
    "",
    "",
    "",
    "",
    "",
    "全社会",
    "特定群体",
    "主动",
    "依申请",
    "县级",
    "乡级",
]

_FENGXIN_LIMIT = "信息形成或变更之日起20个工作日内。法律法规对政府信息公开的期限另有规定的，从其规定。"


def _fengxin_row(code: str, second: str, basis: str) -> list[str]:
    return [
        code,
        "农业生产发展资金",
        second,
        "1.政策依据",
        basis,
        _FENGXIN_LIMIT,
        "奉新县农业农村局",
        "■政府网站",
        "√",
        "",
        "√",
        "",
        "√",
        "√",
    ]


FENGXIN_ROWS = [
    _FENGXIN_SUBHEADER,
    _fengxin_row("1", "农机购置补贴", "《中华人民共和国农业机械化促进法》（中华人民共和国主席令第16号）"),
    _fengxin_row("2", "耕地地力保护", "《农业生产发展资金管理办法》（财农〔2017〕41号）"),
    _fengxin_row(
        "3",
        "高素质农民培育（新型职业农民培育）",
        "《中共中央办公厅、国务院办公厅关于引导农村土地经营权有序流转发展农业适度规模经营的意见》",
    ),
    _fengxin_row("4", "支持新型农业经营主体", "《农业生产发展资金管理办法》（财农〔2017〕41号）"),
]


def fengxin() -> None:
    document = new_document()
    document.add_paragraph(FENGXIN_TITLE)
    grid = table(document, FENGXIN_HEADER, FENGXIN_ROWS)
    for first in (1, 8, 10, 12):  # 公开事项, 公开对象, 公开方式, 公开层级 stand over two columns
        merge_across(grid, 0, first, first + 1)
    for column in (0, 3, 4, 5, 6, 7):  # the header cells without sub-columns stand over both header rows
        merge_down(grid, column, 0, 1)
    document.save(
        str(HERE / "1282_jiangxi_yichun_fengxin_shenong_butie_jiceng_zhengwu_gongkai_biaozhun_mulu.docx")
    )


# ---------------------------------------------------------------------------------------------------------------
# 1285 凤屯镇：政府文件信息领域基层政务公开标准目录（镇的试点领域目录页的繁体转载 https://imortgage.com.cn/info/
# 1475/44091.htm，简体给出，转载站插进字后的拼音注音（“镇(zhèn)”）删去；存页从“（二）”这一张表起，录这张表的前3行，
# 存页到第3行末格为止）

FENGTUN_TITLE = "（二）凤屯镇政府文件信息领域基层政务公开标准目录"

FENGTUN_HEADER = [
    "序号",
    "公开事项",
    "",
    "公开内容（要素）",
    "公开依据",
    "公开时限",
    "公开主体",
    "公开渠道和载体",
    "公开对象",
    "",
    "公开方式",
    "",
    "公开层级",
    "",
]

_FENGTUN_SUBHEADER = [
    "",
    "一级事项",
    "二级事项",
    "",
    "",
    "",
    "",
    "",
    "全社会",
    "特定群众",
    "主动",
    "依申请公开",
    "镇级",
    "村级",
]

_FENGTUN_BASIS = "《中华人民共和国政府信息公开条例》（国务院令第711号）"


def _fengtun_row(code: str, first: str, second: str, content: str, limit: str, channels: str) -> list[str]:
    return [
        code,
        first,
        second,
        content,
        _FENGTUN_BASIS,
        limit,
        "镇人民政府",
        channels,
        "√",
        "",
        "√",
        "",
        "√",
        "",
    ]


FENGTUN_ROWS = [
    _FENGTUN_SUBHEADER,
    _fengtun_row(
        "1",
        "政府文件",
        "政府文件",
        "政府文件。",
        "信息形成或变更之日起3个工作日内",
        "■政府网站 ■单位/村委会公示栏（电子屏）",
    ),
    _fengtun_row(
        "2",
        "概况信息",
        "乡镇简介",
        "乡镇行政区划、人口民族、发展优势、地理位置、自然概貌、水系、气候环境、自然资源、历史文化、旅游资源、综合实力和"
        "社会事业等信息。",
        "信息形成或变更之日起20个工作日内",
        "■政府网站",
    ),
    _fengtun_row(
        "3",
        "政府工作报告",
        "政府工作报告",
        "镇人民政府工作报告全文。",
        "信息形成或变更之日起20个工作日内",
        "■政府网站 ■会议",
    ),
]


def fengtun() -> None:
    document = new_document()
    document.add_paragraph(FENGTUN_TITLE)
    grid = table(document, FENGTUN_HEADER, FENGTUN_ROWS)
    for first in (1, 8, 10, 12):  # 公开事项, 公开对象, 公开方式, 公开层级 stand over two columns
        merge_across(grid, 0, first, first + 1)
    for column in (0, 3, 4, 5, 6, 7):  # the header cells without sub-columns stand over both header rows
        merge_down(grid, column, 0, 1)
    document.save(
        str(HERE / "1285_unknown_fengtun_zhen_zhengfu_wenjian_jiceng_zhengwu_gongkai_biaozhun_mulu.docx")
    )


# ---------------------------------------------------------------------------------------------------------------
# 1286 某县：2025年食品安全重点工作任务清单（招标信息网站的转载 https://www.qianlima.com/bid-523533600.html，县名和
# 几个单位名被网站换作“**”“****”，照录；表 工作目标|工作内容|工作措施|责任单位|完成时限，工作目标、工作内容两栏
# 纵向合并；存页在第6项“工作措施”格中断，录前5项）

SHIPIN_PARAGRAPHS = [
    "2025年**县食品安全重点工作任务清单",
    "发布时间 :2025-07-16",
]

SHIPIN_HEADER = ["工作目标", "工作内容", "工作措施", "责任单位", "完成时限"]

_SHIPIN_DUE = "2025年11月底前，并长期坚持"

SHIPIN_ROWS = [
    [
        "一、加大食品安全突出问题治理力度",
        "（一）强化源头治理",
        "1.加强农用地土壤重金属污染源头防控，加强涉重金属废渣堆存点企业监管力度，建立土壤污染重点监管单位企业名单。",
        "****分局牵头，各有关部门按照职责分工负责",
        _SHIPIN_DUE,
    ],
    [
        "",
        "",
        "2.持续开展农药科学施用增效、兽药使用减量行动，稳步提高受污染耕地安全利用水平。试行农产品质量安全产地准出分类"
        "监管制度。",
        "县农业农村局",
        _SHIPIN_DUE,
    ],
    [
        "",
        "（二）严控农兽药残留超标",
        "3.深入开展重点问题品种药物残留突出问题攻坚治理，严打禁限（停）用药物违法使用，严控常规药物残留超标，推广胶体金"
        "速测技术应用。组织开展畜禽养殖环节规范用药专项整治巩固提升行动，落实水产养殖用投入品使用白名单制度。深入推进畜禽"
        "屠宰“严规范促提升保安全”三年行动，规范屠宰行业秩序。",
        "县农业农村局",
        _SHIPIN_DUE,
    ],
    [
        "",
        "（三）加大校园食品安全整治力度",
        "4.落实《****学校园食品安全和膳食经费管理监督的指导意见》，深化“校园餐”问题专项整治。",
        "****体育局、县**局、****监管局、县财政局、县卫生健康局、县农业农村局按职责分工负责",
        _SHIPIN_DUE,
    ],
    [
        "",
        "",
        "5.全面落实校园食品安全校长（园长）责任制，落实学校相关负责人陪餐制度。健全完善校园食品安全主体责任、承包经营、"
        "大宗食材招标采购、家长委员会监督、农村义务教育学生营养改善计划等制度机制，****小学食堂自营率。",
        "****体育局",
        _SHIPIN_DUE,
    ],
]


def shipin() -> None:
    document = new_document()
    for text in SHIPIN_PARAGRAPHS:
        document.add_paragraph(text)
    grid = table(document, SHIPIN_HEADER, SHIPIN_ROWS)
    merge_down(grid, 0, 1, 5)  # 一、 stands over all five rows kept
    merge_down(grid, 1, 1, 2)  # （一） over rows 1–2
    merge_down(grid, 1, 4, 5)  # （三） over rows 4–5
    document.save(str(HERE / "1286_unknown_county_2025_shipin_anquan_zhongdian_gongzuo_renwu_qingdan.docx"))


def main() -> None:
    suining()
    zhonglou()
    fengxin()
    fengtun()
    shipin()


if __name__ == "__main__":
    main()
