"""`tracker --self-test`: prove this installation works, on a throw-away ledger.

Runs what a first start runs, in a temporary folder that is removed afterwards: the
program's own files are there, a fresh ledger migrates to head and takes the built-in
plans, the database check passes, the read models load, every export format registered
in `tracker.commands.export.FORMATS` writes a file of the right kind, and the main window
opens and closes (offscreen where there is no screen). The user's ledger, settings and
logs are never touched. Prints one line per step; exit 0 when all pass, else 1.

Meant for a frozen build above all (a missing data file, dialect or Qt plugin shows up
here), and for CI, which runs it on the PyInstaller build.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from tracker import APP_NAME, __version__
from tracker.db.engine import Database
from tracker.paths import app_root, migrations_dir, resources_dir, seed_dir


class SelfTestFailure(Exception):
    """A step found something wrong; the message says what."""


@dataclass(frozen=True)
class StepResult:
    name: str
    ok: bool
    seconds: float
    detail: str


@dataclass
class _Context:
    """What the steps hand on to each other."""

    folder: Path
    database: Database | None = None
    plan_count: int = 0
    first_task_id: int | None = None


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


def check_files(ctx: _Context) -> str:
    from tracker.services.seeding import seed_files

    seeds = seed_files(seed_dir())
    _require(bool(seeds), f"内置方案文件夹 {seed_dir()} 中没有方案文件")
    _require((migrations_dir() / "env.py").is_file(), f"迁移脚本缺失：{migrations_dir() / 'env.py'}")
    versions = [p for p in (migrations_dir() / "versions").glob("*.py") if not p.name.startswith("_")]
    _require(bool(versions), f"迁移版本脚本缺失：{migrations_dir() / 'versions'}")
    fonts = list((resources_dir() / "fonts").glob("*.tt[cf]"))
    _require(bool(fonts), f"中文字体缺失：{resources_dir() / 'fonts'}")
    return f"{app_root()}：{len(seeds)} 个方案文件，{len(versions)} 个迁移脚本，{len(fonts)} 个字体"


def check_migrate(ctx: _Context) -> str:
    from tracker.db.migrate import current_revision, head_revision
    from tracker.ledger import open_database

    database, result = open_database(str(ctx.folder / "ledger.sqlite3"))
    ctx.database = database
    head = head_revision()
    _require(result.before is None, f"新台账不应已有版本（{result.before}）")
    _require(result.after == head, f"迁移结果 {result.after} 不是最新版本 {head}")
    _require(current_revision(database.engine) == head, "迁移后数据库版本不是最新")
    return f"版本 {head}"


def _database(ctx: _Context) -> Database:
    _require(ctx.database is not None, "数据库未打开（前一步失败）")
    assert ctx.database is not None
    return ctx.database


def check_seed(ctx: _Context) -> str:
    from tracker.ledger import seed_builtin_plans
    from tracker.services.seeding import seed_files

    expected = len(seed_files())
    plans = seed_builtin_plans(_database(ctx))
    _require(len(plans) == expected, f"载入了 {len(plans)} 个内置方案，应为 {expected} 个")
    ctx.plan_count = len(plans)
    return f"{len(plans)} 个方案"


def check_database(ctx: _Context) -> str:
    from tracker.services.checks import run_checks

    faults = [f for f in run_checks(_database(ctx)) if f.fault]
    _require(not faults, "；".join(f"{f.area}：{f.message}" for f in faults[:5]))
    return "完好"


def check_views(ctx: _Context) -> str:
    from tracker.periods import parse_period
    from tracker.views.detail import load_task_detail
    from tracker.views.status import task_states
    from tracker.views.tree import TaskNode, load_tree

    with _database(ctx).reading() as session:
        plans = load_tree(session)
        _require(len(plans) == ctx.plan_count, f"任务树有 {len(plans)} 个方案，应为 {ctx.plan_count} 个")

        def count(tasks: list[TaskNode]) -> int:
            return sum(1 + count(t.children) for t in tasks)

        tasks = sum(count(p.tasks) for p in plans)
        _require(tasks > 0, "内置方案中没有任务")
        states = task_states(session, parse_period(str(date.today().year)))
        _require(len(states) == tasks, f"任务状态 {len(states)} 条，任务 {tasks} 项，数目不一致")
        first = next(p.tasks[0] for p in plans if p.tasks)
        detail = load_task_detail(session, first.id)
        _require(detail is not None and detail.title == first.title, f"打不开任务 {first.id}")
        ctx.first_task_id = first.id
    return f"{tasks} 项任务"


def _check_export_file(fmt: str, path: Path, plan_count: int) -> str:
    _require(path.is_file() and path.stat().st_size > 0, f"没有写出文件 {path.name}")
    data = path.read_bytes()
    if fmt == "json":
        document = json.loads(data.decode("utf-8"))
        _require(document.get("format") == "tracker-export", "JSON 文档格式标记不对")
        _require(len(document.get("plans", [])) == plan_count, "JSON 文档中的方案数目不对")
    elif fmt == "pdf":
        _require(data.startswith(b"%PDF-"), "不是 PDF 文件")
    elif fmt == "docx":
        _require(zipfile.is_zipfile(path), "不是 Word (docx) 文件")
        with zipfile.ZipFile(path) as archive:
            _require("word/document.xml" in archive.namelist(), "Word 文件中没有正文")
    elif fmt == "xlsx":
        _require(zipfile.is_zipfile(path), "不是 Excel (xlsx) 文件")
        with zipfile.ZipFile(path) as archive:
            _require("xl/workbook.xml" in archive.namelist(), "Excel 文件中没有工作簿")
    return f"{len(data):,} 字节"


def export_steps() -> list[tuple[str, Callable[[_Context], str]]]:
    """One step per export format registered right now (json always; reports as they land)."""
    from tracker.commands.export import FORMATS

    steps: list[tuple[str, Callable[[_Context], str]]] = []
    for fmt in sorted(FORMATS):

        def step(ctx: _Context, fmt: str = fmt) -> str:
            from tracker.cli import build_parser

            database = _database(ctx)
            out = ctx.folder / f"export.{fmt}"
            draft = ["--draft"] if fmt in ("pdf", "docx") else []  # no officer's text in a self-test
            args = build_parser().parse_args(["--db", database.url, "export", fmt, "--out", str(out), *draft])
            with redirect_stderr(io.StringIO()):
                FORMATS[fmt](database, args, out)
            return _check_export_file(fmt, out, ctx.plan_count)

        steps.append((f"导出 {fmt}", step))
    return steps


def check_window(ctx: _Context) -> str:
    try:
        from ui.selftest import check_main_window
    except ImportError as exc:
        raise SelfTestFailure(f"窗口部分无法载入 (Qt)：{exc}") from exc
    return check_main_window(_database(ctx), ctx.folder / "settings", ctx.first_task_id)


def steps() -> list[tuple[str, Callable[[_Context], str]]]:
    return [
        ("程序文件", check_files),
        ("新建并迁移台账", check_migrate),
        ("载入内置方案", check_seed),
        ("数据库检查", check_database),
        ("任务树与状态", check_views),
        *export_steps(),
        ("主窗口", check_window),
    ]


@contextmanager
def _isolated_home(folder: Path) -> Iterator[None]:
    """Point TRACKER_HOME and TRACKER_DB away from the user's own data for the run."""
    saved = {key: os.environ.get(key) for key in ("TRACKER_HOME", "TRACKER_DB")}
    os.environ["TRACKER_HOME"] = str(folder / "home")
    os.environ.pop("TRACKER_DB", None)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run_steps(out: TextIO) -> list[StepResult]:
    results: list[StepResult] = []
    with tempfile.TemporaryDirectory(prefix="tracker-selftest-") as tmp:
        ctx = _Context(Path(tmp))
        with _isolated_home(ctx.folder):
            try:
                for name, step in steps():
                    started = time.perf_counter()
                    try:
                        detail = step(ctx)
                        ok = True
                    except SelfTestFailure as exc:
                        detail, ok = str(exc), False
                    except Exception as exc:
                        detail, ok = f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}", False
                    result = StepResult(name, ok, time.perf_counter() - started, detail)
                    results.append(result)
                    mark = "通过" if ok else "失败"
                    print(f"[{mark}] {name}（{result.seconds:.2f} 秒）：{detail}", file=out, flush=True)
            finally:
                if ctx.database is not None:
                    ctx.database.dispose()
    return results


def run_self_test(out: TextIO | None = None) -> int:
    """Run every step; 0 when all pass, 1 (after saying which failed) otherwise."""
    out = out or sys.stdout
    frozen = "（打包版）" if getattr(sys, "frozen", False) else ""
    print(f"{APP_NAME} {__version__}{frozen} 自检，Python {sys.version.split()[0]}", file=out)
    results = run_steps(out)
    failed = [r.name for r in results if not r.ok]
    if failed:
        print(f"自检失败：{'、'.join(failed)}", file=out)
        return 1
    print(f"自检通过：{len(results)} 项全部正常", file=out)
    return 0
