"""Bring a ledger's schema to head in-process, backing it up first and refusing newer ones."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from tracker.db.engine import Database
from tracker.errors import LedgerError
from tracker.paths import migrations_dir


@dataclass(frozen=True)
class MigrationResult:
    before: str | None
    after: str
    backup: Path | None


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "migrations folder has no revision"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def backup_sqlite_file(path: Path, label: str) -> Path:
    """Copy a live SQLite ledger safely (SQLite's backup API) into `backups/` beside it."""
    folder = path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{label}-{stamp}{path.suffix}"
    source = sqlite3.connect(str(path))
    try:
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def upgrade_to_head(db: Database) -> MigrationResult:
    """Migrate to head; refuse a ledger made by a newer program; back up before changing."""
    before = current_revision(db.engine)
    head = head_revision()
    if before == head:
        return MigrationResult(before, head, None)
    if before is not None and before not in _known_revisions():
        raise LedgerError(
            f"台账数据库（版本 {before}）由更新版本的程序创建，本程序无法打开，请升级程序后再试。"
            " (database is from a newer version; refusing to downgrade)"
        )
    backup = None
    path = db.path
    foreign_tables = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
    if before is None and path is not None and foreign_tables:
        raise LedgerError(f"{path} 不是本程序的台账数据库 (not a ledger database)")
    if before is not None and path is not None and path.exists():
        backup = backup_sqlite_file(path, f"before-migration-{head}")
    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return MigrationResult(before, head, backup)
