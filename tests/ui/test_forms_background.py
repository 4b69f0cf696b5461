"""The forms dialogs do their slow part in a worker thread: progress shows, the window answers."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.test_import_dialogs import PERIOD, UNIT, WAIT_MS, filled_form
from ui.dialogs import forms_export, forms_import
from ui.dialogs.forms_export import FormsExportDialog, open_forms_export_dialog
from ui.dialogs.forms_import import open_forms_import_dialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class Gate:
    """Wraps a function the worker calls: notes the thread, holds it until the test opens."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> None:
        self.open = threading.Event()
        self.threads: list[threading.Thread] = []
        real: Callable[..., Any] = getattr(module, name)

        def held(*args: Any, **kwargs: Any) -> Any:
            self.threads.append(threading.current_thread())
            assert self.open.wait(10), "the test never let the work go on"
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, held)

    def wait_reached(self, qtbot: QtBot) -> None:
        qtbot.waitUntil(lambda: bool(self.threads), timeout=WAIT_MS)
        assert self.threads[0] is not threading.main_thread()


def busy_dialog(qtbot: QtBot, owner: Any) -> QProgressDialog:
    """The job's progress dialog, once it has shown itself (the work takes a while)."""
    busy = owner.job.busy
    qtbot.waitUntil(busy.isVisible, timeout=WAIT_MS)
    return busy


def export_dialog(window: MainWindow, units: list[str]) -> FormsExportDialog:
    dialog = open_forms_export_dialog(window)
    dialog.period.setText(PERIOD)
    for row in range(dialog.units.count()):
        item = dialog.units.item(row)
        item.setCheckState(Qt.CheckState.Checked if item.text() in units else Qt.CheckState.Unchecked)
    return dialog


def some_units(dialog: FormsExportDialog, count: int) -> list[str]:
    return [dialog.units.item(row).text() for row in range(count)]


def test_export_runs_in_the_background_with_progress(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate(monkeypatch, forms_export, "write_forms")
    probe = open_forms_export_dialog(window)
    units = some_units(probe, 4)
    probe.close()
    dialog = export_dialog(window, units)
    dialog.output_buttons["folder"].setChecked(True)
    dialog.out.setText(str(tmp_path / "各单位 填报表"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    gate.wait_reached(qtbot)
    # the click has returned: the dialog waits for its worker, the window still answers
    assert dialog.job is not None and not dialog.export_button.isEnabled()
    assert "正在导出 4 个单位" in dialog.summary.text()
    busy = busy_dialog(qtbot, dialog)
    assert "正在写出 4 个单位的填报表" in busy.labelText() and busy.value() == 500
    window.search.setText("孵化")
    window.apply_search()
    assert window.proxy.rowCount() < window.table_model.rowCount()
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        gate.open.set()
    assert len(dialog.written) == 4 and all(p.is_file() for p in dialog.written)
    assert "已导出 4 个单位" in dialog.summary.text() and dialog.export_button.isEnabled()
    assert dialog.job is None and not busy.isVisible()
    dialog.close()


def test_export_cancelled_leaves_no_zip(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate(monkeypatch, forms_export, "write_forms")
    probe = open_forms_export_dialog(window)
    units = some_units(probe, 3)
    probe.close()
    dialog = export_dialog(window, units)
    dialog.output_buttons["zip"].setChecked(True)
    out = tmp_path / "导出 结果"
    out.mkdir()
    dialog.out.setText(str(out / "填报表.zip"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    gate.wait_reached(qtbot)
    busy = busy_dialog(qtbot, dialog)
    [cancel] = [b for b in busy.findChildren(QPushButton) if b.text() == "取消"]
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        gate.open.set()
    assert "已取消导出" in dialog.summary.text() and dialog.written == []
    assert list(out.iterdir()) == []  # neither the .zip nor a part of it
    dialog.close()


def test_export_error_is_still_shown(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    taken = tmp_path / "已有文件"
    taken.write_text("x")
    probe = open_forms_export_dialog(window)
    units = some_units(probe, 2)
    probe.close()
    dialog = export_dialog(window, units)
    dialog.output_buttons["folder"].setChecked(True)
    dialog.out.setText(str(taken))
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    boxes = [b.text() for b in dialog.findChildren(QMessageBox, "errorBox") if b.isVisible()]
    assert len(boxes) == 1 and "须输出到文件夹或 .zip 文件" in boxes[0] and str(taken) in boxes[0]
    assert "导出失败" in dialog.summary.text() and taken.read_text() == "x"
    dialog.close()


def test_import_reads_in_the_background(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, ids = filled_form(window, tmp_path / "单位 回执.xlsx")
    gate = Gate(monkeypatch, forms_import, "read_form")
    dialog = open_forms_import_dialog(window)
    dialog.path.setText(str(path))
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    gate.wait_reached(qtbot)
    assert dialog.job is not None and not dialog.read_button.isEnabled()
    assert "正在读取 单位 回执.xlsx" in dialog.summary.text()
    assert "正在读取并检查" in busy_dialog(qtbot, dialog).labelText()
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        gate.open.set()
    assert dialog.model.rowCount() == 2 and {c.task_id for c in dialog.model.changes} == set(ids)
    assert dialog.apply_button.isEnabled() and dialog.read_button.isEnabled()
    assert UNIT in dialog.summary.text()
    dialog.close()


def test_closing_during_a_read_delivers_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ids = filled_form(window, tmp_path / "回执.xlsx")
    gate = Gate(monkeypatch, forms_import, "read_form")
    dialog = open_forms_import_dialog(window)
    dialog.load(path)
    gate.wait_reached(qtbot)
    delivered: list[bool] = []
    dialog.loaded.connect(lambda: delivered.append(True))
    dialog.close()
    gate.open.set()
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=WAIT_MS)
    qtbot.wait(50)  # let any queued result arrive (none must)
    assert delivered == []
