"""留痕 for the whole ledger: every recorded change, newest first, with its task named."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from tracker.db import models as m

ACTION_LABELS = {
    "create": "新增",
    "update": "修改",
    "delete": "删除",
    "purge": "彻底删除",
    "restore": "恢复",
    "close": "销号",
    "reopen": "撤销销号",
    "move": "移动",
    "merge": "合并",
    "rename": "更名",
    "extend": "延期",
    "unextend": "撤销延期",
    "remind": "催办",
    "reply": "催办回复",
    "review": "审核",
    "assign": "交办",
}
ENTITY_LABELS = {
    "plan": "方案",
    "task": "任务",
    "unit": "单位",
    "update": "进展",
    "actual": "指标实际值",
    "metric": "指标",
    "evidence": "佐证材料",
    "notice": "催办单",
}


@dataclass(frozen=True)
class HistoryRow:
    id: int
    at: datetime
    actor: str
    source: str
    action: str
    entity: str
    plan: str
    task: str
    summary: str
    before: str | None
    after: str | None

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def entity_label(self) -> str:
        return ENTITY_LABELS.get(self.entity, self.entity)

    def matches(self, text: str) -> bool:
        """Instant filter: any of who, where from, plan, task, or what was changed."""
        return any(text in field for field in (self.actor, self.source, self.plan, self.task, self.summary))


def load_history(session: Session, limit: int | None = None) -> list[HistoryRow]:
    """The audit trail, newest first (read-only: the program never edits it)."""
    plan = aliased(m.Plan)
    task = aliased(m.Task)
    query = (
        select(
            m.AuditEntry,
            plan.short_title,
            plan.title,
            task.code,
            task.title,
        )
        .outerjoin(plan, plan.id == m.AuditEntry.plan_id)
        .outerjoin(task, task.id == m.AuditEntry.task_id)
        .order_by(m.AuditEntry.at.desc(), m.AuditEntry.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    rows = []
    for entry, short_title, plan_title, code, task_title in session.execute(query):
        rows.append(
            HistoryRow(
                entry.id,
                entry.at,
                entry.actor,
                entry.source,
                entry.action,
                entry.entity,
                short_title or plan_title or "",
                f"{code} {task_title}" if code else "",
                entry.summary,
                entry.before,
                entry.after,
            )
        )
    return rows


def history_document(session: Session) -> list[dict[str, object]]:
    """The trail as the JSON export's `history` (oldest first, before/after as recorded)."""
    return [
        {
            "at": row.at.isoformat() + "Z",
            "actor": row.actor,
            "source": row.source,
            "action": row.action,
            "entity": row.entity,
            "plan": row.plan or None,
            "task": row.task or None,
            "summary": row.summary,
            "before": row.before,
            "after": row.after,
        }
        for row in reversed(load_history(session))
    ]
