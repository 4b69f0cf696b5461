"""The main window: the plans and their tasks, and the selected task's detail."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QSplitter, QTreeView, QWidget

from tracker import APP_NAME, __version__
from tracker.db.engine import Database
from tracker.views.detail import load_task_detail
from tracker.views.tree import TaskNode, load_tree
from ui.models.plan_tree import PlanTreeModel
from ui.task_detail_view import TaskDetailView


class MainWindow(QMainWindow):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(f"{APP_NAME} {__version__}")
        self.resize(1280, 800)

        self.tree_model = PlanTreeModel()
        self.tree = QTreeView()
        self.tree.setObjectName("planTree")
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 460)
        header.resizeSection(1, 150)
        header.resizeSection(2, 220)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)

        self.detail = TaskDetailView()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)

        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label)
        self._build_menus()
        self.reload()
        self._restore_state()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        reload_action = QAction("刷新(&R)", self)
        reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        reload_action.triggered.connect(self.reload)
        file_menu.addAction(reload_action)
        quit_action = QAction("退出(&X)", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

    def reload(self) -> None:
        with self.database.reading() as session:
            plans = load_tree(session)
        self.tree_model.set_plans(plans)
        for row in range(self.tree_model.rowCount()):
            self.tree.expand(self.tree_model.index(row, 0))
        task_count = sum(self._count(plan.tasks) for plan in plans)
        self.status_label.setText(f"{len(plans)} 个方案，{task_count} 项任务")

    def _count(self, tasks: list[TaskNode]) -> int:
        return sum(1 + self._count(t.children) for t in tasks)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        task_id = current.data(PlanTreeModel.TaskIdRole)
        if task_id is None:
            self.detail.show_placeholder()
            return
        with self.database.reading() as session:
            detail = load_task_detail(session, int(task_id))
        if detail is None:
            self.detail.show_placeholder()
        else:
            self.detail.show_task(detail)

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("main/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = settings.value("main/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/splitter", self.splitter.saveState())
        super().closeEvent(event)
