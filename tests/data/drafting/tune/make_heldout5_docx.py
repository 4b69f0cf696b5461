"""Build the .docx documents of the fifth held-out set (140, 142, 143).

    python tests/data/drafting/tune/make_heldout5_docx.py

See ../make_docx.py for the layout helpers. The text of each document is the transcription of
the page named in ../README.md (punctuation full-width as published; the stored pages had
normalised it to half-width); this script only lays it out the way Word holds it: a task table
whose 完成期限 and 监督方式 cells were the same on every row and are merged down (140), a table
grouped by its 牵头单位 column, the lead's cell merged down over its rows and one 责任单位 cell
spanning four rows (142), and a bureau's own target table with a progress column (143).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_down, new_document, table  # noqa: E402


def xuancheng_gaoxinqu() -> None:
    """140 宣城高新区：2021年度重点工作任务分解一览表（责任领导是人，完成期限“持续推进”）。"""
    document = new_document()
    document.add_paragraph("2021年度宣城高新区重点工作任务分解一览表")
    document.add_paragraph("发布时间：2021-05-21 16:01 来源：安徽宣城高新技术产业开发区")
    grid = table(
        document,
        ["序号", "重点工作任务分解", "责任领导", "责任部门", "完成期限", "监督方式"],
        [
            [
                "1",
                "主动对接“一地六县”、安徽自贸区芜湖片区，市区一体共建联动创新区、临空产业园，申建综合保税区。",
                "易承志",
                "经济发展局",
                "持续推进",
                "区委、区政府",
            ],
            [
                "2",
                "探索产业跨地区转移利益共享合作机制，全面对接南京江宁、杭州下沙和上海临港产业区，共建“产业飞地”、"
                "省际产业合作区。谋划建设宣宁芜一体化先导区。加快与高淳经开区产业协同，建设省际毗邻新型功能区。"
                "支持水阳、黄渡、古泉、文昌等乡镇与周边区域协同发展。积极参与长三角科技创新共同体、G60科创走廊产业联盟、"
                "采购商联盟。",
                "冼进、易承志",
                "科技中心、经济发展局",
                "持续推进",
                "区委、区政府",
            ],
            [
                "3",
                "推动宁宣杭高速等跨区域通道互通，助力G50、G5011高速改扩建、青弋江大道九标段开工建设。全力保障宣泾高速建设，"
                "协调推进宣州综合码头二期、汪联河北山物流码头二期、姚湾码头建设，完成水阳江航道整治提升。",
                "胡德才",
                "建设管理局、高新投公司、交管站",
                "持续推进",
                "区委、区政府",
            ],
            [
                "4",
                "宣城高新区全力“以升促建”国家级高新区。探索“管委会+公司”管理模式，开启“二次创业”。启动宣城高新区小学、"
                "综合医院、科创中心建设。确保40个项目开工、40个项目投产，新增规上工业企业30家以上，力争重返全省30强。",
                "冼进、胡德才、易承志",
                "科技中心、建设管理局、经济发展局、高新投公司等各部门",
                "持续推进",
                "区委、区政府",
            ],
        ],
    )
    merge_down(grid, 4, 1, 4)
    merge_down(grid, 5, 1, 4)
    document.save(str(HERE / "140_anhui_xuancheng_gaoxinqu_2021.docx"))


def changsha_mubiao() -> None:
    """142 长沙市：按牵头单位分组的目标任务表（牵头单位格纵向合并；页面未印标题和年份）。"""
    document = new_document()
    grid = table(
        document,
        ["牵头单位", "目标任务", "责任单位"],
        [
            [
                "市政府办公厅",
                "强化行政监督，自觉接受人大和政协监督，优质高效办理人大代表议案、建议和政协提案，认真听取和采纳各民主党派、"
                "工商联、人民团体和社会各界意见，主动接受新闻媒体和社会公众监督",
                "市直各单位、各区县市",
            ],
            ["", "推进国家安全工作发展", "市直各单位、各区县市"],
            ["长沙先导区管委会", "推进河西商业配套建设", "商务局、高新区、岳麓区"],
            [
                "",
                "实施先导区新三年行动计划，加快梅溪湖国际服务区、洋湖总部经济区、大河西综合交通枢纽等重大项目建设，"
                "全面提升先导区示范功能",
                "市直相关单位、高新区、岳麓区、望城区",
            ],
            [
                "",
                "继续开展岳麓山景区综合整治，启动坪塘工业基地生态修复和桃花岭景区、大王山公园建设，加快西湖文化园、"
                "洋湖湿地公园二期建设",
                "环保局、城投集团、林业局、园林局、工信委、岳麓区和市直相关单位",
            ],
            [
                "市监察局",
                "想问题、做决策、安排资金，必须首先考虑群众受益，确保有限的财力用在群众最需要的地方。时常换位思考，"
                "设身处地理解群众的困难，了解群众的需求，帮助群众解决入学难、看病难、出行难，让群众得到更多的实惠。"
                "坚持一切从群众利益出发，做群众利益的代言人和保护者，坚决反对漠视群众利益、遇事推诿、甚至拿公共资源做人情的"
                "“老好人”作风。",
                "市直各单位、各区县市",
            ],
            [
                "",
                "严肃查处利用职权或公共资源谋取私利的腐败行为，建设诚信、廉洁的政府",
                "审计局、财政局和市直各单位、各区县市",
            ],
            ["市发改委", "地区生产总值增长13%", "统计局和市直相关单位、各区县市、各园区"],
            ["", "固定资产投资增长20%", ""],
            ["", "单位地区生产总值综合能耗下降3.5%", ""],
            ["", "城乡居民人均可支配收入分别增长12%和14%", ""],
        ],
    )
    merge_down(grid, 0, 1, 2)
    merge_down(grid, 0, 3, 5)
    merge_down(grid, 0, 6, 7)
    merge_down(grid, 0, 8, 11)
    merge_down(grid, 2, 8, 11)
    document.save(str(HERE / "142_hunan_changsha_mubiao_table.docx"))


def zongyang_kjj() -> None:
    """143 枞阳县科技局：2023年主要目标任务落实情况（责任科室为局内股室，另有落实情况列）。"""
    document = new_document()
    document.add_paragraph("2023年枞阳县科技局主要目标任务落实情况")
    document.add_paragraph("发布时间：2023-12-28 08:51 来源：枞阳县科学技术局")
    table(
        document,
        ["序号", "主要工作目标内容", "责任科室", "全年落实情况"],
        [
            [
                "1",
                "高新技术企业",
                "工业股",
                "2023年共分三批组织申报高新技术企业24家，新增高新技术企业14家，净增13家，全县高新技术企业达47家，"
                "完成市对县目标考核任务260%。",
            ],
            ["2", "科技型中小企业", "工业股", "全年科技型中小企业入库认定86家，完成年度目标任务215%。"],
            [
                "3",
                "修订出台政策",
                "工业股、农业股",
                "已修订完善《枞阳县促进科技创新工作奖励办法》（2023年修订版）",
            ],
            [
                "4",
                "关键核心技术攻关",
                "工业股、农业股",
                "重点推进技术攻关项目10余项，企业与高校院所共同承担申报省重点研究与开发计划项目7个，市“揭榜挂帅”项目2个。",
            ],
            [
                "5",
                "引进高层次人才团队",
                "工业股、农业股",
                "深化产学研合作，积极为企业和高校院所搭起合作“桥梁”，围绕我县主导产业积极组织有机地标和中科华鹿（铜陵）"
                "组建高层次科技人才团队，推动科技成果在我县落地转化产业化。",
            ],
            [
                "6",
                "科技特派员",
                "农业股",
                "今年以来，科技特派员通过开展创新创业辅导，共计引进、推广新品种、新技术187开展培训62次、技术指导304次，"
                "线下集中2187人次，发放科普资料2.1万份，不断推动现代农业提质增效，助力乡村振兴。",
            ],
        ],
    )
    document.save(str(HERE / "143_anhui_tongling_zongyang_kjj_2023.docx"))


def main() -> None:
    xuancheng_gaoxinqu()
    changsha_mubiao()
    zongyang_kjj()


if __name__ == "__main__":
    main()
