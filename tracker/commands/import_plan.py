"""`tracker import-plan FILE`: add a plan from a plan file, an Excel task list or a document."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tracker.commands.common import input_file, open_ledger, say
from tracker.commands.draft import read_document
from tracker.errors import BadInput
from tracker.importers.columns import parse_column_spec
from tracker.importers.xlsx_tasks import read_xlsx_plan
from tracker.planfile import Plan, load_plan_file
from tracker.planfile.model import Task, iter_tasks
from tracker.services.plan_import import import_plan

# Readers by file suffix: each turns a file into a validated Plan, or raises BadInput.
READERS: dict[str, Callable[[Path], Plan]] = {
    ".json": load_plan_file,
    ".txt": read_document,
    ".csv": read_document,
    ".docx": read_document,
    ".doc": read_document,
    ".wps": read_document,
    ".pdf": read_document,
    ".xlsx": read_xlsx_plan,
}
# Readers that take a column mapping (`--columns 任务=B,牵头单位=D`).
COLUMN_READERS: dict[str, Callable[[Path, dict[str, int] | None], Plan]] = {
    ".xlsx": read_xlsx_plan,
}

ROLE_WORDS = {"lead": "牵头", "support": "配合", "responsible": "责任"}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("import-plan", help="从方案文件、Excel 任务表或政策文件导入一个方案")
    parser.add_argument(
        "file", help="方案文件（.json）、Excel 任务表（.xlsx）或政策文件（.txt/.csv/.docx/.doc/.wps/.pdf）"
    )
    parser.add_argument(
        "--columns",
        help="Excel 任务表的列对应关系，表头认不出时使用，例如 任务=B,工作内容=C,牵头单位=D,配合单位=E,完成时限=F",
    )
    parser.add_argument("--dry-run", action="store_true", help="只显示读出的任务树，不写入台账")
    parser.set_defaults(run=run)


def read_plan(path: Path, columns: dict[str, int] | None = None) -> Plan:
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        known = "、".join(sorted(READERS))
        raise BadInput(f"{path}: 不支持的文件类型“{path.suffix}”，可导入 {known} (unsupported file type)")
    if columns is not None:
        column_reader = COLUMN_READERS.get(suffix)
        if column_reader is None:
            raise BadInput(
                f"--columns 只适用于 Excel 任务表（.xlsx），{path.name} 不是 (--columns needs .xlsx)"
            )
        return column_reader(path, columns)
    return reader(path)


def _unit_words(task: Task) -> str:
    return "、".join(f"{u.name}（{ROLE_WORDS[u.role]}）" for u in task.units)


def print_tree(plan: Plan) -> None:
    """The parsed plan as an indented tree, for --dry-run."""
    period = ""
    if plan.period:
        span = plan.period
        period = f"（{span.start}年）" if span.start == span.end else f"（{span.start}—{span.end}年）"
    print(f"《{plan.title}》{period}")

    def walk(tasks: list[Task], depth: int) -> None:
        for task in tasks:
            due = task.deadline_text or ""
            if task.deadline:
                due = f"{due}（{task.deadline.isoformat()}）" if due else task.deadline.isoformat()
            parts = [f"{'  ' * depth}{task.code} {task.title}"]
            if task.units:
                parts.append(f"[{_unit_words(task)}]")
            if due:
                parts.append(f"时限：{due}")
            print("  ".join(parts))
            walk(task.children, depth + 1)

    walk(plan.tasks, 1)


def run(args: argparse.Namespace) -> int:
    path = input_file(args.file)
    columns = parse_column_spec(args.columns) if getattr(args, "columns", None) else None
    plan = read_plan(path, columns)  # validated whole before the ledger is opened for writing
    count = len(iter_tasks(plan.tasks))
    if getattr(args, "dry_run", False):
        print_tree(plan)
        say(f"试运行（--dry-run）：读出方案《{plan.title}》，共 {count} 项任务；未写入台账")
        return 0
    database = open_ledger(args)
    try:
        with database.unit_of_work() as session:
            import_plan(session, plan, origin=f"导入文件 {path.name}")
        say(f"已导入方案《{plan.title}》，共 {count} 项任务")
        return 0
    finally:
        database.dispose()
