"""`tracker init [--no-seed]`: create or upgrade the ledger; load built-in plans if empty."""

from __future__ import annotations

import argparse
from typing import Any

from tracker.commands.common import open_ledger, say
from tracker.db.engine import display_url
from tracker.ledger import seed_builtin_plans


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("init", help="创建或升级台账数据库，空台账载入内置方案")
    parser.add_argument("--no-seed", action="store_true", help="不载入内置方案")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    database = open_ledger(args)
    try:
        if args.no_seed:
            say(f"台账已就绪：{display_url(database.url)}")
            return 0
        plans = seed_builtin_plans(database)
        if plans:
            say(f"已载入 {len(plans)} 个内置方案：" + "；".join(p.short_title or p.title for p in plans))
        else:
            say("台账中已有方案，未载入内置方案")
        say(f"台账已就绪：{display_url(database.url)}")
        return 0
    finally:
        database.dispose()
