"""Finding the unit a person names (`--unit 市科技局`): full name, alias, or the short form
a document printed — and when a short form names more than one unit, saying which.

Rule: a full name or an alias names its unit; otherwise the name as printed in the plans
(温州's and 丽水's “市科技局”) names every unit printed so; one is the answer, several are
refused with each candidate and the plans it was printed in, so the officer can choose.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput


def find_unit(session: Session, text: str) -> m.Unit:
    """The unit `text` names (BadInput listing the candidates when it is ambiguous or unknown)."""
    name = text.strip()
    unit = session.scalar(select(m.Unit).where(m.Unit.name == name))
    if unit is None:
        unit = session.scalar(select(m.Unit).join(m.UnitAlias).where(m.UnitAlias.alias == name))
    if unit is not None:
        return unit
    printed = session.execute(
        select(m.Unit, m.Plan.short_title, m.Plan.title)
        .join(m.TaskUnit, m.TaskUnit.unit_id == m.Unit.id)
        .join(m.Task, m.Task.id == m.TaskUnit.task_id)
        .join(m.Plan, m.Plan.id == m.Task.plan_id)
        .where(m.TaskUnit.printed_name == name, m.Task.deleted_at.is_(None), m.Plan.deleted_at.is_(None))
        .order_by(m.Plan.position, m.Plan.id)
    ).all()
    plans: dict[int, list[str]] = defaultdict(list)
    units: dict[int, m.Unit] = {}
    for unit_row, short, title in printed:
        units[unit_row.id] = unit_row
        label = short or title
        if label not in plans[unit_row.id]:
            plans[unit_row.id].append(label)
    if len(units) == 1:
        return next(iter(units.values()))
    if units:
        listed = "；".join(f"{u.name}（{'、'.join(plans[i])}）" for i, u in units.items())
        raise BadInput(
            f"“{name}”可指 {len(units)} 个单位：{listed}。请写全称，如“{next(iter(units.values())).name}”"
        )
    near = session.scalars(
        select(m.Unit.name).where(m.Unit.name.contains(name[-4:] if len(name) > 4 else name)).limit(8)
    ).all()
    hint = f"，相近的单位：{'、'.join(near)}" if near else ""
    raise BadInput(f"台账中没有责任单位“{name}”{hint}")
