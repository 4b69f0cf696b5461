"""The plan → task tree as plain rows, loaded with a few set-based queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db import models as m


@dataclass(slots=True)
class TaskNode:
    id: int
    plan_id: int
    parent_id: int | None
    code: str
    title: str
    kind: str
    deadline: date | None
    deadline_text: str | None
    units: list[tuple[str, str]] = field(default_factory=list)  # (printed name, role)
    children: list[TaskNode] = field(default_factory=list)

    @property
    def lead_unit(self) -> str:
        """牵头单位: the unit marked lead, else the first listed."""
        for name, role in self.units:
            if role == "lead":
                return name
        return self.units[0][0] if self.units else ""

    @property
    def support_units(self) -> list[str]:
        lead = self.lead_unit
        return [name for name, _ in self.units if name != lead]


@dataclass
class PlanNode:
    id: int
    title: str
    short_title: str | None
    doc_number: str | None
    issuer: str | None
    tasks: list[TaskNode] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.short_title or self.title


def load_tree(session: Session) -> list[PlanNode]:
    """Every live plan with its task tree, in ledger order."""
    plans = [
        PlanNode(p.id, p.title, p.short_title, p.doc_number, p.issuer)
        for p in session.scalars(
            select(m.Plan).where(m.Plan.deleted_at.is_(None)).order_by(m.Plan.position, m.Plan.id)
        )
    ]
    by_plan = {p.id: p for p in plans}
    rows = session.execute(
        select(
            m.Task.id,
            m.Task.plan_id,
            m.Task.parent_id,
            m.Task.code,
            m.Task.title,
            m.Task.kind,
            m.Task.deadline,
            m.Task.deadline_text,
        )
        .where(m.Task.deleted_at.is_(None))
        .order_by(m.Task.position, m.Task.id)
    ).all()
    nodes = {row.id: TaskNode(*row) for row in rows if row.plan_id in by_plan}
    links: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for task_id, name, role in session.execute(
        select(m.TaskUnit.task_id, m.TaskUnit.printed_name, m.TaskUnit.role).order_by(
            m.TaskUnit.task_id, m.TaskUnit.position
        )
    ):
        links[task_id].append((name, role))
    for node in nodes.values():
        node.units = links.get(node.id, [])
        if node.parent_id is None:
            by_plan[node.plan_id].tasks.append(node)
        elif node.parent_id in nodes:
            nodes[node.parent_id].children.append(node)
    return plans
