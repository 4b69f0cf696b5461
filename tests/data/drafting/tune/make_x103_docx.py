"""Build the .docx documents of held-out set x103 (1230–1239) from the stored pages named in ../README.md.

    python tests/data/drafting/tune/make_x103_docx.py

See ../make_docx.py for the layout helpers. The set holds 安全生产、应急管理 and 消防 task divisions; the stored pages
hold only the first ~2,000 characters of each page, so each document ends where its page does. A page that shows a
table (one row a line, cells separated by spaces) is rebuilt here cell by cell as a real Word table. Half-width commas,
semicolons, colons and brackets that the stored pages carry are written in full width, as in every transcription of
the corpus; everything else (a misprint included) is as the page prints it.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import new_document, table  # noqa: E402

# ---------------------------------------------------------------------------------------------------------------
# 1230 石家庄市（按网站推断）：烟花爆竹安全监管 职责分工表（序号|涉及部门|职责分工，7行），表后“相关依据”4条；整页

SJZ_HEADER = ["序号", "涉及部门", "职责分工"]

SJZ_ROWS = [
    [
        "1",
        "市公安局",
        "负责烟花爆竹运输通行证发放和烟花爆竹运输路线确定工作，负责烟花爆竹公禁放等共安全管理工作，组织销毁处置废旧和罚没的"
        "非法烟花爆竹，侦查非法生产、买卖、储存、运输、邮寄烟花爆竹的刑事案件。",
    ],
    [
        "2",
        "市应急管理局",
        "负责烟花爆竹生产、经营、储存单位的安全生产监督管理；负责烟花爆竹厂点四邻安全距离公共安全管理。按照职责分工，会同有关"
        "部门依法查处未经许可擅自非法生产、经营、储存烟花爆竹等行为。",
    ],
    ["3", "市市场监督管理局", "负责生产环节烟花爆竹产品质量监督，查处相关产品质量违法行为。"],
    ["4", "市供销社", "负责加强对本系统企业烟花爆竹经营活动的管理。"],
    ["5", "市行政审批局", "负责生产、储存烟花爆竹建设项目安全设施设计审查事项的受理、审查、决定。"],
    [
        "6",
        "市交通运输局等有关市直部门",
        "按照职责分工，有责任组织查处非法制造、买卖、储存、运输、邮寄、燃放烟花爆竹的违法行为。",
    ],
    [
        "7",
        "其他",
        "烟花爆竹生产、经营、运输企业和焰火晚会以及其他大型焰火燃放活动主办单位的主要负责人，对本单位的烟花爆竹安全工作负责。",
    ],
]

SJZ_AFTER = [
    "相关依据：",
    "1.《烟花爆竹安全管理条例》（国务院令第455号）",
    "2.《关于进一步明确民用爆炸物品安全监管部门职责分工的通知》（中央编办发〔2005〕6号）",
    "3.市公安局“三定”规定",
    "4.市应急管理局“三定”规定",
]


def shijiazhuang() -> None:
    document = new_document()
    document.add_paragraph("烟花爆竹安全监管")
    table(document, SJZ_HEADER, SJZ_ROWS)
    for text in SJZ_AFTER:
        document.add_paragraph(text)
    document.save(str(HERE / "1230_hebei_shijiazhuang_yanhua_baozhu_anquan_jianguan_zhize_fengong.docx"))


def main() -> None:
    shijiazhuang()


if __name__ == "__main__":
    main()
