"""`tracker export FORMAT --out F`: json here; report formats register in FORMATS."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tracker.commands.common import open_ledger, say
from tracker.db.engine import Database
from tracker.export.json_export import export_document, write_json


def export_json(database: Database, args: argparse.Namespace, out: Path) -> None:
    with database.reading() as session:
        document = export_document(session)
    write_json(document, out)
    say(f"已导出 {len(document['plans'])} 个方案到 {out}")


FORMATS: dict[str, Callable[[Database, argparse.Namespace, Path], None]] = {"json": export_json}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("export", help="导出台账（json）")
    parser.add_argument("format", choices=sorted(FORMATS), help="导出格式")
    parser.add_argument("--out", required=True, help="输出文件")
    parser.add_argument("--period", help="报告期：2023、2023H1、2023Q2、2023-05")
    parser.add_argument("--plan", help="只导出标题或文号含此文字的方案")
    parser.add_argument("--unit", help="只导出此责任单位的任务")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    database = open_ledger(args)
    try:
        FORMATS[args.format](database, args, Path(args.out))
        return 0
    finally:
        database.dispose()
