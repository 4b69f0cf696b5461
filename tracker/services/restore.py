"""Verify a backup and restore it: everything in the file is untrusted.

Verification reads the zip without extracting it (format, member names that are the
program's own, sizes, compression ratio, SHA-256). Restore stages the ledger in a
temporary folder under names of its own, checks it is whole and has the program's schema
(`tracker.services.schema_check`), then swaps it in: into a SQLite ledger with the swap
gate held (no other copy has the file open; the current file kept in `backups/`), into a
PostgreSQL ledger in one transaction holding the restore lock (the current contents kept
first, in that same transaction). On any refusal nothing changes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sqlite3
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, MetaData, Table, func, inspect, select, text
from sqlalchemy.exc import DBAPIError, OperationalError

from tracker.db.engine import RESTORE_LOCK_KEY, Database, resolve_url, sqlite_path
from tracker.db.migrate import (
    backup_sqlite_file,
    head_revision,
    known_revisions,
    migrate_engine,
    server_label,
    unused_name,
    upgrade_to_head,
)
from tracker.errors import BackupError, BadInput, LedgerError, LedgerInUse
from tracker.ledger_lock import SwapGate, is_locked
from tracker.paths import user_data_dir
from tracker.services.backup import (
    _READ_BYTES,
    FORMAT,
    MANIFEST,
    MAX_MANIFEST_BYTES,
    MAX_RATIO,
    RATIO_FLOOR_BYTES,
    SQLITE_MEMBER,
    TABLES_PREFIX,
    VERSION,
    _decode,
    _insert_rows,
    _plain_engine,
    _sqlite_connect,
    _write_backup_zip,
)
from tracker.services.checks import blob_faults
from tracker.services.schema_check import (
    known_table,
    postgresql_foreign_objects,
    sqlite_foreign_objects,
    sqlite_schema_faults,
    sqlite_value_faults,
)
from tracker.services.scratch import BESIDE_LEDGER_PREFIX, RESTORE_PREFIX, scratch_folder

log = logging.getLogger("tracker.restore")

# What zipfile raises for a damaged or foreign archive besides BadZipFile: a deflate stream
# that no longer inflates, a member flagged encrypted (RuntimeError), a compression method
# it does not know (NotImplementedError), a header it cannot parse (ValueError, EOFError).
UNREADABLE_ZIP = (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, ValueError)


@dataclass(frozen=True)
class RestoreInfo:
    manifest: dict[str, Any]
    previous: Path | None  # the ledger as it was, kept in backups/
    migrated_from: str | None  # the backup's schema revision when it was older than head


def _load_tables(backup: Path, connection: Connection, files: dict[str, Path]) -> None:
    """Insert a JSON-lines dump into an empty schema of the same revision.

    Only the schema's own tables and columns are accepted; a header naming anything else
    refuses the backup.
    """
    metadata = MetaData()
    metadata.reflect(connection)
    unknown = sorted(set(files) - set(metadata.tables))
    if unknown:
        raise _refuse(backup, f"其中有本程序没有的数据表 {'、'.join(unknown[:5])}")
    for table in metadata.sorted_tables:
        path = files.get(table.name)
        if path is None:
            continue
        connection.execute(table.delete())
        with path.open(encoding="utf-8") as handle:
            header = json.loads(handle.readline())
            columns = header.get("columns") if isinstance(header, dict) else None
            if (
                not isinstance(columns, list)
                or header.get("table") != table.name
                or not all(isinstance(c, str) and c in table.c for c in columns)
                or len(set(columns)) != len(columns)
            ):
                raise _refuse(backup, f"数据表 {table.name} 的列与本程序的不符")
            types: dict[str, type | None] = {}
            for column in columns:
                try:
                    types[column] = table.c[column].type.python_type
                except NotImplementedError:
                    types[column] = None
            rows = (
                {c: _decode(v, types[c]) for c, v in zip(columns, json.loads(line), strict=True)}
                for line in handle
            )
            _insert_rows(connection, table, rows)


# ---------------------------------------------------------------- verifying a backup


def _refuse(path: Path, why: str) -> BackupError:
    return BackupError(f"{path} 不能用于恢复：{why}。台账未做任何改动。")


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise BackupError(f"找不到备份文件 {path}") from None
    except OSError as exc:
        raise BackupError(f"无法读取备份文件 {path}：{exc.strerror or exc}") from None
    if path.is_dir():
        raise _refuse(path, "这是文件夹，不是备份文件")
    if size == 0:
        raise _refuse(path, "文件是空的（0 字节）")
    with path.open("rb") as handle:
        head = handle.read(4)
    if head != b"PK\x03\x04":
        raise _refuse(path, "这不是本程序的备份文件（不是 zip 格式，可能是改了扩展名的其他文件）")
    try:
        return zipfile.ZipFile(path)
    except (*UNREADABLE_ZIP, OSError):
        raise _refuse(path, "文件不完整（可能在复制或下载时被截断）或已损坏") from None


def _read_manifest(path: Path, archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        info = archive.getinfo(MANIFEST)
    except KeyError:
        raise _refuse(path, "这是 zip 文件，但不是本程序的备份（缺少 manifest.json）") from None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise _refuse(path, "manifest.json 过大，文件不可信")
    try:
        manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except (*UNREADABLE_ZIP, UnicodeDecodeError, OSError):
        raise _refuse(path, "manifest.json 已损坏") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _refuse(path, "这是 zip 文件，但不是本程序的备份（格式标识不符）")
    version = manifest.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise _refuse(path, f"备份格式版本 {version} 比本程序新（本程序支持 {VERSION}），请升级程序")
    members = manifest.get("members")
    if manifest.get("kind") not in ("sqlite", "tables") or not isinstance(members, dict) or not members:
        raise _refuse(path, "manifest.json 内容不完整")
    counts = manifest.get("counts", {})
    if not isinstance(counts, dict) or not all(isinstance(v, int) for v in counts.values()):
        raise _refuse(path, "manifest.json 中的行数（counts）不是数字")
    revision = manifest.get("schema_revision")
    if not (revision is None or isinstance(revision, str)):
        raise _refuse(path, "manifest.json 中的数据库版本（schema_revision）不是文字")
    return manifest


def _refuse_unsafe_names(path: Path, manifest: dict[str, Any], names: list[str]) -> None:
    """Member names are labels, never paths: only the names this program writes are allowed.

    For `sqlite` that is `ledger.sqlite3`; for `tables`, `tables/NAME.jsonl` with NAME a
    table of the schema. Anything else (`../x`, `C:\\x`, `/etc/x`, a name given twice) is
    refused before a byte is extracted.
    """
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise _refuse(path, f"成员“{name[:80]}”出现了两次，文件不可信")
        seen.add(name)
    expected_kind = manifest["kind"]
    for name in [*names, *manifest["members"]]:
        if not isinstance(name, str):
            raise _refuse(path, "清单中的成员名不是文字")
        if name == MANIFEST:
            continue
        if expected_kind == "sqlite":
            ok = name == SQLITE_MEMBER
        else:
            table = name.removeprefix(TABLES_PREFIX).removesuffix(".jsonl")
            ok = name == f"{TABLES_PREFIX}{table}.jsonl" and known_table(table)
        if not ok:
            raise _refuse(
                path, f"成员名“{name[:80]}”不是本程序写出的名称（可能试图写到台账文件夹以外），已拒绝"
            )
    for expected in manifest["members"].values():
        if not isinstance(expected, dict) or not isinstance(expected.get("size"), int):
            raise _refuse(path, "manifest.json 中的成员信息不完整")


def verify_backup(path: Path) -> dict[str, Any]:
    """Check a backup end to end without extracting it; its manifest, or BackupError."""
    path = Path(path)
    with _open_zip(path) as archive:
        manifest = _read_manifest(path, archive)
        members: dict[str, Any] = manifest["members"]
        _refuse_unsafe_names(path, manifest, archive.namelist())
        names = set(archive.namelist()) - {MANIFEST}
        if names != set(members):
            extra = sorted(names - set(members)) + sorted(set(members) - names)
            raise _refuse(path, f"文件成员与清单不符（{'、'.join(extra[:5])}）")
        for name, expected in members.items():
            info = archive.getinfo(name)
            if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise _refuse(
                    path,
                    f"{name} 声称解压后有 {info.file_size / 1024**3:.1f} GB，"
                    f"压缩比异常（疑似“压缩炸弹”），已拒绝解压",
                )
            if info.file_size != expected.get("size"):
                raise _refuse(path, f"{name} 的声明大小 {info.file_size} 与清单 {expected.get('size')} 不符")
        for name, expected in members.items():
            digest = hashlib.sha256()
            try:
                with archive.open(name) as handle:
                    while chunk := handle.read(_READ_BYTES):
                        digest.update(chunk)
            except (*UNREADABLE_ZIP, OSError):
                raise _refuse(path, f"{name} 已损坏（校验失败或文件被截断）") from None
            if digest.hexdigest() != expected.get("sha256"):
                raise _refuse(path, f"{name} 的 SHA-256 与清单不符，文件已被改动或损坏")
    revision = manifest.get("schema_revision")
    if revision != head_revision() and revision not in known_revisions():
        raise _refuse(
            path,
            f"备份来自更新版本的程序（数据库版本 {revision}，程序 {manifest.get('program_version')}），"
            "请先升级本程序",
        )
    return manifest


# ---------------------------------------------------------------- restoring


STAGED = "restored.sqlite3"


def _extract(backup: Path, manifest: dict[str, Any], folder: Path) -> tuple[Path, dict[str, Path]]:
    """Copy the members out under names of our own (never the member's name), hashing again.

    Returns the staged ledger's path and, for `tables`, each table's JSON-lines file.
    """
    staged = folder / STAGED
    tables: dict[str, Path] = {}
    members: dict[str, Any] = manifest["members"]
    with zipfile.ZipFile(backup) as archive:
        for index, (name, expected) in enumerate(sorted(members.items())):
            if name == SQLITE_MEMBER:
                target = staged
            else:
                target = folder / f"table-{index}.jsonl"
                tables[name.removeprefix(TABLES_PREFIX).removesuffix(".jsonl")] = target
            digest = hashlib.sha256()
            written = 0
            with archive.open(name) as source, target.open("wb") as sink:
                while chunk := _read_member(backup, name, source):
                    written += len(chunk)
                    if written > int(expected["size"]):
                        raise _refuse(backup, f"{name} 解压后比清单所写的大，文件不可信")
                    digest.update(chunk)
                    sink.write(chunk)
            if digest.hexdigest() != expected["sha256"]:
                raise _refuse(backup, f"{name} 在读取时校验不符")
    return staged, tables


def _read_member(backup: Path, name: str, source: Any) -> bytes:
    """The next chunk of a member; a member that no longer inflates is a refusal."""
    try:
        return bytes(source.read(_READ_BYTES))
    except UNREADABLE_ZIP:
        raise _refuse(backup, f"{name} 已损坏（解压失败）") from None


def _check_staged(backup: Path, connection: Connection, revision: str | None) -> None:
    """The staged ledger, at the backup's revision: whole, ours, consistent, evidence intact."""
    ok = connection.execute(text("PRAGMA integrity_check")).scalars().all()
    if ok != ["ok"]:
        raise _refuse(backup, f"其中的数据库已损坏（{ok[0]}）")
    foreign = sqlite_foreign_objects(connection)
    if foreign:
        raise _refuse(backup, "其中的数据库含有本程序不会创建的" + "、".join(foreign[:5]))
    found = None
    if inspect(connection).has_table("alembic_version"):
        found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if found != revision:
        raise _refuse(backup, f"其中的数据库版本 {found} 与清单 {revision} 不符")
    if connection.execute(text("PRAGMA foreign_key_check")).first() is not None:
        raise _refuse(backup, "其中的数据库有断开的引用（外键）")


def _stage(backup: Path, manifest: dict[str, Any], folder: Path) -> Path:
    """Build the restored ledger as a plain SQLite file in `folder`, checked and at head.

    Everything in the file is untrusted: any failure to read it as the program's own
    ledger refuses the backup (exit 2) with what was wrong, and nothing else changes.
    A fault of this machine (disk full) stays what it is.
    """
    staged, tables = _extract(backup, manifest, folder)
    revision = manifest.get("schema_revision")
    if not (revision is None or isinstance(revision, str)):
        raise _refuse(backup, "清单中的数据库版本不是文字")
    engine = _plain_engine(staged)
    try:
        if manifest["kind"] == "tables":
            migrate_engine(engine, revision or "base")
            with engine.begin() as connection:
                _load_tables(backup, connection, tables)
        with engine.connect() as connection:
            _check_staged(backup, connection, revision)
        if revision != head_revision():
            migrate_engine(engine, "head")
        with engine.connect() as connection:
            faults = sqlite_schema_faults(connection) + sqlite_value_faults(connection)
            if faults:
                raise _refuse(backup, "其中数据库的结构或数据与本程序的不符：" + "；".join(faults[:5]))
            blobs = blob_faults(connection)
            if blobs:
                raise _refuse(backup, "其中的佐证材料已损坏：" + blobs[0].message)
            connection.exec_driver_sql("PRAGMA journal_mode=DELETE")
    except (BackupError, OSError):
        raise
    except Exception as exc:  # the file is not what it claims: say so, never a traceback
        log.info("backup %s refused while staging", backup, exc_info=True)
        raise _refuse(
            backup, f"其中的数据无法按本程序的台账读取（{type(exc).__name__}: {str(exc)[:120]}）"
        ) from None
    finally:
        engine.dispose()
    return staged


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _quiesce(path: Path) -> None:
    """Fold the current ledger's WAL into it and leave it without one, or say who holds it."""
    connection = _sqlite_connect(path, timeout=3.0)
    damaged = False
    try:
        mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()
    except sqlite3.OperationalError:
        mode = None
    except sqlite3.DatabaseError:  # damaged: its WAL was kept raw with it, nothing to fold in
        mode, damaged = ("delete",), True
    finally:
        connection.close()
    wal = path.with_name(path.name + "-wal")
    if not damaged and (
        mode is None or str(mode[0]).lower() != "delete" or (wal.exists() and wal.stat().st_size)
    ):
        raise LedgerInUse(f"台账 {path} 正被其他程序使用，无法恢复；请关闭其他窗口或命令后再试。")
    for leftover in (wal, path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def _keep_current(path: Path) -> Path:
    """Keep the ledger about to be replaced in `backups/`: through SQLite's backup API, or,
    when the file is too damaged for SQLite to read (the very case restore is for), as
    its raw bytes (and its WAL's), so nothing of it is lost either way."""
    try:
        return backup_sqlite_file(path, "before-restore")
    except sqlite3.DatabaseError:
        target = unused_name(path.parent / "backups", f"{path.stem}-before-restore-damaged", path.suffix)
        shutil.copy2(path, target)
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            shutil.copy2(wal, target.with_name(target.name + "-wal"))
        return target


def restore_backup(url: str, backup: Path) -> RestoreInfo:
    """Replace the ledger at `url` (URL or file path) with a verified backup.

    The ledger as it was is kept in `backups/` beside it; on any refusal nothing changes.
    """
    backup = Path(backup)
    manifest = verify_backup(backup)
    url = resolve_url(url)
    path = sqlite_path(url)
    if path is None:
        return _restore_into_server(url, backup, manifest)
    holder = is_locked(path)
    if holder is not None:
        raise LedgerInUse(f"台账 {path} 已在窗口中打开（{holder.describe()}），请先关闭窗口再恢复。")
    path.parent.mkdir(parents=True, exist_ok=True)
    needed = sum(int(m["size"]) for m in manifest["members"].values()) * 2
    free = shutil.disk_usage(path.parent).free
    if needed > free:
        raise BadInput(
            f"磁盘空间不足：恢复 {backup.name} 约需 {needed / 1024**2:.0f} MB，"
            f"{path.parent} 只剩 {free / 1024**2:.0f} MB。台账未做任何改动。"
        )
    try:
        with scratch_folder(BESIDE_LEDGER_PREFIX, path.parent) as tmp:
            staged = _stage(backup, manifest, tmp)
            previous = None
            # From here to the swap no other copy of the program has the ledger open: the
            # kept copy holds every commit acknowledged before, and nothing commits after.
            gate = SwapGate(path).exclusive()
            try:
                if path.exists():
                    previous = _keep_current(path)
                    _quiesce(path)
                os.replace(staged, path)
                _fsync_dir(path.parent)
            finally:
                gate.release()
    except PermissionError as exc:
        raise BadInput(
            f"无法写入台账所在文件夹 {path.parent}：{exc.strerror or exc}。台账未做任何改动。"
        ) from None
    revision = manifest.get("schema_revision")
    return RestoreInfo(manifest, previous, revision if revision != head_revision() else None)


# ---------------------------------------------------------------- restoring into PostgreSQL

SERVER_LOCK_TIMEOUT = "10s"


def _reset_sequences(connection: Connection, tables: list[Table]) -> None:
    """Move every id sequence past the ids just copied in, so new records can be added."""
    for table in tables:
        for column in table.primary_key.columns:
            sequence = connection.execute(
                text("SELECT pg_get_serial_sequence(:table, :column)"),
                {"table": f'"{table.name}"', "column": column.name},
            ).scalar()
            if sequence is None:
                continue
            largest = connection.execute(select(func.max(table.c[column.name]))).scalar()
            connection.execute(
                text("SELECT setval(:sequence, :value, :called)"),
                {"sequence": sequence, "value": largest or 1, "called": largest is not None},
            )


def _copy_into_server(backup: Path, staged: Path, database: Database, previous: Path) -> None:
    """Replace every row of the server's ledger with the staged file's, in one transaction.

    The transaction first takes the restore lock exclusively (every writer's transaction
    shares it, see `tracker.db.engine`), then keeps the current contents in `previous`,
    then swaps: a save acknowledged before is in `previous`, one after waits and lands in
    the restored ledger, none is lost between the two.
    """
    source_engine = _plain_engine(staged)
    try:
        _swap_rows(backup, source_engine, database, previous)
    except DBAPIError as exc:  # the server refused something: its transaction rolled back whole
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        raise LedgerError(f"恢复未完成，服务器拒绝了写入：{reason}。台账未做任何改动。") from None
    finally:
        source_engine.dispose()


def _swap_rows(backup: Path, source_engine: Any, database: Database, previous: Path) -> None:
    """The one transaction of a PostgreSQL restore (see `_copy_into_server`)."""
    with source_engine.connect() as source, database.engine.connect() as target, target.begin():
        target.execute(text(f"SET LOCAL lock_timeout = '{SERVER_LOCK_TIMEOUT}'"))
        try:
            target.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": RESTORE_LOCK_KEY})
        except OperationalError:
            raise LedgerInUse(
                "团队台账正被其他用户长时间占用（例如有人正在保存），暂时无法恢复；"
                "请稍后再试。台账未做任何改动。"
            ) from None
        foreign = postgresql_foreign_objects(target)
        if foreign:
            raise LedgerError(
                "团队台账数据库中有本程序不会创建的"
                + "、".join(foreign[:5])
                + "，恢复的数据可能被它们改动；请数据库管理员先删除它们。台账未做任何改动。"
            )
        try:
            previous.parent.mkdir(parents=True, exist_ok=True)
            _write_backup_zip(target, previous, database.engine.dialect.name, verify=False)
        except OSError as exc:
            raise BadInput(
                f"无法在 {previous.parent} 保存当前台账的备份：{exc.strerror or exc}。台账未做任何改动。"
            ) from None
        metadata = MetaData()
        metadata.reflect(target)
        tables = [t for t in metadata.sorted_tables if t.name != "alembic_version"]
        source_meta = MetaData()
        source_meta.reflect(source)
        missing = sorted({t.name for t in tables} - set(source_meta.tables))
        if missing:
            raise _refuse(backup, f"其中缺少数据表 {'、'.join(missing)}")
        names = ", ".join(f'"{t.name}"' for t in tables)
        try:
            target.execute(text(f"LOCK TABLE {names} IN ACCESS EXCLUSIVE MODE"))
        except OperationalError:
            raise LedgerInUse(
                "团队台账正被其他用户长时间占用（例如有人正在保存），暂时无法恢复；"
                "请稍后再试。台账未做任何改动。"
            ) from None
        for table in reversed(tables):
            target.execute(table.delete())
        for table in tables:
            columns = [c.name for c in table.columns if c.name in source_meta.tables[table.name].c]
            rows = source.execute(
                select(*(source_meta.tables[table.name].c[c] for c in columns)).order_by(
                    *source_meta.tables[table.name].primary_key.columns
                )
            ).mappings()
            copied = _insert_rows(target, table, (dict(row) for row in rows))
            expected = source.execute(text(f'SELECT COUNT(*) FROM "{table.name}"')).scalar_one()
            if copied != expected:
                raise LedgerError(f"恢复 {table.name} 时行数不符（{copied}/{expected}）。台账未做任何改动。")
        _reset_sequences(target, tables)
        faults = blob_faults(target)
        if faults:
            raise LedgerError("恢复后的佐证材料校验不符：" + faults[0].message + "。台账未做任何改动。")


def _restore_into_server(url: str, backup: Path, manifest: dict[str, Any]) -> RestoreInfo:
    """Restore into a PostgreSQL ledger: stage and check as SQLite, then one transaction
    that excludes every writer, keeps a copy of the current contents and swaps the rows.

    The ledger's schema is brought to head first (an empty database gets it); other users
    see the ledger either as it was or as restored, and a failure anywhere leaves it as it was.
    """
    database = Database(url)
    try:
        upgrade_to_head(database)
        folder = user_data_dir() / "backups"
        needed = sum(int(m["size"]) for m in manifest["members"].values()) * 3
        with scratch_folder(RESTORE_PREFIX) as tmp:
            free = shutil.disk_usage(tmp).free
            if needed > free:
                raise BadInput(
                    f"磁盘空间不足：恢复 {backup.name} 约需 {needed / 1024**2:.0f} MB 临时空间，"
                    f"{tmp} 只剩 {free / 1024**2:.0f} MB。台账未做任何改动。"
                )
            staged = _stage(backup, manifest, tmp)
            folder.mkdir(parents=True, exist_ok=True)
            previous = unused_name(folder, f"{server_label(url)}-before-restore", ".zip")
            _copy_into_server(backup, staged, database, previous)
    finally:
        database.dispose()
    revision = manifest.get("schema_revision")
    return RestoreInfo(manifest, previous, revision if revision != head_revision() else None)
