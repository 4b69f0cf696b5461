"""The detail pane: a task as printed, its indicators, progress, evidence and history."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tracker.lights import Light
from tracker.periods import words
from tracker.views.detail import TaskDetail
from tracker.views.plan_metrics import grounds, judgement_tip, progress_words
from tracker.views.record import EvidenceRecord, HistoryRecord, MetricRecord, TaskRecord, UpdateRecord
from tracker.views.table import TaskRow
from ui.charts import BarChart, Group, Series
from ui.models.rows import Column, RowsModel


def local_time(value: datetime | None) -> str:
    """Stored naive UTC → the PC's local time, written as everywhere (2026年11月30日 05:07)."""
    if value is None:
        return ""
    return words(value.replace(tzinfo=UTC).astimezone())


def file_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} 字节"


def task_html(detail: TaskDetail, row: TaskRow | None = None, record: TaskRecord | None = None) -> str:
    key = "<span style='color:#C00000'>★重点</span>　" if detail.is_key else ""
    parts = [f"<h3>{key}{escape(detail.code)}　{escape(detail.title)}</h3>"]
    facts = [
        ("所属方案", detail.plan_title),
        ("类型", detail.kind),
        ("完成时限", words(detail.deadline) or "—"),
    ]
    facts += [("延期", text) for text in detail.extensions]
    if detail.leader:
        facts.append(("责任领导", detail.leader))
    if detail.origin:
        facts.append(("交办来源", detail.origin))
    if detail.notices:
        facts.append(("催办", detail.notices))
    if row is not None:
        light = (
            f"<span style='color:{row.light.colour}'>●</span> {row.light.label}：{escape(row.light_reason)}"
        )
        if row.expected_percent is not None:
            light += f"（序时进度 {row.expected_percent:.0f}%）"
        if not row.counted:
            status = "（分组标题，不计入统计）"
        elif row.reported or row.finished:
            status = row.report_label + (
                f" {row.percent}%" if row.percent is not None and row.reported else ""
            )
        else:  # 未报送: say what was last reported, labelled with its period
            last = (
                f"（最近一次{words(row.progress_period)}报送：{row.status_label}）"
                if row.progress_period
                else ""
            )
            status = row.report_label + last
        facts_html = [("报送状态", escape(status)), ("亮灯", light)]
    else:
        facts_html = []
    if detail.recurring:
        facts.append(("周期", "每年"))
    if detail.location:
        facts.append(("项目属地", detail.location))
    if detail.investment:
        facts.append(("总投资", detail.investment))
    if detail.source:
        facts.append(("出处", detail.source))
    if detail.remarks:
        facts.append(("备注", detail.remarks))
    units = "、".join(f"{escape(name)}（{role}）" for name, role in detail.units) or "—"
    if detail.units_inferred:
        units += "　<i>（原文未列责任单位，按发文单位填入）</i>"
    rows = "".join(f"<tr><th align=left>{k}</th><td>{escape(v)}</td></tr>" for k, v in facts)
    rows += "".join(f"<tr><th align=left>{k}</th><td>{v}</td></tr>" for k, v in facts_html)
    if record is not None and record.closed_at is not None:
        when = local_time(record.closed_at)
        if record.closed_on is not None:
            when = f"{record.closed_on.year}年{record.closed_on.month}月{record.closed_on.day}日"
        if record.closed_period_label:
            when += f"（{record.closed_period_label}销号）"
        rows += f"<tr><th align=left>销号</th><td>{when}　{escape(record.closed_reason or '')}</td></tr>"
    parts.append(f"<table cellspacing=4>{rows}<tr><th align=left>责任单位</th><td>{units}</td></tr></table>")
    if detail.content:
        parts.append(f"<p><b>工作内容</b></p><p>{escape(detail.content)}</p>")
    if detail.metrics:
        parts.append("<p><b>指标</b></p><table border=1 cellspacing=0 cellpadding=3>")
        parts.append("<tr><th>指标</th><th>单位</th><th>基期值</th><th>目标</th><th>出处</th></tr>")
        for metric in detail.metrics:
            targets = "；".join(f"{year}年：{escape(text)}" for year, text in metric.targets)
            parts.append(
                f"<tr><td>{escape(metric.name)}</td><td>{escape(metric.unit or '')}</td>"
                f"<td>{escape(metric.baseline or '')}</td><td>{targets}</td>"
                f"<td>{escape(metric.source or '')}</td></tr>"
            )
        parts.append("</table>")
    if row is not None and row.progress:
        parts.append(
            f"<p><b>最新进展（{escape(words(row.progress_period))}）</b></p><p>{escape(row.progress)}</p>"
        )
    return "".join(parts)


