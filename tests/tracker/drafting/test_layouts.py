"""The layouts officers receive: Word and text task tables, unnumbered paragraphs, label lines,
bracket and sentence unit forms, list numbering, noise lines, review marks.

Each document here is small and written for the test; .docx files are built with python-docx
(real tables, real vertical and horizontal merges, real list numbering) and read back.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from tracker.drafting import draft_file, draft_text
from tracker.drafting.blocks import Table, chinese_number, read_docx_blocks, text_blocks
from tracker.drafting.labels import parse_fields
from tracker.drafting.text import is_appendix_heading, is_noise
from tracker.drafting.units import find_units, looks_like_person, split_units
from tracker.errors import BadInput
from tracker.planfile import model as pf


def units_of(task: pf.Task) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in task.units]


def tasks_of(plan: pf.Plan) -> list[pf.Task]:
    return [t for t in pf.iter_tasks(plan.tasks) if not t.children]


def by_title(plan: pf.Plan, start: str) -> pf.Task:
    found = [t for t in pf.iter_tasks(plan.tasks) if t.title.startswith(start)]
    assert len(found) == 1, [t.title for t in pf.iter_tasks(plan.tasks)]
    return found[0]


# -- units: forms, groups, shared suffixes ---------------------------------------------------


def test_sentence_forms() -> None:
    found = find_units("加快建设。（市科技局牵头，市发改委、市财政局等按职责分工负责）")
    assert found is not None
    assert (found.leads, found.supports) == (["市科技局"], ["市发改委", "市财政局"])
    found = find_units("推进工作。（市科技局、市财政局负责）")
    assert found is not None and found.names == ["市科技局", "市财政局"] and found.responsible
    found = find_units("做好服务。（由市科技局负责）")
    assert found is not None and found.names == ["市科技局"]
    found = find_units("加强协同。市科技局牵头，市财政局等按职责分工负责。")
    assert found is not None and found.leads == ["市科技局"] and found.supports == ["市财政局"]


def test_sentence_form_needs_bodies() -> None:
    """A bracket of ordinary words is not a unit list (“（含成果转化中心）”, “（试行）”)."""
    assert find_units("建设科技服务中心（含成果转化中心）和孵化器") is None
    assert find_units("制定管理办法（试行）。") is None
    assert find_units("各地要按职责分工负责抓好落实。") is None


def test_bracket_label_forms() -> None:
    found = find_units(
        "打造走廊（牵头单位：市发改委、市经信局；配合单位：市财政局；完成时限：2024年12月底前）"
    )
    assert found is not None
    assert found.leads == ["市发改委", "市经信局"]  # co-leads
    assert found.supports == ["市财政局"]
    assert found.deadline == "2024年12月底前"
    found = find_units("推进成果转化[牵头单位:市科技局;责任单位:甲区、乙县]".replace(":", "："))
    assert found is not None and found.names == ["市科技局", "甲区", "乙县"] and found.leads == ["市科技局"]


def test_label_values_end_at_the_next_label() -> None:
    fields = parse_fields("牵头单位：区发改局责任单位：立山经济开发区完成时限：2024年6月")
    assert fields == {"lead": "区发改局", "responsible": "立山经济开发区", "deadline": "2024年6月"}


def test_groups_and_shared_suffix() -> None:
    assert split_units("各区、县（市）政府、市科技局") == ["各区、县（市）政府", "市科技局"]
    assert split_units("各县（市、区）科技局、市财政局") == ["各县（市、区）科技局", "市财政局"]
    assert split_units("柯桥经开区、上虞经开区管委会") == ["柯桥经开区管委会", "上虞经开区管委会"]
    assert split_units("各区、市科技局") == ["各区", "市科技局"]


def test_person_or_unit() -> None:
    assert looks_like_person("王五") and looks_like_person("李建国")
    assert not looks_like_person("市科技局") and not looks_like_person("各区")


# -- noise ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "— 3 —",
        "-12-",
        "第 2 页 共 5 页",
        "抄送：市委办公室。",
        "某某市人民政府办公室 2024年3月8日印发",
        "某某市人民政府办公室文件",
    ],
)
def test_noise_lines(line: str) -> None:
    assert is_noise(line)


def test_not_noise() -> None:
    for line in ("3.5", "1.加快建设科技园区", "二、重点任务", "市科技局"):
        assert not is_noise(line)
    assert is_appendix_heading("附件2") and is_appendix_heading("附件：重点任务分工表")
    assert not is_appendix_heading("附件中所列任务，请各单位按时完成并报送进展情况，逾期未报的将予以通报。")


# -- text layouts -------------------------------------------------------------------------------

PARAGRAPHS = """某某县人民政府办公室文件
某政办发〔2024〕3号
某某县人民政府办公室关于印发某某县2024年科技创新工作要点的通知
各乡镇人民政府，县政府各部门：
现将《某某县2024年科技创新工作要点》印发给你们，请认真贯彻落实。
一、强化企业创新主体地位
加快培育科技型企业，全年新增高新技术企业20家以上。（县科技局牵头，县财政局、县税务局等按职责分工负责）推进企业研发机构建设，规上工业企业研发机构覆盖率达到50%。（县经信局牵头，县科技局按职责分工负责）
— 2 —
实施研发投入提升行动，研发经费投入增长15%。（县统计局、县科技局负责）
二、扩大开放合作
全年实际利用外资1.5亿美元。县商务局牵头，县发改局等按职责分工负责。
支持建设省级重点实验室。（由县科技局负责）
抄送：县委办公室。
某某县人民政府办公室                2024年3月1日印发
"""


def test_unnumbered_paragraphs_are_tasks() -> None:
    plan = draft_text(PARAGRAPHS, "要点.txt").plan
    assert plan.title == "某某县2024年科技创新工作要点"
    assert plan.period is not None and (plan.period.start, plan.period.end) == (2024, 2024)
    leaves = tasks_of(plan)
    assert [t.title for t in leaves] == [
        "加快培育科技型企业，全年新增高新技术企业20家以上",
        "推进企业研发机构建设，规上工业企业研发机构覆盖率达到50%",
        "实施研发投入提升行动，研发经费投入增长15%",
        "全年实际利用外资1.5亿美元",
        "支持建设省级重点实验室",
    ]
    assert units_of(leaves[0]) == [("县科技局", "lead"), ("县财政局", "support"), ("县税务局", "support")]
    assert units_of(leaves[2]) == [("县统计局", "responsible"), ("县科技局", "responsible")]
    assert units_of(leaves[3]) == [("县商务局", "lead"), ("县发改局", "support")]
    assert units_of(leaves[4]) == [("县科技局", "responsible")]
    targets = {
        (m.unit, t.year, t.comparator, t.value) for task in leaves for m in task.metrics for t in m.targets
    }
    assert ("家", 2024, ">=", 20.0) in targets
    assert ("亿美元", 2024, "=", 1.5) in targets
    assert ("%", 2024, "=", 15.0) in targets  # a growth rate
    assert not any("印发" in t.content or "抄送" in t.content for t in leaves)


LABELS = """某市科技成果转化工作任务分工

