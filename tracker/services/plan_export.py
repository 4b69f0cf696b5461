"""Read plans back out of the ledger as plan-file documents (the JSON export's PLAN).

Everything is loaded with a few set-based queries and assembled in memory, so exporting
a ledger of tens of thousands of tasks stays linear.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db import models as m


def number(value: float | None) -> int | float | None:
    """150.0 → 150, so exported numbers read as the document printed them."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def iso(value: datetime | None) -> str | None:
    return value.isoformat() + "Z" if value is not None else None


def _by(rows: Iterable[Any], attr: str) -> dict[Any, list[Any]]:
    out: dict[Any, list[Any]] = defaultdict(list)
    for row in rows:
        out[getattr(row, attr)].append(row)
    return out


class _Loaded:
    """All rows of the chosen plans, grouped by owner."""

    def __init__(self, session: Session, plan_ids: list[int]) -> None:
        tasks = session.scalars(
            select(m.Task)
            .where(m.Task.plan_id.in_(plan_ids), m.Task.deleted_at.is_(None))
            .order_by(m.Task.position, m.Task.id)
        ).all()
        self.tasks_by_parent = _by(tasks, "parent_id")
        self.top_tasks = defaultdict(list)
        for task in self.tasks_by_parent.get(None, []):
            self.top_tasks[task.plan_id].append(task)
        links = session.execute(
            select(m.TaskUnit.task_id, m.TaskUnit.printed_name, m.TaskUnit.role)
            .join(m.Task)
            .where(m.Task.plan_id.in_(plan_ids))
            .order_by(m.TaskUnit.task_id, m.TaskUnit.position)
        ).all()
        self.links = _by(links, "task_id")
        metrics = session.scalars(
            select(m.Metric).where(m.Metric.plan_id.in_(plan_ids)).order_by(m.Metric.position, m.Metric.id)
        ).all()
        self.plan_metrics = defaultdict(list)
        self.task_metrics = defaultdict(list)
        for metric in metrics:
            if metric.task_id is None:
                self.plan_metrics[metric.plan_id].append(metric)
            else:
                self.task_metrics[metric.task_id].append(metric)
        metric_ids = [x.id for x in metrics]
        self.targets = _by(
            session.scalars(
                select(m.Target).where(m.Target.metric_id.in_(metric_ids)).order_by(m.Target.year)
            ),
            "metric_id",
        )
        self.history = _by(
            session.scalars(
                select(m.MetricHistory)
                .where(m.MetricHistory.metric_id.in_(metric_ids))
                .order_by(m.MetricHistory.year)
            ),
            "metric_id",
        )
        self.actuals = _by(
            session.scalars(
                select(m.Actual).where(m.Actual.metric_id.in_(metric_ids)).order_by(m.Actual.period)
            ),
            "metric_id",
        )
        self.updates = _by(
            session.scalars(
                select(m.Update)
                .join(m.Task)
                .where(m.Task.plan_id.in_(plan_ids))
                .order_by(m.Update.recorded_at, m.Update.id)
            ),
            "task_id",
        )
        self.extensions = _by(
            session.scalars(
                select(m.DeadlineExtension)
                .join(m.Task)
                .where(m.Task.plan_id.in_(plan_ids), m.DeadlineExtension.revoked_at.is_(None))
                .order_by(m.DeadlineExtension.id)
            ),
            "task_id",
        )
        self.evidence = _by(
            session.scalars(
                select(m.Evidence)
                .join(m.Task)
                .where(m.Task.plan_id.in_(plan_ids), m.Evidence.removed_at.is_(None))
                .order_by(m.Evidence.added_at, m.Evidence.id)
            ),
            "task_id",
        )


def _metric_doc(metric: m.Metric, data: _Loaded) -> dict[str, Any]:
    baseline = None
    if metric.baseline_year is not None and metric.baseline_value is not None:
        baseline = {
            "year": metric.baseline_year,
            "value": number(metric.baseline_value),
            "text": metric.baseline_text,
            "estimated": metric.baseline_estimated,
        }
    return {
        "name": metric.name,
        "uid": metric.uid,
        "key": metric.key,
        "unit": metric.unit,
        "category": metric.category,
        "source": metric.source,
        "note": metric.note,
        "baseline": baseline,
        "history": [
            {"year": h.year, "value": number(h.value), "text": h.text} for h in data.history[metric.id]
        ],
        "targets": [
            {
                "year": t.year,
                "value": number(t.value),
                "max": number(t.max),
                "comparator": t.comparator,
                "kind": t.kind,
                "recurring": t.recurring,
                "text": t.text,
            }
            for t in data.targets[metric.id]
        ],
        "actuals": [
            {"period": a.period, "value": number(a.value), "recorded_at": iso(a.recorded_at)}
            for a in data.actuals[metric.id]
        ],
    }


