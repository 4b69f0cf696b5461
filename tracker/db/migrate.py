"""Bring a ledger's schema to head in-process, backing it up first and refusing newer ones."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, ProgrammingError

from tracker.db.engine import Database, display_url
from tracker.errors import LedgerError
from tracker.paths import migrations_dir, user_data_dir

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic itself (~0.15 s of imports) is loaded only when a ledger needs upgrading: the
# revision chain is read from the scripts' `revision = "…"` lines, which tests check
# against Alembic's own reading.
_REVISION_LINE = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:["']([^"']+)["']|None)""", re.M)


INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL: an officer's role may not change the schema


@dataclass(frozen=True)
class MigrationResult:
    before: str | None
    after: str
    backup: Path | None


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


@cache
def revision_chain() -> dict[str, str | None]:
    """Each shipped migration's revision → the one it follows, read from the scripts."""
    chain: dict[str, str | None] = {}
    for script in sorted((migrations_dir() / "versions").glob("*.py")):
        found = dict((key, value or None) for key, value in _REVISION_LINE.findall(script.read_text("utf-8")))
        if "revision" in found and found["revision"] is not None:
            chain[found["revision"]] = found.get("down_revision")
    return chain


def head_revision() -> str:
    """The newest migration: the one no other migration follows."""
    chain = revision_chain()
    heads = set(chain) - {down for down in chain.values() if down is not None}
    assert len(heads) == 1, f"migrations must form one line, heads: {sorted(heads)}"
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    """The ledger's schema revision; None for a database Alembic never touched."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def known_revisions() -> set[str]:
    return set(revision_chain())


def backup_sqlite_file(path: Path, label: str) -> Path:
    """Copy a live SQLite ledger safely (SQLite's backup API) into `backups/` beside it."""
    folder = path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    target = unused_name(folder, f"{path.stem}-{label}", path.suffix)
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


def unused_name(folder: Path, stem: str, suffix: str) -> Path:
    """`folder/stem-TIME.suffix`, or with -2, -3… when one was made the same second:
    a second copy must never replace the first (it may be the only one of that state)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{stem}-{stamp}{suffix}"
    n = 2
    while target.exists():
        target = folder / f"{stem}-{stamp}-{n}{suffix}"
        n += 1
    return target


def server_label(url: str) -> str:
    """`host-database` of a server URL, safe as part of a file name."""
    parsed = make_url(url)
    return re.sub(r"[^\w.-]+", "_", f"{parsed.host or 'local'}-{parsed.database or 'ledger'}")


def backup_server(db: Database, label: str) -> Path:
    """A logical backup (tracker backup's JSON-lines zip) of a server ledger, in the
    per-user `backups/` folder. PostgreSQL runs a migration in one transaction anyway;
    this keeps the data as it was in a file the office can restore."""
    from tracker.services.backup import create_backup  # imports this module

    folder = user_data_dir() / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{server_label(db.url)}-{label}-{stamp}.zip"
    create_backup(db, target, verify=False)
    return target


def upgrade_to_head(db: Database) -> MigrationResult:
    """Migrate to head; refuse a ledger made by a newer program; back up before changing."""
    try:
        before = current_revision(db.engine)
    except OperationalError as exc:
        if db.is_sqlite:
            raise
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        raise LedgerError(
            f"无法连接团队台账数据库 {display_url(db.url)}：{reason}。"
            "请确认数据库服务器已启动，地址、端口、数据库名、用户名和密码无误。"
            " (cannot connect to the database server)"
        ) from None
    head = head_revision()
    if before == head:
        return MigrationResult(before, head, None)
    if before is not None and before not in known_revisions():
        raise LedgerError(
            f"台账数据库（版本 {before}）由更新版本的程序创建，本程序无法打开，请升级程序后再试。"
            " (database is from a newer version; refusing to downgrade)"
        )
    backup = None
    path = db.path
    foreign_tables = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
    if before is None and foreign_tables:
        where = path if path is not None else display_url(db.url)
        raise LedgerError(f"{where} 不是本程序的台账数据库 (not a ledger database)")
    if before is not None and path is not None and path.exists():
        backup = backup_sqlite_file(path, f"before-migration-{head}")
    elif before is not None and path is None and not db.is_sqlite:
        backup = backup_server(db, f"before-migration-{head}")
    migrate_engine(db.engine, "head")
    return MigrationResult(before, head, backup)


def migrate_engine(engine: Engine, target: str) -> None:
    """Run Alembic to `target` in one transaction on one connection.

    On SQLite, foreign keys are switched off for it (outside the transaction, where the
    pragma takes effect): a migration that rebuilds a table drops the old one, and with
    keys on that drop would cascade into every row pointing at it. The keys are checked
    before the transaction commits instead, and switched back on.
    """
    from alembic import command

    config = alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, target)
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise LedgerError("升级数据库后发现断开的引用（外键），升级已撤销，台账未改动。")
        except ProgrammingError as exc:
            if getattr(exc.orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
                raise
            user = engine.url.username or ""
            raise LedgerError(
                f"团队台账需要升级到本程序的数据库版本，但数据库用户 {user} 没有这个权限（只有管理员可以）。"
                "请管理员用拥有台账的数据库用户运行一次 tracker init，然后再试。台账未改动。"
                " (schema upgrade needs the ledger's owner)"
            ) from None
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()
