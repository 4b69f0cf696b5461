"""The command line: exit codes, messages, and the contract's round trip."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.cli import main

ROOT = Path(__file__).resolve().parents[2]
PLAN = {
    "title": "交办事项",
    "period": {"start": 2023, "end": 2023},
    "tasks": [
        {
            "code": "1",
            "title": "开展科技特派员工作",
            "units": [{"name": "市科技局", "role": "lead"}, {"name": "市农业农村局", "role": "support"}],
            "metrics": [
                {
                    "name": "派遣科技特派员",
                    "unit": "人次",
                    "targets": [
                        {
                            "year": 2023,
                            "value": 500,
                            "comparator": ">=",
                            "recurring": "yearly",
                            "text": "每年500人次",
                        }
                    ],
                }
            ],
        }
    ],
}


def run_cli(*args: str) -> int:
    return main(list(args))


def test_init_no_seed_then_import_and_export(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli("--db", str(db_path), "init", "--no-seed") == 0
    plan_file = tmp_path / "交办 事项.json"
    plan_file.write_text(json.dumps(PLAN, ensure_ascii=False), encoding="utf-8")
    assert run_cli("--db", str(db_path), "import-plan", str(plan_file)) == 0
    out = tmp_path / "导出.json"
    assert run_cli("--db", str(db_path), "export", "json", "--out", str(out)) == 0
    doc = json.loads(out.read_text("utf-8"))
    assert doc["format"] == "tracker-export" and doc["version"] == 1
    [plan] = doc["plans"]
    task = plan["tasks"][0]
    assert task["units"] == PLAN["tasks"][0]["units"]
    assert task["metrics"][0]["targets"][0]["recurring"] == "yearly"
    assert "已导入方案《交办事项》" in capsys.readouterr().err


def test_bad_plan_file_exits_2_and_changes_nothing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli("--db", str(db_path), "init", "--no-seed") == 0
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"title": "x", "tasks": [{"code": "1"}]}), encoding="utf-8")
    assert run_cli("--db", str(db_path), "import-plan", str(bad)) == 2
    err = capsys.readouterr().err
    assert "$.tasks[0].title" in err and "Traceback" not in err
    out = tmp_path / "e.json"
    run_cli("--db", str(db_path), "export", "json", "--out", str(out))
    assert json.loads(out.read_text("utf-8"))["plans"] == []


def test_missing_and_unsupported_files_exit_2(db_path: Path, tmp_path: Path) -> None:
    assert run_cli("--db", str(db_path), "import-plan", str(tmp_path / "none.json")) == 2
    other = tmp_path / "plan.csv"
    other.write_text("a,b", encoding="utf-8")
    assert run_cli("--db", str(db_path), "import-plan", str(other)) == 2


def test_export_to_missing_folder_exits_2(db_path: Path, tmp_path: Path) -> None:
    assert run_cli("--db", str(db_path), "export", "json", "--out", str(tmp_path / "no" / "x.json")) == 2


def test_check_passes_on_a_fresh_ledger(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli("--db", str(db_path), "check") == 0
    assert "未发现问题" in capsys.readouterr().out


def test_check_fails_on_a_dangling_reference(db_path: Path) -> None:
    import sqlite3

    assert run_cli("--db", str(db_path), "init", "--no-seed") == 0
    connection = sqlite3.connect(db_path)  # foreign keys off by default in raw sqlite3
    connection.execute("INSERT INTO unit_alias (id, unit_id, alias) VALUES (1, 42, '幽灵')")
    connection.commit()
    connection.close()
    assert run_cli("--db", str(db_path), "check") == 1


def test_tracker_db_environment_variable(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_DB", str(db_path))
    assert run_cli("init", "--no-seed") == 0
    assert db_path.exists()


def test_bad_usage_exits_2() -> None:
    with pytest.raises(SystemExit) as info:
        run_cli("export", "rtf", "--out", "x")  # docx became a format
    assert info.value.code == 2


def test_python_m_tracker_end_to_end(tmp_path: Path) -> None:
    """The real program as a subprocess: init seeds the built-in plans; export shows them."""
    env = {**os.environ, "TRACKER_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT)}
    db = tmp_path / "路径 含空格" / "台账.sqlite3"
    db.parent.mkdir()
    env["TRACKER_DB"] = str(db)
    init = subprocess.run(
        [sys.executable, "-m", "tracker", "init"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert init.returncode == 0, init.stderr
    out = tmp_path / "x.json"
    export = subprocess.run(
        [sys.executable, "-m", "tracker", "export", "json", "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert export.returncode == 0, export.stderr
    plans = json.loads(out.read_text("utf-8"))["plans"]
    seeds = sorted(p for p in (ROOT / "seed").glob("*.json") if p.name != "units.json")
    assert len(plans) == len(seeds) >= 1
    again = subprocess.run(
        [sys.executable, "-m", "tracker", "init"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert "未载入内置方案" in again.stderr


def test_output_to_a_stream_without_chinese_does_not_fail_the_command(tmp_path: Path) -> None:
    """An English Windows writes redirected output in cp1252, which has no Chinese."""
    log = tmp_path / "任务计划 日志.txt"
    env = {
        **os.environ,
        "TRACKER_HOME": str(tmp_path / "home"),
        "TRACKER_DB": str(tmp_path / "台账.sqlite3"),
        "PYTHONPATH": str(ROOT),
        "PYTHONIOENCODING": "cp1252",
    }
    for command in ("init", "check"):  # `check` reports on stdout, in Chinese
        with log.open("wb") as sink:
            done = subprocess.run(
                [sys.executable, "-m", "tracker", command], env=env, stdout=sink, stderr=sink, timeout=120
            )
        text = log.read_bytes().decode("cp1252")
        assert done.returncode == 0, text
        assert "\\u" in text and "Traceback" not in text  # Chinese as escapes, the work done
    assert "\\u68c0\\u67e5" in text  # 检查…
