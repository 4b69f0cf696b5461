"""The legend beside the lights and the 常用视图 per light: current thresholds, honest counts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import wait_loaded
from tracker.lights import Light, LightRules
from tracker.periods import parse_period
from tracker.views.rules import JudgingSettings, save_settings
from ui.help_dialog import HelpDialog
from ui.main_window import MainWindow
from ui.models.task_table import LIGHT_VIEW_KEYS


def test_legend_says_the_thresholds_in_force(qtbot: QtBot, window: MainWindow) -> None:
    legend = window.nav.legend
    text = legend.text.text()
    assert "落后序时进度超过 30 个百分点" in text and "距完成时限 3 天以内" in text
    assert all(light.label in text for light in Light)
    with window.database.unit_of_work() as session:
        save_settings(session, JudgingSettings(LightRules(15, 40, 7), ""))
    window.reload()
    wait_loaded(qtbot, window)
    text = legend.text.text()
    assert "落后序时进度 15–40 个百分点，或距完成时限 7 天以内" in text
    assert "超过 40 个百分点" in text and "30" not in text

    legend.link.linkActivated.emit("guide")  # the link opens the guide at the lights
    dialog = window.actions_.dialog
    assert isinstance(dialog, HelpDialog) and dialog.isVisible()
    assert dialog.browser.textCursor().block().text() == "亮灯规则"
    dialog.close()


def test_a_view_per_light_counts_what_it_shows(qtbot: QtBot, window: MainWindow) -> None:
    window.period_bar.set_period(parse_period("2023Q2"))
    wait_loaded(qtbot, window)
    snapshot = window.snapshot
    assert snapshot is not None
    entries = {e.key: e for e in window.nav.view_model.records()}
    labels = [e.label for e in window.nav.view_model.records()]
    assert labels[:5] == ["全部", "红灯", "黄灯", "绿灯", "灰灯"] and "本期未报送" in labels
    for light in Light:  # each light its own count: 6 yellow are never hidden behind 临近时限 (0)
        lit = sum(r.counted and r.light is light for r in snapshot.rows)
        assert entries[LIGHT_VIEW_KEYS[light]].count == lit, light.label
    yellow = entries[LIGHT_VIEW_KEYS[Light.YELLOW]].count
    for light in Light:
        window.nav.set_view(LIGHT_VIEW_KEYS[light])
        shown = [
            window.proxy.task_id(window.proxy.index(r, 0))
            for r in range(window.proxy.rowCount())
            if window.proxy.shown_rows()[r].counted
        ]
        assert len(shown) == entries[LIGHT_VIEW_KEYS[light]].count, light.label
        assert all(window.row_of(i).light is light for i in shown if i is not None)  # type: ignore[union-attr]
    assert sum(entries[LIGHT_VIEW_KEYS[light]].count for light in Light) == entries["all"].count
    index = window.nav.view_model.index(labels.index("黄灯"), 0)
    assert window.nav.view_model.data(index, Qt.ItemDataRole.DisplayRole) == f"黄灯（{yellow}）"
    window.nav.set_view("unreported")
    assert window.proxy.rowCount() == entries["unreported"].count > 0
