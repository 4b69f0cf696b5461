"""彻底删除 (purge): take a recycle-bin item out of the ledger for good.

Deleting to the recycle bin only sets `deleted_at`; purging is the one way a plan or a
task leaves the database, with everything hanging on it: sub-tasks, unit links,
indicators with their targets and actuals, progress updates and evidence records.
Evidence content (a blob, shared by every record with the same SHA-256) goes only when
no remaining evidence record uses it.

Rows are deleted children first by explicit statements instead of trusting
`ON DELETE CASCADE`, so the purge means the same on SQLite and PostgreSQL whether or not
the database enforces foreign keys. Each purge runs inside the caller's unit of work and
writes one audit entry naming what went, by whom and when; the audit table has no
foreign keys, so the entry outlives the rows. Earlier entries about the purged rows keep
their `task_id` / `plan_id`: ids are never handed out again (AUTOINCREMENT on SQLite,
sequences on PostgreSQL), so a new task never inherits a stranger's history, and the 留痕
table is append-only (on a team ledger, for everyone but its owner).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, delete, exists, func, select, update
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput
from tracker.services import audit
from tracker.services.tasks import DeletedItem, recycle_bin


@dataclass(frozen=True)
class PurgeResult:
    """What one purge removed; `bytes_freed` counts evidence content no longer stored."""

    plans: int = 0
    tasks: int = 0
    evidence: int = 0
    blobs: int = 0
    bytes_freed: int = 0

    def __add__(self, other: PurgeResult) -> PurgeResult:
        return PurgeResult(
            self.plans + other.plans,
            self.tasks + other.tasks,
            self.evidence + other.evidence,
            self.blobs + other.blobs,
            self.bytes_freed + other.bytes_freed,
        )


def _label(task: m.Task) -> str:
    return f"{task.code} {task.title[:30]}".strip()


def _subtree_ids(session: Session, task_id: int) -> list[int]:
    """The task and its sub-tasks at any depth, whatever their `deleted_at`."""
    found = [task_id]
    frontier = [task_id]
    while frontier:
        frontier = list(session.scalars(select(m.Task.id).where(m.Task.parent_id.in_(frontier))))
        found += frontier
    return found


def _delete_blobs(session: Session, hashes: set[str]) -> tuple[int, int]:
    """Delete the contents no evidence record uses any more; (count, bytes) freed."""
    count = freed = 0
    for sha in sorted(hashes):
        if session.scalar(select(exists().where(m.Evidence.sha256 == sha))):
            continue
        size = session.scalar(select(m.Blob.size).where(m.Blob.sha256 == sha))
        session.execute(delete(m.BlobChunk).where(m.BlobChunk.sha256 == sha))
        session.execute(delete(m.Blob).where(m.Blob.sha256 == sha))
        count += 1
        freed += int(size or 0)
    return count, freed


def _delete_rows(session: Session, tasks: ColumnElement[bool], metrics: ColumnElement[bool]) -> PurgeResult:
    """Delete the tasks matching `tasks` and all that hangs on them, children first."""
    task_ids = select(m.Task.id).where(tasks).scalar_subquery()
    metric_ids = select(m.Metric.id).where(metrics).scalar_subquery()
    update_ids = select(m.Update.id).where(m.Update.task_id.in_(task_ids)).scalar_subquery()
    hashes = set(session.scalars(select(m.Evidence.sha256).where(m.Evidence.task_id.in_(task_ids))))
    evidence = session.scalar(select(func.count(m.Evidence.id)).where(m.Evidence.task_id.in_(task_ids)))
    count = session.scalar(select(func.count(m.Task.id)).where(tasks))
    # Rows elsewhere pointing at these updates keep living, unlinked (as ON DELETE SET NULL).
    for table in (m.Actual, m.Evidence):
        session.execute(update(table).where(table.update_id.in_(update_ids)).values(update_id=None))
    session.execute(delete(m.Evidence).where(m.Evidence.task_id.in_(task_ids)))
    for child in (m.Actual, m.Target, m.MetricHistory):
        session.execute(delete(child).where(child.metric_id.in_(metric_ids)))
    session.execute(delete(m.Metric).where(metrics))
    session.execute(delete(m.Update).where(m.Update.task_id.in_(task_ids)))
    session.execute(delete(m.TaskUnit).where(m.TaskUnit.task_id.in_(task_ids)))
    session.execute(delete(m.Task).where(tasks))
    blobs, freed = _delete_blobs(session, hashes)
    return PurgeResult(0, int(count or 0), int(evidence or 0), blobs, freed)


def _history_of(session: Session, column: Any, ids: list[int]) -> list[int]:
    """The earlier audit entries about purged ids, named in the purge's own entry."""
    return list(session.scalars(select(m.AuditEntry.id).where(column.in_(ids)).order_by(m.AuditEntry.id)))


