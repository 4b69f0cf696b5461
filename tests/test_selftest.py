"""`tracker --self-test`: passes on a good installation, and says what failed on a bad one."""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tracker import selftest
from tracker.commands import export
from tracker.db.engine import Database

ROOT = Path(__file__).resolve().parents[1]


def test_self_test_as_a_subprocess_passes(isolated_home: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TRACKER_HOME": str(isolated_home)}
    result = subprocess.run(
        [sys.executable, "-m", "tracker", "--self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[失败]" not in result.stdout
    for step in ("新建并迁移台账", "载入内置方案", "导出 json", "主窗口"):
        assert f"[通过] {step}" in result.stdout
    assert "自检通过" in result.stdout
    # The user's folder is left alone: no ledger was made there.
    assert not (isolated_home / "ledger.sqlite3").exists()


def _without_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process runs skip the Qt step (the subprocess test above covers it)."""
    monkeypatch.setattr(selftest, "check_window", lambda ctx: "不在此测试中打开")


def test_missing_program_files_fail_the_self_test(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _without_window(monkeypatch)
    monkeypatch.setattr(selftest, "seed_dir", lambda: tmp_path / "no-seed")
    out = io.StringIO()
    assert selftest.run_self_test(out) == 1
    text = out.getvalue()
    assert "[失败] 程序文件" in text
    assert "自检失败：程序文件" in text
    assert "[通过] 新建并迁移台账" in text  # every step still runs and reports


def test_a_broken_report_format_fails_the_self_test(monkeypatch: pytest.MonkeyPatch) -> None:
    _without_window(monkeypatch)

    def broken_pdf(database: Database, args: argparse.Namespace, out: Path) -> None:
        out.write_text("not a pdf", encoding="utf-8")

    monkeypatch.setitem(export.FORMATS, "pdf", broken_pdf)
    out = io.StringIO()
    assert selftest.run_self_test(out) == 1
    assert "[失败] 导出 pdf" in out.getvalue()
    assert "不是 PDF 文件" in out.getvalue()


def test_a_crashing_step_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    _without_window(monkeypatch)

    def crash(ctx: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(selftest, "check_database", crash)
    out = io.StringIO()
    assert selftest.run_self_test(out) == 1
    assert "[失败] 数据库检查" in out.getvalue()
    assert "RuntimeError: boom" in out.getvalue()


def test_self_test_leaves_tracker_home_as_it_was(
    monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    _without_window(monkeypatch)
    assert selftest.run_self_test(io.StringIO()) == 0
    assert os.environ["TRACKER_HOME"] == str(isolated_home)
    assert not (isolated_home / "ledger.sqlite3").exists()
