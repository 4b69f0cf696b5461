"""An actual below the baseline reads “低于基期” in every edition, never a negative percent."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
from sqlalchemy import select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.periods import parse_period
from tracker.reports.assemble import assemble_report
from tracker.reports.bulletin import BulletinOptions, compose
from tracker.reports.xlsx_ledger import write_ledger
from tracker.services.progress import record_actual
from tracker.views.plan_metrics import BELOW_BASELINE, achieved_text, progress_words

Q2 = parse_period("2023Q2")


def test_the_words_for_progress() -> None:
    assert achieved_text(None) == "—"
    assert achieved_text(0.0) == "0.0%" and achieved_text(55.04) == "55.0%"
    assert achieved_text(-2577.8) == BELOW_BASELINE
    assert progress_words(-12.0, 49.5) == "进度 低于基期 / 序时 49.5%"


def test_an_actual_far_below_its_baseline(seeded: Database, tmp_path: Path) -> None:
    with seeded.unit_of_work() as session:
        metrics = session.scalars(
            select(m.Metric).where(m.Metric.baseline_value > 1).order_by(m.Metric.id)
        ).all()
        for metric in metrics:
            record_actual(session, metric, "2023Q2", float(metric.baseline_value or 0) / 50)
        names = {metric.name for metric in metrics}
    assert names
    with seeded.reading() as session:
        report = assemble_report(session, Q2)
    below = [r for r in report.indicators if r.name in names and r.achieved is not None and r.achieved < 0]
    assert below, "no indicator was judged from its baseline"
    bulletin = compose(report, BulletinOptions(office="温州市科学技术局", problems="甲", next_steps="乙"))
    cells = [cell for annex in bulletin.annexes for row in annex.grid.rows for cell in row]
    assert BELOW_BASELINE in cells
    assert not [c for c in cells if re.fullmatch(r"-\d+(\.\d+)?%", c)]
    out = tmp_path / "台账.xlsx"
    write_ledger(report, out)
    values = [
        c for row in openpyxl.load_workbook(out)["指标完成情况"].iter_rows(values_only=True) for c in row
    ]
    assert BELOW_BASELINE in values
    assert not [v for v in values if isinstance(v, float) and v < -1]
