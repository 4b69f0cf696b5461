"""Screenshots of the main screens for the user guide (docs/images/ui-*.png).

    xvfb-run -s "-screen 0 1600x1000x24" python -m ui.screenshots [--out docs/images]

Uses a fresh temporary ledger with the built-in plans and two quarters of progress
(bench/two_quarters.py: 2023Q1 and 2023Q2 entered after each quarter, a 销号 dated into Q2,
evidence added in July to a Q2 record), plus indicator actuals; settings in a temp folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget


def _settle(app: QApplication, window: QWidget) -> None:
    for _ in range(5):
        app.processEvents()
    window.repaint()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("docs/images"))
    out = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="shots-"))
    os.environ["TRACKER_HOME"] = str(work)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))

    from sqlalchemy import select

    from bench.two_quarters import build
    from tracker.db import models as m
    from tracker.services.progress import ProgressInput, record_update
    from ui.app import make_application, open_ledger_for_window
    from ui.main_window import MainWindow

    app = make_application([])
    database = open_ledger_for_window(str(work / "ledger.sqlite3"))
    QSettings().setValue("period/current", "2023Q2")
    build(database, work)
    proof = work / "2023年二季度推进情况说明.pdf"
    proof.write_bytes(b"%PDF-1.4 sample")
    with database.unit_of_work() as session:
        metrics = session.scalars(
            select(m.Metric).where(m.Metric.task_id.is_not(None)).order_by(m.Metric.id)
        ).all()
        done: set[int] = set()
        for index, metric in enumerate(metrics[:12]):
            assert metric.task_id is not None
            if metric.task_id in done:
                continue
            done.add(metric.task_id)
            status = ("in_progress", "done", "late")[index % 3]
            value = (metric.baseline_value or 1) * (1.1 + index / 10)
            record_update(
                session,
                metric.task_id,
                ProgressInput(
                    "2023Q2",
                    status,
                    "已召开专题推进会，完成年度任务分解，重点项目按计划推进。",
                    {"in_progress": 55, "done": 100, "late": 20}[status],
                    problems="部分项目资金未及时到位" if status == "late" else None,
                    next_steps="加强调度，督促责任单位按月报送进展",
                    actuals={metric.id: round(value, 1)},
                    evidence=[proof] if index == 0 else [],
                ),
                actor="张科长",
            )
        first_task = metrics[0].task_id
    window = MainWindow(database)
    window.resize(1600, 980)
    window.show()
    from ui.cycle import DuePanel

    due = window.findChild(DuePanel)
    deadline = time.monotonic() + 30
    while (window.loading or (due is not None and due.summary is None)) and time.monotonic() < deadline:
        app.processEvents()  # the 报送提醒 and the rows load in the background: show them loaded
        time.sleep(0.02)
    assert first_task is not None
    window.select_task(first_task)
    _settle(app, window)
    window.grab().save(str(out / "ui-main.png"))

    window.detail.tabs.setCurrentIndex(1)
    _settle(app, window)
    window.detail.grab().save(str(out / "ui-detail-metrics.png"))
    window.detail.tabs.setCurrentIndex(2)
    _settle(app, window)
    window.detail.grab().save(str(out / "ui-detail-progress.png"))
    window.detail.tabs.setCurrentIndex(0)

    dialog = window.actions_.record_current()
    assert dialog is not None
    from ui.progress_dialog import ProgressDialog

    assert isinstance(dialog, ProgressDialog)
    dialog.progress.setPlainText("完成二季度目标，新增省级重点实验室 1 家。")
    dialog.add_files([proof])
    _settle(app, dialog)
    dialog.grab().save(str(out / "ui-progress.png"))
    dialog.done(0)  # closed without the “放弃已填写的内容？” question a person would get

    window.nav.set_view("unreported")
    window.nav.tabs.setCurrentIndex(1)
    _settle(app, window)
    window.grab().save(str(out / "ui-unreported.png"))
    window.clear_filters()
    window.nav.tabs.setCurrentIndex(0)

    window.center.setCurrentWidget(window.overview_page)
    _settle(app, window)
    window.grab().save(str(out / "ui-overview.png"))
    window.center.setCurrentWidget(window.table)

    settings = window.actions_.settings()
    _settle(app, settings)
    settings.grab().save(str(out / "ui-settings.png"))
    settings.close()

    # The same window on a small laptop screen and on a large one (the guide shows both).
    window.select_task(first_task)
    scale = os.environ.get("QT_SCALE_FACTOR", "")
    suffix = f"@{scale}x" if scale not in ("", "1") else ""
    for width, height in ((1024, 640), (1600, 1000)):
        window.resize(width, height)
        _settle(app, window)
        window.grab().save(str(out / f"ui-main-{width}x{height}{suffix}.png"))

    window.close()
    database.dispose()
    shipped = Path(__file__).resolve().parents[1] / "resources" / "guide" / "images"
    if out.resolve() == shipped.parents[2] / "docs" / "images":  # the guide's own copies too
        for image in out.glob("ui-*.png"):
            shutil.copyfile(image, shipped / image.name)
    print("saved", sorted(p.name for p in out.glob("ui-*.png")))


if __name__ == "__main__":
    main()
