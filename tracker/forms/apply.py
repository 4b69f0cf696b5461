"""Turn a read form into a diff against the ledger, and apply the accepted rows.

The diff compares with the latest update of the form's period, so importing the same
form twice changes nothing the second time. Applying runs through `record_update` with
source “<unit>填报表”, so the history names the form.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput
from tracker.forms.export import actual_of_period, find_unit, latest_of_period
from tracker.forms.layout import metric_row_title, title_fingerprint
from tracker.forms.read import FormData, FormProblems, Problem
from tracker.lights import STATUS_LABELS, Light, TaskFacts, judge
from tracker.periods import parse_period
from tracker.rules.review import review_flags
from tracker.services.notices import close_open_notices
from tracker.services.progress import ProgressInput, record_actual, record_update
from tracker.services.settings import LEDGER_ID, get_setting

EVIDENCE_PREFIX = "佐证材料："


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


@dataclass
class RowChange:
    task_id: int
    row: int
    code: str
    title: str
    changes: list[FieldChange]
    update: ProgressInput | None  # None when only indicator actuals change
    actuals: dict[int, float] = field(default_factory=dict)  # changed actuals by metric id
    flags: list[str] = field(default_factory=list)  # why 审核 should send the row back (退回)

    @property
    def summary(self) -> str:
        return "；".join(f"{c.label}：{c.before or '（空）'} → {c.after or '（空）'}" for c in self.changes)


@dataclass
class FormDiff:
    unit: str
    period: str
    source: str
    changes: list[RowChange]
    unchanged: int  # rows filled in that match the ledger already
    blank: int  # task rows left blank

    @property
    def is_empty(self) -> bool:
        return not self.changes


def form_source(unit: str) -> str:
    return f"{unit}填报表"


def check_origin(
    session: Session, data: FormData, *, unit: str | None = None, period: str | None = None
) -> None:
    """Refuse a form from another ledger, or for another unit or period than expected."""
    name = data.path.name
    ledger_id = str(get_setting(session, LEDGER_ID) or "")
    if data.ledger_id != ledger_id:
        raise BadInput(
            f"{name} 是另一个台账导出的填报表（台账标识 {data.ledger_id[:8]}…，本台账 {ledger_id[:8]}…），"
            "不能导入本台账 (form from another ledger)"
        )
    if unit is not None and find_unit(session, unit).name != find_unit(session, data.unit).name:
        raise BadInput(f"{name} 是“{data.unit}”的填报表，不是“{unit}”的 (form for another unit)")
    if period is not None and parse_period(period) != data.period:  # 2023年第二季度 or 2023Q2
        raise BadInput(
            f"{name} 是 {data.period.label}（{data.period.code}）的填报表，不是 {period} 的 (form for another period)"
        )
    find_unit(session, data.unit)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _same(identity: tuple[str, str] | str | None, uid: str, title: str, printed: str) -> bool:
    """The row is about this task (indicator): its 校验码 names the same uid and title, or
    (a form without 校验码) its title cell reads as the title did when it was exported."""
    if isinstance(identity, tuple):
        return identity == (uid, title_fingerprint(title))
    if isinstance(identity, str):
        return "".join(identity.split()) == "".join(printed.split())
    return False


def _not_the_same(row_id: str, title: str) -> str:
    return (
        f"这一行与台账中编号 {row_id} 的“{title[:20]}”不是同一项（校验码或名称不符：该项可能已被"
        "彻底删除，编号另有他用，或名称在导出后改过），未导入；请重新导出填报表后填写"
    )


def compute_diff(session: Session, data: FormData) -> FormDiff:
    """What applying the form would change, row by row; nothing is written."""
    unit = find_unit(session, data.unit)
    period = data.period.code
    problems: list[Problem] = []
    changes: list[RowChange] = []
    unchanged = 0
    for entry in sorted(data.rows.values(), key=lambda e: e.row):
        if not entry.has_task_input and not entry.actuals:
            continue
        task = session.get(m.Task, entry.task_id)
        if task is None or task.deleted_at is not None or task.plan.deleted_at is not None:
            problems.append(Problem(entry.row, "", f"任务（编号 T{entry.task_id}）在台账中已不存在或已删除"))
            continue
        if entry.has_task_input and not _same(entry.identity, task.uid, task.title, task.title):
            problems.append(Problem(entry.row, "", _not_the_same(f"T{entry.task_id}", task.title)))
            continue
        wrong = [
            mid
            for mid, identity in entry.actual_identities.items()
            if (metric := session.get(m.Metric, mid)) is not None
            and metric.task_id == task.id
            and not _same(identity, metric.uid, metric.name, metric_row_title(metric.name))
        ]
        for mid in wrong:
            metric = session.get(m.Metric, mid)
            assert metric is not None
            problems.append(Problem(entry.actual_rows[mid], "", _not_the_same(f"M{mid}", metric.name)))
        if wrong:
            continue
        if not any(link.unit_id == unit.id for link in task.unit_links):
            problems.append(
                Problem(
                    entry.row,
                    "",
                    f"任务“{task.code} {task.title[:20]}”不是“{unit.name}”的任务（表格可能被拼接）",
                )
            )
            continue
        if task.closed_at is not None and entry.has_task_input:
            problems.append(
                Problem(entry.row, "", f"任务“{task.code} {task.title[:20]}”已销号，不再接受填报")
            )
            continue
        metrics = {metric.id: metric for metric in task.metrics}
        stray = [mid for mid in entry.actuals if mid not in metrics]
        for mid in stray:
            problems.append(Problem(entry.actual_rows[mid], "", f"指标（编号 M{mid}）不属于该任务"))
        if stray:
            continue
        fields: list[FieldChange] = []
        changed_actuals: dict[int, float] = {}
        for mid, value in entry.actuals.items():
            before = actual_of_period(session, mid, period)
            if before != value:
                changed_actuals[mid] = value
                fields.append(FieldChange(f"指标“{metrics[mid].name}”实际值", _text(before), _text(value)))
        update: ProgressInput | None = None
        if entry.has_task_input and entry.status is not None:
            progress = entry.progress or ""
            if entry.evidence:
                progress = (
                    f"{progress}\n{EVIDENCE_PREFIX}{entry.evidence}"
                    if progress
                    else EVIDENCE_PREFIX + entry.evidence
                )
            percent = 100 if entry.status == "done" and entry.percent is None else entry.percent
            proposed = ProgressInput(
                period=period,
                status=entry.status,
                progress=progress,
                percent=percent,
                problems=entry.problems or None,
                next_steps=entry.next_steps or None,
            )
            latest = latest_of_period(session, task.id, period)
            old = (
                (latest.status, latest.percent, latest.progress or "", latest.problems, latest.next_steps)
                if latest is not None
                else (None, None, "", None, None)
            )
            new = (
                proposed.status,
                proposed.percent,
                proposed.progress,
                proposed.problems,
                proposed.next_steps,
            )
            if old != new:
                update = proposed
                labels = ("完成状态", "完成百分比", "本期进展情况", "存在问题", "下步措施")
                for label, was, now in zip(labels, old, new, strict=True):
                    if was != now:
                        before_text, after_text = _text(was), _text(now)
                        if label == "完成状态":
                            before_text = STATUS_LABELS.get(str(was), "未填报") if was else "未填报"
                            after_text = STATUS_LABELS[str(now)]
                        fields.append(FieldChange(label, before_text, after_text))
        if not fields:
            unchanged += 1
            continue
        flags: list[str] = []
        if update is not None:
            update.actuals = dict(changed_actuals)
            flags = review_flags(
                update.status, _turns_red(task, update, period), update.problems, update.next_steps
            )
        changes.append(
            RowChange(task.id, entry.row, task.code, task.title, fields, update, changed_actuals, flags)
        )
    if problems:
        raise FormProblems(data.path, problems)
    return FormDiff(unit.name, period, form_source(unit.name), changes, unchanged, data.blank_tasks)


def _already_returned(session: Session, task_id: int, update: ProgressInput) -> bool:
    """The same row was sent back before: importing the form again records no second 退回."""
    last = session.scalar(
        select(m.Update)
        .where(
            m.Update.task_id == task_id, m.Update.period == update.period, m.Update.review_state == "returned"
        )
        .order_by(m.Update.recorded_at.desc(), m.Update.id.desc())
        .limit(1)
    )
    if last is None:
        return False
    was = (last.status, last.percent, last.progress or "", last.problems, last.next_steps)
    now = (
        update.status,
        update.percent,
        update.progress or "",
        update.problems or None,
        update.next_steps or None,
    )
    return was == now


def _turns_red(task: m.Task, update: ProgressInput, period: str) -> bool:
    """Whether the task's light would be red with this row, as of the period's end."""
    start_year = task.plan.period_start
    start = date(start_year, 1, 1) if start_year else task.created_at.date()
    facts = TaskFacts(start, task.deadline, task.recurring == "yearly", update.status, update.percent)
    return judge(facts, parse_period(period).end).light is Light.RED


def apply_diff(
    session: Session,
    diff: FormDiff,
    accepted: set[int] | None = None,
    *,
    actor: str | None = None,
    returned: Mapping[int, str] | None = None,
    received_on: date | None = None,
) -> int:
    """Write the accepted rows (all when `accepted` is None) in the caller's transaction.

    Rows in `returned` (task id → reason) are kept as 退回 and do not count as the report;
    the form, received on `received_on` (today by default), answers the unit's open 催办单.
    """
    returned = returned or {}
    received = received_on or date.today()
    applied = 0
    for change in diff.changes:
        if change.task_id in returned:
            if change.update is not None and not _already_returned(session, change.task_id, change.update):
                record_update(
                    session,
                    change.task_id,
                    replace(change.update, received_on=received),
                    actor=actor,
                    source=diff.source,
                    returned_for=returned[change.task_id],
                )
            continue
        if accepted is not None and change.task_id not in accepted:
            continue
        if change.update is not None:
            record_update(
                session,
                change.task_id,
                replace(change.update, received_on=received),
                actor=actor,
                source=diff.source,
            )
        else:
            task = session.get(m.Task, change.task_id)
            assert task is not None
            metrics = {metric.id: metric for metric in task.metrics}
            for mid, value in change.actuals.items():
                record_actual(session, metrics[mid], diff.period, value, actor=actor, source=diff.source)
        applied += 1
    if applied or returned:
        unit = find_unit(session, diff.unit)
        close_open_notices(
            session,
            unit.id,
            received,
            f"报送{diff.source}",
            actor=actor,
            source=diff.source,
            period=diff.period,
        )
    return applied
