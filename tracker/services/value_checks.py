"""`tracker check` findings for values no input accepts any more: non-finite numbers and
periods outside the program's year range.

Since the inputs refuse them (`tracker.numbers`, `tracker.periods`), such a value can only
come from an older version or a hand-edited file; `check` names each so it can be fixed,
and the window and the exports skip what they cannot read instead of failing.
"""

from __future__ import annotations

import sys

from sqlalchemy import Connection, Float, func, literal, or_, select

from tracker.db import models as m
from tracker.errors import BadInput
from tracker.periods import parse_period
from tracker.services.checks import Finding

# |x| above the largest double is true of ±infinity, and on PostgreSQL of NaN (which
# sorts above every number there); SQLite cannot hold NaN (it stores NULL).
_LARGEST = sys.float_info.max
MAX_NAMED = 20


def nonfinite_numbers(connection: Connection) -> list[Finding]:
    """Every number column holding NaN or ±infinity, by table, column and row id."""
    findings: list[Finding] = []
    for table in m.Base.metadata.sorted_tables:
        for column in table.columns:
            if not isinstance(column.type, Float):
                continue
            ids = connection.scalars(
                select(table.c.id).where(func.abs(column) > literal(_LARGEST, Float)).order_by(table.c.id)
            ).all()
            if ids:
                shown = "、".join(str(i) for i in ids[:MAX_NAMED]) + ("……" if len(ids) > MAX_NAMED else "")
                findings.append(
                    Finding(
                        "无效数值",
                        f"{table.name}.{column.name} 有 {len(ids)} 处不是有限的数字（NaN 或无穷大），"
                        f"行编号 {shown}；请在窗口中改正或删除 (non-finite numbers)",
                    )
                )
    return findings


def periods_out_of_range(connection: Connection) -> list[Finding]:
    """Progress records and actuals whose period the program cannot read."""
    findings: list[Finding] = []
    for table, what in ((m.Update.__table__, "进展记录"), (m.Actual.__table__, "指标实际值")):
        codes = connection.scalars(select(table.c.period).distinct()).all()
        bad = []
        for code in codes:
            try:
                parse_period(code)
            except BadInput:
                bad.append(code)
        if not bad:
            continue
        ids = connection.scalars(
            select(table.c.id).where(or_(*(table.c.period == code for code in bad))).order_by(table.c.id)
        ).all()
        shown = "、".join(str(i) for i in ids[:MAX_NAMED]) + ("……" if len(ids) > MAX_NAMED else "")
        findings.append(
            Finding(
                "无效报告期",
                f"{len(ids)} 条{what}的报告期无法识别（{'、'.join(f'“{c}”' for c in bad[:5])}），"
                f"编号 {shown}；窗口和导出会跳过它们 (unreadable periods)",
            )
        )
    return findings
