"""延期: granting a task a later deadline without losing the one it was given.

The task's own `deadline` stays the original (按原定时限考核 is the common rule); each grant
is a row with reason, approver and date. Which deadline the lights and 考核 follow is a
ledger setting, read by `effective_deadline`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput
from tracker.services import audit
from tracker.services.settings import get_setting, set_setting

DEADLINE_BASIS = "deadline_basis"
BASES = {"original": "按原定时限考核", "extended": "按延期后时限考核"}


@dataclass(frozen=True)
class ExtensionView:
    id: int
    original: date | None
    new_deadline: date
    reason: str
    approver: str
    granted_on: date
    revoked: bool


def deadline_basis(session: Session) -> str:
    """'original' (default) or 'extended'."""
    value = str(get_setting(session, DEADLINE_BASIS, "original"))
    return value if value in BASES else "original"


def set_deadline_basis(session: Session, basis: str) -> None:
    if basis not in BASES:
        raise BadInput(f"时限依据“{basis}”无效，可选：{'、'.join(BASES.values())}")
    set_setting(session, DEADLINE_BASIS, basis)


def current_extension(session: Session, task_id: int) -> m.DeadlineExtension | None:
    """The newest grant still in force."""
    return session.scalar(
        select(m.DeadlineExtension)
        .where(m.DeadlineExtension.task_id == task_id, m.DeadlineExtension.revoked_at.is_(None))
        .order_by(m.DeadlineExtension.id.desc())
        .limit(1)
    )


def extended_deadlines(
    session: Session, task_ids: list[int] | None = None, as_of: date | None = None
) -> dict[int, date]:
    """Each extended task's deadline in force (newest unrevoked grant, granted by `as_of`)."""
    query = select(m.DeadlineExtension.task_id, m.DeadlineExtension.new_deadline).where(
        m.DeadlineExtension.revoked_at.is_(None)
    )
    if as_of is not None:
        query = query.where(m.DeadlineExtension.granted_on <= as_of)
    if task_ids is not None:
        query = query.where(m.DeadlineExtension.task_id.in_(task_ids))
    out: dict[int, date] = {}
    for task_id, new in session.execute(query.order_by(m.DeadlineExtension.id)):
        out[task_id] = new  # later grants overwrite earlier ones
    return out


def effective_deadline(original: date | None, extended: date | None, basis: str) -> date | None:
    """The deadline lights and 考核 use: the extension only when the setting says so."""
    return extended if basis == "extended" and extended is not None else original


def grant_extension(
    session: Session,
    task_id: int,
    new_deadline: date,
    reason: str,
    approver: str,
    granted_on: date | None = None,
    *,
    actor: str | None = None,
) -> m.DeadlineExtension:
    """Record a granted 延期; the new deadline must be later than the one in force."""
    task = session.get(m.Task, task_id)
    if task is None or task.deleted_at is not None:
        raise BadInput(f"任务（编号 {task_id}）不存在或已删除")
    if not reason.strip():
        raise BadInput("延期须填写理由")
    if not approver.strip():
        raise BadInput("延期须填写批准人")
    if task.closed_at is not None:
        raise BadInput(f"任务“{task.code} {task.title[:20]}”已销号，不能延期")
    in_force = current_extension(session, task.id)
    before = in_force.new_deadline if in_force is not None else task.deadline
    if before is not None and new_deadline <= before:
        raise BadInput(f"延期后的时限 {new_deadline.isoformat()} 应晚于现行时限 {before.isoformat()}")
    granted = granted_on or date.today()
    row = m.DeadlineExtension(
        task=task,
        original_deadline=task.deadline,
        new_deadline=new_deadline,
        reason=reason.strip(),
        approver=approver.strip(),
        granted_on=granted,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        action="extend",
        entity="task",
        entity_id=task.id,
        plan_id=task.plan_id,
        task_id=task.id,
        summary=(
            f"延期：{before.isoformat() if before else '未明确'} → {new_deadline.isoformat()}"
            f"（{row.approver}批准，{row.reason}）"
        ),
        before={"deadline": before.isoformat() if before else None},
        after={
            "extension_id": row.id,
            "new_deadline": new_deadline.isoformat(),
            "reason": row.reason,
            "approver": row.approver,
            "granted_on": granted.isoformat(),
        },
        actor=actor,
    )
    return row


def revoke_extension(session: Session, extension_id: int, *, actor: str | None = None) -> m.DeadlineExtension:
    """Withdraw a grant recorded by mistake; it stays in the history."""
    row = session.get(m.DeadlineExtension, extension_id)
    if row is None or row.revoked_at is not None:
        raise BadInput(f"延期记录（编号 {extension_id}）不存在或已撤销")
    row.revoked_at = m.utcnow()
    task = row.task
    audit.record(
        session,
        action="unextend",
        entity="task",
        entity_id=task.id,
        plan_id=task.plan_id,
        task_id=task.id,
        summary=f"撤销延期：{row.new_deadline.isoformat()}",
        before={"extension_id": row.id, "new_deadline": row.new_deadline.isoformat()},
        actor=actor,
    )
    return row


def extensions_of(session: Session, task_id: int) -> list[ExtensionView]:
    rows = session.scalars(
        select(m.DeadlineExtension)
        .where(m.DeadlineExtension.task_id == task_id)
        .order_by(m.DeadlineExtension.id)
    )
    return [
        ExtensionView(
            r.id,
            r.original_deadline,
            r.new_deadline,
            r.reason,
            r.approver,
            r.granted_on,
            r.revoked_at is not None,
        )
        for r in rows
    ]
