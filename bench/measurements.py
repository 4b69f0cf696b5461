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

import contextlib
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

from bench.make_ledger import PERIODS
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
    _copy: Database | None = None
    cache: dict[str, Any] = field(default_factory=dict)  # what measurements build once per ledger

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

    @property
    def copy_path(self) -> Path:
        return self.scratch / f"copy-{self.path.name}"

    @property
    def copy(self) -> Database:
        """A copy of the ledger, made once, for the measurements that write to it (saving
        progress, importing forms), so the ledger the others read stays as made."""
        if self._copy is None:
            self._drop_copy()
            target = sqlite3.connect(str(self.copy_path))
            try:
                self.raw.backup(target)
            finally:
                target.close()
            self._copy = Database(sqlite_url(self.copy_path))
        return self._copy

    def _drop_copy(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            self.copy_path.with_name(self.copy_path.name + suffix).unlink(missing_ok=True)

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
        if self._copy is not None:
            self._copy.dispose()
            self._copy = None
            self._drop_copy()
        self.cache.clear()


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
    target_ratio: float | None = None  # the limit at 10,000 tasks, as a multiple of the floor


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
    target_ratio: float | None = None,
) -> Callable[[Callable[[Ledger], float]], Callable[[Ledger], float]]:
    assert target_ratio is None or floor is not None, f"{name}: a target ratio needs a floor"

    def add(sample: Callable[[Ledger], float]) -> Callable[[Ledger], float]:
        REGISTRY[name] = Measurement(name, label, unit, sample, floor, repeat, target, is_floor, target_ratio)
        return sample

    return add


# --- start-up and memory, in a child process -------------------------------------------


def _probe_lines(*args: str) -> dict[str, float]:
    """One `bench.probe` run: seconds from process start to `ready` and to `complete`, and
    the numbers it prints (`max_gap_ms`, `rss_mb`)."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "bench.probe", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    seen: dict[str, float] = {}
    for line in child.stdout:
        words = line.split()
        if len(words) == 1 and words[0] in ("ready", "complete") and words[0] not in seen:
            seen[words[0]] = time.perf_counter() - started
        elif len(words) == 2 and words[0] in ("max_gap_ms", "rss_mb"):
            seen[words[0]] = float(words[1])
    if child.wait(timeout=600) != 0 or "ready" not in seen or "rss_mb" not in seen:
        raise RuntimeError(f"bench.probe {' '.join(args)} failed (exit {child.returncode})")
    return seen


def _probe(*args: str) -> tuple[float, float]:
    """(seconds from process start to `ready`, peak RSS in MB) of one `bench.probe` run."""
    seen = _probe_lines(*args)
    return seen["ready"], seen["rss_mb"]


def _window_run(ledger: Ledger, figure: str) -> float:
    """One figure of a start-up run; the usable, complete and gap measurements share runs
    (the n-th sample of each is the n-th run), so the window starts five times, not fifteen."""
    runs: list[dict[str, float]] = ledger.cache.setdefault("window_runs", [])
    used: dict[str, int] = ledger.cache.setdefault("window_used", {})
    index = used.get(figure, 0)
    if index >= len(runs):
        runs.append(_probe_lines("window", str(ledger.path)))
    used[figure] = index + 1
    return runs[index][figure]


@register("window", "启动到可用窗口 start to usable window", "s", floor="floor_window", target=1.0)
def window_start(ledger: Ledger) -> float:
    """Usable: the task table painted with its first rows, the event loop answering."""
    return _window_run(ledger, "ready")


@register("window_complete", "启动到读完台账 start to complete window", "s", floor="floor_window")
def window_complete(ledger: Ledger) -> float:
    """Complete: every task read, the counts, navigation and 总览 final."""
    return _window_run(ledger, "complete")


@register(
    "window_gap",
    "读取期间最长无响应 longest unanswered while reading",
    "ms",
    target=50,
)
def window_gap(ledger: Ledger) -> float:
    """The longest the event loop went unanswered between usable and complete."""
    return _window_run(ledger, "max_gap_ms")


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


# --- saving progress with evidence ------------------------------------------------------

EVIDENCE_BYTES = 5 * 1024 * 1024
PERIOD = PERIODS[-1]  # the ledger's latest half-year: reports and forms for it have data


def _evidence_file(ledger: Ledger) -> Path:
    """A fresh 5 MB file of random bytes (new content each time, so it is stored anew),
    with a Chinese name in a folder whose name has a space, as on an officer's desktop."""
    number = ledger.cache["evidence_files"] = ledger.cache.get("evidence_files", 0) + 1
    folder = ledger.scratch / "督查 佐证材料"
    folder.mkdir(exist_ok=True)
    path = folder / f"第{number}次现场核查照片（科技局）.pdf"
    path.write_bytes(random.randbytes(EVIDENCE_BYTES))
    return path


