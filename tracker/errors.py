"""Errors the program expects, split by who must act.

`BadInput` is the user's file or argument (exit 2, one clear message, nothing changed);
`LedgerError` is the environment (a locked or newer database). Anything else is a bug.
"""

from __future__ import annotations


class TrackerError(Exception):
    """Base of every error the program reports without a traceback."""

    exit_code = 1


class BadInput(TrackerError):
    """输入有误: a file, row or field the user supplied is wrong. Exit status 2."""

    exit_code = 2


class LedgerError(TrackerError):
    """台账无法使用: the database is locked, damaged, or from a newer program."""

    exit_code = 1
