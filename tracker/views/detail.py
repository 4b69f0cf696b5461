"""One task's detail as printed: content, units with roles, indicators and their targets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session, selectinload

from tracker.db import models as m

ROLE_LABELS = {"lead": "牵头", "support": "配合", "responsible": "责任"}
KIND_LABELS = {"task": "任务", "platform": "平台", "project": "项目"}


@dataclass
class MetricView:
    name: str
    unit: str | None
    source: str | None
    baseline: str | None
    targets: list[tuple[int, str]]  # (year, words as printed)


@dataclass
class TaskDetail:
    id: int
    plan_title: str
    code: str
    title: str
    content: str
    kind: str
    deadline: str
    recurring: bool
    location: str | None
    investment: str | None
    source: str | None
    units_inferred: bool
    units: list[tuple[str, str]] = field(default_factory=list)  # (name, role label)
    metrics: list[MetricView] = field(default_factory=list)
    leader: str | None = None  # 责任领导
    is_key: bool = False  # 重点事项
    origin: str | None = None  # 交办来源 in words: “领导批示（王书记，2024年3月8日）：……”
    extensions: list[str] = field(default_factory=list)  # 延期 granted, in words, oldest first
    notices: str | None = None  # 催办次数 and the last notice, in words
    remarks: str = ""  # 备注


def _metric_view(metric: m.Metric) -> MetricView:
    baseline = None
    if metric.baseline_year is not None:
        shown = metric.baseline_text or f"{metric.baseline_value:g}"
        baseline = f"{metric.baseline_year}年 {shown}"
    return MetricView(
        metric.name,
        metric.unit,
        metric.source,
        baseline,
        [(t.year, t.text) for t in metric.targets],
    )


def _day(value: date | None) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else "未明确"


def _origin_words(task: m.Task) -> str | None:
    if task.origin_kind is None:
        return None
    label = {"document": "文件部署", "meeting": "会议议定", "instruction": "领导批示", "other": "其他交办"}
    who = "，".join(
        x for x in (task.origin_leader, _day(task.assigned_on) if task.assigned_on else None) if x
    )
    words = label.get(task.origin_kind, task.origin_kind) + (f"（{who}）" if who else "")
    return words + (f"：{task.origin_text}" if task.origin_text else "")


def _notice_words(session: Session, task_id: int) -> str | None:
    from tracker.services.notices import task_notices

    found = task_notices(session, [task_id]).get(task_id)
    if found is None:
        return None
    state = "待回复" if found.open else "已回复"
    return (
        f"共{found.count}次；最近一次{found.last_number}，{_day(found.last_issued_on)}，"
        f"{found.last_level.words}，{state}"
    )


def load_task_detail(session: Session, task_id: int) -> TaskDetail | None:
    task = session.get(
        m.Task,
        task_id,
        options=[
            selectinload(m.Task.unit_links),
            selectinload(m.Task.metrics).selectinload(m.Metric.targets),
        ],
    )
    if task is None:
        return None
    deadline = task.deadline_text or (task.deadline.isoformat() if task.deadline else "")
    investment = None
    if task.investment_value is not None:
        investment = f"{task.investment_value:g} {task.investment_unit or ''}".strip()
    return TaskDetail(
        id=task.id,
        plan_title=task.plan.title,
        code=task.code,
        title=task.title,
        content=task.content,
        kind=KIND_LABELS.get(task.kind, task.kind),
        deadline=deadline,
        recurring=task.recurring == "yearly",
        location=task.location,
        investment=investment,
        source=task.source,
        units_inferred=task.units_inferred,
        units=[(link.printed_name, ROLE_LABELS[link.role]) for link in task.unit_links],
        metrics=[_metric_view(x) for x in task.metrics],
        leader=task.leader,
        is_key=bool(task.is_key),
        origin=_origin_words(task),
        extensions=[
            f"{_day(e.original_deadline)} 延至 {_day(e.new_deadline)}（{e.approver}批准，{_day(e.granted_on)}；{e.reason}）"
            for e in task.extensions
            if e.revoked_at is None
        ],
        notices=_notice_words(session, task.id),
        remarks=task.remarks or "",
    )
