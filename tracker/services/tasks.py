"""Editing tasks by hand (交办事项): add, edit, move, delete to the recycle bin, restore.

Deleting is soft: the task and its live sub-tasks get the same `deleted_at`, so restoring
brings back exactly what one deletion removed. Every change is recorded in the history.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput
from tracker.services import audit
from tracker.services.plans_edit import PlanInput, create_plan
from tracker.services.units import UnitResolver


@dataclass
class TaskInput:
    """What the officer types for a task; units in order as (name, role)."""

    title: str
    code: str = ""
    content: str = ""
    kind: str = "task"
    deadline: date | None = None
    deadline_text: str | None = None
    recurring: bool = False
    units: list[tuple[str, str]] = field(default_factory=list)
    remarks: str | None = None
    leader: str | None = None  # 责任领导
    is_key: bool = False  # 重点事项
    origin_kind: str | None = None  # None: from the plan's document; meeting / instruction
    origin_leader: str | None = None  # 批示领导
    origin_text: str | None = None  # 批示内容 / 会议要求
    assigned_on: date | None = None  # 交办日期


FIELD_LABELS = {
    "code": "序号",
    "title": "任务名称",
    "content": "工作内容",
    "kind": "类型",
    "deadline": "完成时限",
    "deadline_text": "时限说明",
    "recurring": "每年",
    "units": "责任单位",
    "remarks": "备注",
    "leader": "责任领导",
    "is_key": "重点",
    "origin_kind": "交办来源",
    "origin_leader": "批示领导",
    "origin_text": "批示内容",
    "assigned_on": "交办日期",
}
ORIGIN_LABELS = {
    "document": "文件部署",
    "meeting": "会议议定",
    "instruction": "领导批示",
    "other": "其他交办",
}
ASSIGNMENT_SOURCE = "交办事项"  # the `source` of the yearly plan that holds hand-made 交办事项


def _label(task: m.Task) -> str:
    return f"{task.code} {task.title[:30]}".strip()


def _validate(data: TaskInput) -> None:
    if not data.title.strip():
        raise BadInput("任务名称不能为空")
    if data.kind not in m.TASK_KINDS:
        raise BadInput(f"任务类型“{data.kind}”无效")
    seen: set[str] = set()
    for name, role in data.units:
        if not name.strip():
            raise BadInput("责任单位名称不能为空")
        if role not in m.UNIT_ROLES:
            raise BadInput(f"单位角色“{role}”无效")
        if name.strip() in seen:
            raise BadInput(f"责任单位“{name}”重复")
        seen.add(name.strip())
    if data.origin_kind is not None and data.origin_kind not in m.ORIGIN_KINDS:
        raise BadInput(f"交办来源“{data.origin_kind}”无效")
    if data.origin_kind == "instruction" and not (data.origin_leader or "").strip():
        raise BadInput("领导批示事项须填写批示领导")
    if data.origin_kind in ("instruction", "meeting") and not (data.origin_text or "").strip():
        raise BadInput("领导批示或会议议定事项须填写批示内容或会议要求")
    if len((data.leader or "").strip()) > 100 or len((data.origin_leader or "").strip()) > 100:
        raise BadInput("责任领导、批示领导不超过 100 个字")


def _snapshot(task: m.Task) -> dict[str, object]:
    return {
        "code": task.code,
        "title": task.title,
        "content": task.content,
        "kind": task.kind,
        "deadline": task.deadline.isoformat() if task.deadline else None,
        "deadline_text": task.deadline_text,
        "recurring": task.recurring,
        "units": [[link.printed_name, link.role] for link in task.unit_links],
        "remarks": task.remarks,
        "leader": task.leader,
        "is_key": bool(task.is_key),
        "origin_kind": task.origin_kind,
        "origin_leader": task.origin_leader,
        "origin_text": task.origin_text,
        "assigned_on": task.assigned_on.isoformat() if task.assigned_on else None,
    }


def _set_units(session: Session, task: m.Task, units: list[tuple[str, str]]) -> None:
    resolver = UnitResolver(session)
    task.unit_links.clear()
    session.flush()
    for position, (name, role) in enumerate(units):
        unit = resolver.resolve(name)
        task.unit_links.append(m.TaskUnit(unit=unit, position=position, role=role, printed_name=name.strip()))


def _apply(task: m.Task, data: TaskInput) -> None:
    task.code = data.code.strip()
    task.title = data.title.strip()
    task.content = data.content.strip()
    task.kind = data.kind
    task.deadline = data.deadline
    task.deadline_text = (data.deadline_text or "").strip() or None
    task.recurring = "yearly" if data.recurring else None
    task.remarks = (data.remarks or "").strip() or None
    task.leader = (data.leader or "").strip() or None
    task.is_key = data.is_key
    task.origin_kind = data.origin_kind
    task.origin_leader = (data.origin_leader or "").strip() or None
    task.origin_text = (data.origin_text or "").strip() or None
    task.assigned_on = data.assigned_on


def input_of(task: m.Task) -> TaskInput:
    """A task's current fields as the edit dialog starts from them."""
    return TaskInput(
        title=task.title,
        code=task.code,
        content=task.content,
        kind=task.kind,
        deadline=task.deadline,
        deadline_text=task.deadline_text,
        recurring=task.recurring == "yearly",
        units=[(link.printed_name, link.role) for link in task.unit_links],
        remarks=task.remarks,
        leader=task.leader,
        is_key=bool(task.is_key),
        origin_kind=task.origin_kind,
        origin_leader=task.origin_leader,
        origin_text=task.origin_text,
        assigned_on=task.assigned_on,
    )


