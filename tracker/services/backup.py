"""One-file backup of everything (its verification and restore: `tracker.services.restore`).

A backup is a zip holding `manifest.json` and either `ledger.sqlite3` (a consistent
snapshot taken with SQLite's backup API) or, from a PostgreSQL ledger, `tables/NAME.jsonl`
(every table as JSON lines, so it restores into either database). Evidence content lives
inside the database, so it travels with it; its hashes are checked on backup and restore.

The manifest names the format and version, the program and schema revision that wrote
it, the ledger id, the time, row counts and the SHA-256 and size of every member. Restore
checks all of that before touching anything. Into a SQLite ledger it keeps the current
file in `backups/` beside it and swaps the restored file in with one atomic rename; into
a PostgreSQL ledger it keeps a backup of the current contents in the per-user `backups/`
folder and replaces every row in one transaction (all of it or none of it).
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import re
import sqlite3
import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, MetaData, Table, bindparam, create_engine, inspect, select, text

from tracker import __version__
from tracker.db.engine import Database, sqlite_url
from tracker.errors import BadInput, LedgerError, LedgerInUse
from tracker.faults import DISK_FULL, MachineFault
from tracker.fileio import atomic_write
from tracker.services.checks import blob_faults
from tracker.services.scratch import BACKUP_PREFIX, scratch_folder

log = logging.getLogger("tracker.backup")

FORMAT = "tracker-backup"
VERSION = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "ledger.sqlite3"
TABLES_PREFIX = "tables/"
MAX_MANIFEST_BYTES = 1024 * 1024
# A real ledger compresses perhaps 10:1; refuse a member claiming far more (a zip bomb).
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 64 * 1024 * 1024
AUTO_PREFIX = "auto-"
AUTO_KEEP_SETTING = "auto_backup_keep"
AUTO_KEEP_DEFAULT = 10
_READ_BYTES = 1024 * 1024


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    manifest: dict[str, Any]
    size: int
    seconds: float


# ---------------------------------------------------------------- snapshot and dump


def _sqlite_connect(path: Path, timeout: float = 10.0) -> sqlite3.Connection:
    return sqlite3.connect(str(path), timeout=timeout)


def _snapshot_sqlite(source_path: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API, made self-contained (no WAL)."""
    source = _sqlite_connect(source_path)
    try:
        dest = _sqlite_connect(target)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    finally:
        source.close()


