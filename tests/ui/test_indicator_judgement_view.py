"""The window's indicator views: judgement, baseline, 序时进度 and rule shown; ranks drawn right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import wait_loaded
from tracker.db import models as m
from tracker.periods import parse_period
from tracker.views.rules import load_settings
from ui.charts import BarChart, Group, Series
from ui.main_window import MainWindow
from ui.small_dialogs import SettingsDialog

TARGET, ACTUAL = "#90CAF9", "#4CAF50"


def bar_height(image: QImage, colour: str) -> int:
    """Rows of the image holding the bar of this colour (its drawn height in pixels)."""
    want = QColor(colour).rgb()
    return sum(
        1 for y in range(image.height()) if any(image.pixel(x, y) == want for x in range(60, image.width()))
    )


def draw(qtbot: QtBot, values: tuple[float, float], lower_is_better: bool) -> QImage:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(420, 260)
    chart.set_data(
        "排名",
        [Series("目标值", TARGET), Series("实际值", ACTUAL)],
        [Group("2027年", values)],
        lower_is_better,
    )
    return chart.grab().toImage()


def test_a_rank_better_than_its_target_is_the_taller_bar(qtbot: QtBot) -> None:
    ranked = draw(qtbot, (50, 45), lower_is_better=True)
    assert bar_height(ranked, ACTUAL) > bar_height(ranked, TARGET) > 0
    plain = draw(qtbot, (50, 45), lower_is_better=False)  # an ordinary count: 45 of 50 is shorter
    assert 0 < bar_height(plain, ACTUAL) < bar_height(plain, TARGET)


def test_detail_pane_shows_the_judgement_and_its_grounds(qtbot: QtBot, window: MainWindow) -> None:
    with window.database.unit_of_work() as session:
        rank = session.scalars(
            select(m.Metric).where(m.Metric.name == "温州国家高新区全国排名", m.Metric.task_id.is_not(None))
        ).one()
        session.add(m.Actual(metric=rank, period="2023Q2", value=45))
        task_id = rank.task_id
    window.period_bar.set_period(parse_period("2023Q2"))
    wait_loaded(qtbot, window)
    assert task_id is not None and window.select_task(task_id)
    qtbot.waitUntil(lambda: window.detail.task_id == task_id and window.detail.metric_model.rowCount() > 0)
    model = window.detail.metric_model
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(model.columnCount())
    ]
    assert headers[-4:] == ["完成率", "进度 / 序时", "判断", "依据 / 原因"]
    row = next(i for i, r in enumerate(model.records()) if r.name == "温州国家高新区全国排名")
    assert model.index(row, headers.index("判断")).data() == "提前实现"
    assert "越小越好" in model.index(row, headers.index("依据 / 原因")).data()
    assert "越小越好" in model.index(row, headers.index("判断")).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, headers.index("进度 / 序时")).data() == "序时 9.9%"  # 温州's plan runs 2023–2027
    assert model.index(row, headers.index("完成率")).data() == "111%"
    window.detail.metric_table.setCurrentIndex(model.index(row, 0))
    assert window.detail.metric_chart.lower_is_better and "越小越好" in window.detail.metric_chart.title


def test_overview_indicators_show_progress_and_judgement(qtbot: QtBot, window: MainWindow) -> None:
    with window.database.unit_of_work() as session:
        staff = session.scalars(
            select(m.Metric)
            .join(m.Plan)
            .where(
                m.Plan.title.contains("永嘉"),
                m.Metric.name == "每万名就业人员中研发人员",
                m.Metric.baseline_year == 2020,
            )
        ).one()
        session.add(m.Actual(metric=staff, period="2023Q2", value=140))
    window.period_bar.set_period(parse_period("2023Q2"))
    wait_loaded(qtbot, window)
    page = window.overview_page
    window.center.setCurrentWidget(page)
    model = page.metric_model
    row = next(i for i, r in enumerate(model.records()) if r.actual == 140)
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(model.columnCount())
    ]
    assert model.index(row, headers.index("基期值")).data() == "2020年 116（预计）"
    assert model.index(row, headers.index("进度 / 序时")).data() == "进度 37.5% / 序时 49.9%"
    assert model.index(row, headers.index("判断")).data() == "滞后"
    assert "基期" in model.index(row, headers.index("判断")).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, headers.index("依据 / 原因")).data() == "基期起进度比序时"


def test_settings_dialog_saves_the_indicator_thresholds(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.actions_.settings()
    assert isinstance(dialog, SettingsDialog)
    assert (dialog.ahead.value(), dialog.behind.value(), dialog.about.value()) == (10, 10, 5)
    dialog.ahead.setValue(15)
    dialog.behind.setValue(20)
    dialog.about.setValue(8)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    for box in dialog.findChildren(QMessageBox):
        box.accept()
    wait_loaded(qtbot, window)
    with window.database.reading() as session:
        rules = load_settings(session).indicators
    assert (rules.ahead_gap, rules.behind_gap, rules.about_tolerance) == (15, 20, 8)
