"""`read_facts`: the tasks of one period and scope, judged and counted once.

The window reads every task as `TaskRow`s (tracker.views.table.load_task_rows); the 通报, the
台账, the 催办单 and the forms read the same rows here, cut to their scope, and count them
with the same functions (tracker.facts.counts). The light thresholds are the ledger's own
settings unless a caller passes others, so a document judges as the window does.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy.orm import Session

from tracker.facts.counts import (
    Tally,
    UnitRow,
    late_rows,
    tally,
    unassigned,
    unit_rows,
    unreported_rows,
)
from tracker.lights import LightRules
from tracker.periods import Period
from tracker.views.rules import load_settings
from tracker.views.table import TaskRow, load_task_rows, unit_names


@dataclass(frozen=True)
class Scope:
    """Which part of the ledger a report covers; empty tuples mean everything."""

    plan_ids: tuple[int, ...] = ()
    units: tuple[str, ...] = ()  # unit names (canonical)
    kinds: tuple[str, ...] = ()  # task kinds: task / platform / project


@dataclass(frozen=True)
class PeriodFacts:
    """The tasks in scope as of a period, in the document's order (groups included, not counted)."""

    period: Period
    rows: tuple[TaskRow, ...]
    names: dict[int, str]  # unit id → canonical name
    unit_ids: frozenset[int] | None  # the scope's units; None: every unit

    @cached_property
    def counted(self) -> list[TaskRow]:
        return [row for row in self.rows if row.counted]

    @cached_property
    def tally(self) -> Tally:
        """Counts by 报送状态 and by 亮灯: the 总览's, the 通报's and the 台账's totals."""
        return tally(self.rows)

    @cached_property
    def units(self) -> list[UnitRow]:
        """Unit rows (lead units ranked: most red, most 未报送, most led)."""
        return unit_rows(self.rows, self.names, self.unit_ids)

    @cached_property
    def late(self) -> list[TaskRow]:
        """亮红灯 tasks, in the document's order."""
        return late_rows(self.rows)

    @cached_property
    def unreported(self) -> list[TaskRow]:
        """Tasks 未报送 this period, in the document's order."""
        return unreported_rows(self.rows)

    @cached_property
    def unassigned(self) -> list[TaskRow]:
        """Counted tasks with no lead or responsible unit (未明确责任单位)."""
        return unassigned(self.rows)


def _in_scope(row: TaskRow, scope: Scope, unit_ids: frozenset[int] | None) -> bool:
    if scope.plan_ids and row.plan_id not in scope.plan_ids:
        return False
    if scope.kinds and row.kind not in scope.kinds:
        return False
    return unit_ids is None or bool(row.unit_ids & unit_ids)


def read_facts(
    session: Session,
    period: Period,
    scope: Scope | None = None,
    rules: LightRules | None = None,
    rows: list[TaskRow] | None = None,
) -> PeriodFacts:
    """The facts of `period` within `scope` (rows already read by the window may be passed)."""
    scope = scope or Scope()
    if rows is None:
        rows = load_task_rows(session, period, rules or load_settings(session).rules)
    names = unit_names(session)
    unit_ids: frozenset[int] | None = None
    if scope.units:
        wanted = set(scope.units)
        unit_ids = frozenset(i for i, name in names.items() if name in wanted)
    kept = tuple(row for row in rows if _in_scope(row, scope, unit_ids))
    return PeriodFacts(period, kept, names, unit_ids)
