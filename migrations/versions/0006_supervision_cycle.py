"""督办 cycle: 交办来源 and 重点 on tasks, 延期, 催办单 as issued, 审核 of returned rows

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-30 07:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None


# Only columns are added to existing tables, never constraints, and without batch mode: on
# SQLite a rebuilt task table, dropped with foreign keys on, cascade-deletes its sub-tasks,
# updates and evidence. The allowed values are kept by the services (tasks, progress).


def upgrade() -> None:
    # Plain ALTER TABLE … ADD COLUMN, never batch mode: nothing is rebuilt.
    op.add_column("task", sa.Column("origin_kind", sa.String(length=12), nullable=True))
    op.add_column("task", sa.Column("origin_leader", sa.String(length=100), nullable=True))
    op.add_column("task", sa.Column("origin_text", sa.Text(), nullable=True))
    op.add_column("task", sa.Column("assigned_on", sa.Date(), nullable=True))
    op.add_column("task", sa.Column("is_key", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("progress_update", sa.Column("received_on", sa.Date(), nullable=True))
    op.add_column("progress_update", sa.Column("review_state", sa.String(length=10), nullable=True))
    op.add_column("progress_update", sa.Column("review_reason", sa.Text(), nullable=True))
    op.add_column("progress_update", sa.Column("reviewed_at", sa.DateTime(), nullable=True))
    op.create_table(
        "deadline_extension",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("original_deadline", sa.Date(), nullable=True),
        sa.Column("new_deadline", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("approver", sa.String(length=100), nullable=False),
        sa.Column("granted_on", sa.Date(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["task_id"], ["task.id"], name=op.f("fk_deadline_extension_task_id_task"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deadline_extension")),
    )
    with op.batch_alter_table("deadline_extension", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deadline_extension_task_id"), ["task_id"], unique=False)
    op.create_table(
        "reminder_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("reply_by", sa.Date(), nullable=False),
        sa.Column("replied_on", sa.Date(), nullable=True),
        sa.Column("reply_note", sa.String(length=200), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("level IN ('blue', 'yellow', 'red')", name=op.f("ck_reminder_notice_level")),
        sa.CheckConstraint("round >= 1", name=op.f("ck_reminder_notice_round")),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_reminder_notice_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_notice")),
        sa.UniqueConstraint("number", name=op.f("uq_reminder_notice_number")),
    )
    with op.batch_alter_table("reminder_notice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reminder_notice_period"), ["period"], unique=False)
        batch_op.create_index(batch_op.f("ix_reminder_notice_unit_id"), ["unit_id"], unique=False)
    op.create_table(
        "reminder_notice_item",
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.CheckConstraint("level IN ('blue', 'yellow', 'red')", name=op.f("ck_reminder_notice_item_level")),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["reminder_notice.id"],
            name=op.f("fk_reminder_notice_item_notice_id_reminder_notice"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["task.id"], name=op.f("fk_reminder_notice_item_task_id_task"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("notice_id", "task_id", name=op.f("pk_reminder_notice_item")),
    )
    with op.batch_alter_table("reminder_notice_item", schema=None) as batch_op:
        batch_op.create_index("ix_reminder_notice_item_task_id", ["task_id"], unique=False)


def downgrade() -> None:
    op.drop_table("reminder_notice_item")
    op.drop_table("reminder_notice")
    op.drop_table("deadline_extension")
    with op.batch_alter_table("progress_update", schema=None) as batch_op:
        batch_op.drop_column("reviewed_at")
        batch_op.drop_column("review_reason")
        batch_op.drop_column("review_state")
        batch_op.drop_column("received_on")
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.drop_column("is_key")
        batch_op.drop_column("assigned_on")
        batch_op.drop_column("origin_text")
        batch_op.drop_column("origin_leader")
        batch_op.drop_column("origin_kind")
