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


class LedgerInUse(LedgerError):
    """台账已被占用: another window has this ledger open (see `tracker.ledger_lock`)."""


class EditConflict(LedgerError):
    """编辑冲突: someone else saved the same plan or task first (SQLAlchemy's StaleDataError)."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "保存失败：这条记录刚被另一处（另一个窗口或同事）修改过，本次修改未保存。"
            "请刷新后重新修改。 (edit conflict: the record was changed elsewhere; nothing was saved)"
        )


class BackupError(BadInput):
    """备份文件有误: a backup that is damaged, truncated, foreign or from a newer program. Exit 2."""
