"""Start-up does only what the first screen needs: no report libraries, no 总览 counting."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import wait_loaded
from tracker.db.engine import Database
from tracker.lights import Light
from ui.main_window import MainWindow
from ui.overview_page import OverviewPage

HEAVY = ("openpyxl", "reportlab", "alembic", "pydantic", "docx", "pypdfium2")


def _modules_loaded_by(code: str, ledger: Path) -> list[str]:
    probe = f"{code}\nimport sys\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TRACKER_DB": str(ledger)}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120, check=True
    )
    return [name for name in done.stdout.strip().split(",") if name]


def test_opening_a_ledger_at_head_and_its_window_loads_no_heavy_library(seeded: Database) -> None:
    """openpyxl, reportlab, Alembic and pydantic load when a dialog or a migration needs them."""
    assert seeded.path is not None
    code = (
        "from ui.app import make_application, open_ledger_for_window\n"
        "from ui.main_window import MainWindow\n"
        "app = make_application([])\n"
        f"window = MainWindow(open_ledger_for_window({str(seeded.path)!r}))\n"
        "window.show(); app.processEvents()\n"
        "assert window.table_model.rowCount() > 100\n"
    )
    assert _modules_loaded_by(code, seeded.path) == []


def test_the_command_that_opens_the_window_imports_no_command_module_it_does_not_run() -> None:
    """`python -m tracker` (the README's first command) reads its arguments without importing the
    drafter, the Excel readers and the other commands: half a second before the window."""
    code = (
        "import sys\n"
        "from tracker.cli import window_only\n"
        "assert window_only([]) is not None and window_only(['gui', '--db', 'x.db']).db == 'x.db'\n"
        "assert window_only(['--db=y.db']).db == 'y.db' and window_only(['export', 'pdf']) is None\n"
        "assert window_only(['--version']) is None and window_only(['--self-test']) is None\n"
        "print(','.join(m for m in sys.modules if m.startswith(('tracker.drafting', 'tracker.commands.'))"
        " and m != 'tracker.commands.gui'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == ""
    assert _modules_loaded_by("import tracker.cli", Path("unused")) == []


def test_the_overview_is_counted_when_shown_and_kept_current(qtbot: QtBot, window: MainWindow) -> None:
    snapshot = window.snapshot
    assert snapshot is not None and "overview" not in vars(snapshot)  # not counted yet
    page = window.overview_page
    assert isinstance(page, OverviewPage)
    window.center.setCurrentWidget(page)
    assert "overview" in vars(snapshot)
    assert "完成率" in page.headline.text()
    assert page.plan_model.rowCount() == len(snapshot.overview.plans) == 5

    # a reload while the 总览 is on screen refreshes it at once
    red_before = snapshot.overview.ledger.by_light[Light.RED]
    window.reload()
    wait_loaded(qtbot, window)
    assert window.snapshot is not snapshot
    assert "overview" in vars(window.snapshot)
    assert window.snapshot.overview.ledger.by_light[Light.RED] == red_before

    # a reload while another tab is shown leaves the counting for later
    window.center.setCurrentWidget(window.table)
    window.reload()
    wait_loaded(qtbot, window)
    assert "overview" not in vars(window.snapshot)
    window.center.setCurrentWidget(page)
    assert "overview" in vars(window.snapshot)


def test_shipped_font_registers_from_a_chinese_folder_with_a_space(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    """The font is given to Qt as bytes: no font engine has to open the program folder by name."""
    import shutil

    from PySide6.QtWidgets import QApplication

    import ui.fonts
    from tracker.paths import resources_dir

    folder = tmp_path / "督查台账 程序" / "resources"
    (folder / "fonts").mkdir(parents=True)
    for font in (resources_dir() / "fonts").glob("*.tt[cf]"):
        shutil.copyfile(font, folder / "fonts" / font.name)
    monkeypatch.setattr(ui.fonts, "resources_dir", lambda: folder)

    def by_name(path: str) -> int:
        raise AssertionError(f"font opened by its file name: {path}")

    monkeypatch.setattr(ui.fonts.QFontDatabase, "addApplicationFont", staticmethod(by_name))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    families = ui.fonts.register_fonts(app)
    assert families and "WenQuanYi" in families[0]
    assert app.font().families()[0] == families[0]
