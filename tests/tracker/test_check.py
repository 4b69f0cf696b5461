"""`tracker check`: evidence re-hashed, missing and orphan content, the documents' own conflicts."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from tracker.cli import main
from tracker.db import models as m
from tracker.db.engine import Database
from tracker.services.checks import run_checks


def add_evidence(database: Database, content: bytes, chunks: int = 2) -> str:
    sha = hashlib.sha256(content).hexdigest()
    size = len(content) // chunks + 1
    with database.unit_of_work() as session:
        plan = m.Plan(title="测试方案")
        task = m.Task(plan=plan, code="1", title="测试任务")
        session.add_all([plan, task, m.Blob(sha256=sha, size=len(content))])
        session.flush()
        for seq in range(chunks):
            session.add(m.BlobChunk(sha256=sha, seq=seq, data=content[seq * size : (seq + 1) * size]))
        session.add(m.Evidence(task=task, filename="会议纪要.pdf", sha256=sha, size=len(content)))
    return sha


def test_seeded_ledger_shows_the_yongjia_conflicts_as_remarks(
    seeded: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    findings = run_checks(seeded)
    assert findings and not any(f.fault for f in findings)
    conflicts = [f.message for f in findings if f.area == "文件自相矛盾"]
    pct = next(c for c in conflicts if "国际专利（PCT）申请量" in c)
    assert "永嘉" in pct and "附件1" in pct and "第二章（三）主要目标" in pct
    assert "60" in pct and "30" in pct
    seeded.dispose()
    assert main(["--db", str(db_path), "check"]) == 0
    out = capsys.readouterr().out
    assert "[提示] 文件自相矛盾" in out and "未发现问题" in out


def test_intact_evidence_passes(database: Database) -> None:
    add_evidence(database, b"x" * 1000 + b"y" * 1000)
    assert [f for f in run_checks(database) if f.fault] == []


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        ("UPDATE blob_chunk SET data = X'00' WHERE seq = 1", "大小"),
        ("DELETE FROM blob_chunk WHERE seq = 0", "分块缺失"),
        ("UPDATE blob_chunk SET data = upper(data) WHERE seq = 0", "校验值不符"),
    ],
)
def test_damaged_evidence_is_a_fault(database: Database, db_path: Path, damage: str, expected: str) -> None:
    add_evidence(database, b"abc" * 500, chunks=2)
    with database.engine.begin() as connection:
        connection.execute(text(damage))
    faults = [f for f in run_checks(database) if f.fault and f.area == "佐证材料"]
    assert len(faults) == 1 and expected in faults[0].message and "会议纪要.pdf" in faults[0].message
    database.dispose()
    assert main(["--db", str(db_path), "check"]) == 1


def test_evidence_pointing_at_missing_content_is_a_fault(database: Database, db_path: Path) -> None:
    sha = add_evidence(database, b"content")
    database.dispose()
    connection = sqlite3.connect(db_path)  # foreign keys off in raw sqlite3, as a damaged file would be
    connection.execute("DELETE FROM blob_chunk")
    connection.execute("DELETE FROM blob")
    connection.commit()
    connection.close()
    messages = [f.message for f in run_checks(database) if f.fault]
    assert any("会议纪要.pdf" in msg and "不存在" in msg and sha[:12] in msg for msg in messages)


def test_orphan_content_is_a_remark_not_a_fault(database: Database, db_path: Path) -> None:
    add_evidence(database, b"content")
    with database.engine.begin() as connection:
        connection.execute(text("DELETE FROM evidence"))
    findings = run_checks(database)
    assert [f for f in findings if f.fault] == []
    assert any("没有任何佐证记录使用" in f.message for f in findings)
    database.dispose()
    assert main(["--db", str(db_path), "check"]) == 0


def test_the_window_marks_metrics_the_document_contradicts(seeded: Database) -> None:
    """永嘉: 专栏3 and 专栏8 give 省级重点实验室 two different 2025 targets."""
    from tracker.periods import parse_period
    from tracker.views.record import load_task_record

    with seeded.reading() as session:
        ids = session.scalars(select(m.Metric.task_id).where(m.Metric.key == "provincial_key_labs")).all()
        task_ids = [i for i in ids if i is not None]
        assert len(task_ids) == 2
        for task_id in task_ids:
            record = load_task_record(session, task_id, parse_period("2025"))
            assert record is not None
            [marked] = [x for x in record.metrics if x.conflicts]
            assert "2025 年目标与文件另一处不一致" in marked.conflicts[0]
