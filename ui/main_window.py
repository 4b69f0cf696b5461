"""The main window: period, navigation, the task table, the detail pane and the overview.

Reloads of the whole ledger (rows, lights, counts) run off the GUI thread; filtering is
in memory. At start-up a big ledger is read on the GUI thread in bounded steps instead
(`snapshot_steps`): the window shows its first screen of rows at once and stays answering
between steps, each a few plans' rows. Every user action is one service call in one
`unit_of_work`, after which the window reloads what it shows.
"""

from __future__ import annotations

import logging
from collections.abc import Generator
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QItemSelection, QObject, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QWidget,
)
from sqlalchemy.orm import Session

from tracker import APP_NAME
from tracker.db.engine import Database
from tracker.facts.counts import REPORT_ORDER, UnitRow, add_unit_rows, unit_rows
from tracker.ledger_lock import LedgerLock
from tracker.lights import REPORT_LABELS, Light
from tracker.periods import Period
from tracker.views.bulk import collector_paused
from tracker.views.plan_metrics import PlanMetricRow, load_plan_metrics
from tracker.views.rules import JudgingSettings, load_settings
from tracker.views.table import (
    Overview,
    TaskRow,
    UnitSummary,
    filter_choices,
    in_summary_order,
    live_plan_sizes,
    load_task_rows,
    overview_of,
    plan_batches,
    tree_from_rows,
    unit_names,
    unit_summaries,
)
from tracker.views.tree import PlanNode
from ui.actions import KEEP_SORT_KEY, WindowActions
from ui.common import Background, clamp_to_screen, show_error
from ui.cycle import CycleActions
from ui.data_actions import DataActions
from ui.models.task_table import COLUMN_KEYS, COLUMNS, TaskFilter, TaskFilterProxy, TaskTableModel
from ui.navigation import NavigationPane, add_view_counts, view_counts
from ui.overview_page import OverviewPage
from ui.period_bar import PeriodBar, remembered_period
from ui.task_detail_view import TaskDetailPane

log = logging.getLogger("ui.main_window")

DEFAULT_WIDTHS = {
    "code": 64, "title": 300, "plan": 120, "lead": 130, "support": 180, "deadline": 110, "light": 72, "status": 96,
}  # fmt: skip
DEFAULT_HIDDEN = ("support",)
# The columns an officer needs on any screen come first: on a 1024-pixel laptop 序号, 任务,
# 亮灯 and 状态 stay in view and the rest scroll.
DEFAULT_ORDER = (
    "code",
    "title",
    "light",
    "status",
    "deadline",
    "lead",
    "plan",
    "support",
    "progress",
    "completion",
)
HEADER_STATE_KEY = "main/table_header_v2"  # v1 kept 亮灯 and 状态 far right; not restored
TITLE_WIDTHS = (180, 520)  # 任务 takes the table's spare width within these bounds
# A ledger of more tasks than this is read in steps at start-up, showing its first screen first.
STAGED_ABOVE = 2_000
FIRST_SCREEN = 100  # tasks read before the window first shows (at least; whole plans)
STEP_TASKS = 300  # tasks read in each later step: ~15 ms on a 2-core machine, whatever the size


@dataclass
class Snapshot:
    """Everything the window shows of the ledger as of one period, read in one go."""

    period: Period
    settings: JudgingSettings
    rows: list[TaskRow]
    units: list[UnitSummary]
    plans: list[PlanNode]
    plan_metrics: list[PlanMetricRow] | None  # None: read when the 总览 is first shown
    # While the start-up read is under way: the rows so far are the table's first ones, the
    # counts are not shown, and the filters offer every unit and year a live task names.
    complete: bool = True
    expected: int = 0  # live tasks in all, when not complete
    unit_choices: list[tuple[str, int]] | None = None
    years: list[int] | None = None
    view_counts: dict[str, int] | None = None  # counted as the rows were read, when so

    @cached_property
    def overview(self) -> Overview:
        """Counted when the 总览 is first shown, not before the window can be used."""
        return overview_of(self.period, self.rows, self.units)


