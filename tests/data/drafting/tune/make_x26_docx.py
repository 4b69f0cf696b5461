"""Build the .docx documents x26 added to the held-out part (450–).

    python tests/data/drafting/tune/make_x26_docx.py

See ../make_docx.py for the layout helpers. The texts are transcribed from stored public pages (the
addresses are in README.md and in each expectation's notes): a page of a PDF compilation converted to
text by a reprint site (450), and a county government page reprinted in traditional characters (451,
given in simplified characters as the county published it). This script only lays them out the way Word
holds such documents: real tables, a cell's printed lines as lines in the cell, a cell that the page
shows once for several rows merged down over them. The words are unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import merge_down, new_document, table  # noqa: E402


def guangdong_ipr_table() -> None:
    """450 广东省：知识产权战略实施工作要点表（汇编转载第15页；PDF 第103—104页的表格中段）。

    一张“序号|工作重点|工作内容|具体任务|成果形式|责任部门”表：页面从第103页一行的中间开始（该行序号、
    工作重点两格在页面之外，留空），第104页的表头与页码“104”是 PDF 分页，不是文件的文字，没有录；
    跨页的一行（“按国家有关规定，设置知识产权奖励项目”）在 Word 里是一整行。“推进侵犯知识产权行政处罚
    案件信息公开”在页面上印在三行中间，是三行合并的“工作内容”格，这里纵向合并；表在“完善知识产权快速
    维权机制”下的第一行后截断（下一行只印出一个“加”字）。
    """
    document = new_document()
    rows = [
        [
            "",
            "",
            "重大经济活动知识产权评议",
            "出台《广东省重大经济和科技活动知识产权审查评议暂行办法》，围绕省委、省政府重大工作部署，"
            "对重大经济和科技活动开展知识产权评议，及时推送评议成果，支撑项目科学决策。"
            "培育知识产权分析评议品牌服务机构，壮大全省评议服务群。",
            "1.《广东省重大经济和科技活动知识产权审查评议暂行办法》；\n"
            "2.围绕重点产业组织开展知识产权分析评议并形成评议报告；\n"
            "3.推动广东省“全国知识产权分析评议服务示范创建机构”继续做大做强，壮大全省评议服务群。",
            "省知识产权局",
        ],
        [
            "1",
            "推进知识产权管理体制机制改革",
            "按国家有关规定，设置知识产权奖励项目",
            "开展第五届广东专利奖评选活动，做好第十九届中国专利奖组织推荐工作",
            "评选出第五届广东专利奖获奖单位，并积极参与第十九届中国专利奖评选活动，力争中国专利奖获奖取得新突破",
            "省知识产权局",
        ],
        [
            "",
            "",
            "推进侵犯知识产权行政处罚案件信息公开",
            "督促各级知识产权局做好该项工作，确保执法信息公开，接受群众监督",
            "作出行政处罚决定的假冒专利案件和作出处理决定的专利侵权纠纷案件必须全部进行公开",
            "省知识产权局",
        ],
        [
            "",
            "",
            "推进侵犯知识产权行政处罚案件信息公开",
            "推进林木种苗打假案件和侵犯林业植物新品种权案件信息公开",
            "制定《广东省林业厅公开制售假冒伪劣商品和侵犯知识产权行政处罚案件信息工作实施管理办法》，"
            "在广东省林业科技信息网上公开案情",
            "省林业厅",
        ],
        [
            "",
            "",
            "推进侵犯知识产权行政处罚案件信息公开",
            "将所有符合规定的行政处罚案件信息进行公开。",
            "通过门户网站、信用广东平台进行公示",
            "省质监局",
        ],
        [
            "",
            "",
            "完善知识产权快速维权机制",
            "大力推动全省知识产权维权援助公共服务工作",
            "完善知识产权保护制度，健全知识产权维权援助机制",
            "省知识产权局",
        ],
    ]
    grid = table(document, ["序号", "工作重点", "工作内容", "具体任务", "成果形式", "责任部门"], rows)
    merge_down(grid, 2, 3, 5)
    document.save(str(HERE / "450_guangdong_province_2016_ipr_table_p15.docx"))


def yangxian_minsheng_2024() -> None:
    """451 陕西 汉中市 洋县 2024：十大民生实事项目（通知 + 附件清单，一张真 Word 表格；前5项）。

    镜像页面是繁体，这里按县政府发布的简体给出；表格按页面的单元格排（序号|项目名称|建设地点|建设时间|
    2024年建设内容|年度投资金额（万元）|责任单位），每行一个责任单位，没有合并格。第6项“职教中心小江
    分校区建设项目”的建设内容在页面末尾中断，责任单位没有印出，表在第5项后截断。
    """
    document = new_document()
    for line in (
        "洋政发〔2024〕8号",
        "洋县人民政府",
        "关于印发洋县2024年十大民生实事项目的通知",
        "各镇人民政府、街道办事处，县政府各工作部门、直属事业单位，市管单位：",
        "《洋县2024年十大民生实事项目》已经洋县第十八届人民代表大会第三次会议投票表决通过，"
        "现印发给你们，请相关单位精心组织实施，确保按时完成。",
        "附件：洋县2024年十大民生实事项目清单",
        "洋县人民政府",
        "2024年4月2日",
        "附件：",
        "洋县2024年十大民生实事项目清单",
    ):
        document.add_paragraph(line)
    rows = [
        [
            "1",
            "洋县中小学幼儿园基础设施提升改造项目",
            "相关镇（街道）",
            "2024",
            "对马畅中小、湑水中小、茅坪学校等学校运动场地进行改造。",
            "300",
            "教体局",
        ],
        [
            "2",
            "城北小学门前道路建设项目",
            "纸坊街道",
            "2024",
            "建成唐塔北路延伸段（城北小学门前）道路。",
            "300",
            "住建局",
        ],
        [
            "3",
            "洋县2024年老旧小区改造项目",
            "洋州街道",
            "2024",
            "实施西苑小区、金鑫二小区、宏昌小区三所老旧小区房屋功能改善和周边配套基础设施。",
            "1360",
            "住建局",
        ],
        [
            "4",
            "2024年农村公路生命安全防护工程",
            "槐树关镇龙亭镇",
            "2024",
            "在龙亭镇实施农村公路生命防护工程31.656公里、在槐树关镇实施农村公路生命防护工程87.2公里，"
            "基本实现镇域主干道相关路段、邻水临崖危险路段安防工程全覆盖。",
            "3000",
            "交通局",
        ],
        [
            "5",
            "高标准农田建设项目",
            "谢村镇",
            "2024",
            "实施田块整治500亩，修复堰塘1座、建设机电井7座、农桥5座、灌溉渠道50公里；"
            "新建田间道路38公里、农田林网241公里，种植桂花、紫薇等苗木8000株；"
            "实施土壤培肥、田间监测3万亩，布设耕地质量监测点30处。",
            "4930",
            "农业农村局",
        ],
    ]
    table(
        document,
        ["序号", "项目名称", "建设地点", "建设时间", "2024年建设内容", "年度投资金额（万元）", "责任单位"],
        rows,
    )
    document.save(str(HERE / "451_shaanxi_hanzhong_yangxian_2024_minsheng_shishi.docx"))


if __name__ == "__main__":
    guangdong_ipr_table()
    yangxian_minsheng_2024()