1.建设概念验证中心，2024年建成3家

牵头单位：市科技局

配合单位：市财政局、市发改委

责任领导：张三

完成时限：2024年12月底前

2.培育技术经理人队伍
牵头单位：市人社局、市科技局
配合单位：各区、县（市）政府
完成时限：2024年第三季度

3.打造科创走廊（牵头单位：市发改委；配合单位：柯桥经开区、上虞经开区管委会；完成时限：长期坚持）
4.推进成果转化[牵头单位:市科技局;责任单位:甲区、乙县]
5.建设人才公寓
责任单位：区发改局
责任单位：立山经济开发区
完成时限：2025年6月
"""


def test_label_lines_and_brackets() -> None:
    plan = draft_text(LABELS, "分工.txt").plan
    first, second, third, fourth, fifth = tasks_of(plan)
    assert first.title == "建设概念验证中心，2024年建成3家"
    assert units_of(first) == [("市科技局", "lead"), ("市财政局", "support"), ("市发改委", "support")]
    assert str(first.deadline) == "2024-12-31" and first.deadline_text == "2024年12月底前"
    assert "张三" not in [u.name for u in first.units] and first.leader == "张三"
    assert units_of(second) == [("市人社局", "lead"), ("市科技局", "lead"), ("各区、县（市）政府", "support")]
    assert str(second.deadline) == "2024-09-30"
    assert third.title == "打造科创走廊"
    assert units_of(third) == [
        ("市发改委", "lead"),
        ("柯桥经开区管委会", "support"),
        ("上虞经开区管委会", "support"),
    ]
    assert third.deadline is None and third.deadline_text == "长期坚持"
    assert fourth.title == "推进成果转化"
    assert units_of(fourth) == [("市科技局", "lead"), ("甲区", "support"), ("乙县", "support")]
    # two label lines never merge into one unit, and the deadline is not glued to the last one
    assert units_of(fifth) == [("区发改局", "responsible"), ("立山经济开发区", "responsible")]
    assert str(fifth.deadline) == "2025-06-30"
    assert all("：" not in u.name for t in tasks_of(plan) for u in t.units)


def test_lead_rule_stated_once() -> None:
    text = """某县科技局2024年工作要点
各项任务中列第一位的为汇总单位，下同。
1. 实施科技企业培育工程，新增科技型中小企业100家。（县科技局、县财政局）
2. 加强人才引进。（县人社局、县科技局）
"""
    plan = draft_text(text, "要点.txt").plan
    first, second = tasks_of(plan)
    assert units_of(first) == [("县科技局", "lead"), ("县财政局", "support")]
    assert units_of(second) == [("县人社局", "lead"), ("县科技局", "support")]


def test_title_and_span_are_the_plans_own() -> None:
    """Not the 《》 plan quoted in item 1, nor the span of a plan it cites."""
    text = """某市促进科技成果转化三年行动方案
