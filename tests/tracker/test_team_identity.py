"""Team mode identity: each officer is their own PostgreSQL role; 留痕 is append-only.

Needs a server (`TRACKER_TEST_PG_URL`) whose test role may CREATE ROLE (CI's has it);
skipped otherwise. Each test makes throwaway login roles and drops them afterwards.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, ProgrammingError

from tests.conftest import PgServer
from tracker.cli import main
from tracker.db import models as m
from tracker.db.engine import Database
from tracker.ledger import open_database, seed_builtin_plans
from tracker.services.progress import ProgressInput, record_update
from tracker.services.team import officer_grants

PASSWORD = "officer-pw"


class Roles:
    """Login roles made for one test, revoked and dropped after it."""

    def __init__(self, server: PgServer, ledger_url: str) -> None:
        self.server = server
        self.ledger_url = ledger_url
        self.names: list[str] = []

    def make(self) -> str:
        name = f"officer_{uuid.uuid4().hex[:10]}"
        with self.server.admin.connect() as connection:
            try:
                connection.execute(text(f"CREATE ROLE {name} LOGIN PASSWORD '{PASSWORD}'"))
            except ProgrammingError:
                pytest.skip("the test server's role may not CREATE ROLE (CI gives it CREATEROLE)")
        self.names.append(name)
        return name

    def url_of(self, name: str) -> str:
        return (
            make_url(self.ledger_url)
            .set(username=name, password=PASSWORD)
            .render_as_string(hide_password=False)
        )

    def drop(self) -> None:
        owner = create_engine(self.ledger_url)
        try:
            with owner.begin() as connection:
                for name in self.names:
                    connection.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {name}"))
                    connection.execute(text(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {name}"))
                    connection.execute(text(f"REVOKE ALL ON SCHEMA public FROM {name}"))
                    database = make_url(self.ledger_url).database
                    connection.execute(text(f'REVOKE ALL ON DATABASE "{database}" FROM {name}'))
        finally:
            owner.dispose()
        with self.server.admin.connect() as connection:
            for name in self.names:
                connection.execute(text(f"DROP ROLE IF EXISTS {name}"))


@pytest.fixture
def team(pg_url: str) -> Iterator[Database]:
    database, _ = open_database(pg_url)
    seed_builtin_plans(database)
    yield database
    database.dispose()


@pytest.fixture
def roles(team: Database, pg_server: PgServer, pg_url: str) -> Iterator[Roles]:
    made = Roles(pg_server, pg_url)
    yield made
    made.drop()


def _first_task(database: Database) -> int:
    with database.reading() as session:
        task_id = session.scalars(select(m.Task.id).order_by(m.Task.id)).first()
        assert task_id is not None
        return task_id


def test_an_officers_changes_carry_the_servers_name_for_them(
    team: Database,
    roles: Roles,
    pg_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    role = roles.make()
    assert main(["--db", pg_url, "officer", "add", role, "张三"]) == 0
    capsys.readouterr()
    assert main(["--db", pg_url, "officer", "list"]) == 0
    assert f"{role}\t张三" in capsys.readouterr().out
    monkeypatch.setenv("LOGNAME", "冒充的人")  # what a PC reports no longer counts
    monkeypatch.setenv("USER", "冒充的人")
    officer, _ = open_database(roles.url_of(role))
    try:
        task_id = _first_task(officer)
        with officer.unit_of_work() as session:
            update = record_update(
                session, task_id, ProgressInput("2023Q2", "in_progress", "已推进"), actor="李四"
            )
            update_id = update.id
        with officer.engine.begin() as connection:  # even straight SQL cannot claim another name
            connection.execute(
                text(
                    "INSERT INTO audit (at, actor, source, action, entity, summary) "
                    "VALUES (now(), '伪造的人', 'sql', 'note', 'task', '直接写入')"
                )
            )
    finally:
        officer.dispose()
    with team.reading() as session:
        assert session.get(m.Update, update_id).recorded_by == "张三"  # type: ignore[union-attr]
        actors = set(session.scalars(select(m.AuditEntry.actor).where(m.AuditEntry.source != "内置方案")))
    assert actors == {"张三"}


def test_an_officer_without_a_display_name_is_recorded_by_role(
    team: Database, roles: Roles, pg_url: str
) -> None:
    role = roles.make()
    with team.engine.begin() as connection:
        for statement in officer_grants(role, str(make_url(pg_url).database)):
            connection.execute(text(statement))
    officer, _ = open_database(roles.url_of(role))
    try:
        with officer.unit_of_work() as session:
            record_update(
                session, _first_task(officer), ProgressInput("2023Q2", "done", "完成"), actor="某人"
            )
    finally:
        officer.dispose()
    with team.reading() as session:
        latest = session.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id.desc())).first()
        assert latest is not None and latest.actor == role


def _audit_rows(database: Database) -> list[tuple[object, ...]]:
    with database.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text("SELECT * FROM audit ORDER BY id"))]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit SET summary = '改写的历史'",
        "DELETE FROM audit",
        "TRUNCATE audit",
        "UPDATE officer SET display_name = '冒名'",
    ],
)
def test_no_officer_can_rewrite_history(team: Database, roles: Roles, pg_url: str, statement: str) -> None:
    role = roles.make()
    assert main(["--db", pg_url, "officer", "add", role, "张三"]) == 0
    before = _audit_rows(team)
    officer = create_engine(roles.url_of(role))
    try:
        with pytest.raises(DBAPIError, match="permission denied"), officer.begin() as connection:
            connection.execute(text(statement))
        if "audit" in statement:  # privileges granted by mistake later: the trigger still refuses
            with team.engine.begin() as connection:
                connection.execute(text(f"GRANT UPDATE, DELETE, TRUNCATE ON audit TO {role}"))
            with pytest.raises(DBAPIError, match="留痕记录只能追加"), officer.begin() as connection:
                connection.execute(text(statement))
    finally:
        officer.dispose()
    assert _audit_rows(team) == before


def test_officers_are_for_team_ledgers_and_added_by_the_owner(
    team: Database, roles: Roles, pg_url: str, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "officer", "add", "zhangsan", "张三"]) == 2
    assert "团队台账" in capsys.readouterr().err
    assert main(["--db", pg_url, "officer", "add", "Robert'); DROP TABLE audit;--", "x"]) == 2
    assert main(["--db", pg_url, "officer", "add", "nobody_here_at_all", "x"]) == 2
    assert "CREATE ROLE" in capsys.readouterr().err
    first, second = roles.make(), roles.make()
    assert main(["--db", pg_url, "officer", "add", first, "张三"]) == 0
    capsys.readouterr()
    assert main(["--db", roles.url_of(first), "officer", "add", second, "李四"]) == 1
    assert "管理员" in capsys.readouterr().err


def test_an_officer_cannot_upgrade_the_schema_and_is_told_who_can(
    team: Database, roles: Roles, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from alembic import command

    from tracker.db.migrate import alembic_config

    role = roles.make()
    assert main(["--db", pg_url, "officer", "add", role, "张三"]) == 0
    with team.engine.begin() as connection:  # the ledger as an older program left it
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")
    capsys.readouterr()
    out = tmp_path / "x.json"
    assert main(["--db", roles.url_of(role), "export", "json", "--out", str(out)]) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert "只有管理员可以" in err and "tracker init" in err and "Traceback" not in err
    assert main(["--db", pg_url, "init"]) == 0  # the administrator upgrades it
