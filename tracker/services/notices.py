"""催办单 as issued: numbered, recorded with round and level, closed by the unit's reply.

`plan_notices` decides round and level for the reminders of a period (rule in
`tracker/rules/escalation.py`) without writing; `record_notices` keeps them, so the next
notice to the same unit about the same items is the next round. A form returned by the unit
(or a reply marked by hand) closes its open notices.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput
from tracker.periods import Period, parse_period
from tracker.rules.escalation import EarlierNotice, Escalation, EscalationRules, Level, escalate
from tracker.services import audit
from tracker.services.settings import get_setting, set_setting

if TYPE_CHECKING:
    from tracker.reports.reminders import Reminder

STEPS_UNANSWERED = "escalation_steps_unanswered"
STEPS_ANSWERED = "escalation_steps_answered"
_QUARTER_WORDS = "一二三四"


@dataclass(frozen=True)
class PlannedNotice:
    """One unit's notice before it is issued: who, which items, at which round and level."""

    unit: str
    unit_id: int
    period: Period
    task_ids: tuple[int, ...]
    item_levels: tuple[Level, ...]
    escalation: Escalation
    number: str

    @property
    def level(self) -> Level:
        return self.escalation.level

    @property
    def round(self) -> int:
        return self.escalation.round


@dataclass(frozen=True)
class TaskNotices:
    """催办次数 and the last notice of one task, as the 台账 and the detail show them."""

    count: int
    last_number: str
    last_issued_on: date
    last_level: Level
    open: bool  # the last notice is still waiting for a reply


def load_escalation_rules(session: Session) -> EscalationRules:
    default = EscalationRules()
    return EscalationRules(
        steps_if_unanswered=int(get_setting(session, STEPS_UNANSWERED, default.steps_if_unanswered)),
        steps_if_answered=int(get_setting(session, STEPS_ANSWERED, default.steps_if_answered)),
    )


def save_escalation_rules(session: Session, rules: EscalationRules) -> None:
    for value in (rules.steps_if_unanswered, rules.steps_if_answered):
        if not 0 <= value <= 2:
            raise BadInput("催办升级级数应为 0、1 或 2")
    set_setting(session, STEPS_UNANSWERED, rules.steps_if_unanswered)
    set_setting(session, STEPS_ANSWERED, rules.steps_if_answered)


def period_words(period: Period) -> str:
    """The period inside a notice number: 第2季度, 上半年, 5月, 年度."""
    kind = period.kind
    if kind == "quarter":
        return f"第{period.code[-1]}季度"
    if kind == "half":
        return "上半年" if period.code.endswith("1") else "下半年"
    if kind == "month":
        return f"{period.start.month}月"
    return "年度"


def notice_number(period: Period, sequence: int) -> str:
    """Office style: 〔2023〕第2季度-001."""
    return f"〔{period.year}〕{period_words(period)}-{sequence:03d}"


def _earlier(session: Session, unit_id: int) -> list[EarlierNotice]:
    notices = session.scalars(select(m.ReminderNotice).where(m.ReminderNotice.unit_id == unit_id)).all()
    return [
        EarlierNotice(
            level=Level.of(n.level),
            round=n.round,
            issued_on=n.issued_on,
            reply_by=n.reply_by,
            replied_on=n.replied_on,
            task_ids=frozenset(item.task_id for item in n.items),
        )
        for n in notices
    ]


def _unit_id(session: Session, name: str) -> int:
    unit_id = session.scalar(select(m.Unit.id).where(m.Unit.name == name))
    if unit_id is None:
        raise BadInput(f"单位“{name}”不在台账中")
    return unit_id


