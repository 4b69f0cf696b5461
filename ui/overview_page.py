"""总览: the ledger per plan and per unit, by light and status, as numbers and a chart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from tracker.lights import Light
from tracker.views.plan_metrics import PlanMetricRow, grounds, judgement_tip
from tracker.views.table import Overview, Tally, UnitSummary
from ui.charts import BarChart, Group, Series
from ui.models.rows import Column, RowsModel
from ui.task_detail_view import make_table


def _tally_columns(first: str) -> list[Column[Tally]]:
    return [
        Column(first, lambda t: t.label, lambda t: t.label),
        Column("任务数", lambda t: t.total, align_right=True),
        Column(
            "绿灯", lambda t: t.by_light[Light.GREEN], align_right=True, colour=lambda _t: Light.GREEN.colour
        ),
        Column(
            "黄灯",
            lambda t: t.by_light[Light.YELLOW],
            align_right=True,
            colour=lambda _t: Light.YELLOW.colour,
        ),
        Column("红灯", lambda t: t.by_light[Light.RED], align_right=True, colour=lambda _t: Light.RED.colour),
        Column(
            "灰灯", lambda t: t.by_light[Light.GREY], align_right=True, colour=lambda _t: Light.GREY.colour
        ),
        Column("已完成", lambda t: t.by_status.get("done", 0), align_right=True),
        Column("推进中", lambda t: t.by_status.get("in_progress", 0), align_right=True),
        Column("滞后", lambda t: t.by_status.get("late", 0), align_right=True),
        Column("未启动", lambda t: t.by_status.get("not_started", 0), align_right=True),
        Column("长期坚持", lambda t: t.by_status.get("ongoing", 0), align_right=True),
        Column("已销号", lambda t: t.by_status.get("closed", 0), align_right=True),
        Column("完成率", lambda t: f"{t.completion * 100:.1f}%", align_right=True),
        Column("本期未报", lambda t: t.unreported, align_right=True),
    ]


OWING_COLUMNS: list[Column[UnitSummary]] = [
    Column("单位", lambda u: u.name, lambda u: u.name),
    Column("本期未报送（牵头）", lambda u: u.unreported, align_right=True),
    Column("其中滞后", lambda u: u.late, align_right=True),
    Column("牵头任务", lambda u: u.led, align_right=True),
]
LIGHT_SERIES = [
    Series(light.label, light.colour) for light in (Light.GREEN, Light.YELLOW, Light.RED, Light.GREY)
]


def _group(tally: Tally) -> Group:
    return Group(
        tally.label,
        tuple(float(tally.by_light[light]) for light in (Light.GREEN, Light.YELLOW, Light.RED, Light.GREY)),
    )


PLAN_METRIC_COLUMNS: list[Column[PlanMetricRow]] = [
    Column("方案", lambda r: r.plan),
    Column(
        "指标",
        lambda r: f"⚠ {r.name}" if r.conflicts else r.name,
        lambda r: "\n".join([r.name, *r.conflicts]),
    ),
    Column("单位", lambda r: r.unit),
    Column("基期值", lambda r: r.baseline),
    Column("本期目标", lambda r: r.current_target, lambda r: r.targets or None),
    Column("出处", lambda r: r.source),
    Column("实际值", lambda r: "" if r.actual is None else f"{r.actual:g}", align_right=True),
    Column("完成率", lambda r: r.ratio_text, align_right=True),
    Column("进度 / 序时", lambda r: r.progress_text),
    Column("判断", lambda r: r.judgement, lambda r: judgement_tip(r.rule, r.reason)),
    Column("依据 / 原因", lambda r: grounds(r.rule, r.reason), lambda r: judgement_tip(r.rule, r.reason)),
]


class OverviewPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = QLabel()
        self.headline.setObjectName("overviewHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.plan_chart = BarChart(stacked=True)
        self.plan_chart.setObjectName("planChart")
        self.unit_chart = BarChart(stacked=True)
        self.unit_chart.setObjectName("unitChart")
        self.plan_model: RowsModel[Tally] = RowsModel(_tally_columns("方案"))
        self.unit_model: RowsModel[Tally] = RowsModel(_tally_columns("牵头单位"))
        self.owing_model: RowsModel[UnitSummary] = RowsModel(OWING_COLUMNS)
        self.plan_table = make_table(self.plan_model, "overviewPlans")
        self.unit_table = make_table(self.unit_model, "overviewUnits")
        self.owing_table = make_table(self.owing_model, "overviewOwing")
        for table in (self.plan_table, self.unit_table):
            table.horizontalHeader().resizeSection(0, 260)
            table.horizontalHeader().setStretchLastSection(False)
            for column in range(1, 14):
                table.horizontalHeader().resizeSection(column, 64)
        self.owing_table.horizontalHeader().resizeSection(0, 260)
        self.metric_model: RowsModel[PlanMetricRow] = RowsModel(PLAN_METRIC_COLUMNS)
        self.metric_table = make_table(self.metric_model, "overviewPlanMetrics")
        for column, width in enumerate((150, 300, 60, 150, 150, 130, 70, 60, 190, 90, 220)):
            self.metric_table.horizontalHeader().resizeSection(column, width)

        unit_scroll = QScrollArea()
        unit_scroll.setWidgetResizable(True)
        unit_scroll.setWidget(self.unit_chart)
        charts = QTabWidget()
        charts.addTab(self.plan_chart, "各方案亮灯")
        charts.addTab(unit_scroll, "各牵头单位亮灯")
        tables = QTabWidget()
        tables.setObjectName("overviewTables")
        tables.addTab(self.plan_table, "按方案")
        tables.addTab(self.unit_table, "按牵头单位")
        tables.addTab(self.owing_table, "本期未报送的单位")
        tables.addTab(self.metric_table, "方案指标")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(charts)
        split.addWidget(tables)
        split.setSizes([320, 380])
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(split, 1)
        self.tables = tables

    def set_plan_metrics(self, rows: list[PlanMetricRow]) -> None:
        self.metric_model.set_records(rows)

    def set_overview(self, data: Overview) -> None:
        total = data.ledger
        self.headline.setText(
            f"<b>{data.period.label}</b>　共 {total.total} 项任务："
            f"已完成 {total.by_status.get('done', 0)} 项、已销号 {total.by_status.get('closed', 0)} 项，"
            f"完成率 {total.completion * 100:.1f}%；"
            f"<span style='color:{Light.GREEN.colour}'>●</span>绿灯 {total.by_light[Light.GREEN]}、"
            f"<span style='color:{Light.YELLOW.colour}'>●</span>黄灯 {total.by_light[Light.YELLOW]}、"
            f"<span style='color:{Light.RED.colour}'>●</span>红灯 {total.by_light[Light.RED]}、"
            f"<span style='color:{Light.GREY.colour}'>●</span>灰灯 {total.by_light[Light.GREY]}；"
            f"本期未报送 {total.unreported} 项，涉及 {len(data.owing_units)} 个牵头单位。"
        )
        self.plan_model.set_records(data.plans)
        self.unit_model.set_records(data.units)
        self.owing_model.set_records(data.owing_units)
        self.plan_chart.set_data("各方案任务亮灯（项）", LIGHT_SERIES, [_group(t) for t in data.plans])
        self.unit_chart.set_data(
            "各牵头单位任务亮灯（项，前 30 个）", LIGHT_SERIES, [_group(t) for t in data.units[:30]]
        )