为贯彻《某省科技创新发展规划（2021—2025年）》，制定本方案。
一、主要目标
到2026年，全市技术合同成交额突破100亿元。
二、重点任务
1. 落实《某省科技成果转化条例》，建立成果转化工作机制。（市科技局负责）
2. 建设中试基地5家。（市发改委负责）
"""
    plan = draft_text(text, "方案.txt").plan
    assert plan.title == "某市促进科技成果转化三年行动方案"
    assert plan.period is not None and plan.period.end == 2026


TXT_TABLE = """某区2024年科技工作重点任务分工表
序号\t重点任务\t牵头单位\t配合单位\t完成时限
1\t新增国家高新技术企业30家\t区科技局\t区财政局、区税务局\t2024年12月底前
2\t建设科创飞地\t区发改局、区科技局\t各镇（街道）\t第三季度
3\t推进人才引育\t区人社局\t\t长期坚持
"""


def test_text_table_tab_separated() -> None:
    plan = draft_text(TXT_TABLE, "分工表.txt").plan
    assert plan.title == "某区2024年科技工作重点任务分工表"
    first, second, third = tasks_of(plan)
    assert first.title == "新增国家高新技术企业30家"
    assert units_of(first) == [("区科技局", "lead"), ("区财政局", "support"), ("区税务局", "support")]
    assert str(first.deadline) == "2024-12-31"
    assert units_of(second) == [("区发改局", "lead"), ("区科技局", "lead"), ("各镇（街道）", "support")]
    assert str(second.deadline) == "2024-09-30"
    assert third.deadline is None and third.deadline_text == "长期坚持"
    targets = {(t.year, t.value) for m in first.metrics for t in m.targets}
    assert (2024, 30.0) in targets


def test_text_table_aligned_with_spaces() -> None:
    text = """某区2024年科技工作任务清单
序号    重点任务              责任单位          完成时限
1       建设科技企业孵化器    区科技局          2024年6月底前
2       引进高层次人才        区人社局、区科技局  2024年12月底前
"""
    blocks = text_blocks(text.splitlines())
    assert any(isinstance(b, Table) for b in blocks)
    plan = draft_text(text, "清单.txt").plan
    first, second = tasks_of(plan)
    assert first.title == "建设科技企业孵化器" and str(first.deadline) == "2024-06-30"
    assert units_of(second) == [("区人社局", "responsible"), ("区科技局", "responsible")]


def test_nothing_found_is_refused_clearly() -> None:
    with pytest.raises(BadInput, match="没有找到任务"):
        draft_text("某市关于做好有关工作的通知\n请各单位认真做好有关工作。\n", "通知.txt")


# -- review marks -----------------------------------------------------------------------------


def test_review_marks_per_task() -> None:
    text = """某市2024—2026年科技工作任务分工
