"""`tracker restore F`: replace the ledger with a verified backup, keeping the current one."""

from __future__ import annotations

import argparse
from typing import Any

from tracker.commands.common import input_file, say
from tracker.db.engine import resolve_url
from tracker.services.restore import restore_backup


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("restore", help="从备份文件恢复台账（当前台账先另存到 backups/）")
    parser.add_argument("file", help="备份文件（tracker backup 生成的 .zip）")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = input_file(args.file)
    info = restore_backup(resolve_url(args.db), path)
    manifest = info.manifest
    if info.previous is not None:
        say(f"原台账已另存为 {info.previous}")
    if info.migrated_from is not None:
        say(f"备份的数据库版本 {info.migrated_from} 较旧，已升级到当前版本")
    counts = manifest.get("counts")
    counts = counts if isinstance(counts, dict) else {}
    say(
        f"已从 {path} 恢复台账（备份于 {manifest.get('created_at')}，"
        f"{counts.get('plan', 0)} 个方案、{counts.get('task', 0)} 项任务、"
        f"{counts.get('evidence', 0)} 份佐证材料）"
    )
    return 0
