"""The `tracker` command line (see the contract): parse, run, turn errors into exit codes.

Exit status: 0 done; 2 bad input (one clear message, no traceback); 1 anything else.
A failing command changes nothing in the ledger: each runs in one transaction.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import re
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any, NoReturn

from sqlalchemy.orm.exc import StaleDataError

from tracker import APP_NAME, __version__
from tracker.commands import gui
from tracker.db.engine import display_url, resolve_url, sqlite_path
from tracker.errors import EditConflict, TrackerError
from tracker.faults import MachineFault, report

log = logging.getLogger("tracker.cli")

COMMAND_NAMES = (
    "gui",
    "init",
    "import_plan",
    "export",
    "check",
    "forms",
    "draft",
    "backup",
    "restore",
    "remind",
    "cycle",
    "officer",
)


def command_modules() -> list[ModuleType]:
    """The command modules, imported only to build the full parser: the window (bare `tracker`)
    does not wait for the drafter, the Excel readers and the rest to import (~0.5 s)."""
    return [importlib.import_module(f"tracker.commands.{name}") for name in COMMAND_NAMES]


# argparse's own words, in Chinese: (its English message as a pattern, ours).
_ARGPARSE_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^the following arguments are required: (.+)$"), r"缺少必需的参数：\1"),
    (re.compile(r"^unrecognized arguments: (.+)$"), r"无法识别的参数：\1"),
    (re.compile(r"^one of the arguments (.+) is required$"), r"必须给出以下参数之一：\1"),
    (re.compile(r"^ambiguous option: (\S+) could match (.+)$"), r"选项 \1 不明确，可能是：\2"),
    (re.compile(r"^argument (\S+): (.+)$"), r"参数 \1：\2"),
    (re.compile(r"invalid choice: (.+) \(choose from (.+)\)$"), r"无效的选择 \1（可选：\2）"),
    (re.compile(r"expected one argument$"), "后面需要一个值"),
    (re.compile(r"expected at least one argument$"), "后面需要至少一个值"),
    (re.compile(r"expected at most one argument$"), "后面最多一个值"),
    (re.compile(r"invalid (\w+) value: (.+)$"), r"值 \2 无效（应为 \1）"),
    (re.compile(r"not allowed with argument (.+)$"), r"不能与参数 \1 同时使用"),
    (re.compile(r"ignored explicit argument (.+)$"), r"多余的值 \1"),
]


def argparse_in_chinese(message: str) -> str:
    """argparse's English error words in Chinese (“unrecognized arguments: x” → “无法识别的参数：x”)."""
    for pattern, words in _ARGPARSE_WORDS:
        message = pattern.sub(words, message)
    return message


class ChineseHelpFormatter(argparse.HelpFormatter):
    """Help text headed 用法： instead of usage:."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Chinese: its headings, its -h and its errors (exit 2).

    Subcommands get the same class (argparse passes its own class to add_subparsers).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs["add_help"] = False  # our own -h, in Chinese
        super().__init__(*args, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出"
            )

    def format_help(self) -> str:
        text = super().format_help()
        for title in ("位置参数", "选项"):
            text = text.replace(f"\n{title}:\n", f"\n{title}：\n")
        return text

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{argparse_in_chinese(message)}\n")


DB_HELP = "数据库：SQLAlchemy 地址或 SQLite 文件路径（默认：用户数据文件夹中的台账）"


def _global_options_after_commands(parser: argparse.ArgumentParser) -> None:
    """`tracker init --db X` is `tracker --db X init`: every subcommand takes the global options
    too (absent there, they leave the value given before the command)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                if "--db" not in sub._option_string_actions:
                    sub.add_argument("--db", default=argparse.SUPPRESS, help=DB_HELP)
                _global_options_after_commands(sub)


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="tracker", description=f"{APP_NAME}：科技局督查任务台账")
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help="显示版本号并退出"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="在临时文件夹中自检本程序（建库、迁移、内置方案、导出、主窗口），不动用户数据",
    )
    parser.add_argument("--db", help=DB_HELP)
    subparsers = parser.add_subparsers(dest="command", metavar="命令")
    for module in command_modules():
        module.register(subparsers)
    _global_options_after_commands(parser)
    return parser


def _ledger_name(db: str | None) -> str:
    """The ledger as messages name it: its file path, or its URL without the password."""
    try:
        url = resolve_url(db)
        path = sqlite_path(url)
        return str(path) if path is not None else display_url(url)
    except Exception:
        return db or ""


def window_only(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of a bare `tracker [gui] [--db X]`, read without building the full parser
    (whose command modules take half a second to import); None for anything else."""
    db: str | None = None
    words = list(argv)
    rest: list[str] = []
    while words:
        word = words.pop(0)
        if word == "--db" and words and not words[0].startswith("-"):
            db = words.pop(0)
        elif word.startswith("--db="):
            db = word.removeprefix("--db=")
        else:
            rest.append(word)
    if rest not in ([], ["gui"]):
        return None
    return argparse.Namespace(db=db, self_test=False, command="gui", run=gui.run)


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    args = window_only(words)
    if args is None:
        parser = build_parser()
        args = parser.parse_args(words)
        if args.self_test:
            from tracker.selftest import run_self_test

            return run_self_test()
        if args.command is None:
            args = parser.parse_args([*words, "gui"])
    try:
        return int(args.run(args) or 0)
    except MachineFault as exc:  # the machine's fault: one line plus where the log is (faults.py)
        message, status = report(exc, _ledger_name(args.db))
        print(message, file=sys.stderr)
        return status
    except TrackerError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return exc.exit_code
    except StaleDataError:
        conflict = EditConflict()
        print(f"错误：{conflict}", file=sys.stderr)
        return conflict.exit_code
    except KeyboardInterrupt:
        print("已中断 (interrupted)", file=sys.stderr)
        return 1
    except Exception as exc:  # never a traceback on the terminal: one line, the rest to the log
        if isinstance(exc, BrokenPipeError):
            _silence_stdout()
        message, status = report(exc, _ledger_name(args.db))
        print(message, file=sys.stderr)
        return status


def _silence_stdout() -> None:
    """After the reader of our output went away, send the rest to nowhere (Python's advice),
    so flushing standard output at exit does not raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


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
