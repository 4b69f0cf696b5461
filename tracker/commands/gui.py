"""`tracker gui` (and bare `tracker`): open the desktop window."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("gui", help="打开桌面窗口（默认）")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ui.app import run_app  # Qt is imported only when the window is wanted

    return run_app(args.db)