def live_plan(session: Session, plan_id: int) -> m.Plan:
    plan = session.get(m.Plan, plan_id)
    if plan is None or plan.deleted_at is not None:
        raise BadInput(f"方案（编号 {plan_id}）不存在或已删除")
    return plan


def _live_task(session: Session, task_id: int) -> m.Task:
    task = session.get(m.Task, task_id)
    if task is None or task.deleted_at is not None:
        raise BadInput(f"任务（编号 {task_id}）不存在或已删除")
    return task


def _next_position(session: Session, plan_id: int, parent_id: int | None) -> int:
    query = select(func.max(m.Task.position)).where(m.Task.plan_id == plan_id)
    query = query.where(m.Task.parent_id.is_(None) if parent_id is None else m.Task.parent_id == parent_id)
    return int(session.scalar(query) or 0) + 1


def create_task(
    session: Session,
    plan_id: int,
    data: TaskInput,
    *,
    parent_id: int | None = None,
    actor: str | None = None,
) -> m.Task:
    """Add a task (a 交办事项) to a plan, at the end of its siblings."""
    _validate(data)
    plan = live_plan(session, plan_id)
    if parent_id is not None:
        parent = _live_task(session, parent_id)
        if parent.plan_id != plan.id:
            raise BadInput("上级任务不在所选方案中")
    task = m.Task(plan=plan, parent_id=parent_id, position=_next_position(session, plan.id, parent_id))
    _apply(task, data)
    session.add(task)
    _set_units(session, task, data.units)
    session.flush()
    audit.record(
        session,
        action="create",
        entity="task",
        entity_id=task.id,
        plan_id=plan.id,
        task_id=task.id,
        summary=f"新增任务“{_label(task)}”",
        after=_snapshot(task),
        actor=actor,
    )
    return task


def edit_task(session: Session, task_id: int, data: TaskInput, *, actor: str | None = None) -> m.Task:
    """Change a task's printed fields and units; the history keeps before and after."""
    _validate(data)
    task = _live_task(session, task_id)
    before = _snapshot(task)
    _apply(task, data)
    _set_units(session, task, data.units)
    session.flush()
    after = _snapshot(task)
    if after == before:
        return task
    changed = [key for key in after if after[key] != before[key]]
    audit.record(
        session,
        action="update",
        entity="task",
        entity_id=task.id,
        plan_id=task.plan_id,
        task_id=task.id,
        summary=f"修改任务“{_label(task)}”：{'、'.join(FIELD_LABELS.get(k, k) for k in changed)}",
        before={k: before[k] for k in changed},
        after={k: after[k] for k in changed},
        actor=actor,
    )
    return task


def _descendants(session: Session, task_id: int, deleted_at: datetime | None = None) -> list[m.Task]:
    """The task's sub-tasks at any depth that are live (or deleted at `deleted_at`)."""
    found: list[m.Task] = []
    frontier = [task_id]
    while frontier:
        query = select(m.Task).where(m.Task.parent_id.in_(frontier))
        query = query.where(
            m.Task.deleted_at.is_(None) if deleted_at is None else m.Task.deleted_at == deleted_at
        )
        children = list(session.scalars(query))
        found += children
        frontier = [c.id for c in children]
    return found


def move_task(
    session: Session,
    task_id: int,
    *,
    plan_id: int,
    parent_id: int | None = None,
    actor: str | None = None,
) -> m.Task:
    """Put a task (with its sub-tasks and indicators) under another parent or plan, last."""
    task = _live_task(session, task_id)
    plan = live_plan(session, plan_id)
    subtree = _descendants(session, task.id)
    if parent_id is not None:
        parent = _live_task(session, parent_id)
        if parent.id == task.id or parent.id in {t.id for t in subtree}:
            raise BadInput("不能把任务移到它自己或它的下级任务之下")
        if parent.plan_id != plan.id:
            raise BadInput("上级任务不在所选方案中")
    before = {"plan_id": task.plan_id, "parent_id": task.parent_id, "position": task.position}
    old_plan = task.plan_id
    task.position = _next_position(session, plan.id, parent_id)
    task.parent_id = parent_id
    task.plan_id = plan.id
    for child in subtree:
        child.plan_id = plan.id
    ids = [task.id, *(t.id for t in subtree)]
    session.execute(update(m.Metric).where(m.Metric.task_id.in_(ids)).values(plan_id=plan.id))
    session.flush()
    where = plan.short_title or plan.title
    audit.record(
        session,
        action="move",
        entity="task",
        entity_id=task.id,
        plan_id=plan.id,
        task_id=task.id,
        summary=f"移动任务“{_label(task)}”到“{where}”" + ("" if old_plan == plan.id else "（跨方案）"),
        before=before,
        after={"plan_id": plan.id, "parent_id": parent_id, "position": task.position},
        actor=actor,
    )
    return task


