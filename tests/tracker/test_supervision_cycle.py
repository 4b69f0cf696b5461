"""The 督办 cycle's services on a real ledger: 延期 and 催办单 that remember their rounds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.errors import BadInput
from tracker.periods import parse_period
from tracker.reports.reminders import collect_reminders
from tracker.rules.escalation import Level
from tracker.services.extensions import (
    deadline_basis,
    effective_deadline,
    extended_deadlines,
    extensions_of,
    grant_extension,
    revoke_extension,
    set_deadline_basis,
)
from tracker.services.notices import (
    close_open_notices,
    list_notices,
    mark_replied,
    notice_number,
    plan_notices,
    record_notices,
    task_notices,
)
from tracker.services.progress import ProgressInput, record_update

Q2 = parse_period("2023Q2")
Q3 = parse_period("2023Q3")


@pytest.fixture
def ledger(database: Database) -> Database:
    """Two units, each leading one task; nobody has reported yet."""
    with database.unit_of_work() as session:
        plan = m.Plan(title="督办测试方案", short_title="测试方案", period_start=2023, period_end=2030)
        for i, name in enumerate(("甲县科技局", "乙县科技局"), start=1):
            unit = m.Unit(name=name)
            task = m.Task(
                plan=plan, code=str(i), position=i, title=f"{name}的任务", deadline=date(2030, 6, 30)
            )
            task.unit_links = [m.TaskUnit(unit=unit, role="lead", position=0, printed_name=name)]
            session.add(task)
        session.add(plan)
    return database


def _task_id(database: Database, unit: str) -> int:
    with database.reading() as session:
        task_id = session.scalar(select(m.TaskUnit.task_id).join(m.Unit).where(m.Unit.name == unit))
    assert task_id is not None
    return task_id


def _issue(database: Database, period: str, today: date, reply_by: date) -> list[tuple[str, str, int, str]]:
    with database.unit_of_work() as session:
        reminders = collect_reminders(session, parse_period(period))
        planned = plan_notices(session, reminders, today)
        record_notices(session, planned, today, reply_by)
        return [(n.unit, n.level.words, n.round, n.number) for n in planned]


# ---- 延期 -------------------------------------------------------------------------------


def test_extension_keeps_the_original_and_is_recorded(ledger: Database) -> None:
    task_id = _task_id(ledger, "甲县科技局")
    with ledger.unit_of_work() as session:
        grant_extension(
            session, task_id, date(2030, 12, 31), "受疫情影响，设备到货推迟", "张副县长", date(2024, 5, 20)
        )
    with ledger.reading() as session:
        task = session.get(m.Task, task_id)
        assert task is not None and task.deadline == date(2030, 6, 30)
        [view] = extensions_of(session, task_id)
        assert (view.original, view.new_deadline, view.approver) == (
            date(2030, 6, 30),
            date(2030, 12, 31),
            "张副县长",
        )
        assert extended_deadlines(session) == {task_id: date(2030, 12, 31)}
        assert deadline_basis(session) == "original"
        entry = session.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "extend")).one()
        assert "2030-06-30 → 2030-12-31" in entry.summary and "张副县长批准" in entry.summary


def test_extension_must_be_later_reasoned_and_approved(ledger: Database) -> None:
    task_id = _task_id(ledger, "甲县科技局")
    with ledger.unit_of_work() as session:
        with pytest.raises(BadInput, match="应晚于现行时限"):
            grant_extension(session, task_id, date(2030, 6, 30), "理由", "领导")
        with pytest.raises(BadInput, match="理由"):
            grant_extension(session, task_id, date(2030, 9, 30), " ", "领导")
        with pytest.raises(BadInput, match="批准人"):
            grant_extension(session, task_id, date(2030, 9, 30), "理由", "")
        first = grant_extension(session, task_id, date(2030, 9, 30), "理由", "领导")
        with pytest.raises(BadInput, match="应晚于现行时限 2030-09-30"):
            grant_extension(session, task_id, date(2030, 8, 31), "再次", "领导")
        revoke_extension(session, first.id)
        assert extended_deadlines(session, [task_id]) == {}


def test_the_setting_decides_which_deadline_counts(ledger: Database) -> None:
    assert effective_deadline(date(2030, 6, 30), date(2030, 12, 31), "original") == date(2030, 6, 30)
    assert effective_deadline(date(2030, 6, 30), date(2030, 12, 31), "extended") == date(2030, 12, 31)
    assert effective_deadline(date(2030, 6, 30), None, "extended") == date(2030, 6, 30)
    with ledger.unit_of_work() as session:
        set_deadline_basis(session, "extended")
        with pytest.raises(BadInput):
            set_deadline_basis(session, "whatever")
    with ledger.reading() as session:
        assert deadline_basis(session) == "extended"


# ---- 催办 that remembers ----------------------------------------------------------------


def test_notice_number_in_office_style() -> None:
    assert notice_number(Q2, 1) == "〔2023〕第2季度-001"
    assert notice_number(parse_period("2023H1"), 12) == "〔2023〕上半年-012"
    assert notice_number(parse_period("2023-05"), 3) == "〔2023〕5月-003"


def test_unanswered_notices_escalate_round_by_round(ledger: Database) -> None:
    first = _issue(ledger, "2023Q2", date(2023, 7, 10), date(2023, 7, 17))
    assert first == [
        ("甲县科技局", "蓝色催办", 1, "〔2023〕第2季度-001"),
        ("乙县科技局", "蓝色催办", 1, "〔2023〕第2季度-002"),
    ]
    # 甲 answers by returning its form; 乙 stays silent past the reply date.
    with ledger.unit_of_work() as session:
        unit_id = session.scalar(select(m.Unit.id).where(m.Unit.name == "甲县科技局"))
        assert unit_id is not None
        closed = close_open_notices(session, unit_id, date(2023, 7, 14), "已报送填报表")
        assert [n.number for n in closed] == ["〔2023〕第2季度-001"]
    second = _issue(ledger, "2023Q2", date(2023, 7, 20), date(2023, 7, 27))
    assert second == [
        ("甲县科技局", "蓝色催办", 2, "〔2023〕第2季度-003"),
        ("乙县科技局", "黄色催办", 2, "〔2023〕第2季度-004"),
    ]
    third = _issue(ledger, "2023Q2", date(2023, 7, 28), date(2023, 8, 4))
    assert third[1] == ("乙县科技局", "红色催办", 3, "〔2023〕第2季度-006")
    fourth = _issue(ledger, "2023Q2", date(2023, 8, 5), date(2023, 8, 12))
    assert fourth[1][1:3] == ("红色催办", 4)  # red is the highest
    with ledger.reading() as session:
        counts = task_notices(session)
        silent = counts[_task_id(ledger, "乙县科技局")]
        assert (silent.count, silent.last_level, silent.open) == (4, Level.RED, True)
        assert silent.last_number == "〔2023〕第2季度-008"
        views = list_notices(session, unit="乙县科技局")
        assert [v.round for v in views] == [4, 3, 2, 1]
        assert views[1].overdue(date(2023, 8, 5)) and not views[0].overdue(date(2023, 8, 5))
        assert len(session.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "remind")).all()) == 8


def test_a_reported_task_is_no_longer_chased(ledger: Database) -> None:
    _issue(ledger, "2023Q2", date(2023, 7, 10), date(2023, 7, 17))
    with ledger.unit_of_work() as session:
        record_update(
            session, _task_id(ledger, "甲县科技局"), ProgressInput("2023Q2", "in_progress", "已开工", 30)
        )
    again = _issue(ledger, "2023Q2", date(2023, 7, 20), date(2023, 7, 27))
    assert [unit for unit, *_ in again] == ["乙县科技局"]


def test_reply_by_hand_and_its_checks(ledger: Database) -> None:
    _issue(ledger, "2023Q2", date(2023, 7, 10), date(2023, 7, 17))
    with ledger.unit_of_work() as session:
        [notice, _other] = list_notices(session, period="2023Q2")[::-1]
        with pytest.raises(BadInput, match="早于催办单日期"):
            mark_replied(session, notice.id, date(2023, 7, 1))
        mark_replied(session, notice.id, date(2023, 7, 12), "电话答复，已安排专人推进")
        with pytest.raises(BadInput, match="已于 2023-07-12 回复"):
            mark_replied(session, notice.id, date(2023, 7, 13))
        with pytest.raises(BadInput, match="早于催办单日期"):
            record_notices(session, [], date(2023, 7, 10), date(2023, 7, 1))
    with ledger.reading() as session:
        [view] = [v for v in list_notices(session) if v.id == notice.id]
        assert view.replied_on == date(2023, 7, 12) and view.reply_note == "电话答复，已安排专人推进"


def test_lights_follow_the_extended_deadline_only_when_set(ledger: Database) -> None:
    from tracker.views.status import task_states

    task_id = _task_id(ledger, "甲县科技局")
    late = parse_period("2030Q3")
    with ledger.unit_of_work() as session:
        record_update(session, task_id, ProgressInput("2030Q3", "in_progress", "推进中", 80))
        grant_extension(session, task_id, date(2030, 12, 31), "征地延后", "县长", date(2030, 6, 1))
    with ledger.reading() as session:
        assert task_states(session, late)[task_id].judgement.reason == "逾期未完成"
    with ledger.unit_of_work() as session:
        set_deadline_basis(session, "extended")
    with ledger.reading() as session:
        assert task_states(session, late)[task_id].judgement.reason != "逾期未完成"


def test_cycle_fields_leave_in_the_export_and_come_back(ledger: Database, tmp_path: Path) -> None:
    import json

    from tracker.export.json_export import export_document
    from tracker.ledger import open_database
    from tracker.planfile import parse_plan
    from tracker.services.plan_import import import_plan
    from tracker.services.tasks import TaskInput, create_assignment

    task_id = _task_id(ledger, "甲县科技局")
    with ledger.unit_of_work() as session:
        grant_extension(session, task_id, date(2030, 12, 31), "征地延后", "县长", date(2030, 6, 1))
        create_assignment(
            session,
            TaskInput(
                title="落实书记批示",
                units=[("甲县科技局", "lead")],
                leader="李副县长",
                is_key=True,
                origin_kind="instruction",
                origin_leader="王书记",
                origin_text="抓紧落实",
                assigned_on=date(2030, 3, 1),
            ),
        )
        record_update(
            session,
            task_id,
            ProgressInput("2030Q1", "late", "未开工", 0, received_on=date(2030, 4, 3)),
            returned_for="缺存在问题",
        )
        first = export_document(session)
    [plan, assigned] = first["plans"]
    task = plan["tasks"][0]
    assert (task["deadline"], task["original_deadline"]) == ("2030-12-31", "2030-06-30")
    assert task["extensions"] == [
        {"to": "2030-12-31", "reason": "征地延后", "approved_by": "县长", "on": "2030-06-01"}
    ]
    update = task["updates"][0]
    assert (update["review"], update["review_reason"], update["received_on"]) == (
        "returned",
        "缺存在问题",
        "2030-04-03",
    )
    item = assigned["tasks"][0]
    assert item["origin"] == {
        "type": "instruction",
        "leader": "王书记",
        "instruction": "抓紧落实",
        "assigned_on": "2030-03-01",
    }
    assert (item["leader"], item["key"]) == ("李副县长", True)
    other, _ = open_database(str(tmp_path / "other.sqlite3"))
    try:
        with other.unit_of_work() as session:
            for doc in first["plans"]:
                import_plan(session, parse_plan(json.dumps(doc, ensure_ascii=False)))
        with other.reading() as session:
            second = export_document(session)
    finally:
        other.dispose()
    assert second["plans"] == first["plans"]


# ---- 单位考核 ---------------------------------------------------------------------------


def test_assessment_reads_reports_returns_and_notices(ledger: Database) -> None:
    from tracker.views.assessment import assess

    with ledger.unit_of_work() as session:
        # 甲 reports on time (due 2023-07-07) and on schedule; 乙 is chased once and reports late.
        record_update(
            session,
            _task_id(ledger, "甲县科技局"),
            ProgressInput("2023Q2", "in_progress", "已开工", 20, received_on=date(2023, 7, 5)),
        )
    _issue(ledger, "2023Q2", date(2023, 7, 10), date(2023, 7, 17))
    with ledger.unit_of_work() as session:
        record_update(
            session,
            _task_id(ledger, "乙县科技局"),
            ProgressInput("2023Q2", "in_progress", "已开工", 20, received_on=date(2023, 7, 12)),
        )
        result = assess(session, Q2)
    assert result.due == date(2023, 7, 7)
    [first, second] = result.scores
    assert (first.unit, first.rank, first.on_time, first.reminders) == ("甲县科技局", 1, 1, 0)
    assert (second.unit, second.rank, second.late_reports, second.reminders) == ("乙县科技局", 2, 1, 1)
    assert first.score == 93.0  # 30 + 70 × 0.9
    assert second.score == 77.5  # 15 + 63 − 0.5 for one 蓝色催办


# ---- 较上期 -----------------------------------------------------------------------------


def test_changes_since_the_previous_period(ledger: Database) -> None:
    from tracker.views.changes import period_changes

    a, b = _task_id(ledger, "甲县科技局"), _task_id(ledger, "乙县科技局")
    with ledger.unit_of_work() as session:
        record_update(session, a, ProgressInput("2023Q1", "late", "未开工", 0))
        record_update(session, a, ProgressInput("2023Q2", "done", "已完成", 100))
        record_update(session, b, ProgressInput("2023Q1", "in_progress", "推进中", 10))
        record_update(session, b, ProgressInput("2023Q2", "late", "停工", 10))
        changes = period_changes(session, Q2)
        assert changes.newly_red == (b,) and changes.newly_done == (a,) and changes.turned_green == (a,)
        assert (changes.completion_before, changes.completion_now, changes.completion_change) == (
            0.0,
            50.0,
            50.0,
        )
        q4 = period_changes(session, parse_period("2023Q4"))
        assert q4.silent_streak == {b: 2}  # silent in Q3 and Q4; 甲 is done and owes nothing
    [first, second] = q4.sentences()
    assert first.startswith("与2023年第三季度相比，完成率50%，持平")
    assert second == "连续两期及以上未报送的1项，最长连续2期。"


def test_no_comparison_and_no_streak_from_before_the_ledger_was_kept(ledger: Database) -> None:
    """The office began this ledger in 2023Q2: nothing is compared with 2023Q1, and a task
    silent since then is silent for the periods since, not since its plan began."""
    from tracker.views.changes import period_changes

    a, b = _task_id(ledger, "甲县科技局"), _task_id(ledger, "乙县科技局")
    with ledger.unit_of_work() as session:
        record_update(session, a, ProgressInput("2023Q2", "in_progress", "推进中", 30))
        first = period_changes(session, Q2)
        assert not first.worth_stating  # 2023Q1: the ledger was not kept yet
        q3 = period_changes(session, parse_period("2023Q3"))
        assert q3.worth_stating  # everyone silent in Q3 after Q2's reports is worth saying
        assert q3.silent_streak == {b: 2}  # Q2 and Q3, not every period since the plan began


# ---- 报送截止日 panel -------------------------------------------------------------------


def test_due_summary_counts_down_then_names_who_has_not_sent(ledger: Database) -> None:
    from tracker.views.due import due_summary

    with ledger.unit_of_work() as session:
        record_update(
            session,
            _task_id(ledger, "甲县科技局"),
            ProgressInput("2023Q2", "in_progress", "已开工", 20, received_on=date(2023, 7, 3)),
        )
    _issue(ledger, "2023Q2", date(2023, 7, 3), date(2023, 7, 6))
    with ledger.reading() as session:
        before = due_summary(session, date(2023, 7, 4))
        assert before.period.code == "2023Q2" and before.due == date(2023, 7, 7)
        assert before.headline() == "2023年第二季度进展报送截止日为2023年7月7日，还有3天"
        assert [(u.unit, u.tasks) for u in before.missing] == [("乙县科技局", 1)]
        assert before.unanswered == []
        after = due_summary(session, date(2023, 7, 10))
        assert after.headline() == "2023年第二季度进展报送已于2023年7月7日截止，已过3天"
        assert [n.unit for n in after.unanswered] == ["乙县科技局"]
        assert due_summary(session, date(2023, 7, 7)).headline().startswith("今天（2023年7月7日）")


def test_the_export_carries_the_notices_by_task_uid(ledger: Database, tmp_path: Path) -> None:
    import json

    from tracker.export.json_export import export_document, write_export

    _issue(ledger, "2023Q2", date(2023, 7, 10), date(2023, 7, 17))
    with ledger.unit_of_work() as session:
        unit_id = session.scalar(select(m.Unit.id).where(m.Unit.name == "甲县科技局"))
        assert unit_id is not None
        close_open_notices(session, unit_id, date(2023, 7, 12), "已报送")
        document = export_document(session)
        out = tmp_path / "导出.json"
        write_export(session, out)
        uids = {t.id: t.uid for t in session.scalars(select(m.Task))}
    streamed = json.loads(out.read_text("utf-8"))
    assert streamed["reminders"] == document["reminders"]
    first, second = document["reminders"]
    assert first == {
        "number": "〔2023〕第2季度-001",
        "unit": "甲县科技局",
        "period": "2023Q2",
        "level": "blue",
        "round": 1,
        "issued_on": "2023-07-10",
        "reply_by": "2023-07-17",
        "tasks": [uids[_task_id(ledger, "甲县科技局")]],
        "closed_on": "2023-07-12",
    }
    assert second["closed_on"] is None and second["tasks"] == [uids[_task_id(ledger, "乙县科技局")]]


def test_review_findings_pending_round_other_period_year_and_split(ledger: Database, tmp_path: Path) -> None:
    """From the cold review: a notice still within its reply window is pending (not answered);
    a form answers only its own period's notices; a year's 考核 counts its quarters' notices;
    a split file is named by the level issued."""
    from tracker.reports.assemble import Scope
    from tracker.reports.issue_reminders import issue_reminders
    from tracker.reports.reminders import ReminderOptions
    from tracker.views.assessment import assess

    first = _issue(ledger, "2023Q2", date(2023, 7, 10), date(2023, 7, 17))
    assert first[1][1:3] == ("蓝色催办", 1)
    with ledger.unit_of_work() as session:
        planned = plan_notices(session, collect_reminders(session, Q2), date(2023, 7, 12))
        assert planned[1].escalation.reason == "上次蓝色催办尚在回复期内，按事项情况为蓝色催办"
        unit_id = session.scalar(select(m.Unit.id).where(m.Unit.name == "乙县科技局"))
        assert unit_id is not None
        assert close_open_notices(session, unit_id, date(2023, 7, 14), "Q1 表", period="2023Q1") == []
    with ledger.reading() as session:
        year = next(s for s in assess(session, parse_period("2023")).scores if s.unit == "乙县科技局")
        assert year.reminders == 1
    result = issue_reminders(
        ledger,
        Q2,
        Scope(),
        tmp_path / "分单位",
        ReminderOptions(office="县委督查室", issued_on=date(2023, 7, 20), reply_by=date(2023, 7, 27)),
        split=True,
    )
    names = sorted(path.name for path in result.files)
    assert names == ["01 黄色催办单 甲县科技局.pdf", "02 黄色催办单 乙县科技局.pdf"]


def test_back_filling_a_past_quarter_does_not_make_the_unit_late(ledger: Database) -> None:
    """Every record has a period: a Q2 report typed in today, with no 收到日期, is not 逾期报送."""
    from tracker.rules.report_due import Timeliness
    from tracker.views.assessment import assess

    with ledger.unit_of_work() as session:
        update = record_update(
            session, _task_id(ledger, "甲县科技局"), ProgressInput("2023Q2", "in_progress", "补录", 30)
        )
        assert update.received_on is None
        record_update(
            session,
            _task_id(ledger, "乙县科技局"),
            ProgressInput("2023Q2", "in_progress", "表格迟交", 30, received_on=date(2023, 7, 20)),
        )
        scores = {s.unit: s for s in assess(session, Q2).scores}
    assert (scores["甲县科技局"].on_time, scores["甲县科技局"].late_reports) == (1, 0)
    assert (scores["乙县科技局"].on_time, scores["乙县科技局"].late_reports) == (0, 1)
    assert Timeliness.ON_TIME.label == "按时报送"
