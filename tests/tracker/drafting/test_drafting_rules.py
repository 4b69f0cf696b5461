"""Drafting rules on small documents the drafter has never seen, .txt and .docx."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from tracker.cli import main
from tracker.db import models as m
from tracker.db.engine import Database
from tracker.drafting import draft_file, draft_text
from tracker.drafting.targets import find_targets
from tracker.drafting.units import split_units
from tracker.errors import BadInput

DOC = """某某市科学技术局文件
某科发〔2024〕5号
关于印发《某某市科技成果转化行动方案（2024—2026年）》的通知
各有关单位：
现将方案印发给你们，请认真贯彻执行。
某某市科学技术局
2024年3月8日
一、总体要求
到2026年，全市技术合同成交额突破100亿元。
二、重点任务
（一）建设概念验证中心。每年新建概念验证中心不少于3家，到2026年累计达到15-20家。（责任单位：市科技局、市财政局、甲县、乙县〈开发区〉管委会、各县（市、区）政府按职责分工负责）
（二）培育技术经理人。到2025年培育技术经理人500名左右，实现县域技术转移机构全覆盖。牵头单位：市人力社保局；配合单位：市科技局、市教育局
三、保障措施
（一）加强组织领导。建立工作专班。
列第一位的为牵头单位。
"""


def test_units_split() -> None:
    assert split_units("温州海经区、温州高新区〈经开区〉管委会") == [
        "温州海经区管委会",
        "温州高新区（经开区）管委会",
    ]
    assert split_units("市科技局、各县（市、区）政府按职责分工负责") == ["市科技局", "各县（市、区）政府"]


def test_targets() -> None:
    found = {(t.year, t.comparator, t.value, t.max, t.kind) for t in find_targets(DOC, 2026)}
    assert (2026, ">=", 100.0, None, "level") in found
    assert (2026, "range", 15.0, 20.0, "level") in found
    assert (2025, "~", 500.0, None, "level") in found
    assert (2025, ">=", 100.0, None, "full_coverage") in found


def test_draft_text() -> None:
    draft = draft_text(DOC, "方案.txt")
    plan = draft.plan
    assert plan.title == "某某市科技成果转化行动方案（2024—2026年）"
    assert plan.doc_number == "某科发〔2024〕5号"
    assert plan.issuer == "某某市科学技术局"
    assert str(plan.issued_on) == "2024-03-08"
    assert plan.period is not None and (plan.period.start, plan.period.end) == (2024, 2026)
    first, second = plan.tasks
    assert first.code == "（一）" and first.title == "建设概念验证中心"
    assert [(u.name, u.role) for u in first.units] == [
        ("市科技局", "lead"),
        ("市财政局", "support"),
        ("甲县管委会", "support"),
        ("乙县（开发区）管委会", "support"),
        ("各县（市、区）政府", "support"),
    ]
    assert "责任单位" not in first.content
    assert [(u.name, u.role) for u in second.units][:2] == [("市人力社保局", "lead"), ("市科技局", "support")]
    recurring = [t for metric in first.metrics for t in metric.targets if t.recurring == "yearly"]
    assert recurring and recurring[0].value == 3


@pytest.mark.sqlite_only  # passes the ledger to the CLI as `database.path`
def test_docx_with_table(tmp_path: Path, database: Database) -> None:
    document = docx.Document()
    document.add_paragraph("某县科技局")
    document.add_paragraph("关于印发《某县科技创新工作要点》的通知")
    document.add_paragraph("一、重点工作")
    document.add_paragraph("（一）推进研发投入。全年研发投入增长12%以上。（责任单位：县科技局、县统计局）")
    document.add_paragraph("（二）培育企业。新增高新技术企业20家。（责任单位：县科技局）")
    document.add_paragraph("主要指标")
    table = document.add_table(rows=3, cols=4)
    for r, row in enumerate(
        [
            ["序号", "指标名称", "2023年", "2025年"],
            ["1", "高新技术企业数（家）", "100", "150以上"],
            ["2", "R&D经费占比（%）", "2.1", "2.5"],
        ]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "要点.docx"
    document.save(str(path))
    plan = draft_file(path).plan
    assert [t.title for t in plan.tasks] == ["推进研发投入", "培育企业"]
    names = {metric.name: metric for metric in plan.metrics}
    assert names["高新技术企业数"].unit == "家"
    assert any(t.comparator == ">=" and t.value == 150 for t in names["高新技术企业数"].targets)
    out = tmp_path / "plan.json"
    assert main(["--db", str(database.path), "draft", str(path), "--out", str(out)]) == 0
    assert json.loads(out.read_text("utf-8"))["tasks"][0]["code"] == "（一）"
    with database.reading() as session:
        assert session.query(m.Plan).count() == 0  # draft never writes to the ledger
    assert main(["--db", str(database.path), "import-plan", str(path)]) == 0
    with database.reading() as session:
        assert session.query(m.Plan).count() == 1


def test_docx_without_tasks(tmp_path: Path, database: Database, capsys: pytest.CaptureFixture[str]) -> None:
    document = docx.Document()
    document.add_paragraph("这是一份通知，没有任何编号的任务。")
    path = tmp_path / "通知.docx"
    document.save(str(path))
    with pytest.raises(BadInput):
        draft_file(path)
    assert main(["--db", str(database.path), "import-plan", str(path)]) == 2
    assert "没有找到任务" in capsys.readouterr().err
    with database.reading() as session:
        assert session.query(m.Plan).count() == 0
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"not a zip")
    assert main(["--db", str(database.path), "draft", str(broken), "--out", str(tmp_path / "x.json")]) == 2
