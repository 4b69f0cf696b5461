"""Recording progress (进展): status, percent, text, indicator actuals and evidence, at once.

One call is one transaction: if any evidence file is missing or too large, nothing of the
update is written. Closing a task (销号) is a separate, explicit act with a reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput
from tracker.lights import STATUS_LABELS
from tracker.numbers import require_finite
from tracker.periods import parse_period, period_containing, words
from tracker.services import audit, evidence

RECORDABLE_STATUSES = ("not_started", "in_progress", "done", "late", "ongoing")


@dataclass
class ProgressInput:
    """What an officer (or a unit's returned form) reports for one task and period."""

    period: str
    status: str
    progress: str = ""
    percent: int | None = None
    problems: str | None = None
    next_steps: str | None = None
    actuals: dict[int, float] = field(default_factory=dict)  # metric id → value
    evidence: list[Path] = field(default_factory=list)
    received_on: date | None = None  # 报送日期 of the unit's report; None: the day it is recorded


def live_task(session: Session, task_id: int) -> m.Task:
    task = session.get(m.Task, task_id)
    if task is None or task.deleted_at is not None:
        raise BadInput(f"任务（编号 {task_id}）不存在或已删除")
    return task


def _validate(task: m.Task, data: ProgressInput) -> None:
    parse_period(data.period)
    if data.status not in RECORDABLE_STATUSES:
        allowed = "、".join(STATUS_LABELS[s] for s in RECORDABLE_STATUSES)
        raise BadInput(f"状态“{data.status}”不能直接填报，可选：{allowed}（销号请用“销号”操作）")
    if data.percent is not None and not 0 <= data.percent <= 100:
        raise BadInput(f"完成百分比应在 0 到 100 之间，收到 {data.percent}")
    own = {metric.id for metric in task.metrics}
    names = {metric.id: metric.name for metric in task.metrics}
    for metric_id, value in data.actuals.items():
        require_finite(
            value, f"任务“{task.code} {task.title[:20]}”的指标“{names.get(metric_id, metric_id)}”实际值"
        )
    stray = sorted(set(data.actuals) - own)
    if stray:
        raise BadInput(f"指标（编号 {stray}）不属于任务“{task.code} {task.title[:20]}”")


def latest_update(session: Session, task_id: int) -> m.Update | None:
    return session.scalar(
        select(m.Update)
        .where(m.Update.task_id == task_id, m.counts_as_report())
        .order_by(m.Update.recorded_at.desc(), m.Update.id.desc())
        .limit(1)
    )


def record_actual(
    session: Session,
    metric: m.Metric,
    period: str,
    value: float,
    *,
    update: m.Update | None = None,
    actor: str | None = None,
    source: str = audit.SOURCE_HAND,
) -> m.Actual | None:
    """Set a metric's actual for a period (replacing an earlier one); None if unchanged."""
    period = parse_period(period).code
    require_finite(value, f"指标“{metric.name}”{period} 的实际值")
    actual = session.scalar(
        select(m.Actual).where(m.Actual.metric_id == metric.id, m.Actual.period == period)
    )
    before = actual.value if actual is not None else None
    if before == value:
        return None
    if actual is None:
        actual = m.Actual(metric_id=metric.id, period=period, value=value)
        session.add(actual)
    else:
        actual.value = value
        actual.recorded_at = m.utcnow()
    if update is not None:
        actual.update_id = update.id
    audit.record(
        session,
        action="update" if before is not None else "create",
        entity="actual",
        entity_id=metric.id,
        plan_id=metric.plan_id,
        task_id=metric.task_id,
        summary=f"指标“{metric.name}”{parse_period(period).label}实际值："
        f"{'—' if before is None else f'{before:g}'} → {value:g}",
        before={"value": before} if before is not None else None,
        after={"period": period, "value": value},
        actor=actor,
        source=source,
    )
    return actual


def record_update(
    session: Session,
    task_id: int,
    data: ProgressInput,
    *,
    actor: str | None = None,
    source: str = audit.SOURCE_HAND,
    progress: Callable[[int, int], None] | None = None,
    returned_for: str | None = None,
) -> m.Update:
    """Save one progress record with its actuals and evidence files, recorded in the history.

    `progress(done, total)` follows the evidence files' bytes as they are stored (see
    `evidence.store_file`); an exception it raises (a cancel) stops the work between
    chunks, and the caller's transaction rolls back the whole record.

    `returned_for` keeps a returned form's row as 退回 with that reason: in the record and
    the 留痕, but neither its status nor its actuals count as the unit's report.
    """
    task = live_task(session, task_id)
    _validate(task, data)
    # Stored as its code (2023Q2) however it was written (2023年第二季度): one period, one key.
    data = replace(data, period=parse_period(data.period).code)
    previous = latest_update(session, task.id)
    percent = 100 if data.status == "done" and data.percent is None else data.percent
    update = m.Update(
        task=task,
        period=data.period,
        status=data.status,
        percent=percent,
        progress=data.progress,
        problems=data.problems or None,
        next_steps=data.next_steps or None,
        source=source,
        recorded_by=audit.actor_of(session, actor),
        # A form's 收到日期 is given when it is imported; a record typed by hand has none unless the
        # officer gives one: back-filling a past quarter today must not make the unit late.
        received_on=data.received_on,
    )
    if returned_for is not None:
        if not returned_for.strip():
            raise BadInput("退回须填写理由")
        update.review_state = "returned"
        update.review_reason = returned_for.strip()
        update.reviewed_at = m.utcnow()
    elif source != audit.SOURCE_HAND:
        update.review_state = "accepted"
        update.reviewed_at = m.utcnow()
    session.add(update)
    session.flush()
    old_status = STATUS_LABELS[previous.status] if previous else "未填报"
    summary = f"记录 {parse_period(data.period).label} 进展：{old_status} → {STATUS_LABELS[data.status]}"
    if returned_for is not None:
        summary = f"退回 {parse_period(data.period).label} 填报（{STATUS_LABELS[data.status]}）：{update.review_reason}"
    audit.record(
        session,
        action="review" if returned_for is not None else "create",
        entity="update",
        entity_id=update.id,
        plan_id=task.plan_id,
        task_id=task.id,
        summary=summary,
        before={"status": previous.status, "percent": previous.percent} if previous else None,
        after={
            "period": data.period,
            "status": data.status,
            "percent": percent,
            "progress": data.progress,
            "problems": data.problems,
            "next_steps": data.next_steps,
        },
        actor=actor,
        source=source,
    )
    if returned_for is not None:
        return update  # a returned row's actuals and files wait for the unit's corrected report
    metrics = {metric.id: metric for metric in task.metrics}
    for metric_id, value in data.actuals.items():
        record_actual(
            session, metrics[metric_id], data.period, value, update=update, actor=actor, source=source
        )
    paths = [Path(path) for path in data.evidence]
    sizes = [_size(path) for path in paths]
    total = 2 * sum(sizes)  # each file is read twice: hashed, then stored
    offset = 0
    for path, size in zip(paths, sizes, strict=True):
        follow = _shifted(progress, offset, total) if progress is not None else None
        evidence.attach(session, task, path, update=update, actor=actor, source=source, progress=follow)
        offset += 2 * size
    return update


def _shifted(progress: Callable[[int, int], None], base: int, total: int) -> Callable[[int, int], None]:
    """One file's progress as part of the whole record's."""
    return lambda done, _file_total: progress(base + done, total)


def _size(path: Path) -> int:
    """A file's size for the progress total; 0 when unreadable (`store_file` says why)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def withdraw_update(
    session: Session,
    update_id: int,
    previous_actuals: dict[int, float | None],
    *,
    actor: str | None = None,
) -> None:
    """Take back one progress record: the record goes, its evidence is removed (content kept),
    and the actuals it set return to `previous_actuals` (metric id → value, None: none).

    Used to undo a 记录进展; the history keeps the record's content in the entry it writes.
    """
    update = session.get(m.Update, update_id)
    if update is None:
        raise BadInput(f"进展记录（编号 {update_id}）不存在，可能已被删除")
    task = update.task
    label = parse_period(update.period).label
    for item in session.scalars(
        select(m.Evidence).where(m.Evidence.update_id == update.id, m.Evidence.removed_at.is_(None))
    ):
        evidence.remove(session, item.id, actor=actor)
    for item in session.scalars(select(m.Evidence).where(m.Evidence.update_id == update.id)):
        item.update_id = None
    metrics = {metric.id: metric for metric in task.metrics}
    for metric_id, value in previous_actuals.items():
        metric = metrics.get(metric_id)
        actual = session.scalar(
            select(m.Actual).where(m.Actual.metric_id == metric_id, m.Actual.period == update.period)
        )
        if metric is None or actual is None:
            continue
        if value is None:
            session.delete(actual)
            audit.record(
                session,
                action="delete",
                entity="actual",
                entity_id=metric.id,
                plan_id=metric.plan_id,
                task_id=metric.task_id,
                summary=f"指标“{metric.name}”{label}实际值：{actual.value:g} → —",
                before={"period": update.period, "value": actual.value},
                actor=actor,
            )
        else:
            record_actual(session, metric, update.period, value, actor=actor)
    before: dict[str, object] = {
        "period": update.period,
        "status": update.status,
        "percent": update.percent,
        "progress": update.progress,
        "problems": update.problems,
        "next_steps": update.next_steps,
    }
    session.execute(sql_update(m.Actual).where(m.Actual.update_id == update.id).values(update_id=None))
    session.delete(update)
    session.flush()
    audit.record(
        session,
        action="delete",
        entity="update",
        entity_id=update_id,
        plan_id=task.plan_id,
        task_id=task.id,
        summary=f"删除{label}进展记录（{STATUS_LABELS[update.status]}）",
        before=before,
        actor=actor,
    )


def close_task(
    session: Session,
    task_id: int,
    reason: str,
    *,
    on: date | None = None,
    period: str | None = None,
    actor: str | None = None,
) -> m.Task:
    """销号: the inspector closes a task, with a written reason, a date and the period it closes in.

    The date defaults to today and the period to the quarter of that date; a task closed on
    10 July while back-filling 2023Q2 is given period 2023Q2, so it is closed in the Q2 总览
    and open in Q1's (tracker.views.status.closed_as_of).
    """
    task = live_task(session, task_id)
    if not reason.strip():
        raise BadInput("销号须填写理由")
    if task.closed_at is not None:
        raise BadInput(f"任务“{task.code} {task.title[:20]}”已销号")
    day = on or date.today()
    if day > date.today():
        raise BadInput(f"销号日期 {day.isoformat()} 晚于今天，请填写实际销号的日期")
    closes_in = parse_period(period) if period else period_containing(day)
    if day < closes_in.start:
        raise BadInput(
            f"销号日期 {day.isoformat()} 早于所选报告期（{closes_in.label}，自 {closes_in.start.isoformat()} 起）"
        )
    task.closed_at = m.utcnow()
    task.closed_reason = reason.strip()
    task.closed_on = day
    task.closed_period = closes_in.code
    audit.record(
        session,
        action="close",
        entity="task",
        entity_id=task.id,
        plan_id=task.plan_id,
        task_id=task.id,
        summary=f"销号（{closes_in.label}，{words(day)}）：{task.closed_reason}",
        after={
            "closed_reason": task.closed_reason,
            "closed_on": day.isoformat(),
            "closed_period": closes_in.code,
        },
        actor=actor,
    )
    return task


def reopen_task(session: Session, task_id: int, reason: str = "", *, actor: str | None = None) -> m.Task:
    """Undo a 销号; the earlier closing stays in the history."""
    task = live_task(session, task_id)
    if task.closed_at is None:
        raise BadInput(f"任务“{task.code} {task.title[:20]}”未销号")
    before = {
        "closed_at": task.closed_at.isoformat(),
        "closed_reason": task.closed_reason,
        "closed_on": task.closed_on.isoformat() if task.closed_on else None,
        "closed_period": task.closed_period,
    }
    task.closed_at = None
    task.closed_reason = None
    task.closed_on = None
    task.closed_period = None
    audit.record(
        session,
        action="reopen",
        entity="task",
        entity_id=task.id,
        plan_id=task.plan_id,
        task_id=task.id,
        summary="撤销销号" + (f"：{reason.strip()}" if reason.strip() else ""),
        before=before,
        actor=actor,
    )
    return task
