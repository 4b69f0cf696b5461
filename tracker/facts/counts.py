"""Counting the facts of a period: one function per figure, shared by every screen and document.

Only counted tasks are counted (`tracker.rules.counting.counts_as_task`: leaves, and headings
that carry their own units); groups are shown but never counted. 报送状态 (what the unit
said, 未报送 when nothing) and 亮灯 (what the rule judged) are counted separately, each in
its own columns. A unit row puts every task the unit leads in exactly one column, so the
columns add up to the number it leads; tasks it supports are counted apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from typing import Protocol, TypeVar

from tracker.lights import LIGHT_ORDER, REPORT_LABELS, UNREPORTED, Light

# 报送状态 in the order they are printed.
REPORT_ORDER = ("done", "closed", "in_progress", "ongoing", "late", "not_started", UNREPORTED)
# The columns of a unit row, in order: every led task falls in exactly one.
UNIT_COLUMNS = (
    ("done", "已办结"),  # 已完成 + 已销号
    ("on_schedule", "序时推进"),
    ("slow", "黄灯"),
    ("late", "红灯"),
    ("not_started", "灰灯"),
    ("unreported", "未报送"),
)


class Fact(Protocol):
    """What counting needs of a task row (tracker.views.table.TaskRow has it)."""

    @property
    def counted(self) -> bool: ...
    @property
    def report_status(self) -> str: ...
    @property
    def light(self) -> Light: ...
    @property
    def finished(self) -> bool: ...
    @property
    def lead_unit_ids(self) -> frozenset[int]: ...
    @property
    def support_unit_ids(self) -> frozenset[int]: ...


F = TypeVar("F", bound=Fact)


def percent(part: int, whole: int) -> float:
    """A share in percent, one decimal; 0 of nothing is 0."""
    return round(part * 100 / whole, 1) if whole else 0.0


@dataclass
class Tally:
    """Counts of a group of tasks (the ledger, a plan, a lead unit) by 报送状态 and by 亮灯."""

    label: str
    key: int | None = None
    total: int = 0
    by_light: dict[Light, int] = field(default_factory=lambda: dict.fromkeys(LIGHT_ORDER, 0))
    by_status: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REPORT_ORDER, 0))

    def add(self, row: Fact) -> None:
        """Count one task; a group (not counted) is skipped."""
        if not row.counted:
            return
        self.total += 1
        self.by_light[row.light] += 1
        self.by_status[row.report_status] = self.by_status.get(row.report_status, 0) + 1

    @property
    def unreported(self) -> int:
        """本期未报送: unfinished tasks with nothing recorded in the period."""
        return self.by_status.get(UNREPORTED, 0)

    @property
    def finished(self) -> int:
        return self.by_status.get("done", 0) + self.by_status.get("closed", 0)

    @property
    def completion(self) -> float:
        """完成率: 已办结 (已完成 + 已销号) over counted tasks, 0–1."""
        return self.finished / self.total if self.total else 0.0

    @property
    def late(self) -> int:
        """Red lights (滞后序时或逾期未完成, as the rule judged)."""
        return self.by_light[Light.RED]


def tally(rows: Iterable[Fact], label: str = "全部", key: int | None = None) -> Tally:
    """The counts of `rows` (groups skipped): the one function every total comes from."""
    result = Tally(label, key)
    for row in rows:
        result.add(row)
    return result


def unit_column(row: Fact) -> str:
    """The one column of a unit row a task falls in: finished, else by its light."""
    if row.finished:
        return "done"
    return {
        Light.GREEN: "on_schedule",
        Light.YELLOW: "slow",
        Light.RED: "late",
        Light.GREY: "not_started",
        Light.UNREPORTED: "unreported",
    }[row.light]


@dataclass
class UnitRow:
    """A unit's tasks as of the period: those it leads, one column each, and those it supports."""

    id: int
    name: str
    led: int = 0
    supporting: int = 0
    done: int = 0
    on_schedule: int = 0
    slow: int = 0
    late: int = 0  # red lights among the tasks it leads
    not_started: int = 0
    unreported: int = 0  # led tasks with nothing recorded this period

    @property
    def total(self) -> int:
        """Tasks it answers for in any role (led + supported)."""
        return self.led + self.supporting

    @property
    def unit(self) -> str:
        return self.name

    @property
    def not_reported(self) -> int:
        return self.unreported

    def columns(self) -> tuple[int, ...]:
        """The led tasks split by UNIT_COLUMNS; they add up to `led`."""
        return tuple(getattr(self, key) for key, _label in UNIT_COLUMNS)


def unit_rows(
    rows: Iterable[Fact], names: dict[int, str], only: frozenset[int] | None = None
) -> list[UnitRow]:
    """One row per unit that leads or supports a counted task (`only`: just these units).

    Ranked as a bulletin ranks lead units: most red, then most 未报送, then most led.
    """
    result: dict[int, UnitRow] = {}

    def row_of(unit_id: int) -> UnitRow:
        unit = result.get(unit_id)
        if unit is None:
            unit = result[unit_id] = UnitRow(unit_id, names.get(unit_id, "?"))
        return unit

    for row in rows:
        if not row.counted:
            continue
        column = unit_column(row)
        for unit_id in row.lead_unit_ids:
            if only is not None and unit_id not in only:
                continue
            unit = row_of(unit_id)
            unit.led += 1
            setattr(unit, column, getattr(unit, column) + 1)
        for unit_id in row.support_unit_ids - row.lead_unit_ids:
            if only is None or unit_id in only:
                row_of(unit_id).supporting += 1
    return sorted(result.values(), key=lambda u: (-u.late, -u.unreported, -u.led, -u.total, u.name))


def add_unit_rows(totals: dict[int, UnitRow], part: Iterable[UnitRow]) -> None:
    """Add the unit rows of some of the tasks into running totals (unit id → row).

    A unit's count over all tasks is the sum of its counts over any split of them, so the
    rows can be counted a few plans at a time while they are read.
    """
    for row in part:
        total = totals.get(row.id)
        if total is None:
            totals[row.id] = replace(row)
            continue
        for count in fields(UnitRow):
            if count.name not in ("id", "name"):
                setattr(total, count.name, getattr(total, count.name) + getattr(row, count.name))


def late_rows(rows: Iterable[F]) -> list[F]:
    """亮红灯 counted tasks (滞后序时进度 or 逾期未完成), in the order given."""
    return [row for row in rows if row.counted and row.light is Light.RED]


def unreported_rows(rows: Iterable[F]) -> list[F]:
    """Counted tasks 未报送 this period, in the order given."""
    return [row for row in rows if row.counted and row.report_status == UNREPORTED]


def unassigned(rows: Iterable[F]) -> list[F]:
    """Counted tasks with no lead or responsible unit (未明确责任单位): nobody can be chased."""
    return [row for row in rows if row.counted and not row.lead_unit_ids]


def unassigned_note(rows: Iterable[Fact]) -> str:
    """“其中N项未明确责任单位” for a list of items, or "" when every one has a unit."""
    count = len(unassigned(rows))
    return f"其中{count}项未明确责任单位，请明确后再催办" if count else ""


def report_label(code: str) -> str:
    """The 报送状态 word for a code."""
    return REPORT_LABELS.get(code, code)
