"""One truth: the window, the 通报, the 台账, the 催办单 and the forms give the same number.

A real ledger (the built-in plans) with two quarters of mixed records (tests/tracker/facts/
two_quarters.py). For 2023Q1 and 2023Q2 each question — how many tasks, how many by 报送状态
and by 亮灯, how many 未报送, how many red, which units lead how many and how they stand,
how many late items have no responsible unit — is asked of the window's 总览 and left pane
(through pytest-qt), of the PDF read back with pypdf, of the Excel 台账 read back with
openpyxl, of the 催办单 (collected and printed, and `tracker remind`) and of the forms.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from tests.tracker.facts.two_quarters import EVIDENCE_NAME, Q1, Q1_TEXT, Q2, TwoQuarters, build
from tests.ui.conftest import wait_loaded
from tracker.cli import main
from tracker.db.engine import Database
from tracker.facts.counts import UNIT_COLUMNS
from tracker.facts.period import read_facts
from tracker.forms.export import build_form, write_form
from tracker.lights import LIGHT_ORDER, Light
from tracker.periods import parse_period
from tracker.reports.assemble import assemble_report
from tracker.reports.pdf_bulletin import BulletinOptions, write_bulletin
from tracker.reports.reminders import ReminderOptions, collect_reminders, unassigned_items, write_reminders
from tracker.reports.xlsx_ledger import write_ledger
from tracker.views.table import VIEW_ALL, VIEW_DONE, VIEW_LATE, VIEW_UNREPORTED
from ui.main_window import MainWindow

OPTIONS = BulletinOptions(
    office="温州市科学技术局", issue=2, problems="一是报送不及时。", next_steps="一是加快推进。"
)


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in PdfReader(path).pages))


def figure(text: str, pattern: str) -> int:
    found = re.search(pattern, text)
    assert found, pattern
    return int(found.group(1))


@pytest.fixture
def two_quarters(seeded: Database, tmp_path: Path) -> TwoQuarters:
    return build(seeded, tmp_path)


@pytest.mark.parametrize("code", [Q1, Q2])
def test_every_screen_and_document_gives_the_same_number(
    qtbot: QtBot, seeded: Database, two_quarters: TwoQuarters, tmp_path: Path, code: str
) -> None:
    period = parse_period(code)
    with seeded.reading() as session:
        facts = read_facts(session, period)
        report = assemble_report(session, period, facts=facts)
        reminders = collect_reminders(session, period, facts=facts)
        nobody = unassigned_items(facts)
    t = facts.tally
    units = {u.name: u for u in facts.units}
    assert t.total == 130  # the built-in plans' tasks; 一、（一） headings only group
    assert sum(t.by_light.values()) == sum(t.by_status.values()) == t.total
    assert t.unreported == t.by_light[Light.UNREPORTED] > 0 and t.late > 0
    assert all(sum(u.columns()) == u.led for u in facts.units)  # each unit row adds up
    closed = 1 if code == Q2 else 0  # the 销号 dated into 2023Q2
    assert t.by_status["closed"] == closed

    # -- the window: 总览 (headline and tables) and the left pane, through pytest-qt
    window = MainWindow(seeded)
    qtbot.addWidget(window)
    window.show()
    wait_loaded(qtbot, window)
    window.period_bar.set_period(period)
    wait_loaded(qtbot, window)
    window.center.setCurrentWidget(window.overview_page)
    qtbot.waitUntil(lambda: bool(window.overview_page.headline.text()), timeout=10_000)
    assert window.snapshot is not None and window.snapshot.period == period
    overview = window.snapshot.overview
    headline = re.sub(r"<[^>]+>", "", window.overview_page.headline.text())
    assert f"共 {t.total} 项任务" in headline
    assert f"本期未报送 {t.unreported} 项" in headline
    for light in LIGHT_ORDER:
        assert f"{light.label} {t.by_light[light]}" in headline, light
    assert overview.ledger.by_light == t.by_light and overview.ledger.by_status == t.by_status
    plan_model = window.overview_page.plan_model
    assert sum(plan_model.record(r).total for r in range(plan_model.rowCount())) == t.total  # type: ignore[union-attr]
    views = {entry.key: entry.count for entry in window.nav.view_model.records()}
    assert views[VIEW_ALL] == t.total and views[VIEW_LATE] == t.late
    assert views[VIEW_UNREPORTED] == t.unreported and views[VIEW_DONE] == t.finished
    pane = {u.name: u for u in window.nav.unit_model.records()}
    for name, unit in units.items():
        assert (pane[name].led, pane[name].late, pane[name].unreported) == (
            unit.led,
            unit.late,
            unit.unreported,
        )
    assert pane["温岭市科学技术局"].led == 20  # the 通报's figure, no longer 0 on screen
    window.close()

    # -- the 通报, read back from the PDF
    pdf = tmp_path / f"通报 {code}.pdf"
    write_bulletin(report, pdf, OPTIONS)
    text = pdf_text(pdf)
    assert figure(text, r"任务（事项）共(\d+)项") == t.total
    assert figure(text, r"已完成(\d+)项") == t.finished
    assert figure(text, r"；滞后(\d+)项") == t.by_status["late"]
    assert figure(text, r"本期未报送(\d+)项") == t.unreported
    for light in (Light.GREEN, Light.YELLOW, Light.RED, Light.GREY):
        assert figure(text, light.label + r"(\d+)项") == t.by_light[light]
    assert figure(text, r"未报送的(\d+)项不亮灯") == t.unreported
    assert figure(text, r"的事项共(\d+)项") == t.late == len(report.late)
    late_nobody = sum(1 for row in facts.late if not row.lead_unit_ids)
    assert late_nobody > 0 and figure(text, r"其中(\d+)项未明确责任单位") == late_nobody

    # -- the Excel 台账, read back
    xlsx = tmp_path / f"台账 {code}.xlsx"
    write_ledger(report, xlsx)
    book = load_workbook(xlsx)
    sheet = {r[0].value: r[1].value for r in book["总览"].iter_rows(min_row=4)}
    assert sheet["任务（事项）总数"] == t.total
    assert sheet["报送状态：未报送"] == sheet["本期未报送进展"] == t.unreported
    assert sheet["报送状态：已销号"] == closed
    for light in LIGHT_ORDER:
        assert sheet[f"亮灯：{light.label}"] == t.by_light[light]
    rows = {r[1].value: r for r in book["各单位汇总"].iter_rows(min_row=4) if r[1].value}
    for name in units:
        cells = rows[name]
        assert cells[2].value == pane[name].led == sum(c.value for c in cells[3:9])
        assert cells[3 + [k for k, _ in UNIT_COLUMNS].index("late")].value == pane[name].late
        assert cells[3 + [k for k, _ in UNIT_COLUMNS].index("unreported")].value == pane[name].unreported
    ledger = book["任务台账"]
    header = [c.value for c in next(ledger.iter_rows(min_row=3, max_row=3))]
    status_col, progress_col, evidence_col = (
        header.index(h) for h in ("报送状态", "本期进展情况", "佐证材料")
    )
    body = [r for r in ledger.iter_rows(min_row=4) if r[0].value is not None]
    assert sum(1 for r in body if r[status_col].value not in ("（分组）", None)) == t.total
    files = " ".join(str(r[evidence_col].value or "") for r in body)
    assert (EVIDENCE_NAME in files) == (code == Q2)  # filed under its record's period, not July
    labelled = [str(r[progress_col].value or "") for r in body if Q1_TEXT in str(r[progress_col].value or "")]
    if code == Q2:  # Q1's text only appears labelled as such
        assert labelled and all(v.startswith("（2023年第一季度报送）") for v in labelled)
    else:
        assert labelled and all(v == Q1_TEXT for v in labelled)

    # -- the 催办单: per lead unit, the same 未报送 and red as its row; printed and read back
    by_unit = {r.unit: r for r in reminders}
    for name, unit in units.items():
        reminder = by_unit.get(name)
        items = reminder.items if reminder else ()
        assert sum(1 for i in items if not i.reported) == unit.unreported, name
        assert sum(1 for i in items if i.light is Light.RED) == unit.late, name
    top = max(reminders, key=lambda r: len(r.items))
    notice = tmp_path / f"催办单 {code}.pdf"
    write_reminders([top], notice, ReminderOptions(office="温州市科学技术局"))
    printed = pdf_text(notice)
    assert top.unit in printed and printed.count("报送状态：未报送") == 2 * units[top.unit].unreported
    assert nobody and len(nobody) >= late_nobody

    # -- the forms: a unit's form says what its row says
    for name in sorted(units, key=lambda n: -units[n].led)[:3]:
        with seeded.reading() as session:
            form = build_form(session, name, period)
        unit = units[name]
        assert form.summary.startswith(f"本单位牵头{unit.led}项")
        for (_key, label), count in zip(UNIT_COLUMNS, unit.columns(), strict=True):
            assert f"{label}{count}项" in form.summary
        out = tmp_path / f"{name} {code}.xlsx"
        write_form(form, out)
        stamp = str(load_workbook(out).worksheets[0].cell(2, 1).value)
        assert f"本单位牵头{unit.led}项" in stamp and f"配合{unit.supporting}项" in stamp


def test_remind_names_the_items_no_unit_can_answer_for(
    seeded: Database, two_quarters: TwoQuarters, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with seeded.reading() as session:
        nobody = unassigned_items(read_facts(session, parse_period(Q2)))
    url = str(seeded.engine.url)
    assert (
        main(
            [
                "--db",
                url,
                "remind",
                "--period",
                Q2,
                "--office",
                "某市科技局",
                "--out",
                str(tmp_path / "催办单.pdf"),
            ]
        )
        == 0
    )
    out = capsys.readouterr().err  # messages go to stderr
    assert f"另有{len(nobody)}项未明确责任单位，无法催办" in out
    assert (tmp_path / "催办单.pdf").stat().st_size > 0


def test_a_close_dated_into_q2_and_q2_evidence_uploaded_in_july(
    seeded: Database, two_quarters: TwoQuarters
) -> None:
    with seeded.reading() as session:
        q1 = {r.id: r for r in read_facts(session, parse_period(Q1)).rows}
        q2 = {r.id: r for r in read_facts(session, parse_period(Q2)).rows}
        h1 = {r.id: r for r in read_facts(session, parse_period("2023H1")).rows}
        q1_report = assemble_report(session, parse_period(Q1))
        q2_report = assemble_report(session, parse_period(Q2))
    closed = two_quarters.closed_id
    assert q1[closed].report_status == "in_progress" and not q1[closed].closed
    assert q2[closed].report_status == "closed" and h1[closed].closed and q2[closed].light is Light.GREEN
    silent = two_quarters.silent_in_q2_id
    assert q2[silent].report_status == "unreported" and q2[silent].light is Light.UNREPORTED
    assert q1[silent].light is not Light.UNREPORTED  # it reported in Q1
    row = next(r for r in q2_report.ledger if r.task_id == silent)
    assert row.progress == f"（2023年第一季度报送）{Q1_TEXT}" and row.problems == ""
    assert (
        EVIDENCE_NAME
        in next(r for r in q2_report.ledger if r.task_id == two_quarters.evidence_task_id).evidence
    )
    assert not any(e.filename == EVIDENCE_NAME for e in q1_report.evidence)


def test_the_legend_beside_the_lights_opens_the_rules(qtbot: QtBot, window: MainWindow) -> None:
    from ui.help_dialog import COUNTING_SECTION, HelpDialog

    window.center.setCurrentWidget(window.overview_page)
    qtbot.waitUntil(lambda: bool(window.overview_page.legend.text()), timeout=10_000)
    legend = window.overview_page.legend.text()
    assert "落后序时进度 10–30 个百分点" in legend and "未报送" in legend  # the thresholds in force
    window.overview_page.legend.linkActivated.emit("guide:counting")
    dialogs = window.findChildren(HelpDialog)
    assert dialogs
    cursor = dialogs[-1].browser.textCursor()
    assert cursor.block().text() == COUNTING_SECTION
    dialogs[-1].close()
