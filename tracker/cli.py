"""The `tracker` command line (see the contract): parse, run, turn errors into exit codes.

Exit status: 0 done; 2 bad input (one clear message, no traceback); 1 anything else.
A failing command changes nothing in the ledger: each runs in one transaction.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm.exc import StaleDataError

from tracker import APP_NAME, __version__
from tracker.commands import (
    backup,
    check,
    cycle,
    draft,
    export,
    forms,
    gui,
    import_plan,
    init,
    officer,
    remind,
    restore,
)
from tracker.errors import EditConflict, TrackerError

log = logging.getLogger("tracker.cli")

COMMAND_MODULES = [
    gui,
    init,
    import_plan,
    export,
    check,
    forms,
    draft,
    backup,
    restore,
    remind,
    cycle,
    officer,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tracker", description=f"{APP_NAME}：科技局督查任务台账 (task-accountability ledger)"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="在临时文件夹中自检本程序（建库、迁移、内置方案、导出、主窗口），不动用户数据",
    )
    parser.add_argument(
        "--db", help="数据库：SQLAlchemy 地址或 SQLite 文件路径（默认：用户数据文件夹中的台账）"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def _db_locked(exc: OperationalError) -> bool:
    return "locked" in str(exc.orig).lower() or "busy" in str(exc.orig).lower()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from tracker.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        args = parser.parse_args([*(argv or sys.argv[1:]), "gui"])
    try:
        return int(args.run(args) or 0)
    except TrackerError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return exc.exit_code
    except StaleDataError:
        conflict = EditConflict()
        print(f"错误：{conflict}", file=sys.stderr)
        return conflict.exit_code
    except OperationalError as exc:
        if _db_locked(exc):
            print("错误：台账数据库正被另一个程序占用，请稍后再试 (database is locked)", file=sys.stderr)
            return 1
        raise
    except KeyboardInterrupt:
        print("已中断 (interrupted)", file=sys.stderr)
        return 1


def tolerate_narrow_consoles() -> None:
    """Never die printing Chinese to a stream that cannot encode it.

    Redirected to a file (a Task Scheduler log), Windows writes the ANSI code page, which
    on an English Windows (cp1252) has no Chinese: characters it lacks come out as \\uXXXX
    instead of the command failing after its work is done.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def run() -> None:
    """Console-script entry point."""
    tolerate_narrow_consoles()
    sys.exit(main(sys.argv[1:]))
