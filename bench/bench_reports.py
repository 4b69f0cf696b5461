"""Report speed (not a test): `python bench/bench_reports.py [--tasks 20000]`.

Builds a temporary ledger with a plan of N tasks (each with a lead and a supporting unit
and an update), then times: assembling the report, the PDF 督查通报 over 1,000 tasks,
the Excel 台账 over N tasks, and openpyxl's own write-only dump of the same ledger cells
(bare values, no styles) as the floor.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

from tracker.db import models as m
from tracker.ledger import open_database
from tracker.periods import parse_period
from tracker.reports.assemble import Report, Scope, assemble_report
from tracker.reports.pdf_bulletin import BulletinOptions, write_bulletin
from tracker.reports.xlsx_ledger import LedgerOptions, _ledger_values, write_ledger

STATUSES = ("done", "in_progress", "in_progress", "late", "not_started")


def build(database_path: Path, tasks: int) -> list[int]:
    database, _ = open_database(str(database_path))
    plan_ids = []
    with database.unit_of_work() as session:
        units = [m.Unit(name=f"测试单位{i:02d}") for i in range(40)]
        session.add_all(units)
        for p, size in enumerate((1000, tasks)):
            plan = m.Plan(
                title=f"基准方案{p}", short_title=f"基准方案{p}", period_start=2023, period_end=2025
            )
            session.add(plan)
            for i in range(size):
                task = m.Task(
                    plan=plan,
                    code=str(i + 1),
                    position=i,
                    title=f"第{i + 1}项重点任务：推进科技创新平台建设",
                    content="围绕主导产业建设创新平台，引进高层次人才团队，完成年度建设目标。" * 2,
                    deadline=date(2023 + i % 3, 12, 31),
                )
                task.unit_links = [
                    m.TaskUnit(unit=units[i % 40], role="lead", position=0, printed_name=units[i % 40].name),
                    m.TaskUnit(
                        unit=units[(i + 7) % 40],
                        role="support",
                        position=1,
                        printed_name=units[(i + 7) % 40].name,
                    ),
                ]
                status = STATUSES[i % 5]
                if status != "not_started":
                    task.updates = [
                        m.Update(
                            period="2023Q2",
                            status=status,
                            percent=(i * 7) % 100,
                            progress="已完成前期调研和方案论证，正在组织实施。",
                            recorded_at=datetime(2023, 6, 20),
                        )
                    ]
                session.add(task)
            session.flush()
            plan_ids.append(plan.id)
    database.dispose()
    return plan_ids


def write_floor_ledger(report: Report, out: Path) -> None:
    """The floor of the Excel 台账: openpyxl's own write-only dump of the ledger sheet's
    cells (bare values, no styles, one sheet)."""
    floor = Workbook(write_only=True)
    sheet = floor.create_sheet("任务台账")
    for values in _ledger_values(report):
        sheet.append([v.label if hasattr(v, "label") else v for v in values])
    floor.save(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=20000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    started = time.perf_counter()
    small, large = build(folder / "ledger.sqlite3", args.tasks)
    print(f"ledger built in {time.perf_counter() - started:.1f} s")
    database, _ = open_database(str(folder / "ledger.sqlite3"))
    period = parse_period("2023Q2")

    t = time.perf_counter()
    with database.reading() as session:
        report = assemble_report(session, period, Scope(plan_ids=(small,)))
    assemble_small = time.perf_counter() - t
    t = time.perf_counter()
    write_bulletin(
        report,
        folder / "bulletin.pdf",
        BulletinOptions(issue=1, office="基准测试局", problems="基准测试。", next_steps="基准测试。"),
    )
    pdf = time.perf_counter() - t
    print(f"bulletin, {report.totals.items} tasks: assemble {assemble_small:.2f} s, PDF {pdf:.2f} s")

    t = time.perf_counter()
    with database.reading() as session:
        big = assemble_report(session, period, Scope(plan_ids=(large,)))
    assemble_big = time.perf_counter() - t
    t = time.perf_counter()
    write_ledger(big, folder / "ledger.xlsx", LedgerOptions(office="基准测试局"))
    xlsx = time.perf_counter() - t
    t = time.perf_counter()
    write_floor_ledger(big, folder / "floor.xlsx")
    bare = time.perf_counter() - t
    print(
        f"ledger, {len(big.ledger)} rows: assemble {assemble_big:.2f} s, Excel (5 sheets, styled) {xlsx:.2f} s, "
        f"openpyxl write-only bare dump of the ledger sheet {bare:.2f} s (ratio {xlsx / bare:.2f})"
    )
    database.dispose()


if __name__ == "__main__":
    main()
