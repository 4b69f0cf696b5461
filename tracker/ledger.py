"""Open a ledger for use: resolve its location, refuse what is not (or no longer) a ledger,
migrate it, and (if asked) seed it.

Damage is caught at the door: a SQLite ledger that fails `PRAGMA quick_check` is neither
written nor reported from (a write could spread the damage, a report would silently miss
rows); the refusal names the newest backup that verifies, which is the way out. Only
`tracker check` (to say what is wrong) and `restore` (to replace it) go past it.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from tracker import early_check
from tracker.db.engine import Database, resolve_url, sqlite_path
from tracker.db.migrate import MigrationResult, upgrade_to_head
from tracker.db.models import Plan
from tracker.errors import BadInput, LedgerError
from tracker.paths import user_data_dir
from tracker.services.seeding import seed_if_empty
from tracker.services.settings import LEDGER_ID, get_setting, set_setting

log = logging.getLogger("tracker.ledger")

SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_DAMAGE_LINES = 5


class LedgerDamaged(LedgerError):
    """台账已损坏: the file fails SQLite's quick check; `backup` is the newest good backup."""

    def __init__(self, path: Path, problems: list[str], backup: Path | None) -> None:
        self.path = path
        self.problems = problems
        self.backup = backup
        way_out = (
            f"请从最新的完好备份恢复：tracker restore “{backup}”（在窗口中：启动时选择“从备份恢复”）。"
            if backup is not None
            else "没有找到可用的备份文件；请找回最近的备份后用 tracker restore 恢复，或联系维护人员。"
        )
        super().__init__(
            f"台账数据库 {path} 已损坏（{problems[0][:200]}），为免损坏扩大，本程序不再写入它，"
            f"也不据它出报告。{way_out}详情请运行 tracker check。 (ledger is damaged)"
        )


def refuse_non_ledger_file(path: Path) -> None:
    """A `--db` file that exists must be a SQLite file with something in it (exit 2 otherwise).

    A 0-byte file is what a failed copy leaves: opening it would quietly make a new, empty
    ledger where the officer expects their own.
    """
    if not path.exists() or path.is_dir():
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError:
        return  # unreadable: the command line's own error layer names it
    if not head:
        raise BadInput(
            f"台账文件 {path} 是空的（0 字节），不是台账（可能在复制时出错）。"
            "请从备份恢复（tracker restore），或删除这个空文件后运行 tracker init 新建台账。 (empty file)"
        )
    if head != SQLITE_MAGIC:
        raise BadInput(
            f"{path} 不是本程序的台账数据库（不是 SQLite 文件）。请检查 --db 指定的文件。 (not a ledger)"
        )


def quick_check(database: Database) -> list[str]:
    """SQLite's quick check of the ledger file: the problems it reports (empty: sound)."""
    if database.path is None or not database.path.exists():
        return []
    try:
        with database.engine.connect() as connection:
            rows = connection.exec_driver_sql("PRAGMA quick_check").scalars().all()
    except DBAPIError as exc:
        if isinstance(exc.orig, sqlite3.OperationalError) or not isinstance(exc.orig, sqlite3.DatabaseError):
            raise  # locked, read-only, unreachable: not damage (the command line names those)
        return [str(exc.orig).strip() or type(exc.orig).__name__]
    if rows == ["ok"]:
        return []
    lines = [line for row in rows for line in str(row).splitlines() if line and not line.startswith("***")]
    return lines[:MAX_DAMAGE_LINES] or ["quick_check failed"]


def backup_folders(database: Database) -> list[Path]:
    """Where this ledger's backups are kept: `backups/` beside a file ledger, and the
    per-user `backups/` folder (a server ledger's, and manual copies)."""
    folders = [user_data_dir() / "backups"]
    if database.path is not None:
        folders.insert(0, database.path.parent / "backups")
    return folders


def newest_good_backup(database: Database) -> Path | None:
    """The newest backup zip that verifies whole, or None."""
    from tracker.errors import BackupError
    from tracker.services.restore import verify_backup

    candidates: list[Path] = []
    for folder in backup_folders(database):
        if folder.is_dir():
            candidates += [p for p in folder.glob("*.zip") if p.is_file()]
    for candidate in sorted(candidates, key=lambda p: p.stat().st_mtime, reverse=True):
        try:
            verify_backup(candidate)
        except (BackupError, OSError):
            continue
        return candidate
    return None


def open_database(db: str | None = None, *, verify: bool = True) -> tuple[Database, MigrationResult]:
    """The ledger at `db` (URL or path; else TRACKER_DB; else the per-user file), at head.

    `verify=False` skips the quick check (for `tracker check`, which reports the damage).
    A check of the file begun at start-up (`tracker.early_check`) that found it sound
    stands for the quick check.
    """
    url = resolve_url(db)
    path = sqlite_path(url)
    if path is not None:
        refuse_non_ledger_file(path)
    from tracker.services.scratch import clean_abandoned

    clean_abandoned(path)
    database = Database(url)
    try:
        if verify and not (path is not None and early_check.found_sound(path)):
            problems = quick_check(database)
            if problems:
                assert path is not None
                log.error("ledger %s fails quick_check: %s", path, problems)
                raise LedgerDamaged(path, problems, newest_good_backup(database))
        result = upgrade_to_head(database)
        with database.unit_of_work() as session:
            if get_setting(session, LEDGER_ID) is None:
                set_setting(session, LEDGER_ID, str(uuid.uuid4()))
    except BaseException:
        database.dispose()
        raise
    return database, result


def seed_builtin_plans(database: Database) -> list[Plan]:
    """Load `seed/` into a ledger with no plan; one transaction, all or nothing."""
    with database.unit_of_work() as session:
        return seed_if_empty(session)
