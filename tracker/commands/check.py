"""`tracker check`: verify the ledger; non-zero exit when anything is wrong."""

from __future__ import annotations

import argparse
from typing import Any

from tracker.commands.common import open_ledger
from tracker.services.checks import run_checks


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("check", help="检查台账数据库与佐证材料是否完好")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    database = open_ledger(args)
    try:
        findings = run_checks(database)
    finally:
        database.dispose()
    faults = [f for f in findings if f.fault]
    for finding in findings:
        mark = "错误" if finding.fault else "提示"
        print(f"[{mark}] {finding.area}：{finding.message}")
    if faults:
        print(f"检查发现 {len(faults)} 处问题。")
        return 1
    print("检查完毕，未发现问题。" + (f"（{len(findings)} 条提示）" if findings else ""))
    return 0
