"""What counts as a task (计数规则), and who leads it: the rules every count in the ledger uses.

* A task is counted when it is a leaf (no sub-tasks), or a heading that carries its own
  work: a responsible unit that none of its sub-tasks lists. A heading that only groups
  its sub-tasks (一、（一） with no unit of its own, or the units its sub-tasks repeat) is a
  group: shown, its light rolled up from them, never counted.
* A task counts in a period only once it has begun: its plan's first year has come and, for
  a 交办事项, it had been assigned by the period's end (a task assigned in 2026 owes nothing
  for 2022; a 2023—2027 plan owes nothing for 2022).
* The lead units (牵头单位) of a task are the units listed as 牵头, and where the document
  names only 责任单位, each of them (they answer for it jointly); 配合单位 support and are
  counted apart. A task with no such unit is 未明确责任单位: counted, named, and no
  催办单 can reach anyone for it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from datetime import date
from typing import TypeVar

from tracker.periods import Period

U = TypeVar("U")


def counts_as_task(
    has_children: bool, own_units: Iterable[Hashable], children_units: Iterable[Hashable]
) -> bool:
    """A leaf counts; a heading counts only when it lists a unit none of its sub-tasks lists."""
    if not has_children:
        return True
    return bool(set(own_units) - set(children_units))


def has_begun(plan_start_year: int | None, assigned_on: date | None, period: Period) -> bool:
    """Begun by the period's end: the plan's first year has come, and it had been assigned."""
    if plan_start_year is not None and plan_start_year > period.end.year:
        return False
    return assigned_on is None or assigned_on <= period.end


def lead_and_support(links: Iterable[tuple[U, str]]) -> tuple[list[U], list[U]]:
    """(lead, support) units from (unit, role) links, in the document's order.

    牵头 and 责任 units lead (jointly when several); 配合 units only support.
    """
    links = list(links)
    lead = [name for name, role in links if role != "support"]
    support = [name for name, role in links if role == "support"]
    return lead, support