def pane_sizes(width: int) -> list[int]:
    """Navigation, table and detail widths for a window `width` wide (the first start's layout).

    The table gets what the side panes leave, at least 520 pixels so its key columns show:
    on a 1024-pixel screen the side panes are narrow, on a wide one the detail has room.
    """
    nav = max(180, min(280, width * 17 // 100))
    detail = max(280, min(520, width * 30 // 100))
    table = width - nav - detail
    if table < 520:
        detail = max(0, width - nav - 520)
        table = width - nav - detail
    return [nav, table, detail]


def read_snapshot(database: Database, period: Period) -> Snapshot:
    with collector_paused(), database.reading() as session:
        return _read_all(session, period)


def _read_all(session: Session, period: Period) -> Snapshot:
    settings = load_settings(session)
    rows = load_task_rows(session, period, settings.rules)
    return Snapshot(
        period,
        settings,
        rows,
        unit_summaries(session, rows),
        tree_from_rows(session, rows),
        load_plan_metrics(session, period),
    )


def snapshot_steps(
    database: Database,
    period: Period,
    staged_above: int = STAGED_ABOVE,
    first: int = FIRST_SCREEN,
    then: int = STEP_TASKS,
) -> Generator[Snapshot | int, None, None]:
    """Read the snapshot in bounded steps, for a window that shows it as it comes.

    A ledger of at most `staged_above` tasks yields its complete Snapshot at once. A
    bigger one yields first a partial Snapshot (`complete` False): the settings, the rows
    of the plans that fill the first screen, the plans and the filters' choices; then, after
    each further step (a few plans' rows, their tree and their units' counts), the number
    of tasks read so far; and last the complete Snapshot, the same as `read_snapshot` but
    for its plan metrics, read when the 总览 is first shown. One read transaction spans the
    steps, so they see one state of the ledger.
    """
    with collector_paused() as pause, database.reading() as session:
        sizes = live_plan_sizes(session)
        expected = sum(tasks for _plan, tasks in sizes)
        if expected <= staged_above:
            yield _read_all(session, period)
            return
        pause.keep = True  # once per start-up: the rows built stay out of the collector's walks
        settings = load_settings(session)
        batches = plan_batches(sizes, first, then)
        rows = load_task_rows(session, period, settings.rules, plan_ids=batches[0])
        # The tree and the units' counts are built batch by batch, as the rows come: done
        # at the end, each was one step of ~70 ms at 50,000 tasks.
        plans = tree_from_rows(session, rows)
        by_id = {plan.id: plan for plan in plans}
        names = unit_names(session)
        units: dict[int, UnitRow] = {}
        add_unit_rows(units, unit_rows(rows, names))
        views = view_counts(rows, period)
        unit_choices, years = filter_choices(session)
        yield Snapshot(
            period,
            settings,
            list(rows),
            [],
            plans,
            [],
            complete=False,
            expected=expected,
            unit_choices=unit_choices,
            years=years,
        )
        for plan_ids in batches[1:]:
            batch = load_task_rows(session, period, settings.rules, plan_ids=plan_ids, first_order=len(rows))
            rows += batch
            for plan in tree_from_rows(session, batch):
                if plan.id in plan_ids:
                    by_id[plan.id].tasks = plan.tasks
            add_unit_rows(units, unit_rows(batch, names))
            add_view_counts(views, view_counts(batch, period))
            yield len(rows)
        # The 总览's plan metrics are read when it is first shown, as its counts are.
        yield Snapshot(
            period, settings, rows, in_summary_order(units.values()), plans, None, view_counts=views
        )


class MainWindow(QMainWindow):
    loaded = Signal()  # a whole snapshot is shown (after the start-up read, and after each reload)
    # A read has ended, whole or stopped by an error: what waits for the start-up read (the
    # day's backup, the 报送提醒 panel) may begin. `loaded` alone never comes after a failed read.
    settled = Signal()

    def __init__(
        self, database: Database, parent: QWidget | None = None, *, staged_above: int = STAGED_ABOVE
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.snapshot: Snapshot | None = None
        self.setWindowTitle(APP_NAME)
        self.resize(1480, 900)
        clamp_to_screen(self)  # a 1024×640 laptop gets a window it can see whole
        self._pending_select: int | None = None
        self._filters_restored = False

        self.period_bar = PeriodBar(remembered_period())
        self.period_bar.changed.connect(self._period_changed)

        self.table_model = TaskTableModel()
        self.proxy = TaskFilterProxy(self.table_model, self.period_bar.period)
        self.table = QTableView()
        self.table.setObjectName("taskTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        keys = [k for k, _ in COLUMNS]
        for visual, key in enumerate(DEFAULT_ORDER):
            header.moveSection(header.visualIndex(keys.index(key)), visual)
        for key, width in DEFAULT_WIDTHS.items():
            header.resizeSection(keys.index(key), width)
        for key in DEFAULT_HIDDEN:
            header.hideSection(keys.index(key))
        self._title_width = DEFAULT_WIDTHS["title"]  # as last fitted; a width the officer set is kept
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._kept_task: int | None = None
        self._quiet_selection = False
        self.proxy.modelAboutToBeReset.connect(self._keep_selection)
        self.proxy.modelReset.connect(self._restore_selection)

        self.detail = TaskDetailPane()
        self.detail.setObjectName("detailPane")
        self.nav = NavigationPane()
        self.nav.setObjectName("navigation")
        self.overview_page = OverviewPage()
        self.overview_page.setObjectName("overviewPage")

        self.center = QTabWidget()
        self.center.setObjectName("centerTabs")
        self.center.addTab(self.table, "任务台账")
        self.center.addTab(self.overview_page, "总览")
        self._overview_shown = True  # the page shows the current snapshot's counts
        self.center.currentChanged.connect(lambda _index: self._show_overview())

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.center)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setCollapsible(1, False)  # the table never disappears; the panes beside it may
        self.splitter.setSizes(pane_sizes(self.width()))
        self.setCentralWidget(self.splitter)

        self._build_filter_bar()
        self.table.viewport().installEventFilter(self)
        self.status_label = QLabel()
        self.period_label = QLabel()
        self.period_label.setObjectName("periodLabel")
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.period_label)

        self.actions_ = WindowActions(self)
        self.overview_page.guide_requested.connect(self.actions_.help)
        self.cycle = CycleActions(self)
        self.data_actions = DataActions(self)
        self.ledger_lock: LedgerLock | None = None  # set by ui.app when the window owns the ledger
        self.background = Background(self._apply_snapshot, self._load_failed)
        self.nav.view_picked.connect(self._view_picked)
        self.nav.plan_picked.connect(self._plan_picked)
        self.nav.task_picked.connect(self._task_picked)
        self.nav.unit_picked.connect(self._unit_picked)
        self._restore_state()
        self._set_tab_order()
        # The first read happens before the window shows: all of a small ledger; of a big
        # one, the first screen of rows, the rest read in steps between events (a thread
        # would contend for the GIL with every paint). Later reloads (a new period, after
        # each change) run off the GUI thread.
        self._steps: Generator[Snapshot | int, None, None] | None = None
        self._step_timer = QTimer(self)
        self._step_timer.setInterval(0)
        self._step_timer.timeout.connect(self._read_step)
        steps = snapshot_steps(database, self.period, staged_above, FIRST_SCREEN, STEP_TASKS)
        first = next(steps)
        assert isinstance(first, Snapshot)
        if not first.complete:
            # The steps begin once the first screen is painted (or soon, if never shown).
            self._steps = steps
            QTimer.singleShot(500, self, self._begin_steps)
        self._apply_snapshot(first)

    # -- toolbars ------------------------------------------------------------------------
    def _build_filter_bar(self) -> None:
        top = QToolBar("报告期")
        top.setObjectName("periodToolbar")
        top.addWidget(self.period_bar)
        self.addToolBar(top)
        self.main_toolbar = top

        bar = QToolBar("筛选")
        bar.setObjectName("filterToolbar")
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText("搜索任务、内容、单位（Ctrl+F）")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.search.textChanged.connect(self._search_changed)
        self.search.installEventFilter(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)
        self._search_timer.timeout.connect(self.apply_search)
        bar.addWidget(self.search)

        self.plan_filter = self._combo("planFilter", "全部方案")
        self.unit_filter = self._combo("unitFilter", "全部单位")
        self.unit_filter.setMaximumWidth(220)
        self.plan_filter.setMaximumWidth(220)
        self.status_filter = self._combo("statusFilter", "全部报送状态")
        for code in REPORT_ORDER:
            self.status_filter.addItem(REPORT_LABELS[code], code)
        self.light_filter = self._combo("lightFilter", "全部亮灯")
        for light in (Light.RED, Light.YELLOW, Light.UNREPORTED, Light.GREEN, Light.GREY):
            self.light_filter.addItem(light.label, int(light))
        self.year_filter = self._combo("yearFilter", "全部年度")
        for combo in (
            self.plan_filter,
            self.unit_filter,
            self.status_filter,
            self.light_filter,
            self.year_filter,
        ):
            bar.addWidget(combo)
            combo.currentIndexChanged.connect(self._combo_changed)
        self.clear_action = QAction("清除筛选", self)
        self.clear_action.setObjectName("clearFilters")
        self.clear_action.triggered.connect(self.clear_filters)
        bar.addAction(self.clear_action)
        self.addToolBarBreak()
        self.addToolBar(bar)
        self.filter_toolbar = bar

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    # -- loading ---------------------------------------------------------------------------
    @property
    def period(self) -> Period:
        return self.period_bar.period

    @property
    def loading(self) -> bool:
        return self.background.busy or self._steps is not None

    def _begin_steps(self) -> None:
        if self._steps is not None and not self._step_timer.isActive():
            self._step_timer.start()

    def _read_step(self) -> None:
        """One bounded step of the start-up read; the last one shows the whole ledger."""
        steps = self._steps
        if steps is None:
            self._step_timer.stop()
            return
        try:
            item = next(steps)
        except Exception as error:  # shown to the officer, as a reload's failure is
            self._stop_steps()
            self._load_failed(error, partial=True)
            return
        if isinstance(item, Snapshot):
            self._stop_steps()
            self._apply_snapshot(item)
        elif self.snapshot is not None:
            self.status_label.setText(self._reading_text(item, self.snapshot.expected))

    def _stop_steps(self) -> None:
        """End the start-up read (done, or overtaken by a reload): its transaction closes."""
        self._step_timer.stop()
        steps, self._steps = self._steps, None
        if steps is not None:
            steps.close()

    @staticmethod
    def _reading_text(read: int, expected: int) -> str:
        return f"正在读取台账…（已读取 {read} / {expected} 条；计数在读完后显示）"

    def reload(self, select_task: int | None = None) -> None:
        """Read the ledger as of the current period off the GUI thread, then show it."""
        self._stop_steps()
        if select_task is not None:
            self._pending_select = select_task
        elif self._pending_select is None:
            self._pending_select = self.current_task_id()
        database, period = self.database, self.period
        self.status_label.setText("正在读取台账…")
        self.background.submit(lambda: read_snapshot(database, period))

    def _load_failed(self, error: BaseException, partial: bool = False) -> None:
        """Say the read failed; after a start-up read stopped halfway, what the window holds and
        how to read the rest (刷新 reads it all again, and signals `loaded` when it succeeds).
        Either way the read is over: `settled` lets the day's backup start (it copies the file,
        and refuses a damaged one, whatever the window could read)."""
        if partial:
            self.status_label.setText(
                "读取台账未完成：只显示了已读出的任务，计数未显示；请按“刷新”（F5）重新读取"
            )
            show_error(
                self,
                f"读取台账时出错：{error}\n\n窗口中只有已读出的部分任务，计数未显示。"
                "请按“刷新”（F5）重新读取；若仍出错，请用“数据 → 检查台账”。",
            )
        else:
            self.status_label.setText("读取台账失败")
            show_error(self, f"读取台账失败：{error}")
        if not self.loading:
            self.settled.emit()

    def _apply_snapshot(self, snapshot: Snapshot) -> None:
        """Show a snapshot; a partial one (start-up) shows its rows, the counts wait for the rest."""
        self.snapshot = snapshot
        self.proxy.set_period(snapshot.period)
        header = self.table.horizontalHeader()
        with self.proxy.batch():  # new rows, their order and the filters: one refilter
            self.table_model.set_rows(snapshot.rows)
            if header.sortIndicatorSection() >= 0:
                self.table_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
            if snapshot.complete:
                self.nav.set_content(
                    snapshot.plans, snapshot.rows, snapshot.units, snapshot.period, snapshot.view_counts
                )
            else:
                self.nav.show_reading()
            self._overview_shown = False
            self._show_overview()
            self._fill_filter_choices(snapshot)
            if not self._filters_restored:
                self._filters_restored = True
                self._restore_filters()
            self.proxy.refilter()
        self.nav.legend.set_rules(snapshot.settings.rules)
        self.period_label.setText(f"报告期：{snapshot.period.label}")
        # Qt adds “ — 督查台账” (the application's display name) itself; the name once is enough.
        self.setWindowTitle(snapshot.period.label)
        self._show_counts()
        if not snapshot.complete:
            if self.current_task_id() is None:
                self.detail.show_placeholder()
            return
        task_id, self._pending_select = self._pending_select, None
        if task_id is not None and self.select_task(task_id):
            self.show_task(task_id)
        elif self.current_task_id() is None:
            self.detail.show_placeholder()
        self.loaded.emit()
        self.settled.emit()

    def _show_overview(self) -> None:
        """Fill the 总览 when it is on screen and out of date (counting waits until then)."""
        snapshot = self.snapshot
        if (
            snapshot is None
            or not snapshot.complete  # counted once every task is read
            or self._overview_shown
            or self.center.currentWidget() is not self.overview_page
        ):
            return
        self._overview_shown = True
        self.overview_page.set_overview(snapshot.overview, snapshot.settings.rules)
        if snapshot.plan_metrics is None:
            with self.database.reading() as session:
                snapshot.plan_metrics = load_plan_metrics(session, snapshot.period)
        self.overview_page.set_plan_metrics(snapshot.plan_metrics)
        self.overview_page.set_changes(self._changes_sentences(snapshot))

    def _changes_sentences(self, snapshot: Snapshot) -> list[str]:
        """较上期 of the shown period, read when the 总览 is first shown (the previous period's
        facts are one more read of the ledger; the current one is the snapshot's rows)."""
        from tracker.facts.period import read_facts
        from tracker.views.changes import period_changes

        with self.database.reading() as session:
            now = read_facts(session, snapshot.period, rows=snapshot.rows)
            changes = period_changes(session, snapshot.period, now=now)
        if not changes.worth_stating:
            return []
        return changes.sentences()

    def _fill_filter_choices(self, snapshot: Snapshot) -> None:
        def refill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for label, value in items:
                combo.addItem(label, value)
            found = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)

        refill(self.plan_filter, [(p.label, p.id) for p in snapshot.plans])
        units = snapshot.unit_choices
        if units is None:
            units = [(u.name, u.id) for u in sorted(snapshot.units, key=lambda u: u.name)]
        refill(self.unit_filter, units)
        years = snapshot.years
        if years is None:
            years = sorted({r.deadline.year for r in snapshot.rows if r.deadline is not None})
        refill(self.year_filter, [(f"{y}年", y) for y in years])

    def _show_counts(self) -> None:
        """Tasks shown and in all, counted as the 总览 counts them (group headings apart)."""
        snapshot = self.snapshot
        if snapshot is not None and not snapshot.complete:
            self.status_label.setText(self._reading_text(len(snapshot.rows), snapshot.expected))
            return
        shown = sum(1 for row in self.proxy.shown_rows() if row.counted)
        total = sum(1 for row in self.table_model.rows() if row.counted)
        groups = self.proxy.rowCount() - shown
        text = f"显示 {shown} / {total} 项任务" if shown != total else f"共 {total} 项任务"
        if groups:
            text += f"（另有 {groups} 个分组标题）"
        column, order = self.table_model.sorted_by
        if not self.table_model.in_tree_order():
            way = "升序" if order == Qt.SortOrder.AscendingOrder else "降序"
            text += f"　按“{COLUMNS[column][1]}”{way}排列（视图 → 恢复原顺序）"
        self.status_label.setText(text)

    # -- filters -----------------------------------------------------------------------------
    def _search_changed(self) -> None:
        self._search_timer.start()

    def apply_search(self) -> None:
        self._search_timer.stop()
        self.proxy.update_criteria(text=self.search.text())
        self._show_counts()

    def _combo_changed(self) -> None:
        light = self.light_filter.currentData()
        changes: dict[str, Any] = {
            "plan_id": self.plan_filter.currentData(),
            "unit_id": self.unit_filter.currentData(),
            "status": self.status_filter.currentData(),
            "light": None if light is None else Light(int(light)),
            "year": self.year_filter.currentData(),
        }
        if changes["plan_id"] != self.proxy.criteria.plan_id:
            changes["task_ids"] = None
        self.proxy.update_criteria(**changes)
        self._show_counts()

    def clear_filters(self) -> None:
        for combo in (
            self.plan_filter,
            self.unit_filter,
            self.status_filter,
            self.light_filter,
            self.year_filter,
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.nav.clear_selection()
        self.nav.set_view("all")
        self.proxy.set_criteria(TaskFilter())
        self._show_counts()

    def set_unit_filter(self, unit_id: int) -> None:
        self.unit_filter.setCurrentIndex(max(0, self.unit_filter.findData(unit_id)))

    def _view_picked(self, key: str) -> None:
        self.proxy.update_criteria(view=key)
        self._show_counts()

    def _plan_picked(self, plan_id: int) -> None:
        self.plan_filter.setCurrentIndex(max(0, self.plan_filter.findData(plan_id)))
        self.proxy.update_criteria(task_ids=None)
        self._show_counts()

    def _task_picked(self, task_id: int, ids: frozenset[int]) -> None:
        self.proxy.update_criteria(task_ids=ids)
        self._show_counts()
        self.center.setCurrentWidget(self.table)
        self.select_task(task_id)

    def _unit_picked(self, unit_id: int) -> None:
        self.set_unit_filter(unit_id)
        self.center.setCurrentWidget(self.table)

    # -- the keyboard --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter or ↓ in the search box goes to the results, filtered at once; the table's
        任务 column follows the table's width."""
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_title()
            return False
        if watched is self.table.viewport() and event.type() == QEvent.Type.Paint and self._steps is not None:
            self._begin_steps()  # its first tick comes after this paint
            return False
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down)
        ):
            self.apply_search()
            self.focus_table()
            return True
        return super().eventFilter(watched, event)

    def _set_tab_order(self) -> None:
        """Tab follows the eye: the period, the search and filters left to right, then the
        navigation, the table and the detail pane, top to bottom."""
        bar = self.period_bar
        chain: list[QWidget] = [
            bar.kind_box,
            bar.year_box,
            bar.number_box,
            self.search,
            self.plan_filter,
            self.unit_filter,
            self.status_filter,
            self.light_filter,
            self.year_filter,
            self.nav.view_list,
            self.nav.tabs,
            self.nav.tree,
            self.table,
            self.detail.record_button,
            self.detail.close_button,
            self.detail.edit_button,
            self.detail.delete_button,
            self.detail.tabs,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def fit_title(self) -> None:
        """Give 任务 the table's spare width (within TITLE_WIDTHS) unless the officer sized it."""
        header = self.table.horizontalHeader()
        title = COLUMN_KEYS.index("title")
        if header.sectionSize(title) != self._title_width or header.isSectionHidden(title):
            return  # sized by hand: keep it
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != title and not header.isSectionHidden(c) and header.visualIndex(c) < 4
        )
        spare = self.table.viewport().width() - others - 2
        width = max(TITLE_WIDTHS[0], min(TITLE_WIDTHS[1], spare))
        self._title_width = width
        header.resizeSection(title, width)

    # -- sorting -------------------------------------------------------------------------------
    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        in_order = (column, order) == (0, Qt.SortOrder.AscendingOrder)
        self.actions_.restore_order_action.setEnabled(not in_order)
        self._show_counts()

    def restore_order(self) -> None:
        """恢复原顺序: back to the documents' order, where the table shows the task tree."""
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self.keep_table_wide)  # once the splitter has its new width

    def keep_table_wide(self, least: int = 520) -> None:
        """When the window narrows, the side panes give way before the table does: the detail
        down to 260 pixels, then the navigation down to 160 (either may still be dragged)."""
        nav, table, detail = self.splitter.sizes()
        if table >= least or nav + table + detail == 0:
            return
        need = least - table
        take = min(need, max(0, detail - 260)) if detail else 0
        detail -= take
        need -= take
        give = min(need, max(0, nav - 160)) if nav else 0
        nav -= give
        self.splitter.setSizes([nav, table + take + give, detail])

    def toggle_detail(self) -> None:
        """Show or fold away the detail pane (a small screen's table gets its width)."""
        sizes = self.splitter.sizes()
        if sizes[2] == 0:
            self.focus_detail()
        else:
            self.splitter.setSizes([sizes[0], sizes[1] + sizes[2], 0])

    def focus_navigation(self) -> None:
        """Ctrl+1."""
        self.nav.focus()

    def focus_table(self) -> None:
        """Ctrl+2: the task table, with the selected task (or the first row) current."""
        self.center.setCurrentWidget(self.table)
        if not self.table.selectionModel().hasSelection() and self.proxy.rowCount():
            index = self.table.currentIndex()
            self.table.setCurrentIndex(index if index.isValid() else self.proxy.index(0, 0))
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_detail(self) -> None:
        """Ctrl+3: the detail pane's open tab (shown again if it was collapsed)."""
        sizes = self.splitter.sizes()
        if sizes[2] == 0:
            sizes[2] = max(320, self.width() // 3)
            self.splitter.setSizes(sizes)
        self.detail.tabs.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- selection and detail ----------------------------------------------------------------
    def current_task_id(self) -> int | None:
        return self.proxy.task_id(self.table.currentIndex())

    def select_task(self, task_id: int) -> bool:
        index = self.proxy.index_of_task(task_id)
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _keep_selection(self) -> None:
        current = self.current_task_id()
        if current is not None:
            self._kept_task = current

    def _restore_selection(self) -> None:
        """After a refilter the selected task stays selected while the table shows it.

        A filter that hides it clears the detail; the task is remembered, and selected
        again (its detail shown) when a later filter brings it back.
        """
        task_id = self._kept_task
        if task_id is None:
            return
        index = self.proxy.index_of_task(task_id)
        if not index.isValid():
            if self.detail.task_id is not None:
                self.detail.show_placeholder()
            return
        self._quiet_selection = self.detail.task_id == task_id  # shown already: no reload
        try:
            self.table.setCurrentIndex(index)
        finally:
            self._quiet_selection = False
        self.table.scrollTo(index)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._quiet_selection:
            return
        task_id = self.current_task_id()
        if task_id is None:
            self.detail.show_placeholder()
        else:
            self.show_task(task_id)

    def row_of(self, task_id: int) -> TaskRow | None:
        row = self.table_model.row_of_task(task_id)
        return None if row is None else self.table_model.row_at(row)

    def show_task(self, task_id: int) -> None:
        from tracker.views.detail import load_task_detail
        from tracker.views.record import load_task_record

        with self.database.reading() as session:
            detail = load_task_detail(session, task_id)
            record = load_task_record(session, task_id, self.period)
        if detail is None:
            self.detail.show_placeholder()
        else:
            self.detail.show_task(detail, self.row_of(task_id), record)

    # -- period ------------------------------------------------------------------------------
    def _period_changed(self, period: Period) -> None:
        self.reload()

    # -- columns and state ---------------------------------------------------------------------
    def _column_menu(self, pos: QPoint) -> QMenu:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column, (_key, title) in enumerate(COLUMNS):
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
        menu.popup(header.mapToGlobal(pos))
        return menu

    def _restore_state(self) -> None:
        settings = QSettings()
        for key, restore in (
            ("main/geometry", self.restoreGeometry),
            ("main/state", self.restoreState),
            ("main/splitter", self.splitter.restoreState),
            (HEADER_STATE_KEY, self.table.horizontalHeader().restoreState),
        ):
            value = settings.value(key)
            if isinstance(value, QByteArray):
                restore(value)
        clamp_to_screen(self)  # saved on a larger monitor than this one
        header = self.table.horizontalHeader()
        self._title_width = header.sectionSize(COLUMN_KEYS.index("title"))
        if settings.value(KEEP_SORT_KEY) != "true":  # a sort is a look for now, unless kept
            header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)

    def _restore_filters(self) -> None:
        settings = QSettings()
        saved = settings.value("filters/values")
        if not isinstance(saved, dict):
            return
        for combo, key in (
            (self.plan_filter, "plan"),
            (self.unit_filter, "unit"),
            (self.status_filter, "status"),
            (self.light_filter, "light"),
            (self.year_filter, "year"),
        ):
            value = saved.get(key)
            if value not in (None, ""):
                found = combo.findData(value if key in ("status",) else int(value))
                combo.setCurrentIndex(max(0, found))
        self.search.setText(str(saved.get("text") or ""))
        self.apply_search()
        self.nav.set_view(str(saved.get("view") or "all"))

    def save_state(self) -> None:
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/state", self.saveState())
        settings.setValue("main/splitter", self.splitter.saveState())
        settings.setValue(HEADER_STATE_KEY, self.table.horizontalHeader().saveState())
        criteria = self.proxy.criteria
        settings.setValue(
            "filters/values",
            {
                "text": criteria.text,
                "view": criteria.view,
                "plan": self.plan_filter.currentData() or "",
                "unit": self.unit_filter.currentData() or "",
                "status": self.status_filter.currentData() or "",
                "light": "" if self.light_filter.currentData() is None else self.light_filter.currentData(),
                "year": self.year_filter.currentData() or "",
            },
        )

    def release_ledger(self) -> None:
        """Let go of the ledger file (before a restore replaces it): connections and lock."""
        self._stop_steps()
        self.background.wait()
        self.database.dispose()
        if self.ledger_lock is not None:
            self.ledger_lock.release()

    def retake_ledger(self) -> None:
        if self.ledger_lock is not None and not self.ledger_lock.held:
            self.ledger_lock.acquire()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self._stop_steps()
        self.cycle.close()
        self.background.wait()
        self.data_actions.worker.wait()
        super().closeEvent(event)