def _saving_task(ledger: Ledger) -> int:
    rng = ledger.cache.setdefault("saving_rng", random.Random(11))
    return int(rng.randint(1, ledger.tasks))


@register(
    "save_update",
    "保存进展（含 5 MB 佐证）save progress with 5 MB evidence",
    "ms",
    floor="floor_save_update",
)
def save_update(ledger: Ledger) -> float:
    """`record_update` in one unit of work, as the window's 记录进展 dialog saves (on a copy)."""
    from tracker.services.progress import ProgressInput, record_update

    database = ledger.copy
    task_id = _saving_task(ledger)
    path = _evidence_file(ledger)
    data = ProgressInput(
        period=PERIOD,
        status="in_progress",
        progress="已完成年度建设任务的七成，现场核查照片见佐证材料。",
        percent=70,
        evidence=[path],
    )
    try:
        with Timer() as timer, database.unit_of_work() as session:
            record_update(session, task_id, data, actor="基准测试")
    finally:
        path.unlink()
    return timer.seconds * 1000


@register("floor_save_update", "sqlite3 一事务写 5 MB blob 与一行", "ms", is_floor=True)
def raw_save_update(ledger: Ledger) -> float:
    ledger.copy  # noqa: B018 - made once per ledger
    path = _evidence_file(ledger)
    db = sqlite3.connect(str(ledger.copy_path), isolation_level=None)
    try:
        db.execute("PRAGMA synchronous=NORMAL")  # as the program's engine sets it (WAL is in the file)
        db.execute("CREATE TABLE IF NOT EXISTS bench_blob (id INTEGER PRIMARY KEY, data BLOB)")
        db.execute("CREATE TABLE IF NOT EXISTS bench_note (id INTEGER PRIMARY KEY, blob_id INT, text TEXT)")
        with Timer() as timer:
            data = path.read_bytes()
            db.execute("BEGIN")
            blob_id = db.execute("INSERT INTO bench_blob (data) VALUES (?)", (data,)).lastrowid
            db.execute("INSERT INTO bench_note (blob_id, text) VALUES (?, ?)", (blob_id, path.name))
            db.execute("COMMIT")
    finally:
        db.close()
        path.unlink()
    return timer.seconds * 1000


# --- reports ---------------------------------------------------------------------------

BULLETIN_TASKS = 1_000


def _bulletin_plans(ledger: Ledger) -> tuple[int, ...]:
    """The first plans (in the ledger's order) that together hold about 1,000 tasks."""
    if "bulletin_plans" not in ledger.cache:
        rows = ledger.raw.execute(
            "SELECT p.id, COUNT(t.id) FROM plan p JOIN task t ON t.plan_id = p.id "
            "WHERE p.deleted_at IS NULL AND t.deleted_at IS NULL "
            "GROUP BY p.id ORDER BY p.position, p.id"
        ).fetchall()
        chosen, tasks = [], 0
        for plan_id, count in rows:
            if tasks >= BULLETIN_TASKS:
                break
            chosen.append(plan_id)
            tasks += count
        ledger.cache["bulletin_plans"] = tuple(chosen)
        ledger.notes[f"督查通报 PDF at {ledger.tasks:,} tasks"] = (
            f"the first {len(chosen)} plans, {tasks:,} tasks"
        )
    return tuple(ledger.cache["bulletin_plans"])


@register(
    "export_pdf",
    "督查通报 PDF（约 1,000 项任务，含汇总）bulletin",
    "s",
    floor="floor_export_pdf",
    repeat=3,
    target=5,
)
def export_pdf(ledger: Ledger) -> float:
    from tracker.periods import parse_period
    from tracker.reports.assemble import Scope, assemble_report
    from tracker.reports.fonts import register_fonts
    from tracker.reports.pdf_bulletin import BulletinOptions, write_bulletin

    scope = Scope(plan_ids=_bulletin_plans(ledger))
    register_fonts()  # once per process, as the window's first report does: not counted
    with Timer() as timer:
        with ledger.database.reading() as session:
            report = assemble_report(session, parse_period(PERIOD), scope)
        write_bulletin(
            report,
            ledger.scratch / "bulletin.pdf",
            BulletinOptions(issue=1, office="基准测试局", problems="基准测试。", next_steps="基准测试。"),
        )
    return timer.seconds


