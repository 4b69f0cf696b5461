"""The 督办 cycle's commands: remind records and escalates, --preview does not; extend, assign,
notices --reply and score, each through `tracker.cli.main` on a real ledger file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tracker.cli import main
from tracker.db import models as m
from tracker.db.engine import Database

UNIT = "温岭市科学技术局"


def cli(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(path).pages))


def test_remind_records_rounds_and_preview_does_not(
    seeded: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["remind", "--period", "2023Q2", "--unit", UNIT, "--office", "某市科技局"]
    assert cli(db_path, *base, "--out", str(tmp_path / "预览.pdf"), "--date", "2023-07-10", "--preview") == 0
    with seeded.reading() as session:
        assert session.scalars(select(m.ReminderNotice)).all() == []
    assert cli(db_path, *base, "--out", str(tmp_path / "一.pdf"), "--date", "2023-07-10") == 0
    assert cli(db_path, *base, "--out", str(tmp_path / "二.pdf"), "--date", "2023-07-20") == 0
    first, second = pdf_text(tmp_path / "一.pdf"), pdf_text(tmp_path / "二.pdf")
    assert "〔2023〕第2季度-001" in first and "第2次催办" not in first
    assert "督查催办单（第2次催办）" in second and "〔2023〕第2季度-002" in second
    assert "上次蓝色催办逾期未回复，升为黄色催办" in second and second.startswith("黄色催办")
    with seeded.reading() as session:
        rows = session.scalars(select(m.ReminderNotice).order_by(m.ReminderNotice.id)).all()
        assert [(r.round, r.level) for r in rows] == [(1, "blue"), (2, "yellow")]
    capsys.readouterr()
    assert cli(db_path, "notices", "--unit", UNIT) == 0
    listed = capsys.readouterr().out.splitlines()
    assert (
        listed[0].startswith("〔2023〕第2季度-002") and "第2次催办" in listed[0] and "逾期未回复" in listed[0]
    )
    assert (
        cli(
            db_path,
            "notices",
            "--reply",
            "〔2023〕第2季度-002",
            "--date",
            "2023-07-22",
            "--note",
            "已书面说明",
        )
        == 0
    )
    assert cli(db_path, "notices", "--reply", "〔2023〕第9季度-009") == 2
    capsys.readouterr()
    assert cli(db_path, "notices", "--unit", UNIT) == 0
    assert "2023-07-22已回复" in capsys.readouterr().out


def test_extend_assign_and_score(seeded: Database, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extend = ["extend", "--plan", "温岭", "--reason", "土地指标延后", "--approver", "县长"]
    assert cli(db_path, *extend, "3", "--to", "2026-12-31") == 2
    assert "序号“3”对应 5 项任务" in capsys.readouterr().err
    assert cli(db_path, *extend, "（二）/3", "--to", "2026-12-31") == 0
    assert cli(db_path, *extend, "（二）/3", "--to", "2020-01-01") == 2
    assert cli(db_path, "extend", "T999999", "--to", "2026-12-31", "--reason", "x", "--approver", "y") == 2
    assert (
        cli(
            db_path,
            "assign",
            "研究科创飞地",
            "--lead",
            UNIT,
            "--instruction",
            "请研究",
            "--date",
            "2023-08-01",
        )
        == 2
    )
    assert (
        cli(
            db_path,
            "assign",
            "研究科创飞地",
            "--lead",
            UNIT,
            "--support",
            "温岭市发展和改革委员会",
            "--instruction",
            "请研究",
            "--by",
            "王书记",
            "--date",
            "2023-08-01",
            "--key",
        )
        == 0
    )
    with seeded.reading() as session:
        extension = session.scalars(select(m.DeadlineExtension)).one()
        assert extension.approver == "县长" and extension.task.plan.title.startswith("温岭")
        task = session.scalars(select(m.Task).join(m.Plan).where(m.Plan.title == "2023年交办事项")).one()
        assert task.is_key and task.origin_leader == "王书记"
        assert [link.role for link in task.unit_links] == ["lead", "support"]
    assert (
        cli(db_path, "assign", "研究", "--lead", "温岭市不存在局", "--meeting", "常务会") == 2
    )  # no new unit made
    capsys.readouterr()
    assert cli(db_path, "score", "--period", "2023Q2", "--plan", "温岭") == 0
    out = capsys.readouterr().out
    assert "2023年第二季度单位考核（报送截止日：2023-07-07）" in out and UNIT in out and "不以登录次数" in out
