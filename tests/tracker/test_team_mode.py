"""Team mode: the same program on a real PostgreSQL server (docs/team-mode.md).

Every test here needs `TRACKER_TEST_PG_URL` (see tests/conftest.py) and is skipped
without it; each gets a fresh database that is dropped afterwards. The services' own
tests run on PostgreSQL too through the `database` fixture; these cover what only a
server has: the command line on a URL, restore into the server, a SQLite ledger moved
to the server and back, two processes editing one task, and the server's own faults.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select, text
from sqlalchemy.engine import make_url

from tracker.cli import main
from tracker.db import models as m
from tracker.db.engine import Database
from tracker.db.migrate import alembic_config, head_revision, upgrade_to_head
from tracker.errors import BackupError, EditConflict, LedgerError
from tracker.export.json_export import export_document
from tracker.ledger import open_database, seed_builtin_plans
from tracker.services.backup import create_backup, restore_backup, verify_backup
from tracker.services.checks import run_checks
from tracker.services.progress import ProgressInput, record_update

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "seed" / "000_yueqing.json"


def dump(database: Database) -> str:
    """Every row of every ledger table, in key order, hashed: equal dumps, equal ledgers."""
    digest = hashlib.sha256()
    with database.engine.connect() as connection:
        for table in m.Base.metadata.sorted_tables:
            digest.update(table.name.encode())
            for row in connection.execute(select(table).order_by(*table.primary_key.columns)):
                digest.update(repr(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)).encode())
    return digest.hexdigest()


def add_evidence(database: Database, folder: Path, name: str, content: bytes) -> None:
    proof = folder / name
    proof.write_bytes(content)
    with database.unit_of_work() as session:
        task_id = session.scalars(select(m.Task.id).order_by(m.Task.id)).first()
        assert task_id is not None
        record_update(session, task_id, ProgressInput("2023Q2", "in_progress", "已推进", evidence=[proof]))


@pytest.fixture
def team(pg_url: str) -> Any:
    """A seeded team ledger on the server."""
    database, _ = open_database(pg_url)
    seed_builtin_plans(database)
    yield database
    database.dispose()


def test_migrations_from_empty_build_the_orm_schema_and_go_back_down(pg_url: str) -> None:
    """On an empty server database (not the tests' template copy): upgrade, compare, down, up."""
    database, result = open_database(pg_url)
    try:
        assert (result.before, result.after) == (None, head_revision())
        with database.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, m.Base.metadata) == []
        config = alembic_config()
        with database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        assert set(inspect(database.engine).get_table_names()) <= {"alembic_version"}
        upgrade_to_head(database)
        with database.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, m.Base.metadata) == []
    finally:
        database.dispose()


