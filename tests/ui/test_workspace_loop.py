"""The weekly loop through the real window: period, unit filter, task, progress, close, delete."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import wait_loaded
from tracker.db import models as m
from tracker.lights import Light
from tracker.periods import parse_period, period_containing
from ui.edit_dialogs import RecycleBinDialog
from ui.evidence_files import EvidenceFiles
from ui.main_window import MainWindow
from ui.progress_dialog import ProgressDialog
from ui.small_dialogs import ReasonDialog


def visible_ids(window: MainWindow) -> list[int]:
    proxy = window.proxy
    return [proxy.task_id(proxy.index(r, 0)) or 0 for r in range(proxy.rowCount())]


def click_yes(qtbot: QtBot, box: QMessageBox) -> None:
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)


def test_weekly_loop(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    # 1. pick the period: everything is judged as of 2023年第二季度, and it is remembered
    window.period_bar.set_period(parse_period("2023Q2"))
    wait_loaded(qtbot, window)
    assert window.snapshot is not None and window.snapshot.period.code == "2023Q2"
    assert "2023年第二季度" in window.period_label.text()

    # 2. filter to one unit through the navigation pane
    snapshot = window.snapshot
    unit = max(snapshot.units, key=lambda u: u.unreported)
    window.nav.select_unit(unit.id)
    ids = visible_ids(window)
    assert ids and all(unit.id in window.row_of(i).unit_ids for i in ids)  # type: ignore[union-attr]
    assert window.proxy.rowCount() < window.table_model.rowCount()

    # 3. open a task that owes an update and has an indicator
    target = next(
        r
        for r in snapshot.rows
        if r.id in ids and r.owes_update and r.metric_count and r.light is not Light.GREEN
    )
    assert window.select_task(target.id)
    assert window.detail.task_id == target.id
    assert target.title in window.detail.heading.text()
    overview_before = snapshot.overview.ledger

    # 4. record progress: status, text, an actual value, an evidence file dropped in
    dialog = window.actions_.record_current()
    assert isinstance(dialog, ProgressDialog) and dialog.isVisible()
    proof = tmp_path / "验收报告（盖章）.pdf"
    proof.write_bytes(b"%PDF-1.4 proof")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(proof))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dialog.dropEvent(drop)
    assert dialog.files == [proof]
    dialog.status_box.setCurrentIndex(dialog.status_box.findData("done"))
    dialog.progress.setPlainText("已全面完成，通过验收")
    metric_id = dialog.metrics[0].id
    dialog.actual_edits[metric_id].setText("12")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)  # saved in a worker thread
    wait_loaded(qtbot, window)

    # the light, the detail and the overview follow
    row = window.row_of(target.id)
    assert row is not None and row.status == "done" and row.light is Light.GREEN and row.reported
    assert window.current_task_id() == target.id
    assert [e.filename for e in window.detail.evidence_model.records()] == [proof.name]
    assert any(x.current_actual == 12 for x in window.detail.metric_model.records())
    assert window.detail.update_model.records()[0].progress == "已全面完成，通过验收"
    assert any("佐证材料" in h.summary for h in window.detail.history_model.records())
    after = window.snapshot.overview.ledger  # type: ignore[union-attr]
    assert after.by_status["done"] == overview_before.by_status["done"] + 1
    assert after.unreported == overview_before.unreported - 1
    assert after.by_light[Light.GREEN] == overview_before.by_light[Light.GREEN] + 1
    window.center.setCurrentWidget(window.overview_page)
    assert "完成率" in window.overview_page.headline.text()

    # the evidence saves elsewhere, written off the GUI thread (tests/ui/test_evidence_files.py)
    [item] = window.detail.evidence_model.records()
    saved = tmp_path / "另存" / "副本.pdf"
    saved.parent.mkdir()
    with qtbot.waitSignal(EvidenceFiles.of(window).saved, timeout=10_000):
        assert window.actions_.save_evidence_to(item.id, saved)
    assert saved.read_bytes() == proof.read_bytes()

    # 5. close (销号) a task with a required reason
    window.center.setCurrentWidget(window.table)
    other = next(i for i in visible_ids(window) if i != target.id and not window.row_of(i).finished)  # type: ignore[union-attr]
    window.select_task(other)
    close = window.actions_.close_current()
    assert isinstance(close, ReasonDialog)
    ok = close.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # empty reason is refused
    assert close.isVisible()
    close.reason.setPlainText("经现场核查已办结")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, window)
    assert window.detail.close_button.text().startswith("撤销销号")
    assert any(h.summary.startswith("销号") for h in window.detail.history_model.records())
    # closed today in the window's period (2023Q2), so judged as closed from then on
    window.period_bar.set_period(period_containing(date.today()))
    wait_loaded(qtbot, window)
    assert window.row_of(other).status == "closed"  # type: ignore[union-attr]
    assert window.row_of(other).light is Light.GREEN  # type: ignore[union-attr]
    window.select_task(other)

    # 6. delete a task (asked first) and restore it from the recycle bin
    box = window.actions_.delete_current()
    assert box is not None
    click_yes(qtbot, box)
    wait_loaded(qtbot, window)
    assert window.row_of(other) is None
    bin_dialog = window.actions_.recycle_bin()
    assert isinstance(bin_dialog, RecycleBinDialog)
    assert bin_dialog.model.records()[0].id == other
    bin_dialog.table.selectRow(0)
    qtbot.mouseClick(bin_dialog.restore_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, window)
    assert window.row_of(other) is not None and bin_dialog.model.rowCount() == 0
    bin_dialog.accept()

    # the period is remembered for the next start
    second = MainWindow(window.database)
    qtbot.addWidget(second)
    wait_loaded(qtbot, second)
    assert second.period == window.period


def test_failed_save_shows_message_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    task_id = window.snapshot.rows[3].id  # type: ignore[union-attr]
    window.select_task(task_id)
    dialog = window.actions_.record_current()
    assert isinstance(dialog, ProgressDialog)
    gone = tmp_path / "会被删除.docx"
    gone.write_bytes(b"x")
    dialog.add_files([gone])
    gone.unlink()
    dialog.progress.setPlainText("进展")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.saving, timeout=10_000)  # saved in a worker thread
    assert dialog.isVisible()
    boxes = [w for w in dialog.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and "不存在" in boxes[0].text()
    boxes[0].accept()
    with window.database.reading() as session:
        assert session.scalars(select(m.Update).where(m.Update.task_id == task_id)).first() is None


def test_filters_views_and_search(qtbot: QtBot, window: MainWindow) -> None:
    total = window.table_model.rowCount()
    window.search.setText("孵化")
    window.apply_search()
    ids = visible_ids(window)
    assert 0 < len(ids) < total
    assert all("孵化" in window.row_of(i).search_text for i in ids)  # type: ignore[union-attr]
    window.nav.set_view("late")
    assert all(window.row_of(i).light is Light.RED for i in visible_ids(window))  # type: ignore[union-attr]
    window.light_filter.setCurrentIndex(window.light_filter.findData(int(Light.GREY)))
    assert window.proxy.rowCount() == 0
    window.clear_filters()
    assert window.proxy.rowCount() == total
    plan = window.snapshot.plans[1]  # type: ignore[union-attr]
    window.plan_filter.setCurrentIndex(window.plan_filter.findData(plan.id))
    assert {window.row_of(i).plan_id for i in visible_ids(window)} == {plan.id}  # type: ignore[union-attr]
    # sorting by deadline keeps the filter
    window.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    assert {window.row_of(i).plan_id for i in visible_ids(window)} == {plan.id}  # type: ignore[union-attr]
    window.save_state()
    again = MainWindow(window.database)
    qtbot.addWidget(again)
    wait_loaded(qtbot, again)
    assert again.plan_filter.currentData() == plan.id and again.proxy.rowCount() == window.proxy.rowCount()


def test_menu_opens_reports_imports_and_forms(window: MainWindow, qtbot: QtBot) -> None:
    actions = window.actions_
    assert actions.export_action.shortcut().toString() == "Ctrl+E"
    assert actions.print_action.shortcut().toString() == "Ctrl+P"
    for action, title in (
        (actions.export_action, "督查通报"),
        (actions.import_plan_action, "导入"),
        (actions.forms_export_action, "填报表"),
        (actions.forms_import_action, "填报表"),
    ):
        assert action.isEnabled()
        action.trigger()
        dialog = actions.dialog
        assert dialog is not None and dialog.isVisible(), action.text()
        assert title in dialog.windowTitle(), dialog.windowTitle()
        dialog.close()
    assert window.actions_.record_action.shortcut().toString() == "Ctrl+N"