序号\t重点任务\t责任单位\t完成时限
1\t建设科创园区\t王五\t2024年12月底前
2\t新增科技型企业100家\t市科技局\t待定
3\t引进人才\t\t2025年
"""
    draft = draft_text(text, "分工.txt")
    kinds = {(m.task, m.kind) for m in draft.marks}
    sources = [t.source for t in tasks_of(draft.plan)]
    assert (sources[0], "person") in kinds
    assert (sources[1], "deadline") in kinds
    assert (sources[1], "target_year") in kinds  # several years, none printed beside the target
    assert (sources[2], "no_units") in kinds
    # every mark is also said in the warnings (once: the table reader's own words count)
    for mark in draft.marks:
        assert any(w.startswith(mark.task) for w in draft.warnings), mark
    assert len([w for w in draft.warnings if "待定" in w]) == 1


# -- .docx: tables with merges, list numbering ------------------------------------------------

NUMBERING = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 w:abstractNumId="90">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""
NUM = """<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:numId="90">
 <w:abstractNumId w:val="90"/></w:num>"""


def _numbered(document: docx.document.Document, text: str, level: int) -> None:
    paragraph = document.add_paragraph(text)
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = parse_xml(
        '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
    )
    p_pr.append(num_pr)


def _with_numbering(document: docx.document.Document) -> None:
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(parse_xml(NUMBERING))
    else:
        numbering.append(parse_xml(NUMBERING))
    numbering.append(parse_xml(NUM))


def test_chinese_numbers() -> None:
    assert [chinese_number(n) for n in (1, 10, 11, 20, 23, 100, 105, 110)] == [
        "一",
        "十",
        "十一",
        "二十",
        "二十三",
        "一百",
        "一百零五",
        "一百一十",
    ]


def test_docx_list_numbering_recovered(tmp_path: Path) -> None:
    document = docx.Document()
    _with_numbering(document)
    document.add_paragraph("某市科技创新2024年工作要点")
    _numbered(document, "总体要求", 0)
    document.add_paragraph("坚持创新驱动。")
    _numbered(document, "重点任务", 0)
    _numbered(document, "加快培育科技企业", 1)
    _numbered(document, "新增高新技术企业50家。（市科技局牵头，市财政局配合）", 2)
    _numbered(document, "建设孵化载体。（市发改委负责）", 2)
    _numbered(document, "强化人才支撑", 1)
    _numbered(document, "引进高层次人才100名。（市人社局负责）", 2)
    path = tmp_path / "工作 要点.docx"
    document.save(str(path))
    blocks = [b for b in read_docx_blocks(path) if isinstance(b, str) and b]
    assert blocks[1:5] == ["一、总体要求", "坚持创新驱动。", "二、重点任务", "（一）加快培育科技企业"]
    assert "1.新增高新技术企业50家。（市科技局牵头，市财政局配合）" in blocks
    assert "（二）强化人才支撑" in blocks and "1.引进高层次人才100名。（市人社局负责）" in blocks
    plan = draft_file(path).plan
    codes = [(t.code, t.title) for t in pf.iter_tasks(plan.tasks)]
    assert ("（一）", "加快培育科技企业") in codes and ("1", "新增高新技术企业50家") in codes
    assert units_of(by_title(plan, "新增高新技术企业")) == [("市科技局", "lead"), ("市财政局", "support")]


def _task_table_docx(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("某某市人民政府办公室文件")
    document.add_paragraph("关于印发某某市2024年科技创新重点任务分工方案的通知")
    document.add_paragraph("各区、县（市）人民政府，市政府各部门：")
    document.add_paragraph("现将方案印发给你们，请认真抓好落实。")
    document.add_paragraph("— 1 —")
    document.add_paragraph("附件")
    document.add_paragraph("某某市2024年科技创新重点任务分工表")
    table = document.add_table(rows=7, cols=5)
    for c, head in enumerate(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]):
        table.cell(0, c).text = head
    # a section row merged across the table
    section = table.cell(1, 0).merge(table.cell(1, 4))
    section.text = "一、强化创新平台"
    rows = [
        ["1", "建设省级实验室2家", "市科技局", "市发改委\n市财政局", "2024年12月底前"],
        ["2", "推进概念验证中心建设", "市科技局", "各区、县（市）政府", "第三季度"],
    ]
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    section = table.cell(4, 0).merge(table.cell(4, 4))
    section.text = "二、培育创新主体"
    # task 3: 序号 and 重点任务 merged down over two measure rows with different units
    table.cell(5, 0).merge(table.cell(6, 0)).text = "3"
    table.cell(5, 1).merge(table.cell(6, 1)).text = "壮大科技型企业队伍"
    table.cell(5, 2).text = "市科技局"
    table.cell(5, 3).text = "市税务局"
    table.cell(5, 4).text = "2024年6月底前"
    table.cell(6, 2).text = "市经信局"
    table.cell(6, 3).text = "市市场监管局"
    table.cell(6, 4).text = "长期坚持"
    document.add_paragraph("抄送：市委办公室，市人大常委会办公室。")
    document.save(str(path))


def test_docx_merged_cells_resolved(tmp_path: Path) -> None:
    path = tmp_path / "分工 方案.docx"
    _task_table_docx(path)
    tables = [b for b in read_docx_blocks(path) if isinstance(b, Table)]
    assert len(tables) == 1
    table = tables[0]
    assert (table.rows, table.cols) == (7, 5)
    assert table.row(2) == ["一、强化创新平台"] * 5
    assert table.row(7)[:2] == ["3", "壮大科技型企业队伍"]  # merged down: read in every row
    assert (6, 1, 7, 1) in table.boxes and (2, 1, 2, 5) in table.boxes


def test_docx_task_table_becomes_tasks(tmp_path: Path) -> None:
    path = tmp_path / "分工 方案.docx"
    _task_table_docx(path)
    draft = draft_file(path)
    plan = draft.plan
    assert plan.title == "某某市2024年科技创新重点任务分工方案"
    assert [(t.code, t.title) for t in plan.tasks] == [("一", "强化创新平台"), ("二", "培育创新主体")]
    first = by_title(plan, "建设省级实验室")
    assert units_of(first) == [("市科技局", "lead"), ("市发改委", "support"), ("市财政局", "support")]
    assert str(first.deadline) == "2024-12-31"
    second = by_title(plan, "推进概念验证中心")
    assert units_of(second) == [("市科技局", "lead"), ("各区、县（市）政府", "support")]
    assert str(second.deadline) == "2024-09-30"
    # one task over two rows that only split its units: one task, every row's units in order
    third = by_title(plan, "壮大科技型企业队伍")
    assert not third.children
    assert units_of(third) == [
        ("市科技局", "lead"),
        ("市经信局", "lead"),
        ("市税务局", "support"),
        ("市市场监管局", "support"),
    ]
    assert str(third.deadline) == "2024-06-30" and third.deadline_text == "2024年6月底前；长期坚持"
    assert {(t.year, t.value) for m in first.metrics for t in m.targets} == {(2024, 2.0)}


def test_cli_draft_reads_a_docx_table(tmp_path: Path) -> None:
    from tracker.cli import main

    path = tmp_path / "分工 方案.docx"
    _task_table_docx(path)
    out = tmp_path / "方案 草稿.json"
    assert main(["draft", str(path), "--out", str(out)]) == 0
    plan = pf.Plan.model_validate_json(out.read_text(encoding="utf-8"))
    assert len(tasks_of(plan)) == 3


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_doc_read_through_libreoffice(tmp_path: Path) -> None:
    source = tmp_path / "分工.docx"
    _task_table_docx(source)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    doc = tmp_path / "分工.doc"
    assert doc.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"  # an OLE file, not a renamed .docx
    plan = draft_file(doc).plan
    assert units_of(by_title(plan, "建设省级实验室")) == [
        ("市科技局", "lead"),
        ("市发改委", "support"),
        ("市财政局", "support"),
    ]


def test_pdf_text_layer(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from tracker.reports.fonts import register_fonts

    font, _ = register_fonts()
    path = tmp_path / "要点.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(font, 12)
    lines = [
        "某县2024年科技工作要点",
        "一、重点任务",
        "1.新增高新技术企业20家。（县科技局负责）",
        "2.建设众创空间3家。（县人社局负责）",
    ]
    for i, line in enumerate(lines):
        pdf.drawString(60, 780 - 20 * i, line)
    pdf.save()
    plan = draft_file(path).plan
    assert [t.title for t in tasks_of(plan)] == ["新增高新技术企业20家", "建设众创空间3家"]


def test_scanned_pdf_refused(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "扫描件.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 200, 200)
    pdf.save()
    with pytest.raises(BadInput, match="没有文字层"):
        draft_file(path)


# -- more rules found on real documents ------------------------------------------------------


def test_label_words_by_role() -> None:
    """牵头责任单位 / 主要责任单位 lead, 协同责任单位 supports, 牵头负责领导 is a person."""
    fields = parse_fields(
        "牵头负责领导：金力。牵头责任单位：市发展改革委。协同责任单位：市经信局、各县、市、区政府。"
    )
    assert fields["leader"] == "金力"
    assert fields["lead"] == "市发展改革委"
    assert split_units(fields["support"]) == ["市经信局", "各县、市、区政府"]
    assert parse_fields("主要责任单位：区科技局")["lead"] == "区科技局"


def test_generic_tails_and_joined_bodies() -> None:
    assert split_units("区经信局、区财政局等区政府有关部门，谯城经开区管委会。") == [
        "区经信局",
        "区财政局",
        "谯城经开区管委会",
    ]
    assert split_units("州委编办及州直相关单位") == ["州委编办", "州直相关单位"]
    assert split_units("科学技术及信息化局") == ["科学技术及信息化局"]  # 及 inside one name


def test_deadline_closing_a_unit_bracket() -> None:
    found = find_units(
        "加大力度。（牵头单位：州行政审批服务局；责任单位：州司法局、各县市人民政府，6月底完成）"
    )
    assert found is not None
    assert found.names == ["州行政审批服务局", "州司法局", "各县市人民政府"]
    assert found.deadline == "6月底完成"


def test_title_from_about_lines_and_chinese_date() -> None:
    text = """四川省人民政府