def plan_notices(
    session: Session,
    reminders: Sequence[Reminder],
    today: date,
    rules: EscalationRules | None = None,
) -> list[PlannedNotice]:
    """Round, level and number of each unit's reminder; nothing is written."""
    rules = rules or load_escalation_rules(session)
    planned: list[PlannedNotice] = []
    next_sequence: dict[str, int] = {}
    for reminder in reminders:
        unit, period, items = reminder.unit, reminder.period, reminder.items
        unit_id = _unit_id(session, unit)
        task_ids = tuple(item.task_id for item in items)
        levels = tuple(item.level for item in items)
        escalation = escalate(levels, task_ids, _earlier(session, unit_id), today, rules)
        if period.code not in next_sequence:
            issued = session.scalar(
                select(func.count())
                .select_from(m.ReminderNotice)
                .where(m.ReminderNotice.period == period.code)
            )
            next_sequence[period.code] = int(issued or 0) + 1
        sequence = next_sequence[period.code]
        next_sequence[period.code] += 1
        planned.append(
            PlannedNotice(
                unit, unit_id, period, task_ids, levels, escalation, notice_number(period, sequence)
            )
        )
    return planned


def record_notices(
    session: Session,
    planned: Iterable[PlannedNotice],
    issued_on: date,
    reply_by: date,
    *,
    actor: str | None = None,
) -> list[m.ReminderNotice]:
    """Keep the notices as issued, in the caller's transaction, each in the 留痕."""
    if reply_by < issued_on:
        raise BadInput(f"回复期限 {reply_by.isoformat()} 早于催办单日期 {issued_on.isoformat()}")
    rows = []
    for notice in planned:
        if session.scalar(select(m.ReminderNotice.id).where(m.ReminderNotice.number == notice.number)):
            raise BadInput(f"催办单编号 {notice.number} 已用过，请重新生成")
        row = m.ReminderNotice(
            number=notice.number,
            unit_id=notice.unit_id,
            period=notice.period.code,
            level=notice.level.code,
            round=notice.round,
            issued_on=issued_on,
            reply_by=reply_by,
        )
        row.items = [
            m.ReminderNoticeItem(task_id=task_id, position=i, level=level.code)
            for i, (task_id, level) in enumerate(zip(notice.task_ids, notice.item_levels, strict=True))
        ]
        session.add(row)
        session.flush()
        audit.record(
            session,
            action="remind",
            entity="notice",
            entity_id=row.id,
            summary=(
                f"向{notice.unit}发出{notice.level.words}（第{notice.round}次催办，编号{notice.number}，"
                f"{len(notice.task_ids)}项，{reply_by.isoformat()}前回复）：{notice.escalation.reason}"
            ),
            after={
                "number": notice.number,
                "unit": notice.unit,
                "period": notice.period.code,
                "level": notice.level.code,
                "round": notice.round,
                "tasks": list(notice.task_ids),
                "issued_on": issued_on.isoformat(),
                "reply_by": reply_by.isoformat(),
            },
            actor=actor,
        )
        rows.append(row)
    return rows


def mark_replied(
    session: Session,
    notice_id: int,
    day: date,
    note: str = "",
    *,
    actor: str | None = None,
    source: str = audit.SOURCE_HAND,
) -> m.ReminderNotice:
    """A reply received closes the notice's round."""
    row = session.get(m.ReminderNotice, notice_id)
    if row is None:
        raise BadInput(f"催办单（编号 {notice_id}）不存在")
    if row.replied_on is not None:
        raise BadInput(f"催办单 {row.number} 已于 {row.replied_on.isoformat()} 回复")
    if day < row.issued_on:
        raise BadInput(f"回复日期 {day.isoformat()} 早于催办单日期 {row.issued_on.isoformat()}")
    row.replied_on = day
    row.reply_note = note.strip()[:200] or None
    audit.record(
        session,
        action="reply",
        entity="notice",
        entity_id=row.id,
        summary=f"{row.unit.name}回复催办单 {row.number}（{day.isoformat()}）"
        + (f"：{row.reply_note}" if row.reply_note else ""),
        after={"number": row.number, "replied_on": day.isoformat(), "note": row.reply_note},
        actor=actor,
        source=source,
    )
    return row


def close_open_notices(
    session: Session,
    unit_id: int,
    day: date,
    note: str,
    *,
    actor: str | None = None,
    source: str = audit.SOURCE_HAND,
    period: str | None = None,
) -> list[m.ReminderNotice]:
    """A unit's returned form answers its notices about the form's period still waiting for a reply."""
    query = (
        select(m.ReminderNotice)
        .where(m.ReminderNotice.unit_id == unit_id, m.ReminderNotice.replied_on.is_(None))
        .where(m.ReminderNotice.issued_on <= day)
        .order_by(m.ReminderNotice.id)
    )
    if period is not None:
        query = query.where(m.ReminderNotice.period == period)
    open_rows = session.scalars(query).all()
    return [mark_replied(session, row.id, day, note, actor=actor, source=source) for row in open_rows]


