"""Temporary folders that hold copies of the ledger, cleaned up even after a kill.

A backup in progress stages a full copy of the ledger (evidence included) in a temporary
folder; a restore stages the restored ledger beside it. Normally the folder goes when the
work ends. A killed process cannot clean up, so each folder holds an `owner` file locked
by the process using it (an OS lock, which dies with the process), and every start of the
program removes the folders of ours whose lock nobody holds any more.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from tracker.ledger_lock import _try_lock, _unlock

log = logging.getLogger("tracker.scratch")

BACKUP_PREFIX = "tracker-backup-"
RESTORE_PREFIX = "tracker-restore-"
BESIDE_LEDGER_PREFIX = ".restore-"
OWNER = "owner.lock"
YOUNG_SECONDS = 3600  # a folder without its lock file (an older version, or not yet locked)


@contextmanager
def scratch_folder(prefix: str, where: Path | None = None) -> Iterator[Path]:
    """A new temporary folder (in `where`, else the system's), removed when done."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=where))
    handle: IO[Any] | None = None
    try:
        handle = open(folder / OWNER, "a+", encoding="utf-8")  # noqa: SIM115 - held to the end
        _try_lock(handle)  # a fresh file: nobody else can hold it
        yield folder
    finally:
        if handle is not None:
            with suppress(OSError):
                _unlock(handle)
            handle.close()
        shutil.rmtree(folder, ignore_errors=True)


def _abandoned(folder: Path) -> bool:
    """A folder of ours whose owner is gone: its lock is free (or it never got one)."""
    owner = folder / OWNER
    try:
        if not owner.exists() and time.time() - folder.stat().st_mtime < YOUNG_SECONDS:
            return False  # recent: its owner may be about to lock it, or be an older version
        handle = open(owner, "a+", encoding="utf-8")  # noqa: SIM115
    except OSError:
        return False
    try:
        if not _try_lock(handle):
            return False
        _unlock(handle)
        return True
    finally:
        handle.close()


def clean_abandoned(ledger: Path | None = None) -> list[Path]:
    """Remove the temporary folders killed backups and restores left; the ones removed."""
    places: list[tuple[Path, tuple[str, ...]]] = [
        (Path(tempfile.gettempdir()), (BACKUP_PREFIX, RESTORE_PREFIX))
    ]
    if ledger is not None:
        places.append((ledger.parent, (BESIDE_LEDGER_PREFIX,)))
    removed: list[Path] = []
    for where, prefixes in places:
        try:
            candidates = [p for p in where.iterdir() if p.name.startswith(prefixes) and p.is_dir()]
        except OSError:
            continue
        for folder in candidates:
            if _abandoned(folder):
                shutil.rmtree(folder, ignore_errors=True)
                if not folder.exists():
                    removed.append(folder)
                    log.info("removed an abandoned temporary copy: %s", folder)
    return removed
