"""同一指标两个目标: where a document gives one indicator different targets for a year.

Metrics of one plan that state the same indicator share a `key` (docs/plan-format.md).
Both statements are facts of the document; `tracker check` lists them as remarks and the
window marks each metric involved, so an officer sees which figure the document means.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from tracker.db import models as m


@dataclass(frozen=True)
class Statement:
    """One place a document states a target for an indicator."""

    metric_id: int
    name: str
    source: str | None
    code: str | None
    value: float | None
    top: float | None
    words: str

    def where(self) -> str:
        return (self.source or "未注明出处") + (f"（任务 {self.code}）" if self.code else "")

    def words_shown(self) -> str:
        shown = f"{self.value:g}" + (f"–{self.top:g}" if self.top is not None else "")
        return f"{shown}（原文“{self.words}”）" if self.words else shown


@dataclass(frozen=True)
class Conflict:
    plan_id: int
    plan_title: str
    key: str
    year: int
    statements: tuple[Statement, ...]  # every numeric statement for that year, in order

    def pair(self) -> tuple[Statement, Statement]:
        first = self.statements[0]
        other = next(s for s in self.statements if (s.value, s.top) != (first.value, first.top))
        return first, other

    def describe(self) -> str:
        first, other = self.pair()
        return (
            f"《{self.plan_title}》指标“{first.name}”{self.year} 年目标："
            f"{first.where()}为 {first.words_shown()}，{other.where()}为 {other.words_shown()}。"
        )

    def note_for(self, metric_id: int) -> str:
        """How the window explains the marker on one of the metrics involved."""
        others = [s for s in self.statements if s.metric_id != metric_id]
        said = "；".join(f"{s.where()}为 {s.words_shown()}" for s in others)
        return f"{self.year} 年目标与文件另一处不一致：{said}"


def find_conflicts(connection: Connection, plan_ids: list[int] | None = None) -> list[Conflict]:
    metric, target, plan, task = (m.Metric.__table__, m.Target.__table__, m.Plan.__table__, m.Task.__table__)
    query = (
        select(
            plan.c.id,
            func.coalesce(plan.c.short_title, plan.c.title),
            metric.c.key,
            metric.c.id,
            metric.c.name,
            metric.c.source,
            task.c.code,
            target.c.year,
            target.c.value,
            target.c.max,
            target.c.text,
        )
        .select_from(
            metric.join(plan, plan.c.id == metric.c.plan_id)
            .join(target, target.c.metric_id == metric.c.id)
            .outerjoin(task, task.c.id == metric.c.task_id)
        )
        .where(metric.c.key.is_not(None), plan.c.deleted_at.is_(None))
        .order_by(plan.c.position, plan.c.id, metric.c.key, target.c.year, metric.c.id)
    )
    if plan_ids is not None:
        query = query.where(plan.c.id.in_(plan_ids))
    groups: dict[tuple[int, str, int], list[Statement]] = defaultdict(list)
    titles: dict[int, str] = {}
    for plan_id, title, key, metric_id, name, source, code, year, value, top, words in connection.execute(
        query
    ):
        titles[plan_id] = title
        groups[(plan_id, key, year)].append(Statement(metric_id, name, source, code, value, top, words or ""))
    conflicts = []
    for (plan_id, key, year), stated in groups.items():
        numeric = tuple(s for s in stated if s.value is not None)
        if len({(s.value, s.top) for s in numeric}) >= 2:
            conflicts.append(Conflict(plan_id, titles[plan_id], key, year, numeric))
    return conflicts


def conflict_notes(connection: Connection, plan_ids: list[int] | None = None) -> dict[int, list[str]]:
    """Metric id → the notes the window shows beside it."""
    notes: dict[int, list[str]] = defaultdict(list)
    for conflict in find_conflicts(connection, plan_ids):
        for statement in conflict.statements:
            notes[statement.metric_id].append(conflict.note_for(statement.metric_id))
    return notes
