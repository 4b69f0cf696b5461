"""One-file backup and restore: everything travels, everything is checked, nothing half-done."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

from tracker.cli import main
from tracker.db import models as m
from tracker.db.engine import Database
from tracker.db.migrate import alembic_config, head_revision
from tracker.errors import BackupError, LedgerError
from tracker.ledger import open_database
from tracker.services.backup import (
    auto_backup_if_due,
    auto_backups,
    create_backup,
    restore_backup,
    verify_backup,
)
from tracker.services.checks import run_checks
from tracker.services.progress import ProgressInput, record_update


def fingerprint(path: Path) -> str:
    """Every row of the ledger, as SQL text, hashed: equal fingerprints, equal ledgers."""
    connection = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()
    finally:
        connection.close()


def add_progress(database: Database, folder: Path, name: str, content: bytes) -> int:
    proof = folder / name
    proof.write_bytes(content)
    with database.unit_of_work() as session:
        task_id = session.scalars(select(m.Task.id).order_by(m.Task.id)).first()
        assert task_id is not None
        update = record_update(
            session, task_id, ProgressInput("2023Q2", "in_progress", "已推进", evidence=[proof])
        )
        return update.id


def rewrite_zip(source: Path, target: Path, change: dict[str, bytes]) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, change.get(info.filename, old.read(info.filename)))


def test_backup_and_restore_round_trip_with_evidence(seeded: Database, db_path: Path, tmp_path: Path) -> None:
    content = bytes(range(256)) * 12000  # ~3 MB: three chunks
    add_progress(seeded, tmp_path, "照片 1.jpg", content)
    out = tmp_path / "备份 文件.zip"
    info = create_backup(seeded, out)
    manifest = verify_backup(out)
    assert manifest["format"] == "tracker-backup"
    assert manifest["schema_revision"] == head_revision()
    assert manifest["counts"]["plan"] == 5 and manifest["counts"]["evidence"] == 1
    assert manifest["evidence_bytes"] == len(content)
    with seeded.reading() as session:
        ledger_id = session.get(m.Setting, "ledger_id")
        assert ledger_id is not None and json.loads(ledger_id.value) == manifest["ledger_id"]
    assert info.size < len(content) + 500_000
    saved = fingerprint(db_path)

    add_progress(seeded, tmp_path, "后来的.pdf", b"later")
    seeded.dispose()
    assert fingerprint(db_path) != saved
    result = restore_backup(str(db_path), out)
    assert fingerprint(db_path) == saved
    assert result.previous is not None and result.previous.parent == db_path.parent / "backups"
    assert result.migrated_from is None
    restored, _ = open_database(str(db_path))
    try:
        assert [f for f in run_checks(restored) if f.fault] == []
        with restored.reading() as session:
            names = session.scalars(select(m.Evidence.filename)).all()
            assert names == ["照片 1.jpg"]
    finally:
        restored.dispose()
    kept = Database("sqlite:///" + str(result.previous))
    try:
        with kept.reading() as session:
            assert len(session.scalars(select(m.Evidence)).all()) == 2  # the ledger as it was
    finally:
        kept.dispose()


def test_logical_backup_restores_into_sqlite(seeded: Database, tmp_path: Path) -> None:
    """The JSON-lines form PostgreSQL uses: restored into a fresh SQLite ledger, evidence intact."""
    add_progress(seeded, tmp_path, "a.bin", bytes(range(256)) * 5000)
    out = tmp_path / "logical.zip"
    create_backup(seeded, out, logical=True)
    manifest = verify_backup(out)
    assert manifest["kind"] == "tables"
    assert "tables/blob_chunk.jsonl" in manifest["members"]
    target = tmp_path / "新" / "ledger.sqlite3"
    restore_backup("sqlite:///" + str(target), out)
    restored, _ = open_database(str(target))
    try:
        assert [f for f in run_checks(restored) if f.fault] == []
        with restored.reading() as session, seeded.reading() as original:
            for model in (m.Plan, m.Task, m.Target, m.Evidence, m.BlobChunk, m.AuditEntry):
                assert len(session.scalars(select(model)).all()) == len(original.scalars(select(model)).all())
            plan = session.scalars(select(m.Plan).order_by(m.Plan.id)).first()
            assert plan is not None and plan.issued_on is not None
    finally:
        restored.dispose()


def test_older_backup_is_restored_then_migrated(db_path: Path, tmp_path: Path) -> None:
    db, _ = open_database(str(db_path))
    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")
    out = tmp_path / "old.zip"
    create_backup(db, out)
    db.dispose()
    old_revision = verify_backup(out)["schema_revision"]
    assert old_revision != head_revision()
    target = tmp_path / "restored.sqlite3"
    result = restore_backup("sqlite:///" + str(target), out)
    assert result.migrated_from == old_revision
    connection = sqlite3.connect(target)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    connection.close()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param("newer", "更新版本的程序", id="newer-schema"),
        pytest.param("tampered", "SHA-256", id="tampered-member"),
        pytest.param("format", "不是本程序的备份", id="foreign-manifest"),
        pytest.param("future-format", "比本程序新", id="newer-format"),
    ],
)
def test_a_bad_backup_is_refused_and_nothing_changes(
    database: Database, db_path: Path, tmp_path: Path, change: str, expected: str
) -> None:
    good = tmp_path / "good.zip"
    create_backup(database, good)
    with zipfile.ZipFile(good) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        ledger = archive.read("ledger.sqlite3")
    if change == "newer":
        manifest["schema_revision"] = "9999_future"
        replaced = {"manifest.json": json.dumps(manifest).encode()}
    elif change == "tampered":
        replaced = {"ledger.sqlite3": ledger[:-10] + b"x" * 10}
    elif change == "format":
        manifest["format"] = "something-else"
        replaced = {"manifest.json": json.dumps(manifest).encode()}
    else:
        manifest["version"] = 99
        replaced = {"manifest.json": json.dumps(manifest).encode()}
    bad = tmp_path / f"{change}.zip"
    rewrite_zip(good, bad, replaced)
    with database.unit_of_work() as session:
        session.add(m.Plan(title="恢复前的方案"))
    database.dispose()
    before = fingerprint(db_path)
    with pytest.raises(BackupError, match=expected) as info:
        restore_backup(str(db_path), bad)
    assert str(bad) in str(info.value)
    assert fingerprint(db_path) == before
    assert not (db_path.parent / "backups").exists() or not list((db_path.parent / "backups").iterdir())
    assert main(["--db", str(db_path), "restore", str(bad)]) == 2


def test_damaged_evidence_is_not_backed_up(database: Database, tmp_path: Path) -> None:
    add_progress_plain(database, b"hello evidence")
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE blob_chunk SET data = :d"), {"d": b"HELLO evidence"})
    with pytest.raises(LedgerError, match="佐证材料"):
        create_backup(database, tmp_path / "x.zip")
    assert not (tmp_path / "x.zip").exists()


def add_progress_plain(database: Database, content: bytes) -> None:
    """Evidence through the ORM on a ledger with no plan yet."""
    sha = hashlib.sha256(content).hexdigest()
    with database.unit_of_work() as session:
        plan = m.Plan(title="测试方案")
        task = m.Task(plan=plan, code="1", title="测试任务")
        session.add_all([plan, task, m.Blob(sha256=sha, size=len(content))])
        session.flush()
        session.add(m.BlobChunk(sha256=sha, seq=0, data=content))
        session.add(m.Evidence(task=task, filename="证明.txt", sha256=sha, size=len(content)))


def test_cli_backup_and_restore(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_path), "init"]) == 0
    out = tmp_path / "cli.zip"
    assert main(["--db", str(db_path), "backup", "--out", str(out)]) == 0
    assert "5 个方案" in capsys.readouterr().err
    assert main(["--db", str(db_path), "restore", str(out)]) == 0
    err = capsys.readouterr().err
    assert "原台账已另存为" in err and "已从" in err
    assert main(["--db", str(db_path), "check"]) == 0


def test_auto_backup_once_a_day_keeping_the_last_n(seeded: Database, tmp_path: Path) -> None:
    folder = tmp_path / "自动备份"
    day = datetime(2024, 3, 1, 9, 0, 0)
    first = auto_backup_if_due(seeded, folder, keep=3, now=day)
    assert first is not None and first.exists()
    assert auto_backup_if_due(seeded, folder, keep=3, now=day + timedelta(hours=5)) is None
    for n in range(1, 6):
        assert auto_backup_if_due(seeded, folder, keep=3, now=day + timedelta(days=n)) is not None
    kept = auto_backups(folder)
    assert [p.name[5:13] for p in kept] == ["20240304", "20240305", "20240306"]
    for path in kept:
        verify_backup(path)
    (folder / "手工备份.zip").write_bytes(b"keep me")  # not ours: never pruned
    auto_backup_if_due(seeded, folder, keep=1, now=day + timedelta(days=9))
    assert len(auto_backups(folder)) == 1 and (folder / "手工备份.zip").exists()
