"""One task's detail as printed: content, units with roles, indicators and their targets."""

from __future__ import annotations

from dataclasses import dataclass, field

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
    )
