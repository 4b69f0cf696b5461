"""催办单 pages: every page names its unit, copy and page; red before yellow before blue;
never a notice to the issuing office; never a placeholder for it. The PDF is read back page by
page."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.tracker.reports.conftest import PERIOD
from tracker.cli import main
from tracker.db import models as m
from tracker.db.engine import Database
from tracker.errors import BadInput
from tracker.periods import parse_period
from tracker.reports.reminders import Level, ReminderOptions, collect_reminders, write_reminders
from tracker.services.progress import ProgressInput, record_update
from tracker.services.settings import OFFICE_NAME, set_setting
from tracker.services.units import add_aliases

BUSY = "多事县科技局"  # owes many items of every colour: its notice runs over pages
OFFICE = "本市科学技术局"  # the issuing office, also the lead of a late task
OFFICE_ALIAS = "本市科技局"
QUIET = "少事镇科技办"  # owes one item


def pages(path: Path) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text() or "") for page in PdfReader(path).pages]


@pytest.fixture
def ledger(database: Database) -> Database:
    """Tasks in document order that alternate blue, yellow and red for one unit (2023Q2)."""
    plan_tasks: list[tuple[str, str, date, tuple[str, str, int] | None]] = []
    for i in range(1, 37):
        kind = ("blue", "yellow", "red")[i % 3]
        if kind == "red":  # past its deadline, unfinished
            plan_tasks.append((BUSY, f"红项{i:02d}", date(2023, 3, 31), (PERIOD, "in_progress", 80)))
        elif kind == "yellow":  # ~25 points behind 序时进度
            plan_tasks.append((BUSY, f"黄项{i:02d}", date(2023, 12, 31), (PERIOD, "in_progress", 25)))
        else:  # silent this period, on schedule before
            plan_tasks.append((BUSY, f"蓝项{i:02d}", date(2025, 12, 31), ("2023Q1", "in_progress", 40)))
    plan_tasks.append((OFFICE, "本局自己的逾期事项", date(2023, 3, 31), (PERIOD, "in_progress", 50)))
    plan_tasks.append((QUIET, "少事镇的逾期事项", date(2023, 3, 31), (PERIOD, "in_progress", 50)))
    with database.unit_of_work() as session:
        plan = m.Plan(title="催办页码测试方案", short_title="页码方案", period_start=2023, period_end=2025)
        session.add(plan)
        units = {name: m.Unit(name=name) for name in (BUSY, OFFICE, QUIET)}
        for i, (unit, title, deadline, _update) in enumerate(plan_tasks, start=1):
            task = m.Task(plan=plan, code=str(i), position=i, title=title, deadline=deadline)
            task.unit_links = [m.TaskUnit(unit=units[unit], role="lead", position=0, printed_name=unit)]
            session.add(task)
        session.flush()
        add_aliases(session, OFFICE, [OFFICE_ALIAS])
    with database.unit_of_work() as session:
        for _unit, title, _deadline, update in plan_tasks:
            task_id = session.scalar(select(m.Task.id).where(m.Task.title == title))
            assert task_id is not None and update is not None
            period, status, percent = update
            record_update(
                session,
                task_id,
                ProgressInput(period=period, status=status, percent=percent, progress="进展"),
            )
    return database


def test_items_are_listed_red_before_yellow_before_blue(ledger: Database, tmp_path: Path) -> None:
    with ledger.reading() as session:
        reminders = collect_reminders(session, parse_period(PERIOD))
    busy = next(r for r in reminders if r.unit == BUSY)
    titles = [item.title for item in busy.items]
    assert [t[0] for t in titles] == ["红"] * 12 + ["黄"] * 12 + ["蓝"] * 12
    assert titles[:2] == ["红项02", "红项05"]  # document order within a colour (黄项01 comes first in it)
    assert [item.level for item in busy.items] == sorted((item.level for item in busy.items), reverse=True)
    out = tmp_path / "催办单.pdf"
    write_reminders([busy], out, ReminderOptions(office=OFFICE, issued_on=date(2023, 7, 5)))
    text = "".join(pages(out)[: len(pages(out)) // 2])  # the 存根 copy
    positions = [text.index(title) for title in titles]
    assert positions == sorted(positions)  # printed in that order too


def test_every_page_names_its_unit_copy_and_page(ledger: Database, tmp_path: Path) -> None:
    with ledger.reading() as session:
        reminders = collect_reminders(session, parse_period(PERIOD), office=OFFICE)
    assert [r.unit for r in reminders] == [BUSY, QUIET]
    out = tmp_path / "催办单.pdf"
    write_reminders(reminders, out, ReminderOptions(office=OFFICE, issued_on=date(2023, 7, 5)))
    texts = pages(out)
    # the long notice runs over pages in both copies; the short one is one page a copy
    busy_pages = [t for t in texts if t.startswith(BUSY) or f"{BUSY}催办单" in t]
    per_copy = (len(texts) - 2) // 2
    assert per_copy >= 2 and len(texts) == 2 * per_copy + 2
    expected = [(BUSY, "存根", n, per_copy) for n in range(1, per_copy + 1)]
    expected += [(BUSY, "送达联", n, per_copy) for n in range(1, per_copy + 1)]
    expected += [(QUIET, "存根", 1, 1), (QUIET, "送达联", 1, 1)]
    for text, (unit, copy, number, total) in zip(texts, expected, strict=True):
        assert f"{unit}催办单（{copy}）" in text, (unit, copy, number)
        assert f"第{number}页共{total}页" in text, (unit, copy, number)
        assert "〔2023〕第2季度-00" in text  # the notice's number, in the office style
        assert "（发文单位）" not in text and "2023Q2" not in text
    assert len(busy_pages) == 2 * per_copy
    # a continuation page repeats the items' header row
    assert "序号任务（事项）承担完成时限亮灯督查情况" in texts[1]


def test_the_office_never_reminds_itself(ledger: Database, db_path: Path, tmp_path: Path) -> None:
    with ledger.reading() as session:
        everyone = {r.unit for r in collect_reminders(session, parse_period(PERIOD))}
        by_name = {r.unit for r in collect_reminders(session, parse_period(PERIOD), office=OFFICE)}
        by_alias = {r.unit for r in collect_reminders(session, parse_period(PERIOD), office=OFFICE_ALIAS)}
    assert OFFICE in everyone
    assert by_name == by_alias == everyone - {OFFICE}
    # the command reads the office from the setting, matched through the alias
    with ledger.unit_of_work() as session:
        set_setting(session, OFFICE_NAME, OFFICE_ALIAS)
    ledger.dispose()
    out = tmp_path / "催办单.pdf"
    assert main(["--db", str(db_path), "remind", "--period", PERIOD, "--out", str(out)]) == 0
    text = "".join(pages(out))
    assert "本局自己的逾期事项" not in text and f"被催办单位{OFFICE}" not in text
    assert BUSY in text and QUIET in text and OFFICE_ALIAS in text  # signed by the office


def test_without_an_office_nothing_is_written(ledger: Database, db_path: Path, tmp_path: Path) -> None:
    with ledger.reading() as session:
        reminders = collect_reminders(session, parse_period(PERIOD))
    out = tmp_path / "催办单.pdf"
    with pytest.raises(BadInput, match=r"发文单位.*office_name"):
        write_reminders(reminders, out, ReminderOptions(office="  "))
    assert not out.exists()
    ledger.dispose()
    assert main(["--db", str(db_path), "remind", "--period", PERIOD, "--out", str(out)]) == 2
    assert not out.exists()
    with ledger.reading() as session:  # nothing recorded either
        assert session.scalars(select(m.ReminderNotice)).all() == []
    assert Level.RED > Level.YELLOW > Level.BLUE
