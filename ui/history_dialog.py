"""全部留痕: the whole ledger's change history, filtered as you type; read-only."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from tracker.db.engine import Database
from tracker.views.history import ENTITY_LABELS, HistoryRow, load_history
from ui.common import ScreenFitDialog
from ui.models.rows import Column, RowsModel
from ui.task_detail_view import local_time, make_table

HISTORY_COLUMNS: list[Column[HistoryRow]] = [
    Column("时间", lambda r: local_time(r.at)),
    Column("操作人", lambda r: r.actor),
    Column("来源", lambda r: r.source),
    Column("操作", lambda r: r.action_label),
    Column("对象", lambda r: r.entity_label),
    Column("方案", lambda r: r.plan),
    Column("任务", lambda r: r.task, lambda r: r.task or None),
    Column("内容", lambda r: r.summary, lambda r: "\n".join(x for x in (r.summary, r.before, r.after) if x)),
]


class HistoryFilter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.entity = ""

    def set_filter(self, text: str, entity: str) -> None:
        if hasattr(self, "endFilterChange"):  # Qt 6.10 deprecates invalidateRowsFilter
            self.beginFilterChange()
            self.text, self.entity = text.strip(), entity
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.text, self.entity = text.strip(), entity
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, _parent: object) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RowsModel)
        row = model.record(source_row)
        if row is None:
            return False
        return (not self.entity or row.entity == self.entity) and (not self.text or row.matches(self.text))


class HistoryDialog(ScreenFitDialog):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("全部留痕")
        self.resize(1100, 640)
        with database.reading() as session:
            rows = load_history(session)
        self.model: RowsModel[HistoryRow] = RowsModel(HISTORY_COLUMNS, rows)
        self.proxy = HistoryFilter()
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setObjectName("historySearch")
        self.search.setPlaceholderText("按操作人、来源、方案、任务或内容筛选")
        self.entity = QComboBox()
        self.entity.addItem("全部对象", "")
        for code, label in ENTITY_LABELS.items():
            self.entity.addItem(label, code)
        self.count = QLabel()
        self.search.textChanged.connect(self._refilter)
        self.entity.currentIndexChanged.connect(self._refilter)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.entity)
        top.addWidget(self.count)
        self.table = make_table(self.proxy, "historyTable")
        for column, width in enumerate((130, 90, 120, 70, 80, 160, 220)):
            self.table.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        note = QLabel("留痕由程序自动记录，不能修改或删除。")
        note.setStyleSheet("color: gray")
        layout.addWidget(note)
        self._refilter()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def _refilter(self) -> None:
        self.proxy.set_filter(self.search.text(), self.entity.currentData() or "")
        self.count.setText(f"{self.proxy.rowCount()} / {self.model.rowCount()} 条")
