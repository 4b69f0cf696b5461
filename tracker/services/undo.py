"""撤销 / 重做 (undo and redo) of the edits made in the window, as inverse service calls.

Nothing is stored for undo beyond what the services already keep: each command remembers
the ids and the values before, and undoes by calling the services again (edit back,
restore from the 回收站, reopen, withdraw a record). Every undo and redo is itself a
change in the 留痕, written “撤销“记录进展”：…” / “重做“销号”：…”, so the history shows the
change and its undoing side by side. The stack lives as long as the window; a change
made elsewhere meanwhile can make an undo impossible, and the service then says why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput, TrackerError
from tracker.services import audit, evidence, plans_edit, tasks, unit_admin
from tracker.services.progress import (
    ProgressInput,
    close_task,
    record_update,
    reopen_task,
    withdraw_update,
)

UNDO_LIMIT = 100


class Command:
    """One edit the officer made, able to run again (`do`) and to be taken back (`undo`)."""

    label: str  # what the menu says after 撤销 / 重做: “记录进展”, “销号”
    task_id: int | None  # the task to show after it runs

    def do(self, session: Session) -> None:
        raise NotImplementedError

    def undo(self, session: Session) -> None:
        raise NotImplementedError


def task_input(task: m.Task) -> tasks.TaskInput:
    """A task's fields as the edit form holds them (the state an undo returns to)."""
    return tasks.input_of(task)


@dataclass
class EditTask(Command):
    task_id: int | None
    before: tasks.TaskInput
    after: tasks.TaskInput
    actor: str | None = None
    label: str = "编辑任务"

    def do(self, session: Session) -> None:
        tasks.edit_task(session, _id(self.task_id), self.after, actor=self.actor)

    def undo(self, session: Session) -> None:
        tasks.edit_task(session, _id(self.task_id), self.before, actor=self.actor)


@dataclass
class CreateTask(Command):
    plan_id: int
    data: tasks.TaskInput
    parent_id: int | None = None
    actor: str | None = None
    task_id: int | None = None
    label: str = "新增任务"

    def do(self, session: Session) -> None:
        if self.task_id is None:
            task = tasks.create_task(
                session, self.plan_id, self.data, parent_id=self.parent_id, actor=self.actor
            )
            self.task_id = task.id
        else:  # a redo brings the same task back, under the same id
            tasks.restore_task(session, self.task_id, actor=self.actor)

    def undo(self, session: Session) -> None:
        tasks.delete_task(session, _id(self.task_id), actor=self.actor)


@dataclass
class MoveTask(Command):
    task_id: int | None
    plan_id: int
    parent_id: int | None
    actor: str | None = None
    before: tuple[int, int | None, int] | None = None  # plan, parent, position
    label: str = "移动任务"

    def do(self, session: Session) -> None:
        task = _task(session, self.task_id)
        self.before = (task.plan_id, task.parent_id, task.position)
        tasks.move_task(session, task.id, plan_id=self.plan_id, parent_id=self.parent_id, actor=self.actor)

    def undo(self, session: Session) -> None:
        assert self.before is not None
        plan_id, parent_id, position = self.before
        task = tasks.move_task(
            session, _id(self.task_id), plan_id=plan_id, parent_id=parent_id, actor=self.actor
        )
        task.position = position  # back in its old place among its siblings, not last


@dataclass
class DeleteTask(Command):
    task_id: int | None
    actor: str | None = None
    label: str = "删除任务"

    def do(self, session: Session) -> None:
        tasks.delete_task(session, _id(self.task_id), actor=self.actor)

    def undo(self, session: Session) -> None:
        tasks.restore_task(session, _id(self.task_id), actor=self.actor)


@dataclass
class CloseTask(Command):
    task_id: int | None
    reason: str
    actor: str | None = None
    on: date | None = None  # 销号日期 (default today)
    period: str | None = None  # 销号所属报告期
    label: str = "销号"

    def do(self, session: Session) -> None:
        close_task(session, _id(self.task_id), self.reason, on=self.on, period=self.period, actor=self.actor)

    def undo(self, session: Session) -> None:
        reopen_task(session, _id(self.task_id), actor=self.actor)


@dataclass
class ReopenTask(Command):
    task_id: int | None
    reason: str = ""
    actor: str | None = None
    closed: tuple[Any, str, date | None, str | None] | None = None  # when, why, 日期, 报告期
    label: str = "撤销销号"

    def do(self, session: Session) -> None:
        task = _task(session, self.task_id)
        self.closed = (task.closed_at, task.closed_reason or "", task.closed_on, task.closed_period)
        reopen_task(session, task.id, self.reason, actor=self.actor)

    def undo(self, session: Session) -> None:
        assert self.closed is not None
        when, reason, day, period = self.closed
        task = close_task(session, _id(self.task_id), reason, on=day, period=period, actor=self.actor)
        task.closed_at = when  # closed as it was, on its original date and in its period