关于落实《政府工作报告》重点工作
部门分工的意见
川府发〔2011〕8号 二○一一年三月十七日
省政府各部门、各直属机构：
一、努力扩大内需，促进经济平稳较快发展
认真落实积极的财政政策。省级财政安排超过100亿元资金用于新村建设。（财政厅牵头）
"""
    plan = draft_text(text, "意见.txt").plan
    assert plan.title == "四川省人民政府关于落实《政府工作报告》重点工作部门分工的意见"
    assert str(plan.issued_on) == "2011-03-17"
    (task,) = tasks_of(plan)  # one paragraph under a section heading is its task
    assert task.title == "认真落实积极的财政政策" and units_of(task) == [("财政厅", "lead")]
    assert {(t.year, t.comparator, t.value) for m in task.metrics for t in m.targets} == {(2011, ">=", 100.0)}
    notice = draft_text(
        "某市人民政府关于2020年市政府重点工作及责任分解的通知\n1.新增企业10家。（市科技局负责）\n", "n.txt"
    )
    assert notice.plan.title == "2020年市政府重点工作及责任分解"


def test_magnitudes_stay_in_the_unit_as_printed() -> None:
    """“2.2万家” is 2.2 in 万家: the officer reports progress in the plan's own words."""
    from tracker.drafting.targets import find_targets

    found = {(t.unit, t.value) for t in find_targets("科技型中小企业超2.2万家，粮食播种面积4600万亩", 2025)}
    assert found == {("万家", 2.2), ("万亩", 4600.0)}


def test_table_one_cell_per_line() -> None:
    """A web page's table pasted as one cell per line: merged first column printed once."""
    text = """2020年重点任务目标执行情况

项目名称

项目内容

责任单位

进展情况

（一）

主要预期目标

地区生产总值增长6.5%以上

区发改局、各街道

正常进行中

研发经费支出增长15%

区科技局、区科技工业区管委会

已完成
"""
    blocks = text_blocks(text.splitlines())
    (table,) = [b for b in blocks if isinstance(b, Table)]
    assert table.row(2) == [
        "（一）主要预期目标",
        "地区生产总值增长6.5%以上",
        "区发改局、各街道",
        "正常进行中",
    ]
    assert table.row(3)[0] == "（一）主要预期目标"  # merged down
    plan = draft_text(text, "情况.txt").plan
    leaves = tasks_of(plan)
    assert [t.title for t in leaves] == ["地区生产总值增长6.5%以上", "研发经费支出增长15%"]
    assert units_of(leaves[1]) == [("区科技局", "responsible"), ("区科技工业区管委会", "responsible")]