def test_cli_on_a_server_url(pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", pg_url, "init"]) == 0
    out = tmp_path / "导出.json"
    assert main(["--db", pg_url, "export", "json", "--out", str(out)]) == 0
    doc = json.loads(out.read_text("utf-8"))
    assert len(doc["plans"]) == 5
    for kind in ("xlsx", "pdf"):
        draft = ["--draft"] if kind == "pdf" else []
        assert main(["--db", pg_url, "export", kind, "--out", str(tmp_path / f"台账.{kind}"), *draft]) == 0
        assert (tmp_path / f"台账.{kind}").stat().st_size > 1000
    capsys.readouterr()
    assert main(["--db", pg_url, "check"]) == 0
    assert "未发现问题" in capsys.readouterr().out
    backup = tmp_path / "团队 备份.zip"
    assert main(["--db", pg_url, "backup", "--out", str(backup)]) == 0
    manifest = verify_backup(backup)
    assert (manifest["kind"], manifest["source"]) == ("tables", "postgresql")
    assert manifest["counts"]["plan"] == 5 and manifest["schema_revision"] == head_revision()


def test_the_environment_variable_names_the_server(
    pg_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`TRACKER_DB` does what `--db` does; a bare postgresql:// means psycopg."""
    bare = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
    monkeypatch.setenv("TRACKER_DB", bare)
    assert main(["init", "--no-seed"]) == 0
    assert main(["import-plan", str(PLAN)]) == 0
    database = Database(pg_url)
    try:
        with database.reading() as session:
            assert session.scalar(select(func.count()).select_from(m.Plan)) == 1
    finally:
        database.dispose()


def test_bad_plan_file_changes_nothing_on_the_server(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", pg_url, "init"]) == 0
    database = Database(pg_url)
    before = dump(database)
    plan = json.loads(PLAN.read_text("utf-8"))
    plan["tasks"][3]["units"] = [{"name": "市科技局", "role": "chief"}]  # not a role
    bad = tmp_path / "坏方案.json"
    bad.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", pg_url, "import-plan", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "Traceback" not in err
    assert dump(database) == before
    database.dispose()


def test_an_unreachable_server_is_one_clear_line(capsys: pytest.CaptureFixture[str], pg_url: str) -> None:
    wrong = make_url(pg_url).set(database="tracker_no_such_ledger", password="secret-pw")
    assert main(["--db", wrong.render_as_string(hide_password=False), "check"]) == 1
    err = capsys.readouterr().err
    assert "无法连接团队台账数据库" in err and "tracker_no_such_ledger" in err
    assert "secret-pw" not in err and "Traceback" not in err


def test_a_server_database_of_another_program_is_refused(pg_url: str) -> None:
    other = Database(pg_url)
    with other.engine.begin() as connection:
        connection.execute(text("CREATE TABLE notes (id INTEGER)"))
    other.dispose()
    with pytest.raises(LedgerError, match="不是本程序的台账数据库"):
        open_database(pg_url)


def test_restore_into_the_server(team: Database, pg_url: str, tmp_path: Path) -> None:
    add_evidence(team, tmp_path, "照片 1.jpg", bytes(range(256)) * 12000)  # three chunks
    saved = dump(team)
    backup = tmp_path / "a.zip"
    create_backup(team, backup)
    add_evidence(team, tmp_path, "后来的.pdf", b"later")
    with team.unit_of_work() as session:
        session.add(m.Plan(title="备份之后的方案"))
    assert dump(team) != saved

    result = restore_backup(pg_url, backup)
    assert dump(team) == saved
    assert [f for f in run_checks(team) if f.fault] == []
    # The ledger as it was is kept as a backup that verifies and holds the later rows.
    assert result.previous is not None and result.previous.exists()
    assert verify_backup(result.previous)["counts"]["plan"] == 6
    # Ids go on after the restored rows: new records can be added by everyone.
    with team.unit_of_work() as session:
        plan = m.Plan(title="恢复之后的方案")
        session.add(m.Task(plan=plan, code="1", title="新任务"))
    with team.reading() as session:
        assert session.scalar(select(func.count()).select_from(m.Plan)) == 6


def test_a_desktop_ledger_moves_to_the_server_and_back(db_path: Path, pg_url: str, tmp_path: Path) -> None:
    """SQLite backup → restore into PostgreSQL → backup → restore into SQLite: same export."""
    desktop, _ = open_database(str(db_path))
    seed_builtin_plans(desktop)
    add_evidence(desktop, tmp_path, "会议纪要.docx", os.urandom(300_000))
    with desktop.unit_of_work() as session:  # a parent with a larger id than its child
        plan = session.scalars(select(m.Plan).order_by(m.Plan.id)).first()
        assert plan is not None
        parent = m.Task(plan=plan, code="99", title="后建的上级任务")
        session.add(parent)
        session.flush()
        first = session.scalars(select(m.Task).where(m.Task.plan_id == plan.id).order_by(m.Task.id)).first()
        assert first is not None
        first.parent = parent
    with desktop.reading() as session:
        original = export_document(session)["plans"]
    desktop_backup = tmp_path / "desktop.zip"
    create_backup(desktop, desktop_backup)
    desktop.dispose()

    restore_backup(pg_url, desktop_backup)
    server = Database(pg_url)
    try:
        with server.reading() as session:
            assert export_document(session)["plans"] == original
        assert [f for f in run_checks(server) if f.fault] == []
        server_backup = tmp_path / "server.zip"
        create_backup(server, server_backup)
    finally:
        server.dispose()

    back = tmp_path / "回到单机" / "ledger.sqlite3"
    restore_backup(str(back), server_backup)
    restored, _ = open_database(str(back))
    try:
        with restored.reading() as session:
            assert export_document(session)["plans"] == original
        assert [f for f in run_checks(restored) if f.fault] == []
    finally:
        restored.dispose()


@pytest.mark.parametrize("damage", ["truncated", "tampered", "newer"])
def test_a_bad_backup_leaves_the_server_unchanged(
    team: Database, pg_url: str, tmp_path: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.zip"
    create_backup(team, good)
    bad = tmp_path / f"{damage}.zip"
    if damage == "truncated":
        data = good.read_bytes()
        bad.write_bytes(data[: len(data) // 2])
    else:
        with zipfile.ZipFile(good) as old, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as new:
            for info in old.infolist():
                content = old.read(info.filename)
                if damage == "tampered" and info.filename == "tables/task.jsonl":
                    content = content.replace("任务".encode(), "仼务".encode(), 1)
                if damage == "newer" and info.filename == "manifest.json":
                    manifest = json.loads(content)
                    manifest["schema_revision"] = "9999_future"
                    content = json.dumps(manifest).encode()
                new.writestr(info.filename, content)
    with team.unit_of_work() as session:
        session.add(m.Plan(title="恢复前的方案"))
    before = dump(team)
    with pytest.raises(BackupError, match="台账未做任何改动"):
        restore_backup(pg_url, bad)
    assert dump(team) == before
    capsys.readouterr()
    assert main(["--db", pg_url, "restore", str(bad)]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert dump(team) == before


def test_a_restore_that_fails_midway_changes_nothing(team: Database, pg_url: str, tmp_path: Path) -> None:
    """The rows are replaced in one transaction: a failure late in it leaves every row."""
    backup = tmp_path / "a.zip"
    create_backup(team, backup)
    with team.unit_of_work() as session:
        session.add(m.Plan(title="恢复前的方案"))
    before = dump(team)
    with team.engine.begin() as connection:  # the server refuses one table's rows, late
        connection.execute(text("REVOKE INSERT ON setting FROM CURRENT_USER"))
    with pytest.raises(Exception, match="permission denied for table setting"):
        restore_backup(pg_url, backup)
    with team.engine.begin() as connection:
        connection.execute(text("GRANT INSERT ON setting TO CURRENT_USER"))
    assert dump(team) == before


def test_a_trigger_the_program_did_not_create_stops_a_restore(
    team: Database, pg_url: str, tmp_path: Path
) -> None:
    """Someone added a trigger on the server: restoring under it would let it rewrite rows."""
    backup = tmp_path / "a.zip"
    create_backup(team, backup)
    with team.engine.begin() as connection:
        connection.execute(
            text(
                "CREATE FUNCTION blank_titles() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN NEW.title := ''; RETURN NEW; END $$"
            )
        )
        connection.execute(
            text("CREATE TRIGGER blank BEFORE INSERT ON task FOR EACH ROW EXECUTE FUNCTION blank_titles()")
        )
    before = dump(team)
    with pytest.raises(LedgerError, match="触发器 blank"):
        restore_backup(pg_url, backup)
    assert dump(team) == before


def test_pending_migration_on_the_server_backs_up_first(pg_url: str, isolated_home: Path) -> None:
    database, _ = open_database(pg_url)
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")
        connection.execute(
            text(
                "INSERT INTO plan (title, position, created_at, updated_at, version) "
                "VALUES ('升级前的方案', 1, '2023-01-01', '2023-01-01', 1)"
            )
        )
    database.dispose()
    database, result = open_database(pg_url)
    database.dispose()
    assert result.backup is not None and result.backup.parent == isolated_home / "backups"
    manifest = verify_backup(result.backup)
    assert manifest["schema_revision"] != head_revision() and manifest["counts"]["plan"] == 1


def test_the_later_save_of_one_task_is_an_edit_conflict(
    pg_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two sessions read the task; the first saves; the second's save says so and writes nothing."""
    import tracker.commands.check as check_command

    database, _ = open_database(pg_url)
    with database.unit_of_work() as session:
        session.add(m.Task(plan=m.Plan(title="冲突测试"), code="1", title="原标题"))

    def conflicting_edit(db: Database) -> list[object]:
        with db.unit_of_work() as mine_session:
            mine = mine_session.get(m.Task, 1)
            with db.unit_of_work() as other:
                theirs = other.get(m.Task, 1)
                assert theirs is not None
                theirs.title = "同事先改的标题"
            assert mine is not None
            mine.title = "我后改的标题"
        return []

    monkeypatch.setattr(check_command, "run_checks", conflicting_edit)
    assert main(["--db", pg_url, "check"]) == 1
    err = capsys.readouterr().err
    assert str(EditConflict()) in err and "Traceback" not in err
    with database.reading() as session:
        task = session.get(m.Task, 1)
        assert task is not None and (task.title, task.version) == ("同事先改的标题", 2)
    database.dispose()


def test_check_finds_what_a_server_can_get_wrong(team: Database, tmp_path: Path) -> None:
    add_evidence(team, tmp_path, "证明.txt", b"hello evidence" * 100)
    assert [f for f in run_checks(team) if f.fault] == []
    with team.engine.begin() as connection:
        connection.execute(text("SELECT setval(pg_get_serial_sequence('task', 'id'), 3)"))
        connection.execute(text("UPDATE blob_chunk SET data = '\\x00'::bytea"))
    messages = [f.message for f in run_checks(team) if f.fault]
    assert any("task" in msg and "编号序列" in msg and "setval" in msg for msg in messages)
    assert any("证明.txt" in msg and "已损坏" in msg for msg in messages)
    with pytest.raises(LedgerError, match="佐证材料"):
        create_backup(team, tmp_path / "x.zip")
    assert not (tmp_path / "x.zip").exists()
