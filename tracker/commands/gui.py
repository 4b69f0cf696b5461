"""`tracker gui` (and bare `tracker`): open the desktop window."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("gui", help="打开桌面窗口（默认）")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    begin_quick_check(args.db)
    from ui.app import run_app  # Qt is imported only when the window is wanted

    return run_app(args.db)


def begin_quick_check(db: str | None) -> None:
    """Start checking the ledger file while Qt and the window's modules import."""
    from tracker import early_check
    from tracker.db.engine import resolve_url, sqlite_path

    try:
        path = sqlite_path(resolve_url(db))
    except Exception:  # a bad --db: opening the ledger names it
        return
    early_check.start(path)
