"""Build the .docx document of held-out set x70 (900–907) from the stored page named in ../README.md.

    python tests/data/drafting/tune/make_x70_docx.py

See ../make_docx.py for the layout helpers. The text is transcribed from a stored public page (the search tool's
pages corpus; the page holds only the start of its document, so the table ends where the page does). The page runs
the attached table one cell a line (序号 | 事项名称 | 责任单位 | 事项内容), several units of one cell on separate
lines; it is rebuilt here cell by cell as a real Word table, those units on separate lines in their cell. The words
are unchanged (half-width punctuation written in full width, as in every transcription of the corpus).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import new_document, table  # noqa: E402


def wansheng_2026() -> None:
    """907 重庆市 万盛经开区 2026：重点民生实事工作目标任务（通知 + 附件表格，表格在第4行事项内容中截断）。

    网站外壳（位置导航、语音播报按钮、重复的“日期”行）不录；页面的信息属性行（索引号、发文字号、成文日期等）
    照录为一段噪声。落款日期页面印作“2026129日”（字被吞掉），照录。第4行的事项内容在页面截断处为止。
    """
    document = new_document()
    for text in (
        "[ 索引号 ]11500110588903728C/2026-00076 [ 发文字号 ]万盛经开办发〔2026〕1号 [ 发布机构 ]万盛经济技术开发区"
        " [ 主题分类 ]其他 [ 成文日期 ]2026-01-29 [ 发布日期 ]2026-02-09 [ 体裁分类 ]其他 [ 有效性 ]",
        "重庆市万盛经开区管委会办公室关于印发万盛经开区2026年重点民生实事工作目标任务的通知",
        "各镇人民政府，各街道办事处，管委会各部门，区属国有重点企业，驻经开区有关单位：",
        "《万盛经开区2026年重点民生实事工作目标任务》已经管委会同意，现印发给你们，请认真贯彻落实。",
        "万盛经开区管委会办公室",
        "2026129日",
        "（此件公开发布）",
        "附件",
        "万盛经开区2026年重点民生实事工作目标任务",
    ):
        document.add_paragraph(text)
    rows = [
        [
            "1",
            "实施万盛中心城区“15分钟高品质生活服务圈”建设",
            "万盛街道\n东林街道\n万东镇",
            "完成万盛中心城区“15分钟高品质生活服务圈”建设，持续提升中心城区居住、就业、医疗、教育、养老、托育、文化、"
            "体育、应急等功能设施便捷度。",
        ],
        [
            "2",
            "实施万盛中心城区老旧小区居住品质提升工程",
            "住房城乡建设局",
            "完成房管小区、冉家院小区等城镇老旧小区改造；完成50台老旧电梯更新改造。",
        ],
        [
            "3",
            "开展高层建筑消防安全应急防护能力建设",
            "消防救援大队",
            "全区100米以上医疗卫生机构、大型商业综合体等人员密集场所高层建筑消防物联感知设备接入率达到100%，"
            "全区所有高层建筑消防物联感知设备接入率达80%以上。",
        ],
        [
            "4",
            "实施进盛实验中学（高中部）扩容提质工程",
            "教育局",
            "完成进盛实验中学教学综合楼新建工程（高中部），持续扩大高中阶段教",
        ],
    ]
    table(document, ["序号", "事项名称", "责任单位", "事项内容"], rows)
    document.save(
        str(HERE / "907_chongqing_wansheng_2026_zhongdian_minsheng_shishi_gongzuo_mubiao_renwu.docx")
    )


def main() -> None:
    wansheng_2026()


if __name__ == "__main__":
    main()
