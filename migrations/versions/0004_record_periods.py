"""records carry their reporting period: 销号 date and period, evidence's period

A 销号 gets the date the inspector gives (today by default) and the period it closes in;
evidence is filed under the period of the record it is attached to, whatever day the file
was added. Existing rows are back-filled: a 销号 closes on its day, in that day's quarter;
evidence attached to an update takes that update's period, other evidence the quarter of
the day it was added.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 07:30:00
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _quarter(value: object) -> str | None:
    """The quarter code (2023Q2) of a stored date or datetime; the driver may give text."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace(" ", "T")[:19])
    if not isinstance(value, date):
        return None
    return f"{value.year}Q{(value.month - 1) // 3 + 1}"


def _day(value: object) -> date | None:
    if value is None:
        return None
    if isinstance(value, str):
        return datetime.fromisoformat(value.replace(" ", "T")[:19]).date()
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def upgrade() -> None:
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.add_column(sa.Column("closed_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("closed_period", sa.String(length=10), nullable=True))
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.add_column(sa.Column("period", sa.String(length=10), nullable=True))

    bind = op.get_bind()
    task = sa.table(
        "task",
        sa.column("id", sa.Integer),
        sa.column("closed_at", sa.DateTime),
        sa.column("closed_on", sa.Date),
        sa.column("closed_period", sa.String),
    )
    for task_id, closed_at in bind.execute(
        sa.select(task.c.id, task.c.closed_at).where(task.c.closed_at.is_not(None))
    ).all():
        bind.execute(
            task.update()
            .where(task.c.id == task_id)
            .values(closed_on=_day(closed_at), closed_period=_quarter(closed_at))
        )
    evidence = sa.table(
        "evidence",
        sa.column("id", sa.Integer),
        sa.column("update_id", sa.Integer),
        sa.column("added_at", sa.DateTime),
        sa.column("period", sa.String),
    )
    update = sa.table("progress_update", sa.column("id", sa.Integer), sa.column("period", sa.String))
    rows = bind.execute(
        sa.select(evidence.c.id, evidence.c.added_at, update.c.period).select_from(
            evidence.outerjoin(update, update.c.id == evidence.c.update_id)
        )
    ).all()
    for evidence_id, added_at, update_period in rows:
        bind.execute(
            evidence.update()
            .where(evidence.c.id == evidence_id)
            .values(period=update_period or _quarter(added_at))
        )


def downgrade() -> None:
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_column("period")
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.drop_column("closed_period")
        batch_op.drop_column("closed_on")