@register("floor_export_pdf", "sqlite3 读任务名 + reportlab Canvas 每行一项", "s", repeat=3, is_floor=True)
def raw_export_pdf(ledger: Ledger) -> float:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from tracker.reports.fonts import register_fonts

    plans = _bulletin_plans(ledger)
    _, song = register_fonts()
    with Timer() as timer:
        titles = ledger.raw.execute(
            f"SELECT title FROM task WHERE deleted_at IS NULL AND plan_id IN ({','.join('?' * len(plans))}) "
            "ORDER BY plan_id, position",
            plans,
        ).fetchall()
        canvas = Canvas(str(ledger.scratch / "floor.pdf"), pagesize=A4)
        _, height = A4
        for index, (title,) in enumerate(titles):
            line = index % 50
            if index and not line:
                canvas.showPage()
            if not line:
                canvas.setFont(song, 10.5)
            canvas.drawString(60, height - 60 - 14 * line, title)
        canvas.save()
    return timer.seconds


def _whole_report(ledger: Ledger) -> Any:
    """The report over the whole ledger, assembled once (its time noted, not counted)."""
    if "whole_report" not in ledger.cache:
        from tracker.periods import parse_period
        from tracker.reports.assemble import Scope, assemble_report

        with Timer() as timer, ledger.database.reading() as session:
            ledger.cache["whole_report"] = assemble_report(session, parse_period(PERIOD), Scope())
        ledger.notes[f"Excel 台账 at {ledger.tasks:,} tasks"] = (
            f"timed from the assembled report; assemble_report took {timer.seconds:.2f} s (not counted)"
        )
    return ledger.cache["whole_report"]


@register(
    "export_xlsx",
    "Excel 台账 全部任务（不含汇总）ledger workbook",
    "s",
    floor="floor_export_xlsx",
    repeat=3,
    target_ratio=1.5,
)
def export_xlsx(ledger: Ledger) -> float:
    from tracker.reports.xlsx_ledger import LedgerOptions, write_ledger

    report = _whole_report(ledger)
    with Timer() as timer:
        write_ledger(report, ledger.scratch / "ledger.xlsx", LedgerOptions(office="基准测试局"))
    return timer.seconds


def _workbook_cells(ledger: Ledger) -> list[tuple[str, list[list[Any]]]]:
    """Every sheet of the 台账 the program builds, as bare cell values (built once, untimed)."""
    if "workbook_cells" not in ledger.cache:
        from openpyxl import load_workbook

        from tracker.reports.xlsx_ledger import LedgerOptions, write_ledger

        made = ledger.scratch / "cells.xlsx"  # the program streams its workbook: read it back
        write_ledger(_whole_report(ledger), made, LedgerOptions(office="基准测试局"))
        workbook = load_workbook(made, read_only=True)
        ledger.cache["workbook_cells"] = [
            (sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)])
            for sheet in workbook.worksheets
        ]
        workbook.close()
    return list(ledger.cache["workbook_cells"])


@register("floor_export_xlsx", "openpyxl write-only 写同样的全部单元格", "s", repeat=3, is_floor=True)
def raw_export_xlsx(ledger: Ledger) -> float:
    """openpyxl's own write-only dump of the same cells, every sheet (no styles, no sizes)."""
    from openpyxl import Workbook

    sheets = _workbook_cells(ledger)
    with Timer() as timer:
        floor = Workbook(write_only=True)
        for title, rows in sheets:
            sheet = floor.create_sheet(title)
            for values in rows:
                sheet.append(values)
        floor.save(ledger.scratch / "floor.xlsx")
    return timer.seconds


# --- a unit's fill-in form, out and back ------------------------------------------------


def _busiest_unit(ledger: Ledger) -> str:
    """The unit that leads the most live tasks."""
    if "busiest_unit" not in ledger.cache:
        name, count = ledger.raw.execute(
            "SELECT u.name, COUNT(*) FROM task_unit tu JOIN unit u ON u.id = tu.unit_id "
            "JOIN task t ON t.id = tu.task_id WHERE tu.role = 'lead' AND t.deleted_at IS NULL "
            "GROUP BY u.id ORDER BY COUNT(*) DESC, u.id LIMIT 1"
        ).fetchone()
        ledger.cache["busiest_unit"] = (name, count)
    return str(ledger.cache["busiest_unit"][0])


