"""Settings, editing, unit administration and help, driven through their dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import wait_loaded
from tracker.db import models as m
from tracker.views.rules import load_settings
from ui.edit_dialogs import PlanDialog, TaskDialog, UnitAdminDialog
from ui.help_dialog import HelpDialog, guide_path
from ui.main_window import MainWindow
from ui.small_dialogs import SettingsDialog


def ok(qtbot: QtBot, buttons: QDialogButtonBox) -> None:
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_settings_change_lights_and_actor(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.actions_.settings()
    assert isinstance(dialog, SettingsDialog)
    dialog.officer.setText("王督查")
    dialog.yellow.setValue(40)
    dialog.red.setValue(20)  # yellow above red is refused
    ok(qtbot, dialog.buttons)
    assert dialog.isVisible()
    for box in dialog.findChildren(QMessageBox):
        box.accept()
    dialog.red.setValue(60)
    ok(qtbot, dialog.buttons)
    wait_loaded(qtbot, window)
    with window.database.reading() as session:
        settings = load_settings(session)
    assert settings.officer_name == "王督查" and settings.rules.red_gap == 60
    assert window.snapshot is not None and window.snapshot.settings == settings


def test_settings_hold_the_bulletins_office_recipients_and_copies(qtbot: QtBot, window: MainWindow) -> None:
    """发文单位 (and 主送, 抄送) is a setting: the report dialog and `tracker export` read it."""
    from tracker.reports.options import document_settings

    dialog = window.actions_.settings()
    assert isinstance(dialog, SettingsDialog) and len(dialog.document_edits) == 3
    office, recipients, copies = dialog.document_edits
    office.setText("温州市科学技术局")
    recipients.setText("各县（市、区）科技局")
    copies.setText("市委督查室")
    ok(qtbot, dialog.buttons)
    wait_loaded(qtbot, window)
    assert document_settings(window.database) == {
        "office_name": "温州市科学技术局",
        "bulletin_recipients": "各县（市、区）科技局",
        "bulletin_cc": "市委督查室",
    }


def test_add_edit_plan_and_task(qtbot: QtBot, window: MainWindow) -> None:
    plan_dialog = window.actions_.new_plan()
    assert isinstance(plan_dialog, PlanDialog)
    plan_dialog.title.setText("2023年领导交办事项")
    plan_dialog.short_title.setText("交办事项")
    ok(qtbot, plan_dialog.findChild(QDialogButtonBox))
    wait_loaded(qtbot, window)
    plan = next(p for p in window.snapshot.plans if p.label == "交办事项")  # type: ignore[union-attr]
    window.plan_filter.setCurrentIndex(window.plan_filter.findData(plan.id))
    task_dialog = window.actions_.new_task()
    assert isinstance(task_dialog, TaskDialog)
    task_dialog.code.setText("1")
    task_dialog.title.setText("筹备全市科技创新大会")
    task_dialog.lead.setText("市科技局")
    task_dialog.support.setText("市委办、市府办")
    task_dialog.has_deadline.setChecked(True)
    ok(qtbot, task_dialog.findChild(QDialogButtonBox))
    wait_loaded(qtbot, window)
    task_id = window.current_task_id()
    row = window.row_of(task_id)  # type: ignore[arg-type]
    assert row is not None and row.title == "筹备全市科技创新大会" and row.plan_id == plan.id
    assert row.lead_unit == "市科技局" and row.support_units == "市委办、市府办"
    edit = window.actions_.edit_current()
    assert isinstance(edit, TaskDialog) and edit.support.text() == "市委办、市府办"
    edit.title.setText("筹备2023年全市科技创新大会")
    ok(qtbot, edit.findChild(QDialogButtonBox))
    wait_loaded(qtbot, window)
    assert window.row_of(task_id).title == "筹备2023年全市科技创新大会"  # type: ignore[arg-type, union-attr]


def test_unit_rename_and_merge(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.actions_.unit_admin()
    assert isinstance(dialog, UnitAdminDialog)
    names = [u.name for u in dialog.model.records()]
    source = names.index("市科技局") if "市科技局" in names else 0
    dialog.table.selectRow(source)
    old = dialog.model.records()[source]
    dialog.new_name.setText(old.name + "（新）")
    dialog.rename_selected()
    wait_loaded(qtbot, window)
    renamed = next(u for u in dialog.model.records() if u.id == old.id)
    assert renamed.name == old.name + "（新）" and old.name in renamed.aliases
    row = [u.id for u in dialog.model.records()].index(old.id)
    dialog.table.selectRow(row)
    other = next(u for u in dialog.model.records() if u.id != old.id)
    dialog.target.setCurrentIndex(dialog.target.findData(other.id))
    box = dialog.merge_selected()
    assert isinstance(box, QMessageBox)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, window)
    with window.database.reading() as session:
        assert session.get(m.Unit, old.id) is None
        aliases = session.scalars(select(m.UnitAlias.alias).where(m.UnitAlias.unit_id == other.id)).all()
    assert renamed.name in aliases and old.name in aliases


def test_help_shows_the_guide(window: MainWindow) -> None:
    dialog = window.actions_.help()
    assert isinstance(dialog, HelpDialog)
    assert guide_path() is not None
    text = dialog.browser.toPlainText()
    assert "报告期" in text and "记录进展" in text


def test_shipped_guide_matches_docs() -> None:
    """resources/guide (what a frozen build or a wheel ships) is the same as docs/."""
    from tracker.paths import app_root, resources_dir

    docs = app_root() / "docs"
    shipped = resources_dir() / "guide"
    assert (shipped / "使用说明.md").read_text(encoding="utf-8") == (docs / "使用说明.md").read_text(
        encoding="utf-8"
    ), "copy docs/使用说明.md into resources/guide/ after editing it"
    stale = [
        image.name
        for image in (docs / "images").glob("ui-*.png")
        if (shipped / "images" / image.name).read_bytes() != image.read_bytes()
    ]
    assert not stale, f"copy into resources/guide/images (python -m ui.screenshots does): {stale}"
    text = (docs / "使用说明.md").read_text(encoding="utf-8")
    for ref in ("images/ui-main.png", "images/ui-progress.png", "images/ui-overview.png"):
        assert ref in text and (docs / ref).is_file()
