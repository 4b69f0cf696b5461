"""Editing plans (方案) by hand: add, edit, reorder, delete to the recycle bin, restore."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput
from tracker.services import audit


@dataclass
class PlanInput:
    title: str
    short_title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    issued_on: date | None = None
    period_start: int | None = None
    period_end: int | None = None
    notes: str | None = None


def _clean(value: str | None) -> str | None:
    return (value or "").strip() or None


def _validate(data: PlanInput) -> None:
    if not data.title.strip():
        raise BadInput("方案名称不能为空")
    if data.period_start is not None and data.period_end is not None and data.period_start > data.period_end:
        raise BadInput(f"规划期起始年 {data.period_start} 晚于结束年 {data.period_end}")


def _snapshot(plan: m.Plan) -> dict[str, object]:
    return {
        "title": plan.title,
        "short_title": plan.short_title,
        "doc_number": plan.doc_number,
        "issuer": plan.issuer,
        "issued_on": plan.issued_on.isoformat() if plan.issued_on else None,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "notes": plan.notes,
    }


def _apply(plan: m.Plan, data: PlanInput) -> None:
    plan.title = data.title.strip()
    plan.short_title = _clean(data.short_title)
    plan.doc_number = _clean(data.doc_number)
    plan.issuer = _clean(data.issuer)
    plan.issued_on = data.issued_on
    plan.period_start = data.period_start
    plan.period_end = data.period_end
    plan.notes = _clean(data.notes)


def _live(session: Session, plan_id: int) -> m.Plan:
    plan = session.get(m.Plan, plan_id)
    if plan is None or plan.deleted_at is not None:
        raise BadInput(f"方案（编号 {plan_id}）不存在或已删除")
    return plan


def create_plan(session: Session, data: PlanInput, *, actor: str | None = None) -> m.Plan:
    """A new plan (e.g. 领导交办事项) at the end of the list."""
    _validate(data)
    position = int(session.scalar(select(func.max(m.Plan.position))) or 0) + 1
    plan = m.Plan(position=position)
    _apply(plan, data)
    session.add(plan)
    session.flush()
    audit.record(
        session,
        action="create",
        entity="plan",
        entity_id=plan.id,
        plan_id=plan.id,
        summary=f"新增方案“{plan.title}”",
        after=_snapshot(plan),
        actor=actor,
    )
    return plan


def edit_plan(session: Session, plan_id: int, data: PlanInput, *, actor: str | None = None) -> m.Plan:
    _validate(data)
    plan = _live(session, plan_id)
    before = _snapshot(plan)
    _apply(plan, data)
    after = _snapshot(plan)
    changed = [key for key in after if after[key] != before[key]]
    if changed:
        session.flush()
        audit.record(
            session,
            action="update",
            entity="plan",
            entity_id=plan.id,
            plan_id=plan.id,
            summary=f"修改方案“{plan.title}”：{'、'.join(changed)}",
            before={k: before[k] for k in changed},
            after={k: after[k] for k in changed},
            actor=actor,
        )
    return plan


def move_plan(session: Session, plan_id: int, steps: int, *, actor: str | None = None) -> m.Plan:
    """Move a plan up (steps < 0) or down in the list."""
    plan = _live(session, plan_id)
    plans = list(
        session.scalars(
            select(m.Plan).where(m.Plan.deleted_at.is_(None)).order_by(m.Plan.position, m.Plan.id)
        )
    )
    index = plans.index(plan)
    target = max(0, min(len(plans) - 1, index + steps))
    if target == index:
        return plan
    plans.insert(target, plans.pop(index))
    for position, item in enumerate(plans):
        if item.position != position:
            item.position = position
    audit.record(
        session,
        action="move",
        entity="plan",
        entity_id=plan.id,
        plan_id=plan.id,
        summary=f"调整方案“{plan.title}”的顺序：第 {index + 1} → 第 {target + 1} 位",
        actor=actor,
    )
    return plan


def delete_plan(session: Session, plan_id: int, *, actor: str | None = None) -> m.Plan:
    """Move a plan (and with it all its tasks) to the recycle bin."""
    plan = _live(session, plan_id)
    plan.deleted_at = m.utcnow()
    audit.record(
        session,
        action="delete",
        entity="plan",
        entity_id=plan.id,
        plan_id=plan.id,
        summary=f"删除方案“{plan.title}”，可从回收站恢复",
        after={"deleted_at": plan.deleted_at.isoformat()},
        actor=actor,
    )
    return plan


def restore_plan(session: Session, plan_id: int, *, actor: str | None = None) -> m.Plan:
    plan = session.get(m.Plan, plan_id)
    if plan is None or plan.deleted_at is None:
        raise BadInput(f"方案（编号 {plan_id}）不在回收站中")
    when = plan.deleted_at
    plan.deleted_at = None
    audit.record(
        session,
        action="restore",
        entity="plan",
        entity_id=plan.id,
        plan_id=plan.id,
        summary=f"从回收站恢复方案“{plan.title}”",
        before={"deleted_at": when.isoformat()},
        actor=actor,
    )
    return plan
