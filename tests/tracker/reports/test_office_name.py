"""One office name (发文/制表单位) for every export: the officer's words, else the 设置; never an empty label."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.tracker.reports.conftest import PERIOD
from tracker.cli import main
from tracker.db.engine import Database
from tracker.services.settings import OFFICE_NAME, office_of, set_setting


def _office_lines(path: Path) -> dict[str, object]:
    """Row 2, column A of every sheet (where the 制表单位 line sits)."""
    workbook = load_workbook(path)
    return {sheet.title: sheet["A2"].value for sheet in workbook}


def _export_xlsx(db_path: Path, out: Path, *extra: str) -> None:
    assert main(["--db", str(db_path), "export", "xlsx", "--out", str(out), "--period", PERIOD, *extra]) == 0


def test_office_of_prefers_the_officers_words(database: Database) -> None:
    with database.unit_of_work() as session:
        assert office_of(session) == ""
        assert office_of(session, "  某局 ") == "某局"
        set_setting(session, OFFICE_NAME, " 温州市科学技术局 ")
        assert office_of(session) == "温州市科学技术局"
        assert office_of(session, "   ") == "温州市科学技术局"  # blank words are no office
        assert office_of(session, None) == "温州市科学技术局"
        assert office_of(session, "某局") == "某局"


def test_ledger_without_office_option_takes_the_setting(
    reported: Database, db_path: Path, tmp_path: Path
) -> None:
    with reported.unit_of_work() as session:
        set_setting(session, OFFICE_NAME, "温州市科学技术局")
    reported.dispose()
    out = tmp_path / "台账.xlsx"
    _export_xlsx(db_path, out)
    lines = _office_lines(out)
    assert lines["任务台账"] == "制表单位：温州市科学技术局"
    assert set(lines.values()) == {"制表单位：温州市科学技术局"}  # every sheet, one name
    blank = tmp_path / "空白选项.xlsx"
    _export_xlsx(db_path, blank, "--office", "  ")
    assert set(_office_lines(blank).values()) == {"制表单位：温州市科学技术局"}


def test_ledger_with_no_office_known_prints_no_empty_label(
    reported: Database, db_path: Path, tmp_path: Path
) -> None:
    reported.dispose()
    out = tmp_path / "台账.xlsx"
    _export_xlsx(db_path, out)
    workbook = load_workbook(out)
    for sheet in workbook:
        texts = [str(c.value) for row in sheet.iter_rows(max_row=3) for c in row if c.value is not None]
        assert not any("制表单位" in text for text in texts), sheet.title
        assert any(text.startswith("统计截至：") for text in texts), sheet.title  # the row is still there
    given = tmp_path / "给定.xlsx"
    _export_xlsx(db_path, given, "--office", "某市科技局")
    assert set(_office_lines(given).values()) == {"制表单位：某市科技局"}
