"""总览: the ledger per plan and per unit, by light and status, as numbers and a chart."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from tracker.facts.counts import REPORT_ORDER
from tracker.lights import LIGHT_ORDER, REPORT_LABELS, Light, LightRules, legend
from tracker.views.plan_metrics import PlanMetricRow, grounds, judgement_tip
from tracker.views.table import Overview, Tally, UnitSummary
from ui.charts import BarChart, Group, Series
from ui.help_dialog import COUNTING_SECTION
from ui.models.rows import Column, RowsModel
from ui.task_detail_view import make_table


def _light_column(light: Light) -> Column[Tally]:
    title = f"亮灯·{light.label}" if light is Light.UNREPORTED else light.label
    return Column(title, lambda t: t.by_light[light], align_right=True, colour=lambda _t: light.colour)


def _status_column(code: str) -> Column[Tally]:
    return Column(f"报送·{REPORT_LABELS[code]}", lambda t: t.by_status.get(code, 0), align_right=True)


def _tally_columns(first: str) -> list[Column[Tally]]:
    """Counts by 亮灯 then by 报送状态, each column headed with its kind (they mean different things)."""
    return [
        Column(first, lambda t: t.label, lambda t: t.label),
        Column("任务数", lambda t: t.total, align_right=True),
        *(_light_column(light) for light in LIGHT_ORDER),
        *(_status_column(code) for code in REPORT_ORDER),
        Column("完成率", lambda t: f"{t.completion * 100:.1f}%", align_right=True),
    ]


OWING_COLUMNS: list[Column[UnitSummary]] = [
    Column("单位", lambda u: u.name, lambda u: u.name),
    Column("牵头任务未报送", lambda u: u.unreported, align_right=True),
    Column("牵头任务红灯", lambda u: u.late, align_right=True),
    Column("牵头任务", lambda u: u.led, align_right=True),
]
LEGEND_LINK = "guide:counting"
LIGHT_SERIES = [Series(light.label, light.colour) for light in LIGHT_ORDER]


def _group(tally: Tally) -> Group:
    return Group(tally.label, tuple(float(tally.by_light[light]) for light in LIGHT_ORDER))


def legend_text(rules: LightRules | None = None) -> str:
    """A compact legend beside the lights: each colour's rule with the thresholds in force."""
    items = "；".join(
        f"<span style='color:{light.colour}'>●</span>{light.label}：{rule}" for light, rule in legend(rules)
    )
    return f"<small>{items}。<a href='{LEGEND_LINK}'>详见使用说明</a></small>"


def headline(data: Overview) -> str:
    """The 总览's one-paragraph summary; the same figures as the 通报's 总体情况."""
    total = data.ledger
    lights = "、".join(
        f"<span style='color:{light.colour}'>●</span>{light.label} {total.by_light[light]}"
        for light in LIGHT_ORDER
    )
    return (
        f"<b>{data.period.label}</b>　共 {total.total} 项任务（只作分组的标题不计）："
        f"已完成 {total.by_status.get('done', 0)} 项、已销号 {total.by_status.get('closed', 0)} 项，"
        f"合计办结 {total.finished} 项，"
        f"完成率 {total.completion * 100:.1f}%；"
        f"亮灯：{lights}"
        + (f"（红灯中 {data.late_unassigned} 项未明确责任单位）" if data.late_unassigned else "")
        + "；"
        f"报送状态：本期未报送 {total.unreported} 项，涉及 {len(data.owing_units)} 个牵头单位。"
        f"　<a href='{LEGEND_LINK}'>亮灯和计数规则</a>"
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
    guide_requested = Signal(str)  # a section heading of the user guide

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = QLabel()
        self.headline.setObjectName("overviewHeadline")
        self.headline.setWordWrap(True)
        self.changes = QLabel()  # 较上期, from tracker.views.changes (the 通报's own sentence)
        self.changes.setObjectName("overviewChanges")
        self.changes.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.linkActivated.connect(lambda _link: self.guide_requested.emit(COUNTING_SECTION))
        self.legend = QLabel()
        self.legend.setObjectName("overviewLegend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.linkActivated.connect(lambda _link: self.guide_requested.emit(COUNTING_SECTION))
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
            for column in range(1, 2 + len(LIGHT_ORDER) + len(REPORT_ORDER) + 1):
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
        layout.addWidget(self.changes)
        layout.addWidget(self.legend)
        layout.addWidget(split, 1)
        self.tables = tables

    def set_plan_metrics(self, rows: list[PlanMetricRow]) -> None:
        self.metric_model.set_records(rows)

    def set_changes(self, sentences: list[str]) -> None:
        """较上期 under the headline: the same words the 通报's 总体情况 prints."""
        self.changes.setText("".join(sentences))
        self.changes.setVisible(bool(sentences))

    def set_overview(self, data: Overview, rules: LightRules | None = None) -> None:
        self.headline.setText(headline(data))
        self.legend.setText(legend_text(rules))
        self.plan_model.set_records(data.plans)
        self.unit_model.set_records(data.units)
        self.owing_model.set_records(data.owing_units)
        self.plan_chart.set_data("各方案任务亮灯（项）", LIGHT_SERIES, [_group(t) for t in data.plans])
        self.unit_chart.set_data(
            "各牵头单位任务亮灯（项，前 30 个）", LIGHT_SERIES, [_group(t) for t in data.units[:30]]
        )