def _plain_engine(path: Path) -> Any:
    """An engine on a staging file, without the ledger's WAL pragmas.

    `trusted_schema=OFF`: whatever a file from outside carries in its schema may not call
    functions with side effects while it is being checked.
    """
    engine = create_engine(sqlite_url(path))

    def _foreign_keys(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA foreign_keys=ON")
        dbapi_connection.execute("PRAGMA trusted_schema=OFF")

    from sqlalchemy import event

    event.listen(engine, "connect", _foreign_keys)
    return engine


def _describe(connection: Connection) -> dict[str, Any]:
    """Schema revision, ledger id and row counts of a ledger, read on one connection."""
    tables = sorted(inspect(connection).get_table_names())
    counts = {
        name: int(connection.execute(text(f'SELECT COUNT(*) FROM "{name}"')).scalar_one()) for name in tables
    }
    revision = None
    if "alembic_version" in tables:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    ledger_id = None
    if "setting" in tables:
        raw = connection.execute(text("SELECT value FROM setting WHERE key = 'ledger_id'")).scalar()
        ledger_id = json.loads(raw) if raw else None
    evidence_bytes = 0
    if "blob" in tables:
        evidence_bytes = int(connection.execute(text("SELECT COALESCE(SUM(size), 0) FROM blob")).scalar_one())
    return {
        "schema_revision": revision,
        "ledger_id": ledger_id,
        "counts": counts,
        "evidence_bytes": evidence_bytes,
    }


def _refuse_damaged_evidence(connection: Connection, what: str) -> None:
    faults = blob_faults(connection)
    if faults:
        details = "；".join(f.message for f in faults[:5])
        raise LedgerError(f"{what}：{details}")


def _encode(value: Any) -> Any:
    if isinstance(value, bytes | memoryview):
        return {"b64": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _dump_tables(connection: Connection, folder: Path) -> list[str]:
    """Every table as JSON lines: a header line naming the columns, then one row a line."""
    names = []
    metadata = MetaData()
    metadata.reflect(connection)
    for table in metadata.sorted_tables:
        name = f"{TABLES_PREFIX}{table.name}.jsonl"
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as handle:
            handle.write(json.dumps({"table": table.name, "columns": list(table.c.keys())}) + "\n")
            for row in connection.execute(select(table).order_by(*table.primary_key.columns)):
                handle.write(json.dumps([_encode(v) for v in row], ensure_ascii=False) + "\n")
        names.append(name)
    return names


def _decode(value: Any, python_type: type | None) -> Any:
    if isinstance(value, dict) and "b64" in value:
        return base64.b64decode(value["b64"])
    if value is None or python_type is None:
        return value
    if python_type is datetime and isinstance(value, str):
        return datetime.fromisoformat(value)
    if python_type is date and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def _insert_rows(connection: Connection, table: Table, rows: Iterable[dict[str, Any]]) -> int:
    """Insert rows in batches; columns pointing at the same table are filled in afterwards.

    A task may sit under a parent with a larger id (it was moved), so a child can come
    before its parent in id order: its `parent_id` is set once every row is in.
    """
    own = [
        fk.parent.name
        for fk in table.foreign_keys
        if fk.column.table.name == table.name and not fk.parent.primary_key
    ]
    keys = [column.name for column in table.primary_key.columns]
    later: list[dict[str, Any]] = []
    batch: list[dict[str, Any]] = []
    count = 0
    for row in rows:
        if own and any(row.get(name) is not None for name in own):
            later.append({**{f"k_{k}": row[k] for k in keys}, **{f"v_{c}": row.get(c) for c in own}})
            row = {**row, **dict.fromkeys(own)}
        batch.append(row)
        count += 1
        if len(batch) >= 500:
            connection.execute(table.insert(), batch)
            batch = []
    if batch:
        connection.execute(table.insert(), batch)
    if later:
        update = (
            table.update()
            .where(*(table.c[k] == bindparam(f"k_{k}") for k in keys))
            .values({c: bindparam(f"v_{c}") for c in own})
        )
        for start in range(0, len(later), 500):
            connection.execute(update, later[start : start + 500])
    return count


# ---------------------------------------------------------------- writing a backup


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_READ_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def create_backup(database: Database, out: Path, *, logical: bool = False, verify: bool = True) -> BackupInfo:
    """Write one zip holding the whole ledger (evidence included) and its manifest.

    `logical` forces the JSON-lines form on SQLite too (it is the form PostgreSQL uses).
    `verify=False` skips refusing damaged evidence on PostgreSQL: only for the copy a
    restore keeps of the ledger it replaces, which must be made whatever state it is in.
    """
    started = time.monotonic()
    out = Path(out)
    path = database.path
    if path is None:
        with database.engine.connect() as connection:
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():  # one snapshot for the checks, counts and dump
                manifest = _write_backup_zip(connection, out, database.engine.dialect.name, verify=verify)
        return BackupInfo(out, manifest, out.stat().st_size, time.monotonic() - started)
    with scratch_folder(BACKUP_PREFIX) as folder:
        snapshot = folder / SQLITE_MEMBER
        try:
            _snapshot_sqlite(path, snapshot)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise LedgerInUse(f"台账 {path} 正被其他程序占用，暂时无法备份，请稍后再试") from None
            # The snapshot goes to the program's own temporary folder, so a failure to write it
            # (disk full, an I/O error) is the machine's fault, never the officer's input: exit 1.
            raise MachineFault(
                f"无法在临时文件夹 {folder} 中建立台账快照（{exc}：磁盘空间不足或读写出错）；"
                f"未生成备份文件 {out}，台账未改动。请腾出空间后重试"
            ) from None
        except sqlite3.DatabaseError as exc:
            raise LedgerError(f"台账数据库 {path} 已损坏，无法备份：{exc}。请运行 tracker check。") from None
        engine = _plain_engine(snapshot)
        try:
            with engine.connect() as connection:
                ok = connection.execute(text("PRAGMA integrity_check")).scalars().all()
                if ok != ["ok"]:
                    raise LedgerError(f"台账数据库 {path} 已损坏，无法备份：{ok[0]}。请运行 tracker check。")
                _refuse_damaged_evidence(connection, f"台账 {path} 中有损坏的佐证材料，未备份")
                if logical:
                    manifest = _write_backup_zip(connection, out, "sqlite", verify=False)
                else:
                    facts = _describe(connection)
        finally:
            engine.dispose()
        if not logical:
            manifest = _manifest("sqlite", "sqlite", facts, folder, [SQLITE_MEMBER])
            _zip(out, folder, [SQLITE_MEMBER], manifest)
    return BackupInfo(out, manifest, out.stat().st_size, time.monotonic() - started)


def _manifest(
    kind: str, source: str, facts: dict[str, Any], folder: Path, members: list[str]
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "kind": kind,
        "source": source,
        "program_version": __version__,
        "created_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        **facts,
        "members": {
            name: {"size": (folder / name).stat().st_size, "sha256": _sha256_file(folder / name)}
            for name in members
        },
    }


def _zip(out: Path, folder: Path, members: list[str], manifest: dict[str, Any]) -> None:
    """The backup file, written beside `out` under a temporary name, fsynced, renamed."""

    def write(tmp_zip: Path) -> None:
        with zipfile.ZipFile(tmp_zip, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for name in members:
                archive.write(folder / name, name)
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
        with tmp_zip.open("rb+") as handle:
            os.fsync(handle.fileno())

    try:
        atomic_write(out, write)
    except OSError as exc:
        if exc.errno in DISK_FULL:  # the machine's fault, not the officer's choice: exit 1 (faults.py)
            raise MachineFault(
                f"磁盘空间不足，无法写入备份文件 {out}（{exc.strerror or exc}）；未生成备份，台账未改动。请腾出空间后重试"
            ) from None
        raise BadInput(
            f"无法写入备份文件 {out}：{exc.strerror or exc}（没有写入权限或路径不可用？）"
        ) from None


def _write_backup_zip(connection: Connection, out: Path, source: str, *, verify: bool) -> dict[str, Any]:
    """The `tables` backup of what `connection` sees (in the caller's transaction); its manifest."""
    with scratch_folder(BACKUP_PREFIX) as folder:
        if verify:
            _refuse_damaged_evidence(connection, "台账中有损坏的佐证材料，未备份")
        facts = _describe(connection)
        members = _dump_tables(connection, folder)
        manifest = _manifest("tables", source, facts, folder, members)
        _zip(out, folder, members, manifest)
    return manifest


# ---------------------------------------------------------------- daily automatic backup

_AUTO_NAME = re.compile(rf"^{AUTO_PREFIX}(\d{{8}})-(\d{{6}})\.zip$")


def auto_backups(folder: Path) -> list[Path]:
    """The automatic backups in `folder`, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if _AUTO_NAME.match(p.name))


def auto_backup_if_due(
    database: Database, folder: Path, keep: int = AUTO_KEEP_DEFAULT, *, now: datetime | None = None
) -> Path | None:
    """On the first start of a day, back up into `folder` and keep only the newest `keep`.

    Returns the new backup, or None when today's already exists. Never raises for a
    failed backup: it is logged, and the window starts anyway.
    """
    now = now or datetime.now()
    folder = Path(folder)
    today = now.strftime("%Y%m%d")
    if any(_AUTO_NAME.match(p.name).group(1) == today for p in auto_backups(folder)):  # type: ignore[union-attr]
        return None
    target = folder / f"{AUTO_PREFIX}{today}-{now.strftime('%H%M%S')}.zip"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        create_backup(database, target)
    except (OSError, BadInput, LedgerError):
        log.exception("自动备份失败：%s", target)
        return None
    for old in auto_backups(folder)[: max(0, len(auto_backups(folder)) - max(keep, 1))]:
        try:
            old.unlink()
        except OSError:
            log.warning("无法删除旧的自动备份 %s", old)
    return target


def auto_backup_keep(database: Database) -> int:
    """The number of daily backups to keep (setting `auto_backup_keep`, default 10)."""
    from tracker.services.settings import get_setting

    with database.reading() as session:
        value = get_setting(session, AUTO_KEEP_SETTING, AUTO_KEEP_DEFAULT)
    return value if isinstance(value, int) and value > 0 else AUTO_KEEP_DEFAULT


def __getattr__(name: str) -> Any:
    """The restore half moved to `tracker.services.restore`; old imports keep working."""
    if name in ("restore_backup", "verify_backup", "RestoreInfo"):
        from tracker.services import restore

        return getattr(restore, name)
    raise AttributeError(name)
