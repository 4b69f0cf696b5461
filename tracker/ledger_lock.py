"""One window per ledger: a lock file beside the SQLite ledger naming the copy that holds it.

The window takes the lock at start and releases it on exit; a second window on the same
ledger is told plainly who has it open (host, process, since when). The command line does
not take this lock: its short transactions go through SQLite's own locking with a busy
timeout, which is safe next to an open window. `restore` refuses while a window holds it.

The lock is an OS lock (`fcntl.flock` / `msvcrt.locking`) on `<ledger>.lock`, so a copy
that crashed never blocks the next start: the OS drops its lock with the process, and the
JSON inside the file (pid, host, started) only serves to name the holder.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from tracker.errors import LedgerInUse

# Windows locks byte ranges and hides them from other readers: lock one byte far past the
# JSON so a second copy can still read who holds the ledger.
_WINDOWS_LOCK_OFFSET = 1 << 20


@dataclass(frozen=True)
class LockHolder:
    pid: int | None
    host: str
    started: str

    def describe(self) -> str:
        who = f"计算机 {self.host or '未知'} 上的进程 {self.pid or '未知'}"
        return who + (f"（{self.started} 起）" if self.started else "")


def lock_path(ledger: Path) -> Path:
    return ledger.with_name(ledger.name + ".lock")


def _try_lock(handle: IO[Any]) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(_WINDOWS_LOCK_OFFSET)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[Any]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def read_holder(ledger: Path) -> LockHolder | None:
    """Who the lock file names (whether or not that copy still runs)."""
    try:
        data = json.loads(lock_path(ledger).read_text("utf-8") or "{}")
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    pid = data.get("pid")
    return LockHolder(
        pid if isinstance(pid, int) else None, str(data.get("host", "")), str(data.get("started", ""))
    )


class LedgerLock:
    """`with LedgerLock(path):` or `acquire()` / `release()`; raises LedgerInUse when held."""

    def __init__(self, ledger: Path) -> None:
        self.ledger = Path(ledger)
        self.path = lock_path(self.ledger)
        self._handle: IO[Any] | None = None

    def acquire(self) -> LedgerLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release()
        if not _try_lock(handle):
            handle.close()
            holder = read_holder(self.ledger)
            raise LedgerInUse(
                f"台账 {self.ledger} 已在另一个窗口中打开"
                + (f"（{holder.describe()}）" if holder else "")
                + "。请先关闭那个窗口，或在那个窗口中继续工作。 (ledger is open in another copy)"
            )
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": datetime.now().isoformat(timespec="seconds"),
        }
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(info, ensure_ascii=False))
        handle.flush()
        self._handle = handle
        return self

    def release(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        try:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            _unlock(handle)
        finally:
            handle.close()

    @property
    def held(self) -> bool:
        return self._handle is not None

    def __enter__(self) -> LedgerLock:
        return self.acquire()

    def __exit__(self, *_exc: object) -> None:
        self.release()


def is_locked(ledger: Path) -> LockHolder | None:
    """The holder if another live copy has the ledger open, else None (checks, never keeps)."""
    path = lock_path(Path(ledger))
    if not path.exists():
        return None
    try:
        handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115
    except OSError:
        return None
    try:
        if _try_lock(handle):
            _unlock(handle)
            return None
    finally:
        handle.close()
    return read_holder(Path(ledger)) or LockHolder(None, "", "")
