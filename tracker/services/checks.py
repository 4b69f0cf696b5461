"""`tracker check`: what is wrong with a ledger, as findings a person can read."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from tracker.db.engine import Database


@dataclass(frozen=True)
class Finding:
    """One fault (or, with `fault=False`, a remark such as a document's own contradiction)."""

    area: str
    message: str
    fault: bool = True


def check_sqlite_integrity(database: Database) -> list[Finding]:
    findings: list[Finding] = []
    with database.engine.connect() as connection:
        rows = connection.execute(text("PRAGMA integrity_check")).scalars().all()
        if rows != ["ok"]:
            findings += [Finding("数据库完整性", str(row)) for row in rows[:50]]
        for row in connection.execute(text("PRAGMA foreign_key_check")).all()[:50]:
            findings.append(
                Finding("外键", f"表 {row[0]} 第 {row[1]} 行引用的 {row[2]} 不存在 (dangling foreign key)")
            )
    return findings


CHECKS = [check_sqlite_integrity]


def run_checks(database: Database) -> list[Finding]:
    findings: list[Finding] = []
    for check in CHECKS:
        if check is check_sqlite_integrity and not database.is_sqlite:
            continue
        findings.extend(check(database))
    return findings