def _baseline_cell(r: MetricRecord) -> str:
    if r.baseline_used:
        return r.baseline_used
    return f"{r.baseline_year}年 {r.baseline_text}" if r.baseline_year else r.baseline_text


METRIC_COLUMNS: list[Column[MetricRecord]] = [
    Column(
        "指标",
        lambda r: f"⚠ {r.name}" if r.conflicts else r.name,
        lambda r: "\n".join([r.name, *r.conflicts]),
    ),
    Column("单位", lambda r: r.unit),
    Column("基期", _baseline_cell, lambda r: "判断所用基期" if r.baseline_used else None),
    Column(
        "本期目标", lambda r: r.current_target, lambda r: "；".join(f"{y}年：{t}" for y, _, _, t in r.targets)
    ),
    Column("实际值", lambda r: "" if r.current_actual is None else f"{r.current_actual:g}", align_right=True),
    Column("完成率", lambda r: r.ratio_text, align_right=True),
    Column("进度 / 序时", lambda r: progress_words(r.achieved, r.expected)),
    Column("判断", lambda r: r.judgement, lambda r: judgement_tip(r.rule, r.reason)),
    Column("依据 / 原因", lambda r: grounds(r.rule, r.reason), lambda r: judgement_tip(r.rule, r.reason)),
]
UPDATE_COLUMNS: list[Column[UpdateRecord]] = [
    Column("报告期", lambda r: r.period_label),
    Column("状态", lambda r: r.status_label),
    Column("完成%", lambda r: "" if r.percent is None else r.percent, align_right=True),
    Column("进展情况", lambda r: r.progress.replace("\n", " "), lambda r: r.progress or None),
    Column("存在问题", lambda r: r.problems.replace("\n", " "), lambda r: r.problems or None),
    Column("下步措施", lambda r: r.next_steps.replace("\n", " "), lambda r: r.next_steps or None),
    Column("记录时间", lambda r: local_time(r.recorded_at)),
    Column("记录人", lambda r: r.recorded_by),
    Column("来源", lambda r: r.source),
]
EVIDENCE_COLUMNS: list[Column[EvidenceRecord]] = [
    Column("文件名", lambda r: r.filename, lambda r: r.filename),
    Column("大小", lambda r: file_size(r.size), align_right=True),
    Column("报告期", lambda r: words(r.period)),
    Column("添加时间", lambda r: local_time(r.added_at)),
]
HISTORY_COLUMNS: list[Column[HistoryRecord]] = [
    Column("时间", lambda r: local_time(r.at)),
    Column("操作人", lambda r: r.actor),
    Column("来源", lambda r: r.source),
    Column("内容", lambda r: r.summary, lambda r: r.summary),
]


