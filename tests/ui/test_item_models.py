"""Every item model of the window passes Qt's model tester with real ledger content."""

from __future__ import annotations

import pytest
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
from ui.models.task_table import LIGHT_VIEW_KEYS, TaskFilter, TaskFilterProxy, TaskTableModel, matching_rows
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
    proxy.update_criteria(text="科技", light=Light.UNREPORTED)  # nothing reported in the seed
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


def test_filtered_rows_keep_order_and_sorting_refilters(seeded: Database) -> None:
    with seeded.reading() as session:
        rows = load_task_rows(session, Q2)
    model = TaskTableModel()
    proxy = TaskFilterProxy(model, Q2)
    resets: list[int] = []
    proxy.modelReset.connect(lambda: resets.append(proxy.rowCount()))
    model.set_rows(rows)
    assert resets == [len(rows)]
    proxy.update_criteria(text="科技 平台")  # two words: both must appear
    shown = [proxy.index(r, 0).data(TaskTableModel.TaskIdRole) for r in range(proxy.rowCount())]
    expected = [r.id for r in rows if "科技" in r.search_text and "平台" in r.search_text]
    assert shown == expected and 0 < len(shown) < len(rows)
    proxy.sort(5, Qt.SortOrder.AscendingOrder)  # 完成时限
    dates = [proxy.shown_rows()[r].deadline for r in range(proxy.rowCount())]
    known = [d for d in dates if d is not None]
    assert known == sorted(known) and len(resets) == 3
    first = proxy.shown_rows()[0]
    assert proxy.index_of_task(first.id).row() == 0 and proxy.task_id(proxy.index(0, 3)) == first.id
    with proxy.batch():  # several changes, one reset
        proxy.update_criteria(text="")
        proxy.update_criteria(light=Light.RED)
        model.set_rows(rows)
    assert len(resets) == 4 and proxy.rowCount() == sum(r.light is Light.RED for r in rows)


def test_a_filter_keeps_the_selected_task_without_reloading_it(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = next(r for r in window.table_model.rows() if "科技" in r.search_text and r.depth)
    assert window.select_task(row.id)
    loads: list[int] = []
    monkeypatch.setattr(window, "show_task", lambda task_id: loads.append(task_id))
    window.proxy.update_criteria(text="科技")
    assert window.current_task_id() == row.id and loads == []
    window.proxy.update_criteria(text="不会出现的词语")
    assert window.current_task_id() is None and window.proxy.rowCount() == 0
    assert window.detail.task_id is None and window.detail.heading.text() == "未选择任务"
    window.proxy.update_criteria(text="")  # back in view: selected and shown again
    assert window.current_task_id() == row.id and loads == [row.id]


@pytest.mark.parametrize("code", ["2023Q2", "2024H1", "2025"])
def test_view_counts_are_the_views_filters(seeded: Database, code: str) -> None:
    """Each count is the tasks the view shows; group headings are shown under 全部, never counted."""
    period = parse_period(code)
    with seeded.reading() as session:
        rows = load_task_rows(session, period)
    entries = view_entries(rows, period)
    for entry in entries:
        shown = [r for r in matching_rows(rows, TaskFilter(view=entry.key), period) if r.counted]
        assert entry.count == len(shown), entry.label
    assert entries[0].count == 130  # the built-in plans' tasks, headings not counted
    by_key = {entry.key: entry.count for entry in entries}
    lights = {LIGHT_VIEW_KEYS[light] for light in Light}
    assert sum(by_key[key] for key in lights) == 130  # every counted task has one light