def _task_doc(task: m.Task, data: _Loaded) -> dict[str, Any]:
    investment = None
    if task.investment_value is not None:
        investment = {"value": number(task.investment_value), "unit": task.investment_unit or ""}
    extensions = data.extensions[task.id]
    in_force = extensions[-1].new_deadline if extensions else task.deadline
    origin = None
    if task.origin_kind is not None:
        origin = {
            "type": task.origin_kind,
            "leader": task.origin_leader,
            "instruction": task.origin_text,
            "assigned_on": task.assigned_on.isoformat() if task.assigned_on else None,
        }
    return {
        "code": task.code,
        "title": task.title,
        "uid": task.uid,
        "content": task.content,
        "kind": task.kind,
        "deadline": in_force.isoformat() if in_force else None,
        "original_deadline": task.deadline.isoformat() if task.deadline else None,
        "extensions": [
            {
                "to": e.new_deadline.isoformat(),
                "reason": e.reason,
                "approved_by": e.approver,
                "on": e.granted_on.isoformat(),
            }
            for e in extensions
        ],
        "origin": origin,
        "leader": task.leader,
        "key": bool(task.is_key),
        "deadline_text": task.deadline_text,
        "recurring": task.recurring,
        "location": task.location,
        "investment": investment,
        "source": task.source,
        "units_inferred": task.units_inferred,
        "units": [{"name": link.printed_name, "role": link.role} for link in data.links[task.id]],
        "metrics": [_metric_doc(x, data) for x in data.task_metrics[task.id]],
        "children": [_task_doc(child, data) for child in data.tasks_by_parent.get(task.id, [])],
        "updates": [
            {
                "period": u.period,
                "status": u.status,
                "progress": u.progress,
                "percent": u.percent,
                "recorded_at": iso(u.recorded_at),
                "problems": u.problems,
                "next_steps": u.next_steps,
                "source": u.source,
                "received_on": u.received_on.isoformat() if u.received_on else None,
                "review": u.review_state,
                "review_reason": u.review_reason,
            }
            for u in data.updates[task.id]
        ],
        "evidence": [
            {
                "filename": e.filename,
                "sha256": e.sha256,
                "size": e.size,
                "added_at": iso(e.added_at),
                "period": e.period,
            }
            for e in data.evidence[task.id]
        ],
    }


def _plan_doc(plan: m.Plan, data: _Loaded) -> dict[str, Any]:
    return {
        "title": plan.title,
        "uid": plan.uid,
        "short_title": plan.short_title,
        "doc_number": plan.doc_number,
        "issuer": plan.issuer,
        "jurisdiction": plan.jurisdiction,
        "issued_on": plan.issued_on.isoformat() if plan.issued_on else None,
        "period": (
            {"start": plan.period_start, "end": plan.period_end}
            if plan.period_start is not None and plan.period_end is not None
            else None
        ),
        "source": plan.source,
        "notes": plan.notes,
        "metrics": [_metric_doc(x, data) for x in data.plan_metrics[plan.id]],
        "tasks": [_task_doc(t, data) for t in data.top_tasks[plan.id]],
    }


def iter_plans(session: Session, plan_ids: list[int] | None = None) -> Iterator[dict[str, Any]]:
    """PLAN documents for the given plans (all live plans when None), in ledger order.

    One plan's rows are loaded at a time and dropped before the next (the session holds
    them weakly), so a caller that writes each document out before asking for the next
    needs memory for the largest plan, not the whole ledger.
    """
    query = select(m.Plan.id).where(m.Plan.deleted_at.is_(None)).order_by(m.Plan.position, m.Plan.id)
    if plan_ids is not None:
        query = query.where(m.Plan.id.in_(plan_ids))
    for plan_id in session.scalars(query).all():
        plan = session.get(m.Plan, plan_id)
        assert plan is not None
        yield _plan_doc(plan, _Loaded(session, [plan_id]))


def export_plans(session: Session, plan_ids: list[int] | None = None) -> list[dict[str, Any]]:
    """All the PLAN documents of `iter_plans`, as one list."""
    return list(iter_plans(session, plan_ids))
