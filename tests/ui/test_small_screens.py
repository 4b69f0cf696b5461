"""Small screens and view choices: key columns in view at 1024×640, the preview's zoom and
pages, the help pictures within the window, sorting that can be undone and is not kept."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea
from pytestqt.qtbot import QtBot

import ui.common
from tests.ui.conftest import wait_loaded
from tracker.db.engine import Database
from tracker.periods import parse_period
from tracker.services.progress import ProgressInput, record_update
from tracker.views.record import MetricRecord
from ui.help_dialog import HelpDialog
from ui.main_window import MainWindow
from ui.models.task_table import COLUMN_KEYS
from ui.progress_dialog import ProgressDialog
from ui.reports import ReportDialog

KEY_COLUMNS = ("code", "title", "light", "status")


def column_span(window: MainWindow, key: str) -> tuple[int, int]:
    header = window.table.horizontalHeader()
    column = COLUMN_KEYS.index(key)
    left = header.sectionViewportPosition(column)
    return left, left + header.sectionSize(column)


def test_key_columns_stay_in_view_on_a_small_screen(qtbot: QtBot, window: MainWindow) -> None:
    for width, height in ((1024, 640), (1600, 1000), (1024, 640)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: window.width() == w)
        qtbot.wait(50)
        visible = window.table.viewport().width()
        for key in KEY_COLUMNS:
            left, right = column_span(window, key)
            assert left >= 0 and right <= visible, (width, key, left, right, visible)
        title = window.table.horizontalHeader().sectionSize(COLUMN_KEYS.index("title"))
        assert title >= 180  # 任务 keeps a readable width
        nav, table, detail = window.splitter.sizes()
        assert table >= 500 and nav > 0 and detail > 0, window.splitter.sizes()
    assert window.splitter.isCollapsible(2) and not window.splitter.isCollapsible(1)
    window.toggle_detail()
    assert window.splitter.sizes()[2] == 0
    window.focus_detail()  # Ctrl+3 brings it back
    assert window.splitter.sizes()[2] > 0


def test_times_in_the_detail_are_not_cut(qtbot: QtBot, window: MainWindow) -> None:
    assert window.snapshot is not None
    task_id = window.snapshot.rows[0].id
    with window.database.unit_of_work() as session:
        record_update(session, task_id, ProgressInput("2023Q2", "in_progress", "推进中"))
    window.reload(select_task=task_id)
    wait_loaded(qtbot, window)
    window.detail.tabs.setCurrentWidget(window.detail.history_table)
    table = window.detail.history_table
    assert window.detail.history_model.rowCount() > 0
    text = window.detail.history_model.index(0, 0).data()
    needed = table.fontMetrics().horizontalAdvance(text)
    assert table.horizontalHeader().sectionSize(0) >= needed


def test_sorting_is_a_view_choice_reset_and_not_kept(
    qtbot: QtBot, window: MainWindow, seeded: Database
) -> None:
    header = window.table.horizontalHeader()
    indented = window.proxy.index(9, COLUMN_KEYS.index("title")).data()
    assert indented.startswith("　")  # the tree shows as indents in the documents' order
    assert not window.actions_.restore_order_action.isEnabled()
    header.setSortIndicator(COLUMN_KEYS.index("light"), Qt.SortOrder.DescendingOrder)
    assert not window.table_model.in_tree_order()
    titles = [
        window.proxy.index(r, COLUMN_KEYS.index("title")).data() for r in range(window.proxy.rowCount())
    ]
    assert not any(t.startswith("　") for t in titles)  # no indent that would lie about parents
    assert "恢复原顺序" in window.status_label.text()
    assert window.actions_.restore_order_action.isEnabled()
    window.actions_.restore_order_action.trigger()
    assert window.table_model.in_tree_order()
    assert window.proxy.index(9, COLUMN_KEYS.index("title")).data() == indented
    assert "恢复原顺序" not in window.status_label.text()

    header.setSortIndicator(COLUMN_KEYS.index("deadline"), Qt.SortOrder.AscendingOrder)
    window.save_state()
    again = MainWindow(seeded)
    qtbot.addWidget(again)
    wait_loaded(qtbot, again)
    assert again.table_model.in_tree_order()  # a sort is not kept across starts…
    again.actions_.keep_sort_action.setChecked(True)  # …unless the officer asks
    window.save_state()
    kept = MainWindow(seeded)
    qtbot.addWidget(kept)
    wait_loaded(qtbot, kept)
    assert kept.table_model.sorted_by == (COLUMN_KEYS.index("deadline"), Qt.SortOrder.AscendingOrder)
    assert QSettings().value("view/keep_sort") == "true"
    for win in (again, kept):
        win.background.wait()


def test_preview_zooms_fits_and_pages(qtbot: QtBot, seeded: Database) -> None:
    dialog = ReportDialog(seeded)
    qtbot.addWidget(dialog)
    dialog.resize(1024, 640)
    dialog.show()
    dialog.select_period("2023Q2")
    dialog.generate_preview()
    qtbot.waitUntil(lambda: dialog.page_total > 0 and not dialog.busy, timeout=60_000)
    room = dialog.preview_area.viewport().width()
    widest = max(label.width() for label in dialog.page_labels)
    assert dialog.fit_width and widest <= room  # no page is cut sideways (landscape annexes too)
    assert widest > room * 0.8 and dialog.preview_area.horizontalScrollBar().maximum() == 0
    first = dialog.page_labels[0]
    fitted = first.width()
    qtbot.mouseClick(dialog.view_buttons["in"], Qt.MouseButton.LeftButton)
    assert first.width() > fitted and not dialog.fit_width
    qtbot.mouseClick(dialog.view_buttons["out"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.view_buttons["out"], Qt.MouseButton.LeftButton)
    assert first.width() < fitted
    qtbot.mouseClick(dialog.view_buttons["fit"], Qt.MouseButton.LeftButton)
    assert first.width() == fitted
    assert dialog.page_box.maximum() == dialog.page_total and dialog.current_page == 1
    qtbot.mouseClick(dialog.view_buttons["next"], Qt.MouseButton.LeftButton)
    bar = dialog.preview_area.verticalScrollBar()
    assert dialog.current_page == 2 and dialog.page_box.value() == 2, (
        bar.value(),
        bar.maximum(),
        dialog._page_tops()[:3],
        dialog.pages_widget.height(),
        dialog.zoom,
    )
    dialog.page_box.setValue(dialog.page_total)
    assert dialog.current_page == dialog.page_total
    qtbot.mouseClick(dialog.view_buttons["previous"], Qt.MouseButton.LeftButton)
    assert dialog.current_page == dialog.page_total - 1
    dialog.cleanup()


def test_help_pictures_fit_the_window(qtbot: QtBot) -> None:
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.resize(700, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    document = dialog.browser.document()
    room = dialog.browser.viewport().width()
    widths = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            form = it.fragment().charFormat()
            if form.isImageFormat():
                image = document.resource(
                    QTextDocument.ResourceType.ImageResource, form.toImageFormat().name()
                )
                assert isinstance(image, QImage | QPixmap)
                widths.append((form.toImageFormat().width(), image.width()))
            it += 1
        block = block.next()
    assert widths and any(natural > room for _, natural in widths)  # there is a wide screenshot
    assert all(0 < shown <= room for shown, _ in widths), (widths, room)
    assert dialog.browser.horizontalScrollBar().maximum() == 0


def test_report_dialog_fits_a_small_screen(qtbot: QtBot, seeded: Database) -> None:
    dialog = ReportDialog(seeded)
    qtbot.addWidget(dialog)
    assert dialog.minimumSizeHint().width() <= 1024 and dialog.minimumSizeHint().height() <= 640
    dialog.cleanup()


LAPTOP = QRect(0, 0, 1024, 640)  # what a 1024×640 screen leaves a window (taskbar elsewhere)


@pytest.fixture
def laptop_screen(monkeypatch: pytest.MonkeyPatch) -> QRect:
    monkeypatch.setattr(ui.common, "available_room", lambda widget: QRect(LAPTOP))
    return LAPTOP


def assert_fits(dialog: QDialog, screen: QRect) -> None:
    """The dialog, with room for its frame, lies within the screen, and so do its buttons."""
    assert dialog.width() + ui.common.FRAME_ALLOWANCE.width() <= screen.width(), dialog.size()
    assert dialog.height() + ui.common.FRAME_ALLOWANCE.height() <= screen.height(), dialog.size()
    for box in dialog.findChildren(QDialogButtonBox):
        if not box.isVisible():
            continue
        for button in box.buttons():
            if button.isVisible():
                corner = button.mapTo(dialog, QPoint(button.width(), button.height()))
                assert 0 < corner.x() <= dialog.width() and 0 < corner.y() <= dialog.height(), (
                    button.text(),
                    corner,
                    dialog.size(),
                )
                # Not inside a scroll area: nothing to scroll to reach 保存/取消.
                parent = button.parentWidget()
                while parent is not None and parent is not dialog:
                    assert not isinstance(parent, QScrollArea), button.text()
                    parent = parent.parentWidget()


def metric(number: int) -> MetricRecord:
    return MetricRecord(number, f"指标{number}：新增高新技术企业数量", "家", 2022, 10.0, "", [], [])


def test_the_progress_dialog_keeps_its_buttons_on_a_small_screen(qtbot: QtBot, laptop_screen: QRect) -> None:
    metrics = [metric(n) for n in range(1, 7)]  # a task with six indicators: the tallest form
    dialog = ProgressDialog("1　任务", parse_period("2026Q4"), metrics, today=date(2026, 11, 30))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert_fits(dialog, laptop_screen)
    scroll = dialog.findChild(QScrollArea, "screenFitScroll")
    assert scroll is not None and scroll.verticalScrollBar().maximum() > 0  # the form scrolls
    assert scroll.horizontalScrollBar().maximum() == 0  # …only up and down
    scroll.ensureWidgetVisible(dialog.actual_edits[6])  # the last field can be reached
    edit = dialog.actual_edits[6]
    top = edit.mapTo(scroll.viewport(), QPoint(0, 0)).y()
    assert top >= 0 and top + edit.height() <= scroll.viewport().height()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.isVisible() and save.text() == "保存"


def test_a_short_form_does_not_scroll(qtbot: QtBot, laptop_screen: QRect) -> None:
    dialog = ProgressDialog("1　任务", parse_period("2026Q4"), [], today=date(2026, 11, 30))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert_fits(dialog, laptop_screen)


def test_large_dialogs_fit_a_small_screen(qtbot: QtBot, seeded: Database, laptop_screen: QRect) -> None:
    help_dialog = HelpDialog()
    report = ReportDialog(seeded)
    for dialog in (help_dialog, report):
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitExposed(dialog)
        assert_fits(dialog, laptop_screen)
        dialog.close()
    report.cleanup()


def test_the_main_window_opens_within_a_small_screen(
    qtbot: QtBot, seeded: Database, laptop_screen: QRect
) -> None:
    window = MainWindow(seeded)
    qtbot.addWidget(window)
    window.show()
    wait_loaded(qtbot, window)
    limit = ui.common.screen_limit(window)
    assert window.width() <= limit.width() and window.height() <= limit.height(), window.size()
    window.background.wait()


def test_a_window_saved_on_a_larger_monitor_is_brought_within_this_one(
    qtbot: QtBot, seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = MainWindow(seeded)  # on the desktop screen of the conftest
    qtbot.addWidget(big)
    big.show()
    wait_loaded(qtbot, big)
    big.resize(1800, 1000)
    qtbot.waitUntil(lambda: big.width() == 1800)
    big.save_state()
    big.background.wait()
    monkeypatch.setattr(ui.common, "available_room", lambda widget: QRect(LAPTOP))
    small = MainWindow(seeded)
    qtbot.addWidget(small)
    small.show()
    wait_loaded(qtbot, small)
    limit = ui.common.screen_limit(small)
    assert small.width() <= limit.width() and small.height() <= limit.height(), small.size()
    small.background.wait()