def _counts(result: PurgeResult) -> str:
    parts = [f"{result.tasks - 1} 项下级任务"] if result.tasks > 1 else []
    if result.evidence:
        parts.append(f"{result.evidence} 份佐证材料")
    return f"（含 {'、'.join(parts)}）" if parts else ""


def purge_task(session: Session, task_id: int, *, actor: str | None = None) -> PurgeResult:
    """彻底删除 a task in the recycle bin, with its sub-tasks and everything on them."""
    task = session.get(m.Task, task_id)
    if task is None or task.deleted_at is None:
        raise BadInput(f"任务（编号 {task_id}）不在回收站中，不能彻底删除；请先删除到回收站")
    ids = _subtree_ids(session, task.id)
    live = session.scalar(
        select(func.count(m.Task.id)).where(m.Task.id.in_(ids), m.Task.deleted_at.is_(None))
    )
    if live:
        raise BadInput(f"任务“{_label(task)}”下还有 {live} 项未删除的下级任务，不能彻底删除")
    label, plan_id = _label(task), task.plan_id
    before = {
        "code": task.code,
        "title": task.title,
        "deleted_at": task.deleted_at.isoformat(),
        "task_ids": ids,
    }
    session.expunge(task)
    result = _delete_rows(session, m.Task.id.in_(ids), m.Metric.task_id.in_(ids))
    detached = _history_of(session, m.AuditEntry.task_id, ids)
    audit.record(
        session,
        action="purge",
        entity="task",
        entity_id=task_id,
        plan_id=plan_id,
        summary=f"彻底删除任务“{label}”{_counts(result)}，不可恢复",
        before=before,
        after={"purged": True, **_result_dict(result), "audit_entries": detached},
        actor=actor,
    )
    return result


def purge_plan(session: Session, plan_id: int, *, actor: str | None = None) -> PurgeResult:
    """彻底删除 a plan in the recycle bin, with all its tasks and indicators."""
    plan = session.get(m.Plan, plan_id)
    if plan is None or plan.deleted_at is None:
        raise BadInput(f"方案（编号 {plan_id}）不在回收站中，不能彻底删除；请先删除到回收站")
    before = {
        "title": plan.title,
        "short_title": plan.short_title,
        "doc_number": plan.doc_number,
        "deleted_at": plan.deleted_at.isoformat(),
    }
    title = plan.title
    session.expunge(plan)
    tasks = m.Task.plan_id == plan_id
    metrics = (m.Metric.plan_id == plan_id) | m.Metric.task_id.in_(select(m.Task.id).where(tasks))
    task_ids = list(session.scalars(select(m.Task.id).where(tasks)))
    result = _delete_rows(session, tasks, metrics)
    session.execute(delete(m.Plan).where(m.Plan.id == plan_id))
    detached = sorted(
        {
            *_history_of(session, m.AuditEntry.task_id, task_ids),
            *_history_of(session, m.AuditEntry.plan_id, [plan_id]),
        }
    )
    result = result + PurgeResult(plans=1)
    audit.record(
        session,
        action="purge",
        entity="plan",
        entity_id=plan_id,
        summary=f"彻底删除方案“{title}”（含 {result.tasks} 项任务、{result.evidence} 份佐证材料），不可恢复",
        before={**before, "task_ids": task_ids},
        after={"purged": True, **_result_dict(result), "audit_entries": detached},
        actor=actor,
    )
    return result


def _result_dict(result: PurgeResult) -> dict[str, int]:
    return {
        "tasks": result.tasks,
        "evidence": result.evidence,
        "blobs": result.blobs,
        "bytes_freed": result.bytes_freed,
    }


def purge_item(session: Session, item: DeletedItem, *, actor: str | None = None) -> PurgeResult:
    """彻底删除 one entry of the recycle bin, as `recycle_bin` listed it."""
    if item.kind == "plan":
        return purge_plan(session, item.id, actor=actor)
    return purge_task(session, item.id, actor=actor)


def empty_recycle_bin(session: Session, *, actor: str | None = None) -> PurgeResult:
    """清空回收站: purge every entry; one audit entry each, all in the caller's transaction."""
    total = PurgeResult()
    items = recycle_bin(session)
    for item in sorted(items, key=lambda i: i.kind != "plan"):  # plans first: they take their tasks
        gone = item.kind == "task" and session.get(m.Task, item.id) is None
        if not gone:
            total = total + purge_item(session, item, actor=actor)
    return total