def make_table(model: QAbstractItemModel, name: str, stretch: int = -1) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch < 0)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class TaskDetailPane(QWidget):
    """Shows one task; asks the window (by signals) to record, close, edit or delete it."""

    record_requested = Signal(int)
    close_requested = Signal(int)
    reopen_requested = Signal(int)
    edit_requested = Signal(int)
    delete_requested = Signal(int)
    open_evidence = Signal(int)
    save_evidence = Signal(int)
    remove_evidence = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task_id: int | None = None
        self.closed = False
        self.heading = QLabel()
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)

        self.record_button = QPushButton("记录进展…")
        self.record_button.setObjectName("recordButton")
        self.record_button.setToolTip("记录本期进展、指标实际值和佐证材料（Ctrl+N）")
        self.close_button = QPushButton("销号…")
        self.close_button.setObjectName("closeButton")
        self.edit_button = QPushButton("编辑…")
        self.delete_button = QPushButton("删除")
        self.delete_button.setObjectName("deleteButton")
        buttons = QHBoxLayout()
        for button in (self.record_button, self.close_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.record_button.clicked.connect(lambda: self._emit(self.record_requested))
        self.close_button.clicked.connect(self._close_or_reopen)
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._emit(self.delete_requested))

        self.tabs = QTabWidget()
        self.tabs.setObjectName("detailTabs")
        self.summary = QTextBrowser()
        self.summary.setObjectName("detailSummary")
        self.tabs.addTab(self.summary, "概况")

        self.metric_model: RowsModel[MetricRecord] = RowsModel(METRIC_COLUMNS)
        self.metric_table = make_table(self.metric_model, "metricTable")
        metric_header = self.metric_table.horizontalHeader()
        metric_header.resizeSection(0, 170)
        for column, width in ((1, 48), (2, 120), (3, 120), (4, 60), (5, 60), (6, 190), (7, 90), (8, 220)):
            metric_header.resizeSection(column, width)
        self.metric_chart = BarChart()
        self.metric_chart.setObjectName("metricChart")
        metric_split = QSplitter(Qt.Orientation.Vertical)
        metric_split.addWidget(self.metric_table)
        metric_split.addWidget(self.metric_chart)
        metric_split.setSizes([160, 300])
        self.tabs.addTab(metric_split, "指标")
        self.metric_table.selectionModel().currentRowChanged.connect(self._show_metric_chart)

        self.update_model: RowsModel[UpdateRecord] = RowsModel(UPDATE_COLUMNS)
        self.update_table = make_table(self.update_model, "updateTable")
        self.update_table.horizontalHeader().resizeSection(3, 260)
        self.tabs.addTab(self.update_table, "进展记录")

        self.evidence_model: RowsModel[EvidenceRecord] = RowsModel(EVIDENCE_COLUMNS)
        self.evidence_table = make_table(self.evidence_model, "evidenceTable", stretch=0)
        self.evidence_table.doubleClicked.connect(lambda _i: self._emit_evidence(self.open_evidence))
        evidence_box = QWidget()
        evidence_layout = QVBoxLayout(evidence_box)
        evidence_layout.setContentsMargins(0, 0, 0, 0)
        evidence_layout.addWidget(self.evidence_table)
        evidence_buttons = QHBoxLayout()
        for text, signal, name in (
            ("打开", self.open_evidence, "openEvidence"),
            ("另存为…", self.save_evidence, "saveEvidence"),
            ("移除…", self.remove_evidence, "removeEvidence"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _c=False, s=signal: self._emit_evidence(s))
            evidence_buttons.addWidget(button)
        evidence_buttons.addStretch(1)
        evidence_layout.addLayout(evidence_buttons)
        self.tabs.addTab(evidence_box, "佐证材料")

        self.history_model: RowsModel[HistoryRecord] = RowsModel(HISTORY_COLUMNS)
        self.history_table = make_table(self.history_model, "historyTable")
        self.tabs.addTab(self.history_table, "留痕")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        self.show_placeholder()

    # -- content -----------------------------------------------------------------------
    def show_placeholder(self) -> None:
        self.task_id = None
        self.heading.setText("未选择任务")
        self.summary.setHtml(
            "<p style='color:gray'>在任务表中选择一项任务，查看其内容、指标、进展和佐证材料。</p>"
        )
        for model in (self.metric_model, self.update_model, self.evidence_model, self.history_model):
            model.set_records([])
        self.metric_chart.set_data("", [], [])
        for button in (self.record_button, self.close_button, self.edit_button, self.delete_button):
            button.setEnabled(False)
        self._set_tab_counts()

    def show_task(
        self, detail: TaskDetail, row: TaskRow | None = None, record: TaskRecord | None = None
    ) -> None:
        self.task_id = detail.id
        self.closed = record is not None and record.closed_at is not None
        self.heading.setText(f"{detail.code}　{detail.title}")
        self.summary.setHtml(task_html(detail, row, record))
        self.metric_model.set_records(record.metrics if record else [])
        self.update_model.set_records(record.updates if record else [])
        self.evidence_model.set_records(record.evidence if record else [])
        self.history_model.set_records(record.history if record else [])
        # Dates and times are never cut (“2026-11-30 05:…”): these columns fit their text.
        for table, columns in (
            (self.update_table, (0, 1, 6, 7)),
            (self.evidence_table, (1, 2, 3)),
            (self.history_table, (0, 1, 2)),
        ):
            for column in columns:
                table.resizeColumnToContents(column)
        for button in (self.record_button, self.close_button, self.edit_button, self.delete_button):
            button.setEnabled(True)
        self.record_button.setEnabled(not self.closed)
        self.close_button.setText("撤销销号…" if self.closed else "销号…")
        self._set_tab_counts()
        if record and record.metrics:
            self.metric_table.setCurrentIndex(self.metric_model.index(0, 0))
            self._show_metric(record.metrics[0])
        else:
            self.metric_chart.set_data("本任务没有指标", [], [])

    def _set_tab_counts(self) -> None:
        models: tuple[tuple[str, QAbstractItemModel], ...] = (
            ("指标", self.metric_model),
            ("进展记录", self.update_model),
            ("佐证材料", self.evidence_model),
            ("留痕", self.history_model),
        )
        for index, (title, model) in enumerate(models, start=1):
            count = model.rowCount()
            self.tabs.setTabText(index, f"{title}（{count}）" if count else title)

    def _show_metric_chart(self, current: QModelIndex, _previous: QModelIndex) -> None:
        metric = self.metric_model.record(current.row())
        if metric is not None:
            self._show_metric(metric)

    def _show_metric(self, metric: MetricRecord) -> None:
        """Bars by year: baseline, target and the latest actual recorded in that year."""
        years: dict[int, list[float | None]] = {}
        if metric.baseline_year is not None and metric.baseline_value is not None:
            years.setdefault(metric.baseline_year, [None, None, None])[0] = metric.baseline_value
        for year, value, _comparator, _text in metric.targets:
            if value is not None:
                years.setdefault(year, [None, None, None])[1] = value
        for code, value in metric.actuals:
            year = int(code[:4])
            years.setdefault(year, [None, None, None])[2] = value
        groups = [Group(f"{year}年", tuple(values)) for year, values in sorted(years.items())]
        series = [
            Series("基期值", "#9E9E9E"),
            Series("目标值", "#90CAF9"),
            Series("实际值", Light.GREEN.colour),
        ]
        unit = f"（{metric.unit}）" if metric.unit else ""
        note = "　越小越好，柱越高越好" if metric.lower_is_better else ""
        self.metric_chart.set_data(f"{metric.name}{unit}{note}", series, groups, metric.lower_is_better)

    # -- requests ----------------------------------------------------------------------
    def _emit(self, signal: SignalInstance) -> None:
        if self.task_id is not None:
            signal.emit(self.task_id)

    def _close_or_reopen(self) -> None:
        self._emit(self.reopen_requested if self.closed else self.close_requested)

    def selected_evidence(self) -> EvidenceRecord | None:
        index = self.evidence_table.currentIndex()
        return self.evidence_model.record(index.row()) if index.isValid() else None

    def _emit_evidence(self, signal: SignalInstance) -> None:
        item = self.selected_evidence()
        if item is not None:
            signal.emit(item.id)