def test_more_unit_forms() -> None:
    found = find_units("推进改革。（牵头：市科技局；配合：市财政局、市人社局）")
    assert found is not None and found.leads == ["市科技局"] and found.supports == ["市财政局", "市人社局"]
    found = find_units("推进改革。\n".join([""]) + "（责任单位：市科技局（牵头）、市财政局）")
    assert found is not None and found.leads == ["市科技局"] and found.supports == ["市财政局"]


def test_table_section_rows_in_code_column() -> None:
    text = """某县2024年重点任务分工
序号\t工作任务\t责任单位\t完成时限
一\t强化企业主体\t\t
1\t新增高新技术企业10家\t县科技局\t2024年底
二\t建设创新平台\t\t
1\t建设孵化器1家\t县科技局、县财政局\t2024年6月底
注：责任单位中列第一位的为牵头单位。
"""
    plan = draft_text(text, "分工.txt").plan
    assert [(t.code, t.title, len(t.children)) for t in plan.tasks] == [
        ("一", "强化企业主体", 1),
        ("二", "建设创新平台", 1),
    ]
    incubator = plan.tasks[1].children[0]
    assert units_of(incubator) == [("县科技局", "lead"), ("县财政局", "support")]
    assert str(incubator.deadline) == "2024-06-30"


def test_target_in_a_content_only_row_counted_once() -> None:
    text = """某市2024年科技工作任务分工
序号\t重点任务\t具体措施\t牵头单位\t完成时限
1\t强化企业主体\t新增高新技术企业100家\t市科技局\t2024年12月底前
1\t强化企业主体\t支持企业建设研发机构20家\t市科技局\t2024年第三季度
"""
    plan = draft_text(text, "分工.txt").plan
    leaves = tasks_of(plan)
    assert [t.title for t in leaves] == ["新增高新技术企业100家", "支持企业建设研发机构20家"]
    assert [(t.year, t.value) for m in leaves[0].metrics for t in m.targets] == [(2024, 100.0)]


def test_within_n_years_counts_from_the_plans_start() -> None:
    from tracker.drafting.targets import find_targets

    (found,) = find_targets("三年内认定市级众创空间60家以上", 2020, start_year=2015)
    assert (found.year, found.comparator, found.value) == (2018, ">=", 60.0)
    (found,) = find_targets("三年内认定市级众创空间60家以上", 2020)
    assert found.year == 2020  # no start known: the plan's end


def test_person_columns_are_not_unit_columns() -> None:
    from tracker.importers.columns import field_of_header

    assert field_of_header("牵头市领导") is None and field_of_header("责任领导") is None
    assert field_of_header("牵头单位") == "lead"
    text = """某县2024年重点任务分工
序号\t重点任务\t牵头领导\t牵头单位\t配合单位\t完成时限
1\t建设孵化器1家\t张三\t县科技局\t县财政局\t2024年6月底
"""
    (task,) = tasks_of(draft_text(text, "分工.txt").plan)
    assert units_of(task) == [("县科技局", "lead"), ("县财政局", "support")]


def test_lead_rule_wordings() -> None:
    from tracker.drafting.units import document_names_lead

    assert document_names_lead("列第一位者为牵头或汇总单位，下同")
    assert document_names_lead("责任单位中排在首位的为汇总单位")
    assert not document_names_lead("位列全省第一")


def test_deadline_in_its_own_bracket_and_hexagonal_brackets() -> None:
    found = find_units("建设平台。（牵头单位：市科技局；配合单位：市财政局）（完成时限：2024年底）")
    assert found is not None and found.names == ["市科技局", "市财政局"] and found.deadline == "2024年底"
    found = find_units("建设平台。（市科技局牵头，各县〔市、区〕政府落实）")
    assert found is not None and found.supports == ["各县〔市、区〕政府"]


def test_deadlines_of_the_plans_own_year() -> None:
    from datetime import date

    from tracker.importers.deadlines import parse_deadline

    for words in ("年底前", "全年", "年内完成"):
        assert parse_deadline(words, 2024).deadline == date(2024, 12, 31), words
    assert parse_deadline("全年", None).understood is False  # no year known: say so
    assert parse_deadline("2025年底前", 2024).deadline == date(2025, 12, 31)


def test_rule_written_inside_the_first_list() -> None:
    text = """某市2024年科技创新工作要点
一、强化科技创新策源
（一）建设高能级创新平台。新建省级重点实验室3家以上。（责任单位：市科技局、市发改委，列第一位的为牵头单位，下同）
（二）实施关键核心技术攻关。组织实施重大科技项目20项。（责任单位：市科技局、市经信局）
"""
    first, second = tasks_of(draft_text(text, "要点.txt").plan)
    assert units_of(first) == [("市科技局", "lead"), ("市发改委", "support")]
    assert units_of(second) == [("市科技局", "lead"), ("市经信局", "support")]


def test_a_sentence_under_a_label() -> None:
    found = find_units("建设平台。（责任单位：市科技局牵头，市财政局配合）")
    assert found is not None and found.leads == ["市科技局"] and found.supports == ["市财政局"]


