"""Screenshots of the 督办 cycle for the user guide (docs/images/ui-cycle-*.png).

    xvfb-run -s "-screen 0 1600x1000x24" python -m ui.screenshots_cycle [--out docs/images]

A fresh temporary ledger with the built-in plans: 温岭市科学技术局 is chased twice for
2023Q1 and returns its form with one row to send back, so the 报送提醒, the 审核 step, the
催办记录 and the 单位考核 show what an officer sees in the middle of a cycle.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer

from ui.screenshots import _settle  # the same settling as the main screenshots

UNIT = "温岭市科学技术局"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("docs/images"))
    out = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="cycle-shots-"))
    os.environ["TRACKER_HOME"] = str(work)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))

    import openpyxl

    from tracker.forms import layout
    from tracker.forms.export import build_form, write_form
    from tracker.periods import parse_period
    from tracker.reports.assemble import resolve_scope
    from tracker.reports.issue_reminders import issue_reminders
    from tracker.reports.reminders import ReminderOptions
    from tracker.services.settings import OFFICE_NAME, set_setting
    from ui.app import make_application, open_ledger_for_window
    from ui.main_window import MainWindow

    app = make_application([])
    database = open_ledger_for_window(str(work / "ledger.sqlite3"))
    QSettings().setValue("period/current", "2023Q1")
    q1 = parse_period("2023Q1")
    with database.unit_of_work() as session:
        set_setting(session, OFFICE_NAME, "温岭市科技创新工作领导小组办公室")
        scope = resolve_scope(session, unit=UNIT)
        form = build_form(session, UNIT, q1)
    for day, reply in ((date(2023, 4, 10), date(2023, 4, 12)), (date(2023, 4, 14), date(2023, 4, 18))):
        issue_reminders(
            database, q1, scope, work / f"催办 {day}.pdf", ReminderOptions(issued_on=day, reply_by=reply)
        )
    path = work / "温岭科技局 填报表.xlsx"
    write_form(form, path)
    tasks = [int(row.row_id[1:]) for row in form.rows if not row.is_metric][:3]
    wb = openpyxl.load_workbook(path)
    ws = wb[layout.SHEET]
    header = next(r for r in range(1, 20) if layout.HEADER_OF["status"] in [c.value for c in ws[r]])
    cols = {layout.normalise_header(c.value): i + 1 for i, c in enumerate(ws[header]) if c.value}
    words = (
        ("滞后", 5, "用地指标尚未落实"),
        ("推进中", 40, "已完成方案编制并开工"),
        ("已完成", 100, "已建成投用"),
    )
    for r in range(header + 1, ws.max_row + 1):
        parsed = layout.parse_row_id(str(ws.cell(r, 1).value or ""))
        if parsed is not None and parsed[1] is None and parsed[0] in tasks:
            status, percent, text = words[tasks.index(parsed[0])]
            for key, value in (("status", status), ("percent", percent), ("progress", text)):
                ws.cell(r, cols[layout.normalise_header(layout.HEADER_OF[key])]).value = value
    wb.save(path)

    window = MainWindow(database)
    window.resize(1600, 980)
    window.show()
    loop = QEventLoop()
    window.cycle.signals.loaded.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    _settle(app, window)
    window.grab().save(str(out / "ui-cycle-panel.png"))

    from ui.dialogs.forms_import import open_forms_import_dialog

    dialog = open_forms_import_dialog(window)
    loop = QEventLoop()
    dialog.loaded.connect(loop.quit)
    dialog.load(path)
    loop.exec()
    dialog.resize(1100, 420)
    _settle(app, dialog)
    dialog.grab().save(str(out / "ui-cycle-review.png"))
    dialog.close()

    from tracker.forms.apply import apply_diff, check_origin, compute_diff
    from tracker.forms.read import read_form

    data = read_form(path)
    with database.unit_of_work() as session:
        check_origin(session, data)
        diff = compute_diff(session, data)
        returned = {c.task_id: "；".join(c.flags) for c in diff.changes if c.flags}
        apply_diff(session, diff, returned=returned, received_on=date(2023, 4, 17))
    window.reload()

    notices = window.cycle.show_notices()
    notices.resize(1000, 300)
    _settle(app, notices)
    notices.grab().save(str(out / "ui-cycle-notices.png"))
    notices.close()

    assessment = window.cycle.show_assessment()
    assessment.resize(1100, 620)
    _settle(app, assessment)
    assessment.grab().save(str(out / "ui-cycle-assessment.png"))
    assessment.close()

    window.close()
    database.dispose()
    shipped = Path(__file__).resolve().parents[1] / "resources" / "guide" / "images"
    if out.resolve() == shipped.parents[2] / "docs" / "images":  # the guide's own copies too
        for image in out.glob("ui-cycle-*.png"):
            shutil.copyfile(image, shipped / image.name)
    print("saved", sorted(p.name for p in out.glob("ui-cycle-*.png")))


if __name__ == "__main__":
    main()
