"""ids never reused: uid per plan/task/metric, AUTOINCREMENT on SQLite; officers; append-only 留痕

SQLite hands a freed rowid to the next row, so after 彻底删除 an old returned form could
write into an unrelated new task. Plans, tasks and metrics get a stable `uid` (carried in
forms and the JSON export) and, on SQLite, AUTOINCREMENT (a table rebuild, batch mode,
with foreign keys off: the program's own path; refused otherwise). Going down rebuilds
nothing.
Team mode: the `officer` table maps PostgreSQL roles to display names, and on PostgreSQL
a trigger keeps the audit table append-only for everyone but its owner and records the
connected role as the actor.

It follows 0006 (which landed first, after 0004): a ledger already at 0006 gets it too.

Revision ID: 0005
Revises: 0006
Create Date: 2026-11-30 07:20:00
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLES = ("plan", "task", "metric")

# Everyone but the owner of the audit table (and roles that are members of it) may only
# add to it; the actor of what they add is their role's display name, whatever they send.
PG_FUNCTIONS = """
CREATE OR REPLACE FUNCTION tracker_actor() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT COALESCE((SELECT display_name FROM officer WHERE role = current_user), current_user::text)
$$;

CREATE OR REPLACE FUNCTION tracker_audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  owner_role name;
BEGIN
  SELECT pg_get_userbyid(c.relowner) INTO owner_role FROM pg_class c WHERE c.oid = TG_RELID;
  IF pg_has_role(current_user, owner_role, 'MEMBER') THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    NEW.actor := tracker_actor();
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '留痕记录只能追加，不能修改或删除（数据库用户 %）', current_user
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE OR REPLACE FUNCTION tracker_recorded_by() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  owner_role name;
BEGIN
  SELECT pg_get_userbyid(c.relowner) INTO owner_role FROM pg_class c WHERE c.oid = TG_RELID;
  IF NOT pg_has_role(current_user, owner_role, 'MEMBER') THEN
    NEW.recorded_by := tracker_actor();
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_append_only BEFORE INSERT OR UPDATE OR DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION tracker_audit_guard();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION tracker_audit_guard();
CREATE TRIGGER progress_update_recorded_by BEFORE INSERT ON progress_update
  FOR EACH ROW EXECUTE FUNCTION tracker_recorded_by();
"""

PG_DROP = """
DROP TRIGGER IF EXISTS progress_update_recorded_by ON progress_update;
DROP TRIGGER IF EXISTS audit_no_truncate ON audit;
DROP TRIGGER IF EXISTS audit_append_only ON audit;
DROP FUNCTION IF EXISTS tracker_recorded_by();
DROP FUNCTION IF EXISTS tracker_audit_guard();
DROP FUNCTION IF EXISTS tracker_actor();
"""


def _fill_uids(table: str) -> None:
    bind = op.get_bind()
    ids = bind.execute(sa.text(f'SELECT id FROM "{table}"')).scalars().all()
    for start in range(0, len(ids), 500):
        bind.execute(
            sa.text(f'UPDATE "{table}" SET uid = :uid WHERE id = :id'),
            [{"id": row_id, "uid": uuid.uuid4().hex} for row_id in ids[start : start + 500]],
        )


def _refuse_cascading_rebuild() -> None:
    """A SQLite table rebuild drops the old table; with foreign keys on, that drop would
    cascade-delete every row pointing at it. The program migrates with them off
    (tracker.db.migrate.migrate_engine); anything else is stopped here, before any harm."""
    if op.get_bind().exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError("migration 0005 rebuilds tables: run it with PRAGMA foreign_keys=OFF (migrate_engine)")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        _refuse_cascading_rebuild()  # first: SQLite runs DDL outside the transaction
    for table in TABLES:
        # Added in place (no rebuild): NOT NULL with a placeholder, filled, then unique.
        op.add_column(table, sa.Column("uid", sa.String(length=32), nullable=False, server_default=""))
        _fill_uids(table)
        op.create_index(f"uq_{table}_uid", table, ["uid"], unique=True)
        if not sqlite:
            op.alter_column(table, "uid", server_default=None, existing_type=sa.String(length=32))
    if sqlite:
        # AUTOINCREMENT is part of the table's definition: SQLite needs the table rebuilt.
        for table in TABLES:
            with op.batch_alter_table(
                table, recreate="always", table_kwargs={"sqlite_autoincrement": True}
            ) as batch_op:
                batch_op.alter_column("uid", server_default=None, existing_type=sa.String(length=32))
    op.create_table(
        "officer",
        sa.Column("role", sa.String(length=63), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("role", name=op.f("pk_officer")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTIONS)


def downgrade() -> None:
    """Nothing is rebuilt going down (so foreign keys may stay on): the uid columns go with
    ALTER TABLE … DROP COLUMN; AUTOINCREMENT stays, which an older program reads as before."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_DROP)
    op.drop_table("officer")
    for table in reversed(TABLES):
        op.drop_index(f"uq_{table}_uid", table_name=table)
        op.drop_column(table, "uid")
