"""Pieces every subcommand shares: opening the ledger, reporting what was done."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tracker.db.engine import Database
from tracker.errors import BadInput
from tracker.ledger import open_database


def open_ledger(args: argparse.Namespace) -> Database:
    database, result = open_database(args.db)
    if result.backup is not None:
        say(f"升级数据库前已备份到 {result.backup}")
    return database


def say(message: str) -> None:
    print(message, file=sys.stderr)


def input_file(value: str) -> Path:
    path = Path(value)
    if not path.exists():
        raise BadInput(f"找不到文件 {path} (file not found)")
    if path.is_dir():
        raise BadInput(f"{path} 是文件夹，不是文件 (is a directory)")
    return path