def task_notices(
    session: Session, task_ids: Iterable[int] | None = None, notice_ids: Select[Any] | None = None
) -> dict[int, TaskNotices]:
    """催办次数 and the last notice per task, in one query (of the notices `notice_ids` selects)."""
    query = (
        select(
            m.ReminderNoticeItem.task_id,
            m.ReminderNotice.number,
            m.ReminderNotice.issued_on,
            m.ReminderNotice.level,
            m.ReminderNotice.replied_on,
        )
        .join(m.ReminderNotice, m.ReminderNotice.id == m.ReminderNoticeItem.notice_id)
        .order_by(m.ReminderNotice.issued_on, m.ReminderNotice.id)
    )
    if task_ids is not None:
        query = query.where(m.ReminderNoticeItem.task_id.in_(list(task_ids)))
    if notice_ids is not None:
        query = query.where(m.ReminderNotice.id.in_(notice_ids))
    out: dict[int, TaskNotices] = {}
    for task_id, number, issued_on, level, replied_on in session.execute(query):
        count = out[task_id].count + 1 if task_id in out else 1
        out[task_id] = TaskNotices(count, number, issued_on, Level.of(level), replied_on is None)
    return out


@dataclass(frozen=True)
class NoticeView:
    id: int
    number: str
    unit: str
    period: Period
    level: Level
    round: int
    issued_on: date
    reply_by: date
    replied_on: date | None
    reply_note: str | None
    tasks: int

    def overdue(self, today: date) -> bool:
        return self.replied_on is None and today > self.reply_by


def list_notices(session: Session, period: str | None = None, unit: str | None = None) -> list[NoticeView]:
    """Notices issued, newest first (optionally of one period or unit)."""
    query = select(m.ReminderNotice).order_by(m.ReminderNotice.issued_on.desc(), m.ReminderNotice.id.desc())
    if period is not None:
        query = query.where(m.ReminderNotice.period == period)
    if unit is not None:
        query = query.where(m.ReminderNotice.unit_id == _unit_id(session, unit))
    return [
        NoticeView(
            n.id,
            n.number,
            n.unit.name,
            parse_period(n.period),
            Level.of(n.level),
            n.round,
            n.issued_on,
            n.reply_by,
            n.replied_on,
            n.reply_note,
            len(n.items),
        )
        for n in session.scalars(query)
    ]


def notices_document(session: Session, plan_ids: list[int] | None = None) -> list[dict[str, object]]:
    """The JSON export's top-level "reminders": each 催办单 issued, its items named by task uid.

    With `plan_ids`, only notices about tasks of those plans, and only those tasks.
    """
    rows = session.execute(
        select(m.ReminderNotice, m.Task.uid, m.Task.plan_id)
        .join(m.ReminderNoticeItem, m.ReminderNoticeItem.notice_id == m.ReminderNotice.id)
        .join(m.Task, m.Task.id == m.ReminderNoticeItem.task_id)
        .order_by(m.ReminderNotice.issued_on, m.ReminderNotice.id, m.ReminderNoticeItem.position)
    ).all()
    out: dict[int, dict[str, object]] = {}
    for notice, uid, plan_id in rows:
        if plan_ids is not None and plan_id not in plan_ids:
            continue
        doc = out.get(notice.id)
        if doc is None:
            doc = out[notice.id] = {
                "number": notice.number,
                "unit": notice.unit.name,
                "period": notice.period,
                "level": notice.level,
                "round": notice.round,
                "issued_on": notice.issued_on.isoformat(),
                "reply_by": notice.reply_by.isoformat(),
                "tasks": [],
                "closed_on": notice.replied_on.isoformat() if notice.replied_on else None,
            }
        tasks = doc["tasks"]
        assert isinstance(tasks, list)
        tasks.append(uid)
    return list(out.values())
