"""`tracker import-plan FILE`: add a plan from a plan file (more formats register here)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tracker.commands.common import input_file, open_ledger, say
from tracker.commands.draft import read_document
from tracker.errors import BadInput
from tracker.planfile import Plan, load_plan_file
from tracker.planfile.model import iter_tasks
from tracker.services.plan_import import import_plan

# Readers by file suffix: each turns a file into a validated Plan, or raises BadInput.
READERS: dict[str, Callable[[Path], Plan]] = {
    ".json": load_plan_file,
    ".txt": read_document,
    ".docx": read_document,
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("import-plan", help="从方案文件导入一个方案")
    parser.add_argument("file", help="方案文件（.json）")
    parser.set_defaults(run=run)


def read_plan(path: Path) -> Plan:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = "、".join(sorted(READERS))
        raise BadInput(f"{path}: 不支持的文件类型“{path.suffix}”，可导入 {known} (unsupported file type)")
    return reader(path)


def run(args: argparse.Namespace) -> int:
    path = input_file(args.file)
    plan = read_plan(path)  # validated whole before the ledger is opened for writing
    database = open_ledger(args)
    try:
        with database.unit_of_work() as session:
            import_plan(session, plan, origin=f"导入文件 {path.name}")
        say(f"已导入方案《{plan.title}》，共 {len(iter_tasks(plan.tasks))} 项任务")
        return 0
    finally:
        database.dispose()
