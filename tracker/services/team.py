"""团队成员 (officers) of a team ledger: each connects as their own PostgreSQL role.

The administrator (the role that owns the ledger's tables) creates a login role per
officer on the server, then `add_officer` grants it what an officer needs and records the
name shown for it: read and write the ledger, add to the 留痕 table but never change or
delete it (no UPDATE/DELETE/TRUNCATE privilege, and the trigger of migration 0005 refuses
it even if someone grants them later), read `officer` but not change it. The name an
officer's changes carry is then the server's `current_user`, never what a PC reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select, text

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.errors import BadInput, LedgerError

ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
# Tables an officer may only read (the administrator keeps them).
READ_ONLY = ("officer", "alembic_version")
APPEND_ONLY = ("audit",)


@dataclass(frozen=True)
class Officer:
    role: str
    display_name: str


def officer_grants(role: str, database_name: str) -> list[str]:
    """The SQL that makes `role` an officer of this ledger (docs/team-mode.md shows it)."""
    if not ROLE_NAME.match(role):
        raise BadInput(f"数据库用户名“{role}”不合规：只用小写字母、数字和下划线，以字母开头 (bad role name)")
    quoted_db = '"' + database_name.replace('"', '""') + '"'
    return [
        f"GRANT CONNECT ON DATABASE {quoted_db} TO {role}",
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {', '.join(APPEND_ONLY)} FROM {role}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {', '.join(READ_ONLY)} FROM {role}",
    ]


def _require_owner(connection: Connection) -> None:
    owner = connection.execute(
        text(
            "SELECT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'audit'::regclass), "
            "'MEMBER')"
        )
    ).scalar_one()
    if not owner:
        raise LedgerError("只有台账的管理员（拥有台账数据表的数据库用户）才能添加团队成员 (not the owner)")


def add_officer(database: Database, role: str, display_name: str) -> Officer:
    """Grant an existing login role an officer's rights on this ledger and name it."""
    if database.engine.dialect.name != "postgresql":
        raise BadInput("团队成员只用于团队台账（PostgreSQL 服务器上的台账）；单机台账不需要 (team mode only)")
    display_name = display_name.strip()
    if not display_name or len(display_name) > 100:
        raise BadInput("请给团队成员一个 1–100 字的显示名（如 张三）")
    with database.engine.begin() as connection:
        _require_owner(connection)
        exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first()
        if exists is None:
            raise BadInput(
                f"服务器上没有数据库用户“{role}”：请先以 postgres 身份执行 "
                f"CREATE ROLE {role} LOGIN PASSWORD '……'; 再添加 (no such role)"
            )
        for statement in officer_grants(role, str(connection.engine.url.database)):
            connection.execute(text(statement))
        connection.execute(delete(m.Officer).where(m.Officer.role == role))
        connection.execute(
            insert(m.Officer).values(role=role, display_name=display_name, created_at=m.utcnow())
        )
    return Officer(role, display_name)


def list_officers(database: Database) -> list[Officer]:
    with database.reading() as session:
        rows = session.execute(select(m.Officer.role, m.Officer.display_name).order_by(m.Officer.role)).all()
    return [Officer(role, name) for role, name in rows]
