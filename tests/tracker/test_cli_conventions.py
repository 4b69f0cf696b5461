"""Command-line conventions: argparse in Chinese, global options after the command, units by
full name, alias or short form (ambiguity named), periods in the words the program prints."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tracker.cli import argparse_in_chinese, main
from tracker.db.engine import Database
from tracker.ledger import open_database, seed_builtin_plans

ENGLISH = ("usage:", "positional arguments", "options:", "show this help", "error:", "unrecognized")


@pytest.fixture
def ledger(db_path: Path) -> Path:
    database, _ = open_database(str(db_path))
    seed_builtin_plans(database)
    database.dispose()
    return db_path


def test_help_and_errors_speak_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["export", "--help"], ["forms", "export", "--help"]):
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith("用法：tracker") and "选项：" in out and "显示本帮助并退出" in out, argv
        assert not any(word in out for word in ENGLISH), out
    for argv, words in (
        (["export", "pdff", "--out", "x"], "无效的选择 'pdff'（可选："),
        (["export", "xlsx"], "缺少必需的参数：--out"),
        (["check", "--bogus"], "无法识别的参数：--bogus"),
        (["export", "xlsx", "--out"], "参数 --out：后面需要一个值"),
    ):
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith("用法：") and "：错误：" in err and words in err, err
        assert not any(word in err for word in ENGLISH), err


def test_argparse_words_are_translated_whole() -> None:
    assert (
        argparse_in_chinese("argument --issue: invalid int value: 'x'")
        == "参数 --issue：值 'x' 无效（应为 int）"
    )
    assert argparse_in_chinese("one of the arguments --unit --all-units is required") == (
        "必须给出以下参数之一：--unit --all-units"
    )


def test_global_options_before_or_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    after = tmp_path / "台账 甲.sqlite3"
    before = tmp_path / "台账 乙.sqlite3"
    assert main(["init", "--no-seed", "--db", str(after)]) == 0
    assert main(["--db", str(before), "init", "--no-seed"]) == 0
    assert after.is_file() and before.is_file()
    assert main(["check", "--db", str(after)]) == 0
    capsys.readouterr()
    out = tmp_path / "甲.json"
    assert main(["--db", str(before), "export", "json", "--out", str(out), "--db", str(after)]) == 0
    assert out.is_file()  # the one after the command wins, as a later option does


@pytest.mark.parametrize("unit", ["温州市科学技术局", "温州市科技局"])
def test_unit_by_full_name_or_alias(ledger: Path, tmp_path: Path, unit: str) -> None:
    out = tmp_path / "台账.xlsx"
    assert (
        main(["export", "xlsx", "--db", str(ledger), "--out", str(out), "--unit", unit, "--period", "2023Q2"])
        == 0
    )
    rows = list(load_workbook(out)["任务台账"].iter_rows(values_only=True))
    assert any("温州" in str(row) for row in rows)


def test_an_ambiguous_short_form_names_the_candidates(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "台账.xlsx"
    status = main(["export", "xlsx", "--db", str(ledger), "--out", str(out), "--unit", "市科技局"])
    assert status == 2 and not out.exists()
    err = capsys.readouterr().err
    assert "“市科技局”可指 2 个单位" in err
    assert "温州市科学技术局（温州八大抓手）" in err and "丽水市科学技术局（" in err
    status = main(
        ["forms", "export", "--db", str(ledger), "--out", str(tmp_path / "f.xlsx"), "--unit", "市科技局"]
    )
    assert status == 2 and "可指 2 个单位" in capsys.readouterr().err


def test_a_unique_short_form_is_enough(ledger: Path, tmp_path: Path) -> None:
    database, _ = open_database(str(ledger))
    try:
        short, full = _unique_printed_name(database)
    finally:
        database.dispose()
    out = tmp_path / "填报表.xlsx"
    assert (
        main(
            ["forms", "export", "--db", str(ledger), "--out", str(out), "--unit", short, "--period", "2023Q2"]
        )
        == 0
    )
    assert full in str(list(load_workbook(out).worksheets[0].iter_rows(values_only=True))[:6])


def _unique_printed_name(database: Database) -> tuple[str, str]:
    from sqlalchemy import func, select

    from tracker.db import models as m

    with database.reading() as session:
        row = session.execute(
            select(m.TaskUnit.printed_name, func.min(m.Unit.name))
            .join(m.Unit, m.Unit.id == m.TaskUnit.unit_id)
            .where(m.TaskUnit.printed_name != m.Unit.name)
            .where(m.TaskUnit.printed_name.not_in(select(m.UnitAlias.alias)))
            .group_by(m.TaskUnit.printed_name)
            .having(func.count(func.distinct(m.TaskUnit.unit_id)) == 1)
            .order_by(m.TaskUnit.printed_name)
        ).first()
        assert row is not None
        alias = session.scalar(select(m.UnitAlias.id).where(m.UnitAlias.alias == row[0]))
        assert alias is None  # a short form, not an alias
        return str(row[0]), str(row[1])


@pytest.mark.parametrize("words", ["2023年第二季度", "2023年上半年", "2023年5月", "2023年", "2023年度"])
def test_period_in_words(
    ledger: Path, tmp_path: Path, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "台账.xlsx"
    assert main(["export", "xlsx", "--db", str(ledger), "--out", str(out), "--period", words]) == 0
    title = load_workbook(out)["任务台账"]["A1"].value
    label = words if words not in ("2023年",) else "2023年度"
    assert str(title).startswith(label), title
