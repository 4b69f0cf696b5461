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
import time
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


# ---------------------------------------------------------------- the swap gate

# Restore replaces the ledger file. Every copy of the program that has the file open holds
# the gate shared (from its first connection until it lets go of the ledger); restore holds
# it exclusively for the whole swap. So a command that committed before a restore is in the
# copy restore keeps, one that starts during it waits, and nothing writes into a file that
# is being replaced (or, on POSIX, into the old file after it was replaced).
GATE_WAIT_SECONDS = 60.0  # a writer waits this long for a restore to finish
RESTORE_WAIT_SECONDS = 10.0  # a restore waits this long for the other copies to let go
_POLL_SECONDS = 0.05
# Windows has no shared file locks in msvcrt: each holder locks its own byte among these
# slots, and restore locks them all.
_WINDOWS_SLOTS = 64


def gate_path(ledger: Path) -> Path:
    return ledger.with_name(ledger.name + ".gate")


class SwapGate:
    """`shared()` for a copy using the ledger, `exclusive()` for a restore; both release()."""

    def __init__(self, ledger: Path) -> None:
        self.ledger = Path(ledger)
        self.path = gate_path(self.ledger)
        self._handle: IO[Any] | None = None
        self._slots: list[int] = []

    @property
    def held(self) -> bool:
        return self._handle is not None

    def _open(self) -> IO[Any]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return open(self.path, "a+b")

    def _try(self, handle: IO[Any], exclusive: bool) -> bool:
        if sys.platform != "win32":
            import fcntl

            try:
                fcntl.flock(handle.fileno(), (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
            except OSError:
                return False
            return True
        import msvcrt

        wanted = (
            range(_WINDOWS_SLOTS)
            if exclusive
            else [(os.getpid() + i) % _WINDOWS_SLOTS for i in range(_WINDOWS_SLOTS)]
        )
        taken: list[int] = []
        for slot in wanted:
            handle.seek(slot)
            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            except OSError:
                if exclusive:
                    break
                continue
            taken.append(slot)
            if not exclusive:
                break
        if exclusive and len(taken) < _WINDOWS_SLOTS:
            self._unlock_slots(handle, taken)
            return False
        self._slots = taken
        return bool(taken)

    @staticmethod
    def _unlock_slots(handle: IO[Any], slots: list[int]) -> None:
        if sys.platform != "win32":
            return
        import msvcrt

        for slot in slots:
            handle.seek(slot)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

    def _acquire(self, exclusive: bool, wait: float) -> bool:
        if self._handle is not None:
            return True
        handle = self._open()
        deadline = time.monotonic() + wait
        while not self._try(handle, exclusive):
            if time.monotonic() >= deadline:
                handle.close()
                return False
            time.sleep(_POLL_SECONDS)
        self._handle = handle
        return True

    def shared(self, wait: float = GATE_WAIT_SECONDS) -> SwapGate:
        """Wait for a restore under way to finish, then hold the gate with the other users."""
        if not self._acquire(False, wait):
            raise LedgerInUse(
                f"台账 {self.ledger} 正在从备份恢复，等待 {wait:.0f} 秒仍未完成，请稍后再试。"
                " (a restore is replacing the ledger)"
            )
        return self

    def exclusive(self, wait: float = RESTORE_WAIT_SECONDS) -> SwapGate:
        """Hold the gate alone: no other copy has the ledger open until release()."""
        if not self._acquire(True, wait):
            raise LedgerInUse(
                f"台账 {self.ledger} 正被其他命令或窗口使用（等待 {wait:.0f} 秒仍未结束），无法恢复；"
                "请等它们结束或关闭窗口后再试。台账未做任何改动。 (ledger in use)"
            )
        return self

    def release(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        try:
            if sys.platform == "win32":
                self._unlock_slots(handle, self._slots)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        finally:
            self._slots = []
            handle.close()
