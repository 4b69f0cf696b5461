"""留痕 (audit trail): one record per change, written in the change's own transaction."""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from tracker.db.models import AuditEntry, utcnow

SOURCE_HAND = "手工录入"
SOURCE_IMPORT = "导入"
SOURCE_SEED = "内置方案"

_REVERSAL: ContextVar[str | None] = ContextVar("audit_reversal", default=None)


@contextmanager
def reversing(words: str) -> Iterator[None]:
    """Every entry recorded inside says it undoes or redoes an earlier change.

    `words` is e.g. “撤销“记录进展”” — the entry then reads “撤销“记录进展”：删除…”, so the
    留痕 shows both the change and its undoing, each in its own entry.
    """
    token = _REVERSAL.set(words)
    try:
        yield
    finally:
        _REVERSAL.reset(token)


def default_actor() -> str:
    """The OS user, used when the officer has not set a name in the settings."""
    try:
        return getpass.getuser()
    except Exception:  # getuser can fail on odd Windows setups: never block a save on it
        return "未知用户"


def actor_of(session: Session, actor: str | None = None) -> str:
    """Who is making this change.

    On a team (PostgreSQL) ledger an officer is the database's `current_user`, shown by
    the name the administrator gave the role in `officer`: the connected role is the one
    identity an officer cannot simply claim (an environment variable can say anything), and
    the server's trigger enforces it. The owner role (the administrator, or the one shared
    role of an office that has not set up officers) may rewrite anything anyway: its changes
    carry its `officer` name if it has one, else `actor`, else the OS user, as on SQLite.
    """
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        return actor or default_actor()
    known = session.info.get("tracker_actor")
    if known is None:
        row = session.execute(
            text(
                "SELECT (SELECT display_name FROM officer WHERE role = current_user), current_user, "
                "pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'audit'::regclass), "
                "'MEMBER')"
            )
        ).one()
        known = session.info["tracker_actor"] = (row[0], str(row[1]), bool(row[2]))
    display, role, owner = known
    if display:
        return str(display)
    return (actor or default_actor()) if owner else role


def _dump(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def record(
    session: Session,
    *,
    action: str,
    entity: str,
    summary: str,
    entity_id: int | None = None,
    plan_id: int | None = None,
    task_id: int | None = None,
    before: Any = None,
    after: Any = None,
    actor: str | None = None,
    source: str = SOURCE_HAND,
) -> AuditEntry:
    reversal = _REVERSAL.get()
    if reversal:
        summary = f"{reversal}：{summary}"
    entry = AuditEntry(
        at=utcnow(),
        actor=actor_of(session, actor),
        source=source,
        action=action,
        entity=entity,
        entity_id=entity_id,
        plan_id=plan_id,
        task_id=task_id,
        summary=summary,
        before=_dump(before),
        after=_dump(after),
    )
    session.add(entry)
    return entry
