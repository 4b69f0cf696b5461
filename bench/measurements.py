"""The named measurements `bench/run.py` takes, each beside a floor that bounds it from below.

Add one with the decorator; `run.py` picks it up, runs it `repeat` times per ledger size
and prints the median beside its floor:

    @register("export_pdf", "导出督查通报 PDF", "s", floor="floor_export_json", repeat=3)
    def export_pdf(ledger: Ledger) -> float:
        with Timer() as timer:
            ...
        return timer.seconds

A measurement returns one sample in its unit (s, ms or MB). A floor is the same work done
the cheapest way possible (a bare Qt window, a raw sqlite3 query over the same rows), so
the gap between the two is what the program itself costs.
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tracker.db.engine import Database, sqlite_url

ROOT = Path(__file__).resolve().parents[1]
SEARCH_WORD = "成果转化"  # in about one task title or content in six
UNIT_ID = 1  # 市科技局, linked to about one task in fifty


class Timer:
    def __enter__(self) -> Timer:
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.started


@dataclass
class Ledger:
    """One synthetic ledger under test, with what the measurements share (opened lazily)."""

    path: Path
    tasks: int
    scratch: Path
    notes: dict[str, str] = field(default_factory=dict)
    _database: Database | None = None
    _raw: sqlite3.Connection | None = None
    _window: Any = None
    _task_ids: Iterator[int] | None = None

    @property
    def database(self) -> Database:
        if self._database is None:
            self._database = Database(sqlite_url(self.path))
        return self._database

    @property
    def raw(self) -> sqlite3.Connection:
        if self._raw is None:
            self._raw = sqlite3.connect(str(self.path))
        return self._raw

    def next_task_id(self) -> int:
        if self._task_ids is None:
            rng = random.Random(7)
            self._task_ids = iter(lambda: rng.randint(1, self.tasks), None)
        return next(self._task_ids)

    def window(self) -> Any:
        """The real main window on this ledger, built once, in this process (offscreen)."""
        if self._window is None:
            from ui.app import make_application
            from ui.main_window import MainWindow

            app = make_application([sys.argv[0]])
            self._window = MainWindow(self.database)
            self._window.show()
            app.processEvents()
            from bench.probe import wait_until_populated

            wait_until_populated(self._window)
        return self._window

    def close(self) -> None:
        if self._window is not None:
            from PySide6.QtWidgets import QApplication

            self._window.close()
            self._window.deleteLater()
            QApplication.processEvents()
            self._window = None
        if self._raw is not None:
            self._raw.close()
            self._raw = None
        if self._database is not None:
            self._database.dispose()
            self._database = None


@dataclass(frozen=True)
class Measurement:
    name: str
    label: str
    unit: str  # "s", "ms" or "MB"
    sample: Callable[[Ledger], float]
    floor: str | None = None
    repeat: int = 5
    target: float | None = None  # the limit at 10,000 tasks, in `unit`
    is_floor: bool = False


REGISTRY: dict[str, Measurement] = {}


def register(
    name: str,
    label: str,
    unit: str,
    *,
    floor: str | None = None,
    repeat: int = 5,
    target: float | None = None,
    is_floor: bool = False,
) -> Callable[[Callable[[Ledger], float]], Callable[[Ledger], float]]:
    def add(sample: Callable[[Ledger], float]) -> Callable[[Ledger], float]:
        REGISTRY[name] = Measurement(name, label, unit, sample, floor, repeat, target, is_floor)
        return sample

    return add


# --- start-up and memory, in a child process -------------------------------------------


def _probe(*args: str) -> tuple[float, float]:
    """(seconds from process start to `ready`, peak RSS in MB) of one `bench.probe` run."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "bench.probe", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    ready = None
    rss = None
    for line in child.stdout:
        if line.strip() == "ready" and ready is None:
            ready = time.perf_counter() - started
        elif line.startswith("rss_mb "):
            rss = float(line.split()[1])
    if child.wait(timeout=600) != 0 or ready is None or rss is None:
        raise RuntimeError(f"bench.probe {' '.join(args)} failed (exit {child.returncode})")
    return ready, rss


@register("window", "启动到可用窗口 start to usable window", "s", floor="floor_window", target=1.5)
def window_start(ledger: Ledger) -> float:
    return _probe("window", str(ledger.path))[0]


@register("floor_window", "空白 PySide6 窗口 bare PySide6 window", "s", is_floor=True)
def bare_window(ledger: Ledger) -> float:
    return _probe("bare")[0]


@register(
    "memory",
    "峰值内存（启动、筛选、打开任务、导出）peak RSS",
    "MB",
    floor="floor_memory",
    repeat=1,
    target=400,
)
def peak_memory(ledger: Ledger) -> float:
    return _probe("window", str(ledger.path), "--session")[1]


@register("floor_memory", "空白 PySide6 窗口 bare window RSS", "MB", repeat=1, is_floor=True)
def bare_memory(ledger: Ledger) -> float:
    return _probe("bare")[1]


# --- filtering -------------------------------------------------------------------------


def _window_filter(window: Any) -> Any:
    """The window's in-memory filter (an item model with `update_criteria`), if it has one."""
    from PySide6.QtCore import QAbstractItemModel

    for model in window.findChildren(QAbstractItemModel):
        if hasattr(model, "update_criteria"):
            return model
    for value in vars(window).values():
        if isinstance(value, QAbstractItemModel) and hasattr(value, "update_criteria"):
            return value
    return None