def _fill_in(path: Path, round_: int) -> int:
    """What an officer of the unit does in Excel: a progress text, a status and a percent on
    every task row, a figure on every indicator row. Returns the task rows filled."""
    from openpyxl import load_workbook

    from tracker.forms import layout
    from tracker.forms.export import FIRST_DATA_ROW

    column = {key: index for index, (key, _, _) in enumerate(layout.COLUMNS, start=1)}
    status = next(word for word, code in layout.STATUS_WORDS.items() if code == "in_progress")
    workbook = load_workbook(path)
    sheet = workbook[layout.SHEET]
    filled = 0
    for row in range(FIRST_DATA_ROW, sheet.max_row + 1):
        ids = layout.parse_row_id(str(sheet.cell(row, column["id"]).value or ""))
        if ids is None:
            continue
        if ids[1] is not None:
            sheet.cell(row, column["actual"]).value = 100 + round_ * 10 + row % 7
            continue
        sheet.cell(row, column["progress"]).value = (
            f"第{round_}轮填报：已完成年度任务的{40 + row % 50}%，召开推进会{row % 5 + 1}次，"
            "完成现场核查，相关材料已报送。"
        )
        sheet.cell(row, column["status"]).value = status
        sheet.cell(row, column["percent"]).value = 40 + row % 50
        filled += 1
    workbook.save(path)
    return filled


@register(
    "forms_roundtrip",
    "单位填报表往返（导出、导入、应用；填写不计）unit form round trip",
    "s",
    floor="floor_forms_roundtrip",
    repeat=3,
)
def forms_roundtrip(ledger: Ledger) -> float:
    """The busiest unit's form: exported as the 导出填报表 dialog does, filled in (not
    counted), then read, compared and applied as the 导入填报表 dialog does (on a copy)."""
    from tracker.forms.apply import apply_diff, check_origin, compute_diff
    from tracker.forms.export import build_form, write_form
    from tracker.forms.read import read_form
    from tracker.periods import parse_period

    database = ledger.copy
    unit = _busiest_unit(ledger)
    round_ = ledger.cache["form_rounds"] = ledger.cache.get("form_rounds", 0) + 1
    path = ledger.scratch / "单位 填报表" / f"{unit}_{PERIOD}_第{round_}轮.xlsx"
    path.parent.mkdir(exist_ok=True)
    with Timer() as export:
        with database.reading() as session:
            form = build_form(session, unit, parse_period(PERIOD))
        write_form(form, path)
    ledger.notes[f"填报表 at {ledger.tasks:,} tasks"] = (
        f"{unit}, leading the most tasks ({ledger.cache['busiest_unit'][1]}); its form has "
        f"{form.task_count} task rows and {len(form.rows) - form.task_count} indicator rows"
    )
    filled = _fill_in(path, round_)
    with Timer() as back:
        data = read_form(path)
        with database.reading() as session:  # the dialog's preview, in its worker
            check_origin(session, data)
            compute_diff(session, data)
        with database.unit_of_work() as session:  # 导入: the diff recomputed in the transaction
            check_origin(session, data)
            diff = compute_diff(session, data)
            applied = apply_diff(session, diff, actor="基准测试")
    assert applied == filled == form.task_count, (applied, filled, form.task_count)
    if "form_cells" not in ledger.cache:
        ledger.cache["form_cells"] = _form_cells(path)
    path.unlink()
    return export.seconds + back.seconds