def test_docx_numbers_without_separator_and_numbered_code_cells(tmp_path: Path) -> None:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            '<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'w:abstractNumId="91"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%1"/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(
        parse_xml(
            '<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:numId="91">'
            '<w:abstractNumId w:val="91"/></w:num>'
        )
    )

    def number(paragraph: docx.text.paragraph.Paragraph) -> None:
        paragraph._p.get_or_add_pPr().append(
            parse_xml(
                '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                '<w:ilvl w:val="0"/><w:numId w:val="91"/></w:numPr>'
            )
        )

    document.add_paragraph("某县2024年重点工作任务分工")
    table = document.add_table(rows=3, cols=3)
    for c, head in enumerate(["序号", "重点任务", "责任单位"]):
        table.cell(0, c).text = head
    for r, (task, unit) in enumerate([("建设孵化器", "县科技局"), ("引进人才", "县人社局")], start=1):
        number(table.cell(r, 0).paragraphs[0])  # 序号 numbered by Word, no typed text
        table.cell(r, 1).text = task
        table.cell(r, 2).text = unit
    path = tmp_path / "分工.docx"
    document.save(str(path))
    (table_block,) = [b for b in read_docx_blocks(path) if isinstance(b, Table)]
    assert [table_block.row(r)[0] for r in (2, 3)] == ["1", "2"]
    plan = draft_file(path).plan
    assert [(t.code, t.title) for t in tasks_of(plan)] == [("1", "建设孵化器"), ("2", "引进人才")]


def test_items_with_units_after_a_notice_with_its_own_numbers() -> None:
    text = """关于做好2024年科技工作的通知
一、提高思想认识
二、加强督促检查
附件
某县2024年科技工作任务
1.建设孵化器1家。（县科技局负责）
2.引进人才50名。（县人社局负责）
"""
    plan = draft_text(text, "通知.txt").plan
    assert [t.title for t in tasks_of(plan)] == ["建设孵化器1家", "引进人才50名"]


def test_items_with_units_after_a_notice_with_sections() -> None:
    text = """关于做好2024年科技工作的通知
一、提高思想认识
（一）统一思想。
（二）压实责任。
附件
1.建设孵化器1家。（县科技局负责）
2.引进人才50名。（县人社局负责）
"""
    plan = draft_text(text, "通知.txt").plan
    assert [t.title for t in tasks_of(plan)] == ["建设孵化器1家", "引进人才50名"]


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_docx_numbering_through_a_list_style(tmp_path: Path) -> None:
    """A list whose levels live in a list style (numStyleLink → style → num → styleLink)."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {W_NS} w:abstractNumId="94"><w:styleLink w:val="TaskList"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="%1、"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {W_NS} w:abstractNumId="92"><w:numStyleLink w:val="TaskList"/></w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="93"><w:abstractNumId w:val="94"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="92"><w:abstractNumId w:val="92"/></w:num>'))
    document.styles.element.append(
        parse_xml(
            f'<w:style {W_NS} w:type="numbering" w:styleId="TaskList"><w:name w:val="Task List"/>'
            '<w:pPr><w:numPr><w:numId w:val="93"/></w:numPr></w:pPr></w:style>'
        )
    )
    document.add_paragraph("某县2024年科技工作要点")
    for text, level in (
        ("重点任务", 0),
        ("建设孵化器1家。（县科技局负责）", 1),
        ("引进人才50名。（县人社局负责）", 1),
    ):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="92"/></w:numPr>')
        )
    path = tmp_path / "要点.docx"
    document.save(str(path))
    lines = [b for b in read_docx_blocks(path) if isinstance(b, str) and b]
    assert lines[1:4] == [
        "一、重点任务",
        "1.建设孵化器1家。（县科技局负责）",
        "2.引进人才50名。（县人社局负责）",
    ]
    assert [t.title for t in tasks_of(draft_file(path).plan)] == ["建设孵化器1家", "引进人才50名"]


def test_docx_text_inside_a_one_column_frame(tmp_path: Path) -> None:
    """Some offices put the whole text in a one-cell table: its paragraphs stay lines."""
    document = docx.Document()
    frame = document.add_table(rows=1, cols=1).cell(0, 0)
    frame.paragraphs[0].text = "某县2024年科技工作要点"
    for text in ("一、重点任务", "1.建设孵化器1家。（县科技局负责）", "2.引进人才50名。（县人社局负责）"):
        frame.add_paragraph(text)
    path = tmp_path / "要点.docx"
    document.save(str(path))
    assert [t.title for t in tasks_of(draft_file(path).plan)] == ["建设孵化器1家", "引进人才50名"]


def test_table_one_cell_per_line_with_bracketed_headers() -> None:
    text = "\n\n".join(
        [
            "某区2024年任务清单",
            "序号",
            "重点工作",
            "责任单位（部门）",
            "完成时限",
            "1",
            "建设孵化器1家",
            "区科技局",
            "2024年6月",
            "2",
            "引进人才50名",
            "区人社局、区科技局",
            "2024年12月",
        ]
    )
    leaves = tasks_of(draft_text(text, "清单.txt").plan)
    assert [(t.code, t.title, str(t.deadline)) for t in leaves] == [
        ("1", "建设孵化器1家", "2024-06-30"),
        ("2", "引进人才50名", "2024-12-31"),
    ]


def test_circled_and_half_bracket_numbers() -> None:
    text = """某县2024年科技工作要点