def _filter(ledger: Ledger, **criteria: Any) -> float:
    from PySide6.QtWidgets import QApplication

    try:
        proxy = _window_filter(ledger.window())
    except ImportError as exc:  # the window is being rebuilt: measure what it will stand on
        ledger.notes["window_error"] = str(exc)
        proxy = None
    if proxy is not None:
        ledger.notes["filter"] = f"窗口的筛选 ({type(proxy).__name__}.update_criteria)"
        with Timer() as timer:
            proxy.update_criteria(**criteria)
            QApplication.processEvents()
        proxy.update_criteria(
            **{key: type(value)() if isinstance(value, str) else None for key, value in criteria.items()}
        )
        QApplication.processEvents()
        return timer.seconds
    ledger.notes["filter"] = "窗口尚无筛选：计 load_tree + task_states 与内存筛选"
    return _filter_by_queries(ledger, **criteria)


def _filter_by_queries(ledger: Ledger, text: str = "", unit_id: int | None = None) -> float:
    from sqlalchemy import select

    from tracker.db import models as m
    from tracker.periods import parse_period
    from tracker.views.status import task_states
    from tracker.views.tree import TaskNode, load_tree

    def walk(nodes: list[TaskNode]) -> Iterator[TaskNode]:
        for node in nodes:
            yield node
            yield from walk(node.children)

    with Timer() as timer, ledger.database.reading() as session:
        plans = load_tree(session)
        task_states(session, parse_period(str(date.today().year)))
        unit_name = session.scalar(select(m.Unit.name).where(m.Unit.id == (unit_id or 0)))
        hits = [
            n
            for plan in plans
            for n in walk(plan.tasks)
            if (not text or text in n.title) and (unit_name is None or unit_name in dict(n.units))
        ]
    assert hits or text or unit_id
    return timer.seconds


@register("filter_text", "按文字筛选 filter by text", "ms", floor="floor_filter_text")
def filter_text(ledger: Ledger) -> float:
    return _filter(ledger, text=SEARCH_WORD) * 1000


@register("floor_filter_text", "sqlite3 LIKE 查询", "ms", is_floor=True)
def raw_filter_text(ledger: Ledger) -> float:
    with Timer() as timer:
        ledger.raw.execute(
            "SELECT id FROM task WHERE deleted_at IS NULL AND (title LIKE ? OR content LIKE ?)",
            (f"%{SEARCH_WORD}%", f"%{SEARCH_WORD}%"),
        ).fetchall()
    return timer.seconds * 1000


@register("filter_unit", "按责任单位筛选 filter by unit", "ms", floor="floor_filter_unit")
def filter_unit(ledger: Ledger) -> float:
    return _filter(ledger, unit_id=UNIT_ID) * 1000


@register("floor_filter_unit", "sqlite3 按单位查询", "ms", is_floor=True)
def raw_filter_unit(ledger: Ledger) -> float:
    with Timer() as timer:
        ledger.raw.execute(
            "SELECT t.id FROM task t JOIN task_unit tu ON tu.task_id = t.id "
            "WHERE tu.unit_id = ? AND t.deleted_at IS NULL",
            (UNIT_ID,),
        ).fetchall()
    return timer.seconds * 1000


# --- opening a task --------------------------------------------------------------------


@register(
    "open_task",
    "打开任务 open a task (load_task_detail)",
    "ms",
    floor="floor_open_task",
    repeat=20,
    target=50,
)
def open_task(ledger: Ledger) -> float:
    from tracker.views.detail import load_task_detail

    task_id = ledger.next_task_id()
    with Timer() as timer, ledger.database.reading() as session:
        detail = load_task_detail(session, task_id)
    assert detail is not None
    return timer.seconds * 1000


@register("floor_open_task", "sqlite3 读一项任务", "ms", repeat=20, is_floor=True)
def raw_open_task(ledger: Ledger) -> float:
    task_id = ledger.next_task_id()
    with Timer() as timer:
        db = ledger.raw
        db.execute("SELECT * FROM task WHERE id = ?", (task_id,)).fetchone()
        db.execute("SELECT * FROM task_unit WHERE task_id = ? ORDER BY position", (task_id,)).fetchall()
        db.execute(
            "SELECT * FROM metric m LEFT JOIN target t ON t.metric_id = m.id WHERE m.task_id = ?",
            (task_id,),
        ).fetchall()
        db.execute("SELECT * FROM progress_update WHERE task_id = ?", (task_id,)).fetchall()
    return timer.seconds * 1000


# --- export ----------------------------------------------------------------------------


@register("export_json", "导出 JSON export json", "s", floor="floor_export_json", repeat=3)
def export_json(ledger: Ledger) -> float:
    from tracker.export.json_export import write_export

    out = ledger.scratch / "export.json"
    with Timer() as timer, ledger.database.reading() as session:
        write_export(session, out)
    return timer.seconds


@register("floor_export_json", "sqlite3 读全部任务与进展并写 JSON", "s", repeat=3, is_floor=True)
def raw_export_json(ledger: Ledger) -> float:
    out = ledger.scratch / "raw.json"
    with Timer() as timer:
        tasks = ledger.raw.execute("SELECT * FROM task").fetchall()
        updates = ledger.raw.execute("SELECT * FROM progress_update").fetchall()
        out.write_text(json.dumps([tasks, updates], ensure_ascii=False, default=str), "utf-8")
    return timer.seconds


# --- what the memory probe does after start-up -----------------------------------------


def officer_session(window: Any, database: Database, scratch: Path) -> None:
    """Filter, open twenty tasks and export JSON in the probe, so peak memory covers them."""
    ledger = Ledger(database.path or scratch / "none", 0, scratch, _database=database, _window=window)
    from sqlalchemy import func, select

    from tracker.db import models as m

    with database.reading() as session:
        ledger.tasks = int(session.scalar(select(func.max(m.Task.id))) or 1)
    _filter(ledger, text=SEARCH_WORD)
    _filter(ledger, unit_id=UNIT_ID)
    for _ in range(20):
        open_task(ledger)
    export_json(ledger)
