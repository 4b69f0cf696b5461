"""Write a validated plan file into the ledger, whole or not at all."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.planfile import model as pf
from tracker.services import audit
from tracker.services.units import UnitResolver, qualify_unit_name


def _naive_utc(value: datetime) -> datetime:
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


class _Uids:
    """The uid each new row gets: the file's own (an export of this or another ledger) when
    no row here has it yet and the file names it once, else a new one, so an export imports
    back with the same identities and a second import of it can never make a duplicate."""

    def __init__(self, session: Session, source: pf.Plan) -> None:
        wanted: list[str] = []

        def walk_metrics(metrics: list[pf.Metric]) -> None:
            wanted.extend(x.uid for x in metrics if x.uid)

        def walk(tasks: list[pf.Task]) -> None:
            for task in tasks:
                if task.uid:
                    wanted.append(task.uid)
                walk_metrics(task.metrics)
                walk(task.children)

        if source.uid:
            wanted.append(source.uid)
        walk_metrics(source.metrics)
        walk(source.tasks)
        taken: set[str] = {uid for uid in wanted if wanted.count(uid) > 1}
        for model in (m.Plan, m.Task, m.Metric):
            for start in range(0, len(wanted), 500):
                taken.update(
                    session.scalars(select(model.uid).where(model.uid.in_(wanted[start : start + 500])))
                )
        self.free = set(wanted) - taken

    def take(self, uid: str | None) -> str:
        if uid is not None and uid in self.free:
            self.free.discard(uid)
            return uid
        return m.new_uid()


def _metric(plan: m.Plan, source: pf.Metric, position: int, uids: _Uids) -> m.Metric:
    metric = m.Metric(
        uid=uids.take(source.uid),
        plan=plan,
        position=position,
        name=source.name,
        key=source.key,
        unit=source.unit,
        category=source.category,
        source=source.source,
        note=source.note,
        baseline_year=source.baseline.year if source.baseline else None,
        baseline_value=source.baseline.value if source.baseline else None,
        baseline_text=source.baseline.text if source.baseline else None,
        baseline_estimated=source.baseline.estimated if source.baseline else False,
    )
    metric.history = [m.MetricHistory(year=h.year, value=h.value, text=h.text) for h in source.history]
    metric.targets = [
        m.Target(
            year=t.year,
            value=t.value,
            max=t.max,
            comparator=t.comparator,
            kind=t.kind,
            recurring=t.recurring,
            text=t.text,
        )
        for t in source.targets
    ]
    metric.actuals = [
        m.Actual(period=a.period, value=a.value, recorded_at=_naive_utc(a.recorded_at))
        for a in source.actuals
    ]
    return metric


class _PlanWriter:
    def __init__(self, session: Session, plan: m.Plan, uids: _Uids) -> None:
        self.session = session
        self.plan = plan
        self.uids = uids
        self.units = UnitResolver(session)
        self.task_count = 0

    def task(self, source: pf.Task, parent: m.Task | None, position: int) -> m.Task:
        task = m.Task(
            uid=self.uids.take(source.uid),
            plan=self.plan,
            parent=parent,
            position=position,
            code=source.code,
            title=source.title,
            content=source.content,
            kind=source.kind,
            # An export carries the deadline in force and the original; the task keeps the original.
            deadline=source.original_deadline if source.extensions else source.deadline,
            deadline_text=source.deadline_text,
            recurring=source.recurring,
            location=source.location,
            investment_value=source.investment.value if source.investment else None,
            investment_unit=source.investment.unit if source.investment else None,
            source=source.source,
            units_inferred=source.units_inferred,
            leader=source.leader,
            is_key=source.key,
            origin_kind=source.origin.type if source.origin else None,
            origin_leader=source.origin.leader if source.origin else None,
            origin_text=source.origin.instruction if source.origin else None,
            assigned_on=source.origin.assigned_on if source.origin else None,
        )
        task.extensions = [
            m.DeadlineExtension(
                original_deadline=source.original_deadline,
                new_deadline=e.to,
                reason=e.reason,
                approver=e.approved_by,
                granted_on=e.on,
            )
            for e in source.extensions
        ]
        self.session.add(task)
        self.task_count += 1
        task.unit_links = [
            m.TaskUnit(
                unit=self.units.resolve(qualify_unit_name(u.name, self.plan.jurisdiction)),
                position=i,
                role=u.role,
                printed_name=u.name,
            )
            for i, u in enumerate(source.units)
        ]
        task.metrics = [_metric(self.plan, metric, i, self.uids) for i, metric in enumerate(source.metrics)]
        task.updates = [
            m.Update(
                period=u.period,
                status=u.status,
                percent=u.percent,
                progress=u.progress,
                problems=u.problems,
                next_steps=u.next_steps,
                source=u.source,
                recorded_at=_naive_utc(u.recorded_at),
                received_on=u.received_on,
                review_state=u.review,
                review_reason=u.review_reason,
            )
            for u in source.updates
        ]
        for i, child in enumerate(source.children):
            self.task(child, task, i)  # parent= links it into task.children
        return task


def import_plan(
    session: Session,
    source: pf.Plan,
    *,
    origin: str = audit.SOURCE_IMPORT,
    actor: str | None = None,
) -> m.Plan:
    """Add one plan with all its tasks, units and metrics; recorded in the history.

    Evidence listed in a plan file is metadata only (its content is not in the file), so it
    is not turned into evidence records here; backups carry content and restore it.
    """
    last = session.scalar(select(func.max(m.Plan.position)))
    uids = _Uids(session, source)
    plan = m.Plan(
        uid=uids.take(source.uid),
        title=source.title,
        short_title=source.short_title,
        doc_number=source.doc_number,
        issuer=source.issuer,
        jurisdiction=source.jurisdiction,
        issued_on=source.issued_on,
        period_start=source.period.start if source.period else None,
        period_end=source.period.end if source.period else None,
        source=source.source,
        notes=source.notes,
        position=(last or 0) + 1,
    )
    session.add(plan)
    plan.metrics = [_metric(plan, metric, i, uids) for i, metric in enumerate(source.metrics)]
    writer = _PlanWriter(session, plan, uids)
    with session.no_autoflush:
        for i, task in enumerate(source.tasks):
            writer.task(task, None, i)  # plan= links it into plan.tasks
    session.flush()
    audit.record(
        session,
        action="create",
        entity="plan",
        entity_id=plan.id,
        plan_id=plan.id,
        summary=f"导入方案《{plan.title}》，共 {writer.task_count} 项任务",
        after={"title": plan.title, "doc_number": plan.doc_number, "tasks": writer.task_count},
        actor=actor,
        source=origin,
    )
    return plan