@dataclass
class RecordProgress(Command):
    """记录进展 with its actuals and evidence; undone by withdrawing the record."""

    task_id: int | None
    data: ProgressInput
    actor: str | None = None
    update_id: int | None = None
    evidence_ids: list[int] = field(default_factory=list)
    previous_actuals: dict[int, float | None] = field(default_factory=dict)
    label: str = "记录进展"

    def do(self, session: Session, progress: Callable[[int, int], None] | None = None) -> None:
        task_id = _id(self.task_id)
        self.previous_actuals = {
            metric_id: session.scalar(
                select(m.Actual.value).where(
                    m.Actual.metric_id == metric_id, m.Actual.period == self.data.period
                )
            )
            for metric_id in self.data.actuals
        }
        if self.update_id is None:
            update = record_update(session, task_id, self.data, actor=self.actor, progress=progress)
            session.flush()
            self.evidence_ids = list(
                session.scalars(select(m.Evidence.id).where(m.Evidence.update_id == update.id))
            )
        else:  # a redo: the files are in the ledger already, put them back on the new record
            update = record_update(session, task_id, replace(self.data, evidence=[]), actor=self.actor)
            for evidence_id in self.evidence_ids:
                evidence.restore(session, evidence_id, update=update, actor=self.actor)
        self.update_id = update.id

    def undo(self, session: Session) -> None:
        withdraw_update(session, _id(self.update_id), self.previous_actuals, actor=self.actor)


@dataclass
class RemoveEvidence(Command):
    evidence_id: int
    task_id: int | None = None
    actor: str | None = None
    label: str = "移除佐证材料"

    def do(self, session: Session) -> None:
        self.task_id = evidence.remove(session, self.evidence_id, actor=self.actor).task_id

    def undo(self, session: Session) -> None:
        evidence.restore(session, self.evidence_id, actor=self.actor)


@dataclass
class RenameUnit(Command):
    unit_id: int
    name: str
    actor: str | None = None
    before: tuple[str, frozenset[str]] | None = None  # the old name and aliases
    task_id: int | None = None
    label: str = "单位更名"

    def do(self, session: Session) -> None:
        unit = unit_admin.get_unit(session, self.unit_id)
        self.before = (unit.name, frozenset(a.alias for a in unit.aliases))
        unit_admin.rename_unit(session, self.unit_id, self.name, actor=self.actor)

    def undo(self, session: Session) -> None:
        assert self.before is not None
        name, aliases = self.before
        unit_admin.rename_unit(session, self.unit_id, name, actor=self.actor)
        unit_admin.drop_aliases(session, self.unit_id, keep=aliases, actor=self.actor)


@dataclass
class MergeUnits(Command):
    """合并单位, taken back by splitting the merged unit out again (its id, name, links)."""

    source_id: int
    target_id: int
    actor: str | None = None
    record: unit_admin.MergeRecord | None = None
    task_id: int | None = None
    label: str = "合并单位"

    def do(self, session: Session) -> None:
        self.record = unit_admin.merge_record(session, self.source_id, self.target_id)
        unit_admin.merge_units(session, self.source_id, self.target_id, actor=self.actor)

    def undo(self, session: Session) -> None:
        assert self.record is not None
        unit_admin.unmerge_units(session, self.record, actor=self.actor)


@dataclass
class EditPlan(Command):
    plan_id: int
    before: plans_edit.PlanInput
    after: plans_edit.PlanInput
    actor: str | None = None
    task_id: int | None = None
    label: str = "编辑方案"

    def do(self, session: Session) -> None:
        plans_edit.edit_plan(session, self.plan_id, self.after, actor=self.actor)

    def undo(self, session: Session) -> None:
        plans_edit.edit_plan(session, self.plan_id, self.before, actor=self.actor)


def _id(value: int | None) -> int:
    if value is None:
        raise BadInput("这一步没有完成，无法撤销")
    return value


def _task(session: Session, task_id: int | None) -> m.Task:
    task = session.get(m.Task, _id(task_id))
    if task is None or task.deleted_at is not None:
        raise BadInput(f"任务（编号 {task_id}）不存在或已删除")
    return task


UnitOfWork = Callable[[], Any]  # a context manager factory giving a Session (Database.unit_of_work)


class UndoStack:
    """The window's 撤销 / 重做 lists: `push` after an edit commits, `undo` / `redo` run inverses.

    A command whose inverse fails (the task was changed elsewhere meanwhile) is dropped
    with the service's message, so the next 撤销 goes on to the one before it.
    """

    def __init__(self, limit: int = UNDO_LIMIT) -> None:
        self.limit = limit
        self.done: list[Command] = []
        self.undone: list[Command] = []

    def push(self, command: Command) -> None:
        self.done.append(command)
        del self.done[: -self.limit]
        self.undone.clear()

    def clear(self) -> None:
        self.done.clear()
        self.undone.clear()

    @property
    def undo_label(self) -> str | None:
        return self.done[-1].label if self.done else None

    @property
    def redo_label(self) -> str | None:
        return self.undone[-1].label if self.undone else None

    def undo(self, unit_of_work: UnitOfWork) -> Command:
        """Take back the last edit in one transaction; raises TrackerError (and drops it) if it cannot."""
        command = self.done.pop()
        try:
            with unit_of_work() as session, audit.reversing(f"撤销“{command.label}”"):
                command.undo(session)
        except TrackerError as exc:
            raise BadInput(f"无法撤销“{command.label}”：{exc}") from None
        self.undone.append(command)
        return command

    def redo(self, unit_of_work: UnitOfWork) -> Command:
        """Make the last undone edit again; raises TrackerError (and drops it) if it cannot."""
        command = self.undone.pop()
        try:
            with unit_of_work() as session, audit.reversing(f"重做“{command.label}”"):
                command.do(session)
        except TrackerError as exc:
            raise BadInput(f"无法重做“{command.label}”：{exc}") from None
        self.done.append(command)
        return command
