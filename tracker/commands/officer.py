"""`tracker officer add ROLE NAME` / `tracker officer list`: a team ledger's officers.

Run by the administrator (the role owning the ledger); see docs/team-mode.md.
"""

from __future__ import annotations

import argparse
from typing import Any

from tracker.commands.common import open_ledger, say
from tracker.services.team import add_officer, list_officers


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("officer", help="团队台账：添加或列出团队成员（各自的数据库用户）")
    actions = parser.add_subparsers(dest="officer_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="授权一个已建好的数据库用户为团队成员，并记下显示名")
    add.add_argument("role", help="PostgreSQL 登录用户名（小写字母、数字、下划线）")
    add.add_argument("name", help="留痕中显示的姓名，如 张三")
    add.set_defaults(run=run_add)
    show = actions.add_parser("list", help="列出团队成员")
    show.set_defaults(run=run_list)


def run_add(args: argparse.Namespace) -> int:
    database = open_ledger(args)
    try:
        officer = add_officer(database, args.role, args.name)
    finally:
        database.dispose()
    say(f"已添加团队成员 {officer.display_name}（数据库用户 {officer.role}）：可读写台账，留痕只能追加")
    return 0


def run_list(args: argparse.Namespace) -> int:
    database = open_ledger(args)
    try:
        officers = list_officers(database)
    finally:
        database.dispose()
    for officer in officers:
        print(f"{officer.role}\t{officer.display_name}")
    if not officers:
        say("还没有团队成员（所有人以同一个数据库用户连接时，留痕记录各电脑报告的用户名）")
    return 0
