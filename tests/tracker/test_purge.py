"""彻底删除 from the recycle bin: rows go for good, shared evidence stays, the trail keeps it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.errors import BadInput
from tracker.periods import parse_period
from tracker.services import evidence
from tracker.services.checks import run_checks
from tracker.services.plans_edit import PlanInput, create_plan, delete_plan
from tracker.services.progress import ProgressInput, record_update
from tracker.services.purge import empty_recycle_bin, purge_item, purge_plan, purge_task
from tracker.services.tasks import TaskInput, create_task, delete_task, recycle_bin
from tracker.views.history import load_history
from tracker.views.record import load_task_record

UNITS = [("市科技局", "lead"), ("市财政局", "support")]


def count(session: Session, table: type[m.Base], *where: object) -> int:
    return int(session.scalar(select(func.count()).select_from(table).where(*where)) or 0)  # type: ignore[arg-type]


def add_metric(session: Session, task: m.Task, name: str) -> int:
    metric = m.Metric(plan_id=task.plan_id, task_id=task.id, name=name, unit="家")
    metric.targets.append(m.Target(year=2023, value=10, comparator=">=", text="10家"))
    metric.history.append(m.MetricHistory(year=2020, value=3))
    session.add(metric)
    session.flush()
    return metric.id


def report(session: Session, task_id: int, files: list[Path], actuals: dict[int, float]) -> None:
    data = ProgressInput("2023Q2", "in_progress", "推进中", actuals=actuals, evidence=files)
    record_update(session, task_id, data, actor="张科长")


@pytest.fixture
def ledger(database: Database, tmp_path: Path) -> dict[str, int]:
    """A plan with a parent task, a sub-task and a second task; evidence, one content shared."""
    shared = tmp_path / "共用 佐证.pdf"
    shared.write_bytes(b"%PDF shared " * 1000)
    own = tmp_path / "验收报告（盖章）.pdf"
    own.write_bytes(b"%PDF own " + bytes(range(256)) * 5000)  # > 1 chunk
    child_file = tmp_path / "下级 佐证.docx"
    child_file.write_bytes(b"child evidence")
    with database.unit_of_work() as session:
        plan = create_plan(session, PlanInput("2023年领导交办事项", short_title="交办"), actor="张科长")
        parent = create_task(session, plan.id, TaskInput(title="建设科创走廊", code="一、", units=UNITS))
        child = create_task(session, plan.id, TaskInput(title="引进研发机构", code="1."), parent_id=parent.id)
        other = create_task(session, plan.id, TaskInput(title="培育高新技术企业", code="二、", units=UNITS))
        metric = add_metric(session, parent, "新增研发机构")
        child_metric = add_metric(session, child, "引进机构数")
        report(session, parent.id, [own, shared], {metric: 4})
        report(session, child.id, [child_file], {child_metric: 2})
        report(session, other.id, [shared], {})
        ids = {"plan": plan.id, "parent": parent.id, "child": child.id, "other": other.id}
    return ids


def test_refuses_what_is_not_in_the_bin(database: Database, ledger: dict[str, int]) -> None:
    with pytest.raises(BadInput, match="不在回收站"), database.unit_of_work() as session:
        purge_task(session, ledger["parent"])
    with pytest.raises(BadInput, match="不在回收站"), database.unit_of_work() as session:
        purge_plan(session, ledger["plan"])
    with pytest.raises(BadInput, match="不在回收站"), database.unit_of_work() as session:
        purge_task(session, 999_999)
    with database.reading() as session:
        assert count(session, m.Task, m.Task.plan_id == ledger["plan"]) == 3


def test_purge_task_takes_everything_on_it_and_keeps_shared_content(
    database: Database, ledger: dict[str, int]
) -> None:
    ids = [ledger["parent"], ledger["child"]]
    with database.reading() as session:
        hashes = dict(session.execute(select(m.Evidence.filename, m.Evidence.sha256)).tuples().all())
        metric_ids = list(session.scalars(select(m.Metric.id).where(m.Metric.task_id.in_(ids))))
        before_audit = count(session, m.AuditEntry)
    with database.unit_of_work() as session:
        delete_task(session, ledger["parent"], actor="张科长")
    with database.unit_of_work() as session:
        result = purge_task(session, ledger["parent"], actor="李主任")
    assert (result.tasks, result.evidence, result.blobs) == (2, 3, 2)
    assert result.bytes_freed == len(b"%PDF own " + bytes(range(256)) * 5000) + len(b"child evidence")

    with database.reading() as session:
        assert count(session, m.Task, m.Task.id.in_(ids)) == 0
        assert count(session, m.TaskUnit, m.TaskUnit.task_id.in_(ids)) == 0
        assert count(session, m.Update, m.Update.task_id.in_(ids)) == 0
        assert count(session, m.Evidence, m.Evidence.task_id.in_(ids)) == 0
        assert count(session, m.Metric, m.Metric.id.in_(metric_ids)) == 0
        for child in (m.Target, m.Actual, m.MetricHistory):
            assert count(session, child, child.metric_id.in_(metric_ids)) == 0
        # the shared content stays for the other task; the purged task's own content goes
        assert session.get(m.Blob, hashes["共用 佐证.pdf"]) is not None
        for name in ("验收报告（盖章）.pdf", "下级 佐证.docx"):
            assert session.get(m.Blob, hashes[name]) is None
            assert count(session, m.BlobChunk, m.BlobChunk.sha256 == hashes[name]) == 0
        other = load_task_record(session, ledger["other"], parse_period("2023Q2"))
        assert other is not None and [e.filename for e in other.evidence] == ["共用 佐证.pdf"]
        assert b"".join(evidence.read_content(session, hashes["共用 佐证.pdf"])) == b"%PDF shared " * 1000

        # the purge is in the trail, by whom and what, though the task is gone
        assert count(session, m.AuditEntry) == before_audit + 2  # the delete and the purge
        [row] = [r for r in load_history(session) if r.summary.startswith("彻底删除")]
        assert (
            row.actor == "李主任"
            and row.plan == "交办"
            and row.action == "purge"
            and row.action_label == "彻底删除"
        )
        assert "一、 建设科创走廊" in row.summary and "1 项下级任务" in row.summary
        assert "3 份佐证材料" in row.summary and "不可恢复" in row.summary
        assert row.before is not None and '"code": "一、"' in row.before
        # earlier entries about the purged tasks keep their ids: no new task will get them
        assert count(session, m.AuditEntry, m.AuditEntry.task_id.in_(ids)) >= 1
        assert not [f for f in _checks(database) if f.fault or "没有任何佐证记录使用" in f.message]


def _checks(database: Database) -> list:  # type: ignore[type-arg]
    return run_checks(database)


def test_a_new_task_never_inherits_a_purged_tasks_history(database: Database, ledger: dict[str, int]) -> None:
    with database.unit_of_work() as session:
        delete_task(session, ledger["other"])
    with database.unit_of_work() as session:
        purge_task(session, ledger["other"])
    with database.unit_of_work() as session:
        new = create_task(session, ledger["plan"], TaskInput(title="新交办事项"))
        new_id = new.id
    assert new_id > ledger["other"]  # never the freed id (AUTOINCREMENT on SQLite)
    with database.reading() as session:
        record = load_task_record(session, new_id, parse_period("2023Q2"))
        assert record is not None
        assert [h.summary for h in record.history] == ["新增任务“新交办事项”"]


def test_purge_plan_takes_its_tasks(database: Database, ledger: dict[str, int]) -> None:
    with database.unit_of_work() as session:
        delete_task(session, ledger["other"])  # a task deleted on its own, then its plan
        delete_plan(session, ledger["plan"], actor="张科长")
    with database.reading() as session:
        assert {(i.kind, i.id) for i in recycle_bin(session)} == {
            ("plan", ledger["plan"]),
            ("task", ledger["other"]),
        }
    with database.unit_of_work() as session:
        [item] = [i for i in recycle_bin(session) if i.kind == "plan"]
        result = purge_item(session, item, actor="李主任")
    assert (result.plans, result.tasks, result.evidence, result.blobs) == (1, 3, 4, 3)
    with database.reading() as session:
        assert session.get(m.Plan, ledger["plan"]) is None
        assert count(session, m.Task) == count(session, m.Metric) == count(session, m.Update) == 0
        assert count(session, m.Evidence) == count(session, m.Blob) == count(session, m.BlobChunk) == 0
        assert count(session, m.TaskUnit) == count(session, m.Actual) == count(session, m.Target) == 0
        assert recycle_bin(session) == []
        purged = [r for r in load_history(session) if r.summary.startswith("彻底删除方案")]
        assert (
            len(purged) == 1 and "2023年领导交办事项" in purged[0].summary and "3 项任务" in purged[0].summary
        )
        assert count(session, m.AuditEntry, m.AuditEntry.plan_id == ledger["plan"]) >= 1  # history kept
    assert not [f for f in _checks(database) if f.fault]


def test_empty_recycle_bin(database: Database, ledger: dict[str, int]) -> None:
    with database.unit_of_work() as session:
        second = create_plan(session, PlanInput("第二个方案"))
        kept = create_task(session, second.id, TaskInput(title="保留的任务"))
        gone = create_task(session, second.id, TaskInput(title="删掉的任务"))
        kept_id, gone_id = kept.id, gone.id
    with database.unit_of_work() as session:
        delete_task(session, ledger["child"])  # a sub-task alone, then its parent, then the plan
        delete_task(session, ledger["parent"])
        delete_plan(session, ledger["plan"])
        delete_task(session, gone_id)
    with database.reading() as session:
        assert len(recycle_bin(session)) in (
            3,
            4,
        )  # the sub-task is its own entry unless deleted in the same second
    with database.unit_of_work() as session:
        result = empty_recycle_bin(session, actor="李主任")
    assert (result.plans, result.tasks) == (1, 4)
    with database.reading() as session:
        assert recycle_bin(session) == []
        assert list(session.scalars(select(m.Task.id))) == [kept_id]
        assert session.get(m.Blob, _sha(b"%PDF shared " * 1000)) is None
        purges = [r for r in load_history(session) if r.summary.startswith("彻底删除")]
        assert len(purges) == 2 and all(r.actor == "李主任" for r in purges)
    with database.unit_of_work() as session:
        assert empty_recycle_bin(session).tasks == 0  # nothing left: nothing done


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()