def _form_cells(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook

    from tracker.forms import layout

    workbook = load_workbook(path, read_only=True)
    try:
        return [list(row) for row in workbook[layout.SHEET].iter_rows(values_only=True)]
    finally:
        workbook.close()


@register(
    "floor_forms_roundtrip",
    "openpyxl 写出并读回同样行列的表",
    "s",
    repeat=3,
    is_floor=True,
)
def raw_forms_roundtrip(ledger: Ledger) -> float:
    from openpyxl import Workbook, load_workbook

    if "form_cells" not in ledger.cache:  # the filled-in form's cells, from one round trip
        forms_roundtrip(ledger)
    cells = ledger.cache["form_cells"]
    path = ledger.scratch / "floor-form.xlsx"
    with Timer() as timer:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("填报表")
        for row in cells:
            sheet.append(row)
        workbook.save(path)
        back = load_workbook(path, read_only=True)
        rows = sum(1 for _ in back["填报表"].iter_rows(values_only=True))
        back.close()
    assert rows == len(cells)
    return timer.seconds


# --- drafting a plan from a source document ---------------------------------------------


def largest_source() -> Path:
    """The largest source document (.txt or .docx) in the seed sources folder."""
    from bench.drafting_quality import sources_folder

    folder = sources_folder()
    documents = [p for p in folder.glob("*") if p.suffix.lower() in (".txt", ".docx")]
    if not documents:
        raise FileNotFoundError(f"no .txt or .docx source documents in {folder} (TRACKER_SEED_SOURCES)")
    return max(documents, key=lambda p: (p.stat().st_size, p.name))


@register(
    "draft_largest",
    "起草方案（最大的源文件，与台账大小无关）draft the largest source",
    "ms",
    floor="floor_draft_largest",
)
def draft_largest(ledger: Ledger) -> float:
    from tracker.drafting import draft_file

    source = largest_source()
    with Timer() as timer:
        draft = draft_file(source)
    assert draft.plan.tasks
    ledger.notes["起草方案"] = f"{source.name}, {source.stat().st_size / 1024:.0f} KB"
    return timer.seconds * 1000


@register("floor_draft_largest", "读出同一文件的文字", "ms", is_floor=True)
def raw_draft_largest(ledger: Ledger) -> float:
    from docx import Document

    source = largest_source()
    with Timer() as timer:
        if source.suffix.lower() == ".docx":
            text = "\n".join(p.text for p in Document(str(source)).paragraphs)
        else:
            data = source.read_bytes()
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("gb18030")
    assert text
    return timer.seconds * 1000


def long_list_text(items: int = 999) -> str:
    """A 分工方案 of `items` tasks in ten sections, each closed by its units (as offices print them)."""
    lines = ["某市2032年重点工作任务分工方案"]
    per = -(-items // 10)
    for n in range(1, items + 1):
        if (n - 1) % per == 0:
            lines.append(f"{'一二三四五六七八九十'[(n - 1) // per]}、第{(n - 1) // per + 1}组重点任务")
        lines.append(
            f"{n}.建设第{n}个创新平台，新增高新技术企业{n}家。（市科技局牵头，市财政局、市发改委等按职责分工负责）"
        )
    return "\n".join(lines) + "\n"


@register(
    "draft_long_list", "起草方案（999 项的分工方案，各项括号写明单位）draft a 999-item list", "ms", repeat=3
)
def draft_long_list(ledger: Ledger) -> float:
    from tracker.drafting import draft_text
    from tracker.planfile.model import iter_tasks

    text = long_list_text()
    with Timer() as timer:
        draft = draft_text(text, "分工方案.txt")
    assert sum(1 for t in iter_tasks(draft.plan.tasks) if not t.children) == 999
    return timer.seconds * 1000


@register(
    "draft_repeated_header",
    "起草方案（表头“序号/重点任务/责任单位/完成时限”逐行重复 1,000 次）draft a text repeating a flattened header",
    "ms",
    repeat=3,
)
def draft_repeated_header(ledger: Ledger) -> float:
    """Hostile input: each header copy once made the cell-table reader scan the rest of the text."""
    from tracker.drafting import draft_text
    from tracker.errors import BadInput

    text = "2031年工作要点\n" + "\n".join(["序号", "重点任务", "责任单位", "完成时限"] * 1000) + "\n"
    with Timer() as timer, contextlib.suppress(BadInput):  # no task in it: refused, as it should be
        draft_text(text, "表头.txt")
    return timer.seconds * 1000


@register(
    "draft_long_unit_list",
    "起草方案（一个括号列出 20,000 个责任单位）draft an item whose bracket lists 20,000 units",
    "ms",
    repeat=3,
)
def draft_long_unit_list(ledger: Ledger) -> float:
    """Hostile input: each name was once looked for in the list so far, and the plan file's check
    of repeated names counted each name over the whole list (quadratic: 20,000 names took 15 s)."""
    from tracker.drafting import draft_text

    names = "、".join(f"第{i}局" for i in range(20000))
    text = f"2031年工作要点\n一、重点任务\n1.开展工作。（责任单位：{names}）\n"
    with Timer() as timer:
        draft_text(text, "单位.txt")
    return timer.seconds * 1000


@register(
    "draft_long_unnamed_list",
    "起草方案（5,000 项未写单位的条目，列在“重点针对以下问题：”下）draft 5,000 items naming no unit",
    "ms",
    repeat=3,
)
def draft_long_unnamed_list(ledger: Ledger) -> float:
    """Hostile input: each item once asked whether any item beside it named units (quadratic:
    5,000 items took 47 s)."""
    from tracker.drafting import draft_text

    items = "".join(f"{i}.问题{i}。\n" for i in range(1, 5000))
    text = (
        f"2031年整治方案\n一、整治内容\n（一）重点针对以下问题：\n{items}二、步骤\n1.排查。（区住建局负责）\n"
    )
    with Timer() as timer:
        draft_text(text, "条目.txt")
    return timer.seconds * 1000


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
