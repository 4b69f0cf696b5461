"""`tracker draft FILE --out PLAN.json`: draft a plan from a policy document, for review."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from tracker.commands.common import input_file, say
from tracker.drafting import draft_file
from tracker.fileio import atomic_write_text
from tracker.planfile.model import Plan, iter_tasks


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "draft", help="从政策文件（.txt/.docx/.doc/.wps/.pdf）起草方案文件，供核对"
    )
    parser.add_argument(
        "file", help="政策文件 .txt、.csv、.docx、.doc、.wps 或 .pdf（.doc/.wps 需安装 LibreOffice）"
    )
    parser.add_argument("--out", required=True, help="输出的方案文件（.json）")
    parser.set_defaults(run=run)


def read_document(path: Path) -> Plan:
    """A READERS entry for import-plan: draft, then import as it is."""
    return draft_file(path).plan


def run(args: argparse.Namespace) -> int:
    path = input_file(args.file)
    draft = draft_file(path)
    data = draft.plan.model_dump(mode="json", exclude_none=True)
    atomic_write_text(Path(args.out), json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    say(
        f"已起草《{draft.plan.title}》：{len(iter_tasks(draft.plan.tasks))} 项任务，{len(draft.warnings)} 处待核对"
    )
    if draft.marks:
        say(f"请先核对这 {len({m.task for m in draft.marks})} 项任务：")
        for mark in draft.marks:
            say(f"  {mark.warning}")
    marked = {m.warning for m in draft.marks}
    for warning in draft.warnings:
        if warning not in marked:
            say(f"  待核对：{warning}")
    say(f"方案文件已写入 {args.out}（未写入台账；核对后用 tracker import-plan 导入）")
    return 0
