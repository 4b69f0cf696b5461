"""Figures the 通报's structure needs that the assembled `Report` does not carry yet.

Each is a pure function of the Report's own rows (ledger, late items, indicators), kept
apart so it can be pointed at the shared facts model (tracker/facts/) when that lands:

* `plan_summary`     总体情况's table: items per plan by light, unreported, completion rate;
* `late_lead_units`  the lead units of late items, worst first, and how many name no unit;
* `by_severity`      滞后事项 ordered overdue first (longest overdue first), then by gap;
* `lagging`          indicators judged 滞后, furthest behind 序时进度 first.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from tracker.lights import STATUS_LABELS, Light
from tracker.reports.assemble import IndicatorRow, LateItem, LedgerRow, Report

NO_UNIT = "（未明确责任单位）"
_DONE = {STATUS_LABELS["done"], STATUS_LABELS["closed"]}
_GAP = re.compile(r"(\d+(?:\.\d+)?)\s*个百分点")


@dataclass(frozen=True)
class PlanRow:
    """One plan's items in scope, by light (grey is 未启动/未到期), and its completion rate."""

    plan: str
    items: int
    done: int
    on_schedule: int  # green, not finished
    slow: int  # yellow
    late: int  # red
    grey: int
    not_reported: int  # 未报送: nothing recorded this period (its own light, not counted as late)

    def columns(self) -> tuple[int, ...]:
        """The items split as UNIT_COLUMNS (已办结, then unfinished by light); they add up to `items`."""
        return (self.done, self.on_schedule, self.slow, self.late, self.grey, self.not_reported)

    @property
    def rate(self) -> float:
        return round(self.done * 100 / self.items, 1) if self.items else 0.0


def _items(report: Report) -> list[LedgerRow]:
    return [row for row in report.ledger if not row.is_heading]


def plan_summary(report: Report) -> list[PlanRow]:
    """Per plan in document order; the rows add up to the report's totals."""
    order: list[str] = []
    rows: dict[str, list[int]] = {}
    for row in _items(report):
        if row.plan not in rows:
            order.append(row.plan)
            rows[row.plan] = [0] * 7
        counts = rows[row.plan]
        counts[0] += 1
        done = row.status in _DONE
        counts[1] += done
        counts[2] += row.light is Light.GREEN and not done
        counts[3] += row.light is Light.YELLOW
        counts[4] += row.light is Light.RED
        counts[5] += row.light is Light.GREY
        counts[6] += row.light is Light.UNREPORTED
    return [PlanRow(plan, *rows[plan]) for plan in order]


def late_lead_units(report: Report) -> tuple[list[tuple[str, int]], int]:
    """(lead unit, late items it leads) worst first, and the late items that name no unit.

    Co-leads each answer for the item; supporting units are not named (CONVENTIONS.md)."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    unassigned = 0
    for index, item in enumerate(report.late):
        if not item.lead_unit or item.lead_unit == NO_UNIT:
            unassigned += 1
            continue
        for unit in item.lead_unit.split("、"):
            counts[unit] += 1
            first_seen.setdefault(unit, index)
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], first_seen[pair[0]]))
    return ranked, unassigned


def gap_points(item: LateItem) -> float:
    """Percentage points behind 序时进度, read from the light's reason (0 when it gives none)."""
    found = _GAP.search(item.reason)
    return float(found.group(1)) if found else 0.0


def _deadline_key(item: LateItem, rows: dict[int, LedgerRow]) -> date:
    row = rows.get(item.task_id)
    return row.deadline if row is not None and row.deadline is not None else date.max


def by_severity(report: Report) -> list[LateItem]:
    """Overdue first (the longest overdue first), then the furthest behind 序时进度."""
    rows = {row.task_id: row for row in report.ledger}
    return sorted(
        report.late,
        key=lambda item: (
            not item.overdue,
            _deadline_key(item, rows) if item.overdue else date.max,
            -gap_points(item),
        ),
    )


def lagging(report: Report) -> list[IndicatorRow]:
    """Indicators judged 滞后, the furthest behind 序时进度 first."""
    rows = [r for r in report.indicators if r.judgement == "滞后"]
    return sorted(rows, key=lambda r: -((r.expected or 0.0) - progress(r)))


def progress(row: IndicatorRow) -> float:
    """Progress toward the target in percent: from the baseline where judged so, else the ratio."""
    value = row.achieved if row.achieved is not None else row.ratio
    return value or 0.0


def plans_of_late(report: Report) -> list[tuple[str, int]]:
    """Late items per plan, most first (the plan with most of them is named first)."""
    counts = Counter(item.plan for item in report.late)
    order = {plan: i for i, plan in enumerate(dict.fromkeys(item.plan for item in report.late))}
    return sorted(counts.items(), key=lambda pair: (-pair[1], order[pair[0]]))
