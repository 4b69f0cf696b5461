"""Is this database's schema the program's own? For restore (refuse) and `check` (report).

A backup is a file from outside: whoever made it chose its schema. A trigger or view it
carries would be restored with it and later rewrite or delete rows behind the program's
back, so a restored ledger must have exactly the tables, columns and indexes the
migrations build (Alembic's comparison against the ORM), the AUTOINCREMENT that keeps ids
unique, and no trigger or view at all (the program creates none on SQLite).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Boolean, Connection, Date, DateTime, Float, Integer, LargeBinary, String, Text, text

from tracker.db import models as m

# Tables whose ids must never be handed out twice (SQLite AUTOINCREMENT).
AUTOINCREMENT_TABLES = ("plan", "task", "metric")
# What the program itself creates on PostgreSQL (migration 0005), by trigger name.
OWN_PG_TRIGGERS = frozenset({"audit_append_only", "audit_no_truncate", "progress_update_recorded_by"})
# Backup members: `tables/NAME.jsonl`, NAME a table of the program's schema.
_TABLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def known_table(name: str) -> bool:
    """A table a backup may carry: one of the schema's, or Alembic's version table."""
    return bool(_TABLE_NAME.match(name)) and (name in m.Base.metadata.tables or name == "alembic_version")


def sqlite_foreign_objects(connection: Connection) -> list[str]:
    """Triggers and views in a SQLite file (the program makes none), as readable names."""
    rows = connection.execute(
        text("SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY name")
    ).all()
    words = {"trigger": "触发器", "view": "视图"}
    return [
        f"{words[kind]} {name}（表 {table}）" if kind == "trigger" else f"{words[kind]} {name}"
        for kind, name, table in rows
    ]


def _describe_diff(item: object) -> str:
    """One Alembic comparison entry in words: what differs, on which table/column/index."""
    if isinstance(item, list):  # column modifications come grouped
        return "；".join(_describe_diff(x) for x in item)
    if not isinstance(item, tuple) or not item:
        return str(item)
    kind = str(item[0])
    words = {
        "add_table": "缺少数据表",
        "remove_table": "多出数据表",
        "add_column": "缺少列",
        "remove_column": "多出列",
        "add_index": "缺少索引",
        "remove_index": "多出索引",
        "add_constraint": "缺少约束",
        "remove_constraint": "多出约束",
        "add_fk": "缺少外键",
        "remove_fk": "多出外键",
        "modify_type": "列类型不同",
        "modify_nullable": "列的可空性不同",
        "modify_default": "列默认值不同",
    }
    what = words.get(kind, kind)
    target = item[1] if len(item) > 1 else ""
    name = getattr(target, "name", None)
    if kind.startswith("modify_") and len(item) > 3:
        return f"{what}：{item[2]}.{item[3]}"
    if kind in ("add_column", "remove_column") and len(item) > 3:
        return f"{what}：{item[2]}.{getattr(item[3], 'name', item[3])}"
    table = getattr(getattr(target, "table", None), "name", None)
    return f"{what}：{(table + '.') if table else ''}{name or target}"


def sqlite_schema_faults(connection: Connection) -> list[str]:
    """How a SQLite ledger's schema differs from the program's; empty when it is the same.

    Reads only the schema (sqlite_master and pragmas): safe on a file from anywhere.
    """
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    faults = [f"含有本程序不会创建的{x}" for x in sqlite_foreign_objects(connection)]
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    faults += [_describe_diff(item) for item in compare_metadata(context, m.Base.metadata)]
    for table in AUTOINCREMENT_TABLES:
        sql = connection.execute(
            text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :n"), {"n": table}
        ).scalar()
        if sql is not None and "AUTOINCREMENT" not in str(sql).upper():
            faults.append(f"数据表 {table} 的编号不是自增不重用（缺少 AUTOINCREMENT）")
    return faults


def postgresql_foreign_objects(connection: Connection) -> list[str]:
    """Triggers and views in the ledger's schema that the program did not create."""
    triggers = connection.execute(
        text(
            "SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE NOT t.tgisinternal AND n.nspname = current_schema() ORDER BY t.tgname"
        )
    ).all()
    views = connection.execute(
        text(
            "SELECT viewname FROM pg_views WHERE schemaname = current_schema() "
            "UNION ALL SELECT matviewname FROM pg_matviews WHERE schemaname = current_schema() ORDER BY 1"
        )
    ).scalars()
    found = [f"触发器 {name}（表 {table}）" for name, table in triggers if name not in OWN_PG_TRIGGERS]
    return found + [f"视图 {name}" for name in views]


def _type_rule(column: Any) -> str | None:
    """A SQL condition true for a value this column's type cannot hold, or None (anything)."""
    kind = column.type
    name = f'"{column.name}"'
    if isinstance(kind, Boolean):
        return f"typeof({name}) <> 'integer' OR {name} NOT IN (0, 1)"
    if isinstance(kind, Integer):
        return f"typeof({name}) <> 'integer'"
    if isinstance(kind, Float):
        return f"typeof({name}) NOT IN ('integer', 'real') OR abs({name}) > 1.7976931348623157e308"
    if isinstance(kind, DateTime):
        return f"typeof({name}) <> 'text' OR datetime({name}) IS NULL"
    if isinstance(kind, Date):
        return f"typeof({name}) <> 'text' OR date({name}) IS NOT {name}"
    if isinstance(kind, LargeBinary):
        return f"typeof({name}) <> 'blob'"
    if isinstance(kind, String | Text):
        return f"typeof({name}) <> 'text'"
    return None


def sqlite_value_faults(connection: Connection) -> list[str]:
    """Values a SQLite file holds that its column's type cannot (SQLite stores anything
    anywhere): a date that is not a date, text in a number column. The program would fail
    reading them later, so a restore refuses them now and `check` names them."""
    faults: list[str] = []
    for table in m.Base.metadata.sorted_tables:
        for column in table.columns:
            rule = _type_rule(column)
            if rule is None:
                continue
            bad = connection.execute(
                text(f'SELECT COUNT(*) FROM "{table.name}" WHERE "{column.name}" IS NOT NULL AND ({rule})')
            ).scalar_one()
            if bad:
                faults.append(f"表 {table.name} 的 {column.name} 列有 {bad} 个值不是应有的类型")
    return faults
