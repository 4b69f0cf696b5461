"""Errors the program expects, split by who must act.

`BadInput` is the user's file or argument (exit 2, one clear message, nothing changed);
`LedgerError` is the environment (a locked or newer database). Anything else is a bug.
"""

from __future__ import annotations

import re

# “… 找不到文件 X (file not found)”: the English tag after a Chinese message, kept for the
# log files and for anyone grepping them, and dropped where the officer reads it. Two or
# more lowercase words in ASCII brackets, at the end of a sentence or line.
_ENGLISH_TAG = re.compile(
    r"[ \t]*\((?:[a-z][a-z'\-]*)(?:[ :;,]+[a-z0-9][a-z0-9'\-]*)+\)(?=$|\n|[，。；：,.;:\s])"
)


def for_officer(text: str) -> str:
    """The message without its English tags: “找不到文件 a.xlsx (file not found)” → “找不到文件 a.xlsx”.

    Only a bracket of plain lowercase English words ending a sentence goes; a file name such
    as “报告 (final).pdf” or “(SHA-256 …)” stays.
    """
    return _ENGLISH_TAG.sub("", text)


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
