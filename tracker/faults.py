"""Turn what went wrong into one line for the terminal: whose fault, and what to do.

The rule the command line keeps (docs/bad-input.md): a bad INPUT exits 2 with one clear
message and nothing changed; a fault of the MACHINE (disk full, a read-only file or
folder, an I/O error) exits 1 with a one-line message and the log file's path; anything
else is a bug, also exit 1 with the log's path. The full traceback goes to the log only.
"""

from __future__ import annotations

import errno
import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from tracker.errors import BadInput, LedgerError, TrackerError

log = logging.getLogger("tracker.faults")

# errno values that mean the machine, not the input, stopped the work.
DISK_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
READ_ONLY = {errno.EROFS}


class MachineFault(LedgerError):
    """电脑的问题: disk full, read-only, I/O error. Exit 1, with the log's path."""


def _where(exc: OSError) -> str:
    name = exc.filename or ""
    return f"（{name}）" if name else ""


def classify(exc: BaseException, ledger: str = "") -> TrackerError | None:
    """The TrackerError `exc` stands for, or None when it is a bug (log it, exit 1).

    `ledger` names the database in messages about it (a path, or a URL without password).
    """
    if isinstance(exc, TrackerError):
        return exc
    if isinstance(exc, OSError):
        return _os_error(exc)
    if isinstance(exc, DBAPIError):
        return _database_error(exc, ledger)
    if isinstance(exc, RecursionError):
        return BadInput("输入的内容嵌套过深，无法处理 (input nested too deeply)")
    if isinstance(exc, MemoryError):
        return MachineFault("内存不足，操作未完成；请关闭其他程序后重试 (out of memory)")
    return None


def _os_error(exc: OSError) -> TrackerError:
    code = exc.errno
    if isinstance(exc, BrokenPipeError):
        return LedgerError("输出管道已被另一端关闭（例如 | head 只读了开头），输出不完整 (broken pipe)")
    if code in DISK_FULL:
        return MachineFault(
            f"磁盘空间不足（或超出文件大小限制）{_where(exc)}，操作未完成，台账未改动；请腾出空间后重试 (disk full)"
        )
    if code in READ_ONLY:
        return MachineFault(
            f"磁盘或文件夹是只读的{_where(exc)}，无法写入；台账未改动 (read-only file system)"
        )
    if code == errno.ENAMETOOLONG:
        return BadInput(f"文件名或路径过长{_where(exc)}，请改用较短的名称 (file name too long)")
    if isinstance(exc, NotADirectoryError | FileExistsError):
        return BadInput(f"路径中有一部分是文件而不是文件夹{_where(exc)} (a part of the path is a file)")
    if isinstance(exc, PermissionError):
        return MachineFault(f"没有读写权限{_where(exc)}：文件可能被占用或是只读的 (permission denied)")
    return MachineFault(f"读写文件出错{_where(exc)}：{exc.strerror or exc} (I/O error)")


def _database_error(exc: DBAPIError, ledger: str) -> TrackerError | None:
    text = str(exc.orig).lower()
    which = f"台账（{ledger}）" if ledger else "台账"
    if "locked" in text or "busy" in text:
        return LedgerError(f"{which}正被另一个程序占用，请稍后再试 (database is locked)")
    if "readonly" in text or "read-only" in text:
        return MachineFault(
            f"{which}是只读的（文件或所在文件夹不可写），无法保存；未做任何改动 (read-only database)"
        )
    if "disk is full" in text or "database or disk is full" in text:
        return MachineFault(f"磁盘空间不足，{which}未能保存，未做任何改动；请腾出空间后重试 (disk full)")
    if "file is not a database" in text or "not a database" in text:
        return BadInput(
            f"{which}不是台账数据库（也不是 SQLite 文件），请检查 --db；未做任何改动 (not a ledger)"
        )
    if "unable to open database file" in text and ledger and Path(ledger).is_file():
        # the file is there: SQLite could not open it for writing (or its journal beside it)
        return MachineFault(
            f"{which}无法以读写方式打开：文件或所在文件夹是只读的，或没有权限；未做任何改动 (read-only ledger)"
        )
    if "unable to open database file" in text:
        return BadInput(f"无法打开{which}：路径不存在、是文件夹，或路径中有一部分是文件 (cannot open)")
    if "disk i/o error" in text:
        return MachineFault(f"读写{which}时磁盘出错，操作未完成 (disk I/O error)")
    return None


def log_file() -> Path | None:
    """The log file the traceback went to (setting logging up if nothing did yet)."""
    from tracker.logs import setup_logging

    try:
        setup_logging()
    except OSError:
        return None
    for handler in logging.getLogger().handlers:
        if isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    return None


def report(exc: BaseException, ledger: str = "") -> tuple[str, int]:
    """The one line to print and the exit status; the traceback goes to the log file."""
    error = classify(exc, ledger)
    if isinstance(error, BadInput):
        return f"错误：{error}", error.exit_code
    path = log_file()
    log.error("命令失败 (command failed)", exc_info=exc)
    where = f"详细信息已记入日志 {path}" if path else "详细信息无法写入日志"
    if error is None:
        return f"错误：程序内部错误（{type(exc).__name__}），操作未完成。{where}", 1
    if isinstance(error, MachineFault) or error is not exc:
        return f"错误：{error}。{where}", error.exit_code
    return f"错误：{error}", error.exit_code
