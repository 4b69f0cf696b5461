"""A real ledger with two quarters of mixed records, entered as offices do.

The built-in plans (seed loader); 2023Q1 recorded around 10 April and 2023Q2 around 8 July:
tasks done, late, in progress, not started, reported in Q1 and silent in Q2, never
reported; a 销号 made on 12 July and dated into 2023Q2; a file attached on 5 July to a
2023Q2 record. The cross-check test (tests/ui/test_one_truth.py) asks every screen and
document the same questions of it; ui/screenshots.py shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.periods import parse_period
from tracker.services.progress import ProgressInput, close_task, record_update
from tracker.views.table import load_task_rows

Q1, Q2 = "2023Q1", "2023Q2"
EVIDENCE_NAME = "二季度现场核查记录.pdf"
Q1_TEXT = "一季度：已制定实施方案，正在推进。"
Q2_TEXT = "二季度：项目已开工，完成投资过半。"

# slot → (Q1 record, Q2 record); None: nothing recorded in that quarter.
PLAN: dict[int, tuple[tuple[str, int | None] | None, tuple[str, int | None] | None]] = {
    0: (("done", 100), None),  # finished in Q1: stays 已完成
    1: (("in_progress", 30), ("in_progress", 60)),
    2: (("late", 10), ("late", 20)),
    3: (("in_progress", 20), None),  # reported in Q1, silent in Q2
    4: (("not_started", None), ("in_progress", 40)),
    5: (("in_progress", 25), ("done", 100)),
    6: (None, None),  # never reported
    7: (None, ("in_progress", 5)),  # first report in Q2, far behind 序时
}


@dataclass(frozen=True)
class TwoQuarters:
    closed_id: int  # 销号 on 12 July, period 2023Q2 (reported in Q1, silent in Q2)
    evidence_task_id: int  # a Q2 record with a file added on 5 July
    silent_in_q2_id: int  # reported in Q1 only: its Q1 text only labelled in Q2


def build(database: Database, tmp_path: Path) -> TwoQuarters:
    with database.reading() as session:
        rows = [r for r in load_task_rows(session, parse_period(Q2)) if r.counted]
    proof = tmp_path / EVIDENCE_NAME
    proof.write_bytes("现场核查记录：项目已开工。".encode())
    evidence_task = closed = silent = None
    with database.unit_of_work() as session:
        targets: dict[int, dict[int, float]] = {}  # task → metric → a target value
        for metric in session.scalars(select(m.Metric).where(m.Metric.task_id.is_not(None))):
            value = next((t.value for t in sorted(metric.targets, key=lambda t: t.year) if t.value), None)
            if value is not None and metric.task_id is not None:
                targets.setdefault(metric.task_id, {})[metric.id] = value
        for i, row in enumerate(rows):
            slot = i % 8
            for code, record, when in (
                (Q1, PLAN[slot][0], datetime(2023, 4, 10, 9, 0)),
                (Q2, PLAN[slot][1], datetime(2023, 7, 8, 9, 0)),
            ):
                if record is None:
                    continue
                status, percent = record
                files = [proof] if code == Q2 and slot == 1 and evidence_task is None else []
                update = record_update(
                    session,
                    row.id,
                    ProgressInput(
                        period=code,
                        status=status,
                        percent=percent,
                        progress=Q1_TEXT if code == Q1 else Q2_TEXT,
                        problems="资金配套仍需协调。" if status == "late" else None,
                        evidence=files,
                        actuals={  # indicator actuals with the Q2 record: some behind, some ahead
                            metric: round(value * (0.3, 0.55, 0.8, 1.1)[(i + j) % 4], 1)
                            for j, (metric, value) in enumerate(targets.get(row.id, {}).items())
                        }
                        if code == Q2
                        else {},
                    ),
                )
                update.recorded_at = when
                if files:
                    evidence_task = row.id
                    for ev in session.scalars(select(m.Evidence).where(m.Evidence.update_id == update.id)):
                        ev.added_at = datetime(2023, 7, 5, 15, 30)  # uploaded in July
            if slot == 3 and row.lead_unit_ids:
                if closed is None:
                    closed = row.id
                elif silent is None:
                    silent = row.id
        assert closed is not None and evidence_task is not None and silent is not None
        session.flush()
        close_task(session, closed, "经现场核实已办结", on=date(2023, 7, 12), period=Q2)
    return TwoQuarters(closed, evidence_task, silent)
