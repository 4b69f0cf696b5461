"""Every item model of the window passes Qt's model tester with real ledger content."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from tracker.db.engine import Database
from tracker.lights import Light
from tracker.periods import parse_period
from tracker.views.record import load_task_record
from tracker.views.table import load_task_rows, overview, unit_summaries
from tracker.views.tree import load_tree
from ui.main_window import MainWindow
from ui.models.plan_tree import PlanTreeModel
from ui.models.rows import RowsModel
from ui.models.task_table import TaskFilterProxy, TaskTableModel
from ui.navigation import UNIT_COLUMNS, VIEW_COLUMNS, view_entries
from ui.overview_page import OWING_COLUMNS, _tally_columns
from ui.task_detail_view import HISTORY_COLUMNS, METRIC_COLUMNS, UPDATE_COLUMNS

Q2 = parse_period("2023Q2")


def test_task_table_and_proxy(qtmodeltester: ModelTester, seeded: Database) -> None:
    with seeded.reading() as session:
        rows = load_task_rows(session, Q2)
    model = TaskTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    proxy = TaskFilterProxy(model, Q2)
    proxy.update_criteria(text="科技", light=Light.RED)
    qtmodeltester.check(proxy)
    assert 0 < proxy.rowCount() < model.rowCount()
    proxy.sort(5, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    light = model.index(0, 6)
    decoration = light.data(Qt.ItemDataRole.DecorationRole).toImage()
    centre = decoration.pixelColor(decoration.width() // 2, decoration.height() // 2)
    assert centre.name().upper() == model.row_at(0).light.colour
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "序号"


def test_small_models(qtmodeltester: ModelTester, seeded: Database) -> None:
    with seeded.reading() as session:
        rows = load_task_rows(session, Q2)
        units = unit_summaries(session, rows)
        data = overview(session, Q2, rows)
        plans = load_tree(session)
        task_id = next(r.id for r in rows if r.metric_count)
        record = load_task_record(session, task_id, Q2)
    assert record is not None
    for columns, records in (
        (VIEW_COLUMNS, view_entries(rows, Q2)),
        (UNIT_COLUMNS, units),
        (_tally_columns("方案"), data.plans),
        (OWING_COLUMNS, data.owing_units),
        (METRIC_COLUMNS, record.metrics),
        (UPDATE_COLUMNS, record.updates),
        (HISTORY_COLUMNS, record.history),
    ):
        model: RowsModel[object] = RowsModel(columns, records)  # type: ignore[arg-type]
        qtmodeltester.check(model)
        assert model.rowCount() == len(records)
    qtmodeltester.check(PlanTreeModel(plans))


def test_window_models(qtmodeltester: ModelTester, window: MainWindow) -> None:
    for model in (window.proxy, window.nav.view_model, window.nav.unit_model, window.nav.tree_model):
        qtmodeltester.check(model)
