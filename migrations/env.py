"""Alembic environment: runs in-process on the connection the program hands it.

`tracker.db.migrate` passes the connection in `config.attributes["connection"]`; batch
mode lets the same scripts alter tables on SQLite and stay plain DDL on PostgreSQL.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from tracker.db.models import Base

config = context.config
target_metadata = Base.metadata


def _configure(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.", poolclass=pool.NullPool
    )
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported")
run_migrations_online()
