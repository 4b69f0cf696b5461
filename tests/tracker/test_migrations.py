"""Migrations build exactly the ORM's schema, go down a step and back, refuse newer ledgers."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from tracker.db.engine import Database, sqlite_url
from tracker.db.migrate import alembic_config, current_revision, head_revision, upgrade_to_head
from tracker.db.models import Base
from tracker.errors import LedgerError
from tracker.ledger import open_database


def test_upgrade_from_empty_matches_the_orm(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_downgrade_one_step_and_back(database: Database) -> None:
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")
    assert current_revision(database.engine) != head_revision()
    result = upgrade_to_head(database)
    assert result.after == head_revision()
    with database.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_downgrade_to_empty_and_back(database: Database) -> None:
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert set(inspect(database.engine).get_table_names()) <= {"alembic_version"}
    upgrade_to_head(database)
    assert "task" in inspect(database.engine).get_table_names()


def test_a_ledger_from_a_newer_program_is_refused(db_path: Path) -> None:
    db, _ = open_database(str(db_path))
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    db.dispose()
    with pytest.raises(LedgerError, match="更新版本的程序"):
        open_database(str(db_path))
    db = Database(sqlite_url(db_path))
    assert current_revision(db.engine) == "9999_future"  # not downgraded
    db.dispose()


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    db = Database(sqlite_url(path))
    with db.engine.begin() as connection:
        connection.execute(text("CREATE TABLE notes (id INTEGER)"))
    db.dispose()
    with pytest.raises(LedgerError, match="不是本程序的台账数据库"):
        open_database(str(path))


def test_pending_migration_backs_up_first(db_path: Path) -> None:
    db, _ = open_database(str(db_path))
    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")
        connection.execute(
            text(
                "INSERT INTO plan (title, position, created_at, updated_at, version) "
                "VALUES ('升级前的方案', 1, '2023-01-01', '2023-01-01', 1)"
            )
        )
    db.dispose()
    db, result = open_database(str(db_path))
    db.dispose()
    assert result.backup is not None and result.backup.exists()
    assert result.backup.parent == db_path.parent / "backups"
    backup = Database(sqlite_url(result.backup))
    with backup.engine.connect() as connection:
        assert connection.execute(text("SELECT title FROM plan")).scalar() == "升级前的方案"
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() != head_revision()
    backup.dispose()


@pytest.mark.sqlite_only
def test_sqlite_pragmas(database: Database) -> None:
    with database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_revision_chain_read_from_the_scripts_is_alembics() -> None:
    """Opening a ledger reads the chain without Alembic; it must be the chain Alembic sees."""
    from alembic.script import ScriptDirectory

    from tracker.db.migrate import known_revisions, revision_chain

    scripts = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == scripts.get_current_head()
    assert revision_chain() == {rev.revision: rev.down_revision for rev in scripts.walk_revisions()}
    assert known_revisions() == set(revision_chain())


def test_current_revision_of_a_database_alembic_never_touched(db_path: Path) -> None:
    db = Database(sqlite_url(db_path))
    try:
        assert current_revision(db.engine) is None
    finally:
        db.dispose()


def test_upgrading_a_ledger_in_use_keeps_every_row(seeded: Database, tmp_path: Path) -> None:
    """From 0003 (the last released schema) to head, a ledger with records loses nothing.

    On SQLite a migration that rebuilds a table (a new constraint, AUTOINCREMENT) drops the
    old one; with foreign keys on, that cascade-deletes the children. This counts them.
    """
    from sqlalchemy import select

    from tracker.db import models as m
    from tracker.services.progress import ProgressInput, record_update

    proof = tmp_path / "佐证 材料.pdf"
    proof.write_bytes(b"%PDF-1.4 proof")
    with seeded.unit_of_work() as session:
        task_ids = session.scalars(select(m.Task.id).order_by(m.Task.id).limit(5)).all()
        for task_id in task_ids:
            record_update(
                session, task_id, ProgressInput("2023Q2", "in_progress", "推进中", 40, evidence=[proof])
            )
    tables = ("plan", "task", "task_unit", "metric", "target", "progress_update", "evidence", "blob", "audit")

    def counts() -> dict[str, int]:
        with seeded.engine.connect() as connection:
            return {
                t: int(connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()) for t in tables
            }

    before = counts()
    assert before["progress_update"] == 5 and before["evidence"] == 5
    config = alembic_config()
    with seeded.engine.connect() as connection:
        if seeded.is_sqlite:  # going down rebuilds tables too: keep the children while it does
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        with connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, "0003")
        if seeded.is_sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()
    assert counts() == before
    upgrade_to_head(seeded)  # the program's own path, foreign keys as it sets them
    assert counts() == before
