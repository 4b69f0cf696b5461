"""Ids are never reused: AUTOINCREMENT on SQLite, a stable uid per plan, task and metric."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import func, select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.db.migrate import alembic_config, head_revision, migrate_engine, revision_chain, upgrade_to_head
from tracker.export.json_export import export_document
from tracker.ledger import open_database, seed_builtin_plans
from tracker.planfile import parse_plan
from tracker.services.plan_import import import_plan
from tracker.services.purge import purge_task
from tracker.services.tasks import TaskInput, create_task, delete_task

UID = re.compile(r"^[0-9a-f]{32}$")
BEFORE = revision_chain()["0005"]  # the revision before ids were made stable


def _uids(database: Database) -> list[str]:
    with database.reading() as session:
        return [
            *session.scalars(select(m.Plan.uid)),
            *session.scalars(select(m.Task.uid)),
            *session.scalars(select(m.Metric.uid)),
        ]


def test_every_plan_task_and_metric_has_its_own_uid_in_the_export(seeded: Database) -> None:
    uids = _uids(seeded)
    assert len(uids) > 300 and all(UID.match(u) for u in uids)
    assert len(set(uids)) == len(uids)
    with seeded.reading() as session:
        doc = export_document(session)
        task = session.scalars(select(m.Task).order_by(m.Task.id)).first()
        assert task is not None
        plan_uid, task_uid = task.plan.uid, task.uid
    plan = next(p for p in doc["plans"] if p["uid"] == plan_uid)
    assert any(t["uid"] == task_uid for t in plan["tasks"])
    assert all(UID.match(x["uid"]) for p in doc["plans"] for x in p["metrics"])


def test_importing_an_export_twice_never_duplicates_a_uid(seeded: Database) -> None:
    """The first import into another ledger keeps the uids; a second copy gets new ones."""
    with seeded.reading() as session:
        plan = export_document(session)["plans"][0]
    text = json.dumps(plan, ensure_ascii=False)
    with seeded.unit_of_work() as session:
        again = import_plan(session, parse_plan(text))
        assert again.uid != plan["uid"] and UID.match(again.uid)
    uids = _uids(seeded)
    assert len(set(uids)) == len(uids)


def test_a_purged_tasks_id_and_uid_never_come_back(database: Database) -> None:
    with database.unit_of_work() as session:
        plan = m.Plan(title="交办事项")
        session.add(plan)
        session.flush()
        last = create_task(session, plan.id, TaskInput(title="最后一项"))
        last_id, last_uid, plan_id = last.id, last.uid, plan.id
    with database.unit_of_work() as session:
        delete_task(session, last_id)
    with database.unit_of_work() as session:
        purge_task(session, last_id)
    with database.unit_of_work() as session:
        new = create_task(session, plan_id, TaskInput(title="新交办事项"))
        assert new.id > last_id and new.uid != last_uid


def test_upgrading_an_older_ledger_keeps_every_row_and_gives_uids(db_path: Path) -> None:
    """The revision before 0005 → head on a seeded ledger: the tables are rebuilt with AUTOINCREMENT, no row lost."""
    database, _ = open_database(str(db_path))
    seed_builtin_plans(database)
    with database.reading() as session:
        before = {
            model: session.scalar(select(func.count()).select_from(model))
            for model in m.Base.__subclasses__()
        }
    config = alembic_config()
    with database.engine.begin() as connection:  # going down rebuilds nothing: keys may stay on
        config.attributes["connection"] = connection
        command.downgrade(config, BEFORE)
    database.dispose()
    raw = sqlite3.connect(db_path)
    assert "uid" not in {row[1] for row in raw.execute("PRAGMA table_info(task)")}
    raw.execute("PRAGMA foreign_keys=ON")
    raw.execute("DELETE FROM sqlite_sequence")  # as a ledger made before 0005: no AUTOINCREMENT yet
    for table in ("plan", "task", "metric"):
        raw.execute("PRAGMA writable_schema=ON")
        raw.execute(
            "UPDATE sqlite_master SET sql = replace(sql, 'AUTOINCREMENT', '') WHERE name = ?", (table,)
        )
        raw.execute("PRAGMA writable_schema=OFF")
    raw.commit()
    raw.close()
    result = upgrade_to_head(database)
    assert result.before == BEFORE and result.after == head_revision()
    with database.reading() as session:
        after = {
            model: session.scalar(select(func.count()).select_from(model))
            for model in m.Base.__subclasses__()
        }
    assert {k: v for k, v in after.items() if k is not m.AuditEntry} == {
        k: v for k, v in before.items() if k is not m.AuditEntry
    }
    uids = _uids(database)
    assert len(set(uids)) == len(uids) == before[m.Plan] + before[m.Task] + before[m.Metric]
    raw = sqlite3.connect(db_path)
    for table in ("plan", "task", "metric"):
        sql = raw.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        assert "AUTOINCREMENT" in sql
    assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    raw.close()
    database.dispose()
    migrate_engine(database.engine, "head")  # at head already: nothing to do, nothing breaks


def test_the_rebuild_is_refused_with_foreign_keys_on(db_path: Path) -> None:
    """Outside the program's own path (foreign keys on), 0005 stops before rebuilding a table
    whose drop would cascade-delete its children; nothing changes."""
    import pytest

    database, _ = open_database(str(db_path))
    seed_builtin_plans(database)
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, BEFORE)
    with database.reading() as session:
        tasks = session.scalar(select(func.count()).select_from(m.Task))
    with pytest.raises(RuntimeError, match="foreign_keys=OFF"), database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(m.Task)) == tasks == 157
    database.dispose()
    assert upgrade_to_head(database).after == head_revision()  # the program's path works
    database.dispose()
