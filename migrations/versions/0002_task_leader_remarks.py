"""task: 责任领导 (leader) and 备注 (remarks), the optional columns of the 台账

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 12:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.add_column(sa.Column("leader", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("remarks", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.drop_column("remarks")
        batch_op.drop_column("leader")
