"""`tracker check`: verify the ledger; non-zero exit when anything is wrong.

A damaged file is reported, never a traceback: when SQLite's quick check fails, the
ledger is neither migrated nor written, and the checks that can still read it run.
"""

from __future__ import annotations

import argparse
from typing import Any

from tracker.commands.common import open_ledger
from tracker.db.engine import Database, resolve_url, sqlite_path
from tracker.ledger import newest_good_backup, quick_check, refuse_non_ledger_file
from tracker.services.checks import Finding, run_checks


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("check", help="检查台账数据库与佐证材料是否完好")
    parser.set_defaults(run=run)


def _damaged(url: str) -> list[Finding] | None:
    """Findings for a SQLite file that fails the quick check, read without changing it."""
    path = sqlite_path(url)
    if path is None or not path.exists():
        return None
    refuse_non_ledger_file(path)
    database = Database(url)
    try:
        problems = quick_check(database)
        if not problems:
            return None
        findings = [Finding("数据库完整性", f"页面损坏：{line}") for line in problems]
        findings += [f for f in run_checks(database) if f.area != "数据库完整性" or "页面损坏" in f.message]
        backup = newest_good_backup(database)
        findings.append(
            Finding(
                "恢复",
                f"请从最新的完好备份恢复：tracker restore “{backup}”"
                if backup is not None
                else "没有找到可用的备份文件；请找回最近的备份后用 tracker restore 恢复",
                fault=False,
            )
        )
        return findings
    finally:
        database.dispose()


def run(args: argparse.Namespace) -> int:
    findings = _damaged(resolve_url(args.db))
    if findings is None:
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