def delete_task(session: Session, task_id: int, *, actor: str | None = None) -> m.Task:
    """Move a task and its live sub-tasks to the recycle bin (回收站)."""
    task = _live_task(session, task_id)
    now = m.utcnow()
    subtree = _descendants(session, task.id)
    for item in (task, *subtree):
        item.deleted_at = now
    audit.record(
        session,
        action="delete",
        entity="task",
        entity_id=task.id,
        plan_id=task.plan_id,
        task_id=task.id,
        summary=f"删除任务“{_label(task)}”"
        + (f"（含 {len(subtree)} 项下级任务）" if subtree else "")
        + "，可从回收站恢复",
        before={"deleted_at": None},
        after={"deleted_at": now.isoformat(), "subtasks": [t.id for t in subtree]},
        actor=actor,
    )
    return task


def restore_task(session: Session, task_id: int, *, actor: str | None = None) -> m.Task:
    """Bring a deleted task back, with the sub-tasks deleted together with it."""
    task = session.get(m.Task, task_id)
    if task is None or task.deleted_at is None:
        raise BadInput(f"任务（编号 {task_id}）不在回收站中")
    if task.plan.deleted_at is not None:
        raise BadInput(f"任务所属方案“{task.plan.title[:30]}”已删除，请先恢复方案")
    if task.parent is not None and task.parent.deleted_at is not None:
        raise BadInput(f"上级任务“{_label(task.parent)}”已删除，请先恢复上级任务")
    when = task.deleted_at
    subtree = _descendants(session, task.id, deleted_at=when)
    for item in (task, *subtree):
        item.deleted_at = None
    audit.record(
        session,
        action="restore",
        entity="task",
        entity_id=task.id,
        plan_id=task.plan_id,
        task_id=task.id,
        summary=f"从回收站恢复任务“{_label(task)}”",
        before={"deleted_at": when.isoformat()},
        after={"deleted_at": None},
        actor=actor,
    )
    return task


@dataclass(frozen=True)
class DeletedItem:
    """One entry of the recycle bin (回收站): a deleted plan, or a deleted task's top."""

    kind: str  # "plan" or "task"
    id: int
    label: str
    plan_label: str
    deleted_at: datetime
    subtasks: int = 0

    @property
    def kind_label(self) -> str:
        return "方案" if self.kind == "plan" else "任务"


def recycle_bin(session: Session) -> list[DeletedItem]:
    """Deleted plans and tasks, newest first; sub-tasks deleted with a parent are not listed."""
    items: list[DeletedItem] = []
    for plan in session.scalars(select(m.Plan).where(m.Plan.deleted_at.is_not(None))):
        assert plan.deleted_at is not None
        count = session.scalar(select(func.count()).select_from(m.Task).where(m.Task.plan_id == plan.id))
        items.append(DeletedItem("plan", plan.id, plan.title, "", plan.deleted_at, int(count or 0)))
    deleted = list(session.scalars(select(m.Task).where(m.Task.deleted_at.is_not(None))))
    when = {t.id: t.deleted_at for t in deleted}
    for task in deleted:
        if task.parent_id is not None and when.get(task.parent_id) == task.deleted_at:
            continue
        assert task.deleted_at is not None
        subtasks = len(_descendants(session, task.id, deleted_at=task.deleted_at))
        plan = task.plan
        items.append(
            DeletedItem(
                "task", task.id, _label(task), plan.short_title or plan.title, task.deleted_at, subtasks
            )
        )
    items.sort(key=lambda item: item.deleted_at, reverse=True)
    return items


def assignment_plan(session: Session, year: int, *, actor: str | None = None) -> m.Plan:
    """The year's 交办事项 plan, made on first use, so hand-made items live outside any document."""
    plan = session.scalar(
        select(m.Plan).where(
            m.Plan.source == ASSIGNMENT_SOURCE,
            m.Plan.period_start == year,
            m.Plan.deleted_at.is_(None),
        )
    )
    if plan is not None:
        return plan
    title = f"{year}年交办事项"
    plan = create_plan(
        session, PlanInput(title=title, short_title=title, period_start=year, period_end=year), actor=actor
    )
    plan.source = ASSIGNMENT_SOURCE  # how the year's 交办 plan is found again
    return plan


def create_assignment(session: Session, data: TaskInput, *, actor: str | None = None) -> m.Task:
    """A 交办事项 made by hand: filed in the 交办事项 plan of its 交办日期's year (today's by default)."""
    day = data.assigned_on or date.today()
    if data.origin_kind is None:
        data.origin_kind = "instruction" if (data.origin_leader or "").strip() else "meeting"
    data.assigned_on = day
    plan = assignment_plan(session, day.year, actor=actor)
    if not data.code.strip():
        data.code = str(_next_position(session, plan.id, None))
    return create_task(session, plan.id, data, actor=actor)
