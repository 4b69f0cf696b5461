"""`tracker check`: what is wrong with a ledger, as findings a person can read.

Faults (exit 1): SQLite integrity (damaged pages) and foreign keys (on PostgreSQL, which
enforces its keys itself: id sequences behind the rows they number), a schema that is not
the program's own (a trigger or view it did not create, tables, columns or indexes that
differ, values not of their column's type), evidence content whose chunks no longer hash to
its SHA-256 or size, evidence records pointing at missing content. A check that cannot read
a damaged page becomes a finding; the others still run.
Remarks (exit 0): content no evidence uses any more, and the documents' own
contradictions: metrics of one plan sharing a `key` whose targets for a year differ.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, Integer, func, select, text
from sqlalchemy.exc import DBAPIError

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.views.conflicts import find_conflicts

BLOB = m.Blob.__table__
CHUNK = m.BlobChunk.__table__
EVIDENCE = m.Evidence.__table__


@dataclass(frozen=True)
class Finding:
    """One fault (or, with `fault=False`, a remark such as a document's own contradiction)."""

    area: str
    message: str
    fault: bool = True


def check_sqlite_integrity(connection: Connection) -> list[Finding]:
    findings: list[Finding] = []
    rows = connection.execute(text("PRAGMA integrity_check")).scalars().all()
    if rows != ["ok"]:
        findings += [Finding("数据库完整性", str(row)) for row in rows[:50]]
    for row in connection.execute(text("PRAGMA foreign_key_check")).all()[:50]:
        findings.append(
            Finding("外键", f"表 {row[0]} 第 {row[1]} 行引用的 {row[2]} 不存在 (dangling foreign key)")
        )
    return findings


def check_postgresql_sequences(connection: Connection) -> list[Finding]:
    """Each id sequence must be past the largest id in its table, or the next insert fails.

    A sequence falls behind when rows are copied in with their ids (a restore or a manual
    import) and the sequence is not moved on; PostgreSQL then refuses every new record.
    """
    findings: list[Finding] = []
    for table in m.Base.metadata.sorted_tables:
        for column in table.primary_key.columns:
            if not column.autoincrement or not isinstance(column.type, Integer):
                continue
            sequence = connection.execute(
                text("SELECT pg_get_serial_sequence(:table, :column)"),
                {"table": f'"{table.name}"', "column": column.name},
            ).scalar()
            if sequence is None:
                continue
            last, called = connection.execute(text(f"SELECT last_value, is_called FROM {sequence}")).one()
            following = last + 1 if called else last
            largest = connection.execute(select(func.max(column))).scalar()
            if largest is not None and following <= largest:
                findings.append(
                    Finding(
                        "编号序列",
                        f"表 {table.name} 的编号序列 {sequence} 落后于已有数据（下一个编号 {following}，"
                        f"已用到 {largest}），新增记录会失败。请让数据库管理员执行 "
                        f"SELECT setval('{sequence}', {largest}); (id sequence behind its table)",
                    )
                )
    return findings


def _evidence_names(connection: Connection, sha256: str) -> str:
    names = connection.execute(
        select(EVIDENCE.c.filename).where(EVIDENCE.c.sha256 == sha256).distinct()
    ).scalars()
    return "、".join(f"“{name}”" for name in names) or "（无佐证记录使用）"


def blob_faults(connection: Connection) -> list[Finding]:
    """Re-hash every stored evidence content chunk by chunk against its SHA-256 and size."""
    findings: list[Finding] = []
    blobs = connection.execute(select(BLOB.c.sha256, BLOB.c.size).order_by(BLOB.c.sha256)).all()
    for sha256, size in blobs:
        digest = hashlib.sha256()
        length = 0
        expected_seq = 0
        gap = False
        chunks = connection.execute(
            select(CHUNK.c.seq, CHUNK.c.data).where(CHUNK.c.sha256 == sha256).order_by(CHUNK.c.seq)
        )
        for seq, data in chunks:
            gap = gap or seq != expected_seq
            expected_seq = seq + 1
            data = data.encode("utf-8") if isinstance(data, str) else bytes(data)  # text: damaged
            digest.update(data)
            length += len(data)
        if gap or length != size or digest.hexdigest() != sha256:
            what = (
                "分块缺失"
                if gap
                else f"大小 {length} 字节（应为 {size}）"
                if length != size
                else "校验值不符"
            )
            findings.append(
                Finding(
                    "佐证材料",
                    f"佐证材料 {_evidence_names(connection, sha256)} 的内容已损坏：{what}"
                    f"（SHA-256 {sha256[:12]}…）。请从备份恢复。 (evidence content damaged)",
                )
            )
    return findings


def evidence_faults(connection: Connection) -> list[Finding]:
    """Evidence records whose content is missing; content no evidence record uses."""
    findings: list[Finding] = []
    missing = connection.execute(
        select(EVIDENCE.c.id, EVIDENCE.c.task_id, EVIDENCE.c.filename, EVIDENCE.c.sha256)
        .select_from(EVIDENCE.outerjoin(BLOB, BLOB.c.sha256 == EVIDENCE.c.sha256))
        .where(BLOB.c.sha256.is_(None))
        .order_by(EVIDENCE.c.id)
    ).all()
    for evidence_id, task_id, filename, sha256 in missing[:50]:
        findings.append(
            Finding(
                "佐证材料",
                f"佐证材料“{filename}”（编号 {evidence_id}，任务编号 {task_id}）的文件内容不存在"
                f"（SHA-256 {sha256[:12]}…）。 (evidence points at missing content)",
            )
        )
    orphans = connection.execute(
        select(BLOB.c.sha256, BLOB.c.size)
        .where(~select(EVIDENCE.c.id).where(EVIDENCE.c.sha256 == BLOB.c.sha256).exists())
        .order_by(BLOB.c.sha256)
    ).all()
    if orphans:
        total = sum(size for _sha, size in orphans)
        findings.append(
            Finding(
                "佐证材料",
                f"有 {len(orphans)} 份文件内容（共 {total} 字节）没有任何佐证记录使用；"
                "它们不影响使用，只占空间。 (orphan evidence content)",
                fault=False,
            )
        )
    return findings


def metric_conflicts(connection: Connection) -> list[Finding]:
    """同一指标两个目标: remarks, since both figures are what the document printed."""
    return [
        Finding(
            "文件自相矛盾",
            conflict.describe() + "这是文件本身的出入，不是数据错误。 (the document states two targets)",
            fault=False,
        )
        for conflict in find_conflicts(connection)
    ]


def check_sqlite_schema(connection: Connection) -> list[Finding]:
    """The schema is the program's own: no trigger or view it did not create, the tables,
    columns and indexes the migrations build, and values of their columns' types."""
    from tracker.services.schema_check import sqlite_schema_faults, sqlite_value_faults

    return [
        Finding("数据库结构", f"{fault}。请从备份恢复或联系维护人员。 (schema differs from the program's)")
        for fault in sqlite_schema_faults(connection) + sqlite_value_faults(connection)
    ]


def check_postgresql_objects(connection: Connection) -> list[Finding]:
    """Triggers and views on a team ledger that the program did not create."""
    from tracker.services.schema_check import postgresql_foreign_objects

    return [
        Finding("数据库结构", f"含有本程序不会创建的{name}，它可能改动或删除数据；请数据库管理员核查。")
        for name in postgresql_foreign_objects(connection)
    ]


CHECKS: list[tuple[Callable[[Connection], list[Finding]], str | None]] = [
    (check_sqlite_integrity, "sqlite"),  # (check, the one database it is for, or None: all)
    (check_sqlite_schema, "sqlite"),
    (check_postgresql_sequences, "postgresql"),
    (check_postgresql_objects, "postgresql"),
    (blob_faults, None),
    (evidence_faults, None),
    (metric_conflicts, None),
]


def run_checks(database: Database) -> list[Finding]:
    """Every check that applies to this database (SQLite's pragmas are skipped elsewhere)."""
    from tracker.services.value_checks import nonfinite_numbers, periods_out_of_range

    findings: list[Finding] = []
    dialect = database.engine.dialect.name
    value_checks = [(nonfinite_numbers, None), (periods_out_of_range, None)]
    for check, only_on in [*CHECKS, *value_checks]:
        if only_on is not None and only_on != dialect:
            continue
        try:
            with database.engine.connect() as connection:
                findings.extend(check(connection))
        except DBAPIError as exc:  # a damaged page stops this check, never the others
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
            findings.append(Finding("数据库完整性", f"页面损坏：{check.__name__} 无法读取台账（{reason}）"))
    return findings