一、重点任务
①建设孵化器1家。（县科技局负责）
②引进人才50名。（县人社局负责）
二、创新生态行动
1）举办创新大赛。（县科协负责）
2）开展科普活动。（县科协负责）
"""
    leaves = tasks_of(draft_text(text, "要点.txt").plan)
    assert [(t.code, t.title) for t in leaves] == [
        ("①", "建设孵化器1家"),
        ("②", "引进人才50名"),
        ("1）", "举办创新大赛"),
        ("2）", "开展科普活动"),
    ]


def test_docx_task_table_carried_on_without_its_header(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("某县2024年重点工作任务分工")
    first = document.add_table(rows=2, cols=3)
    for c, text in enumerate(["序号", "重点任务", "责任单位"]):
        first.cell(0, c).text = text
    for c, text in enumerate(["1", "建设孵化器", "县科技局"]):
        first.cell(1, c).text = text
    document.add_paragraph("— 1 —")
    second = document.add_table(rows=1, cols=3)  # the next page: no header row
    for c, text in enumerate(["2", "引进人才", "县人社局"]):
        second.cell(0, c).text = text
    path = tmp_path / "分工.docx"
    document.save(str(path))
    leaves = tasks_of(draft_file(path).plan)
    assert [(t.title, units_of(t)) for t in leaves] == [
        ("建设孵化器", [("县科技局", "responsible")]),
        ("引进人才", [("县人社局", "responsible")]),
    ]


def test_text_table_with_rules_and_a_comma_list() -> None:
    text = """某县2024年重点任务清单
| 序号 | 重点任务 | 责任单位 | 完成时限 |
|---|---|---|---|
| 1 | 建设孵化器 | 县科技局 | 2024年6月 |
| 2 | 引进人才 | 县人社局、县科技局 | 2024年12月 |
"""
    leaves = tasks_of(draft_text(text, "清单.txt").plan)
    assert [(t.title, str(t.deadline)) for t in leaves] == [
        ("建设孵化器", "2024-06-30"),
        ("引进人才", "2024-12-31"),
    ]
    found = find_units("建设平台。（市科技局，市财政局）")
    assert found is not None and found.names == ["市科技局", "市财政局"]


def test_numbered_items_run_together_in_one_line() -> None:
    """A page copied without its line breaks: the numbers printed inside the line are kept."""
    text = "某县2024年科技工作要点\n一、重点任务\n建设孵化器1家。（县科技局负责）2.引进人才50名。（县人社局负责）\n"
    leaves = tasks_of(draft_text(text, "要点.txt").plan)
    assert [(t.code, t.title, units_of(t)) for t in leaves] == [
        ("1", "建设孵化器1家", [("县科技局", "responsible")]),
        ("2", "引进人才50名", [("县人社局", "responsible")]),
    ]


def test_one_word_document_mixing_layouts(tmp_path: Path) -> None:
    """List numbering with label lines, a paragraph holding two tasks with bare unit lists
    under the rule stated once, noise, and an 附件 table: all in one .docx."""
    document = docx.Document()
    _with_numbering(document)
    document.add_paragraph("某某市人民政府办公室文件")
    document.add_paragraph("某政办发〔2031〕9号")
    document.add_paragraph("某某市人民政府办公室关于印发某某市2031年科技工作要点的通知")
    document.add_paragraph("现将要点印发给你们。各项任务中列第一位的为牵头单位。")
    _numbered(document, "强化企业创新主体", 0)
    _numbered(document, "实施高企培育工程，新增高新技术企业100家。", 2)
    document.add_paragraph("责任单位：市科技局、市财政局")
    document.add_paragraph("完成时限：2031年12月底前")
    _numbered(document, "建设创新平台", 0)
    document.add_paragraph(
        "加快建设实验室，新建省重点实验室3家。（市科技局、市教育局）推进中试基地建设。（市经信局、市科技局）"
    )
    document.add_paragraph("— 3 —")
    document.add_paragraph("附件")
    table = document.add_table(rows=2, cols=4)
    for c, value in enumerate(["序号", "项目名称", "责任单位", "完成时限"]):
        table.cell(0, c).text = value
    for c, value in enumerate(["1", "建设人才公寓500套", "市住建局", "长期坚持"]):
        table.cell(1, c).text = value
    document.add_paragraph("抄送：市委办公室。")
    path = tmp_path / "要点 混排.docx"
    document.save(str(path))
    plan = draft_file(path).plan
    assert plan.title == "某某市2031年科技工作要点"
    got = [(t.title, units_of(t), t.deadline_text) for t in tasks_of(plan)]
    assert got == [
        (
            "实施高企培育工程，新增高新技术企业100家",
            [("市科技局", "lead"), ("市财政局", "support")],
            "2031年12月底前",
        ),
        ("加快建设实验室，新建省重点实验室3家", [("市科技局", "lead"), ("市教育局", "support")], None),
        ("推进中试基地建设", [("市经信局", "lead"), ("市科技局", "support")], None),
        ("建设人才公寓500套", [("市住建局", "lead")], "长期坚持"),
    ]
