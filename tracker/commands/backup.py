"""`tracker backup --out F`: one file holding the whole ledger, evidence included."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tracker.commands.common import open_ledger, say
from tracker.services.backup import create_backup


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("backup", help="把整个台账（含佐证材料）备份为一个文件")
    parser.add_argument("--out", required=True, help="备份文件（.zip）")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    database = open_ledger(args)
    try:
        info = create_backup(database, Path(args.out))
    finally:
        database.dispose()
    counts = info.manifest["counts"]
    say(
        f"已备份到 {info.path}（{info.size / 1024:.0f} KB，用时 {info.seconds:.1f} 秒）："
        f"{counts.get('plan', 0)} 个方案、{counts.get('task', 0)} 项任务、"
        f"{counts.get('evidence', 0)} 份佐证材料"
    )
    return 0
