"""催办单: who gets one, at which colour level, and what the printed PDF says."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.tracker.reports.conftest import PERIOD
from tracker.cli import main
from tracker.db import models as m
from tracker.db.engine import Database
from tracker.periods import parse_period
from tracker.reports.assemble import resolve_scope
from tracker.reports.reminders import (
    Level,
    ReminderOptions,
    collect_reminders,
    write_reminders,
    write_reminders_split,
)
from tracker.services.progress import ProgressInput, record_update


def flat(value: str) -> str:
    return re.sub(r"\s+", "", value)


# unit → (deadline, [(period, status, percent)]) ; judged as of 2023Q2 (30 June 2023)
CASES = {
    "蓝溪镇科技办": (date(2025, 12, 31), [("2023Q1", "in_progress", 40)]),  # on schedule, silent in Q2
    "黄岭县科技局": (date(2023, 12, 31), [("2023Q2", "in_progress", 25)]),  # ~25 points behind 序时
    "红山区科技局": (date(2023, 3, 31), [("2023Q2", "in_progress", 80)]),  # past its deadline
    "绿水乡科技站": (date(2023, 12, 31), [("2023Q2", "in_progress", 60)]),  # reported, on schedule
}


@pytest.fixture
def cases(database: Database) -> Database:
    """A small plan: one task per unit, progress written through record_update."""
    with database.unit_of_work() as session:
        plan = m.Plan(title="催办测试方案", short_title="测试方案", period_start=2023, period_end=2025)
        session.add(plan)
        for i, (unit_name, (deadline, _updates)) in enumerate(CASES.items(), start=1):
            unit = m.Unit(name=unit_name)
            task = m.Task(
                plan=plan, code=str(i), position=i, title=f"{unit_name}承担的第{i}项任务", deadline=deadline
            )
            task.unit_links = [m.TaskUnit(unit=unit, role="lead", position=0, printed_name=unit_name)]
            session.add(task)
    with database.unit_of_work() as session:
        for unit_name, (_deadline, updates) in CASES.items():
            task_id = session.scalar(select(m.TaskUnit.task_id).join(m.Unit).where(m.Unit.name == unit_name))
            assert task_id is not None
            for period, status, percent in updates:
                record_update(
                    session,
                    task_id,
                    ProgressInput(period=period, status=status, percent=percent, progress=f"{period}进展"),
                )
    return database


def test_levels_of_each_colour(cases: Database) -> None:
    with cases.reading() as session:
        reminders = collect_reminders(session, parse_period(PERIOD))
    levels = {r.unit: r.level for r in reminders}
    assert levels == {"红山区科技局": Level.RED, "黄岭县科技局": Level.YELLOW, "蓝溪镇科技办": Level.BLUE}
    assert [r.unit for r in reminders] == ["红山区科技局", "黄岭县科技局", "蓝溪镇科技办"]  # worst first
    assert "绿水乡科技站" not in levels  # nothing owed, no notice
    red = reminders[0].items[0]
    assert red.situation == "逾期未完成" and red.deadline == "2023年3月31日"
    assert "本期未报送进展" in reminders[2].items[0].situation


def test_pdf_names_unit_items_and_level(cases: Database, tmp_path: Path) -> None:
    with cases.reading() as session:
        reminders = collect_reminders(session, parse_period(PERIOD))
    out = tmp_path / "催办单.pdf"
    write_reminders(reminders, out, ReminderOptions(office="某市科技局", issued_on=date(2023, 7, 5)))
    reader = PdfReader(out)
    assert len(reader.pages) == 2 * len(reminders)  # 存根 + 送达联, one page each
    for index, reminder in enumerate(reminders):
        for copy_index, copy in enumerate(("存根", "送达联")):
            page = flat(reader.pages[2 * index + copy_index].extract_text())
            assert reminder.unit in page and copy in page
            assert reminder.level.words in page
            for item in reminder.items:
                assert item.title in page and item.deadline in page
            assert "回复期限" in page and "2023年7月12日前" in page  # default: seven days on
            assert "某市科技局" in page


def test_reply_by_option_and_split(cases: Database, tmp_path: Path) -> None:
    with cases.reading() as session:
        reminders = collect_reminders(session, parse_period(PERIOD))
    files = write_reminders_split(
        reminders, tmp_path / "催办", ReminderOptions(office="某市科技局", reply_by=date(2023, 8, 1))
    )
    assert len(files) == 3 and all(f.exists() for f in files)
    assert "红色催办" in files[0].name and "红山区科技局" in files[0].name
    text = "".join(p.extract_text() for p in PdfReader(files[2]).pages)
    assert "蓝溪镇科技办" in text and "2023年8月1日" in text and "红山区" not in text
    assert ReminderOptions().reply_date() == date.today() + timedelta(days=7)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed")
def test_seeded_notices_render_not_blank(reported: Database, tmp_path: Path) -> None:
    with reported.reading() as session:
        reminders = collect_reminders(session, parse_period(PERIOD))
        scope = resolve_scope(session, unit=reminders[0].unit)
        only = collect_reminders(session, parse_period(PERIOD), scope)
    assert len(reminders) > 3 and [r.unit for r in only] == [reminders[0].unit]
    assert only[0].items == reminders[0].items
    out = tmp_path / "r.pdf"
    write_reminders(reminders[:3], out, ReminderOptions(office="温州市科学技术局"))
    text = flat("".join(p.extract_text() for p in PdfReader(out).pages))
    for reminder in reminders[:3]:
        assert reminder.unit in text
        assert flat(reminder.items[0].title) in text
    subprocess.run(["pdftoppm", "-r", "30", "-gray", str(out), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.pgm"))
    assert len(pages) >= 6  # two copies of each notice; a long list of items may take more pages
    for page in pages:
        pixels = page.read_bytes().split(b"\n", 3)[3]
        assert sum(1 for b in pixels if b < 128) > 500, page.name


def test_cli_remind(
    cases: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases.dispose()
    out = tmp_path / "催办单.pdf"
    unsigned = ["--db", str(db_path), "remind", "--out", str(out), "--period", PERIOD]
    assert main(unsigned) == 2 and not out.exists()  # no 发文单位: refused, nothing written
    assert "office_name" in capsys.readouterr().err
    common = ["--db", str(db_path), "remind", "--office", "某市科技局"]
    assert (
        main(
            [
                *common,
                "--out",
                str(out),
                "--period",
                PERIOD,
                "--date",
                "2023-07-05",
                "--reply-by",
                "2023-07-20",
            ]
        )
        == 0
    )
    assert len(PdfReader(out).pages) == 6
    assert "2023年7月20日" in PdfReader(out).pages[0].extract_text()
    assert main([*common, "--out", str(tmp_path / "split"), "--period", PERIOD, "--split"]) == 0
    assert len(list((tmp_path / "split").glob("*.pdf"))) == 3
    one = tmp_path / "one.pdf"
    assert main([*common, "--out", str(one), "--period", PERIOD, "--unit", "黄岭县科技局"]) == 0
    assert "黄色催办" in PdfReader(one).pages[0].extract_text()
    quiet = tmp_path / "quiet.pdf"  # a unit that owes nothing gets no notice
    assert main([*common, "--out", str(quiet), "--period", PERIOD, "--unit", "绿水乡科技站"]) == 0
    assert not quiet.exists()
    assert "无需催办" in capsys.readouterr().err
    bad = tmp_path / "bad.pdf"
    assert main([*common, "--out", str(bad), "--period", PERIOD, "--unit", "不存在的局"]) == 2
    assert main([*common, "--out", str(bad), "--reply-by", "7月20日"]) == 2
    assert main([*common, "--out", str(tmp_path / "无此目录" / "x.pdf"), "--period", PERIOD]) == 2
    err = capsys.readouterr().err
    assert "不存在的局" in err and "--reply-by" in err and "不存在" in err
    assert not bad.exists()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_every_line_of_the_notices_keeps_the_line_breaking_rules(reported: Database, tmp_path: Path) -> None:
    from tests.tracker.reports.pdflines import breaking_faults, drawn_lines

    with reported.reading() as session:
        reminders = collect_reminders(session, parse_period(PERIOD))
    out = tmp_path / "催办单.pdf"
    write_reminders(reminders[:6], out, ReminderOptions(office="温州市科学技术局"))
    lines = drawn_lines(out)
    assert len(lines) > 100
    assert not breaking_faults(lines), breaking_faults(lines)[:10]
